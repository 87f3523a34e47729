/**
 * The typed syntax tree of an Alloy file. Every node knows its span as UTF-16
 * offsets into the text; together with the token stream (which tiles the text,
 * trivia included) the tree is lossless.
 *
 * The parser's nodes are instances of the classes in `nodes.ts`: some fields
 * here (`kind`, `nameParts`, `keySpan`, the `name` of attributes and accesses)
 * are read through their prototypes, so spreading a node or `JSON.stringify`
 * does not copy them.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Ident extends Span {
  kind: 'Ident';
  name: string;
}

export interface Label extends Span {
  /** The label without its quotes, as Alloy reads it. */
  value: string;
}

export interface AttributeStmt extends Span {
  kind: 'Attribute';
  name: Ident;
  value: Expr;
}

export interface BlockStmt extends Span {
  kind: 'Block';
  /** Name fragments: `prometheus.exporter.self` → three identifiers. */
  nameParts: Ident[];
  /** The dotted name, e.g. `prometheus.exporter.self`. */
  name: string;
  label: Label | undefined;
  body: Stmt[];
  /** Offset of `{`. */
  lbrace: number;
  /** Offset of `}`, or -1 when the block is not closed. */
  rbrace: number;
}

/** Text the parser could not read as a statement; kept so tools can still see it. */
export interface ErrorStmt extends Span {
  kind: 'ErrorStmt';
}

export type Stmt = AttributeStmt | BlockStmt | ErrorStmt;

export interface FileNode extends Span {
  kind: 'File';
  body: Stmt[];
}

export type LiteralKind = 'string' | 'number' | 'float' | 'bool' | 'null';

export interface IdentExpr extends Span {
  kind: 'IdentExpr';
  name: string;
}

export interface LiteralExpr extends Span {
  kind: 'Literal';
  literal: LiteralKind;
  /** The literal's source text (strings keep their quotes). */
  raw: string;
}

export interface ArrayExpr extends Span {
  kind: 'Array';
  elements: Expr[];
}

export interface ObjectField extends Span {
  kind: 'Field';
  /** The key as Alloy reads it (quotes stripped, escapes kept). */
  key: string;
  keySpan: Span;
  quoted: boolean;
  value: Expr;
}

export interface ObjectExpr extends Span {
  kind: 'Object';
  fields: ObjectField[];
}

export interface AccessExpr extends Span {
  kind: 'Access';
  value: Expr;
  name: Ident;
}

export interface IndexExpr extends Span {
  kind: 'Index';
  value: Expr;
  index: Expr;
}

export interface CallExpr extends Span {
  kind: 'Call';
  callee: Expr;
  args: Expr[];
}

export interface UnaryExpr extends Span {
  kind: 'Unary';
  op: '!' | '-';
  operand: Expr;
}

export interface BinaryExpr extends Span {
  kind: 'Binary';
  op: string;
  left: Expr;
  right: Expr;
}

export interface ParenExpr extends Span {
  kind: 'Paren';
  inner: Expr;
}

/** Where an expression was expected but could not be read. */
export interface ErrorExpr extends Span {
  kind: 'ErrorExpr';
}

export type Expr =
  | IdentExpr
  | LiteralExpr
  | ArrayExpr
  | ObjectExpr
  | AccessExpr
  | IndexExpr
  | CallExpr
  | UnaryExpr
  | BinaryExpr
  | ParenExpr
  | ErrorExpr;

export type Node = FileNode | Stmt | Expr | ObjectField;

/** The direct children of a node, in source order. */
export function childrenOf(node: Node): Node[] {
  switch (node.kind) {
    case 'File':
      return node.body;
    case 'Block':
      return node.body;
    case 'Attribute':
      return [node.value];
    case 'Array':
      return node.elements;
    case 'Object':
      return node.fields;
    case 'Field':
      return [node.value];
    case 'Access':
      return [node.value];
    case 'Index':
      return [node.value, node.index];
    case 'Call':
      return [node.callee, ...node.args];
    case 'Unary':
      return [node.operand];
    case 'Binary':
      return [node.left, node.right];
    case 'Paren':
      return [node.inner];
    default:
      return [];
  }
}

/**
 * Visits every node depth-first, parents before children, without recursion
 * (trees can be deep). Return `false` from `visit` to skip a node's children.
 */
export function walk(root: Node, visit: (node: Node) => boolean | void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (visit(node) === false) continue;
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
  }
}

/** The span of a block's header: its dotted name and, when it has one, its label. */
export function blockHeaderSpan(block: BlockStmt): Span {
  const last = block.nameParts[block.nameParts.length - 1];
  return { start: block.start, end: block.label ? block.label.end : last ? last.end : block.start + block.name.length };
}

/**
 * The dotted path of a reference expression such as
 * `prometheus.exporter.self.alloy.targets`, or undefined when the expression
 * is not a plain chain of identifiers.
 */
export function referencePath(expr: Expr): string[] | undefined {
  const parts: string[] = [];
  let e: Expr = expr;
  while (e.kind === 'Access') {
    parts.push(e.name.name);
    e = e.value;
  }
  if (e.kind !== 'IdentExpr') return undefined;
  parts.push(e.name);
  return parts.reverse();
}
