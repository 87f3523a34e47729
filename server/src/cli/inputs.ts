/**
 * Reading the CLI's inputs: every problem becomes a one-line message, never a
 * stack trace. Files go through the one bounded reader (`textFiles.ts`), so
 * the CLI refuses exactly what the language server refuses.
 */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readTextFile as readFile } from '../textFiles';

export type ReadResult = { ok: true; text: string; bom: boolean } | { ok: false; reason: string };

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

/** Reads a text file that must be UTF-8 and not binary (the BOM is reported apart from the text). */
export function readTextFile(path: string): ReadResult {
  const read = readFile(path);
  if (read.ok) return read;
  switch (read.reason) {
    case 'missing':
      return { ok: false, reason: 'no such file or directory' };
    case 'directory':
      return { ok: false, reason: 'is a directory' };
    case 'not-a-file':
      return { ok: false, reason: `not a regular file (a ${read.kind})` };
    case 'too-large':
      return { ok: false, reason: `file is larger than the limit of ${read.limit / (1024 * 1024)} MB` };
    case 'binary':
      return { ok: false, reason: 'binary file (contains NUL bytes)' };
    case 'not-utf8':
      return { ok: false, reason: 'not valid UTF-8' };
    case 'unreadable':
      return { ok: false, reason: read.code === 'EACCES' || read.code === 'EPERM' ? 'permission denied' : (read.code ?? read.message) };
  }
}

export type ConfigurationInput = { ok: true; files: string[]; directory: boolean } | { ok: false; reason: string };

/**
 * One configuration per argument: a file stands alone, a directory is the
 * `.alloy` files directly in it (as Alloy loads a directory). In a directory,
 * an editor's lock file (`.#name.alloy`, a symlink that usually dangles) is
 * not part of the configuration; subdirectories are not read; any other
 * `.alloy` entry (a FIFO, a socket, a dangling symlink) is kept so that
 * reading it reports the problem instead of passing over it in silence.
 */
export function configurationFiles(arg: string): ConfigurationInput {
  let isDir: boolean;
  try {
    isDir = statSync(arg).isDirectory();
  } catch (error) {
    return { ok: false, reason: describe(error) };
  }
  if (!isDir) return { ok: true, files: [arg], directory: false };
  let names: string[];
  try {
    names = readdirSync(arg, { withFileTypes: true })
      .filter((e) => e.name.endsWith('.alloy') && !isEditorLock(arg, e.name) && !isDirectory(join(arg, e.name)))
      .map((e) => e.name)
      .sort();
  } catch (error) {
    return { ok: false, reason: describe(error) };
  }
  if (names.length === 0) return { ok: false, reason: 'no .alloy files in this directory' };
  return { ok: true, files: names.map((n) => join(arg, n)), directory: true };
}

/** Emacs (and others) keep `.#file` as a symlink while a buffer has unsaved changes. */
function isEditorLock(dir: string, name: string): boolean {
  if (!name.startsWith('.#')) return false;
  try {
    return lstatSync(join(dir, name)).isSymbolicLink();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
