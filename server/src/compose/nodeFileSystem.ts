/**
 * The `FileSystem` of the CLI and of files the editor does not hold open:
 * synchronous reads from disk through the one bounded reader, never throwing.
 * Oversized, binary and special files (FIFOs, devices, sockets) are refused
 * with a message, so a stray `docker-compose.yml` symlink to a tarball or an
 * `env_file: /dev/zero` cannot stall or confuse the checker.
 */
import { readdirSync, statSync } from 'node:fs';
import { MAX_TEXT_FILE_BYTES, readTextFile } from '../textFiles';
import type { FileReadError, FileSystem } from './fileSystem';

/** Compose and env files beyond this size are not read (the limit of every reader). */
export const MAX_FILE_BYTES = MAX_TEXT_FILE_BYTES;

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
        return readError(`${path} is not a regular file (it is a ${read.kind}), so it was not read`);
      case 'too-large':
        return readError(`${path} is too large to read (more than the limit of ${read.limit} bytes)`);
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
  listEntries(path) {
    try {
      // A symbolic link may point at a folder: say so only after following it.
      return readdirSync(path, { withFileTypes: true }).map((e) => ({ name: e.name, directory: e.isSymbolicLink() ? undefined : e.isDirectory() }));
    } catch {
      return undefined;
    }
  },
};

function readError(message: string): FileReadError {
  return { error: message };
}
