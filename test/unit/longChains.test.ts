/**
 * Flat chains are legal Alloy of unbounded depth (`1 + 1 + …`, `a.b.c…`): the
 * parser builds them without a diagnostic, so every feature must handle a
 * 100,000-link chain without recursing per link or rescanning it per link.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getCompletions } from '../../server/src/features/completion';
import { getFoldingRanges } from '../../server/src/features/folding';
import { getFormattingEditsByUnits } from '../../server/src/features/formatting';
import { getHover } from '../../server/src/features/hover';
import { getDocumentSymbols } from '../../server/src/features/symbols';
import { analyzeConfiguration, fixAll, parseFile } from '../../server/src/languageService';
import { buildModel } from '../../server/src/semantic/model';
import { defaultSettings } from '../../server/src/settings';

const N = 100_000;

const inputs: [string, string][] = [
  ['a sum', `logging {\n\tlevel = ${Array(N).fill('1').join(' + ')}\n}\n`],
  ['a field chain', `logging {\n\tlevel = a${'.b'.repeat(N)}\n}\n`],
  ['a chain on a call, beside nested calls', `logging {\n\twrite_to = [${'f('.repeat(300)}x${')'.repeat(300)}]\n\tlevel    = sys.env("A")${'.b'.repeat(N)}\n}\n`],
  ['unary minus', `loki.write "x" {\n\tmax_streams = ${'-'.repeat(N)}1\n}\n`],
];

describe('100,000-link chains', () => {
  for (const [name, text] of inputs) {
    it(`every feature answers on ${name}`, () => {
      const file = parseFile('/chains/config.alloy', text);
      const model = buildModel([file]);
      const { findings } = analyzeConfiguration([file], defaultSettings);
      assert.ok(Array.isArray(findings));
      assert.ok(Array.isArray(getCompletions(model, file, text.length - 4)));
      getHover(model, file, text.length - 4);
      assert.ok(Array.isArray(getFoldingRanges(file.parse.file, file.parse.tokens, file.parse.lineIndex)));
      assert.equal(getDocumentSymbols(file.parse.file).length, 1);
      assert.ok(Array.isArray(getFormattingEditsByUnits(file.parse, undefined).edits));
      assert.ok(fixAll([{ path: file.path, text }], defaultSettings) instanceof Map);
    });
  }
});
