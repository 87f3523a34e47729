/**
 * Incremental reparsing: `reparse(parse(a), b)` is `parse(b)` (tree, tokens,
 * diagnostics, line index, resume points), reuses the statements the edit does
 * not touch, and leaves the previous parse as it was.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parse, type ParseResult } from '../../server/src/syntax/parser';
import { reparse } from '../../server/src/syntax/reparse';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1500);

/** A parse result with its token arrays cut to their used length (their spare capacity differs). */
function comparable(result: ParseResult): unknown {
  const { tokens } = result;
  return {
    ...result,
    tokens: {
      text: tokens.text,
      count: tokens.count,
      errors: tokens.errors,
      kinds: Array.from(tokens.kinds.subarray(0, tokens.count)),
      starts: Array.from(tokens.starts.subarray(0, tokens.count + 1)),
    },
  };
}

/** Reparses `after` from a parse of `before`, checks it against a full parse and that the previous parse is untouched. */
function check(before: string, after: string): ParseResult {
  const previous = parse(before);
  const snapshot = comparable(parse(before));
  const result = reparse(previous, after);
  assert.deepStrictEqual(comparable(result), comparable(parse(after)));
  assert.deepStrictEqual(comparable(previous), snapshot, 'the previous parse is not changed');
  return result;
}

const CONFIG = `// Self-monitoring.
logging {
  level  = "info"
  format = "logfmt"
}

prometheus.exporter.self "alloy" { }

prometheus.scrape "self" {
  targets    = prometheus.exporter.self.alloy.targets
  forward_to = [prometheus.remote_write.default.receiver]
  job_name   = "integrations/alloy" // the job
}

/* A block comment
   over two lines. */
prometheus.remote_write "default" {
  endpoint {
    url = sys.env("PROM_URL")
    basic_auth {
      username = sys.env("PROM_USER")
      password = sys.env("PROM_PASS")
    }
  }
}

local.file "key" { filename = \`/etc/key
\` }
limit = 1 + 2 * (3 - -4) ^ 2
`;

describe('reparse', () => {
  test('an edit inside one block parses that statement again and reuses the ones before it', () => {
    const previous = parse(CONFIG);
    const text = CONFIG.replace('"logfmt"', '"json"');
    const result = reparse(previous, text);
    assert.deepStrictEqual(comparable(result), comparable(parse(text)));
    // Nothing before the logging block: it is the window. The exporter block after it is a shifted copy.
    assert.notEqual(result.file.body[0], previous.file.body[0]);
    assert.notEqual(result.file.body[1], previous.file.body[1]);
    assert.equal(result.file.body[1]?.start, (previous.file.body[1]?.start as number) - 2);
  });

  test('statements before the edited one are the same objects', () => {
    const previous = parse(CONFIG);
    const text = CONFIG.replace('PROM_PASS', 'PROM_PASSWORD');
    const result = reparse(previous, text);
    assert.deepStrictEqual(comparable(result), comparable(parse(text)));
    for (let i = 0; i < 3; i++) assert.equal(result.file.body[i], previous.file.body[i], `statement ${i} reused`);
  });

  test('an edit that keeps the length shares the statements after it', () => {
    const previous = parse(CONFIG);
    check(CONFIG, CONFIG.replace('"info"', '"warn"'));
    const last = previous.file.body.length - 1;
    assert.ok(last > 2);
    assert.equal(reparse(previous, CONFIG.replace('"info"', '"warn"')).file.body[last], previous.file.body[last]);
  });

  test('an unclosed `{` swallows everything after it, as in a full parse', () => {
    check(CONFIG, CONFIG.replace('prometheus.exporter.self "alloy" { }', 'prometheus.exporter.self "alloy" {'));
  });

  test('a block comment opener hides the rest of the file; its closer brings it back', () => {
    const opened = CONFIG.replace('prometheus.scrape', '/* prometheus.scrape');
    check(CONFIG, opened);
    check(opened, CONFIG);
  });

  test('an unterminated string ends at its line, so the next statements are reused', () => {
    const result = check(CONFIG, CONFIG.replace('"integrations/alloy"', '"integrations/alloy'));
    assert.ok(result.diagnostics.some((d) => d.message === 'string literal not terminated'));
  });

  test('a raw string opened across the rest of the file', () => {
    check(CONFIG, CONFIG.replace('limit = 1', 'limit = `1'));
    check(CONFIG, CONFIG.replace('filename = `', 'filename = '));
  });

  test('edits at the start, at the end, and of everything', () => {
    check(CONFIG, `a = 1\n${CONFIG}`);
    check(CONFIG, `${CONFIG}b = 2\n`);
    check(CONFIG, CONFIG.slice(0, -1));
    check(CONFIG, '');
    check('', CONFIG);
    check(CONFIG, 'x');
  });

  test('the same text gives the previous parse', () => {
    const previous = parse(CONFIG);
    assert.equal(reparse(previous, CONFIG), previous);
  });

  test('errors before and after the edit keep their order and move with their statements', () => {
    const broken = `a = 1 2\nb {\n  c = \n}\nd = [1 2]\ne = "x\n`;
    const result = check(broken, broken.replace('b {', 'bb {'));
    assert.ok(result.diagnostics.length >= 3);
    check(broken, broken.replace('d = [1 2]', 'd = [1, 2]'));
  });

  test('a previous parse with a nesting warning is parsed again whole', () => {
    const deep = `a = ${'['.repeat(450)}${']'.repeat(450)}\nb = 1\n`;
    const result = check(deep, deep.replace('b = 1', 'b = 2'));
    assert.ok(result.diagnostics.some((d) => d.severity === 'warning'));
  });

  test('line breaks of every kind', () => {
    const crlf = CONFIG.replace(/\n/g, '\r\n');
    check(crlf, crlf.replace('"info"', '"debug"'));
    check(CONFIG, CONFIG.replace('"info"\n', '"info"\r'));
    check(CONFIG.replace('"info"\n', '"info"\r'), CONFIG);
  });

  test('a text past the interning size', () => {
    const big = Array.from({ length: 800 }, (_, i) => CONFIG.replace(/"self"/g, `"self_${i}"`)).join('\n');
    assert.ok(big.length > 256 * 1024);
    const middle = big.indexOf('PROM_USER', big.length >> 1);
    check(big, `${big.slice(0, middle)}X${big.slice(middle)}`);
    check(big, `${big.slice(0, middle)}{${big.slice(middle)}`);
    check(big, big.replace('logging {', 'logging {{'));
  });

  test('a chain of edits, each reparsed from the last', () => {
    let previous = parse(CONFIG);
    let text = CONFIG;
    const edits: Array<[string, string]> = [
      ['"self" {', '"self" {{'],
      ['"self" {{', '"self" {'],
      ['limit', '/* limit'],
      ['/* limit', 'limit'],
      ['level  =', 'level  = 1\nlevel2 ='],
    ];
    for (const [from, to] of edits) {
      text = text.replace(from, to);
      previous = reparse(previous, text);
      assert.deepStrictEqual(comparable(previous), comparable(parse(text)), `after ${JSON.stringify(to)}`);
    }
  });
});

// ---------------------------------------------------------------------------
// Properties: random edits of generated and corpus-like configurations.

const ident = fc.constantFrom('a', 'foo', 'prometheus', 'scrape', 'remote_write', 'loki', 'rule', 'x_1', 'é');
const value = fc.oneof(
  fc.constantFrom('1', '2.5', 'true', 'null', '"v"', '"a\\"b"', '`raw`', '`multi\nline`', 'sys.env("X")', '[1, 2]', '{ a = 1, "b" = 2 }', 'a.b.c', '-1 + 2 * 3', '!x'),
  fc.tuple(ident, ident).map(([a, b]) => `${a}.${b}.receiver`),
);
const comment = fc.constantFrom('', ' // note', ' /* c */', ' /* multi\nline */');

/** A statement at some depth: attributes, blocks with and without labels, comments. */
function statementArb(depth: number): fc.Arbitrary<string> {
  const attr = fc.tuple(ident, value, comment).map(([n, v, c]) => `${n} = ${v}${c}`);
  if (depth === 0) return attr;
  const block = fc
    .tuple(fc.array(ident, { minLength: 1, maxLength: 3 }), fc.option(ident, { nil: undefined }), fc.array(statementArb(depth - 1), { maxLength: 4 }))
    .map(([parts, label, body]) => `${parts.join('.')}${label ? ` "${label}"` : ''} {\n${body.map((s) => `  ${s.replace(/\n/g, '\n  ')}\n`).join('')}}`);
  return fc.oneof({ weight: 2, arbitrary: attr }, { weight: 3, arbitrary: block }, { weight: 1, arbitrary: comment.map((c) => `//${c}`) });
}

const generated = fc
  .tuple(fc.array(statementArb(3), { maxLength: 12 }), fc.constantFrom('', '\n'))
  .map(([stmts, gap]) => stmts.map((s) => `${s}\n`).join(gap));

const CORPUS_LIKE = [
  CONFIG,
  `discovery.docker "linux" {\n  host = "unix:///var/run/docker.sock"\n}\n\ndiscovery.relabel "logs" {\n  targets = discovery.docker.linux.targets\n  rule {\n    source_labels = ["__meta_docker_container_name"]\n    regex         = "/(.*)"\n    target_label  = "container"\n  }\n}\n\nloki.source.docker "default" {\n  host       = "unix:///var/run/docker.sock"\n  targets    = discovery.relabel.logs.output\n  forward_to = [loki.write.local.receiver]\n}\n\nloki.write "local" {\n  endpoint {\n    url = "http://loki:3100/loki/api/v1/push"\n  }\n}\n`,
  `otelcol.receiver.otlp "default" {\n  grpc { }\n  http { }\n  output {\n    traces = [otelcol.processor.batch.default.input]\n  }\n}\n\notelcol.processor.batch "default" {\n  output {\n    traces = [otelcol.exporter.otlp.tempo.input]\n  }\n}\n\notelcol.exporter.otlp "tempo" {\n  client {\n    endpoint = "tempo:4317"\n    tls {\n      insecure = true\n    }\n  }\n}\n\ntracing {\n  sampling_fraction = 0.1\n  write_to          = [otelcol.processor.batch.default.input]\n}\n`,
];

const base = fc.oneof({ weight: 2, arbitrary: generated }, { weight: 1, arbitrary: fc.constantFrom(...CORPUS_LIKE) });

/** What an edit inserts: text that opens and closes braces, strings and comments, or whole lines. */
const inserted = fc.oneof(
  fc.constantFrom('', '{', '}', '"', '`', '/*', '*/', '//', '\n', '\r', ' ', '=', ',', '[', ']', '(', ')', 'x', '.', '\\', '"label"', 'a = 1\n', 'b {\n', '}\n', '\n}\n', '\uFEFF', '\0'),
  fc.string({ unit: fc.constantFrom('a', '{', '}', '"', '`', '/', '*', '\n', ' ', '=', '1', '.', '[', ']'), maxLength: 8 }),
);

const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 12 }), insert: inserted });

/** Removes up to `remove` characters at a relative offset and inserts `insert` there. */
function apply(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(e.at * (text.length + 1));
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('reparse properties', () => {
  test('one random edit: reparse is the full parse, and the previous parse is unchanged', () => {
    fc.assert(
      fc.property(base, edit, (text, e) => {
        check(text, apply(text, e));
      }),
      { numRuns: RUNS },
    );
  });

  test('a sequence of random edits, each reparsed from the previous result', () => {
    fc.assert(
      fc.property(base, fc.array(edit, { minLength: 1, maxLength: 8 }), (text, edits) => {
        let previous = parse(text);
        let current = text;
        for (const e of edits) {
          current = apply(current, e);
          previous = reparse(previous, current);
          assert.deepStrictEqual(comparable(previous), comparable(parse(current)));
        }
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });
});
