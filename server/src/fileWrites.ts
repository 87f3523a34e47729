/**
 * Replacing a file's text so that no failure can lose it: the new text goes to
 * a temporary file in the same directory, is flushed to disk, and is renamed
 * over the original only if the original still holds what was read. A crash
 * or a full disk at any point leaves either the old file or the new one, never
 * half of either; a change saved by someone else meanwhile is never
 * overwritten. Mode (and owner, when running as root) are kept.
 */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readTextFile } from './textFiles';

/** The text of a file as it was read, which must still be on disk when it is replaced. */
export interface TextSnapshot {
  text: string;
  /** Whether the file started with a UTF-8 byte-order mark (written back as it was). */
  bom: boolean;
}

/** The file operations a write uses; tests replace some to simulate failures. */
export interface WriteIo {
  openSync: typeof nodeFs.openSync;
  writeSync: (fd: number, buffer: Uint8Array, offset: number, length: number) => number;
  fsyncSync: typeof nodeFs.fsyncSync;
  renameSync: typeof nodeFs.renameSync;
}

const nodeIo: WriteIo = {
  openSync: nodeFs.openSync,
  writeSync: (fd, buffer, offset, length) => nodeFs.writeSync(fd, buffer, offset, length),
  fsyncSync: nodeFs.fsyncSync,
  renameSync: nodeFs.renameSync,
};

export type WriteResult = { ok: true } | { ok: false; reason: 'changed' | 'failed'; message: string };

/** The bytes a text is written as: UTF-8, with the BOM when the file had one. */
function encodeText(snapshot: TextSnapshot): Buffer {
  return Buffer.from((snapshot.bom ? '\uFEFF' : '') + snapshot.text, 'utf8');
}

/**
 * Why `path` (a resolved, real path) cannot be replaced, or undefined when it
 * can: it must be a regular file, and both it and its directory writable (the
 * temporary file and the rename need the directory).
 */
export function whyNotWritable(path: string): string | undefined {
  try {
    const stat = nodeFs.statSync(path);
    if (!stat.isFile()) return 'not a regular file';
    nodeFs.accessSync(path, nodeFs.constants.W_OK);
    nodeFs.accessSync(dirname(path), nodeFs.constants.W_OK);
    return undefined;
  } catch (error) {
    return describeError(error);
  }
}

/** Whether the file at `path` still holds `expected` (compared as decoded text and BOM). */
export function isUnchanged(path: string, expected: TextSnapshot): boolean {
  const now = readTextFile(path);
  return now.ok && now.text === expected.text && now.bom === expected.bom;
}

/**
 * Replaces the file at `path` (a real path, no symlink) with `next`, if it
 * still holds `expected`. Never throws; on failure the original is untouched
 * and the temporary file removed.
 */
export function replaceFile(path: string, expected: TextSnapshot, next: TextSnapshot, io: WriteIo = nodeIo): WriteResult {
  let stat: nodeFs.Stats;
  try {
    stat = nodeFs.statSync(path);
  } catch (error) {
    return { ok: false, reason: 'failed', message: describeError(error) };
  }
  const temp = join(dirname(path), `.${basename(path)}.alloy-selfmon-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    // 'wx': never follow or reuse something already at the temporary name.
    fd = io.openSync(temp, 'wx', 0o600);
    const bytes = encodeText(next);
    let written = 0;
    while (written < bytes.length) written += io.writeSync(fd, bytes, written, bytes.length - written);
    nodeFs.fchmodSync(fd, stat.mode & 0o7777);
    if (process.getuid?.() === 0) nodeFs.fchownSync(fd, stat.uid, stat.gid);
    io.fsyncSync(fd);
    nodeFs.closeSync(fd);
    fd = undefined;
    if (!isUnchanged(path, expected)) {
      removeQuietly(temp);
      return { ok: false, reason: 'changed', message: 'the file changed on disk since it was read; run again' };
    }
    io.renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    removeQuietly(temp);
    return { ok: false, reason: 'failed', message: describeError(error) };
  }
  syncDirectory(dirname(path));
  return { ok: true };
}

/** A one-line reason for a file-system error, without stack or quoted content. */
function describeError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EISDIR':
      return 'is a directory';
    default:
      return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
  }
}

/** Makes the rename itself durable; some file systems refuse, which only weakens durability. */
function syncDirectory(dir: string): void {
  try {
    const fd = nodeFs.openSync(dir, 'r');
    try {
      nodeFs.fsyncSync(fd);
    } finally {
      nodeFs.closeSync(fd);
    }
  } catch {
    // Best effort: the data itself was flushed before the rename.
  }
}

function closeQuietly(fd: number): void {
  try {
    nodeFs.closeSync(fd);
  } catch {
    // Already closed.
  }
}

function removeQuietly(path: string): void {
  try {
    nodeFs.unlinkSync(path);
  } catch {
    // Not created, or already gone.
  }
}
