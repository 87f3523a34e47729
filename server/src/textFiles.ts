/**
 * The one reader of text files from disk, for every adapter (CLI, language
 * server, compose file system): never throws, never blocks, never reads more
 * than a fixed budget. It opens without blocking (a FIFO would otherwise wait
 * for a writer forever), checks the opened descriptor with fstat (so a path
 * swapped between a check and the read cannot smuggle in a device), and reads
 * at most `maxBytes + 1` bytes (a file that grows while read, or a device
 * whose size says 0, is still cut off). Each caller words the reason for its
 * own audience.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/**
 * The size limit for every file any adapter reads: `.alloy`, compose and env
 * files, settings. No real configuration comes close; a larger file is a
 * mistake (a log, a tarball, a device) and reading it would only cost memory.
 */
export const MAX_TEXT_FILE_BYTES = 8 * 1024 * 1024;

/** How many leading bytes are searched for a NUL byte when deciding "binary". */
export const BINARY_SNIFF_BYTES = 8192;

/** O_NONBLOCK is POSIX only; elsewhere FIFOs do not exist in the same form. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What a path is when it is not a regular file, for messages. */
export type SpecialKind = 'FIFO' | 'socket' | 'character device' | 'block device' | 'special file';

export type TextFileResult =
  /** `text` is without the BOM; `bom` says whether the file had one (writers put it back). */
  | { ok: true; text: string; bom: boolean }
  | { ok: false; reason: 'missing' | 'directory' | 'binary' | 'not-utf8' }
  | { ok: false; reason: 'not-a-file'; kind: SpecialKind }
  | { ok: false; reason: 'too-large'; size: number; limit: number }
  | { ok: false; reason: 'unreadable'; code: string | undefined; message: string };

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

function specialKind(stat: Stats): SpecialKind {
  if (stat.isFIFO()) return 'FIFO';
  if (stat.isSocket()) return 'socket';
  if (stat.isCharacterDevice()) return 'character device';
  if (stat.isBlockDevice()) return 'block device';
  return 'special file';
}

/** Reads `path` as UTF-8 text, refusing anything but a regular file of at most `maxBytes` bytes. */
export function readTextFile(path: string, maxBytes: number = MAX_TEXT_FILE_BYTES): TextFileResult {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return { ok: false, reason: 'missing' };
    if (code === 'EISDIR') return { ok: false, reason: 'directory' };
    // Opening a unix socket fails with ENXIO; a device without a driver likewise.
    if (code === 'ENXIO' || code === 'ENODEV') return { ok: false, reason: 'not-a-file', kind: code === 'ENXIO' ? 'socket' : 'special file' };
    return { ok: false, reason: 'unreadable', code, message: error instanceof Error ? error.message : String(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, reason: 'directory' };
    if (!stat.isFile()) return { ok: false, reason: 'not-a-file', kind: specialKind(stat) };
    if (stat.size > maxBytes) return { ok: false, reason: 'too-large', size: stat.size, limit: maxBytes };
    const bytes = readAtMost(fd, maxBytes + 1, stat.size);
    if (bytes.length > maxBytes) return { ok: false, reason: 'too-large', size: bytes.length, limit: maxBytes };
    return decode(bytes);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EISDIR') return { ok: false, reason: 'directory' };
    return { ok: false, reason: 'unreadable', code, message: error instanceof Error ? error.message : String(error) };
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Nothing to do: the descriptor is gone either way.
    }
  }
}

/** Decodes bytes read from a file as the reader does: binary and non-UTF-8 are refused. */
export function decode(bytes: Uint8Array): TextFileResult {
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { ok: false, reason: 'binary' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'not-utf8' };
  }
  // TextDecoder drops a leading BOM by default (ignoreBOM false); tell it from the bytes.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { ok: true, text, bom };
}

/**
 * Reads up to `limit` bytes. The first read is sized by what fstat said (plus one byte, to
 * see a file that grew), so a small file costs a small buffer and a large one a single read.
 */
function readAtMost(fd: number, limit: number, expected: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  let size = Math.min(expected + 1, limit);
  while (total < limit) {
    const chunk = Buffer.allocUnsafe(Math.min(size, limit - total));
    size = 64 * 1024;
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
  }
  // The usual case, one read: no copy.
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
}
