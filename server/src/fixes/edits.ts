/**
 * Edits that change only what they must: insert blocks at the end of a file,
 * add an attribute to a block (re-aligning its run of `=` as `alloy fmt`
 * would), replace a value, append to a list.
 */
import type { AttributeStmt, BlockStmt } from '../syntax/ast';
import type { FileEdit } from '../syntax/diagnostic';
import type { SourceFile } from '../semantic/model';
import { renderAttributes } from '../syntax/builder';

/** The file's indent unit: a tab, or the spaces its first indented line uses. */
export function indentUnit(text: string): string {
  const m = /\n([ \t]+)\S/.exec(text);
  if (!m) return '\t';
  const ws = m[1] as string;
  return ws.startsWith('\t') ? '\t' : ' '.repeat(Math.min(ws.length, 8));
}

/** Leading whitespace of the line holding `offset`. */
export function lineIndentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? '';
}

/** Appends top-level blocks at the end of a file, one blank line after what is there. */
export function appendToFile(file: SourceFile, blocksText: string): FileEdit {
  const text = file.parse.text;
  // Scanned back from the end: /\s+$/ over the whole text costs quadratic time on a large file.
  let start = text.length;
  while (start > 0 && /\s/.test(text.charAt(start - 1))) start--;
  const prefix = start === 0 ? '' : '\n\n';
  return { file: file.path, range: { start, end: text.length }, newText: prefix + blocksText };
}

/**
 * Inserts top-level blocks right after `block`, one blank line either side:
 * a new piece lands next to the one it belongs with.
 */
export function insertAfterBlock(file: SourceFile, block: BlockStmt, blocksText: string): FileEdit {
  const text = file.parse.text;
  const newline = text.indexOf('\n', block.end);
  const at = newline === -1 ? text.length : newline;
  return { file: file.path, range: { start: at, end: at }, newText: '\n\n' + blocksText.replace(/\n$/, '') };
}

/** Appends a reference to a list attribute (`forward_to`, `write_to`, …). */
export function appendToList(file: SourceFile, attr: AttributeStmt, itemText: string): FileEdit | undefined {
  const value = attr.value;
  if (value.kind !== 'Array') return undefined;
  const text = file.parse.text;
  const last = value.elements[value.elements.length - 1];
  if (!last) return { file: file.path, range: { start: value.start, end: value.end }, newText: `[${itemText}]` };
  const closer = value.end - 1;
  const multiline = text.slice(last.end, closer).includes('\n');
  if (!multiline) return { file: file.path, range: { start: last.end, end: last.end }, newText: `, ${itemText}` };
  // One element per line: add ours on its own line, with a trailing comma as fmt writes it.
  const indent = lineIndentAt(text, last.start);
  const afterLast = text.slice(last.end, closer);
  const hasComma = /^\s*,/.test(afterLast);
  const insertAt = hasComma ? last.end + (afterLast.indexOf(',') + 1) : last.end;
  return { file: file.path, range: { start: insertAt, end: insertAt }, newText: `${hasComma ? '' : ','}\n${indent}${itemText},` };
}

/**
 * Adds `name = value` to a block, after its first run of attributes (or at the
 * top of its body), re-padding that run so the `=` stay aligned.
 */
export function insertAttribute(file: SourceFile, block: BlockStmt, name: string, valueText: string): FileEdit[] {
  const text = file.parse.text;
  const unit = indentUnit(text);
  const blockIndent = lineIndentAt(text, block.start);
  const indent = blockIndent + unit;
  const first = block.body[0];
  if (block.rbrace >= 0 && first && !text.slice(block.lbrace, first.start).includes('\n')) {
    // The body starts on the line of `{` (`logging { level = "debug" }`): lay it
    // out one statement per line, as fmt writes a block holding several.
    const oneLine = !text.slice(block.lbrace, block.rbrace).includes('\n');
    const only = block.body.length === 1 ? first : undefined;
    if (oneLine && only?.kind === 'Attribute' && text.slice(block.lbrace + 1, block.rbrace).trim() === text.slice(only.start, only.end)) {
      const width = Math.max(only.name.name.length, name.length);
      const line = (n: string, v: string) => `${indent}${n.padEnd(width)} = ${v}`;
      const body = `${line(only.name.name, text.slice(only.value.start, only.value.end))}\n${line(name, valueText)}`;
      return [{ file: file.path, range: { start: block.lbrace, end: block.rbrace + 1 }, newText: `{\n${body}\n${blockIndent}}` }];
    }
    const blankAfter = first.kind === 'Block' ? '\n' : '';
    const leading = /^[ \t]*/.exec(text.slice(block.lbrace + 1))?.[0].length ?? 0;
    const edits: FileEdit[] = [
      { file: file.path, range: { start: block.lbrace + 1, end: block.lbrace + 1 + leading }, newText: `\n${indent}${name} = ${valueText}\n${blankAfter}${indent}` },
    ];
    const lastEnd = block.body[block.body.length - 1]?.end ?? first.end;
    if (oneLine && text.slice(lastEnd, block.rbrace).trim() === '') {
      edits.push({ file: file.path, range: { start: lastEnd, end: block.rbrace }, newText: `\n${blockIndent}` });
    }
    return edits;
  }
  const run = firstAttributeRun(text, block);
  if (run.length === 0) {
    if (block.body.length === 0 && block.rbrace >= 0) {
      // `name { }` or `name {}` → expand to a body holding the attribute.
      return [{ file: file.path, range: { start: block.lbrace, end: block.rbrace + 1 }, newText: `{\n${indent}${name} = ${valueText}\n${blockIndent}}` }];
    }
    const at = first ? first.start : block.lbrace + 1;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const blankAfter = first && first.kind === 'Block' ? '\n' : '';
    return [{ file: file.path, range: { start: lineStart, end: lineStart }, newText: `${indent}${name} = ${valueText}\n${blankAfter}` }];
  }
  const runIndent = lineIndentAt(text, (run[0] as AttributeStmt).start);
  const width = Math.max(name.length, ...run.map((a) => a.name.name.length));
  const edits: FileEdit[] = [];
  for (const attr of run) {
    // Re-pad between the name and `=`.
    const eq = text.indexOf('=', attr.name.end);
    const want = ' '.repeat(width - attr.name.name.length + 1);
    if (eq >= 0 && text.slice(attr.name.end, eq) !== want) {
      edits.push({ file: file.path, range: { start: attr.name.end, end: eq }, newText: want });
    }
  }
  const last = run[run.length - 1] as AttributeStmt;
  const lineEnd = text.indexOf('\n', last.end);
  let at = lineEnd === -1 ? text.length : lineEnd;
  // `}` on the line of the last attribute: insert before it, not after.
  if (block.rbrace >= 0 && at > block.rbrace) at = last.end;
  const line = renderAttributes([[name.padEnd(width), valueText]], '', 0).replace(/\n$/, '');
  edits.push({ file: file.path, range: { start: at, end: at }, newText: `\n${runIndent}${line}` });
  return edits;
}

/** The first run of single-line attributes on consecutive lines in a block's body. */
function firstAttributeRun(text: string, block: BlockStmt): AttributeStmt[] {
  const run: AttributeStmt[] = [];
  for (const stmt of block.body) {
    if (stmt.kind !== 'Attribute') {
      if (run.length > 0) break;
      continue;
    }
    const prev = run[run.length - 1];
    if (prev) {
      const between = text.slice(prev.end, stmt.start);
      if ((between.match(/\n/g) ?? []).length !== 1) break;
    }
    if (text.slice(stmt.start, stmt.end).includes('\n')) {
      if (run.length === 0) continue;
      break;
    }
    run.push(stmt);
  }
  return run;
}

/** Applies edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: readonly { range: { start: number; end: number }; newText: string }[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start - a.range.start || b.range.end - a.range.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}
