/**
 * How the parser makes the tree's nodes: one class per node kind, each
 * implementing its interface of `ast.ts`, so consumers see the same fields.
 *
 * Why classes rather than object literals, for trees of big files:
 * - `new` has no allocation site, so V8 never decides to allocate a kind of
 *   node in the old generation ("pretenuring"). It did for literals after a
 *   big parse, and a tree built in the old generation costs a write barrier
 *   per field and a full mark-compact every few parses (the 100k-line parse
 *   took 6× JSON.parse's time). Built in the young generation, a tree that
 *   is dropped soon (most trees of an edited document) dies there for free.
 * - Fewer bytes: `kind` lives on the prototype; a block's `nameParts`, a
 *   field's `keySpan` and the `name` identifiers of attributes and accesses
 *   are computed when read, from fields the node has anyway.
 *   A smaller tree is copied less often by the young generation's collector.
 * - A copy with moved offsets (`shift.ts`) is one constructor call per node.
 *
 * Every class assigns its fields in one order, so each kind has one hidden
 * class. A getter returns a new object each time it is read: compare what it
 * holds, not its identity.
 */
import type {
  AccessExpr,
  ArrayExpr,
  AttributeStmt,
  BinaryExpr,
  BlockStmt,
  CallExpr,
  ErrorExpr,
  ErrorStmt,
  Expr,
  Ident,
  IdentExpr,
  IndexExpr,
  Label,
  LiteralExpr,
  LiteralKind,
  ObjectExpr,
  ObjectField,
  ParenExpr,
  Span,
  Stmt,
  UnaryExpr,
} from './ast';

/** Puts a node kind's `kind` on its prototype: shared, not stored in every node. */
function kindOf<T extends { prototype: object }>(cls: T, kind: string): void {
  Object.defineProperty(cls.prototype, 'kind', { value: kind, writable: false, enumerable: false, configurable: false });
}

export class IdentNode implements Ident {
  declare readonly kind: 'Ident';
  declare name: string;
  declare start: number;
  declare end: number;

  constructor(name: string, start: number, end: number) {
    this.name = name;
    this.start = start;
    this.end = end;
  }
}
kindOf(IdentNode, 'Ident');

/**
 * A block's label: a plain object, as tests and consumers compare labels with
 * object literals (there is at most one per block, too few to matter).
 */
export function labelNode(value: string, start: number, end: number): Label {
  return { value, start, end };
}

/**
 * An attribute. Its name starts it and is one identifier, so the name's
 * identifier is made when read, from `start` and the name's text.
 */
export class AttributeNode implements AttributeStmt {
  declare readonly kind: 'Attribute';
  /** The attribute's name (`name.name`). */
  declare nameText: string;
  declare value: Expr;
  declare start: number;
  declare end: number;

  constructor(nameText: string, value: Expr, start: number, end: number) {
    this.nameText = nameText;
    this.value = value;
    this.start = start;
    this.end = end;
  }

  get name(): Ident {
    return new IdentNode(this.nameText, this.start, this.start + this.nameText.length);
  }
}
kindOf(AttributeNode, 'Attribute');

/**
 * A block. Its name parts are kept only when they cannot be read from `name`
 * and `start` (a part missing after a syntax error, or space or a comment
 * between the parts): `prometheus.exporter.self` written as usual stores none.
 */
export class BlockNode implements BlockStmt {
  declare readonly kind: 'Block';
  declare name: string;
  declare label: Label | undefined;
  declare body: Stmt[];
  declare lbrace: number;
  declare rbrace: number;
  declare start: number;
  declare end: number;
  /** The name parts as read, when they cannot be derived from `name` and `start`. */
  declare parts: Ident[] | undefined;

  constructor(name: string, label: Label | undefined, body: Stmt[], lbrace: number, rbrace: number, start: number, end: number, parts: Ident[] | undefined) {
    this.name = name;
    this.label = label;
    this.body = body;
    this.lbrace = lbrace;
    this.rbrace = rbrace;
    this.start = start;
    this.end = end;
    this.parts = parts;
  }

  get nameParts(): Ident[] {
    if (this.parts) return this.parts.slice();
    const out: Ident[] = [];
    const name = this.name;
    let from = 0;
    for (;;) {
      const dot = name.indexOf('.', from);
      const to = dot < 0 ? name.length : dot;
      out.push(new IdentNode(name.slice(from, to), this.start + from, this.start + to));
      if (dot < 0) return out;
      from = dot + 1;
    }
  }
}
kindOf(BlockNode, 'Block');

export class ErrorStmtNode implements ErrorStmt {
  declare readonly kind: 'ErrorStmt';
  declare start: number;
  declare end: number;

  constructor(start: number, end: number) {
    this.start = start;
    this.end = end;
  }
}
kindOf(ErrorStmtNode, 'ErrorStmt');

export class IdentExprNode implements IdentExpr {
  declare readonly kind: 'IdentExpr';
  declare name: string;
  declare start: number;
  declare end: number;

  constructor(name: string, start: number, end: number) {
    this.name = name;
    this.start = start;
    this.end = end;
  }
}
kindOf(IdentExprNode, 'IdentExpr');

export class LiteralNode implements LiteralExpr {
  declare readonly kind: 'Literal';
  declare literal: LiteralKind;
  declare raw: string;
  declare start: number;
  declare end: number;

  constructor(literal: LiteralKind, raw: string, start: number, end: number) {
    this.literal = literal;
    this.raw = raw;
    this.start = start;
    this.end = end;
  }
}
kindOf(LiteralNode, 'Literal');

export class ArrayNode implements ArrayExpr {
  declare readonly kind: 'Array';
  declare elements: Expr[];
  declare start: number;
  declare end: number;

  constructor(elements: Expr[], start: number, end: number) {
    this.elements = elements;
    this.start = start;
    this.end = end;
  }
}
kindOf(ArrayNode, 'Array');

/**
 * An object field. Its key starts the field, so `keySpan` is computed from
 * `start` and the key's length (its quotes added back when `quoted`).
 */
export class FieldNode implements ObjectField {
  declare readonly kind: 'Field';
  declare key: string;
  declare quoted: boolean;
  declare value: Expr;
  declare start: number;
  declare end: number;

  constructor(key: string, quoted: boolean, value: Expr, start: number, end: number) {
    this.key = key;
    this.quoted = quoted;
    this.value = value;
    this.start = start;
    this.end = end;
  }

  get keySpan(): Span {
    return { start: this.start, end: this.start + this.key.length + (this.quoted ? 2 : 0) };
  }
}
kindOf(FieldNode, 'Field');

export class ObjectNode implements ObjectExpr {
  declare readonly kind: 'Object';
  declare fields: ObjectField[];
  declare start: number;
  declare end: number;

  constructor(fields: ObjectField[], start: number, end: number) {
    this.fields = fields;
    this.start = start;
    this.end = end;
  }
}
kindOf(ObjectNode, 'Object');

/**
 * `value.name`. The name ends the expression, so its identifier is made when
 * read, from `nameStart`, `end` and the name's text (empty where the
 * identifier is missing: then it spans the token found instead).
 */
export class AccessNode implements AccessExpr {
  declare readonly kind: 'Access';
  declare value: Expr;
  /** The accessed name (`name.name`). */
  declare nameText: string;
  declare nameStart: number;
  declare start: number;
  declare end: number;

  constructor(value: Expr, nameText: string, nameStart: number, start: number, end: number) {
    this.value = value;
    this.nameText = nameText;
    this.nameStart = nameStart;
    this.start = start;
    this.end = end;
  }

  get name(): Ident {
    return new IdentNode(this.nameText, this.nameStart, this.end);
  }
}
kindOf(AccessNode, 'Access');

export class IndexNode implements IndexExpr {
  declare readonly kind: 'Index';
  declare value: Expr;
  declare index: Expr;
  declare start: number;
  declare end: number;

  constructor(value: Expr, index: Expr, start: number, end: number) {
    this.value = value;
    this.index = index;
    this.start = start;
    this.end = end;
  }
}
kindOf(IndexNode, 'Index');

export class CallNode implements CallExpr {
  declare readonly kind: 'Call';
  declare callee: Expr;
  declare args: Expr[];
  declare start: number;
  declare end: number;

  constructor(callee: Expr, args: Expr[], start: number, end: number) {
    this.callee = callee;
    this.args = args;
    this.start = start;
    this.end = end;
  }
}
kindOf(CallNode, 'Call');

export class UnaryNode implements UnaryExpr {
  declare readonly kind: 'Unary';
  declare op: '!' | '-';
  declare operand: Expr;
  declare start: number;
  declare end: number;

  constructor(op: '!' | '-', operand: Expr, start: number, end: number) {
    this.op = op;
    this.operand = operand;
    this.start = start;
    this.end = end;
  }
}
kindOf(UnaryNode, 'Unary');

export class BinaryNode implements BinaryExpr {
  declare readonly kind: 'Binary';
  declare op: string;
  declare left: Expr;
  declare right: Expr;
  declare start: number;
  declare end: number;

  constructor(op: string, left: Expr, right: Expr, start: number, end: number) {
    this.op = op;
    this.left = left;
    this.right = right;
    this.start = start;
    this.end = end;
  }
}
kindOf(BinaryNode, 'Binary');

export class ParenNode implements ParenExpr {
  declare readonly kind: 'Paren';
  declare inner: Expr;
  declare start: number;
  declare end: number;

  constructor(inner: Expr, start: number, end: number) {
    this.inner = inner;
    this.start = start;
    this.end = end;
  }
}
kindOf(ParenNode, 'Paren');

export class ErrorExprNode implements ErrorExpr {
  declare readonly kind: 'ErrorExpr';
  declare start: number;
  declare end: number;

  constructor(start: number, end: number) {
    this.start = start;
    this.end = end;
  }
}
kindOf(ErrorExprNode, 'ErrorExpr');
