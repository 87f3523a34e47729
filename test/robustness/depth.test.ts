/**
 * Deep and long inputs, at the sizes that once overflowed the stack: every
 * walk whose depth the user controls keeps its own stack, so each case ends
 * with findings rather than "Maximum call stack size exceeded".
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeConfiguration, parseFile } from '../../server/src/languageService';
import { defaultSettings } from '../../server/src/settings';
import { loadComposeProject, MAX_EXTENDS_DEPTH, MAX_INCLUDE_DEPTH } from '../../server/src/compose/composeProject';
import { memoryFileSystem } from '../../server/src/compose/fileSystem';
import { interpolate, MAX_INTERPOLATION_NESTING, NESTING_LIMIT_MESSAGE } from '../../server/src/compose/interpolation';

function analyze(text: string, settings = defaultSettings) {
  return analyzeConfiguration([parseFile('/deep/config.alloy', text)], settings).findings;
}

/** `n` components, each forwarding to the next; the last one forwards to `last`. */
function chain(n: number, component: (i: number, next: string) => string, last: string): string {
  let text = '';
  for (let i = 0; i < n; i++) text += component(i, i + 1 < n ? `p${i + 1}` : last);
  return text;
}

const batch = (i: number, next: string) => `otelcol.processor.batch "p${i}" {\n\toutput {\n\t\ttraces = [otelcol.processor.batch.${next}.input]\n\t}\n}\n`;

describe('pipeline chains and cycles', () => {
  it('follows 1,000 loki.process components to a loki.write', () => {
    const text =
      'logging {\n\twrite_to = [loki.process.p0.receiver]\n}\n' +
      chain(1000, (i, next) => `loki.process "p${i}" {\n\tforward_to = [${next}]\n}\n`, 'loki.write.out.receiver').replace(/\[p(\d+)\]/g, '[loki.process.p$1.receiver]') +
      'loki.write "out" {\n\tendpoint {\n\t\turl = "http://loki:3100/loki/api/v1/push"\n\t}\n}\n';
    const codes = analyze(text).map((f) => f.code);
    assert.ok(codes.includes('selfmon/metrics-missing'));
    // The logs reach the loki.write at the end of the chain.
    assert.ok(!codes.includes('selfmon/logs-not-exported'));
  });

  it('follows 10,000 otelcol processors and says the traces go nowhere', () => {
    let text = 'tracing {\n\tsampling_fraction = 0.1\n\twrite_to = [otelcol.processor.batch.p0.input]\n}\n';
    for (let i = 0; i < 10_000; i++) text += batch(i, `p${i + 1}`);
    const findings = analyze(text);
    assert.ok(findings.some((f) => f.code === 'undefined-reference' && f.message.includes('otelcol.processor.batch.p10000.input')));
  });

  it('walks a 10,000-component cycle: a cycle alone delivers nothing', () => {
    let text = 'tracing {\n\tsampling_fraction = 0.1\n\twrite_to = [otelcol.processor.batch.p0.input]\n}\n';
    for (let i = 0; i < 10_000; i++) text += batch(i, `p${(i + 1) % 10_000}`);
    // Alloy refuses the cycle: each of its 10,000 components gets the error, up to the file's budget.
    const all = analyze(text);
    assert.equal(all.filter((f) => f.code === 'cycle').length, 1_000);
    assert.match(all.find((f) => f.code === 'cycle')?.message ?? '', /^cycle detected: otelcol\.processor\.batch\.p0, .* and 9950 more$/);
    assert.ok(all.some((f) => f.code === 'too-many-problems'));
    // With the cycle errors off, the pipeline walk still says the traces go nowhere.
    const codes = analyze(text, { ...defaultSettings, severity: { cycle: 'off' } }).map((f) => f.code);
    assert.ok(codes.includes('selfmon/traces-not-exported'));
  });

  it("follows Alloy's own metrics through 10,000 relabels and 10,000 otelcol processors to name their service.name", () => {
    let text = 'prometheus.exporter.self "alloy" { }\n\nprometheus.scrape "alloy" {\n\ttargets    = prometheus.exporter.self.alloy.targets\n\tforward_to = [prometheus.relabel.r0.receiver]\n}\n';
    for (let i = 0; i < 10_000; i++) {
      const next = i < 9_999 ? `prometheus.relabel.r${i + 1}.receiver` : 'otelcol.receiver.prometheus.otlp.receiver';
      text += `prometheus.relabel "r${i}" {\n\tforward_to = [${next}]\n}\n`;
    }
    text += 'otelcol.receiver.prometheus "otlp" {\n\toutput {\n\t\tmetrics = [otelcol.processor.batch.p0.input]\n\t}\n}\n';
    for (let i = 0; i < 10_000; i++) {
      const next = i < 9_999 ? `otelcol.processor.batch.p${i + 1}.input` : 'otelcol.exporter.otlp.out.input';
      text += `otelcol.processor.batch "p${i}" {\n\toutput {\n\t\tmetrics = [${next}]\n\t}\n}\n`;
    }
    text += 'otelcol.exporter.otlp "out" {\n\tclient {\n\t\tendpoint = "tempo:4317"\n\t}\n}\n';
    const messages = analyze(text).filter((f) => f.code === 'selfmon/metrics-service-name').map((f) => f.message);
    assert.equal(messages.length, 1);
    assert.match(messages[0] ?? '', /service\.name "integrations\/self"/);
  });
});

describe('compose includes, extends and interpolation', () => {
  const load = (files: Record<string, string>, host: Record<string, string> = {}) =>
    loadComposeProject({ composeFiles: ['/p/c0.yml'], fs: memoryFileSystem(files), hostEnv: host });

  it('reads a chain of 3,000 includes up to the limit, and names it', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) files[`/p/c${i}.yml`] = `${i < 2999 ? `include:\n  - c${i + 1}.yml\n` : ''}services:\n  s${i}:\n    image: x\n`;
    const project = load(files);
    assert.equal(project.services.size, MAX_INCLUDE_DEPTH);
    assert.deepEqual(
      project.problems.map((p) => [p.code, p.file, p.message]),
      [['compose/too-deep', `/p/c${MAX_INCLUDE_DEPTH - 1}.yml`, 'Includes nested deeper than 100 levels are not read (limit: 100 levels); services defined there are not checked.']],
    );
  });

  it('follows each of an extends chain of 20,000 services up to the limit, and names it once', () => {
    let text = 'services:\n';
    for (let i = 0; i < 20_000; i++) text += i < 19_999 ? `  s${i}: {extends: s${i + 1}}\n` : `  s${i}: {image: grafana/alloy, environment: [A=1]}\n`;
    const project = load({ '/p/c0.yml': text });
    assert.equal(project.services.size, 20_000);
    // The services within the limit of the end reach the base that sets the image and the variable.
    const near = project.services.get(`s${20_000 - MAX_EXTENDS_DEPTH}`);
    assert.equal(near?.image?.name, 'grafana/alloy');
    assert.ok(near?.environment.has('A'));
    assert.equal(near?.extended.length, MAX_EXTENDS_DEPTH - 1);
    assert.equal(project.services.get(`s${20_000 - MAX_EXTENDS_DEPTH - 1}`)?.image, null);
    assert.deepEqual(
      project.problems.map((p) => [p.code, p.message]),
      [['compose/too-deep', 'An extends chain longer than 32 services is not followed further (limit: 32 services).']],
    );
  });

  it('expands a chain of 150 merge keys up to the limit, and names it', () => {
    let text = 'x0: &a0\n  k0: v\n';
    for (let i = 1; i < 150; i++) text += `x${i}: &a${i}\n  <<: *a${i - 1}\n  k${i}: v\n`;
    text += 'services:\n  s:\n    <<: *a149\n    image: x\n';
    const project = load({ '/p/c0.yml': text });
    assert.equal(project.services.get('s')?.image?.name, 'x');
    assert.deepEqual(project.problems.map((p) => p.message), ['Merge keys (<<) chained deeper than 100 levels are not expanded further (limit: 100 levels).']);
  });

  it('still reports an extends cycle for each service in it', () => {
    const project = load({ '/p/c0.yml': 'services:\n  c:\n    extends: d\n  d:\n    extends: c\n' });
    assert.deepEqual(
      project.problems.map((p) => p.message),
      ['Service "d" extends itself (through "c").', 'Service "c" extends itself (through "d").'],
    );
  });

  const nested = (depth: number): string => {
    let template = 'x';
    for (let i = 0; i < depth; i++) template = `\${A${i}:-${template}}`;
    return template;
  };

  it('evaluates ${A:-${B:-…}} nested 5,000 deep up to the limit, and names it', () => {
    const result = interpolate(nested(5000), () => undefined);
    assert.deepEqual(result.errors.map((e) => e.message), [NESTING_LIMIT_MESSAGE]);
    assert.equal(result.references.length, MAX_INTERPOLATION_NESTING);
    assert.equal(interpolate(nested(MAX_INTERPOLATION_NESTING - 1), () => undefined).value, 'x');
  });

  it('reports the nesting limit in a compose file and in a .env file', () => {
    const compose = load({ '/p/c0.yml': `services:\n  s:\n    image: "${nested(5000)}"\n` });
    assert.deepEqual(compose.problems.map((p) => p.message), [`Interpolation nested deeper than 100 levels is not evaluated (limit: 100 levels).`]);
    const dotenv = load({ '/p/.env': `B=${nested(5000)}\n`, '/p/c0.yml': 'services:\n  s:\n    image: x\n' });
    assert.deepEqual(dotenv.problems.map((p) => p.message), [`.env:1: ${NESTING_LIMIT_MESSAGE}`]);
  });
});
