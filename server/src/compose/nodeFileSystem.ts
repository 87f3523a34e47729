/**
 * The `FileSystem` of the CLI and of files the editor does not hold open:
 * synchronous reads from disk through the one bounded reader, never throwing.
 * Oversized, binary and special files (FIFOs, devices, sockets) are refused
 * with a message, so a stray `docker-compose.yml` symlink to a tarball or an
 * `env_file: /dev/zero` cannot stall or confuse the checker.
 */
import { readdirSync, statSync } from 'node:fs';
import { readTextFile } from '../textFiles';
import type { DirectoryEntry, FileReadError, FileSystem } from './fileSystem';

export const nodeFileSystem: FileSystem = {
  readFile(path) {
    const read = readTextFile(path);
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
    // A copy: callers may sort or filter in place.
    return listingOf(path)?.names.slice();
  },
  listEntries(path) {
    return listingOf(path)?.entries.map((e) => ({ ...e }));
  },
};

/** Directory listings kept at most: compose discovery lists the same parent folders on every check. */
const MAX_LISTINGS = 256;
/** How long a folder must have been left alone before its listing is trusted by its stamp. */
const RACY_MS = 2000;

/**
 * Directory listings by path, valid while the directory's change time and
 * modification time (nanoseconds) stay the same: creating, deleting or
 * renaming an entry changes both. Names and types only, least recently used
 * first; a `stat` replaces a `readdir` of a folder of thousands of files.
 */
const listings = new Map<string, Listing>();

interface Listing {
  stamp: string;
  entries: DirectoryEntry[];
  names: string[];
}

function listingOf(path: string): Listing | undefined {
  let stamp: string;
  let settled: boolean;
  try {
    const stat = statSync(path, { bigint: true, throwIfNoEntry: false });
    if (!stat?.isDirectory()) return undefined;
    stamp = `${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}`;
    // Timestamps advance in clock ticks: a folder changed just now may change again
    // under the same stamp, so its listing is not kept until it has been still a while.
    settled = Date.now() - Number(stat.mtimeNs / 1_000_000n) > RACY_MS;
  } catch {
    return undefined;
  }
  const hit = listings.get(path);
  listings.delete(path);
  if (hit && hit.stamp === stamp) {
    listings.set(path, hit);
    return hit;
  }
  let entries: DirectoryEntry[];
  try {
    // A symbolic link may point at a folder: say so only after following it.
    entries = readdirSync(path, { withFileTypes: true })
      .map((e) => ({ name: e.name, directory: e.isSymbolicLink() ? undefined : e.isDirectory() }))
      // Sorted once here: callers list names in order, and sorting a sorted array is cheap.
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return undefined;
  }
  const listing = { stamp, entries, names: entries.map((e) => e.name) };
  if (!settled) return listing;
  listings.set(path, listing);
  if (listings.size > MAX_LISTINGS) {
    const oldest = listings.keys().next().value;
    if (oldest !== undefined) listings.delete(oldest);
  }
  return listing;
}

function readError(message: string): FileReadError {
  return { error: message };
}
