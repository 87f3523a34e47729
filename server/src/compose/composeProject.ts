/**
 * Loads a compose project: the given compose files in merge order, their
 * `include`s and `extends`, interpolated from the project's `.env` and the host
 * environment, merged into one service model. Every problem is collected; the
 * loader keeps going with whatever it could read.
 */
import * as path from 'node:path';
import type { TextRange } from '../syntax/diagnostic';
import { parseComposeFile } from './composeFile';
import type { ComposeFileModel, ComposeProblem, ComposeService, IncludeRef, ServiceDefinition } from './composeModel';
import { isReadError, type FileSystem } from './fileSystem';
import { loadProjectEnvironment, type HostEnvironment, type ProjectEnvironment } from './projectEnvironment';
import { asExtendedBase, mergeServices, serviceFromDefinition } from './serviceMerge';
import { severityOf, type Code } from '../codes';

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
  for (const problem of env.problems) loader.problems.push(problem);
  const services = loader.loadLayer(options.composeFiles, env, []);
  // The project may be kept long after loading (per configuration): it holds what it read, not the loader and its file system.
  const envByFile = loader.envByFile;
  return {
    projectDir,
    composeFiles: [...options.composeFiles],
    files: loader.models,
    services,
    env,
    envOf: (file) => envByFile.get(file) ?? env,
    problems: loader.problems,
  };
}

/** Where to report that a referenced file cannot be read. */
interface Origin {
  file: string;
  range: TextRange;
}

/**
 * How deeply `include`s may nest, and how long an `extends` chain may be.
 * Compose itself sets no limit (it recurses); ours keeps a hostile project from
 * costing more than a bounded amount, and each limit reached is a finding.
 * Real chains are two or three links long. A service whose chain is longer than
 * the limit gets the first links only, so each service costs at most the limit.
 */
export const MAX_INCLUDE_DEPTH = 100;
export const MAX_EXTENDS_DEPTH = 32;

/** One file list being loaded (the given files, or one `include`'s paths): the state of what was a recursive call. */
interface LayerFrame {
  files: readonly string[];
  env: ProjectEnvironment;
  /** The including files, outermost first. */
  stack: readonly string[];
  origin: Origin | undefined;
  /** Where this layer's result is remembered (the include's paths), for includes shared by several files. */
  memoKey: string | undefined;
  fileIndex: number;
  model: ComposeFileModel | null;
  includeIndex: number;
  /** The include whose layer is being loaded above this frame. */
  waitingFor: IncludeRef | undefined;
  services: Map<string, ComposeService>;
}

class ProjectLoader {
  readonly problems: ComposeProblem[] = [];
  readonly models = new Map<string, ComposeFileModel>();
  readonly envByFile = new Map<string, ProjectEnvironment>();
  private readonly unreadable = new Set<string>();
  /** Services of an include already loaded: an include diamond is loaded once per shared include, not once per path. */
  private readonly layers = new Map<string, Map<string, ComposeService>>();
  /** Services with their whole `extends` chain resolved, by `file#service`, with the chain's length. */
  private readonly resolved = new Map<string, { service: ComposeService; depth: number }>();
  private extendsLimitReported = false;

  constructor(
    private readonly fs: FileSystem,
    private readonly host: HostEnvironment,
  ) {}

  /**
   * Loads `files` merged in order, with their includes. The includes are walked
   * with an explicit stack: a chain of 3,000 includes must not depend on the
   * JavaScript call stack.
   */
  loadLayer(files: readonly string[], env: ProjectEnvironment, stack: readonly string[], origin?: Origin): Map<string, ComposeService> {
    const frames: LayerFrame[] = [newFrame(files, env, stack, origin, undefined)];
    let finished: Map<string, ComposeService> = new Map();
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as LayerFrame;
      if (frame.waitingFor) {
        this.addIncluded(frame, frame.waitingFor, finished);
        frame.waitingFor = undefined;
      }
      if (!frame.model) {
        const file = frame.files[frame.fileIndex];
        if (file === undefined) {
          frames.pop();
          if (frame.memoKey !== undefined) this.layers.set(frame.memoKey, frame.services);
          finished = frame.services;
          continue;
        }
        frame.model = this.readModel(file, frame.env, frame.origin);
        frame.includeIndex = 0;
        if (!frame.model) {
          frame.fileIndex++;
          continue;
        }
      }
      const model = frame.model;
      const include = model.includes[frame.includeIndex];
      if (include) {
        frame.includeIndex++;
        const child = this.startInclude(frame, model.path, include);
        if (child) {
          frame.waitingFor = include;
          frames.push(child);
        }
        continue;
      }
      for (const definition of model.services.values()) {
        const resolved = this.resolveExtends(definition, frame.env);
        const existing = frame.services.get(definition.name);
        frame.services.set(definition.name, existing ? mergeServices(existing, resolved) : resolved);
      }
      frame.model = null;
      frame.fileIndex++;
    }
    return finished;
  }

  /** The frame that loads `include` of `file`, or undefined when it is not to be loaded (or already was). */
  private startInclude(frame: LayerFrame, file: string, include: IncludeRef): LayerFrame | undefined {
    const cyclic = include.paths.find((included) => included === file || frame.stack.includes(included));
    if (cyclic) {
      this.problem('compose/include', include.file, include.range, `${path.basename(cyclic)} includes itself (through this include).`);
      return undefined;
    }
    const firstPath = include.paths[0];
    if (firstPath === undefined) return undefined;
    const memoKey = include.paths.join('\n');
    const loaded = this.layers.get(memoKey);
    if (loaded) {
      this.addIncluded(frame, include, loaded);
      return undefined;
    }
    if (frame.stack.length + 1 >= MAX_INCLUDE_DEPTH) {
      this.problem(
        'compose/too-deep',
        include.file,
        include.range,
        `Includes nested deeper than ${MAX_INCLUDE_DEPTH} levels are not read (limit: ${MAX_INCLUDE_DEPTH} levels); services defined there are not checked.`,
      );
      return undefined;
    }
    const includeEnv = loadProjectEnvironment(this.fs, {
      host: this.host,
      projectDir: include.projectDirectory ?? path.dirname(firstPath),
      parent: frame.env,
      ...(include.envFiles ? { explicitEnvFiles: include.envFiles } : {}),
    });
    for (const problem of includeEnv.problems) this.problems.push(problem);
    return newFrame(include.paths, includeEnv, [...frame.stack, file], { file: include.file, range: include.range }, memoKey);
  }

  /** Adds the services of an included layer, reporting names defined on both sides. */
  private addIncluded(frame: LayerFrame, include: IncludeRef, services: ReadonlyMap<string, ComposeService>): void {
    const local = frame.model?.services;
    for (const [name, service] of services) {
      const own = local?.get(name);
      if (own || frame.services.has(name)) {
        this.problem(
          'compose/include',
          include.file,
          own ? own.keyRange : include.range,
          `Service "${name}" is defined both here and in the included ${path.basename(service.declarations[0]?.file ?? include.paths[0] ?? '')}; docker compose refuses such a conflict.`,
        );
      }
      frame.services.set(name, service);
    }
  }

  /**
   * The service with its `extends` chain applied. The chain is followed in a
   * loop, then folded from the deepest base up; results are remembered so a
   * chain of 20,000 services is resolved once, not once per service.
   */
  private resolveExtends(definition: ServiceDefinition, env: ProjectEnvironment): ComposeService {
    const chain: ServiceDefinition[] = [definition];
    const keys = new Set<string>([serviceKey(definition.file, definition.name)]);
    let base: { service: ComposeService; depth: number } | undefined;
    // Broken chains (cycles, missing bases) are not remembered: each service using one reports it, as before.
    let remember = true;
    let current = definition;
    let currentEnv = env;
    while (current.extends) {
      const ref = current.extends;
      const targetFile = ref.fromFile ?? current.file;
      const targetKey = serviceKey(targetFile, ref.service);
      const known = this.resolved.get(targetKey);
      if (known && chain.length + known.depth <= MAX_EXTENDS_DEPTH) {
        base = known;
        break;
      }
      if (keys.has(targetKey)) {
        this.problem('compose/extends', current.file, ref.range, `Service "${current.name}" extends itself (through "${ref.service}").`);
        remember = false;
        break;
      }
      if (chain.length >= MAX_EXTENDS_DEPTH) {
        // Cut short: what this service gets depends on where it starts, so it is not remembered.
        remember = false;
        if (!this.extendsLimitReported) {
          this.extendsLimitReported = true;
          this.problem(
            'compose/too-deep',
            current.file,
            ref.range,
            `An extends chain longer than ${MAX_EXTENDS_DEPTH} services is not followed further (limit: ${MAX_EXTENDS_DEPTH} services).`,
          );
        }
        break;
      }
      const targetEnv = this.envByFile.get(targetFile) ?? currentEnv;
      const model = this.readModel(targetFile, targetEnv, { file: current.file, range: ref.range });
      const next = model?.services.get(ref.service);
      if (!model || !next) {
        if (model) {
          this.problem(
            'compose/extends',
            current.file,
            ref.range,
            `Service "${current.name}" extends "${ref.service}", which ${path.basename(targetFile)} does not define.`,
          );
        }
        remember = false;
        break;
      }
      chain.push(next);
      keys.add(targetKey);
      current = next;
      currentEnv = this.envByFile.get(targetFile) ?? currentEnv;
    }
    let result = base?.service;
    for (let i = chain.length - 1; i >= 0; i--) {
      const link = chain[i] as ServiceDefinition;
      const own = serviceFromDefinition(link);
      result = result ? mergeServices(asExtendedBase(result), own) : own;
      if (remember) this.resolved.set(serviceKey(link.file, link.name), { service: result, depth: chain.length - i + (base?.depth ?? 0) });
    }
    return result ?? serviceFromDefinition(definition);
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
      this.problem(text === undefined ? 'compose/file-missing' : 'compose/file-unreadable', at.file, at.range, message);
      return null;
    }
    const model = parseComposeFile(file, text, env);
    this.models.set(file, model);
    this.envByFile.set(file, env);
    for (const problem of model.problems) this.problems.push(problem);
    return model;
  }

  private problem(code: Code, file: string, range: TextRange, message: string): void {
    this.problems.push({ code, severity: severityOf(code), message, file, range });
  }
}

function newFrame(
  files: readonly string[],
  env: ProjectEnvironment,
  stack: readonly string[],
  origin: Origin | undefined,
  memoKey: string | undefined,
): LayerFrame {
  return { files, env, stack, origin, memoKey, fileIndex: 0, model: null, includeIndex: 0, waitingFor: undefined, services: new Map() };
}

const serviceKey = (file: string, service: string): string => `${file}#${service}`;
