/**
 * Which compose service runs Alloy with a given configuration. In order of
 * trust: a configured service name; the service that bind-mounts the config
 * file or a directory of the project holding it; a service running a
 * `grafana/alloy` image;
 * as a last resort a service built locally whose name says "alloy".
 */
import * as path from 'node:path';
import type { ComposeService, VolumeMount } from './composeModel';
import type { ComposeProject } from './composeProject';
import { displayPath, isWithin } from './paths';

export type SelectionReason = 'configured' | 'mount' | 'image' | 'build';

export interface ServiceSelection {
  service: ComposeService | null;
  reason: SelectionReason | null;
  /** Why this service (or why none), in words, with paths relative to the report root. */
  explanation: string;
  /** Other services that matched as well as the chosen one. */
  alsoMatching: string[];
  /** The mount that decided, for `mount`. */
  mount: VolumeMount | null;
}

export interface SelectServiceOptions {
  /** A service name that overrides every other rule. */
  serviceName?: string;
  /** Paths in explanations are relative to this directory. */
  root: string;
}

/** Chooses the service that runs Alloy for `configFiles` (absolute paths). */
export function selectAlloyService(
  project: ComposeProject,
  configFiles: readonly string[],
  options: SelectServiceOptions,
): ServiceSelection {
  const services = [...project.services.values()];
  const show = (file: string): string => displayPath(options.root, file);

  if (options.serviceName !== undefined) {
    const service = project.services.get(options.serviceName);
    return service
      ? { service, reason: 'configured', explanation: `service "${service.name}" is configured explicitly`, alsoMatching: [], mount: null }
      : none(`the configured service "${options.serviceName}" is not defined in ${project.composeFiles.map(show).join(', ')}`);
  }

  const mounted = bestMounts(services, configFiles);
  const [first, ...rest] = mounted;
  if (first) {
    const source = first.mount.source ?? '';
    const what = first.exact ? `mounts ${show(source)}` : `mounts the directory ${show(source)}, which holds ${path.basename(first.config)},`;
    return {
      service: first.service,
      reason: 'mount',
      explanation: `service "${first.service.name}" ${what} at ${first.mount.target} (${show(first.mount.file)}:${first.mount.line})`,
      alsoMatching: rest.map((match) => match.service.name),
      mount: first.mount,
    };
  }

  const byImage = services.filter((service) => service.image !== null && isAlloyImage(service.image.name));
  const [imageMatch, ...otherImages] = byImage;
  if (imageMatch?.image) {
    return {
      service: imageMatch,
      reason: 'image',
      explanation: `service "${imageMatch.name}" runs the image ${imageMatch.image.name} (${show(imageMatch.image.file)}:${imageMatch.image.line})`,
      alsoMatching: otherImages.map((service) => service.name),
      mount: null,
    };
  }

  const byBuild = services.filter((service) => service.build && /alloy/i.test(service.image?.name ?? service.name));
  const [buildMatch, ...otherBuilds] = byBuild;
  if (buildMatch) {
    return {
      service: buildMatch,
      reason: 'build',
      explanation: `service "${buildMatch.name}" builds an image named like Alloy (no service mounts the configuration or runs grafana/alloy)`,
      alsoMatching: otherBuilds.map((service) => service.name),
      mount: null,
    };
  }

  return none(
    `no service mounts ${configFiles.map((file) => show(file)).join(', ') || 'the configuration'} or runs a grafana/alloy image`,
  );
}

/**
 * Whether an image reference is Grafana Alloy: `grafana/alloy` (or the
 * `grafana/alloy-dev` builds) under any registry, with any tag or digest.
 */
export function isAlloyImage(image: string): boolean {
  let name = image.trim().toLowerCase();
  const at = name.indexOf('@');
  if (at >= 0) name = name.slice(0, at);
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) name = name.slice(0, colon);
  return /(^|\/)grafana\/alloy(-dev)?$/.test(name);
}

interface MountMatch {
  service: ComposeService;
  mount: VolumeMount;
  config: string;
  exact: boolean;
  score: number;
}

/** The services whose bind mounts hold a config file, best first (file before deepest directory). */
function bestMounts(services: readonly ComposeService[], configFiles: readonly string[]): MountMatch[] {
  const matches: MountMatch[] = [];
  for (const service of services) {
    let best: MountMatch | null = null;
    for (const mount of service.volumes) {
      if (mount.type !== 'bind' || mount.source === null) continue;
      for (const config of configFiles) {
        const exact = path.resolve(mount.source) === path.resolve(config);
        if (!exact && !(isWithin(mount.source, config) && isProjectDirectory(mount, service))) continue;
        const score = exact ? Number.MAX_SAFE_INTEGER : path.resolve(mount.source).length;
        if (!best || score > best.score) best = { service, mount, config, exact, score };
      }
    }
    if (best) matches.push(best);
  }
  const alloyFirst = (match: MountMatch): number => (match.service.image && isAlloyImage(match.service.image.name) ? 1 : 0);
  // Stable sort: equal matches keep declaration order.
  return matches.sort((a, b) => b.score - a.score || alloyFirst(b) - alloyFirst(a)).filter((match, _, all) => match.score === all[0]?.score);
}

/**
 * Directory mounts count only inside the declaring compose file's directory:
 * `/:/rootfs` (node-exporter) or `/var/log` hold every path and say nothing. The
 * compose directory itself (`.:/app`) counts only for an Alloy image.
 */
function isProjectDirectory(mount: VolumeMount, service: ComposeService): boolean {
  const source = mount.source ?? '';
  const composeDir = path.dirname(mount.file);
  if (!isWithin(composeDir, source)) return false;
  return path.resolve(source) !== path.resolve(composeDir) || (service.image !== null && isAlloyImage(service.image.name));
}

function none(explanation: string): ServiceSelection {
  return { service: null, reason: null, explanation, alsoMatching: [], mount: null };
}

/** Where a compose service runs Alloy, as the self-monitoring checks need it (no values but names and a port). */
export interface AlloyServiceFacts {
  description: string;
  /** The service name, its `container_name` and `hostname`: names other containers (and Alloy itself) reach it by. */
  names: string[];
  /** The port of Alloy's HTTP server: from `--server.http.listen-addr` in the command, else 12345. */
  port: number;
  /** Whether the Docker socket is bind-mounted into the container. */
  dockerSocket: boolean;
}

// The same Alloy facts as semantic/selfMonitoringFacts.ts: compose/ does not import semantic/.
const DEFAULT_HTTP_PORT = 12345;
const LISTEN_ADDR_FLAG = '--server.http.listen-addr';
const DOCKER_SOCKETS = ['/var/run/docker.sock', '/run/docker.sock'];

/** The facts of `service` the self-monitoring checks use. */
export function alloyServiceFacts(service: ComposeService): AlloyServiceFacts {
  const aliases = [...service.extended, ...service.declarations].flatMap((d) => d.aliases);
  return {
    description: `compose service "${service.name}"`,
    names: [...new Set([service.name, ...aliases])],
    port: listenPort(service.command) ?? DEFAULT_HTTP_PORT,
    dockerSocket: service.volumes.some((m) => m.type === 'bind' && (DOCKER_SOCKETS.includes(m.target) || DOCKER_SOCKETS.includes(m.source ?? ''))),
  };
}

/** The port of `--server.http.listen-addr=HOST:PORT` (or the flag and its value as two words). */
function listenPort(command: readonly string[] | null): number | undefined {
  if (!command) return undefined;
  for (let i = 0; i < command.length; i++) {
    const word = command[i] ?? '';
    let value: string | undefined;
    if (word.startsWith(`${LISTEN_ADDR_FLAG}=`)) value = word.slice(LISTEN_ADDR_FLAG.length + 1);
    else if (word === LISTEN_ADDR_FLAG) value = command[i + 1];
    const port = value === undefined ? NaN : Number(value.slice(value.lastIndexOf(':') + 1));
    if (Number.isInteger(port) && port > 0 && port < 65536) return port;
  }
  return undefined;
}
