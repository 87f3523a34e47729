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
  const nodes = [...model.components.values()];
  const index = new Map(nodes.map((n, i) => [n, i]));
  const edges: number[][] = [];
  // The node whose edges last took each target: a reference named twice is one edge.
  const takenBy = new Int32Array(nodes.length).fill(-1);
  for (const [i, node] of nodes.entries()) {
    const targets: number[] = [];
    for (const r of resolutions(node.block)) {
      if (r.kind !== 'component') continue;
      const j = index.get(r.ref.component);
      if (j === undefined || takenBy[j] === i) continue;
      takenBy[j] = i;
      targets.push(j);
    }
    edges.push(targets);
    if (takenBy[i] === i) report(out, node, 'cannot reference self');
  }
  for (const component of stronglyConnected(edges)) {
    if (component.length < 2) continue;
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

/** Strongly connected components of a graph given as adjacency lists (iterative Tarjan). */
export function stronglyConnected(edges: readonly (readonly number[])[]): number[][] {
  const n = edges.length;
  const idx = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const result: number[][] = [];
  let counter = 0;
  for (let start = 0; start < n; start++) {
    if (idx[start] !== -1) continue;
    const work: { v: number; next: number }[] = [{ v: start, next: 0 }];
    idx[start] = low[start] = counter++;
    stack.push(start);
    onStack[start] = true;
    while (work.length > 0) {
      const frame = work[work.length - 1] as { v: number; next: number };
      const succ = edges[frame.v] ?? [];
      if (frame.next < succ.length) {
        const w = succ[frame.next++] as number;
        if (idx[w] === -1) {
          idx[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          work.push({ v: w, next: 0 });
        } else if (onStack[w]) low[frame.v] = Math.min(low[frame.v] as number, idx[w] as number);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent.v] = Math.min(low[parent.v] as number, low[frame.v] as number);
      if (low[frame.v] === idx[frame.v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = false;
          component.push(w);
        } while (w !== frame.v);
        result.push(component);
      }
    }
  }
  return result;
}
