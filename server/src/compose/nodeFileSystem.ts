/**
 * The `FileSystem` of the CLI and of files the editor does not hold open:
 * synchronous reads from disk that never throw. Oversized and binary files are
 * refused with a message, so a stray `docker-compose.yml` symlink to a tarball
 * cannot stall or confuse the checker.
 */
import { readdirSync, statSync } from 'node:fs';
import { readTextFile } from '../textFiles';
import type { FileReadError, FileSystem } from './fileSystem';

/** Compose and env files beyond this size are not read. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export const nodeFileSystem: FileSystem = {
  readFile(path) {
    const read = readTextFile(path, MAX_FILE_BYTES);
    if (read.ok) return read.text;
    switch (read.reason) {
      case 'missing':
        return undefined;
      case 'directory':
        return readError(`${path} is a directory, not a file`);
      case 'not-a-file':
        return readError(`${path} is not a regular file`);
      case 'too-large':
        return readError(`${path} is too large to read (${read.size} bytes; the limit is ${MAX_FILE_BYTES} bytes)`);
      case 'binary':
        return readError(`${path} looks like a binary file (it contains NUL bytes), so it was not read`);
      case 'not-utf8':
        return readError(`${path} is not valid UTF-8 text (binary file?), so it was not read`);
      case 'unreadable':
        return readError(`cannot read ${path}: ${read.code ?? 'unknown error'}`);
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
