/**
 * One walk over a configuration's trees for what several checks read from
 * every node: the calls (deprecated functions, environment reads, stdlib
 * stability) and the reference expressions of each top-level block
 * (references, cycles, stdlib shadowing, self-monitoring). Done once per
 * model, on first use, and shared by every check of the analysis.
 */
import type { BlockStmt, CallExpr, Expr, Node, Stmt } from '../syntax/ast';
import type { ConfigModel, SourceFile } from './model';
import { referenceExpressions } from './references';

/** A call expression and the file it is in. */
export interface FileCall {
  file: SourceFile;
  call: CallExpr;
}

/** What the walk gathered. */
export interface ModelWalk {
  /** Every call, file by file in the model's order, each file's in source order (a call before its arguments). */
  readonly calls: readonly FileCall[];
  /** The reference expressions of `block`, as `referenceExpressions` lists them (gathered for top-level blocks, walked for others). */
  references(block: BlockStmt): readonly Expr[];
}

const walks = new WeakMap<ConfigModel, ModelWalk>();

/** The walk of `model`, done on the first call and kept while the model lives. */
export function walkModel(model: ConfigModel): ModelWalk {
  let walk = walks.get(model);
  if (!walk) {
    walk = buildWalk(model);
    walks.set(model, walk);
  }
  return walk;
}

function buildWalk(model: ConfigModel): ModelWalk {
  const calls: FileCall[] = [];
  const byBlock = new Map<BlockStmt, Expr[]>();
  for (const file of model.files) {
    for (const stmt of file.parse.file.body) {
      const refs: Expr[] | undefined = stmt.kind === 'Block' ? [] : undefined;
      scanStatement(stmt, file, calls, refs);
      if (stmt.kind === 'Block' && refs) byBlock.set(stmt, refs);
    }
  }
  return {
    calls,
    references: (block) => byBlock.get(block) ?? referenceExpressions(block),
  };
}

/**
 * Visits `root` depth-first, parents before children, with its own stacks and
 * no per-node allocation. References are gathered as `referenceExpressions`
 * gathers them: maximal identifier chains, never inside a callee.
 */
function scanStatement(root: Stmt, file: SourceFile, calls: FileCall[], refs: Expr[] | undefined): void {
  const nodes: Node[] = [root];
  // Whether references are gathered under the node: not under a callee (`sys.env` is a function).
  const gather: boolean[] = [refs !== undefined];
  const push = (node: Node, g: boolean): void => {
    nodes.push(node);
    gather.push(g);
  };
  const pushAll = (list: readonly Node[], g: boolean): void => {
    for (let i = list.length - 1; i >= 0; i--) push(list[i] as Node, g);
  };
  while (nodes.length > 0) {
    const node = nodes.pop() as Node;
    const g = gather.pop() as boolean;
    switch (node.kind) {
      case 'Block':
        pushAll(node.body, g);
        break;
      case 'Attribute':
      case 'Field':
        push(node.value, g);
        break;
      case 'Array':
        pushAll(node.elements, g);
        break;
      case 'Object':
        pushAll(node.fields, g);
        break;
      case 'Call':
        calls.push({ file, call: node });
        pushAll(node.args, g);
        push(node.callee, false);
        break;
      case 'IdentExpr':
        if (g) refs?.push(node);
        break;
      case 'Access': {
        // A chain is a reference when its base is an identifier; otherwise only its base can hold any.
        let base: Expr = node;
        while (base.kind === 'Access') base = base.value;
        if (base.kind === 'IdentExpr') {
          if (g) refs?.push(node);
        } else push(base, g);
        break;
      }
      case 'Index':
        push(node.index, g);
        push(node.value, g);
        break;
      case 'Unary':
        push(node.operand, g);
        break;
      case 'Binary':
        push(node.right, g);
        push(node.left, g);
        break;
      case 'Paren':
        push(node.inner, g);
        break;
      default:
        break;
    }
  }
}
