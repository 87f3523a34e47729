/**
 * The analysis' one walk gathers what the checks used to walk for on their
 * own: it must find the same calls in the same order as a walk of every node,
 * the same references per block as `referenceExpressions`, and resolve them as
 * `resolveReference` does (the component by fragments, the longest id first).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../server/src/languageService';
import { buildModel, stringValue, type ConfigModel } from '../../server/src/semantic/model';
import { walkModel } from '../../server/src/semantic/modelWalk';
import { referenceExpressions, resolveReference, resolveUncached, scanNode } from '../../server/src/semantic/references';
import { walk, type CallExpr, type Expr } from '../../server/src/syntax/ast';

const CONFIGS: Record<string, string> = {
  pipeline: [
    'prometheus.exporter.self "alloy" { }',
    'prometheus.scrape "s" {',
    '\ttargets    = prometheus.exporter.self.alloy.targets',
    '\tforward_to = [prometheus.remote_write.rw.receiver, prometheus.relabel.missing.receiver]',
    '}',
    'prometheus.remote_write "rw" {',
    '\tendpoint {',
    '\t\turl = sys.env("URL")',
    '\t\tbasic_auth {',
    '\t\t\tusername = env("USER")',
    '\t\t\tpassword = string.format("%s", local.file.pw.content)',
    '\t\t}',
    '\t}',
    '}',
  ].join('\n'),
  expressions: [
    'x = f(a)(b.c)',
    'discovery.relabel "r" {',
    '\ttargets = concat(g(h(x.y)).z, [{"__address__" = q[0].w}], -m.n * (o.p + 1))',
    '\trule {',
    '\t\treplacement = (f(1))(k.l).m[n.o]',
    '\t}',
    '}',
    'declare "d" {',
    '\tprometheus.scrape "inner" {',
    '\t\tforward_to = [argument.out.value]',
    '\t}',
    '}',
  ].join('\n'),
  // A component whose label has dots, and one whose id is a prefix of another's.
  ids: [
    'local.file "a.b" { filename = "/x" }',
    'local.file "a" { filename = local.file.a.b.content }',
    'otelcol.processor.batch "p" {',
    '\toutput { traces = [otelcol.processor.batch.p.input, otelcol.exporter.otlp.o.input.extra.deep.chain.of.fields] }',
    '}',
    'otelcol.exporter.otlp "o" { client { endpoint = string.format("%s", local.file.a.content) } }',
  ].join('\n'),
};

function modelOf(text: string): ConfigModel {
  return buildModel([parseFile('/c/config.alloy', text)]);
}

describe('the model walk', () => {
  for (const [name, text] of Object.entries(CONFIGS)) {
    it(`finds what a walk of every node finds (${name})`, () => {
      const model = modelOf(text);
      const w = walkModel(model);
      const calls: CallExpr[] = [];
      for (const file of model.files) walk(file.parse.file, (n) => void (n.kind === 'Call' && calls.push(n)));
      assert.ok(calls.length > 0);
      assert.deepEqual(w.calls.map((c) => c.call), calls);
      for (const file of model.files) {
        for (const stmt of file.parse.file.body) {
          if (stmt.kind !== 'Block') continue;
          const expected = referenceExpressions(stmt);
          assert.deepEqual(w.references(stmt), expected);
          assert.deepEqual(w.resolutions(stmt), expected.map((e) => resolveReference(model, e)));
        }
      }
      assert.equal(walkModel(model), w, 'walked again');
    });
  }

  it('resolves the longest id first and keeps the rest as the export', () => {
    const model = modelOf(CONFIGS.ids as string);
    const w = walkModel(model);
    const resolved = [...model.components.values()].flatMap((c) => w.resolutions(c.block).map((r) => (r.kind === 'component' ? `${r.ref.component.id} ${r.ref.exportName}` : r.kind)));
    assert.deepEqual(resolved, ['local.file.a.b content', 'otelcol.processor.batch.p input', 'otelcol.exporter.otlp.o input.extra.deep.chain.of.fields', 'local.file.a content']);
  });

  it('answers like the string search for names that are not components', () => {
    const model = modelOf('prometheus.scrape "s" {\n\ttargets = [sys.env, prometheus.exporter.unix.missing.targets, argument.a.value, constants.hostname]\n\tforward_to = []\n}\n');
    const attr = [...model.components.values()][0]?.block.body[0];
    assert.ok(attr?.kind === 'Attribute' && attr.value.kind === 'Array');
    const kinds = attr.value.elements.map((e: Expr) => resolveUncached(model, e).kind);
    assert.deepEqual(kinds, ['other', 'undefined', 'other', 'other']);
    const missing = attr.value.elements[1] as Expr;
    assert.deepEqual(resolveUncached(model, missing), { kind: 'undefined', path: 'prometheus.exporter.unix.missing.targets', componentName: 'prometheus.exporter.unix', range: { start: missing.start, end: missing.end } });
  });

  it('names declared components as undefined too, and leaves computed bases alone', () => {
    const model = modelOf('declare "box" { }\nprometheus.scrape "s" {\n\ttargets = [box.nope.out, f(x).y.z, prometheus.scrape]\n\tforward_to = []\n}\n');
    const attr = [...model.components.values()][0]?.block.body[0];
    assert.ok(attr?.kind === 'Attribute' && attr.value.kind === 'Array');
    const resolved = attr.value.elements.map((e: Expr) => {
      const r = resolveUncached(model, e);
      return r.kind === 'undefined' ? `${r.componentName} ${r.path}` : r.kind;
    });
    assert.deepEqual(resolved, ['box box.nope.out', 'other', 'other']);
  });
});

describe('statements an edit did not touch', () => {
  it('are not scanned again, and the walk of the edited file is the walk of a fresh parse', () => {
    const before = parseFile('/c/config.alloy', CONFIGS.pipeline as string);
    const first = walkModel(buildModel([before]));
    // An edit inside the last block: the reparse hands back the first two statements as they were.
    const text = (CONFIGS.pipeline as string).replace('env("USER")', 'env("USERNAME")');
    const after = parseFile('/c/config.alloy', text, before);
    const [kept] = after.parse.file.body;
    assert.ok(kept?.kind === 'Block' && kept === before.parse.file.body[0], 'the reparse reused the first statement');
    const second = walkModel(buildModel([after]));
    assert.equal(second.references(kept), first.references(kept), 'the same list: not scanned again');
    const fromFresh = buildModel([parseFile('/c/config.alloy', text)]);
    assert.deepEqual(second.calls.map((c) => c.call), walkModel(fromFresh).calls.map((c) => c.call));
    for (const [i, stmt] of after.parse.file.body.entries()) {
      const other = fromFresh.files[0]?.parse.file.body[i];
      if (stmt.kind !== 'Block' || other?.kind !== 'Block') continue;
      assert.deepEqual(second.references(stmt), walkModel(fromFresh).references(other));
    }
  });
});

describe('the reference scan and resolution keep no state between calls', () => {
  it('names each missing reference the same, however many distinct ones came before', () => {
    // Many distinct missing chains beside one repeated everywhere: each is named by its own fragments.
    const lines = Array.from({ length: 5000 }, (_, i) => `\tforward_to_${i} = [loki.write.w${i}.receiver, loki.write.shared.receiver]`);
    const model = modelOf(`loki.source.file "s" {\n${lines.join('\n')}\n}\n`);
    const [source] = [...model.components.values()];
    assert.ok(source);
    const names = walkModel(model).resolutions(source.block).map((r) => (r.kind === 'undefined' ? `${r.componentName}|${r.path}` : r.kind));
    assert.equal(names.length, 10000);
    for (let i = 0; i < 5000; i++) {
      assert.equal(names[2 * i], `loki.write|loki.write.w${i}.receiver`);
      assert.equal(names[2 * i + 1], 'loki.write|loki.write.shared.receiver');
    }
  });

  it('leaves nothing behind when a call handler throws, and the next scan is whole', () => {
    const model = modelOf(CONFIGS.pipeline as string);
    const file = model.files[0];
    assert.ok(file);
    assert.throws(() =>
      scanNode(file.parse.file, [], () => {
        throw new Error('handler failed');
      }),
    );
    const refs: Expr[] = [];
    let calls = 0;
    scanNode(file.parse.file, refs, () => void calls++);
    assert.deepEqual(refs, referenceExpressions(file.parse.file));
    assert.equal(calls, 3);
  });
});

describe('string values', () => {
  const lit = (raw: string): Expr => ({ kind: 'Literal', literal: 'string', raw, start: 0, end: raw.length });
  it('reads strings without escapes as they are, and the rest as JSON would', () => {
    assert.equal(stringValue(lit('"plain"')), 'plain');
    assert.equal(stringValue(lit('""')), '');
    assert.equal(stringValue(lit('"é ☃"')), 'é ☃');
    assert.equal(stringValue(lit('"a\\nb"')), 'a\nb');
    assert.equal(stringValue(lit('"\\a"')), '\u0007');
    assert.equal(stringValue(lit('"tab\there"')), undefined, 'a raw control character');
    assert.equal(stringValue(lit('"open')), undefined);
    assert.equal(stringValue(lit('"a"b"')), undefined);
    assert.equal(stringValue(lit('`raw\\n`')), 'raw\\n');
  });
});
