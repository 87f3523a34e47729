/**
 * Copies of syntax trees with every offset moved by the same amount: how
 * `reparse` reuses the statements after an edit without changing the tree it
 * was given (whoever holds the previous parse still sees its own offsets).
 * Every node is a new instance of the parser's own class (`nodes.ts`), one
 * constructor call per node, which also copies none of the objects a node
 * computes when read (name parts, key spans, name identifiers); strings are shared
 * (they point into no text, or into the text of the last full parse, which a
 * chain of reparses keeps alive at most once).
 */
import type { Expr, Ident, ObjectField, Stmt } from './ast';
import {
  AccessNode,
  ArrayNode,
  AttributeNode,
  BinaryNode,
  BlockNode,
  CallNode,
  ErrorExprNode,
  ErrorStmtNode,
  FieldNode,
  IdentExprNode,
  IdentNode,
  IndexNode,
  labelNode,
  LiteralNode,
  ObjectNode,
  ParenNode,
  UnaryNode,
} from './nodes';

/** `stmt` with every offset moved by `delta`. */
export function shiftStmt(stmt: Stmt, delta: number): Stmt {
  switch (stmt.kind) {
    case 'Attribute':
      return new AttributeNode(stmt instanceof AttributeNode ? stmt.nameText : stmt.name.name, shiftExpr(stmt.value, delta), stmt.start + delta, stmt.end + delta);
    case 'Block': {
      const label = stmt.label ? labelNode(stmt.label.value, stmt.label.start + delta, stmt.label.end + delta) : undefined;
      const body = stmt.body.map((s) => shiftStmt(s, delta));
      // The parser's blocks keep their name parts only when they cannot be derived; so do their copies.
      const parts = stmt instanceof BlockNode ? stmt.parts : stmt.nameParts;
      return new BlockNode(
        stmt.name,
        label,
        body,
        stmt.lbrace + delta,
        stmt.rbrace >= 0 ? stmt.rbrace + delta : -1,
        stmt.start + delta,
        stmt.end + delta,
        parts?.map((p) => shiftIdent(p, delta)),
      );
    }
    case 'ErrorStmt':
      return new ErrorStmtNode(stmt.start + delta, stmt.end + delta);
  }
}

function shiftIdent(ident: Ident, delta: number): Ident {
  return new IdentNode(ident.name, ident.start + delta, ident.end + delta);
}

/**
 * `expr` with every offset moved by `delta`. Chains such as `a + b + c …` or
 * `a.b.c …` nest to the left without bound, so the left spine is walked with a
 * loop; everything else nests at most as deep as the parser's MAX_DEPTH.
 */
export function shiftExpr(expr: Expr, delta: number): Expr {
  let base = expr;
  let spine: Expr[] | undefined;
  while (base.kind === 'Binary' || base.kind === 'Access' || base.kind === 'Index' || base.kind === 'Call') {
    (spine ??= []).push(base);
    base = base.kind === 'Binary' ? base.left : base.kind === 'Call' ? base.callee : base.value;
  }
  let out = shiftLeaf(base, delta);
  if (!spine) return out;
  for (let i = spine.length - 1; i >= 0; i--) out = shiftLink(spine[i] as Expr, out, delta);
  return out;
}

/** A copy of a spine node whose left child is already copied (`left`). */
function shiftLink(e: Expr, left: Expr, delta: number): Expr {
  const start = e.start + delta;
  const end = e.end + delta;
  switch (e.kind) {
    case 'Binary':
      return new BinaryNode(e.op, left, shiftExpr(e.right, delta), start, end);
    case 'Access':
      if (e instanceof AccessNode) return new AccessNode(left, e.nameText, e.nameStart + delta, start, end);
      return new AccessNode(left, e.name.name, e.name.start + delta, start, end);
    case 'Index':
      return new IndexNode(left, shiftExpr(e.index, delta), start, end);
    case 'Call':
      return new CallNode(left, e.args.map((a) => shiftExpr(a, delta)), start, end);
    default:
      return shiftLeaf(e, delta);
  }
}

function shiftLeaf(e: Expr, delta: number): Expr {
  const start = e.start + delta;
  const end = e.end + delta;
  switch (e.kind) {
    case 'IdentExpr':
      return new IdentExprNode(e.name, start, end);
    case 'Literal':
      return new LiteralNode(e.literal, e.raw, start, end);
    case 'Array':
      return new ArrayNode(e.elements.map((x) => shiftExpr(x, delta)), start, end);
    case 'Object':
      return new ObjectNode(e.fields.map((f) => shiftField(f, delta)), start, end);
    case 'Unary':
      return new UnaryNode(e.op, shiftExpr(e.operand, delta), start, end);
    case 'Paren':
      return new ParenNode(shiftExpr(e.inner, delta), start, end);
    case 'ErrorExpr':
      return new ErrorExprNode(start, end);
    default:
      return shiftExpr(e, delta);
  }
}

function shiftField(f: ObjectField, delta: number): ObjectField {
  return new FieldNode(f.key, f.quoted, shiftExpr(f.value, delta), f.start + delta, f.end + delta);
}
