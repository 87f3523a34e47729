/**
 * Copies of syntax trees with every offset moved by the same amount: how
 * `reparse` reuses the statements after an edit without changing the tree it
 * was given (whoever holds the previous parse still sees its own offsets).
 * Every node is a new object of the parser's own shape; strings are shared
 * (they point into no text, or into the text of the last full parse, which a
 * chain of reparses keeps alive at most once).
 */
import type { Expr, Ident, ObjectField, Stmt } from './ast';

/** `stmt` with every offset moved by `delta`. */
export function shiftStmt(stmt: Stmt, delta: number): Stmt {
  switch (stmt.kind) {
    case 'Attribute': {
      const attr: Stmt = { kind: 'Attribute', name: shiftIdent(stmt.name, delta), value: shiftExpr(stmt.value, delta), start: stmt.start + delta, end: stmt.end + delta };
      return attr;
    }
    case 'Block': {
      const label = stmt.label ? { value: stmt.label.value, start: stmt.label.start + delta, end: stmt.label.end + delta } : undefined;
      const block: Stmt = {
        kind: 'Block',
        nameParts: stmt.nameParts.map((p) => shiftIdent(p, delta)),
        name: stmt.name,
        label,
        body: stmt.body.map((s) => shiftStmt(s, delta)),
        lbrace: stmt.lbrace + delta,
        rbrace: stmt.rbrace >= 0 ? stmt.rbrace + delta : -1,
        start: stmt.start + delta,
        end: stmt.end + delta,
      };
      return block;
    }
    case 'ErrorStmt': {
      const error: Stmt = { kind: 'ErrorStmt', start: stmt.start + delta, end: stmt.end + delta };
      return error;
    }
  }
}

function shiftIdent(ident: Ident, delta: number): Ident {
  return { kind: 'Ident', name: ident.name, start: ident.start + delta, end: ident.end + delta };
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
      return { kind: 'Binary', op: e.op, left, right: shiftExpr(e.right, delta), start, end };
    case 'Access':
      return { kind: 'Access', value: left, name: shiftIdent(e.name, delta), start, end };
    case 'Index':
      return { kind: 'Index', value: left, index: shiftExpr(e.index, delta), start, end };
    case 'Call':
      return { kind: 'Call', callee: left, args: e.args.map((a) => shiftExpr(a, delta)), start, end };
    default:
      return shiftLeaf(e, delta);
  }
}

function shiftLeaf(e: Expr, delta: number): Expr {
  const start = e.start + delta;
  const end = e.end + delta;
  switch (e.kind) {
    case 'IdentExpr':
      return { kind: 'IdentExpr', name: e.name, start, end };
    case 'Literal':
      return { kind: 'Literal', literal: e.literal, raw: e.raw, start, end };
    case 'Array':
      return { kind: 'Array', elements: e.elements.map((x) => shiftExpr(x, delta)), start, end };
    case 'Object':
      return { kind: 'Object', fields: e.fields.map((f) => shiftField(f, delta)), start, end };
    case 'Unary':
      return { kind: 'Unary', op: e.op, operand: shiftExpr(e.operand, delta), start, end };
    case 'Paren':
      return { kind: 'Paren', inner: shiftExpr(e.inner, delta), start, end };
    case 'ErrorExpr':
      return { kind: 'ErrorExpr', start, end };
    default:
      return shiftExpr(e, delta);
  }
}

function shiftField(f: ObjectField, delta: number): ObjectField {
  return {
    kind: 'Field',
    key: f.key,
    keySpan: { start: f.keySpan.start + delta, end: f.keySpan.end + delta },
    quoted: f.quoted,
    value: shiftExpr(f.value, delta),
    start: f.start + delta,
    end: f.end + delta,
  };
}
