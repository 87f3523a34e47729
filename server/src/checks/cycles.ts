/**
 * Reference cycles between components, with Alloy's messages (`internal/validator`):
 * every component of a cycle gets `cycle detected: a, b` (the ids sorted), and a
 * component that references itself gets `cannot reference self`. Checked in the root
 * scope and in every `declare` body, each on its own. Tarjan's algorithm with an
 * explicit stack, so long chains cannot overflow anything.
 */
import type { Finding } from '../syntax/diagnostic';
import type { ComponentNode, ConfigModel } from '../semantic/model';
import { referenceExpressions, resolveReference, type Resolution } from '../semantic/references';
import { walkModel } from '../semantic/modelWalk';
import type { BlockStmt } from '../syntax/ast';
import { configScopes } from './configScopes';
import { scopeModel } from './modules';
import { severityOf } from '../codes';

const SOURCE = 'alloy';

/** A cycle's message names at most this many components. */
const MAX_LISTED = 50;

/** Cycle findings for the root and each declare body. */
export function checkCycles(model: ConfigModel): Finding[] {
  const out: Finding[] = [];
  for (const scope of configScopes(model)) {
    if (scope.kind === 'foreach') continue;
    if (scope.kind === 'root' && model.isModule) continue;
    // The root's references come from the analysis' one walk; a declare body is walked on its own.
    if (scope.kind === 'root') cyclesIn(model, out, walkModel(model).resolutions);
    else {
      const local = scopeModel(scope);
      cyclesIn(local, out, (block) => referenceExpressions(block).map((expr) => resolveReference(local, expr)));
    }
  }
  return out;
}

function cyclesIn(model: ConfigModel, out: Finding[], resolutions: (block: BlockStmt) => readonly Resolution[]): void {
  // Numbered as the model numbers them (`index`): no map from node to number.
  const nodes = [...model.components.values()];
  const edges: number[][] = [];
  // The node whose edges last took each target: a reference named twice is one edge.
  const takenBy = new Int32Array(nodes.length).fill(-1);
  // Most components reference nothing or nothing of this configuration: they share one empty list.
  const none: number[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as ComponentNode;
    let targets = none;
    for (const r of resolutions(node.block)) {
      if (r.kind !== 'component') continue;
      const j = r.ref.component.index;
      // A component of another model (never, as resolutions go) is no edge of this graph.
      if (nodes[j] !== r.ref.component || takenBy[j] === i) continue;
      takenBy[j] = i;
      if (targets === none) targets = [];
      targets.push(j);
    }
    edges.push(targets);
    if (takenBy[i] === i) report(out, node, 'cannot reference self');
  }
  for (const component of stronglyConnected(edges, 2)) {
    const members = component.map((i) => nodes[i] as ComponentNode);
    const ids = members.map((m) => m.id).sort();
    // One message for every member; Alloy lists every id, which for a cycle of thousands is unreadable (and quadratic).
    const listed = ids.length <= MAX_LISTED ? ids.join(', ') : `${ids.slice(0, MAX_LISTED).join(', ')} and ${ids.length - MAX_LISTED} more`;
    const message = `cycle detected: ${listed}`;
    for (const m of members) report(out, m, message);
  }
}

function report(out: Finding[], node: ComponentNode, message: string): void {
  out.push({ file: node.file.path, range: { start: node.block.start, end: node.block.lbrace }, code: 'cycle', severity: severityOf('cycle'), message, source: SOURCE });
}

/**
 * Strongly connected components of a graph given as adjacency lists (iterative
 * Tarjan), those of at least `minSize` nodes. The walk's state lives in typed
 * arrays and a component smaller than `minSize` is never built: a configuration
 * of 20,000 components has 20,000 components of one, which the cycle check skips.
 */
export function stronglyConnected(edges: readonly (readonly number[])[], minSize = 1): number[][] {
  const n = edges.length;
  const idx = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  // Tarjan's stack, and the walk's frames (a node and how many of its successors are done).
  const stack = new Int32Array(n);
  let stackTop = 0;
  const workNode = new Int32Array(n);
  const workNext = new Int32Array(n);
  const result: number[][] = [];
  let counter = 0;
  for (let start = 0; start < n; start++) {
    if (idx[start] !== -1) continue;
    workNode[0] = start;
    workNext[0] = 0;
    let depth = 1;
    idx[start] = low[start] = counter++;
    stack[stackTop++] = start;
    onStack[start] = 1;
    while (depth > 0) {
      const v = workNode[depth - 1] as number;
      const succ = edges[v] ?? [];
      const next = workNext[depth - 1] as number;
      if (next < succ.length) {
        workNext[depth - 1] = next + 1;
        const w = succ[next] as number;
        if (idx[w] === -1) {
          idx[w] = low[w] = counter++;
          stack[stackTop++] = w;
          onStack[w] = 1;
          workNode[depth] = w;
          workNext[depth] = 0;
          depth++;
        } else if (onStack[w]) low[v] = Math.min(low[v] as number, idx[w] as number);
        continue;
      }
      depth--;
      if (depth > 0) {
        const parent = workNode[depth - 1] as number;
        low[parent] = Math.min(low[parent] as number, low[v] as number);
      }
      if (low[v] === idx[v]) {
        // The component is the stack down to v; it is listed top first, as it is popped.
        let bottom = stackTop - 1;
        while (stack[bottom] !== v) bottom--;
        if (stackTop - bottom >= minSize) {
          const component: number[] = [];
          for (let k = stackTop - 1; k >= bottom; k--) component.push(stack[k] as number);
          result.push(component);
        }
        for (let k = bottom; k < stackTop; k++) onStack[stack[k] as number] = 0;
        stackTop = bottom;
      }
    }
  }
  return result;
}
