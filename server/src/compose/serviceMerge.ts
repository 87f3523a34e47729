/**
 * Merging service declarations the way Compose merges several compose files and
 * `extends`: scalars are replaced by the later file, `environment` is merged per
 * variable, `volumes` per container path, `env_file` entries are appended.
 */
import type { ComposeService, EnvFileRef, ServiceDefinition, VolumeMount } from './composeModel';

/** A service made of one declaration. */
export function serviceFromDefinition(definition: ServiceDefinition): ComposeService {
  return {
    name: definition.name,
    declarations: [definition],
    extended: [],
    image: definition.image,
    build: definition.build,
    volumes: mergeVolumes([], definition.volumes),
    command: definition.command,
    entrypoint: definition.entrypoint,
    environment: new Map(definition.environment.map((entry) => [entry.name, entry])),
    envFiles: appendEnvFiles([], definition.envFiles),
  };
}

/** `over` applied on top of `base` (a later compose file, or a service on top of the one it extends). */
export function mergeServices(base: ComposeService, over: ComposeService): ComposeService {
  return {
    name: over.name,
    declarations: [...base.declarations, ...over.declarations],
    extended: [...base.extended, ...over.extended],
    image: over.image ?? base.image,
    build: over.build || base.build,
    volumes: mergeVolumes(base.volumes, over.volumes),
    command: over.command ?? base.command,
    entrypoint: over.entrypoint ?? base.entrypoint,
    environment: new Map([...base.environment, ...over.environment]),
    envFiles: appendEnvFiles(base.envFiles, over.envFiles),
  };
}

/** A resolved service seen as the base of an `extends`: its declarations become "extended". */
export function asExtendedBase(service: ComposeService): ComposeService {
  return { ...service, declarations: [], extended: [...service.extended, ...service.declarations] };
}

function mergeVolumes(base: readonly VolumeMount[], over: readonly VolumeMount[]): VolumeMount[] {
  const byTarget = new Map<string, VolumeMount>();
  for (const mount of [...base, ...over]) byTarget.set(normalizeTarget(mount.target), mount);
  return [...byTarget.values()];
}

function normalizeTarget(target: string): string {
  return target.length > 1 ? target.replace(/\/+$/, '') : target;
}

function appendEnvFiles(base: readonly EnvFileRef[], over: readonly EnvFileRef[]): EnvFileRef[] {
  const result = [...base];
  for (const ref of over) {
    // The same file listed again moves to its later position: later files win.
    const existing = result.findIndex((item) => item.path !== null && item.path === ref.path);
    if (existing >= 0) result.splice(existing, 1);
    result.push(ref);
  }
  return result;
}
