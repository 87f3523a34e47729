import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryFileSystem } from '../../server/src/compose/fileSystem';
import { analyzeConfiguration, parseFile } from '../../server/src/languageService';
import { resolveSettings } from '../../server/src/settings';

const MAIN = 'import.file "lib" {\n\tfilename = "lib.alloy"\n}\n\nlib.thing "a" {\n\ty = 1\n}\n';
const LIB = 'declare "thing" {\n\targument "x" { }\n\n\targument "z" {\n\t\toptional = true\n\t}\n}\n';

function schemaFindings(files: Record<string, string>): string[] {
  const main = parseFile('/repo/main.alloy', MAIN);
  const { findings } = analyzeConfiguration([main], resolveSettings({}).settings, { fs: memoryFileSystem(files), hostEnv: {}, rootDir: '/repo' });
  return findings.filter((f) => f.code === 'unknown-attribute' || f.code === 'missing-required').map((f) => `${main.parse.lineIndex.alloyPosition(f.range.start).line} ${f.message}`);
}

describe('local modules', () => {
  it('checks instances of components from a readable import.file against its declarations', () => {
    assert.deepEqual(schemaFindings({ '/repo/main.alloy': MAIN, '/repo/lib.alloy': LIB }), ['6 unrecognized attribute name "y"', '5 missing required attribute "x"']);
  });

  it('stays silent when the module cannot be read or does not parse', () => {
    assert.deepEqual(schemaFindings({ '/repo/main.alloy': MAIN }), []);
    assert.deepEqual(schemaFindings({ '/repo/main.alloy': MAIN, '/repo/lib.alloy': 'declare "thing" {' }), []);
  });
});
