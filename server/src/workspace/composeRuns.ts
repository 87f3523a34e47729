/**
 * What compose services run: `alloy run PATH` in a service's entrypoint and
 * command (or the `grafana/alloy` image's default `run /etc/alloy/config.alloy`), with PATH
 * mapped back through the service's bind mounts to a file or folder of the
 * workspace. Reads the compose model; never guesses a path it cannot map.
 */
import * as path from 'node:path';
import type { ComposeService, VolumeMount } from '../compose/composeModel';
import { loadComposeProject } from '../compose/composeProject';
import { groupComposeFiles } from '../compose/discovery';
import { pathExists, type FileSystem } from '../compose/fileSystem';
import type { HostEnvironment } from '../compose/projectEnvironment';
import { isAlloyImage } from '../compose/serviceSelection';

/** The command the `grafana/alloy` image runs when a service sets none. */
const DEFAULT_IMAGE_COMMAND: readonly string[] = ['run', '/etc/alloy/config.alloy'];

export interface AlloyRun {
  service: string;
  /** The directory of the compose files declaring the service. */
  composeDir: string;
  /** `compose-command`: the service's own command; `compose-default`: the image's default. */
  kind: 'compose-command' | 'compose-default';
  /** The path given to `alloy run`, inside the container. */
  containerPath: string;
  /** The host path it is mounted from (a file or a folder). */
  hostPath: string;
  /** The `.alloy` files Alloy loads: the file, or the files directly in the folder. */
  files: string[];
  /** The service's bind mounts, to map other container paths (`import.file`). */
  mounts: readonly VolumeMount[];
}

/**
 * The Alloy runs of the compose projects in `dir` (compose file names as listed
 * there): the main file with its override is one project, every other compose
 * file one of its own, as Compose builds them. Never throws.
 */
export function findAlloyRuns(dir: string, composeNames: readonly string[], fs: FileSystem, hostEnv: HostEnvironment): AlloyRun[] {
  const runs: AlloyRun[] = [];
  for (const group of groupComposeFiles(composeNames)) {
    const composeFiles = group.map((name) => path.join(dir, name));
    const project = loadComposeProject({ composeFiles, fs, hostEnv, projectDir: dir });
    for (const service of project.services.values()) {
      const run = alloyRunOf(service, dir, fs);
      if (run) runs.push(run);
    }
  }
  return runs;
}

function alloyRunOf(service: ComposeService, composeDir: string, fs: FileSystem): AlloyRun | undefined {
  const alloyImage = service.image !== null && isAlloyImage(service.image.name);
  let kind: AlloyRun['kind'] = 'compose-command';
  let words = service.command;
  if (service.entrypoint !== null) {
    // An entrypoint replaces the image's, and its default command with it: it must name alloy itself.
    words = [...service.entrypoint, ...(service.command ?? [])];
  } else if (words === null) {
    if (!alloyImage) return undefined;
    words = [...DEFAULT_IMAGE_COMMAND];
    kind = 'compose-default';
  }
  const containerPath = runPath(words, alloyImage && service.entrypoint === null);
  if (containerPath === undefined) return undefined;
  const mapped = hostPathOf(containerPath, service.volumes);
  if (mapped === undefined) return undefined;
  const files = alloyFilesAt(mapped, fs);
  if (files === undefined) return undefined;
  return { service: service.name, composeDir, kind, containerPath, hostPath: mapped, files, mounts: service.volumes.filter(isBind) };
}

/**
 * The PATH of `[alloy] run [flags] PATH`. Without the binary's name the command
 * must belong to an Alloy image (`run x.js` is also how k6 starts). Flags may
 * take their value as the next word, so PATH is the last word that is not a flag.
 */
export function runPath(words: readonly string[], alloyImage: boolean): string | undefined {
  let rest = [...words];
  const first = rest[0];
  if (first !== undefined && /(^|\/)alloy$/.test(first)) rest = rest.slice(1);
  else if (!alloyImage) return undefined;
  if (rest[0] !== 'run') return undefined;
  const positional = rest.slice(1).filter((w) => !w.startsWith('-'));
  const last = positional[positional.length - 1];
  // Unresolved interpolation or shell syntax: we cannot know the path.
  if (last === undefined || /[$`*]/.test(last)) return undefined;
  return last;
}

/** The host path of a container path, through the deepest bind mount holding it. */
export function hostPathOf(containerPath: string, mounts: readonly VolumeMount[]): string | undefined {
  const target = path.posix.resolve('/', containerPath);
  let best: { mount: VolumeMount; depth: number } | undefined;
  for (const mount of mounts) {
    if (!isBind(mount) || mount.source === null) continue;
    const mountTarget = path.posix.resolve('/', mount.target);
    const rel = path.posix.relative(mountTarget, target);
    if (rel.startsWith('..') || path.posix.isAbsolute(rel)) continue;
    if (!best || mountTarget.length > best.depth) best = { mount, depth: mountTarget.length };
  }
  if (!best || best.mount.source === null) return undefined;
  const rel = path.posix.relative(path.posix.resolve('/', best.mount.target), target);
  return rel === '' ? best.mount.source : path.join(best.mount.source, ...rel.split('/'));
}

/** The `.alloy` files Alloy loads from a path: the file itself, or those directly in a folder. */
export function alloyFilesAt(hostPath: string, fs: FileSystem): string[] | undefined {
  const names = fs.listDir(hostPath);
  if (names !== undefined) {
    const files = names.filter((n) => n.endsWith('.alloy')).sort().map((n) => path.join(hostPath, n)).filter((f) => fs.listDir(f) === undefined);
    return files.length > 0 ? files : undefined;
  }
  if (!hostPath.endsWith('.alloy')) return undefined;
  return pathExists(fs, hostPath) ? [hostPath] : undefined;
}

function isBind(mount: VolumeMount): boolean {
  return mount.type === 'bind';
}
