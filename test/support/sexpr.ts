/** An expression tree as an S-expression, for readable assertions: `(^ 2 (^ 3 2))`. */
import type { Expr } from '../../server/src/syntax/ast';

export function sexpr(e: Expr): string {
  switch (e.kind) {
    case 'IdentExpr':
      return e.name;
    case 'Literal':
      return e.raw;
    case 'Array':
      return `[${e.elements.map(sexpr).join(' ')}]`;
    case 'Object':
      // A quoted key is kept as Alloy reads it: the text between the quotes, escapes unchanged.
      return `{${e.fields.map((f) => `${f.quoted ? `"${f.key}"` : f.key}=${sexpr(f.value)}`).join(' ')}}`;
    case 'Access':
      return `(. ${sexpr(e.value)} ${e.name.name})`;
    case 'Index':
      return `(index ${sexpr(e.value)} ${sexpr(e.index)})`;
    case 'Call':
      return `(call ${[e.callee, ...e.args].map(sexpr).join(' ')})`;
    case 'Unary':
      return `(${e.op} ${sexpr(e.operand)})`;
    case 'Binary':
      return `(${e.op} ${sexpr(e.left)} ${sexpr(e.right)})`;
    case 'Paren':
      return `(paren ${sexpr(e.inner)})`;
    case 'ErrorExpr':
      return '<error>';
  }
}
