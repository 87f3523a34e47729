/**
 * The pipeline view's data: nodes, edges labelled with their signal, the
 * paths of Alloy's own telemetry, and self-monitoring findings on the node
 * they are about (or a placeholder for a missing block).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeConfiguration, parseFile } from '../../server/src/languageService';
import { buildModel } from '../../server/src/semantic/model';
import { defaultSettings } from '../../server/src/settings';
import { getPipelineView, type PipelineViewData } from '../../server/src/features/pipelineView';

function view(text: string, path = '/project/config.alloy'): PipelineViewData {
  const files = [parseFile(path, text)];
  return getPipelineView(buildModel(files), analyzeConfiguration(files, defaultSettings).findings);
}

const edge = (d: PipelineViewData) => d.edges.map((e) => `${e.from} -${e.kind}-> ${e.to}`).sort();

describe('pipeline view data', () => {
  const seed = view(readFileSync(join(__dirname, '../../examples/config.alloy'), 'utf8'));

  test('draws every component and config block of the example as a node, grouped by namespace', () => {
    const byId = new Map(seed.nodes.map((n) => [n.id, n]));
    for (const id of ['otelcol.receiver.otlp.default', 'prometheus.exporter.self.alloy', 'prometheus.scrape.alloy', 'loki.write.grafana_cloud', 'logging']) assert.ok(byId.has(id), id);
    assert.equal(byId.get('prometheus.scrape.alloy')?.namespace, 'prometheus');
    assert.equal(byId.get('logging')?.namespace, 'alloy');
    assert.equal(byId.get('logging')?.kind, 'config');
    assert.equal(byId.get('prometheus.scrape.alloy')?.location?.start.line, 42);
  });

  test('labels each reference with the signal it carries, in the direction data flows', () => {
    const edges = edge(seed);
    for (const e of [
      'prometheus.exporter.self.alloy -targets-> prometheus.scrape.alloy',
      'prometheus.scrape.alloy -metrics-> otelcol.receiver.prometheus.alloy',
      'otelcol.receiver.prometheus.alloy -metrics-> otelcol.processor.batch.default',
      'otelcol.processor.batch.default -traces-> otelcol.exporter.otlphttp.grafana_cloud',
      'logging -logs-> loki.write.grafana_cloud',
      'otelcol.auth.basic.grafana_cloud -dependency-> otelcol.exporter.otlphttp.grafana_cloud',
    ]) {
      assert.ok(edges.includes(e), `missing ${e} in\n${edges.join('\n')}`);
    }
  });

  test("marks the path of Alloy's own metrics and logs from source to exporter", () => {
    const self = (id: string) => seed.nodes.find((n) => n.id === id)?.self;
    assert.deepEqual(self('prometheus.exporter.self.alloy'), ['metrics']);
    assert.deepEqual(self('otelcol.exporter.otlphttp.grafana_cloud'), ['metrics']);
    assert.deepEqual(self('loki.write.grafana_cloud'), ['logs']);
    assert.deepEqual(self('otelcol.receiver.otlp.default'), []);
    assert.deepEqual(seed.nodes.find((n) => n.id === 'loki.write.grafana_cloud')?.exports, ['logs']);
    const auth = seed.edges.find((e) => e.from === 'otelcol.auth.basic.grafana_cloud');
    assert.deepEqual(auth?.self, [], 'a dependency carries no telemetry');
  });

  test('draws the missing tracing block as a placeholder carrying its finding', () => {
    const missing = seed.nodes.find((n) => n.id === 'missing:traces');
    assert.equal(missing?.kind, 'missing');
    assert.equal(missing?.name, 'tracing');
    assert.deepEqual(missing?.findings.map((f) => f.code), ['selfmon/traces-missing']);
    assert.ok(seed.findings.some((f) => f.code === 'selfmon/traces-missing'));
  });

  test('puts a broken link on the block it is about', () => {
    const d = view('prometheus.exporter.self "a" { }\n\nprometheus.scrape "a" {\n\ttargets    = prometheus.exporter.self.a.targets\n\tforward_to = []\n}\n');
    const scrape = d.nodes.find((n) => n.id === 'prometheus.scrape.a');
    assert.deepEqual(scrape?.findings.map((f) => f.code), ['selfmon/metrics-not-exported']);
    assert.equal(d.nodes.some((n) => n.id === 'missing:metrics'), false);
  });

  test('stays whole on broken, empty and odd input', () => {
    for (const text of ['', 'prometheus.scrape "a" {', '}}}{{{', 'a = b', 'loki.write "x" { forward_to = [loki.write.x.receiver] }', '\0\0\0']) {
      const d = view(text);
      assert.ok(Array.isArray(d.nodes) && Array.isArray(d.edges));
      for (const e of d.edges) assert.ok(d.nodes.some((n) => n.id === e.from) && d.nodes.some((n) => n.id === e.to), `dangling edge in ${JSON.stringify(text)}`);
    }
    assert.equal(view('prometheus.scrape "a" {').hasSyntaxErrors, true);
  });

  test('follows a cycle without looping and without self edges', () => {
    const d = view('loki.process "a" {\n\tforward_to = [loki.process.b.receiver]\n}\n\nloki.process "b" {\n\tforward_to = [loki.process.a.receiver, loki.process.b.receiver]\n}\n\nlogging {\n\twrite_to = [loki.process.a.receiver]\n}\n');
    assert.deepEqual(edge(d), ['logging -logs-> loki.process.a', 'loki.process.a -logs-> loki.process.b', 'loki.process.b -logs-> loki.process.a']);
    assert.deepEqual(d.nodes.find((n) => n.id === 'loki.process.b')?.self, ['logs']);
  });
});
