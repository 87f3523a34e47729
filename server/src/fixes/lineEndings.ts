/**
 * Fixes are built with `\n`; a file keeps its own line endings. New lines take
 * the file's majority ending (CRLF or LF; a tie keeps LF), a line break an edit
 * replaces keeps its form, and no edit may start or end between the CR and the
 * LF of a CRLF pair: inserting there would leave a lone CR behind (the
 * CR CR LF of a broken file).
 */
import type { FileEdit, Finding } from '../syntax/diagnostic';
import type { SourceFile } from '../semantic/model';
import { fixesSource, withLazyFixes } from './lazyFixes';

/** The line ending new lines in `text` should use. */
export function dominantLineEnding(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 0x0d) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** Rewrites `edit` (in place) to suit the line endings of `text`, the file it applies to. */
export function matchEditToLineEndings(edit: FileEdit, text: string, ending: '\n' | '\r\n'): void {
  edit.range = { start: outsideCrlf(text, edit.range.start), end: outsideCrlf(text, edit.range.end) };
  // Line breaks the edit replaces (the file's trailing newline before appended blocks) keep
  // their own form, in order; the breaks it adds beyond those take the majority ending.
  const replaced = text.slice(edit.range.start, edit.range.end).match(/\r?\n/g) ?? [];
  let next = 0;
  edit.newText = edit.newText.replace(/\r?\n/g, () => replaced[next++] ?? ending);
}

/** An offset between a CR and its LF moves before the CR: the pair stays whole. */
function outsideCrlf(text: string, offset: number): number {
  return offset > 0 && text.charCodeAt(offset - 1) === 0x0d && text.charCodeAt(offset) === 0x0a ? offset - 1 : offset;
}

/**
 * Makes each finding's fix edits keep the line endings of the files they
 * change, when the fixes are read: fixes are built on demand, and so is this.
 * `files` are the configuration's files (edits to others, such as compose
 * files, are left as they are).
 */
export function matchFixesToLineEndings(findings: readonly Finding[], files: readonly SourceFile[]): void {
  // Fixes already write `\n`: in files without a CR there is nothing to match.
  if (!files.some((f) => f.parse.text.includes('\r'))) return;
  const byPath = new Map(files.map((f) => [f.path, { text: f.parse.text, ending: undefined as '\n' | '\r\n' | undefined }]));
  for (const finding of findings) {
    const source = fixesSource(finding);
    if (!source) continue;
    withLazyFixes(finding, () => {
      const fixes = source();
      for (const fix of fixes) {
        for (const edit of fix.edits) {
          const file = byPath.get(edit.file);
          if (!file) continue;
          file.ending ??= dominantLineEnding(file.text);
          matchEditToLineEndings(edit, file.text, file.ending);
        }
      }
      return fixes;
    });
  }
}
