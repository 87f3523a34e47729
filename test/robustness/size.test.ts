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
import { loadComposeProject } from '../../server/src/compose/composeProject';
import { memoryFileSystem } from '../../server/src/compose/fileSystem';
import { MAX_COMPOSE_FILE_CHARS } from '../../server/src/compose/yamlBudget';

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

describe('compose files within budget', () => {
  const load = (files: Record<string, string>) => loadComposeProject({ composeFiles: ['/p/c0.yml'], fs: memoryFileSystem(files), hostEnv: {} });

  it('expands a merge-key bomb (<<: [*a, *a, …] nine levels) once per mapping', () => {
    let text = 'x-base: &a0\n  k: v\n';
    for (let i = 1; i < 10; i++) text += `x-l${i}: &a${i}\n  <<: [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n  k${i}: v\n`;
    text += 'services:\n  s:\n    image: x\n    <<: *a9\n';
    const project = load({ '/p/c0.yml': text });
    assert.deepEqual(project.problems, []);
    assert.equal(project.services.get('s')?.image?.name, 'x');
  });

  it('refuses a compose file over the size limit with 100,000 environment entries or 50,000 services, naming the limit', () => {
    let entries = 'services:\n  s:\n    image: x\n    environment:\n';
    for (let i = 0; i < 100_000; i++) entries += `      - V${i}=\${H${i}:-d}\n`;
    let services = 'services:\n';
    for (let i = 0; i < 50_000; i++) services += `  s${i}:\n    image: x\n    environment:\n      A: b\n`;
    for (const text of [entries, services]) {
      assert.ok(text.length > MAX_COMPOSE_FILE_CHARS);
      const project = load({ '/p/c0.yml': text });
      assert.deepEqual(
        project.problems.map((p) => [p.code, p.message]),
        [['compose/too-large', 'This compose file is larger than 1 MB and is not read (limit: 1,048,576 characters).']],
      );
    }
  });

  it('reads 20,000 services just under the limit, and still finds duplicate keys', () => {
    let text = 'services:\n';
    for (let i = 0; i < 20_000; i++) text += `  s${i}: {image: x}\n`;
    text += '  s7: {image: y}\n';
    const project = load({ '/p/c0.yml': text });
    assert.equal(project.services.size, 20_000);
    assert.deepEqual(project.problems.map((p) => [p.code, p.range.start]), [['compose/invalid', text.lastIndexOf('s7:')]]);
  });

  it('refuses brackets nested past the limit before the YAML parser sees them', () => {
    const project = load({ '/p/c0.yml': `services:\n  s:\n    image: ${'['.repeat(100_000)}\n` });
    assert.deepEqual(project.problems.map((p) => p.message), ['This compose file nests brackets deeper than 500 levels and is not read (limit: 500 levels).']);
  });

  it('reads an env_file and a .env of 100,000 entries', () => {
    let entries = '';
    for (let i = 0; i < 100_000; i++) entries += `V${i}=\${H${i}:-d}\n`;
    const compose = 'services:\n  alloy:\n    image: grafana/alloy\n    env_file: big.env\n    environment:\n      - LEVEL=info\n';
    const files = { '/p/big.env': entries, '/p/.env': entries, '/p/compose.yaml': compose, '/p/config.alloy': '' };
    const config = parseFile('/p/config.alloy', 'logging {\n\tlevel = sys.env("LEVEL")\n\tformat = sys.env("V99999")\n}\n');
    const { env } = analyzeConfiguration([config], defaultSettings, { fs: memoryFileSystem(files), hostEnv: {}, composeFiles: ['/p/compose.yaml'] });
    assert.deepEqual(env?.variables.map((v) => [v.name, v.status]), [['LEVEL', 'provided'], ['V99999', 'host']]);
  });

  it('loads an include diamond 24 levels deep once per file', () => {
    const files: Record<string, string> = { '/p/c0.yml': 'include:\n  - l0a.yml\nservices:\n  s:\n    image: x\n' };
    for (let i = 0; i < 24; i++) files[`/p/l${i}a.yml`] = files[`/p/l${i}b.yml`] = `include:\n  - l${i + 1}a.yml\n  - l${i + 1}b.yml\n`;
    files['/p/l24a.yml'] = 'services:\n  a:\n    image: x\n';
    files['/p/l24b.yml'] = 'services:\n  b:\n    image: x\n';
    const project = load(files);
    assert.deepEqual([...project.services.keys()].sort(), ['a', 'b', 's']);
    assert.equal(project.files.size, 50);
  });
});
