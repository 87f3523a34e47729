import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTopLevel } from '../../client/src/snippetContext';

/** The text with `|` as the cursor. */
function at(marked: string): boolean {
  const offset = marked.indexOf('|');
  return isTopLevel(marked.slice(0, offset) + marked.slice(offset + 1), offset);
}

describe('where the top-level snippets apply', () => {
  it('offers them outside every block', () => {
    assert.equal(at('|'), true);
    assert.equal(at('a "x" {\n}\n|'), true);
    assert.equal(at('a "x" {\n\tb { }\n}\n\n|\nc "y" { }'), true);
  });

  it('not inside a block, a nested block or an object', () => {
    assert.equal(at('a "x" {\n\t|\n}'), false);
    assert.equal(at('a "x" {\n\tb {\n\t\t|\n\t}\n}'), false);
    assert.equal(at('a "x" {\n\tc = {\n\t\t|'), false);
  });

  it('is not fooled by braces in strings and comments, and stays silent inside them', () => {
    assert.equal(at('a "x" {\n\tre = "{{"\n\t// }\n\t/* } */\n}\n|'), true);
    assert.equal(at('a "x" { s = "}" }\n|'), true);
    assert.equal(at('a "x" { s = `}\n{` }\n|'), true);
    assert.equal(at('// a comment |'), false);
    assert.equal(at('a = "str|'), false);
    assert.equal(at('/* open |'), false);
    assert.equal(at('a "x" { s = "\\"}" }\n|'), true);
  });

  it('recovers from a stray closing brace', () => {
    assert.equal(at('}\n}\n|'), true);
  });
});
