/**
 * Fixes are built when someone reads them, never by the analysis itself: the
 * diagnostics of every keystroke and `check` pay only for the findings. A
 * settings object whose `fixes` section counts its reads is the spy: every
 * self-monitoring fix builder reads it (for its comment style), and nothing
 * else in the analysis does.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeConfiguration, parseFile } from '../../server/src/languageService';
import { resolveSettings, type Settings } from '../../server/src/settings';
import { copyFinding, fixesSource, withLazyFixes } from '../../server/src/fixes/lazyFixes';
import type { Finding } from '../../server/src/syntax/diagnostic';

/** Settings whose `fixes` section counts how often a fix builder asked for it. */
function spiedSettings(raw: Record<string, unknown> = {}): { settings: Settings; reads: () => number } {
  const { settings } = resolveSettings({ fixes: { comments: false }, ...raw });
  let reads = 0;
  const fixes = settings.fixes;
  Object.defineProperty(settings, 'fixes', {
    enumerable: true,
    get: () => {
      reads++;
      return fixes;
    },
  });
  return { settings, reads: () => reads };
}

// Every self-monitoring signal missing or wrong, a deprecated function and an undefined reference: all fixable.
const CONFIG = [
  'logging {',
  '\tlevel  = "info"',
  '\tformat = "logfmt"',
  '}',
  '',
  'tracing {',
  '\tsampling_fraction = 0.5',
  '}',
  '',
  'prometheus.scrape "app" {',
  '\ttargets    = [{"__address__" = env("APP")}]',
  '\tforward_to = [prometheus.remote_write.missing.receiver]',
  '}',
  '',
  'prometheus.remote_write "default" {',
  '\tendpoint {',
  '\t\turl = "http://mimir:9009/api/v1/push"',
  '\t}',
  '}',
  '',
].join('\n');

function isLazy(f: Finding): boolean {
  return typeof Object.getOwnPropertyDescriptor(f, 'fixes')?.get === 'function';
}

describe('fixes built on demand', () => {
  for (const [name, text] of [
    ['LF', CONFIG],
    ['CRLF (edits matched to the line endings when read)', CONFIG.replace(/\n/g, '\r\n')],
  ] as const) {
    it(`runs no fix builder during the analysis, and builds them when read (${name})`, () => {
      // A severity override makes the budget copy findings: the copy must not build them either.
      const { settings, reads } = spiedSettings({ severity: { 'selfmon/logs-format': 'error' } });
      const findings = analyzeConfiguration([parseFile('/p/config.alloy', text)], settings).findings;
      const codes = findings.map((f) => f.code).sort();
      for (const code of ['deprecated-function', 'selfmon/logs-format', 'selfmon/metrics-missing', 'selfmon/traces-missing', 'selfmon/traces-sampling', 'undefined-reference']) {
        assert.ok(codes.includes(code), `${code} in ${codes.join(', ')}`);
      }
      assert.equal(reads(), 0, 'a self-monitoring fix builder ran during the analysis');
      for (const f of findings.filter((x) => x.code !== 'syntax')) assert.ok(isLazy(f), `${f.code}: fixes built or missing`);
      assert.equal(findings.find((f) => f.code === 'selfmon/logs-format')?.severity, 'error');

      // Reading them builds them, once, and the edits follow the file's line endings.
      const traces = findings.find((f) => f.code === 'selfmon/traces-missing');
      const fix = traces?.fixes?.[0];
      assert.ok(fix && fix.edits.length > 0);
      assert.ok(reads() > 0);
      const after = reads();
      assert.equal(traces?.fixes?.[0], fix, 'built again on a second read');
      assert.equal(reads(), after);
      const inserted = fix.edits.map((e) => e.newText).join('');
      if (text.includes('\r\n')) {
        assert.match(inserted, /\r\n/);
        assert.doesNotMatch(inserted.replace(/\r\n/g, ''), /\n|\r/, 'a lone line break in a CRLF file');
      } else assert.doesNotMatch(inserted, /\r/);
      assert.deepEqual(findings.find((f) => f.code === 'deprecated-function')?.fixes?.[0]?.edits.map((e) => e.newText), ['sys.env']);
    });
  }
});

describe('the lazy fixes helpers', () => {
  const base = (): Finding => ({ file: '/f.alloy', range: { start: 0, end: 1 }, code: 'c', severity: 'warning', message: 'm', source: 's' });

  it('copies a finding without building its fixes, and both share one build', () => {
    let calls = 0;
    const finding = withLazyFixes(base(), () => {
      calls++;
      return [{ title: 'T', edits: [] }];
    });
    const copy = copyFinding(finding, { severity: 'error' });
    assert.equal(calls, 0);
    assert.equal(copy.severity, 'error');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(copy.fixes?.map((f) => f.title), ['T']);
    assert.deepEqual(finding.fixes?.map((f) => f.title), ['T']);
    assert.equal(calls, 1);
  });

  it('gives every finding the same getter, holding nothing of its version', () => {
    // A getter closure per finding kept its whole analysis alive through V8's young collections.
    const one = withLazyFixes(base(), () => []);
    const two = withLazyFixes(base(), () => [{ title: 'T', edits: [] }]);
    const getter = Object.getOwnPropertyDescriptor(one, 'fixes')?.get;
    assert.equal(typeof getter, 'function');
    assert.equal(Object.getOwnPropertyDescriptor(two, 'fixes')?.get, getter);
    assert.deepEqual([one.fixes, two.fixes?.map((f) => f.title)], [[], ['T']]);
  });

  it('tells where fixes come from without building them', () => {
    let calls = 0;
    const lazy = withLazyFixes(base(), () => {
      calls++;
      return [];
    });
    const source = fixesSource(lazy);
    assert.equal(calls, 0);
    assert.deepEqual(source?.(), []);
    assert.equal(calls, 1);
    assert.equal(fixesSource(base()), undefined);
    const plain = { ...base(), fixes: [{ title: 'P', edits: [] }] };
    assert.deepEqual(fixesSource(plain)?.().map((f) => f.title), ['P']);
  });
});
