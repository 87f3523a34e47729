import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticTag } from 'vscode-languageserver/node';
import { CODES, codeInfo, isAutoFixable, isKnownCode, severityOf, severityText, tagsOf } from '../../server/src/codes';
import { sarifRules } from '../../server/src/cli/report';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { resolveSettings } from '../../server/src/settings';
import { LineIndex } from '../../server/src/syntax/lineIndex';

const ROOT = resolve(__dirname, '../..');

/** The rows of the README's table of finding codes: code, severity text, description. */
function readmeRows(): string[][] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Finding codes'));
  const lines = section.split('\n');
  const header = lines.findIndex((l) => l.startsWith('| code |'));
  const rows: string[][] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.slice(1, -1).split(' | ').map((cell) => cell.trim()));
  }
  return rows;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out;
}

describe('the registry of finding codes', () => {
  it('lists each code once, each with a sentence that says what it means', () => {
    const codes = CODES.map((c) => c.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const c of CODES) {
      assert.match(c.description, /^[A-Z`$].*\.$/, c.code);
      // The README's table splits on pipes.
      assert.ok(!c.description.includes('|') && !(c.alternate?.when ?? '').includes('|'), c.code);
    }
  });

  it('is the README table: same codes, in the same order, with the same severities and descriptions', () => {
    const expected = CODES.map((c) => [`\`${c.code}\``, severityText(c), c.description]);
    assert.deepEqual(readmeRows(), expected, `the README rows should be:\n${expected.map((r) => `| ${r.join(' | ')} |`).join('\n')}`);
  });

  it('is the severity setting schema in package.json: one property per code, each offering every level', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const schema = pkg.contributes.configuration.properties['alloySelfMonitoring.severity'];
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual(Object.keys(schema.properties), CODES.map((c) => c.code));
    for (const c of CODES) {
      const property = schema.properties[c.code];
      assert.deepEqual(property.enum, ['error', 'warning', 'information', 'hint', 'off'], c.code);
      assert.equal(property.description, `${c.description} Default: ${severityText(c)}.`, c.code);
    }
  });

  it('knows every code the source reports, and reports every code it knows', () => {
    const srcDir = join(ROOT, 'server/src');
    // Places that can only hold a finding code: each must be registered.
    const certain = new Set<string>();
    // Also arguments of helpers that take a `Code` (already checked by the compiler): only to see each entry used.
    const mentioned = new Set<string>();
    for (const file of sourceFiles(srcDir)) {
      if (file.endsWith('codes.ts')) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:\bcode: |: Code = |\brefuse\(|\bseverityOf\()'([a-z][a-z/-]*)'/g)) certain.add(m[1] ?? '');
      for (const m of text.matchAll(/'((?:selfmon|env|compose|version|stability)\/[a-z-]+)'/g)) certain.add(m[1] ?? '');
      // Codes built from a signal name.
      for (const m of text.matchAll(/`selfmon\/\$\{signal\}-([a-z-]+)`/g)) for (const s of ['logs', 'traces']) certain.add(`selfmon/${s}-${m[1]}`);
      for (const m of text.matchAll(/(?:\berror|\bpush|this\.problem)\(\s*'([a-z][a-z/-]*)'/g)) mentioned.add(m[1] ?? '');
      for (const m of text.matchAll(/, '([a-z][a-z/-]*)', /g)) mentioned.add(m[1] ?? '');
    }
    for (const code of certain) assert.ok(isKnownCode(code), `"${code}" is reported but not registered`);
    for (const c of CODES) assert.ok(certain.has(c.code) || mentioned.has(c.code), `"${c.code}" is registered but nothing reports it`);
  });

  it('gives the default severity, and the alternate one only where the entry documents it', () => {
    assert.equal(severityOf('cycle'), 'error');
    assert.equal(severityOf('env/unused'), 'information');
    assert.equal(severityOf('env/host'), 'information');
    assert.equal(severityOf('env/host', 'alternate'), 'warning');
    assert.equal(severityOf('selfmon/traces-sampling', 'default'), 'warning');
    assert.equal(severityOf('selfmon/traces-sampling', 'alternate'), 'error');
    assert.equal(severityOf('version/unavailable', 'alternate'), 'information');
    for (const c of CODES) if (c.alternate) assert.notEqual(c.alternate.severity, c.defaultSeverity, c.code);
    assert.equal(severityText(codeInfo('stability/below-level') ?? CODES[0]!), 'error (information when the level is only the default, `generally-available`)');
  });

  it('lets "fix all" apply the self-monitoring and deprecated-function fixes, and no others', () => {
    const fixable = CODES.filter((c) => isAutoFixable(c.code)).map((c) => c.code);
    assert.deepEqual(fixable, ['deprecated-function', ...CODES.map((c) => c.code).filter((c) => c.startsWith('selfmon/'))]);
    assert.equal(isAutoFixable('unknown-component'), false);
    assert.equal(isAutoFixable('no-such-code'), false);
  });

  it('tags deprecated functions and unused variables for the editor', () => {
    assert.deepEqual(tagsOf('deprecated-function'), ['deprecated']);
    assert.deepEqual(tagsOf('env/unused'), ['unnecessary']);
    assert.deepEqual(tagsOf('syntax'), []);
    const lines = new LineIndex('A = 1\n');
    const finding = { file: '/c.yml', range: { start: 0, end: 1 }, code: 'env/unused', severity: 'information' as const, message: 'm', source: 's' };
    assert.deepEqual(toDiagnostic(finding, lines, () => undefined).tags, [DiagnosticTag.Unnecessary]);
    assert.equal(toDiagnostic({ ...finding, code: 'env/missing' }, lines, () => undefined).tags, undefined);
  });

  it('gives SARIF one rule per code with its description and default level', () => {
    const rules = sarifRules();
    assert.deepEqual(rules.map((r) => r.id), CODES.map((c) => c.code));
    const levels: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
    for (const [i, c] of CODES.entries()) {
      assert.equal(rules[i]?.shortDescription.text, c.description);
      assert.deepEqual(rules[i]?.defaultConfiguration, { level: levels[c.defaultSeverity] });
      assert.equal(rules[i]?.fullDescription !== undefined, c.alternate !== undefined, c.code);
    }
  });
});

describe('severity settings', () => {
  it('take registered codes and refuse others, naming them', () => {
    const { settings, problems } = resolveSettings({ severity: { 'env/unused': 'off', 'selfmon/trace-missing': 'error', cycle: 'loud' } });
    assert.deepEqual(settings.severity, { 'env/unused': 'off' });
    assert.deepEqual(problems, ['severity.selfmon/trace-missing: no finding has this code', 'severity.cycle must be one of error, warning, information, hint, off']);
  });
});
