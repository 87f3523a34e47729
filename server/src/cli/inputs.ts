/**
 * Reading the CLI's inputs: every problem becomes a one-line message, never a
 * stack trace.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { ok: false, reason: 'is a directory' };
    if (stat.size > MAX_INPUT_BYTES) return { ok: false, reason: `file is larger than ${MAX_INPUT_BYTES / (1024 * 1024)} MB` };
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, reason: describe(error) };
  }
  if (bytes.subarray(0, 8000).includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'not valid UTF-8' };
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
