import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getHover, type HoverResult } from '../../server/src/features/hover';
import { allComponents, getComponent } from '../../server/src/semantic/catalog';
import { buildModel, type SourceFile } from '../../server/src/semantic/model';
import { parse } from '../../server/src/syntax/parser';

function setup(main: string, others: Record<string, string> = {}) {
  const offset = main.indexOf('|');
  assert.ok(offset >= 0, 'fixture has a cursor');
  const text = main.slice(0, offset) + main.slice(offset + 1);
  const file: SourceFile = { path: '/cfg/main.alloy', parse: parse(text) };
  const files = [file, ...Object.entries(others).map(([name, t]) => ({ path: `/cfg/${name}`, parse: parse(t) }))];
  return { model: buildModel(files), file, offset, text };
}

/** Hover at the `|` of `main`. */
function hoverAt(main: string, others: Record<string, string> = {}): HoverResult | undefined {
  const { model, file, offset } = setup(main, others);
  return getHover(model, file, offset);
}

function covered(main: string, h: HoverResult | undefined): string {
  const { text } = setup(main);
  assert.ok(h);
  return text.slice(h.range.start, h.range.end);
}

describe('hover on blocks and attributes', () => {
  it('describes a component: doc and stability, without links', () => {
    const src = 'prometheus.scr|ape "x" {\n  targets = []\n  forward_to = []\n}';
    const h = hoverAt(src);
    assert.ok(h);
    const schema = getComponent('prometheus.scrape');
    assert.ok(schema);
    assert.match(h.contents, /\*\*prometheus\.scrape\*\*/);
    assert.ok(h.contents.includes(schema.doc));
    assert.match(h.contents, /generally available/);
    assert.doesNotMatch(h.contents, /https?:\/\//);
    assert.equal(covered(src, h), 'prometheus.scrape');
  });

  it('describes a component when hovering its label, and an experimental one says so', () => {
    assert.match(hoverAt('prometheus.scrape "x|" {}')?.contents ?? '', /prometheus\.scrape/);
    const experimental = allComponents().find((c) => c.stability === 'experimental');
    assert.ok(experimental);
    assert.match(hoverAt(`${experimental.name.slice(0, 3)}|${experimental.name.slice(3)} "x" {}`)?.contents ?? '', /experimental/);
  });

  it('describes config blocks and custom components', () => {
    assert.match(hoverAt('log|ging {}')?.contents ?? '', /logging.*configuration block/);
    const custom = hoverAt('my_c|omp "a" {}', { 'lib.alloy': '\n\ndeclare "my_comp" {}\n' });
    assert.match(custom?.contents ?? '', /custom component/);
    assert.match(custom?.contents ?? '', /lib\.alloy:3/);
  });

  it('describes an attribute: type, default, required, doc', () => {
    const src = 'logging {\n  for|mat = "json"\n}';
    const h = hoverAt(src);
    assert.ok(h);
    assert.match(h.contents, /\*\*format\*\* `string`/);
    assert.match(h.contents, /optional/);
    assert.match(h.contents, /Default: `"logfmt"`/);
    assert.match(h.contents, /Log line format/);
    assert.equal(covered(src, h), 'format');
    const req = hoverAt('prometheus.scrape "s" {\n  tar|gets = []\n}');
    assert.match(req?.contents ?? '', /required/);
    assert.match(req?.contents ?? '', /Targets/);
  });

  it('describes a nested block and attributes inside it', () => {
    const block = hoverAt('loki.write "w" {\n  endp|oint {\n    url = "x"\n  }\n}');
    assert.match(block?.contents ?? '', /\*\*endpoint\*\* — block in `loki\.write`/);
    assert.match(block?.contents ?? '', /repeatable/);
    const attr = hoverAt('loki.write "w" {\n  endpoint {\n    u|rl = "x"\n  }\n}');
    assert.match(attr?.contents ?? '', /\*\*url\*\* `string` — required attribute of `loki\.write › endpoint`/);
  });

  it('follows self-containing schemas (stage.match in stage.match)', () => {
    const h = hoverAt('loki.process "p" {\n  stage.match {\n    stage.match {\n      sel|ector = "{a=\\"b\\"}"\n    }\n  }\n}');
    assert.match(h?.contents ?? '', /selector/);
  });

  it('says nothing about unknown names', () => {
    assert.equal(hoverAt('logging {\n  no_such|_attr = 1\n}'), undefined);
    assert.equal(hoverAt('nope.no|pe "x" {}'), undefined);
    assert.equal(hoverAt('declare "c" {}\nc "x" {\n  wh|atever = 1\n}'), undefined);
  });
});

describe('hover on references', () => {
  const other = '\n\nloki.write "default" {\n  endpoint {\n    url = "http://loki"\n  }\n}\n';

  it('names the component and export, the kind, and where the component is', () => {
    const src = 'logging {\n  write_to = [loki.write.def|ault.receiver]\n}';
    const h = hoverAt(src, { 'sinks.alloy': other });
    assert.ok(h);
    assert.match(h.contents, /export `receiver` of `loki\.write\.default`/);
    assert.match(h.contents, /LogsReceiver/);
    assert.match(h.contents, /sinks\.alloy:3/);
    assert.equal(covered(src, h), 'loki.write.default.receiver');
  });

  it('works on any fragment of the reference', () => {
    const h = hoverAt('logging {\n  write_to = [lo|ki.write.default.receiver]\n}', { 'sinks.alloy': other });
    assert.match(h?.contents ?? '', /loki\.write\.default/);
    const end = hoverAt('logging {\n  write_to = [loki.write.default.receiver|]\n}', { 'sinks.alloy': other });
    assert.match(end?.contents ?? '', /receiver/);
  });

  it('says when the referenced component is not defined', () => {
    const h = hoverAt('logging {\n  write_to = [loki.write.mis|sing.receiver]\n}');
    assert.match(h?.contents ?? '', /No `loki\.write` component with this label/);
  });

  it('describes targets exports', () => {
    const h = hoverAt('prometheus.exporter.self "alloy" {}\nprometheus.scrape "s" {\n  targets = prometheus.exporter.self.alloy.tar|gets\n  forward_to = []\n}');
    assert.match(h?.contents ?? '', /Targets/);
    assert.match(h?.contents ?? '', /main\.alloy:1/);
  });
});

describe('hover on the standard library', () => {
  it('shows a function’s signature and doc', () => {
    const h = hoverAt('x {\n  y = string.for|mat("%s", "a")\n}');
    assert.ok(h);
    assert.match(h.contents, /string\.format\(format, args\.\.\.\) → string/);
    assert.match(h.contents, /Sprintf/);
  });

  it('says what to use instead of a deprecated alias', () => {
    const h = hoverAt('x {\n  y = to_up|per("a")\n}');
    assert.match(h?.contents ?? '', /Deprecated.*string\.to_upper/);
  });

  it('names the environment variable of sys.env("X") without its value', () => {
    process.env.ALLOY_HOVER_TEST_SECRET = 's3cr3t-value';
    try {
      for (const src of [
        'x {\n  y = sys.e|nv("ALLOY_HOVER_TEST_SECRET")\n}',
        'x {\n  y = sys.env("ALLOY_HOVER_|TEST_SECRET")\n}',
        'x {\n  y = e|nv("ALLOY_HOVER_TEST_SECRET")\n}',
      ]) {
        const h = hoverAt(src);
        assert.ok(h, src);
        assert.match(h.contents, /environment variable `ALLOY_HOVER_TEST_SECRET`/);
        assert.ok(!h.contents.includes('s3cr3t-value'));
      }
      assert.match(hoverAt('x {\n  y = e|nv("ALLOY_HOVER_TEST_SECRET")\n}')?.contents ?? '', /sys\.env/);
    } finally {
      delete process.env.ALLOY_HOVER_TEST_SECRET;
    }
  });

  it('describes constants, namespaces and module arguments', () => {
    assert.match(hoverAt('x {\n  y = constants.host|name\n}')?.contents ?? '', /Host name/);
    assert.match(hoverAt('declare "d" {\n  argument "in" {}\n  x = argument.i|n.value\n}')?.contents ?? '', /module argument `in`/);
  });
});

describe('hover never fails', () => {
  it('returns undefined on whitespace, comments and literals', () => {
    assert.equal(hoverAt('  |  \nlogging {}'), undefined);
    assert.equal(hoverAt('// com|ment\nlogging {}'), undefined);
    assert.equal(hoverAt('logging {\n  level = "in|fo"\n}'), undefined);
  });

  it('survives every offset of broken inputs and answers on a large file', () => {
    const inputs = [
      'logging {\n  level = "info"\n  write_to = [loki.write.default.receiver,\n}\n',
      '}}}]]])))((({{{[[[',
      'a.b.c "d" { e = f(g[h].i, `raw\nstring`) /* c */ } "x" = {',
      'x = ' + '('.repeat(1000) + 'sys.env("A")',
      '\u{1F600}.x = "\u{1F600}"\n\r\n\t',
      '',
    ];
    for (const text of inputs) {
      const file: SourceFile = { path: '/cfg/x.alloy', parse: parse(text) };
      const model = buildModel([file]);
      for (let offset = -1; offset <= text.length + 1; offset++) getHover(model, file, offset);
    }
    let big = '';
    for (let i = 0; big.split('\n').length < 2000; i++) {
      big += `loki.write "w${i}" {\n  endpoint {\n    url = sys.env("URL")\n  }\n}\nloki.source.file "f${i}" {\n  targets = []\n  forward_to = [loki.write.w${i}.receiver]\n}\n`;
    }
    const offset = big.lastIndexOf('.receiver') - 2;
    const file: SourceFile = { path: '/cfg/big.alloy', parse: parse(big) };
    const model = buildModel([file]);
    assert.match(getHover(model, file, offset)?.contents ?? '', /loki\.write/);
  });
});
