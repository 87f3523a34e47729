/**
 * Self-monitoring checks and their fixes, through the language service as the
 * editor and the CLI call it. For every code: a configuration that triggers it,
 * configurations that must stay silent, and the exact text the preferred fix
 * produces. Every fix offered is also checked to leave a file that parses, to
 * make its finding go away, and to leave nothing for a later fix-all to change.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkConfiguration, fixAll, isAutoFixable, parseFile, type TextFile } from '../../server/src/languageService';
import { applyEdits } from '../../server/src/fixes/edits';
import { resolveSettings, type Settings } from '../../server/src/settings';
import { parse } from '../../server/src/syntax/parser';
import { format } from '../../server/src/syntax/printer';
import type { Finding, Fix } from '../../server/src/syntax/diagnostic';

// ---------------------------------------------------------------------------------------
// Helpers

const DIR = '/work/project/alloy';
const FILE = `${DIR}/config.alloy`;

/** Lines joined with newlines, with a final newline (fixtures are written with `\t` for tabs). */
function lines(...ls: string[]): string {
  return `${ls.join('\n')}\n`;
}

/**
 * Settings for these tests of what fixes wire together: without the comments
 * fixes start their blocks with (fixComments.test.ts has those, exactly).
 */
function settingsFrom(raw: unknown): Settings {
  const input = typeof raw === 'object' && raw !== null ? raw : {};
  const { settings, problems } = resolveSettings({ fixes: { comments: false }, ...input });
  assert.deepEqual(problems, []);
  return settings;
}

const WIRING = settingsFrom({});

/** Only one signal checked, so that a test sees the findings of that signal alone. */
const METRICS = settingsFrom({ selfMonitoring: { logs: false, traces: false } });
const LOGS = settingsFrom({ selfMonitoring: { metrics: false, traces: false } });
const TRACES = settingsFrom({ selfMonitoring: { metrics: false, logs: false } });

function checkFiles(files: readonly TextFile[], settings: Settings = WIRING): Finding[] {
  return checkConfiguration(
    files.map((f) => parseFile(f.path, f.text)),
    settings,
  );
}

function check(text: string, settings: Settings = WIRING): Finding[] {
  return checkFiles([{ path: FILE, text }], settings);
}

function codes(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.code).sort();
}

function selfmonCodes(text: string, settings: Settings = WIRING): string[] {
  return codes(check(text, settings).filter((f) => f.code.startsWith('selfmon/')));
}

/** The one finding with `code`; fails when there is not exactly one. */
function only(findings: readonly Finding[], code: string): Finding {
  const found = findings.filter((f) => f.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got: ${JSON.stringify(findings.map((f) => `${f.code}: ${f.message}`))}`);
  return found[0] as Finding;
}

function preferred(finding: Finding): Fix {
  const fix = finding.fixes?.find((f) => f.isPreferred);
  assert.ok(fix, `${finding.code} has no preferred fix`);
  assert.equal(finding.fixes?.filter((f) => f.isPreferred).length, 1, 'exactly one preferred fix');
  return fix;
}

function applyFix(files: readonly TextFile[], fix: Fix): TextFile[] {
  for (const e of fix.edits) assert.ok(files.some((f) => f.path === e.file), `edit for an unknown file ${e.file}`);
  return files.map((f) => ({ path: f.path, text: applyEdits(f.text, fix.edits.filter((e) => e.file === f.path)) }));
}

function withChanges(files: readonly TextFile[], changed: ReadonlyMap<string, string>): TextFile[] {
  return files.map((f) => ({ path: f.path, text: changed.get(f.path) ?? f.text }));
}

/**
 * Applies `fix` and checks what every fix must guarantee: no syntax
 * diagnostics (nor any other error) in the result, the finding gone, and a
 * fix-all that is idempotent afterwards. With `settled` (the default), a
 * fix-all on the result changes nothing at all.
 */
function assertSound(files: readonly TextFile[], finding: Finding, fix: Fix, settings: Settings, settled = true): TextFile[] {
  const after = applyFix(files, fix);
  for (const f of after) assert.deepEqual(parseFile(f.path, f.text).parse.diagnostics, [], `syntax diagnostics after "${fix.title}":\n${f.text}`);
  const findings = checkFiles(after, settings);
  // Syntax, validation, references, arguments: whatever Alloy would reject.
  assert.deepEqual(
    findings.filter((f) => f.severity === 'error').map((f) => `${f.code}: ${f.message}`),
    [],
    `errors after "${fix.title}"`,
  );
  assert.ok(
    !findings.some((f) => f.code === finding.code && f.file === finding.file && f.message === finding.message),
    `${finding.code} still reported after "${fix.title}"`,
  );
  const once = withChanges(after, fixAll(after, settings));
  assert.equal(fixAll(once, settings).size, 0, `fix-all is not idempotent after "${fix.title}"`);
  if (settled) assert.equal(fixAll(after, settings).size, 0, `fix-all still changes the file after "${fix.title}"`);
  return after;
}

/** Checks every fix of the finding; returns the text the preferred one gives. */
function fixText(text: string, finding: Finding, settings: Settings, settled = true): string {
  const files = [{ path: FILE, text }];
  for (const fix of finding.fixes ?? []) assertSound(files, finding, fix, settings, settled);
  const after = applyFix(files, preferred(finding));
  return (after[0] as TextFile).text;
}

function titles(finding: Finding): string[] {
  return (finding.fixes ?? []).map((f) => f.title);
}

// ---------------------------------------------------------------------------------------
// Fixtures (tab-indented, in alloy fmt form)

const REMOTE_WRITE = lines(
  'prometheus.remote_write "default" {',
  '\tendpoint {',
  '\t\turl = "http://mimir:9009/api/v1/push"',
  '\t}',
  '}',
);

const LOKI_WRITE = lines(
  'loki.write "default" {',
  '\tendpoint {',
  '\t\turl = "http://loki:3100/loki/api/v1/push"',
  '\t}',
  '}',
);

/** A batch processor in front of an OTLP/HTTP exporter, for all three signals. */
const OTLP = lines(
  'otelcol.processor.batch "default" {',
  '\toutput {',
  '\t\tmetrics = [otelcol.exporter.otlphttp.cloud.input]',
  '\t\tlogs    = [otelcol.exporter.otlphttp.cloud.input]',
  '\t\ttraces  = [otelcol.exporter.otlphttp.cloud.input]',
  '\t}',
  '}',
  '',
  'otelcol.exporter.otlphttp "cloud" {',
  '\tclient {',
  '\t\tendpoint = sys.env("OTLP_ENDPOINT")',
  '\t}',
  '}',
);

const TEMPO = lines(
  'otelcol.exporter.otlp "tempo" {',
  '\tclient {',
  '\t\tendpoint = "tempo:4317"',
  '\t}',
  '}',
);

const METRICS_OK = lines(
  'prometheus.exporter.self "alloy" { }',
  '',
  'prometheus.scrape "alloy" {',
  '\ttargets    = prometheus.exporter.self.alloy.targets',
  '\tforward_to = [prometheus.remote_write.default.receiver]',
  '}',
);

const LOGS_OK = lines(
  'logging {',
  '\tlevel    = "info"',
  '\tformat   = "json"',
  '\twrite_to = [loki.write.default.receiver]',
  '}',
);

const TRACES_OK = lines(
  'tracing {',
  '\tsampling_fraction = 0.1',
  '\twrite_to          = [otelcol.exporter.otlp.tempo.input]',
  '}',
);

/** Every signal exported the way the user wants. */
const ALL_OK = [METRICS_OK, REMOTE_WRITE, LOGS_OK, LOKI_WRITE, TRACES_OK, TEMPO].join('\n');

/** A new prometheus.remote_write that reads its endpoint and credentials from the environment. */
const NEW_REMOTE_WRITE = lines(
  'prometheus.remote_write "alloy" {',
  '\tendpoint {',
  '\t\turl = sys.env("PROMETHEUS_REMOTE_WRITE_URL")',
  '',
  '\t\tbasic_auth {',
  '\t\t\tusername = sys.env("PROMETHEUS_USERNAME")',
  '\t\t\tpassword = sys.env("PROMETHEUS_PASSWORD")',
  '\t\t}',
  '\t}',
  '}',
);

const NEW_LOKI_WRITE = lines(
  'loki.write "alloy" {',
  '\tendpoint {',
  '\t\turl = sys.env("LOKI_URL")',
  '',
  '\t\tbasic_auth {',
  '\t\t\tusername = sys.env("LOKI_USERNAME")',
  '\t\t\tpassword = sys.env("LOKI_PASSWORD")',
  '\t\t}',
  '\t}',
  '}',
);

const NEW_OTLP_EXPORTER = lines(
  'otelcol.auth.basic "alloy" {',
  '\tclient_auth {',
  '\t\tusername = sys.env("OTLP_USERNAME")',
  '\t\tpassword = sys.env("OTLP_API_KEY")',
  '\t}',
  '}',
  '',
  'otelcol.exporter.otlphttp "alloy" {',
  '\tclient {',
  '\t\tendpoint = sys.env("OTLP_ENDPOINT")',
  '\t\tauth     = otelcol.auth.basic.alloy.handler',
  '\t}',
  '}',
);

/** A custom component whose insides the checks cannot see. */
const CUSTOM = lines(
  'declare "pipeline" {',
  '\targument "forward_to" { }',
  '',
  '\texport "receiver" {',
  '\t\tvalue = loki.process.inner.receiver',
  '\t}',
  '',
  '\texport "input" {',
  '\t\tvalue = otelcol.processor.batch.inner.input',
  '\t}',
  '',
  '\tloki.process "inner" {',
  '\t\tforward_to = argument.forward_to.value',
  '\t}',
  '',
  '\totelcol.processor.batch "inner" {',
  '\t\toutput { }',
  '\t}',
  '}',
  '',
  'pipeline "default" {',
  '\tforward_to = []',
  '}',
);

const IMPORTED = lines(
  'import.file "lib" {',
  '\tfilename = "lib.alloy"',
  '}',
  '',
  'lib.pipeline "default" { }',
);

// ---------------------------------------------------------------------------------------

describe('a correct configuration', () => {
  test('has no findings at all', () => {
    assert.deepEqual(check(ALL_OK), []);
    assert.equal(fixAll([{ path: FILE, text: ALL_OK }], WIRING).size, 0);
  });

  test("the reference's combined Grafana Cloud example is told only about service.name and the log format", () => {
    const text = lines(
      'prometheus.exporter.self "alloy" { }',
      '',
      'prometheus.scrape "alloy" {',
      '\ttargets    = prometheus.exporter.self.alloy.targets',
      '\tforward_to = [otelcol.receiver.prometheus.alloy.receiver]',
      '}',
      '',
      'otelcol.receiver.prometheus "alloy" {',
      '\toutput {',
      '\t\tmetrics = [otelcol.processor.batch.alloy.input]',
      '\t}',
      '}',
      '',
      'logging {',
      '\tlevel    = "info"',
      '\tformat   = "logfmt"',
      '\twrite_to = [otelcol.receiver.loki.alloy.receiver]',
      '}',
      '',
      'otelcol.receiver.loki "alloy" {',
      '\toutput {',
      '\t\tlogs = [otelcol.processor.batch.alloy.input]',
      '\t}',
      '}',
      '',
      'tracing {',
      '\tsampling_fraction = 0.1',
      '\twrite_to          = [otelcol.processor.batch.alloy.input]',
      '}',
      '',
      'otelcol.processor.batch "alloy" {',
      '\toutput {',
      '\t\tmetrics = [otelcol.exporter.otlphttp.grafana_cloud.input]',
      '\t\tlogs    = [otelcol.exporter.otlphttp.grafana_cloud.input]',
      '\t\ttraces  = [otelcol.exporter.otlphttp.grafana_cloud.input]',
      '\t}',
      '}',
      '',
      'otelcol.auth.basic "grafana_cloud" {',
      '\tclient_auth {',
      '\t\tusername = sys.env("OTLP_USERNAME")',
      '\t\tpassword = sys.env("OTLP_API_KEY")',
      '\t}',
      '}',
      '',
      'otelcol.exporter.otlphttp "grafana_cloud" {',
      '\tclient {',
      '\t\tendpoint = sys.env("OTLP_ENDPOINT")',
      '\t\tauth     = otelcol.auth.basic.grafana_cloud.handler',
      '\t}',
      '}',
    );
    assert.deepEqual(codes(check(text)), ['selfmon/logs-format', 'selfmon/metrics-service-name']);
    const fixed = fixAll([{ path: FILE, text }], WIRING).get(FILE);
    assert.ok(fixed);
    assert.deepEqual(check(fixed), []);
  });
});

// ---------------------------------------------------------------------------------------
// Metrics

describe('selfmon/metrics-missing', () => {
  test('wires a new exporter and scrape into the existing prometheus.remote_write', () => {
    const finding = only(check(REMOTE_WRITE, METRICS), 'selfmon/metrics-missing');
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.source, 'alloy-selfmon');
    // On the component the fix wires Alloy's metrics to, not at the file's start.
    assert.equal(REMOTE_WRITE.slice(finding.range.start, finding.range.end), 'prometheus.remote_write "default"');
    assert.equal(finding.message, 'Alloy does not export its own metrics: there is no prometheus.exporter.self component.');
    assert.equal(
      fixText(REMOTE_WRITE, finding, METRICS),
      REMOTE_WRITE +
        lines(
          '',
          'prometheus.exporter.self "alloy" { }',
          '',
          'prometheus.scrape "alloy" {',
          '\ttargets    = prometheus.exporter.self.alloy.targets',
          '\tforward_to = [prometheus.remote_write.default.receiver]',
          '}',
        ),
    );
  });

  test('offers one fix per remote_write when there are several', () => {
    const text = REMOTE_WRITE + '\n' + REMOTE_WRITE.replace('"default"', '"backup"');
    const finding = only(check(text, METRICS), 'selfmon/metrics-missing');
    assert.deepEqual(titles(finding), [
      "Add prometheus.exporter.self and prometheus.scrape, sending Alloy's metrics to prometheus.remote_write.backup",
      "Add prometheus.exporter.self and prometheus.scrape, sending Alloy's metrics to prometheus.remote_write.default",
    ]);
    fixText(text, finding, METRICS);
  });

  test('wires into an existing otelcol.receiver.prometheus', () => {
    const receiver = lines(
      'otelcol.receiver.prometheus "default" {',
      '\toutput {',
      '\t\tmetrics = [otelcol.exporter.otlphttp.cloud.input]',
      '\t}',
      '}',
    );
    const text = receiver + '\n' + OTLP;
    const finding = only(check(text, METRICS), 'selfmon/metrics-missing');
    // The receiver (a MetricsReceiver) comes before converting anew into the OTLP consumers.
    assert.deepEqual(titles(finding), ["Add prometheus.exporter.self and prometheus.scrape, sending Alloy's metrics to otelcol.receiver.prometheus.default"]);
    // Over OTLP, service.name is still integrations/self afterwards: that is the next finding.
    const fixed = fixText(text, finding, METRICS, false);
    assert.equal(
      fixed,
      text +
        lines(
          '',
          'prometheus.exporter.self "alloy" { }',
          '',
          'prometheus.scrape "alloy" {',
          '\ttargets    = prometheus.exporter.self.alloy.targets',
          '\tforward_to = [otelcol.receiver.prometheus.default.receiver]',
          '}',
        ),
    );
    assert.deepEqual(codes(check(fixed, METRICS)), ['selfmon/metrics-service-name']);
  });

  test('converts to OTLP with a new otelcol.receiver.prometheus, offering the batch processor before the exporter', () => {
    const finding = only(check(OTLP, METRICS), 'selfmon/metrics-missing');
    assert.deepEqual(titles(finding), [
      "Add prometheus.exporter.self and prometheus.scrape, sending Alloy's metrics over OTLP to otelcol.processor.batch.default",
      "Add prometheus.exporter.self and prometheus.scrape, sending Alloy's metrics over OTLP to otelcol.exporter.otlphttp.cloud",
    ]);
    assert.equal(
      fixText(OTLP, finding, METRICS, false),
      OTLP +
        lines(
          '',
          'prometheus.exporter.self "alloy" { }',
          '',
          'prometheus.scrape "alloy" {',
          '\ttargets    = prometheus.exporter.self.alloy.targets',
          '\tforward_to = [otelcol.receiver.prometheus.alloy.receiver]',
          '}',
          '',
          'otelcol.receiver.prometheus "alloy" {',
          '\toutput {',
          '\t\tmetrics = [otelcol.processor.batch.default.input]',
          '\t}',
          '}',
        ),
    );
  });

  test('inserts a complete prometheus.remote_write reading sys.env when there is no exporter', () => {
    const text = lines('discovery.docker "linux" {', '\thost = "unix:///var/run/docker.sock"', '}');
    const finding = only(check(text, METRICS), 'selfmon/metrics-missing');
    assert.deepEqual(titles(finding), ["Add prometheus.exporter.self and prometheus.scrape, sending Alloy's metrics to a new prometheus.remote_write"]);
    assert.equal(
      fixText(text, finding, METRICS),
      text +
        lines(
          '',
          'prometheus.exporter.self "alloy" { }',
          '',
          'prometheus.scrape "alloy" {',
          '\ttargets    = prometheus.exporter.self.alloy.targets',
          '\tforward_to = [prometheus.remote_write.alloy.receiver]',
          '}',
        ) +
        '\n' +
        NEW_REMOTE_WRITE,
    );
  });

  test('new labels never clash with existing components', () => {
    const scrapes = lines(
      'prometheus.scrape "alloy" {',
      '\ttargets    = [{"__address__" = "localhost:9100"}]',
      '\tforward_to = [prometheus.remote_write.default.receiver]',
      '}',
      '',
      'prometheus.scrape "alloy_self" {',
      '\ttargets    = [{"__address__" = "localhost:9101"}]',
      '\tforward_to = [prometheus.remote_write.default.receiver]',
      '}',
    );
    const text = scrapes + '\n' + REMOTE_WRITE;
    const fixed = fixText(text, only(check(text, METRICS), 'selfmon/metrics-missing'), METRICS);
    assert.equal(
      fixed,
      text +
        lines(
          '',
          'prometheus.exporter.self "alloy" { }',
          '',
          'prometheus.scrape "self_monitoring" {',
          '\ttargets    = prometheus.exporter.self.alloy.targets',
          '\tforward_to = [prometheus.remote_write.default.receiver]',
          '}',
        ),
    );
  });

  test('writes new blocks as alloy fmt does (tabs), even in a file indented with two spaces', () => {
    const text = lines('prometheus.remote_write "default" {', '  endpoint {', '    url = "http://mimir:9009/api/v1/push"', '  }', '}');
    const fixed = fixText(text, only(check(text, METRICS), 'selfmon/metrics-missing'), METRICS);
    const added = lines(
      '',
      'prometheus.exporter.self "alloy" { }',
      '',
      'prometheus.scrape "alloy" {',
      '\ttargets    = prometheus.exporter.self.alloy.targets',
      '\tforward_to = [prometheus.remote_write.default.receiver]',
      '}',
    );
    assert.equal(fixed, text + added);
    // Format Document rewrites the file's own lines, never what the fix inserted.
    assert.ok((format(parse(fixed)) ?? '').endsWith(added));
  });

  test('silent when the metrics pipeline is complete', () => {
    assert.deepEqual(selfmonCodes(METRICS_OK + '\n' + REMOTE_WRITE, METRICS), []);
  });

  test('silent when a declared component holds the self exporter', () => {
    const text = lines(
      'declare "self_metrics" {',
      '\targument "forward_to" { }',
      '',
      '\tprometheus.exporter.self "alloy" { }',
      '',
      '\tprometheus.scrape "alloy" {',
      '\t\ttargets    = prometheus.exporter.self.alloy.targets',
      '\t\tforward_to = argument.forward_to.value',
      '\t}',
      '}',
      '',
      'self_metrics "default" {',
      '\tforward_to = [prometheus.remote_write.default.receiver]',
      '}',
    );
    assert.deepEqual(selfmonCodes(text + '\n' + REMOTE_WRITE, METRICS), []);
  });

  test('silent when an imported module is instantiated (it may hold the self exporter)', () => {
    assert.deepEqual(selfmonCodes(IMPORTED + '\n' + REMOTE_WRITE, METRICS), []);
  });
});

describe('selfmon/metrics-not-scraped', () => {
  const exporter = lines('prometheus.exporter.self "alloy" { }');

  test('adds a scrape of the exporter, wired into the remote_write', () => {
    const text = exporter + '\n' + REMOTE_WRITE;
    const finding = only(check(text, METRICS), 'selfmon/metrics-not-scraped');
    assert.deepEqual(finding.range, { start: 0, end: 'prometheus.exporter.self "alloy"'.length });
    assert.equal(finding.message, "No prometheus.scrape takes its targets from prometheus.exporter.self.alloy, so Alloy's own metrics are never collected.");
    assert.equal(
      fixText(text, finding, METRICS),
      text +
        lines(
          '',
          'prometheus.scrape "alloy" {',
          '\ttargets    = prometheus.exporter.self.alloy.targets',
          '\tforward_to = [prometheus.remote_write.default.receiver]',
          '}',
        ),
    );
  });

  test('a new scrape does not take the label of an existing one', () => {
    const other = lines(
      'prometheus.scrape "alloy" {',
      '\ttargets    = [{"__address__" = "localhost:9100"}]',
      '\tforward_to = [prometheus.remote_write.default.receiver]',
      '}',
    );
    const text = exporter + '\n' + other + '\n' + REMOTE_WRITE;
    const fixed = fixText(text, only(check(text, METRICS), 'selfmon/metrics-not-scraped'), METRICS);
    assert.ok(fixed.endsWith(lines('prometheus.scrape "alloy_self" {', '\ttargets    = prometheus.exporter.self.alloy.targets', '\tforward_to = [prometheus.remote_write.default.receiver]', '}')));
  });

  test('silent when a discovery.relabel stands between the exporter and the scrape', () => {
    const text = lines(
      'prometheus.exporter.self "alloy" { }',
      '',
      'discovery.relabel "alloy" {',
      '\ttargets = prometheus.exporter.self.alloy.targets',
      '}',
      '',
      'prometheus.scrape "alloy" {',
      '\ttargets    = discovery.relabel.alloy.output',
      '\tforward_to = [prometheus.remote_write.default.receiver]',
      '}',
    );
    assert.deepEqual(selfmonCodes(text + '\n' + REMOTE_WRITE, METRICS), []);
  });

  test('silent when two discovery.relabel stand between them', () => {
    const text = lines(
      'prometheus.exporter.self "alloy" { }',
      '',
      'discovery.relabel "a" {',
      '\ttargets = prometheus.exporter.self.alloy.targets',
      '}',
      '',
      'discovery.relabel "b" {',
      '\ttargets = discovery.relabel.a.output',
      '}',
      '',
      'prometheus.scrape "alloy" {',
      '\ttargets    = discovery.relabel.b.output',
      '\tforward_to = [prometheus.remote_write.default.receiver]',
      '}',
    );
    assert.deepEqual(selfmonCodes(text + '\n' + REMOTE_WRITE, METRICS), []);
  });

  test('silent when the targets are computed', () => {
    const text = lines(
      'prometheus.exporter.self "alloy" { }',
      '',
      'prometheus.scrape "alloy" {',
      '\ttargets    = array.concat(prometheus.exporter.self.alloy.targets, [{"__address__" = "localhost:9100"}])',
      '\tforward_to = [prometheus.remote_write.default.receiver]',
      '}',
    );
    assert.deepEqual(selfmonCodes(text + '\n' + REMOTE_WRITE, METRICS), []);
  });

  test('silent when a custom component takes the targets', () => {
    const text = lines(
      'declare "scraper" {',
      '\targument "targets" { }',
      '',
      '\targument "forward_to" { }',
      '',
      '\tprometheus.scrape "default" {',
      '\t\ttargets    = argument.targets.value',
      '\t\tforward_to = argument.forward_to.value',
      '\t}',
      '}',
      '',
      'prometheus.exporter.self "alloy" { }',
      '',
      'scraper "alloy" {',
      '\ttargets    = prometheus.exporter.self.alloy.targets',
      '\tforward_to = [prometheus.remote_write.default.receiver]',
      '}',
    );
    assert.deepEqual(selfmonCodes(text + '\n' + REMOTE_WRITE, METRICS), []);
  });
});

describe('selfmon/metrics-not-exported', () => {
  const scrapeVia = (forwardTo: string) =>
    lines(
      'prometheus.exporter.self "alloy" { }',
      '',
      'prometheus.scrape "alloy" {',
      '\ttargets    = prometheus.exporter.self.alloy.targets',
      `\tforward_to = ${forwardTo}`,
      '}',
    );
  const deadRelabel = lines('prometheus.relabel "alloy" {', '\tforward_to = []', '}');

  test('a path that ends in a prometheus.relabel forwarding nowhere: appends the remote_write', () => {
    const text = scrapeVia('[prometheus.relabel.alloy.receiver]') + '\n' + deadRelabel + '\n' + REMOTE_WRITE;
    const finding = only(check(text, METRICS), 'selfmon/metrics-not-exported');
    const start = text.indexOf('forward_to = [prometheus.relabel');
    assert.deepEqual(finding.range, { start, end: text.indexOf('\n', start) });
    assert.equal(finding.message, "Alloy's own metrics scraped by prometheus.scrape.alloy never reach a component that sends them out of Alloy.");
    assert.equal(
      fixText(text, finding, METRICS),
      text.replace('[prometheus.relabel.alloy.receiver]', '[prometheus.relabel.alloy.receiver, prometheus.remote_write.default.receiver]'),
    );
  });

  test('an empty forward_to', () => {
    const text = scrapeVia('[]') + '\n' + REMOTE_WRITE;
    const finding = only(check(text, METRICS), 'selfmon/metrics-not-exported');
    assert.equal(fixText(text, finding, METRICS), text.replace('forward_to = []', 'forward_to = [prometheus.remote_write.default.receiver]'));
  });

  test('a list written one element per line gets one more line', () => {
    const text =
      lines(
        'prometheus.exporter.self "alloy" { }',
        '',
        'prometheus.scrape "alloy" {',
        '\ttargets    = prometheus.exporter.self.alloy.targets',
        '\tforward_to = [',
        '\t\tprometheus.relabel.alloy.receiver,',
        '\t]',
        '}',
      ) +
      '\n' +
      deadRelabel +
      '\n' +
      REMOTE_WRITE;
    const finding = only(check(text, METRICS), 'selfmon/metrics-not-exported');
    assert.equal(
      fixText(text, finding, METRICS),
      text.replace('\t\tprometheus.relabel.alloy.receiver,\n', '\t\tprometheus.relabel.alloy.receiver,\n\t\tprometheus.remote_write.default.receiver,\n'),
    );
  });

  test('a path through prometheus.relabel to the remote_write is fine', () => {
    const relabel = lines('prometheus.relabel "alloy" {', '\tforward_to = [prometheus.remote_write.default.receiver]', '}');
    assert.deepEqual(selfmonCodes(scrapeVia('[prometheus.relabel.alloy.receiver]') + '\n' + relabel + '\n' + REMOTE_WRITE, METRICS), []);
  });

  test('silent through a declared custom component', () => {
    const text = scrapeVia('[pipeline.default.receiver]') + '\n' + CUSTOM;
    assert.deepEqual(selfmonCodes(text, METRICS), []);
  });

  test('silent through an import.file namespace', () => {
    const text = scrapeVia('[lib.pipeline.default.receiver]') + '\n' + IMPORTED;
    assert.deepEqual(selfmonCodes(text, METRICS), []);
  });

  test('silent when forward_to is computed', () => {
    const text = scrapeVia('array.concat([prometheus.relabel.alloy.receiver], [])') + '\n' + deadRelabel + '\n' + REMOTE_WRITE;
    assert.deepEqual(selfmonCodes(text, METRICS), []);
  });
});

describe('selfmon/metrics-service-name', () => {
  const afterExporter = (text: string, block: string) => text.replace('prometheus.exporter.self "alloy" { }\n', 'prometheus.exporter.self "alloy" { }\n' + block);
  const otlpPath = (targets: string, extra = '') =>
    lines(
      'prometheus.exporter.self "alloy" { }',
      '',
      'prometheus.scrape "alloy" {',
      `\ttargets    = ${targets}`,
      '\tforward_to = [otelcol.receiver.prometheus.alloy.receiver]',
      '\tjob_name   = "alloy"',
      '}',
      '',
      'otelcol.receiver.prometheus "alloy" {',
      '\toutput {',
      '\t\tmetrics = [otelcol.exporter.otlphttp.cloud.input]',
      '\t}',
      '}',
      '',
      'otelcol.exporter.otlphttp "cloud" {',
      '\tclient {',
      '\t\tendpoint = sys.env("OTLP_ENDPOINT")',
      '\t}',
      '}',
    ) + extra;

  const relabelTo = (job: string) =>
    lines(
      '',
      'discovery.relabel "alloy" {',
      '\ttargets = prometheus.exporter.self.alloy.targets',
      '',
      '\trule {',
      '\t\ttarget_label = "job"',
      `\t\treplacement  = "${job}"`,
      '\t}',
      '}',
    );

  test('job_name does not override integrations/self: sets job with a discovery.relabel', () => {
    const text = otlpPath('prometheus.exporter.self.alloy.targets');
    const finding = only(check(text, METRICS), 'selfmon/metrics-service-name');
    assert.deepEqual(finding.range, { start: text.indexOf('prometheus.scrape "alloy"'), end: text.indexOf('prometheus.scrape "alloy"') + 'prometheus.scrape "alloy"'.length });
    assert.equal(
      finding.message,
      'Alloy\'s metrics reach OTLP with service.name "integrations/self" (from the job label prometheus.exporter.self.alloy sets; job_name does not override it), not "alloy".',
    );
    // The new relabel goes between the exporter it reads and the scrape that reads it.
    assert.equal(fixText(text, finding, METRICS), afterExporter(otlpPath('discovery.relabel.alloy.output'), relabelTo('alloy')));
  });

  test('an existing discovery.relabel gets a job rule', () => {
    const relabel = lines(
      '',
      'discovery.relabel "alloy" {',
      '\ttargets = prometheus.exporter.self.alloy.targets',
      '',
      '\trule {',
      '\t\ttarget_label = "instance"',
      '\t\treplacement  = "host-1"',
      '\t}',
      '}',
    );
    const text = otlpPath('discovery.relabel.alloy.output', relabel);
    const finding = only(check(text, METRICS), 'selfmon/metrics-service-name');
    assert.deepEqual(titles(finding), ['Add a rule to discovery.relabel.alloy setting the job label to "alloy", so service.name is "alloy"']);
    assert.equal(
      fixText(text, finding, METRICS),
      otlpPath('discovery.relabel.alloy.output', relabel.replace(/\}\n$/, lines('', '\trule {', '\t\ttarget_label = "job"', '\t\treplacement  = "alloy"', '\t}', '}'))),
    );
  });

  test('the new discovery.relabel does not take an existing label', () => {
    const other = lines('', 'discovery.relabel "alloy" {', '\ttargets = []', '}');
    const text = otlpPath('prometheus.exporter.self.alloy.targets', other);
    const fixed = fixText(text, only(check(text, METRICS), 'selfmon/metrics-service-name'), METRICS);
    assert.ok(fixed.includes('targets    = discovery.relabel.alloy_self.output'));
    assert.ok(fixed.startsWith('prometheus.exporter.self "alloy" { }\n' + relabelTo('alloy').replace('"alloy" {', '"alloy_self" {')));
  });

  test('a different service name in the settings', () => {
    const settings = settingsFrom({ selfMonitoring: { logs: false, traces: false, serviceName: 'alloy-collector' } });
    const text = otlpPath('discovery.relabel.alloy.output', relabelTo('alloy'));
    const finding = only(check(text, settings), 'selfmon/metrics-service-name');
    assert.match(finding.message, /service\.name "alloy" .*not "alloy-collector"\.$/);
    assert.equal(
      fixText(text, finding, settings),
      otlpPath('discovery.relabel.alloy.output', relabelTo('alloy')).replace(/\}\n$/, lines('', '\trule {', '\t\ttarget_label = "job"', '\t\treplacement  = "alloy-collector"', '\t}', '}')),
    );
    const wantsSelf = settingsFrom({ selfMonitoring: { logs: false, traces: false, serviceName: 'integrations/self' } });
    assert.deepEqual(selfmonCodes(otlpPath('prometheus.exporter.self.alloy.targets'), wantsSelf), []);
  });

  test('silent when a discovery.relabel already sets job', () => {
    assert.deepEqual(selfmonCodes(otlpPath('discovery.relabel.alloy.output', relabelTo('alloy')), METRICS), []);
  });

  test('silent when a prometheus.relabel on the way sets job', () => {
    const text = lines(
      'prometheus.exporter.self "alloy" { }',
      '',
      'prometheus.scrape "alloy" {',
      '\ttargets    = prometheus.exporter.self.alloy.targets',
      '\tforward_to = [prometheus.relabel.alloy.receiver]',
      '}',
      '',
      'prometheus.relabel "alloy" {',
      '\tforward_to = [otelcol.receiver.prometheus.alloy.receiver]',
      '',
      '\trule {',
      '\t\ttarget_label = "job"',
      '\t\treplacement  = "alloy"',
      '\t}',
      '}',
      '',
      'otelcol.receiver.prometheus "alloy" {',
      '\toutput {',
      '\t\tmetrics = [otelcol.processor.batch.default.input]',
      '\t}',
      '}',
    );
    assert.deepEqual(selfmonCodes(text + '\n' + OTLP, METRICS), []);
  });

  test('silent when a rule computes job from other labels', () => {
    const relabel = lines(
      '',
      'discovery.relabel "alloy" {',
      '\ttargets = prometheus.exporter.self.alloy.targets',
      '',
      '\trule {',
      '\t\tsource_labels = ["__meta_component_name"]',
      '\t\ttarget_label  = "job"',
      '\t}',
      '}',
    );
    assert.deepEqual(selfmonCodes(otlpPath('discovery.relabel.alloy.output', relabel), METRICS), []);
  });

  test('silent when something downstream sets service.name', () => {
    const text = lines(
      'prometheus.exporter.self "alloy" { }',
      '',
      'prometheus.scrape "alloy" {',
      '\ttargets    = prometheus.exporter.self.alloy.targets',
      '\tforward_to = [otelcol.receiver.prometheus.alloy.receiver]',
      '}',
      '',
      'otelcol.receiver.prometheus "alloy" {',
      '\toutput {',
      '\t\tmetrics = [otelcol.processor.transform.alloy.input]',
      '\t}',
      '}',
      '',
      'otelcol.processor.transform "alloy" {',
      '\tmetric_statements {',
      '\t\tcontext    = "resource"',
      '\t\tstatements = [`set(attributes["service.name"], "alloy")`]',
      '\t}',
      '',
      '\toutput {',
      '\t\tmetrics = [otelcol.exporter.otlphttp.cloud.input]',
      '\t}',
      '}',
      '',
      'otelcol.exporter.otlphttp "cloud" {',
      '\tclient {',
      '\t\tendpoint = sys.env("OTLP_ENDPOINT")',
      '\t}',
      '}',
    );
    assert.deepEqual(selfmonCodes(text, METRICS), []);
  });

  test('silent on a Prometheus-only path (no OTLP conversion, no service.name)', () => {
    assert.deepEqual(selfmonCodes(METRICS_OK.replace('\tforward_to', '\tjob_name   = "alloy"\n\tforward_to') + '\n' + REMOTE_WRITE, METRICS), []);
  });
});

// ---------------------------------------------------------------------------------------
// Logs

describe('selfmon/logs-missing', () => {
  test('no logging block: adds one writing JSON to the existing loki.write', () => {
    const finding = only(check(LOKI_WRITE, LOGS), 'selfmon/logs-missing');
    assert.equal(finding.message, 'Alloy does not export its own logs: there is no logging block with write_to.');
    assert.deepEqual(titles(finding), ["Add a logging block sending Alloy's logs to loki.write.default"]);
    assert.equal(fixText(LOKI_WRITE, finding, LOGS), LOKI_WRITE + '\n' + LOGS_OK);
  });

  test('a logging block without write_to gets one, aligned with its other attributes', () => {
    const logging = lines('logging {', '\tlevel  = "info"', '\tformat = "json"', '}');
    const text = logging + '\n' + LOKI_WRITE;
    const finding = only(check(text, LOGS), 'selfmon/logs-missing');
    assert.equal(finding.message, "The logging block has no write_to, so no component sends Alloy's own logs on; they only go where Alloy writes them by default.");
    assert.deepEqual(finding.range, { start: 0, end: 'logging'.length });
    assert.equal(fixText(text, finding, LOGS), LOGS_OK + '\n' + LOKI_WRITE);
  });

  test('write_to = [] is the same as no write_to', () => {
    const text = LOGS_OK.replace('[loki.write.default.receiver]', '[]') + '\n' + LOKI_WRITE;
    const finding = only(check(text, LOGS), 'selfmon/logs-missing');
    assert.equal(fixText(text, finding, LOGS), LOGS_OK + '\n' + LOKI_WRITE);
  });

  test('a logging block written on one line is laid out on several', () => {
    const text = lines('logging { format = "json" }') + '\n' + LOKI_WRITE;
    const finding = only(check(text, LOGS), 'selfmon/logs-missing');
    assert.equal(fixText(text, finding, LOGS), lines('logging {', '\tformat   = "json"', '\twrite_to = [loki.write.default.receiver]', '}') + '\n' + LOKI_WRITE);
  });

  test('over OTLP through a new otelcol.receiver.loki, batch processor first', () => {
    const finding = only(check(OTLP, LOGS), 'selfmon/logs-missing');
    assert.deepEqual(titles(finding), [
      "Add a logging block sending Alloy's logs over OTLP to otelcol.processor.batch.default",
      "Add a logging block sending Alloy's logs over OTLP to otelcol.exporter.otlphttp.cloud",
    ]);
    assert.equal(
      fixText(OTLP, finding, LOGS),
      OTLP +
        lines(
          '',
          'logging {',
          '\tlevel    = "info"',
          '\tformat   = "json"',
          '\twrite_to = [otelcol.receiver.loki.alloy.receiver]',
          '}',
          '',
          'otelcol.receiver.loki "alloy" {',
          '\toutput {',
          '\t\tlogs = [otelcol.processor.batch.default.input]',
          '\t}',
          '}',
        ),
    );
  });

  test('into an existing otelcol.receiver.loki', () => {
    const receiver = lines('otelcol.receiver.loki "default" {', '\toutput {', '\t\tlogs = [otelcol.processor.batch.default.input]', '\t}', '}');
    const text = receiver + '\n' + OTLP;
    const finding = only(check(text, LOGS), 'selfmon/logs-missing');
    assert.deepEqual(titles(finding), ["Add a logging block sending Alloy's logs to otelcol.receiver.loki.default"]);
    assert.equal(fixText(text, finding, LOGS), text + '\n' + LOGS_OK.replace('loki.write.default.receiver', 'otelcol.receiver.loki.default.receiver'));
  });

  test('a new otelcol.receiver.loki does not take the label of an existing one', () => {
    const unused = lines('otelcol.receiver.loki "alloy" {', '\toutput { }', '}');
    const text = unused + '\n' + OTLP;
    const fixed = fixText(text, only(check(text, LOGS), 'selfmon/logs-missing'), LOGS);
    assert.ok(fixed.includes('write_to = [otelcol.receiver.loki.alloy_self.receiver]'));
    assert.ok(fixed.includes('otelcol.receiver.loki "alloy_self" {'));
  });

  test('inserts a complete loki.write reading sys.env when there is nowhere to send logs', () => {
    const text = lines('logging {', '\tformat = "json"', '}');
    const finding = only(check(text, LOGS), 'selfmon/logs-missing');
    assert.deepEqual(titles(finding), ["Send Alloy's logs to a new loki.write"]);
    assert.equal(
      fixText(text, finding, LOGS),
      lines('logging {', '\tformat   = "json"', '\twrite_to = [loki.write.alloy.receiver]', '}') + '\n' + NEW_LOKI_WRITE,
    );
  });

  test('silent when the logs pipeline is complete', () => {
    assert.deepEqual(selfmonCodes(LOGS_OK + '\n' + LOKI_WRITE, LOGS), []);
  });
});

describe('selfmon/logs-not-exported', () => {
  const withWriteTo = (writeTo: string) => LOGS_OK.replace('[loki.write.default.receiver]', writeTo);

  test('a loki.process forwarding nowhere: appends the loki.write', () => {
    const process = lines('loki.process "alloy" {', '\tforward_to = []', '', '\tstage.static_labels {', '\t\tvalues = {service_name = "alloy"}', '\t}', '}');
    const text = withWriteTo('[loki.process.alloy.receiver]') + '\n' + process + '\n' + LOKI_WRITE;
    const finding = only(check(text, LOGS), 'selfmon/logs-not-exported');
    assert.equal(finding.message, "Alloy's own logs written to write_to never reach a component that sends them out of Alloy.");
    const start = text.indexOf('write_to');
    assert.deepEqual(finding.range, { start, end: text.indexOf('\n', start) });
    assert.equal(fixText(text, finding, LOGS), text.replace('[loki.process.alloy.receiver]', '[loki.process.alloy.receiver, loki.write.default.receiver]'));
  });

  test('loki.echo only prints: the logs do not leave Alloy', () => {
    const text = withWriteTo('[loki.echo.debug.receiver]') + '\n' + lines('loki.echo "debug" { }') + '\n' + LOKI_WRITE;
    const finding = only(check(text, LOGS), 'selfmon/logs-not-exported');
    fixText(text, finding, LOGS);
  });

  test('a path through loki.relabel to loki.write is fine', () => {
    const relabel = lines('loki.relabel "alloy" {', '\tforward_to = [loki.write.default.receiver]', '}');
    assert.deepEqual(selfmonCodes(withWriteTo('[loki.relabel.alloy.receiver]') + '\n' + relabel + '\n' + LOKI_WRITE, LOGS), []);
  });

  test('silent through a declared custom component', () => {
    assert.deepEqual(selfmonCodes(withWriteTo('[pipeline.default.receiver]') + '\n' + CUSTOM, LOGS), []);
  });

  test('silent through an import.file namespace', () => {
    assert.deepEqual(selfmonCodes(withWriteTo('[lib.pipeline.default.receiver]') + '\n' + IMPORTED, LOGS), []);
  });

  test('silent when write_to is computed', () => {
    const process = lines('loki.process "alloy" {', '\tforward_to = []', '}');
    assert.deepEqual(selfmonCodes(withWriteTo('array.concat([loki.process.alloy.receiver], [])') + '\n' + process, LOGS), []);
  });
});

describe('selfmon/logs-format', () => {
  test('format = "logfmt": set to json', () => {
    const text = LOGS_OK.replace('"json"', '"logfmt"') + '\n' + LOKI_WRITE;
    const finding = only(check(text, LOGS), 'selfmon/logs-format');
    assert.equal(finding.message, 'Alloy writes its own logs as logfmt, not json.');
    assert.deepEqual(finding.range, { start: text.indexOf('"logfmt"'), end: text.indexOf('"logfmt"') + '"logfmt"'.length });
    assert.deepEqual(titles(finding), ['Set format = "json"']);
    assert.equal(fixText(text, finding, LOGS), LOGS_OK + '\n' + LOKI_WRITE);
  });

  test('no format (logfmt by default): inserted and aligned', () => {
    const text = lines('logging {', '\tlevel    = "info"', '\twrite_to = [loki.write.default.receiver]', '}') + '\n' + LOKI_WRITE;
    const finding = only(check(text, LOGS), 'selfmon/logs-format');
    assert.equal(finding.message, 'Alloy writes its own logs as logfmt (the default), not json.');
    assert.equal(
      fixText(text, finding, LOGS),
      lines('logging {', '\tlevel    = "info"', '\twrite_to = [loki.write.default.receiver]', '\tformat   = "json"', '}') + '\n' + LOKI_WRITE,
    );
  });

  test('a different log format in the settings', () => {
    const settings = settingsFrom({ selfMonitoring: { metrics: false, traces: false, logFormat: 'logfmt' } });
    const text = LOGS_OK + '\n' + LOKI_WRITE;
    const finding = only(check(text, settings), 'selfmon/logs-format');
    assert.equal(fixText(text, finding, settings), text.replace('"json"', '"logfmt"'));
    assert.deepEqual(selfmonCodes(text.replace('\tformat   = "json"\n', ''), settings), []);
  });

  test('silent when the format is computed', () => {
    assert.deepEqual(selfmonCodes(LOGS_OK.replace('"json"', 'sys.env("LOG_FORMAT")') + '\n' + LOKI_WRITE, LOGS), []);
  });
});

// ---------------------------------------------------------------------------------------
// Traces

describe('selfmon/traces-missing', () => {
  const tracing = (writeTo: string) => lines('tracing {', '\tsampling_fraction = 0.1', `\twrite_to          = ${writeTo}`, '}');

  test('no tracing block: one fix per OTLP target, the batch processor first', () => {
    const finding = only(check(OTLP, TRACES), 'selfmon/traces-missing');
    assert.equal(finding.message, 'Alloy does not export its own traces: there is no tracing block with write_to.');
    assert.deepEqual(titles(finding), [
      "Add a tracing block sending 10% of Alloy's traces to otelcol.processor.batch.default",
      "Add a tracing block sending 10% of Alloy's traces to otelcol.exporter.otlphttp.cloud",
    ]);
    assert.equal(fixText(OTLP, finding, TRACES), OTLP + '\n' + tracing('[otelcol.processor.batch.default.input]'));
  });

  test('into an existing exporter when there is no processor', () => {
    const finding = only(check(TEMPO, TRACES), 'selfmon/traces-missing');
    assert.equal(fixText(TEMPO, finding, TRACES), TEMPO + '\n' + tracing('[otelcol.exporter.otlp.tempo.input]'));
  });

  test('a tracing block without write_to gets one, aligned', () => {
    const text = lines('tracing {', '\tsampling_fraction = 0.1', '}') + '\n' + TEMPO;
    const finding = only(check(text, TRACES), 'selfmon/traces-missing');
    assert.equal(finding.message, "The tracing block has no write_to, so Alloy's own traces are dropped.");
    assert.deepEqual(finding.range, { start: 0, end: 'tracing'.length });
    assert.equal(fixText(text, finding, TRACES), TRACES_OK + '\n' + TEMPO);
  });

  test('write_to = [] is the same as no write_to', () => {
    const text = tracing('[]') + '\n' + TEMPO;
    const finding = only(check(text, TRACES), 'selfmon/traces-missing');
    assert.equal(fixText(text, finding, TRACES), TRACES_OK + '\n' + TEMPO);
  });

  test('inserts a complete OTLP exporter with credentials from sys.env when there is none', () => {
    const text = LOKI_WRITE;
    const finding = only(check(text, TRACES), 'selfmon/traces-missing');
    assert.deepEqual(titles(finding), ["Add a tracing block sending 10% of Alloy's traces to a new otelcol.exporter.otlphttp"]);
    assert.equal(fixText(text, finding, TRACES), text + '\n' + tracing('[otelcol.exporter.otlphttp.alloy.input]') + '\n' + NEW_OTLP_EXPORTER);
  });

  test('a file indented with two spaces gets blocks as alloy fmt writes them, nested ones included', () => {
    const twoSpaces = (t: string) => t.replace(/^\t+/gm, (tabs) => '  '.repeat(tabs.length));
    const text = twoSpaces(LOKI_WRITE);
    const fixed = fixText(text, only(check(text, TRACES), 'selfmon/traces-missing'), TRACES);
    assert.equal(fixed, text + '\n' + tracing('[otelcol.exporter.otlphttp.alloy.input]') + '\n' + NEW_OTLP_EXPORTER);
    assert.ok(fixed.includes('\n\t\tusername = sys.env("OTLP_USERNAME")\n'));
  });

  test('the new exporter and its auth do not take an existing label', () => {
    const auth = lines('otelcol.auth.basic "alloy" {', '\tusername = "a"', '\tpassword = "b"', '}');
    const fixed = fixText(auth, only(check(auth, TRACES), 'selfmon/traces-missing'), TRACES);
    assert.equal(fixed, auth + '\n' + tracing('[otelcol.exporter.otlphttp.alloy_self.input]') + '\n' + NEW_OTLP_EXPORTER.replace(/alloy/g, 'alloy_self'));
  });

  test('a different sampling target in the settings is what the new block gets', () => {
    const settings = settingsFrom({ selfMonitoring: { metrics: false, logs: false, samplingFraction: 0.25 } });
    const finding = only(check(TEMPO, settings), 'selfmon/traces-missing');
    assert.deepEqual(titles(finding), ["Add a tracing block sending 25% of Alloy's traces to otelcol.exporter.otlp.tempo"]);
    assert.equal(fixText(TEMPO, finding, settings), TEMPO + '\n' + tracing('[otelcol.exporter.otlp.tempo.input]').replace('0.1', '0.25'));
  });

  test('silent when the traces pipeline is complete', () => {
    assert.deepEqual(selfmonCodes(TRACES_OK + '\n' + TEMPO, TRACES), []);
  });
});

describe('selfmon/traces-not-exported', () => {
  const withWriteTo = (writeTo: string) => TRACES_OK.replace('[otelcol.exporter.otlp.tempo.input]', writeTo);

  test('a batch processor with no traces output: appends the exporter', () => {
    const batch = lines('otelcol.processor.batch "default" {', '\toutput {', '\t\tmetrics = [otelcol.exporter.otlp.tempo.input]', '\t}', '}');
    const text = withWriteTo('[otelcol.processor.batch.default.input]') + '\n' + batch + '\n' + TEMPO;
    const finding = only(check(text, TRACES), 'selfmon/traces-not-exported');
    assert.equal(finding.message, "Alloy's own traces written to write_to never reach a component that sends them out of Alloy.");
    assert.equal(
      fixText(text, finding, TRACES),
      text.replace('[otelcol.processor.batch.default.input]', '[otelcol.processor.batch.default.input, otelcol.exporter.otlp.tempo.input]'),
    );
  });

  test('otelcol.exporter.debug only prints: the traces do not leave Alloy', () => {
    const debug = lines('otelcol.exporter.debug "console" { }');
    const text = withWriteTo('[otelcol.exporter.debug.console.input]') + '\n' + debug + '\n' + TEMPO;
    fixText(text, only(check(text, TRACES), 'selfmon/traces-not-exported'), TRACES);
  });

  test('a path through a batch processor to the exporter is fine', () => {
    assert.deepEqual(selfmonCodes(withWriteTo('[otelcol.processor.batch.default.input]') + '\n' + OTLP, TRACES), []);
  });

  test('silent through a declared custom component', () => {
    assert.deepEqual(selfmonCodes(withWriteTo('[pipeline.default.input]') + '\n' + CUSTOM, TRACES), []);
  });

  test('silent through an import.file namespace', () => {
    assert.deepEqual(selfmonCodes(withWriteTo('[lib.pipeline.default.input]') + '\n' + IMPORTED, TRACES), []);
  });

  test('silent when write_to is computed', () => {
    const debug = lines('otelcol.exporter.debug "console" { }');
    assert.deepEqual(selfmonCodes(withWriteTo('array.concat([otelcol.exporter.debug.console.input], [])') + '\n' + debug, TRACES), []);
  });
});

describe('selfmon/traces-sampling', () => {
  const withFraction = (value: string) => TRACES_OK.replace('0.1', value) + '\n' + TEMPO;

  for (const value of ['1.5', '-0.5', '2']) {
    test(`${value} is outside [0, 1]: an error`, () => {
      const text = withFraction(value);
      const finding = only(check(text, TRACES), 'selfmon/traces-sampling');
      assert.equal(finding.severity, 'error');
      assert.equal(finding.message, `sampling_fraction must be between 0 and 1; ${Number(value)} is not.`);
      assert.deepEqual(finding.range, { start: text.indexOf(value), end: text.indexOf(value) + value.length });
      assert.equal(fixText(text, finding, TRACES), withFraction('0.1'));
    });
  }

  test('1 keeps every trace: a warning', () => {
    const text = withFraction('1');
    const finding = only(check(text, TRACES), 'selfmon/traces-sampling');
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.message, 'Alloy samples 100% of its own traces (1 keeps every trace, with the overhead that brings); the target is 10%.');
    assert.deepEqual(titles(finding), ['Set sampling_fraction = 0.1']);
    assert.equal(fixText(text, finding, TRACES), withFraction('0.1'));
  });

  test('0 keeps no trace: a warning', () => {
    const finding = only(check(withFraction('0'), TRACES), 'selfmon/traces-sampling');
    assert.equal(finding.message, 'Alloy samples 0% of its own traces (0 keeps no trace); the target is 10%.');
  });

  test('no sampling_fraction means the default 0.1: nothing', () => {
    assert.deepEqual(selfmonCodes(lines('tracing {', '\twrite_to = [otelcol.exporter.otlp.tempo.input]', '}') + '\n' + TEMPO, TRACES), []);
  });

  test('0.1 written out, or as 0.10: nothing', () => {
    assert.deepEqual(selfmonCodes(withFraction('0.1'), TRACES), []);
    assert.deepEqual(selfmonCodes(withFraction('0.10'), TRACES), []);
  });

  test('a different sampling target in the settings', () => {
    const settings = settingsFrom({ selfMonitoring: { metrics: false, logs: false, samplingFraction: 0.07 } });
    assert.deepEqual(selfmonCodes(withFraction('0.07'), settings), []);
    const text = lines('tracing {', '\twrite_to = [otelcol.exporter.otlp.tempo.input]', '}') + '\n' + TEMPO;
    const finding = only(check(text, settings), 'selfmon/traces-sampling');
    assert.equal(finding.message, 'Alloy samples 10% of its own traces (the default); the target is 7%.');
    assert.equal(
      fixText(text, finding, settings),
      lines('tracing {', '\twrite_to          = [otelcol.exporter.otlp.tempo.input]', '\tsampling_fraction = 0.07', '}') + '\n' + TEMPO,
    );
  });

  test('silent when the fraction is computed', () => {
    assert.deepEqual(selfmonCodes(withFraction('0.05 * 2'), TRACES), []);
  });

  test('silent with a remote sampler, which decides the sampling', () => {
    const text = lines(
      'tracing {',
      '\tsampling_fraction = 1',
      '\twrite_to          = [otelcol.exporter.otlp.tempo.input]',
      '',
      '\tsampler {',
      '\t\tjaeger_remote {',
      '\t\t\turl = "http://jaeger:5778/sampling"',
      '\t\t}',
      '\t}',
      '}',
    );
    assert.deepEqual(selfmonCodes(text + '\n' + TEMPO, TRACES), []);
  });
});

// ---------------------------------------------------------------------------------------
// What is not a root configuration

describe('configurations the self-monitoring checks leave alone', () => {
  test('a module file with only declare blocks', () => {
    const text = lines('declare "pipeline" {', '\targument "forward_to" { }', '', '\tloki.process "inner" {', '\t\tforward_to = argument.forward_to.value', '\t}', '}');
    assert.deepEqual(check(text), []);
  });

  test('a module file with argument blocks', () => {
    const text = lines(
      'argument "forward_to" { }',
      '',
      'prometheus.scrape "default" {',
      '\ttargets    = [{"__address__" = "localhost:9100"}]',
      '\tforward_to = argument.forward_to.value',
      '}',
    );
    assert.deepEqual(check(text), []);
  });

  test('a file with a syntax error', () => {
    const text = lines('prometheus.remote_write "default" {', '\tendpoint {', '\t\turl = ', '\t}', '}');
    const findings = check(text);
    assert.ok(findings.some((f) => f.code === 'syntax'));
    assert.deepEqual(findings.filter((f) => f.code.startsWith('selfmon/')), []);
    assert.equal(fixAll([{ path: FILE, text }], WIRING).size, 0);
  });

  test('an empty file', () => {
    assert.deepEqual(check(''), []);
  });
});

describe('a directory of files is one configuration', () => {
  test('findings and new blocks go to config.alloy; a module file beside it is fine', () => {
    const files: TextFile[] = [
      { path: `${DIR}/config.alloy`, text: METRICS_OK },
      { path: `${DIR}/exporters.alloy`, text: REMOTE_WRITE + '\n' + LOKI_WRITE + '\n' + TEMPO },
      { path: `${DIR}/lib.alloy`, text: CUSTOM.slice(0, CUSTOM.indexOf('\npipeline "default"') + 1) },
    ];
    const findings = checkFiles(files);
    assert.deepEqual(codes(findings), ['selfmon/logs-missing', 'selfmon/traces-missing']);
    for (const f of findings) assert.equal(f.file, `${DIR}/config.alloy`);
    const changed = fixAll(files, WIRING);
    assert.deepEqual([...changed.keys()], [`${DIR}/config.alloy`]);
    const after = withChanges(files, changed);
    assert.deepEqual(checkFiles(after), []);
    assert.equal(changed.get(`${DIR}/config.alloy`), METRICS_OK + '\n' + LOGS_OK + '\n' + TRACES_OK);
  });

  test('the tracing block goes beside the logging block', () => {
    const files: TextFile[] = [
      { path: `${DIR}/config.alloy`, text: METRICS_OK + '\n' + REMOTE_WRITE },
      { path: `${DIR}/self.alloy`, text: LOGS_OK + '\n' + LOKI_WRITE + '\n' + TEMPO },
    ];
    const finding = only(checkFiles(files), 'selfmon/traces-missing');
    assert.equal(finding.file, `${DIR}/self.alloy`);
    const after = assertSound(files, finding, preferred(finding), WIRING);
    assert.equal((after[1] as TextFile).text, LOGS_OK + '\n' + TRACES_OK + '\n' + LOKI_WRITE + '\n' + TEMPO);
  });
});

// ---------------------------------------------------------------------------------------
// Settings

describe('settings', () => {
  const text = METRICS_OK + '\n' + REMOTE_WRITE + '\n' + LOGS_OK + '\n' + LOKI_WRITE;

  test('a severity per code', () => {
    const settings = settingsFrom({ severity: { 'selfmon/traces-missing': 'error' } });
    assert.equal(only(check(text, settings), 'selfmon/traces-missing').severity, 'error');
    assert.equal(only(check(text), 'selfmon/traces-missing').severity, 'warning');
  });

  test('off drops the finding, and fix-all leaves it alone', () => {
    const settings = settingsFrom({ severity: { 'selfmon/traces-missing': 'off' } });
    assert.deepEqual(check(text, settings), []);
    assert.equal(fixAll([{ path: FILE, text }], settings).size, 0);
  });

  test('a signal can be switched off', () => {
    const settings = settingsFrom({ selfMonitoring: { traces: false } });
    assert.deepEqual(check(text, settings), []);
    assert.deepEqual(codes(check('', settingsFrom({ selfMonitoring: { metrics: false, logs: false, traces: false } }))), []);
    assert.deepEqual(codes(check(REMOTE_WRITE, settingsFrom({ selfMonitoring: { metrics: false } }))), ['selfmon/logs-missing', 'selfmon/traces-missing']);
  });

  test('invalid values are reported and the defaults kept', () => {
    const { settings, problems } = resolveSettings({ selfMonitoring: { samplingFraction: 2, logFormat: 'xml', serviceName: '' }, severity: { 'selfmon/logs-format': 'loud' } });
    assert.equal(problems.length, 4);
    assert.deepEqual(settings.selfMonitoring, WIRING.selfMonitoring);
    assert.deepEqual(settings.severity, {});
  });

  test('every self-monitoring code is auto-fixable', () => {
    for (const code of [
      'selfmon/metrics-missing',
      'selfmon/metrics-not-scraped',
      'selfmon/metrics-not-exported',
      'selfmon/metrics-service-name',
      'selfmon/logs-missing',
      'selfmon/logs-not-exported',
      'selfmon/logs-format',
      'selfmon/traces-missing',
      'selfmon/traces-not-exported',
      'selfmon/traces-sampling',
    ]) {
      assert.ok(isAutoFixable(code), code);
    }
  });
});

// ---------------------------------------------------------------------------------------
// The user's scenario: metrics and logs done, traces not

describe("the user's configuration", () => {
  const path = join(__dirname, '..', '..', 'examples', 'config.alloy');
  const original = readFileSync(path, 'utf8');
  const files = [{ path: FILE, text: original }];

  test('gives exactly the traces finding and the service.name one', () => {
    assert.deepEqual(codes(checkFiles(files)), ['selfmon/metrics-service-name', 'selfmon/traces-missing']);
  });

  test('after fix-all, nothing is left, the file parses, and a second fix-all changes nothing', () => {
    const fixed = fixAll(files, WIRING).get(FILE);
    assert.ok(fixed);
    assert.deepEqual(parseFile(FILE, fixed).parse.diagnostics, []);
    assert.deepEqual(check(fixed), []);
    assert.equal(fixAll([{ path: FILE, text: fixed }], WIRING).size, 0);
    // The relabel lands between the exporter and the scrape; the tracing block beside the logging block.
    const relabel = lines(
      '',
      'discovery.relabel "alloy" {',
      '\ttargets = prometheus.exporter.self.alloy.targets',
      '',
      '\trule {',
      '\t\ttarget_label = "job"',
      '\t\treplacement  = "alloy"',
      '\t}',
      '}',
    );
    const tracing = lines('', 'tracing {', '\tsampling_fraction = 0.1', '\twrite_to          = [otelcol.processor.batch.default.input]', '}');
    const loggingEnd = original.indexOf('\n}\n', original.indexOf('\nlogging {')) + 3;
    const expected = original.slice(0, loggingEnd) + tracing + original.slice(loggingEnd);
    assert.equal(
      fixed,
      expected
        .replace('prometheus.exporter.self "alloy" { }\n', 'prometheus.exporter.self "alloy" { }\n' + relabel)
        .replace('targets    = prometheus.exporter.self.alloy.targets', 'targets    = discovery.relabel.alloy.output'),
    );
  });

  test('the traces fix is offered into the batch processor first, then the exporter', () => {
    const finding = only(checkFiles(files), 'selfmon/traces-missing');
    assert.deepEqual(titles(finding), [
      "Add a tracing block sending 10% of Alloy's traces to otelcol.processor.batch.default",
      "Add a tracing block sending 10% of Alloy's traces to otelcol.exporter.otlphttp.grafana_cloud",
    ]);
    for (const fix of finding.fixes ?? []) assertSound(files, finding, fix, WIRING, false);
  });
});

describe('targets that already carry the signal come first', () => {
  test("Alloy's logs are not sent to an exporter that only carries traces", () => {
    const text = lines(
      'tracing {',
      '\tsampling_fraction = 0.1',
      '\twrite_to          = [otelcol.exporter.otlp.tempo.input]',
      '}',
      '',
      'otelcol.exporter.otlp "tempo" {',
      '\tclient {',
      '\t\tendpoint = "tempo:4317"',
      '\t}',
      '}',
      '',
      'otelcol.processor.batch "logs" {',
      '\toutput {',
      '\t\tlogs = [otelcol.exporter.otlphttp.cloud.input]',
      '\t}',
      '}',
      '',
      'otelcol.exporter.otlphttp "cloud" {',
      '\tclient {',
      '\t\tendpoint = "https://otlp.example"',
      '\t}',
      '}',
    );
    const finding = only(check(text, LOGS), 'selfmon/logs-missing');
    assert.deepEqual(titles(finding), [
      "Add a logging block sending Alloy's logs over OTLP to otelcol.processor.batch.logs",
      "Add a logging block sending Alloy's logs over OTLP to otelcol.exporter.otlphttp.cloud",
    ]);
  });
});

describe('line endings', () => {
  test('fixes in a CRLF file write CRLF lines, and the result is stable', () => {
    const text = LOKI_WRITE.replace(/\n/g, '\r\n');
    const changed = fixAll([{ path: FILE, text }], TRACES).get(FILE) ?? '';
    assert.ok(changed.length > text.length);
    assert.equal(changed.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
    assert.equal(fixAll([{ path: FILE, text: changed }], TRACES).size, 0);
  });
});

describe('where findings about a missing block sit', () => {
  const header = '// The collector of the shop.\n// Owned by the platform team.\n\n';
  test('on the block the fix wires to, not on the comment at the top of the file', () => {
    const text = `${header}prometheus.exporter.unix "host" { }\n\notelcol.processor.batch "default" {\n\toutput {\n\t\ttraces = [otelcol.exporter.otlp.tempo.input]\n\t}\n}\n\notelcol.exporter.otlp "tempo" {\n\tclient {\n\t\tendpoint = "tempo:4317"\n\t}\n}\n`;
    const finding = only(check(text, TRACES), 'selfmon/traces-missing');
    assert.equal(text.slice(finding.range.start, finding.range.end), 'otelcol.processor.batch "default"');
  });

  test("on the file's first block when the fix wires to a new component", () => {
    const text = `${header}prometheus.exporter.unix "host" { }\n`;
    const finding = only(check(text, TRACES), 'selfmon/traces-missing');
    assert.equal(text.slice(finding.range.start, finding.range.end), 'prometheus.exporter.unix "host"');
  });
});
