/**
 * Token kinds of the Alloy syntax. The significant kinds and their printed names
 * follow Alloy's own `syntax/token` package, because its parser messages
 * (`expected TERMINATOR, got IDENT`) print them. `Whitespace` and `Comment` are
 * trivia: kept in the token stream so that the tokens tile the text exactly.
 */
export enum Tok {
  Illegal,
  EOF,
  Comment,
  Whitespace,
  Ident,
  Number,
  Float,
  String,
  Bool,
  Null,
  Or,
  And,
  Not,
  Assign,
  Eq,
  Neq,
  Lt,
  Lte,
  Gt,
  Gte,
  Add,
  Sub,
  Mul,
  Div,
  Mod,
  Pow,
  LCurly,
  RCurly,
  LParen,
  RParen,
  LBrack,
  RBrack,
  Comma,
  Dot,
  Terminator,
}

const names: Record<Tok, string> = {
  [Tok.Illegal]: 'ILLEGAL',
  [Tok.EOF]: 'EOF',
  [Tok.Comment]: 'COMMENT',
  [Tok.Whitespace]: 'WHITESPACE',
  [Tok.Ident]: 'IDENT',
  [Tok.Number]: 'NUMBER',
  [Tok.Float]: 'FLOAT',
  [Tok.String]: 'STRING',
  [Tok.Bool]: 'BOOL',
  [Tok.Null]: 'NULL',
  [Tok.Or]: '||',
  [Tok.And]: '&&',
  [Tok.Not]: '!',
  [Tok.Assign]: '=',
  [Tok.Eq]: '==',
  [Tok.Neq]: '!=',
  [Tok.Lt]: '<',
  [Tok.Lte]: '<=',
  [Tok.Gt]: '>',
  [Tok.Gte]: '>=',
  [Tok.Add]: '+',
  [Tok.Sub]: '-',
  [Tok.Mul]: '*',
  [Tok.Div]: '/',
  [Tok.Mod]: '%',
  [Tok.Pow]: '^',
  [Tok.LCurly]: '{',
  [Tok.RCurly]: '}',
  [Tok.LParen]: '(',
  [Tok.RParen]: ')',
  [Tok.LBrack]: '[',
  [Tok.RBrack]: ']',
  [Tok.Comma]: ',',
  [Tok.Dot]: '.',
  [Tok.Terminator]: 'TERMINATOR',
};

/** The name Alloy's messages use for a token kind. */
export function tokenName(kind: Tok): string {
  return names[kind];
}

/** Binary operator precedence, 0 for anything that is not a binary operator. */
export function binaryPrecedence(kind: Tok): number {
  switch (kind) {
    case Tok.Or:
      return 1;
    case Tok.And:
      return 2;
    case Tok.Eq:
    case Tok.Neq:
    case Tok.Lt:
    case Tok.Lte:
    case Tok.Gt:
    case Tok.Gte:
      return 3;
    case Tok.Add:
    case Tok.Sub:
      return 4;
    case Tok.Mul:
    case Tok.Div:
    case Tok.Mod:
      return 5;
    case Tok.Pow:
      return 6;
    default:
      return 0;
  }
}
