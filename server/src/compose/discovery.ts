/**
 * Finding the compose projects that may run a configuration: the nearest
 * directory, from the configuration's own up to the repository root, that
 * holds compose files. Only what Compose itself merges is merged: the main
 * file and its override (`include` and `extends` are followed when loading);
 * every other compose file there (`docker-compose.test.yml`,
 * `docker-compose-otel.yml`, …) is a project of its own, run with `-f`.
 */
import * as path from 'node:path';
import { pathExists, type FileSystem } from './fileSystem';

/** How a compose file takes part in a project, by its name. */
export type ComposeFileRole = 'main' | 'override' | 'alternative';

export interface ComposeDiscovery {
  /** Absolute paths of the first project's compose files, in merge order; empty when none was found. */
  files: string[];
  /** Every project found, the default one (main + override) first; each is a list of files in merge order. */
  projects: string[][];
  /** The directory they were found in, or null. */
  projectDir: string | null;
  /** The nearest directory holding `.git`, at or above the start directory, or null. */
  repositoryRoot: string | null;
}

/** The main file names Compose looks for, in its order of preference. */
const MAIN_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

const NAME_PATTERN = /^(docker-compose|compose)(?:[.-]([^.]+))?\.ya?ml$/;

/** The role of a compose file name, or null when the name is not a compose file name. */
export function composeFileRole(name: string): ComposeFileRole | null {
  const match = NAME_PATTERN.exec(name);
  if (!match) return null;
  const suffix = match[2];
  if (suffix === undefined) return 'main';
  return suffix === 'override' && name.includes('.override.') ? 'override' : 'alternative';
}

/**
 * Groups the compose file names of one directory into projects: Compose's
 * preferred main file with its override first, then every other compose file
 * alone. Names that are not compose file names are dropped.
 */
export function groupComposeFiles(listed: readonly string[]): string[][] {
  // The compose check lists the configuration's folder on every keystroke: in a folder of
  // thousands of files, look only at names that can be compose files.
  const names = listed.filter((name) => name.startsWith('compose') || name.startsWith('docker-compose'));
  const present = new Set(names);
  const main = MAIN_NAMES.find((name) => present.has(name));
  const mainPrefix = main?.startsWith('docker-') ? 'docker-compose' : 'compose';
  const overrides = names.filter((name) => composeFileRole(name) === 'override').sort((a, b) => a.localeCompare(b));
  // Like Compose, only one override is used: the one named like the main file, if both exist.
  const override = main ? (overrides.find((name) => name.startsWith(`${mainPrefix}.`)) ?? overrides[0]) : undefined;
  const grouped = new Set([main, override].filter((name): name is string => name !== undefined));
  const others = names.filter((name) => composeFileRole(name) !== null && !grouped.has(name)).sort((a, b) => a.localeCompare(b));
  return [...(main ? [[main, ...(override ? [override] : [])]] : []), ...others.map((name) => [name])];
}

/**
 * Searches `startDir` and its parents, up to and including the repository root
 * (a directory holding `.git`) or the filesystem root, for compose files.
 */
export function discoverComposeFiles(startDir: string, fs: FileSystem): ComposeDiscovery {
  let dir = path.resolve(startDir);
  for (;;) {
    const entries = fs.listDir(dir) ?? [];
    const groups = groupComposeFiles(entries);
    if (groups.length > 0) {
      const projects = groups.map((group) => group.map((name) => path.join(dir, name)));
      return {
        files: projects[0] ?? [],
        projects,
        projectDir: dir,
        repositoryRoot: findRepositoryRoot(dir, fs),
      };
    }
    const parent = path.dirname(dir);
    if (entries.includes('.git') || parent === dir) break;
    dir = parent;
  }
  return { files: [], projects: [], projectDir: null, repositoryRoot: findRepositoryRoot(startDir, fs) };
}

/** The nearest directory at or above `startDir` that holds `.git`, or null. */
export function findRepositoryRoot(startDir: string, fs: FileSystem): string | null {
  let dir = path.resolve(startDir);
  for (;;) {
    // One stat per folder, not a listing: the folders above a project can hold thousands of entries.
    if (pathExists(fs, path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
