/**
 * The `FileSystem` of the CLI and of files the editor does not hold open:
 * synchronous reads from disk that never throw. Oversized and binary files are
 * refused with a message, so a stray `docker-compose.yml` symlink to a tarball
 * cannot stall or confuse the checker.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import type { FileReadError, FileSystem } from './fileSystem';

/** Compose and env files beyond this size are not read. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** How many leading bytes are searched for a NUL byte when deciding "binary". */
const BINARY_SNIFF_BYTES = 8192;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export const nodeFileSystem: FileSystem = {
  readFile(path) {
    try {
      const stat = statSync(path, { throwIfNoEntry: false });
      if (stat === undefined) return undefined;
      if (stat.isDirectory()) return readError(`${path} is a directory, not a file`);
      if (!stat.isFile()) return readError(`${path} is not a regular file`);
      if (stat.size > MAX_FILE_BYTES) {
        return readError(`${path} is too large to read (${stat.size} bytes; the limit is ${MAX_FILE_BYTES} bytes)`);
      }
      const bytes = readFileSync(path);
      if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
        return readError(`${path} looks like a binary file (it contains NUL bytes), so it was not read`);
      }
      try {
        // The decoder drops a leading BOM, as editors do, so offsets agree with open buffers.
        return utf8.decode(bytes);
      } catch {
        return readError(`${path} is not valid UTF-8 text (binary file?), so it was not read`);
      }
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      return readError(`cannot read ${path}: ${code ?? 'unknown error'}`);
    }
  },
  exists(path) {
    try {
      return statSync(path, { throwIfNoEntry: false }) !== undefined;
    } catch {
      return false;
    }
  },
  listDir(path) {
    try {
      return readdirSync(path);
    } catch {
      return undefined;
    }
  },
};

function readError(message: string): FileReadError {
  return { error: message };
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}
