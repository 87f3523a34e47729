/**
 * Reading the CLI's inputs: every problem becomes a one-line message, never a
 * stack trace.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readTextFile as readFile } from '../textFiles';

/** Larger files are refused: no real configuration comes close. */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}

/** Reads a text file that must be UTF-8 and not binary. */
export function readTextFile(path: string): ReadResult {
  const read = readFile(path, MAX_INPUT_BYTES);
  if (read.ok) return read;
  switch (read.reason) {
    case 'missing':
      return { ok: false, reason: 'no such file or directory' };
    case 'directory':
      return { ok: false, reason: 'is a directory' };
    case 'not-a-file':
      return { ok: false, reason: 'not a regular file' };
    case 'too-large':
      return { ok: false, reason: `file is larger than ${MAX_INPUT_BYTES / (1024 * 1024)} MB` };
    case 'binary':
      return { ok: false, reason: 'binary file (contains NUL bytes)' };
    case 'not-utf8':
      return { ok: false, reason: 'not valid UTF-8' };
    case 'unreadable':
      return { ok: false, reason: read.code === 'EACCES' || read.code === 'EPERM' ? 'permission denied' : read.message };
  }
}

export type ConfigurationInput = { ok: true; files: string[] } | { ok: false; reason: string };

/**
 * One configuration per argument: a file stands alone, a directory is the
 * `.alloy` files directly in it (as Alloy loads a directory).
 */
export function configurationFiles(arg: string): ConfigurationInput {
  let isDir: boolean;
  try {
    isDir = statSync(arg).isDirectory();
  } catch (error) {
    return { ok: false, reason: describe(error) };
  }
  if (!isDir) return { ok: true, files: [arg] };
  let names: string[];
  try {
    names = readdirSync(arg, { withFileTypes: true })
      .filter((e) => e.name.endsWith('.alloy') && (e.isFile() || e.isSymbolicLink()))
      .map((e) => e.name)
      .sort();
  } catch (error) {
    return { ok: false, reason: describe(error) };
  }
  if (names.length === 0) return { ok: false, reason: 'no .alloy files in this directory' };
  return { ok: true, files: names.map((n) => join(arg, n)) };
}
