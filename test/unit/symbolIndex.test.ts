import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { findDefinition } from '../../server/src/features/definition';
import { getDocumentLinks } from '../../server/src/features/documentLinks';
import { buildProject } from '../../server/src/features/project';
import { findReferences } from '../../server/src/features/references';
import { prepareRename, rename } from '../../server/src/features/rename';
import { getSemanticTokens } from '../../server/src/features/semanticTokens';
import { getSignatureHelp } from '../../server/src/features/signatureHelp';
import { buildSymbolIndex } from '../../server/src/features/symbolIndex';
import { getWorkspaceSymbols } from '../../server/src/features/workspaceSymbols';
import { buildModel, type SourceFile } from '../../server/src/semantic/model';
import { parse } from '../../server/src/syntax/parser';
import { LIB, MAIN, WRITE, fixture } from '../support/navigationFixture';

/** Alloy-ish fragments, so that random text often parses into blocks, labels and references. */
const pieces = ['declare "d" {', 'argument "a" { }', 'export "e" { value = argument.a.value }', 'import.file "m" { filename = "m.alloy" }', 'm.d "x" { a = 1 }', 'd "y" { a = d.x.e }', 'prometheus.scrape "s" {', 'forward_to = [prometheus.remote_write.w.receiver, m.d.x.e]', 'prometheus.remote_write "w" { }', 'string.format("%s", sys.env("A"))', '}', '"', '[', '(', ',', '\n', ' ', '.', '=', 'x'];

describe('navigation on any input', () => {
  it('never throws: index, definition, references, rename, tokens, links, signature help, symbols', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })), { maxLength: 40 }), fc.array(fc.nat(400), { maxLength: 5 }), (parts, offsets) => {
        const text = parts.join('');
        const file: SourceFile = { path: '/cfg/main.alloy', parse: parse(text) };
        const module: SourceFile = { path: '/cfg/m.alloy', parse: parse(text) };
        const index = buildSymbolIndex(buildProject([file], () => [module, file]));
        for (const o of offsets) {
          findDefinition(index, file, o);
          findReferences(index, file, o);
          prepareRename(index, file, o);
          rename(index, file, o, 'renamed');
          getSignatureHelp(file, o);
        }
        getSemanticTokens(index, file);
        getDocumentLinks(buildModel([file]), file);
        getWorkspaceSymbols([file], 'x');
      }),
      { numRuns: 300 },
    );
  });

  it('does not follow an import that leads back to the configuration itself', () => {
    const self = fixture({ 'main.alloy': 'import.file "me" {\n\tfilename = "main.alloy"\n}\n\nme.x "a" { }\n|' });
    assert.deepEqual([...self.index.project.imports.values()], []);
    const f = fixture({ 'main.alloy': MAIN, 'write.alloy': WRITE }, { '/mods/lib.alloy': `import.file "back" {\n\tfilename = "../cfg/main.alloy"\n}\n|${LIB}` });
    assert.deepEqual(f.index.project.allFiles.map((x) => x.path).sort(), ['/cfg/main.alloy', '/cfg/write.alloy', '/mods/lib.alloy']);
  });
});
