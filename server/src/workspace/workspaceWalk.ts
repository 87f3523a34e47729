/**
 * A bounded walk of a workspace folder: the directories holding `.alloy` files
 * and the directories holding compose files, skipping hidden, dependency and
 * vendored folders (their configurations are not the user's).
 */
import * as path from 'node:path';
import { composeFileRole } from '../compose/discovery';
import type { FileSystem } from '../compose/fileSystem';

/** Folders never entered: dependencies, vendored code, build output. Hidden folders (`.git`, `.venv`) are skipped too. */
const SKIPPED = new Set(['node_modules', 'vendor', 'bower_components', 'third_party', '__pycache__']);

export interface WalkLimits {
  /** Directories visited at most; the rest of the tree is not looked at. */
  maxDirectories: number;
  /** How deep below the root the walk goes. */
  maxDepth: number;
}

export const defaultWalkLimits: WalkLimits = { maxDirectories: 5000, maxDepth: 24 };

export interface WorkspaceListing {
  /** Absolute directory → absolute paths of the `.alloy` files directly in it, sorted; directories in walk order (sorted). */
  alloyFiles: Map<string, string[]>;
  /** Absolute directory → names of the compose files directly in it. */
  composeFiles: Map<string, string[]>;
  /** Every directory the walk listed (absolute). */
  directories: Set<string>;
  /** Whether a limit stopped the walk before it saw everything. */
  truncated: boolean;
}

/** Lists the `.alloy` and compose files under `root` (itself included). Never throws. */
export function walkWorkspace(root: string, fs: FileSystem, limits: WalkLimits = defaultWalkLimits): WorkspaceListing {
  const listing: WorkspaceListing = { alloyFiles: new Map(), composeFiles: new Map(), directories: new Set(), truncated: false };
  // Depth-first in name order, so the listing reads like a sorted tree.
  const stack: { dir: string; depth: number }[] = [{ dir: path.resolve(root), depth: 0 }];
  let visited = 0;
  while (stack.length > 0) {
    if (visited >= limits.maxDirectories) {
      listing.truncated = true;
      break;
    }
    const { dir, depth } = stack.pop() as { dir: string; depth: number };
    visited++;
    listing.directories.add(dir);
    const entries = listEntries(fs, dir);
    const alloy: string[] = [];
    const compose: string[] = [];
    const children: string[] = [];
    for (const [name, isDirectory] of entries) {
      const full = path.join(dir, name);
      if (name.endsWith('.alloy')) {
        if (!isDirectory(full)) alloy.push(full);
        continue;
      }
      if (composeFileRole(name) !== null) {
        compose.push(name);
        continue;
      }
      if (name.startsWith('.') || SKIPPED.has(name)) continue;
      if (isDirectory(full)) children.push(full);
    }
    if (alloy.length > 0) listing.alloyFiles.set(dir, alloy);
    if (compose.length > 0) listing.composeFiles.set(dir, compose);
    if (depth >= limits.maxDepth) {
      if (children.length > 0) listing.truncated = true;
      continue;
    }
    for (const child of children.reverse()) stack.push({ dir: child, depth: depth + 1 });
  }
  return listing;
}

/**
 * The entries of a directory, sorted, each with how to tell whether it is a
 * directory: from the listing's own entry types when the file system gives
 * them (one call for the folder instead of one per file), else by listing it.
 */
function listEntries(fs: FileSystem, dir: string): [string, (full: string) => boolean][] {
  const byListing = (full: string) => fs.listDir(full) !== undefined;
  const typed = fs.listEntries?.(dir);
  if (typed) {
    return typed
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((e): [string, (full: string) => boolean] => [e.name, e.directory === undefined ? byListing : () => e.directory as boolean]);
  }
  return [...(fs.listDir(dir) ?? [])].sort().map((name): [string, (full: string) => boolean] => [name, byListing]);
}
