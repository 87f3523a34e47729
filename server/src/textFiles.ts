/**
 * Reading a text file from disk for any adapter: never throws, refuses what
 * is not a regular file, too large, binary (NUL bytes) or not UTF-8, and says
 * which. Each caller words the reason for its own audience.
 */
import { readFileSync, statSync } from 'node:fs';

/** How many leading bytes are searched for a NUL byte when deciding "binary". */
const BINARY_SNIFF_BYTES = 8192;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export type TextFileResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'missing' | 'directory' | 'not-a-file' | 'binary' | 'not-utf8' }
  | { ok: false; reason: 'too-large'; size: number }
  | { ok: false; reason: 'unreadable'; code: string | undefined; message: string };

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** Reads `path` as UTF-8 text (a leading BOM is dropped, as editors do). */
export function readTextFile(path: string, maxBytes: number): TextFileResult {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat === undefined) return { ok: false, reason: 'missing' };
    if (stat.isDirectory()) return { ok: false, reason: 'directory' };
    if (!stat.isFile()) return { ok: false, reason: 'not-a-file' };
    if (stat.size > maxBytes) return { ok: false, reason: 'too-large', size: stat.size };
    const bytes = readFileSync(path);
    if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { ok: false, reason: 'binary' };
    try {
      return { ok: true, text: utf8.decode(bytes) };
    } catch {
      return { ok: false, reason: 'not-utf8' };
    }
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing' };
    return { ok: false, reason: 'unreadable', code, message: error instanceof Error ? error.message : String(error) };
  }
}
