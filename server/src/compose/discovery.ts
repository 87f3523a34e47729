/**
 * Finding the compose files that run a configuration: the nearest directory,
 * from the configuration's own up to the repository root, that holds compose
 * files, ordered the way the project merges them (base, main, variants, override).
 */
import * as path from 'node:path';
import type { FileSystem } from './fileSystem';

/** How a compose file takes part in the merge, by its name. */
export type ComposeFileRole = 'base' | 'main' | 'variant' | 'override';

export interface ComposeDiscovery {
  /** Absolute paths of the compose files, in merge order; empty when none was found. */
  files: string[];
  /** The directory they were found in, or null. */
  projectDir: string | null;
  /** The nearest directory holding `.git`, at or above the start directory, or null. */
  repositoryRoot: string | null;
}

/** The main file names Compose looks for, in its order of preference. */
const MAIN_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/** Suffixes (`docker-compose.<suffix>.yml`) that name a file others build on. */
const BASE_SUFFIXES = new Set(['base', 'common', 'shared', 'default', 'defaults']);

const NAME_PATTERN = /^(docker-compose|compose)(?:\.([^.]+))?\.ya?ml$/;

/** The role of a compose file name, or null when the name is not a compose file name. */
export function composeFileRole(name: string): ComposeFileRole | null {
  const match = NAME_PATTERN.exec(name);
  if (!match) return null;
  const suffix = match[2];
  if (suffix === undefined) return 'main';
  if (suffix === 'override') return 'override';
  return BASE_SUFFIXES.has(suffix) ? 'base' : 'variant';
}

/**
 * Orders the compose file names of one directory for merging: bases, the main
 * file (Compose's preferred one when several exist), variants, then the override.
 * Names that are not compose file names are dropped.
 */
export function orderComposeFiles(names: readonly string[]): string[] {
  const present = new Set(names);
  const byRole = (role: ComposeFileRole): string[] =>
    names.filter((name) => composeFileRole(name) === role).sort((a, b) => a.localeCompare(b));
  const main = MAIN_NAMES.find((name) => present.has(name));
  const mainPrefix = main?.startsWith('docker-') ? 'docker-compose' : 'compose';
  // Like Compose, only one override is used: the one named like the main file, if both exist.
  const overrides = byRole('override');
  const override = overrides.find((name) => name.startsWith(`${mainPrefix}.`)) ?? overrides[0];
  return [...byRole('base'), ...(main ? [main] : []), ...byRole('variant'), ...(override ? [override] : [])];
}

/**
 * Searches `startDir` and its parents, up to and including the repository root
 * (a directory holding `.git`) or the filesystem root, for compose files.
 */
export function discoverComposeFiles(startDir: string, fs: FileSystem): ComposeDiscovery {
  let dir = path.resolve(startDir);
  for (;;) {
    const entries = fs.listDir(dir) ?? [];
    const files = orderComposeFiles(entries);
    if (files.length > 0) {
      return {
        files: files.map((name) => path.join(dir, name)),
        projectDir: dir,
        repositoryRoot: findRepositoryRoot(dir, fs),
      };
    }
    const parent = path.dirname(dir);
    if (entries.includes('.git') || parent === dir) break;
    dir = parent;
  }
  return { files: [], projectDir: null, repositoryRoot: findRepositoryRoot(startDir, fs) };
}

/** The nearest directory at or above `startDir` that holds `.git`, or null. */
export function findRepositoryRoot(startDir: string, fs: FileSystem): string | null {
  let dir = path.resolve(startDir);
  for (;;) {
    if ((fs.listDir(dir) ?? []).includes('.git')) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
