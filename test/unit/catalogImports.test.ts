import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const SEMANTIC = resolve(__dirname, '../../server/src/semantic');

/** The catalog modules (`catalog*.ts`) and the local catalog modules each one imports. */
function catalogImports(): Map<string, string[]> {
  const files = readdirSync(SEMANTIC).filter((f) => /^catalog\w*\.ts$/.test(f));
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const text = readFileSync(join(SEMANTIC, f), 'utf8');
    const targets = [...text.matchAll(/from '\.\/(catalog\w*)'/g)].map((m) => `${m[1]}.ts`);
    graph.set(f, targets.filter((t) => files.includes(t)));
  }
  return graph;
}

/** One import cycle of `graph` as a path, or undefined when there is none. */
function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    const found = visit(node);
    if (found) return found;
  }
  return undefined;
}

describe('catalog modules', () => {
  it('import no cycle: catalog.ts imports the data, no data module imports catalog.ts', () => {
    const graph = catalogImports();
    assert.ok(graph.has('catalog.ts') && graph.has('catalogTypes.ts'));
    assert.equal(findCycle(graph)?.join(' → '), undefined);
    for (const [file, targets] of graph) assert.ok(!targets.includes('catalog.ts'), `${file} imports catalog.ts`);
    assert.deepEqual(graph.get('catalogTypes.ts'), [], 'the types import nothing of the catalog');
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
    ]);
    assert.deepEqual(findCycle(graph), ['a.ts', 'b.ts', 'c.ts', 'a.ts']);
  });
});
