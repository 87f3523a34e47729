import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkRootBlocks, configurationRole } from '../../server/src/checks/rootBlocks';
import { analyzeConfiguration, parseFile, type AnalysisOptions } from '../../server/src/languageService';
import { defaultSettings } from '../../server/src/settings';

const TEXT = '// a root with module blocks\nargument "root" {}\n\nexport "root" {\n\tvalue = ""\n}\n\nprometheus.exporter.self "default" { }\n';

function rootFindings(options: AnalysisOptions): string[] {
  const file = parseFile('/cfg/main.alloy', TEXT);
  return analyzeConfiguration([file], defaultSettings, undefined, options)
    .findings.filter((f) => f.message.includes('only allowed inside a module'))
    .map((f) => {
      const at = file.parse.lineIndex.alloyPosition(f.range.start);
      return `${at.line}:${at.column} ${f.code} ${f.severity}: ${f.message}`;
    });
}

describe('argument and export blocks in a root configuration', () => {
  it('reports each top-level block with Alloy\'s message at the block, in a root', () => {
    assert.deepEqual(rootFindings({ role: 'root' }), [
      '2:1 not-allowed error: argument blocks only allowed inside a module',
      '4:1 not-allowed error: export blocks only allowed inside a module',
    ]);
  });

  it('stays silent when the role is unknown (a module, a folder, a lone file)', () => {
    assert.deepEqual(rootFindings({}), []);
    assert.deepEqual(rootFindings({ role: 'unknown' }), []);
  });

  it('ignores argument and export blocks inside declare bodies', () => {
    const file = parseFile('/cfg/main.alloy', 'declare "m" {\n\targument "a" { }\n\texport "b" {\n\t\tvalue = 1\n\t}\n}\n');
    assert.deepEqual(checkRootBlocks([file], 'root'), []);
  });

  it('keeps the module silences of self-monitoring for a root with argument blocks', () => {
    const file = parseFile('/cfg/main.alloy', TEXT);
    const codes = analyzeConfiguration([file], defaultSettings, undefined, { role: 'root' }).findings.map((f) => f.code);
    assert.ok(!codes.some((c) => c.startsWith('selfmon/')), codes.join(', '));
  });

  it('calls root only what Alloy is given to run', () => {
    for (const kind of ['argument', 'setting', 'compose-command', 'compose-default']) assert.equal(configurationRole({ kind }), 'root', kind);
    for (const kind of ['module', 'folder', 'file']) assert.equal(configurationRole({ kind }), 'unknown', kind);
    assert.equal(configurationRole(null), 'unknown');
  });
});
