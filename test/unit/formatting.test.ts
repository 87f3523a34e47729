/**
 * The formatter's output stage (elastic tabstops, trailing-blank trimming)
 * and the one minimal edit the editor gets. `conformance:fmt` checks whole
 * files against `alloy fmt`; these pin the stage's own rules.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alignColumns, alignUnits, ESCAPE, trimTrailingBlanks, trimUnits } from '../../server/src/syntax/tabwriter';
import { getFormattingEditsByUnits } from '../../server/src/features/formatting';
import { minimalEdit } from '../../server/src/features/textDiff';
import { parse } from '../../server/src/syntax/parser';
import { CodeUnits } from '../../server/src/syntax/codeUnits';

describe('alignColumns', () => {
  it('aligns soft cells of consecutive lines, and a lone line ends the run', () => {
    assert.equal(alignColumns('a\v= 1\nlong\v= 2\nx\nbb\v= 3\n'), 'a    = 1\nlong = 2\nx\nbb = 3\n');
  });

  it('writes a formfeed as a newline and starts new columns after it', () => {
    assert.equal(alignColumns('a\v= 1\fbbbb\v= 2\n'), 'a = 1\nbbbb = 2\n');
  });

  it('pads leading empty cells with tabs', () => {
    assert.equal(alignColumns('\ta\v= 1\n\tbbb\v= 2\n'), '\ta   = 1\n\tbbb = 2\n');
  });

  it('counts code points, not UTF-16 units, and skips escaped runs', () => {
    assert.equal(alignColumns('é😀\v= 1\nabc\v= 2\n'), 'é😀  = 1\nabc = 2\n');
    const escaped = `${ESCAPE}// a\tb\v${ESCAPE}\n`;
    assert.equal(alignColumns(escaped), escaped);
  });

  it('measures cells holding escaped runs and surrogate pairs in any column', () => {
    // `/*😀*/ a` is 7 code points (markers and the second half of the pair left out), one less than `bbbbbbbbb`.
    assert.equal(alignColumns(`${ESCAPE}/*😀*/${ESCAPE} a\v= 1\nbbbbbbbbb\v= 2\n`), `${ESCAPE}/*😀*/${ESCAPE} a   = 1\nbbbbbbbbb = 2\n`);
    assert.equal(alignColumns('😀😀\v= "😀"\t// c\nb\v= 2\t// d\n'), '😀😀 = "😀" // c\nb  = 2   // d\n');
  });

  it('copies long runs of lone lines unchanged, and keeps the last line without a break', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n');
    assert.equal(alignColumns(lines), lines);
  });
});

describe('marks through the output stage', () => {
  it('maps a mark after a formfeed or a lone line to where its text lands, any other to -1', () => {
    const marks = [6, 14, 20];
    const aligned = alignUnits(CodeUnits.of('a\v= 1\fbbb\v= 2\nc\v= 3\fd\n').view(), marks);
    assert.equal(aligned.toString(), 'a = 1\nbbb = 2\nc   = 3\nd\n');
    // `bbb` follows a formfeed; `c` is on a line of a column block still buffered; `d` follows a formfeed.
    assert.deepEqual(marks, [6, -1, 22]);
  });

  it('moves marks with the text trimmed before them', () => {
    const units = CodeUnits.of('a  \nb\t\fc');
    const marks = [4, 7, -1];
    trimUnits(units, marks);
    assert.equal(units.toString(), 'a\nb\nc');
    assert.deepEqual(marks, [2, 4, -1]);
  });
});

describe('trimTrailingBlanks', () => {
  it('drops blanks at line ends and the end, keeps them inside lines', () => {
    assert.equal(trimTrailingBlanks('a = 1 \t\nb\t= 2  '), 'a = 1\nb\t= 2');
  });

  it('turns formfeeds into newlines and vertical tabs kept inside a line into tabs', () => {
    assert.equal(trimTrailingBlanks('a\fb\v= 1\v\n'), 'a\nb\t= 1\n');
  });

  it('removes escape markers and copies escaped text as it is, blanks included', () => {
    assert.equal(trimTrailingBlanks(`x ${ESCAPE}// c  \v${ESCAPE}  \ny`), 'x // c  \v\ny');
    assert.equal(trimTrailingBlanks(`x ${ESCAPE}open `), 'x open ');
  });
});

describe('formatting edits', () => {
  it('replaces only what changes, and nothing for a formatted file', () => {
    const text = 'logging {\n  level = "info"\n}\n\nb = 2\n';
    assert.deepEqual(getFormattingEditsByUnits(parse(text), undefined).edits, [{ range: { start: 10, end: 12 }, newText: '\t' }]);
    assert.deepEqual(getFormattingEditsByUnits(parse('logging {\n\tlevel = "info"\n}\n'), undefined).edits, []);
  });

  it('leaves a file with syntax errors alone', () => {
    assert.deepEqual(getFormattingEditsByUnits(parse('logging {\n  level = \n'), undefined).edits, []);
  });

  it('never splits a surrogate pair', () => {
    const edit = minimalEdit('x😀y', 'x😃y');
    assert.deepEqual(edit, { range: { start: 1, end: 3 }, newText: '😃' });
  });

  it('finds the change in long texts, across the chunks it compares at a time', () => {
    const head = 'a'.repeat(1000);
    const tail = 'b'.repeat(700);
    assert.deepEqual(minimalEdit(`${head}x${tail}`, `${head}yz${tail}`), { range: { start: 1000, end: 1001 }, newText: 'yz' });
    // Prefix and suffix overlap in a repeated text: the edit stays within both.
    assert.deepEqual(minimalEdit('a'.repeat(600), 'a'.repeat(900)), { range: { start: 600, end: 600 }, newText: 'a'.repeat(300) });
  });
});

describe('CodeUnits', () => {
  it('builds text from ranges and repeats, past its first capacity, keeping lone surrogates', () => {
    const units = new CodeUnits();
    const piece = 'ab\ud800cd';
    for (let i = 0; i < 5000; i++) {
      units.append(piece, 1, 4);
      units.repeat(0x20, 2);
    }
    units.append('');
    units.repeat(0x09, 0);
    assert.equal(units.length, 5000 * 5);
    assert.equal(units.toString(), 'b\ud800c  '.repeat(5000));
  });

  it('copies runs of other code units, short and long, past its capacity', () => {
    const source = CodeUnits.of('0123456789'.repeat(10)).view();
    const units = new CodeUnits(1);
    units.appendUnits(source, 2, 5);
    units.appendUnits(source, 0, 40);
    units.appendUnits(source, 7, 7);
    assert.equal(units.toString(), '234' + '0123456789'.repeat(4));
    assert.equal(units.view().length, 43);
  });

  it('keeps ASCII text as bytes, copies between both kinds, and refuses a unit past ASCII in ASCII text', () => {
    const bytes = new CodeUnits(4, true);
    bytes.append('key = "v"');
    bytes.repeat(0x0a, 2);
    assert.equal(bytes.ascii, true);
    assert.ok(bytes.view() instanceof Uint8Array);
    const long = CodeUnits.of('x'.repeat(200));
    bytes.appendUnits(long.view(), 0, 200);
    assert.equal(bytes.toString(), 'key = "v"\n\n' + 'x'.repeat(200));
    const wide = new CodeUnits(4);
    wide.appendUnits(bytes.view(), 0, 3);
    wide.append('é');
    assert.equal(wide.toString(), 'keyé');
    const wrong = new CodeUnits(4, true);
    wrong.append('é');
    assert.throws(() => wrong.toString(), /past ASCII/);
    const wrongRun = new CodeUnits(4, true);
    wrongRun.appendUnits(CodeUnits.of('é'.repeat(200)).view(), 0, 200);
    assert.throws(() => wrongRun.toString(), /past ASCII/);
  });
});
