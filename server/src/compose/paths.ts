/** Path helpers of the compose model: host paths as Compose resolves them, paths as reports show them. */
import * as path from 'node:path';
import type { HostEnvironment } from './projectEnvironment';

/**
 * Resolves a host path written in a compose file: `~` is the home directory
 * (`HOME`, else `USERPROFILE`), relative paths are relative to `baseDir`.
 * Returns null for `~` when no home directory is known.
 */
export function resolveHostPath(written: string, baseDir: string, host: HostEnvironment): string | null {
  if (written === '~' || written.startsWith('~/') || written.startsWith('~\\')) {
    const home = host['HOME'] ?? host['USERPROFILE'];
    if (home === undefined || home === '') return null;
    return path.join(home, written.slice(1));
  }
  return path.resolve(baseDir, written);
}

/** `file` relative to `root` with forward slashes, or absolute when outside it. */
export function displayPath(root: string, file: string): string {
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return file.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}

/** Whether `child` is `parent` or inside it. */
export function isWithin(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
