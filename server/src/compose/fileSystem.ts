/**
 * How the compose model reads files. The language server serves open editor
 * buffers through this interface; the CLI uses `nodeFileSystem`; tests use
 * `memoryFileSystem`. Nothing in `compose/` touches the disk any other way.
 */

import * as nodePath from 'node:path';

/** A file that exists but cannot be used (unreadable, too large, binary, a directory). */
export interface FileReadError {
  error: string;
}

export interface FileSystem {
  /**
   * The text of the file at an absolute path: `undefined` when it does not exist,
   * a `FileReadError` when it exists but cannot be used. Never throws.
   */
  readFile(path: string): string | undefined | FileReadError;
  /** Whether a file or directory exists; derived from `readFile`/`listDir` when absent. */
  exists?(path: string): boolean;
  /** The entry names of a directory, or `undefined` when it is not a readable directory. */
  listDir(path: string): string[] | undefined;
  /**
   * The entries of a directory with whether each is a directory (`undefined`:
   * not known without looking, e.g. a symbolic link). Optional: a walk of a
   * large folder uses it to avoid one call per file.
   */
  listEntries?(path: string): DirectoryEntry[] | undefined;
}

export interface DirectoryEntry {
  name: string;
  directory: boolean | undefined;
}

export function isReadError(value: string | undefined | FileReadError): value is FileReadError {
  return typeof value === 'object' && value !== null;
}

/** Whether `path` names an existing file or directory. */
export function pathExists(fs: FileSystem, path: string): boolean {
  if (fs.exists) return fs.exists(path);
  return fs.readFile(path) !== undefined || fs.listDir(path) !== undefined;
}

/**
 * An in-memory file system over absolute paths, for tests and for callers that
 * already hold every text. Directories are implied by the file paths.
 */
export function memoryFileSystem(files: Readonly<Record<string, string | FileReadError>>): FileSystem {
  const normalized = new Map<string, string | FileReadError>();
  for (const [path, content] of Object.entries(files)) normalized.set(trimSlash(path), content);
  return {
    readFile(path) {
      return normalized.get(trimSlash(path));
    },
    exists(path) {
      const key = trimSlash(path);
      if (normalized.has(key)) return true;
      const prefix = key.endsWith('/') ? key : `${key}/`;
      for (const name of normalized.keys()) if (name.startsWith(prefix)) return true;
      return false;
    },
    listDir(path) {
      const key = trimSlash(path);
      const prefix = key.endsWith('/') ? key : `${key}/`;
      const entries = new Set<string>();
      for (const name of normalized.keys()) {
        if (!name.startsWith(prefix)) continue;
        const first = name.slice(prefix.length).split('/')[0];
        if (first) entries.add(first);
      }
      return entries.size > 0 ? [...entries].sort() : undefined;
    },
  };
}

/**
 * A file system that answers from `overlay` (e.g. open editor buffers, by absolute
 * path) first and from `base` otherwise.
 */
export function overlayFileSystem(overlay: ReadonlyMap<string, string>, base: FileSystem): FileSystem {
  return {
    readFile(path) {
      const text = overlay.get(path);
      return text !== undefined ? text : base.readFile(path);
    },
    exists(path) {
      return overlay.has(path) || pathExists(base, path);
    },
    listDir(dir) {
      const listed = base.listDir(dir);
      // Open buffers not yet saved show up in their directory; a folder of
      // thousands of files is copied and sorted only when one is missing.
      const wanted = nodePath.resolve(dir);
      const missing: string[] = [];
      for (const name of overlay.keys()) {
        if (nodePath.dirname(name) !== wanted) continue;
        const base = nodePath.basename(name);
        if (!listed?.includes(base)) missing.push(base);
      }
      if (missing.length === 0) return listed && (isSorted(listed) ? listed : [...listed].sort());
      return [...new Set([...(listed ?? []), ...missing])].sort();
    },
  };
}

function isSorted(names: readonly string[]): boolean {
  for (let i = 1; i < names.length; i++) if ((names[i - 1] as string) > (names[i] as string)) return false;
  return true;
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}
