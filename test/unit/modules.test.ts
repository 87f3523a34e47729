import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCycles, stronglyConnected } from '../../server/src/checks/cycles';
import { checkModules } from '../../server/src/checks/modules';
import { parseFile } from '../../server/src/languageService';
import { buildModel } from '../../server/src/semantic/model';
import type { Finding } from '../../server/src/syntax/diagnostic';

function run(check: (m: ReturnType<typeof buildModel>) => Finding[], text: string): string[] {
  const file = parseFile('/t/main.alloy', text);
  assert.deepEqual(file.parse.diagnostics, []);
  return check(buildModel([file])).map((f) => {
    const at = file.parse.lineIndex.alloyPosition(f.range.start);
    return `${at.line}:${at.column} ${f.message}`;
  });
}

describe('declare bodies and foreach templates', () => {
  it('reports duplicates, missing labels, logging and unknown names inside a declare body', () => {
    const text = [
      'declare "m" {',
      '\targument "a" {}',
      '\targument "a" {}',
      '\texport {',
      '\t\tvalue = 1',
      '\t}',
      '\tlogging { }',
      '\tlocal.missing "x" { }',
      '\tdeclare "inner" { }',
      '\tinner "ok" { }',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(run(checkModules, text), [
      '3:2 block argument.a already declared at main.alloy:2:2',
      '4:2 export block must have a label',
      '7:2 logging not allowed in module',
      '8:2 cannot find the definition of component name "local.missing"',
    ]);
  });

  it('says "not allowed in foreach" in a template, and knows imports made inside it', () => {
    const text = [
      'foreach "f" {',
      '\tcollection = []',
      '\tvar        = "each"',
      '',
      '\ttemplate {',
      '\t\timport.git "mod" {',
      '\t\t\trepository = "https://example.com/m.git"',
      '\t\t\tpath       = "m.alloy"',
      '\t\t}',
      '',
      '\t\tmod.thing "t" { }',
      '\t\ttracing { }',
      '\t}',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(run(checkModules, text), ['12:3 tracing not allowed in foreach']);
  });

  it('resolves references in the scope they are written in', () => {
    const text = [
      'local.file "root" {',
      '\tfilename = "/etc/hosts"',
      '}',
      '',
      'declare "m" {',
      '\targument "in" { }',
      '',
      '\tlocal.file "mine" {',
      '\t\tfilename = argument.in.value',
      '\t}',
      '',
      '\texport "out" {',
      '\t\tvalue = [local.file.mine.content, local.file.root.content]',
      '\t}',
      '}',
      '',
      'foreach "f" {',
      '\tcollection = [local.file.root.content]',
      '\tvar        = "each"',
      '',
      '\ttemplate {',
      '\t\tlocal.file "t" {',
      '\t\t\tfilename = local.file.root.content + each',
      '\t\t}',
      '\t}',
      '}',
      '',
    ].join('\n');
    // A declare body does not see the root's components; a template does.
    assert.deepEqual(run(checkModules, text), ['13:37 component "local.file.root.content" does not exist or is out of scope']);
  });
});

describe('reference cycles', () => {
  it('reports every member of a cycle with the ids sorted, and self references', () => {
    const text = [
      'prometheus.relabel "b" {',
      '\tforward_to = [prometheus.relabel.a.receiver]',
      '}',
      '',
      'prometheus.relabel "a" {',
      '\tforward_to = [prometheus.relabel.b.receiver]',
      '}',
      '',
      'prometheus.relabel "s" {',
      '\tforward_to = [prometheus.relabel.s.receiver]',
      '}',
      '',
      'prometheus.relabel "free" {',
      '\tforward_to = [prometheus.relabel.a.receiver]',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(run(checkCycles, text).sort(), [
      '1:1 cycle detected: prometheus.relabel.a, prometheus.relabel.b',
      '5:1 cycle detected: prometheus.relabel.a, prometheus.relabel.b',
      '9:1 cannot reference self',
    ]);
  });

  it('finds cycles inside declare bodies, and says nothing for a chain', () => {
    const cyc = 'declare "m" {\n\tlocal.file "a" {\n\t\tfilename = local.file.b.content\n\t}\n\n\tlocal.file "b" {\n\t\tfilename = local.file.a.content\n\t}\n}\n';
    assert.equal(run(checkCycles, cyc).length, 2);
    assert.deepEqual(run(checkCycles, 'local.file "a" {\n\tfilename = "x"\n}\n\nlocal.file "b" {\n\tfilename = local.file.a.content\n}\n'), []);
  });

  it('finds the components a search by reachability finds, and only those of the size asked for', () => {
    // Deterministic pseudo-random graphs, small enough to compare with a quadratic search.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 40; round++) {
      const n = 1 + Math.floor(next() * 30);
      const edges = Array.from({ length: n }, () => Array.from({ length: Math.floor(next() * 3) }, () => Math.floor(next() * n)));
      const reach = edges.map((_, from) => {
        const seen = new Set<number>([from]);
        const todo = [from];
        while (todo.length > 0) for (const w of edges[todo.pop() as number] ?? []) if (!seen.has(w)) (seen.add(w), todo.push(w));
        return seen;
      });
      const expected = new Set(edges.map((_, v) => edges.map((_, w) => w).filter((w) => reach[v]?.has(w) && reach[w]?.has(v)).join(',')));
      const canonical = (cs: number[][]) => new Set(cs.map((c) => [...c].sort((a, b) => a - b).join(',')));
      assert.deepEqual(canonical(stronglyConnected(edges)), expected);
      assert.deepEqual(canonical(stronglyConnected(edges, 2)), new Set([...expected].filter((c) => c.includes(','))));
      assert.equal(stronglyConnected(edges).flat().length, n, 'every node in exactly one component');
    }
  });

  it('handles long chains without recursion', () => {
    const n = 20000;
    const edges = Array.from({ length: n }, (_, i) => [(i + 1) % n]);
    const components = stronglyConnected(edges);
    assert.equal(components.length, 1);
    assert.equal(components[0]?.length, n);
  });
});
