/**
 * Deep and long inputs, at the sizes that once overflowed the stack: every
 * walk whose depth the user controls keeps its own stack, so each case ends
 * with findings rather than "Maximum call stack size exceeded".
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeConfiguration, parseFile } from '../../server/src/languageService';
import { defaultSettings } from '../../server/src/settings';

function analyze(text: string) {
  return analyzeConfiguration([parseFile('/deep/config.alloy', text)], defaultSettings).findings;
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
    const codes = analyze(text).map((f) => f.code);
    assert.ok(codes.includes('selfmon/traces-not-exported'));
  });
});
