/**
 * The evidence behind configuration boundaries, one rule at a time: which
 * files a `configurations` setting pattern names, how a compose run is
 * described, and where an `import.file` filename points on the host.
 */
import * as path from 'node:path';
import type { FileSystem } from '../compose/fileSystem';
import { isWithin } from '../compose/paths';
import { alloyFilesAt, hostPathOf, type AlloyRun } from './composeRuns';
import { globToRegExp, isGlob, normalizePattern } from './globs';

/** The groups of files one pattern of the `configurations` setting names: a folder's files, or each matching file or folder. */
export function settingMatches(pattern: string, root: string, alloyFiles: ReadonlyMap<string, string[]>, fs: FileSystem): string[][] {
  const norm = normalizePattern(pattern);
  if (norm === '') return [];
  if (!isGlob(norm)) {
    const files = alloyFilesAt(path.resolve(root, norm), fs);
    return files ? [files] : [];
  }
  const re = globToRegExp(norm);
  const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');
  const out: string[][] = [];
  for (const [dir, files] of alloyFiles) {
    if (re.test(rel(dir))) out.push(files);
    for (const f of files) if (re.test(rel(f))) out.push([f]);
  }
  return out;
}

/** One sentence saying which service runs which path, mounted from where. */
export function describeRun(run: AlloyRun, show: (file: string) => string): string {
  const rel = path.relative(run.composeDir, run.hostPath).split(path.sep).join('/');
  const from = !isWithin(run.composeDir, run.hostPath) ? show(run.hostPath) : rel === '' ? '.' : `./${rel}`;
  const what = run.kind === 'compose-default' ? "runs the grafana/alloy image's default alloy run" : 'runs alloy run';
  return `service "${run.service}" ${what} ${run.containerPath} (mounted from ${from})`;
}

/**
 * Where an `import.file` filename points on the host: through the mounts of a
 * service that runs the importer, else as a host path (relative to the
 * importer's folder, where Alloy is usually started for a local file), else the
 * file of that name beside the importer (a container path we cannot map).
 */
export function importTarget(filename: string, importer: string, runs: readonly AlloyRun[], fs: FileSystem): string | undefined {
  for (const run of runs) {
    const host = path.posix.isAbsolute(filename) ? hostPathOf(filename, run.mounts) : undefined;
    if (host && alloyFilesAt(host, fs)) return host;
  }
  const direct = path.resolve(path.dirname(importer), filename);
  if (alloyFilesAt(direct, fs)) return direct;
  const beside = path.join(path.dirname(importer), path.posix.basename(filename));
  return path.posix.isAbsolute(filename) && alloyFilesAt(beside, fs) ? beside : undefined;
}
