/**
 * Large inputs within fixed budgets: findings are capped per file while they
 * are collected (with a notice naming the limit), syntax errors per file, and
 * "did you mean" is looked up once per distinct name.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeConfiguration, parseFile } from '../../server/src/languageService';
import { defaultSettings } from '../../server/src/settings';
import { MAX_SYNTAX_ERRORS } from '../../server/src/syntax/scanner';

const PER_FILE_NOTICE = 'This file has more than 1,000 problems; only the first 1,000 are reported (limit: 1,000 findings per file).';

function analyze(text: string, path = '/big/config.alloy') {
  return analyzeConfiguration([parseFile(path, text)], defaultSettings).findings;
}

function assertCapped(findings: ReturnType<typeof analyze>, code: string): void {
  assert.equal(findings.length, 1001);
  assert.equal(findings.filter((f) => f.code === code).length, 1000);
  const last = findings[1000];
  assert.equal(last?.code, 'too-many-problems');
  assert.equal(last?.message, PER_FILE_NOTICE);
}

describe('findings per file', () => {
  it('keeps 1,000 of 130,000 syntax errors and names the limit', () => {
    const findings = analyze(';\n'.repeat(130_000));
    assertCapped(findings, 'syntax');
    assert.equal(findings[0]?.message, "illegal character U+003B ';'");
  });

  it('keeps 1,000 of 130,000 top-level attributes', () => {
    let text = '';
    for (let i = 0; i < 130_000; i++) text += `a${i} = 1\n`;
    const findings = analyze(text);
    assertCapped(findings, 'top-level-attribute');
    assert.equal(findings[999]?.message, 'unrecognized attribute a999');
  });

  it('keeps 1,000 of 130,000 env() calls', () => {
    const text = `logging {\n\tlevel = [${'env("A"), '.repeat(130_000)}]\n}\n`;
    const findings = analyze(text);
    assertCapped(findings, 'deprecated-function');
  });

  it('answers for 100,000 unknown component names, the same or all different', () => {
    let same = '';
    let different = '';
    for (let i = 0; i < 100_000; i++) {
      same += `prometheus.scrap "s${i}" { }\n`;
      different += `foo${i}.bar "s" { }\n`;
    }
    const findings = analyze(same);
    assertCapped(findings, 'unknown-component');
    assert.equal(findings[0]?.message, 'cannot find the definition of component name "prometheus.scrap" (did you mean "prometheus.scrape"?)');
    assertCapped(analyze(different), 'unknown-component');
  });

  it('keeps the first syntax errors of a 10 MB line of errors, in order', () => {
    const findings = analyze('a = ; '.repeat(10_000_000 / 6));
    assert.equal(findings.length, 1001);
    assert.deepEqual(findings.slice(0, 2).map((f) => f.message), ["illegal character U+003B ';'", 'expected expression, got ILLEGAL']);
    assert.ok(MAX_SYNTAX_ERRORS >= 1000);
  });

  it('analyses a 20 MB file', () => {
    let text = 'prometheus.remote_write "default" {\n\tendpoint {\n\t\turl = "http://mimir/api/v1/push"\n\t}\n}\n';
    for (let i = 0; text.length < 20_000_000; i++) {
      text += `prometheus.scrape "s${i}" {\n\ttargets    = [{"__address__" = "localhost:${i}"}]\n\tforward_to = [prometheus.remote_write.other.receiver]\n}\n`;
    }
    assertCapped(analyze(text).filter((f) => !f.code.startsWith('selfmon/')), 'undefined-reference');
  });

  it('caps a configuration of many files at 10,000 findings', () => {
    const files = [];
    for (let i = 0; i < 12; i++) files.push(parseFile(`/many/f${String(i).padStart(2, '0')}.alloy`, 'a = 1\n'.repeat(1000)));
    const findings = analyzeConfiguration(files, defaultSettings).findings;
    assert.equal(findings.filter((f) => f.code === 'top-level-attribute').length, 10_000);
    assert.equal(
      findings.at(-1)?.message,
      'This configuration has more than 10,000 problems; only the first 10,000 are reported (limit: 10,000 findings per configuration).',
    );
  });

  it('does not count findings switched off against the limit', () => {
    const settings = { ...defaultSettings, severity: { ...defaultSettings.severity, 'top-level-attribute': 'off' as const } };
    const findings = analyzeConfiguration([parseFile('/off/config.alloy', 'a = 1\n'.repeat(5000))], settings).findings;
    assert.ok(!findings.some((f) => f.code === 'too-many-problems' || f.code === 'top-level-attribute'));
  });
});
