/**
 * What an analysis read besides the configuration's own files (compose files,
 * `.env` and env_files, imported modules, the directories searched for them),
 * each with the stamp it had: an analysis is reused only while every stamp
 * still holds.
 */
import { statSync } from 'node:fs';
import type { FileSystem } from '../compose/fileSystem';

/**
 * The version of a file's content: an open buffer's version, else the disk's
 * mtime and size, else `absent`. Equal stamps mean equal content.
 */
export type StampOf = (path: string) => string;

/** The disk's stamp: mtime and size (a directory's mtime changes when entries come and go). */
export function diskStamp(path: string): string {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat ? `d${stat.mtimeMs}:${stat.size}` : 'absent';
  } catch {
    return 'unreadable';
  }
}

/** The paths an analysis read, with their stamps when it read them. */
export type Dependencies = ReadonlyMap<string, string>;

/** A file system that answers as `base` does and remembers every path asked about. */
export function recordingFileSystem(base: FileSystem, stampOf: StampOf): { fs: FileSystem; dependencies: Map<string, string> } {
  const dependencies = new Map<string, string>();
  const note = (path: string) => {
    // The stamp is taken before the read: a change in between makes the next request miss, never hit stale.
    if (!dependencies.has(path)) dependencies.set(path, stampOf(path));
  };
  const fs: FileSystem = {
    readFile(path) {
      note(path);
      return base.readFile(path);
    },
    listDir(path) {
      note(path);
      return base.listDir(path);
    },
  };
  const exists = base.exists?.bind(base);
  if (exists) {
    fs.exists = (path) => {
      note(path);
      return exists(path);
    };
  }
  return { fs, dependencies };
}

/** Whether every dependency still has the stamp it had. */
export function unchanged(dependencies: Dependencies, stampOf: StampOf): boolean {
  for (const [path, stamp] of dependencies) if (stampOf(path) !== stamp) return false;
  return true;
}
