import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getCompletions, type CompletionItem } from '../../server/src/features/completion';
import { componentNamesWithPrefix, configBlocks, deprecatedStdlib, getComponent } from '../../server/src/semantic/catalog';
import { buildModel, type SourceFile } from '../../server/src/semantic/model';
import { parse } from '../../server/src/syntax/parser';

/** Completions at the `|` of `main` (other files join the same configuration). */
function complete(main: string, others: Record<string, string> = {}): CompletionItem[] {
  const { model, file, offset } = setup(main, others);
  return getCompletions(model, file, offset);
}

function setup(main: string, others: Record<string, string> = {}) {
  const offset = main.indexOf('|');
  assert.ok(offset >= 0, 'fixture has a cursor');
  const text = main.slice(0, offset) + main.slice(offset + 1);
  const file: SourceFile = { path: '/cfg/main.alloy', parse: parse(text) };
  const files = [file, ...Object.entries(others).map(([name, t]) => ({ path: `/cfg/${name}`, parse: parse(t) }))];
  return { model: buildModel(files), file, offset, text };
}

function labels(items: CompletionItem[]): string[] {
  return items.map((i) => i.label);
}

function byLabel(items: CompletionItem[], label: string): CompletionItem {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `${label} offered (got ${labels(items).slice(0, 20).join(', ')}…)`);
  return item;
}

function sorted(items: CompletionItem[]): CompletionItem[] {
  return [...items].sort((a, b) => ((a.sortText ?? a.label) < (b.sortText ?? b.label) ? -1 : (a.sortText ?? a.label) > (b.sortText ?? b.label) ? 1 : 0));
}

describe('completion at the top level', () => {
  it('offers components and config blocks as snippets in an empty file', () => {
    const items = complete('|');
    const scrape = byLabel(items, 'prometheus.scrape');
    assert.equal(scrape.kind, 'component');
    assert.equal(scrape.insertText, 'prometheus.scrape "${1:label}" {\n\t$0\n}');
    assert.equal(scrape.insertTextFormat, 'snippet');
    const logging = byLabel(items, 'logging');
    assert.equal(logging.kind, 'block');
    assert.equal(logging.insertText, 'logging {\n\t$0\n}', 'no label for an unlabelled config block');
    assert.equal(byLabel(items, 'declare').insertText, 'declare "${1:label}" {\n\t$0\n}');
    assert.ok(byLabel(items, 'tracing'));
    assert.ok(byLabel(items, 'import.file'));
  });

  it('completes a dotted prefix and replaces all of it', () => {
    const items = complete('prometheus.ex|');
    assert.ok(items.length > 0);
    assert.deepEqual(labels(items).sort(), [...componentNamesWithPrefix('prometheus.ex')].sort());
    for (const item of items) assert.deepEqual(item.replaceRange, { start: 0, end: 'prometheus.ex'.length });
  });

  it('completes after a trailing dot', () => {
    const items = complete('logging {}\notelcol.|');
    assert.deepEqual(labels(items).sort(), [...componentNamesWithPrefix('otelcol.')].sort());
    assert.deepEqual(byLabel(items, 'otelcol.receiver.otlp').replaceRange, { start: 11, end: 19 });
  });

  it('replaces a word the cursor is in the middle of', () => {
    const items = complete('prom|etheus');
    assert.deepEqual(byLabel(items, 'prometheus.scrape').replaceRange, { start: 0, end: 10 });
  });

  it('offers custom components from declare labels, first', () => {
    const items = complete('declare "my_pipeline" {}\n\n|', { 'lib.alloy': 'declare "other" {}' });
    const mine = byLabel(items, 'my_pipeline');
    assert.equal(mine.kind, 'component');
    assert.equal(mine.insertText, 'my_pipeline "${1:label}" {\n\t$0\n}');
    assert.ok(byLabel(items, 'other'));
    assert.equal(sorted(items)[0]?.label, 'my_pipeline');
  });

  it('does not offer a once-only config block that already exists in the configuration', () => {
    const items = complete('|\n', { 'other.alloy': 'logging {\n  level = "info"\n}\n' });
    assert.ok(!labels(items).includes('logging'));
    assert.ok(labels(items).includes('tracing'));
  });

  it('offers module blocks but not logging inside a declare body', () => {
    const items = complete('declare "d" {\n  |\n}');
    assert.ok(labels(items).includes('argument'));
    assert.ok(labels(items).includes('export'));
    assert.ok(!labels(items).includes('logging'));
    assert.ok(labels(items).includes('loki.write'));
  });

  it('offers only the name when a label or body already follows', () => {
    const item = byLabel(complete('prometheus.scr| "x" {\n}'), 'prometheus.scrape');
    assert.equal(item.insertText, 'prometheus.scrape');
    assert.equal(item.insertTextFormat, 'plain');
  });

  it('offers every catalog config block allowed at the root', () => {
    const items = labels(complete('|'));
    for (const b of configBlocks()) if (b.allowedAtRoot) assert.ok(items.includes(b.name), b.name);
  });
});

describe('completion in a body', () => {
  it('offers the attributes of a config block that are not set yet', () => {
    const items = complete('logging {\n  level = "info"\n  |\n}');
    assert.ok(!labels(items).includes('level'));
    const format = byLabel(items, 'format');
    assert.equal(format.kind, 'attribute');
    assert.equal(format.detail, 'string');
    assert.equal(format.insertText, 'format = $0');
    assert.equal(format.insertTextFormat, 'snippet');
    assert.match(format.documentation ?? '', /"logfmt"/, 'documentation has the default');
    assert.equal(byLabel(items, 'write_to').detail, 'list(LogsReceiver)');
  });

  it('keeps the attribute being typed on', () => {
    const items = complete('logging {\n  le|\n}');
    assert.deepEqual(byLabel(items, 'level').replaceRange, { start: 12, end: 14 });
  });

  it('puts required attributes first', () => {
    const items = sorted(complete('prometheus.scrape "x" {\n  |\n}'));
    const schema = getComponent('prometheus.scrape');
    assert.ok(schema);
    const required = schema.attributes.filter((a) => a.required).map((a) => a.name).sort();
    assert.ok(required.length > 0);
    assert.deepEqual(labels(items.slice(0, required.length)).sort(), required);
  });

  it('offers nested blocks; non-repeatable ones only once, repeatable ones again', () => {
    const items = complete('loki.write "w" {\n  endpoint {\n    url = "http://loki"\n  }\n  wal {}\n  |\n}');
    const endpoint = byLabel(items, 'endpoint');
    assert.equal(endpoint.kind, 'block');
    assert.equal(endpoint.insertText, 'endpoint {\n\t$0\n}');
    assert.ok(!labels(items).includes('wal'));
  });

  it('completes inside nested blocks through resolveBody', () => {
    const items = complete('loki.write "w" {\n  endpoint {\n    |\n  }\n}');
    assert.ok(labels(items).includes('url'));
    assert.ok(labels(items).includes('basic_auth'));
  });

  it('terminates on self-containing schemas (stage.match in stage.match)', () => {
    const items = complete('loki.process "p" {\n  stage.match {\n    stage.match {\n      stage.match {\n        stage.|\n      }\n    }\n  }\n}');
    assert.ok(labels(items).includes('stage.json'));
    assert.ok(labels(items).includes('stage.match'));
    assert.ok(labels(items).every((l) => l.startsWith('stage.')));
  });

  it('returns nothing inside the body of a custom component or an unknown block', () => {
    assert.deepEqual(complete('declare "c" {}\nc "x" {\n  |\n}'), []);
    assert.deepEqual(complete('not.a.component "x" {\n  |\n}'), []);
  });

  it('works on incomplete text (unclosed blocks)', () => {
    const items = complete('logging {\n  format = "json"\n  |');
    assert.ok(labels(items).includes('level'));
    assert.ok(!labels(items).includes('format'));
  });
});

describe('completion of references', () => {
  const sinks = 'loki.write "default" {\n  endpoint {\n    url = "http://loki"\n  }\n}\nprometheus.remote_write "default" {\n  endpoint {\n    url = "http://mimir"\n  }\n}\n';

  it('offers receivers of the accepted kind in logging write_to', () => {
    const items = complete(`${sinks}logging {\n  write_to = [|]\n}`);
    const refs = items.filter((i) => i.kind === 'reference');
    assert.deepEqual(labels(refs), ['loki.write.default.receiver']);
    assert.equal(sorted(items)[0]?.label, 'loki.write.default.receiver');
  });

  it('offers otelcol consumers in tracing write_to, also right after =', () => {
    const text = 'otelcol.exporter.otlp "tempo" {\n  client {\n    endpoint = "tempo:4317"\n  }\n}\n';
    const items = complete(`${text}tracing {\n  write_to = |\n}`);
    assert.deepEqual(labels(items.filter((i) => i.kind === 'reference')), ['otelcol.exporter.otlp.tempo.input']);
  });

  it('offers consumers in output { metrics = [ | ] }', () => {
    const text = 'otelcol.exporter.otlp "x" {\n  client {\n    endpoint = "a"\n  }\n}\notelcol.processor.batch "default" {\n  output {\n    metrics = [|]\n  }\n}';
    const refs = complete(text).filter((i) => i.kind === 'reference');
    assert.deepEqual(labels(refs), ['otelcol.exporter.otlp.x.input'], 'not its own input');
  });

  it('offers targets and auth handlers', () => {
    const targets = complete('prometheus.exporter.self "alloy" {}\nprometheus.scrape "s" {\n  targets = |\n}').filter((i) => i.kind === 'reference');
    assert.deepEqual(labels(targets), ['prometheus.exporter.self.alloy.targets']);
    const auth = complete('otelcol.auth.basic "creds" {\n  username = "u"\n  password = "p"\n}\notelcol.exporter.otlp "x" {\n  client {\n    auth = |\n  }\n}').filter(
      (i) => i.kind === 'reference',
    );
    assert.deepEqual(labels(auth), ['otelcol.auth.basic.creds.handler']);
  });

  it('ranks references of the same file first and already listed ones last', () => {
    const items = complete(
      'loki.write "a" {}\nloki.write "b" {}\nloki.source.file "f" {\n  targets = []\n  forward_to = [loki.write.a.receiver, |]\n}',
      { 'other.alloy': 'loki.write "c" {}\n' },
    );
    const refs = sorted(items).filter((i) => i.kind === 'reference');
    assert.deepEqual(labels(refs), ['loki.write.b.receiver', 'loki.write.c.receiver', 'loki.write.a.receiver']);
  });

  it('after `prometheus.remote_write.` offers the labels, then the exports', () => {
    const labelsStep = complete(`${sinks}prometheus.scrape "s" {\n  targets = []\n  forward_to = [prometheus.remote_write.|]\n}`);
    assert.deepEqual(labels(labelsStep), ['default']);
    const exportsStep = complete(`${sinks}prometheus.scrape "s" {\n  targets = []\n  forward_to = [prometheus.remote_write.default.re|]\n}`);
    assert.deepEqual(labels(exportsStep), ['receiver']);
    const item = byLabel(exportsStep, 'receiver');
    assert.equal(item.detail, 'MetricsReceiver');
    const { text } = setup(`${sinks}prometheus.scrape "s" {\n  targets = []\n  forward_to = [prometheus.remote_write.default.re|]\n}`);
    assert.equal(text.slice(item.replaceRange?.start, item.replaceRange?.end), 're');
  });

  it('offers the next name fragment of defined components only', () => {
    const items = complete(`${sinks}prometheus.scrape "s" {\n  targets = []\n  forward_to = [prometheus.|]\n}`);
    assert.deepEqual(labels(items), ['remote_write']);
  });

  it('offers module arguments inside a declare', () => {
    const items = complete('declare "d" {\n  argument "input" {}\n  loki.write "w" {\n    external_labels = { job = | }\n  }\n}');
    assert.ok(labels(items).includes('argument.input.value'));
  });
});

describe('completion of functions, keywords and values', () => {
  it('offers a namespace’s functions with signatures after `sys.` and `string.`', () => {
    const sys = complete('logging {\n  level = sys.|\n}');
    const env = byLabel(sys, 'env');
    assert.equal(env.kind, 'function');
    assert.equal(env.detail, 'sys.env(name) → string');
    assert.equal(env.insertText, 'env($1)');
    const str = labels(complete('logging {\n  level = string.to|\n}'));
    assert.ok(str.includes('format'));
    assert.ok(str.includes('to_lower'));
    assert.ok(!str.includes('env'));
    assert.ok(labels(complete('x = constants.|')).includes('hostname'));
  });

  it('offers namespaces, top-level functions and keywords in any expression position', () => {
    const items = complete('prometheus.scrape "s" {\n  job_name = |\n}');
    for (const l of ['sys', 'string', 'encoding', 'coalesce', 'json_path', 'true', 'false', 'null']) assert.ok(labels(items).includes(l), l);
    for (const alias of deprecatedStdlib.keys()) assert.ok(!labels(items).includes(alias), `no deprecated ${alias}`);
  });

  it('marks deprecated aliases when one is being typed', () => {
    const item = byLabel(complete('x = forma|'), 'format');
    assert.equal(item.deprecated, true);
    assert.match(item.detail ?? '', /string\.format/);
  });

  it('offers enum values, quoted, the default marked', () => {
    const items = complete('logging {\n  format = |\n}');
    const json = byLabel(items, '"json"');
    assert.equal(json.kind, 'value');
    assert.equal(json.insertText, '"json"');
    assert.ok(byLabel(items, '"logfmt"').detail?.includes('default'));
    assert.equal(sorted(items)[0]?.kind, 'value');
  });

  it('replaces the whole string when completing an enum inside quotes', () => {
    const items = complete('logging {\n  format = "js|"\n}');
    assert.deepEqual(labels(items).sort(), ['"json"', '"logfmt"']);
    assert.deepEqual(byLabel(items, '"json"').replaceRange, { start: 21, end: 25 });
  });

  it('offers true/false first for a bool attribute', () => {
    const items = sorted(complete('prometheus.scrape "s" {\n  honor_labels = |\n}'));
    assert.deepEqual(labels(items.slice(0, 2)).sort(), ['false', 'true']);
  });
});

describe('completion never fails', () => {
  it('returns [] where nothing can be typed', () => {
    assert.deepEqual(complete('// a comment |'), []);
    assert.deepEqual(complete('logging {\n  level = "in|"\n  format = "json"\n}').filter((i) => i.kind !== 'value'), []);
    assert.deepEqual(complete('prometheus.scrape "s" {\n  job_name = "x|"\n}'), []);
    assert.deepEqual(complete('prometheus.scrape "s" {\n  job_name = "x" |\n}'), []);
    assert.deepEqual(complete('prometheus.scrape "s" {\n  targets = [{ | }]\n}'), []);
    assert.deepEqual(complete('prometheus.scrape "|" {}'), []);
    assert.deepEqual(complete('x = 12|'), []);
  });

  it('survives every offset of broken and odd inputs', () => {
    const inputs = [
      'logging {\n  level = "info"\n  write_to = [loki.write.default.receiver,\n}\n',
      'prometheus.scrape "s" { targets = [{"a" = "b"}, forward_to = [x.y.]\n',
      '}}}]]])))((({{{[[[',
      'a.b.c "d" { e = f(g[h].i, `raw\nstring`) /* c */ } "x" = {',
      'declare "d" {\n  argument "a" {}\n  foreach "f" {\n    template {\n      stage.match {\n',
      '\u{1F600}.x = "\u{1F600}"\n\r\n\t',
      '',
    ];
    const model = buildModel([]);
    for (const text of inputs) {
      const file: SourceFile = { path: '/cfg/x.alloy', parse: parse(text) };
      const full = buildModel([file]);
      for (let offset = -1; offset <= text.length + 1; offset++) {
        assert.ok(Array.isArray(getCompletions(full, file, offset)));
        assert.ok(Array.isArray(getCompletions(model, file, offset)));
      }
    }
  });

  it('answers on deep nesting without recursion trouble', () => {
    const text = 'x = ' + '['.repeat(2000) + '|';
    assert.ok(Array.isArray(complete(text)));
    const blocks = 'loki.process "p" {\n' + 'stage.match {\n'.repeat(300) + '|';
    assert.ok(labels(complete(blocks)).includes('stage.json'));
  });
});

describe('completion on a large file', () => {
  // Speed is measured by scripts/bench.ts, not asserted here.
  it('offers references from anywhere in a 2,000-line file', () => {
    let text = '';
    for (let i = 0; text.split('\n').length < 2000; i++) {
      text += `prometheus.remote_write "r${i}" {\n  endpoint {\n    url = sys.env("URL")\n  }\n}\n`;
      text += `prometheus.scrape "s${i}" {\n  targets = [{"__address__" = "localhost:${i}"}]\n  forward_to = [prometheus.remote_write.r${i}.receiver]\n}\n`;
    }
    const main = `${text}prometheus.scrape "last" {\n  targets = []\n  forward_to = [|]\n}\n`;
    const { model, file, offset } = setup(main);
    assert.ok(getCompletions(model, file, offset).some((i) => i.label === 'prometheus.remote_write.r0.receiver'));
  });
});
