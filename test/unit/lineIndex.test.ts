/**
 * LineIndex: offsets ⇄ LSP positions (UTF-16) and Alloy positions (1-based
 * line, 1-based byte column).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/syntax/lineIndex';
import { parse } from '../../server/src/syntax/parser';

describe('lines', () => {
  test('line count, starts and ends with LF', () => {
    const lines = new LineIndex('ab\ncd\n\nef');
    assert.equal(lines.lineCount, 4);
    assert.deepEqual([0, 1, 2, 3].map((l) => lines.lineStart(l)), [0, 3, 6, 7]);
    assert.deepEqual([0, 1, 2, 3].map((l) => lines.lineEnd(l)), [2, 5, 6, 9]);
  });

  test('line ends exclude the \\r of CRLF', () => {
    const lines = new LineIndex('ab\r\ncd\r\n');
    assert.equal(lines.lineCount, 3);
    assert.deepEqual([0, 1, 2].map((l) => lines.lineEnd(l)), [2, 6, 8]);
    // A lone \r is not a line break for Alloy.
    assert.equal(new LineIndex('a\rb').lineCount, 1);
  });

  test('empty text and a trailing newline', () => {
    const empty = new LineIndex('');
    assert.equal(empty.lineCount, 1);
    assert.deepEqual([empty.lineStart(0), empty.lineEnd(0)], [0, 0]);
    const trailing = new LineIndex('a\n');
    assert.equal(trailing.lineCount, 2);
    assert.deepEqual([trailing.lineStart(1), trailing.lineEnd(1)], [2, 2]);
  });

  test('lineOf: the newline belongs to the line it ends', () => {
    const lines = new LineIndex('ab\ncd');
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((o) => lines.lineOf(o)), [0, 0, 0, 1, 1, 1]);
  });

  test('lineStart clamps out-of-range lines', () => {
    const lines = new LineIndex('ab\ncd');
    assert.equal(lines.lineStart(-3), 0);
    assert.equal(lines.lineStart(99), 3);
  });
});

describe('LSP positions (UTF-16)', () => {
  // CR-only and mixed line ends: LSP clients break lines at a lone \r too.
  const texts = ['', 'a', 'ab\ncd\n', 'x = "é😀"\r\ny = 1\r\n', '\uFEFFa = 1\n\n\nb = [\n  1,\n]', 'a = 1\rb = 2\r\rc', 'x\r\ny\rz\n\r'];

  test('positionAt and offsetAt agree with vscode-languageserver-textdocument', () => {
    for (const text of texts) {
      const lines = new LineIndex(text);
      const doc = TextDocument.create('file:///x.alloy', 'alloy', 1, text);
      for (let offset = 0; offset <= text.length; offset++) {
        // Offsets between \r and \n are not positions a client sends; skip them.
        if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
        const position = lines.positionAt(offset);
        assert.deepEqual(position, doc.positionAt(offset), `positionAt(${offset}) in ${JSON.stringify(text)}`);
        assert.equal(lines.offsetAt(position), offset, `round trip of ${offset} in ${JSON.stringify(text)}`);
      }
    }
  });

  test('offsetAt clamps like the LSP specifies: past the end of a line is the end of the line', () => {
    for (const text of texts) {
      const lines = new LineIndex(text);
      const doc = TextDocument.create('file:///x.alloy', 'alloy', 1, text);
      for (let line = -1; line <= lines.lineCount + 1; line++) {
        for (const character of [0, 1, 2, 5, 100]) {
          assert.equal(lines.offsetAt({ line, character }), doc.offsetAt({ line, character }), `offsetAt(${line}:${character}) in ${JSON.stringify(text)}`);
        }
      }
    }
  });

  test('positionAt clamps offsets outside the text', () => {
    const lines = new LineIndex('ab\ncd');
    assert.deepEqual(lines.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(99), { line: 1, character: 2 });
  });

  test('a character outside the BMP counts two UTF-16 units', () => {
    const lines = new LineIndex('😀x');
    assert.deepEqual(lines.positionAt(2), { line: 0, character: 2 });
    assert.equal(lines.offsetAt({ line: 0, character: 2 }), 2);
  });
});

describe('Alloy positions (1-based line, 1-based byte column)', () => {
  test('ASCII: the column is the offset in the line plus one', () => {
    const lines = new LineIndex('a = 1;\nbb = 2');
    assert.deepEqual(lines.alloyPosition(5), { line: 1, column: 6 });
    assert.deepEqual(lines.alloyPosition(7), { line: 2, column: 1 });
    assert.deepEqual(lines.alloyPosition(13), { line: 2, column: 7 });
  });

  test('multi-byte characters count their UTF-8 bytes', () => {
    // é: 2 bytes, €: 3, 😀: 4 (2 UTF-16 units), BOM: 3.
    const text = 'é€😀x';
    const lines = new LineIndex(text);
    assert.deepEqual(lines.alloyPosition(text.indexOf('€')), { line: 1, column: 3 });
    assert.deepEqual(lines.alloyPosition(text.indexOf('😀')), { line: 1, column: 6 });
    assert.deepEqual(lines.alloyPosition(text.indexOf('x')), { line: 1, column: 10 });
    assert.deepEqual(new LineIndex('\uFEFFa').alloyPosition(1), { line: 1, column: 4 });
    assert.deepEqual(new LineIndex('€\n€x').alloyPosition(3), { line: 2, column: 4 });
  });

  test('a lone surrogate counts 3 bytes (as U+FFFD would)', () => {
    assert.deepEqual(new LineIndex('\uD800x').alloyPosition(1), { line: 1, column: 4 });
    assert.deepEqual(new LineIndex('\uDC00x').alloyPosition(1), { line: 1, column: 4 });
  });

  test('CRLF: the \\r is a byte of its line', () => {
    const lines = new LineIndex('a\r\nb');
    assert.deepEqual(lines.alloyPosition(2), { line: 1, column: 3 });
    assert.deepEqual(lines.alloyPosition(3), { line: 2, column: 1 });
  });

  test('the end of the file after a final newline is on the next line', () => {
    const lines = new LineIndex('a {\n');
    assert.deepEqual(lines.alloyPosition(4), { line: 2, column: 1 });
  });

  test('offsets outside the text are clamped', () => {
    const lines = new LineIndex('ab');
    assert.deepEqual(lines.alloyPosition(-1), { line: 1, column: 1 });
    assert.deepEqual(lines.alloyPosition(10), { line: 1, column: 3 });
  });

  test('the parser exposes the line index of its text', () => {
    const result = parse('é = 1;');
    const d = result.diagnostics[0];
    assert.ok(d);
    assert.deepEqual(result.lineIndex.alloyPosition(d.start), { line: 1, column: 7 });
    assert.deepEqual(result.lineIndex.positionAt(d.start), { line: 0, character: 5 });
  });
});

describe('CR-only line ends', () => {
  test('LSP positions break at a lone \\r; Alloy positions and lineOf do not', () => {
    const text = 'a = 1\rb = 2\rc = 3';
    const lines = new LineIndex(text);
    assert.deepEqual(lines.positionAt(text.indexOf('c')), { line: 2, character: 0 });
    assert.equal(lines.offsetAt({ line: 1, character: 99 }), text.indexOf('\r', 6));
    assert.deepEqual(lines.alloyPosition(text.indexOf('c')), { line: 1, column: 13 });
    assert.equal(lines.lineOf(text.indexOf('c')), 0);
  });

  test('Alloy columns are the same whether computed in order or not', () => {
    const text = 'x😀y'.repeat(50);
    const ordered = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) {
      assert.deepEqual(ordered.alloyPosition(offset), new LineIndex(text).alloyPosition(offset), `offset ${offset}`);
    }
  });
});
