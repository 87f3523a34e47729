/**
 * Loads a compose project: the given compose files in merge order, their
 * `include`s and `extends`, interpolated from the project's `.env` and the host
 * environment, merged into one service model. Every problem is collected; the
 * loader keeps going with whatever it could read.
 */
import * as path from 'node:path';
import type { TextRange } from '../syntax/diagnostic';
import { parseComposeFile } from './composeFile';
import type { ComposeFileModel, ComposeProblem, ComposeService, ServiceDefinition } from './composeModel';
import { isReadError, type FileSystem } from './fileSystem';
import { loadProjectEnvironment, type HostEnvironment, type ProjectEnvironment } from './projectEnvironment';
import { asExtendedBase, mergeServices, serviceFromDefinition } from './serviceMerge';

export interface ComposeProject {
  /** The directory of the first compose file; its `.env` fills in the compose files. */
  projectDir: string;
  /** The compose files given, in merge order. */
  composeFiles: string[];
  /** Every compose file read (given, included, extended), by absolute path. */
  files: ReadonlyMap<string, ComposeFileModel>;
  /** The merged services, in declaration order. */
  services: ReadonlyMap<string, ComposeService>;
  /** The project's interpolation environment. */
  env: ProjectEnvironment;
  /** The interpolation environment of a compose file (included projects have their own). */
  envOf(file: string): ProjectEnvironment;
  problems: ComposeProblem[];
}

export interface LoadComposeProjectOptions {
  /** Absolute paths, in merge order. */
  composeFiles: string[];
  fs: FileSystem;
  hostEnv: HostEnvironment;
  /** `--env-file` paths (absolute); they replace the project `.env`. */
  envFiles?: string[];
  /** Defaults to the directory of the first compose file. */
  projectDir?: string;
}

/** Loads and merges the compose files of one project. */
export function loadComposeProject(options: LoadComposeProjectOptions): ComposeProject {
  const loader = new ProjectLoader(options.fs, options.hostEnv);
  const projectDir = options.projectDir ?? path.dirname(options.composeFiles[0] ?? '.');
  const env = loadProjectEnvironment(options.fs, {
    host: options.hostEnv,
    projectDir,
    ...(options.envFiles ? { explicitEnvFiles: options.envFiles } : {}),
  });
  loader.problems.push(...env.problems);
  const services = loader.loadLayer(options.composeFiles, env, []);
  return {
    projectDir,
    composeFiles: [...options.composeFiles],
    files: loader.models,
    services,
    env,
    envOf: (file) => loader.envByFile.get(file) ?? env,
    problems: loader.problems,
  };
}

/** Where to report that a referenced file cannot be read. */
interface Origin {
  file: string;
  range: TextRange;
}

class ProjectLoader {
  readonly problems: ComposeProblem[] = [];
  readonly models = new Map<string, ComposeFileModel>();
  readonly envByFile = new Map<string, ProjectEnvironment>();
  private readonly unreadable = new Set<string>();

  constructor(
    private readonly fs: FileSystem,
    private readonly host: HostEnvironment,
  ) {}

  /** Loads `files` merged in order, with their includes; `stack` holds the including files. */
  loadLayer(files: readonly string[], env: ProjectEnvironment, stack: readonly string[], origin?: Origin): Map<string, ComposeService> {
    const services = new Map<string, ComposeService>();
    for (const file of files) {
      const model = this.readModel(file, env, origin);
      if (!model) continue;
      for (const include of model.includes) {
        const cyclic = include.paths.find((included) => included === file || stack.includes(included));
        if (cyclic) {
          this.problem('compose/include', 'error', include.file, include.range, `${path.basename(cyclic)} includes itself (through this include).`);
          continue;
        }
        const firstPath = include.paths[0];
        if (firstPath === undefined) continue;
        const includeEnv = loadProjectEnvironment(this.fs, {
          host: this.host,
          projectDir: include.projectDirectory ?? path.dirname(firstPath),
          parent: env,
          ...(include.envFiles ? { explicitEnvFiles: include.envFiles } : {}),
        });
        this.problems.push(...includeEnv.problems);
        const includeOrigin = { file: include.file, range: include.range };
        for (const [name, service] of this.loadLayer(include.paths, includeEnv, [...stack, file], includeOrigin)) {
          const local = model.services.get(name);
          if (local || services.has(name)) {
            this.problem(
              'compose/include',
              'error',
              include.file,
              local ? local.keyRange : include.range,
              `Service "${name}" is defined both here and in the included ${path.basename(service.declarations[0]?.file ?? firstPath)}; docker compose refuses such a conflict.`,
            );
          }
          services.set(name, service);
        }
      }
      for (const definition of model.services.values()) {
        const resolved = this.resolveExtends(definition, env, []);
        const existing = services.get(definition.name);
        services.set(definition.name, existing ? mergeServices(existing, resolved) : resolved);
      }
    }
    return services;
  }

  private resolveExtends(definition: ServiceDefinition, env: ProjectEnvironment, chain: readonly string[]): ComposeService {
    const own = serviceFromDefinition(definition);
    const ref = definition.extends;
    if (!ref) return own;
    const key = `${definition.file}#${definition.name}`;
    const targetFile = ref.fromFile ?? definition.file;
    const targetKey = `${targetFile}#${ref.service}`;
    if (targetKey === key || chain.includes(targetKey)) {
      this.problem('compose/extends', 'error', definition.file, ref.range, `Service "${definition.name}" extends itself (through "${ref.service}").`);
      return own;
    }
    const model = this.readModel(targetFile, this.envByFile.get(targetFile) ?? env, { file: definition.file, range: ref.range });
    if (!model) return own;
    const base = model.services.get(ref.service);
    if (!base) {
      this.problem(
        'compose/extends',
        'error',
        definition.file,
        ref.range,
        `Service "${definition.name}" extends "${ref.service}", which ${path.basename(targetFile)} does not define.`,
      );
      return own;
    }
    const resolvedBase = this.resolveExtends(base, this.envByFile.get(targetFile) ?? env, [...chain, key]);
    return mergeServices(asExtendedBase(resolvedBase), own);
  }

  /** Reads and parses a compose file once; reports a missing or unreadable file at `origin`. */
  private readModel(file: string, env: ProjectEnvironment, origin?: Origin): ComposeFileModel | null {
    const cached = this.models.get(file);
    if (cached) return cached;
    if (this.unreadable.has(file)) return null;
    const text = this.fs.readFile(file);
    if (text === undefined || isReadError(text)) {
      this.unreadable.add(file);
      const at = origin ?? { file, range: { start: 0, end: 0 } };
      const message =
        text === undefined
          ? `The compose file ${path.basename(file)} does not exist (${file}).`
          : `The compose file ${path.basename(file)} cannot be read: ${text.error}`;
      this.problem(text === undefined ? 'compose/file-missing' : 'compose/file-unreadable', 'error', at.file, at.range, message);
      return null;
    }
    const model = parseComposeFile(file, text, env);
    this.models.set(file, model);
    this.envByFile.set(file, env);
    this.problems.push(...model.problems);
    return model;
  }

  private problem(code: string, severity: ComposeProblem['severity'], file: string, range: TextRange, message: string): void {
    this.problems.push({ code, severity, message, file, range });
  }
}
