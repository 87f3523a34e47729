/**
 * Self-monitoring messages that must be true in every case they are given:
 * spans turned into metrics are not a traces export, and a sampling fraction
 * too large for a float is still outside [0, 1].
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkConfiguration, parseFile } from '../../server/src/languageService';
import { resolveSettings, type Settings } from '../../server/src/settings';
import type { Finding } from '../../server/src/syntax/diagnostic';

const FILE = '/work/project/alloy/config.alloy';

function lines(...ls: string[]): string {
  return `${ls.join('\n')}\n`;
}

function settingsFrom(raw: unknown): Settings {
  const { settings, problems } = resolveSettings(raw);
  assert.deepEqual(problems, []);
  return settings;
}

const TRACES = settingsFrom({ selfMonitoring: { metrics: false, logs: false } });

function check(text: string, settings: Settings): Finding[] {
  return checkConfiguration([parseFile(FILE, text)], settings).filter((f) => f.code.startsWith('selfmon/'));
}

const REMOTE_WRITE = lines('prometheus.remote_write "default" {', '\tendpoint {', '\t\turl = "http://mimir:9009/api/v1/push"', '\t}', '}');
const TEMPO = lines('otelcol.exporter.otlp "tempo" {', '\tclient {', '\t\tendpoint = "tempo:4317"', '\t}', '}');
const TO_PROMETHEUS = lines('otelcol.exporter.prometheus "default" {', '\tforward_to = [prometheus.remote_write.default.receiver]', '}');

describe('connectors that turn spans into metrics are not a traces export', () => {
  for (const connector of ['spanmetrics', 'servicegraph']) {
    test(`tracing written only into otelcol.connector.${connector}: traces-not-exported`, () => {
      const body = connector === 'spanmetrics' ? ['\thistogram {', '\t\texplicit { }', '\t}', ''] : [];
      const text = [
        lines('tracing {', `\twrite_to = [otelcol.connector.${connector}.default.input]`, '}'),
        lines(`otelcol.connector.${connector} "default" {`, ...body, '\toutput {', '\t\tmetrics = [otelcol.exporter.prometheus.default.input]', '\t}', '}'),
        TO_PROMETHEUS,
        REMOTE_WRITE,
        TEMPO,
      ].join('\n');
      const findings = check(text, TRACES);
      assert.deepEqual(
        findings.map((f) => `${f.code}: ${f.message}`),
        ["selfmon/traces-not-exported: Alloy's own traces written to write_to never reach a component that sends them out of Alloy."],
      );
      // The fix sends the spans to the exporter, not into another connector.
      assert.deepEqual(
        findings[0]?.fixes?.map((f) => f.title),
        ["Send Alloy's traces to otelcol.exporter.otlp.tempo"],
      );
    });
  }

  test('beside an exporter that passes the spans on, the traces leave: silent', () => {
    const text = [
      lines('tracing {', '\twrite_to = [otelcol.connector.servicegraph.default.input, otelcol.exporter.otlp.tempo.input]', '}'),
      lines('otelcol.connector.servicegraph "default" {', '\toutput {', '\t\tmetrics = [otelcol.exporter.prometheus.default.input]', '\t}', '}'),
      TO_PROMETHEUS,
      REMOTE_WRITE,
      TEMPO,
    ].join('\n');
    assert.deepEqual(check(text, TRACES), []);
  });
});

describe('sampling_fraction too large for a float', () => {
  for (const value of ['1e999', '-1e999']) {
    test(`${value} is outside [0, 1]: an error`, () => {
      const text = lines('tracing {', `\tsampling_fraction = ${value}`, '\twrite_to          = [otelcol.exporter.otlp.tempo.input]', '}') + '\n' + TEMPO;
      const findings = check(text, TRACES);
      assert.deepEqual(
        findings.map((f) => [f.code, f.severity, f.message]),
        [['selfmon/traces-sampling', 'error', `sampling_fraction must be between 0 and 1; ${value} is not.`]],
      );
      assert.deepEqual(findings[0]?.range, { start: text.indexOf(value), end: text.indexOf(value) + value.length });
    });
  }
});

describe('service.name set by a relabel rule names that rule', () => {
  const METRICS = settingsFrom({ selfMonitoring: { logs: false, traces: false } });
  const OTLP_OUT = [
    lines('otelcol.receiver.prometheus "alloy" {', '\toutput {', '\t\tmetrics = [otelcol.exporter.otlp.tempo.input]', '\t}', '}'),
    TEMPO,
  ].join('\n');

  test('a discovery.relabel rule before the scrape', () => {
    const text = [
      lines('prometheus.exporter.self "alloy" { }'),
      lines('discovery.relabel "alloy" {', '\ttargets = prometheus.exporter.self.alloy.targets', '', '\trule {', '\t\ttarget_label = "job"', '\t\treplacement  = "integrations/alloy"', '\t}', '}'),
      lines('prometheus.scrape "alloy" {', '\ttargets    = discovery.relabel.alloy.output', '\tforward_to = [otelcol.receiver.prometheus.alloy.receiver]', '}'),
      OTLP_OUT,
    ].join('\n');
    assert.deepEqual(
      check(text, METRICS).map((f) => f.message),
      ['Alloy\'s metrics reach OTLP with service.name "integrations/alloy" (from the job label set by the rule at config.alloy:6 in discovery.relabel.alloy), not "alloy".'],
    );
  });

  test('a prometheus.relabel rule after it: the fix goes there, where it wins', () => {
    const text = [
      lines('prometheus.exporter.self "alloy" { }'),
      lines('prometheus.scrape "alloy" {', '\ttargets    = prometheus.exporter.self.alloy.targets', '\tforward_to = [prometheus.relabel.alloy.receiver]', '}'),
      lines('prometheus.relabel "alloy" {', '\tforward_to = [otelcol.receiver.prometheus.alloy.receiver]', '', '\trule {', '\t\ttarget_label = "job"', '\t\treplacement  = "self"', '\t}', '}'),
      OTLP_OUT,
    ].join('\n');
    const findings = check(text, METRICS);
    assert.deepEqual(
      findings.map((f) => f.message),
      ['Alloy\'s metrics reach OTLP with service.name "self" (from the job label set by the rule at config.alloy:11 in prometheus.relabel.alloy), not "alloy".'],
    );
    assert.deepEqual(findings[0]?.fixes?.map((f) => f.title), ['Add a rule to prometheus.relabel.alloy setting the job label to "alloy", so service.name is "alloy"']);
  });
});
