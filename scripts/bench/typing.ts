/**
 * The file a keystroke benchmark types into: a generated configuration with a
 * comment line in its middle, so that typing changes text but not meaning and
 * every keystroke asks the server for the same work.
 */
import { printAlloy, type Stmt } from '../benchData';
import type { BenchServer, Position } from './lspClient';

const MARK = '// typing here: ';

export interface TypingFile {
  text: string;
  /** Where the first character goes; the n-th keystroke goes n characters further. */
  at: Position;
}

/** The configuration printed with a comment line to type into between its two halves. */
export function typingFile(model: readonly Stmt[]): TypingFile {
  const half = model.length >> 1;
  const before = printAlloy(model.slice(0, half));
  return { text: `${before}${MARK}\n${printAlloy(model.slice(half))}`, at: { line: before.split('\n').length - 1, character: MARK.length } };
}

const VALUE = 'endpoint = "';

/**
 * The same file, typed into a value instead: the first `endpoint = "…"` after
 * the comment line, just after its quote. Each keystroke changes what a block
 * says, so the server analyses the configuration again; the comment keystroke
 * measures what an edit that changes no meaning costs.
 */
export function inValue(file: TypingFile): TypingFile {
  const lines = file.text.split('\n');
  for (let line = file.at.line + 1; line < lines.length; line++) {
    const column = (lines[line] as string).indexOf(VALUE);
    if (column >= 0) return { text: file.text, at: { line, character: column + VALUE.length } };
  }
  throw new Error(`no ${VALUE}…" after line ${file.at.line + 1}`);
}

/** Keystroke `i`: one letter typed after the previous ones, then the diagnostics pulled. */
export async function keystroke(server: BenchServer, uri: string, file: TypingFile, i: number): Promise<void> {
  await server.insert(uri, { line: file.at.line, character: file.at.character + i }, 'abcdefghijklmnopqrstuvwxyz'[i % 26] as string);
  await server.pull(uri);
}
