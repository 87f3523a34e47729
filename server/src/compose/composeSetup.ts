/**
 * The part of the compose check that does not depend on the configuration's
 * text: which compose projects may run it (discovery, `COMPOSE_FILE`), each
 * loaded (compose files, `.env`, includes, extends), the service that runs
 * Alloy chosen, its env_files read, and the files its fixes would extend.
 * Every keystroke in a configuration asks the same question of the same
 * files, so an editor keeps the answer (`ComposeSetupCache`) while every file
 * and folder it read is unchanged; the variables the configuration reads are
 * resolved against it on every analysis, without reading a file.
 */
import * as path from 'node:path';
import type { FileEdit, Fix } from '../syntax/diagnostic';
import { envExamplePaths, findEnvFileTemplate, missingVariableFix, type EnvFileTemplate } from './composeFindings';
import type { ComposeProblem } from './composeModel';
import { loadComposeProject, type ComposeProject } from './composeProject';
import { discoverComposeFiles, findRepositoryRoot } from './discovery';
import { readServiceEnvironment, type ServiceEnvironment } from './envResolution';
import type { FileSystem } from './fileSystem';
import { displayPath } from './paths';
import { loadProjectEnvironment, type HostEnvironment } from './projectEnvironment';
import { selectAlloyService, type ServiceSelection } from './serviceSelection';
import { severityOf } from '../codes';

/** What decides the compose setup of a configuration (everything but what its text reads). */
export interface ComposeSetupOptions {
  /** The `.alloy` files of one configuration (absolute paths). */
  configFiles: string[];
  fs: FileSystem;
  /** The environment of the process that will run `docker compose` (injected, never `process.env` here). */
  hostEnv: HostEnvironment;
  /** Compose files given explicitly (`-f`), in merge order; they replace discovery. */
  composeFiles?: string[];
  /** `--env-file` paths; they replace the project `.env`. */
  envFiles?: string[];
  /** The service that runs Alloy; overrides the selection rules. */
  serviceName?: string;
  /** Report paths are relative to this; defaults to the repository root, else the compose directory. */
  rootDir?: string;
}

/** The `env/missing` fix of one variable, and the declaration it edits. */
export type MissingVariableFix = ReturnType<typeof missingVariableFix>;

/** One compose project that may run the configuration, loaded, with its Alloy service chosen. */
export interface ProjectSetup {
  /** The project's compose files, in merge order (absolute paths). */
  composeFiles: string[];
  project: ComposeProject;
  selection: ServiceSelection;
  /** Problems whatever the configuration reads: the project's own, and a configured service it does not define. */
  problems: ComposeProblem[];
  /** Where the chosen service's variables are set; null when no service runs the configuration. */
  environment: ServiceEnvironment | null;
  /** The template beside each of the service's missing env_files (by path), or null when there is none. */
  templates: ReadonlyMap<string, EnvFileTemplate | null>;
  /** The `env/missing` fix for a variable: a new copy on each call, built once per name. */
  missingFix(name: string): MissingVariableFix;
  /** A path as reports show it (relative to the report root). */
  show(file: string): string;
}

/** Every compose project that may run a configuration; none when no compose file applies. */
export interface ComposeSetup {
  projects: ProjectSetup[];
}

/**
 * Keeps compose setups between checks. Whoever implements it knows when the
 * files a setup read have changed (the language service stamps them).
 */
export interface ComposeSetupCache {
  /** The setup for `options`: a kept one while still valid, else `load(fs)`, reading through the `fs` given. */
  get(options: ComposeSetupOptions, load: (fs: FileSystem) => ComposeSetup): ComposeSetup;
}

/**
 * The options that decide a setup, as a string: equal keys and unchanged
 * files give the same setup. The host environment is not in it (its values
 * must not be copied around): a cache tells host environments apart itself.
 */
export function composeSetupKey(options: ComposeSetupOptions): string {
  return JSON.stringify([options.configFiles, options.composeFiles ?? null, options.envFiles ?? null, options.serviceName ?? null, options.rootDir ?? null]);
}

/** Finds and loads the compose projects of a configuration, reading through `options.fs`. */
export function loadComposeSetup(options: ComposeSetupOptions): ComposeSetup {
  const { fs } = options;
  const firstConfig = options.configFiles[0];
  const startDir = firstConfig !== undefined ? path.dirname(path.resolve(firstConfig)) : path.resolve(options.rootDir ?? '.');

  // Relative paths given as options are relative to rootDir, else to the configuration's directory.
  const base = options.rootDir ? path.resolve(options.rootDir) : startDir;
  const envFiles = options.envFiles?.map((file) => path.resolve(base, file));
  let projects: string[][];
  let projectDir: string | null;
  let repositoryRoot: string | null;
  if (options.composeFiles && options.composeFiles.length > 0) {
    const files = options.composeFiles.map((file) => path.resolve(base, file));
    projects = [files];
    projectDir = path.dirname(files[0] ?? startDir);
    repositoryRoot = findRepositoryRoot(projectDir, fs);
  } else {
    const discovery = discoverComposeFiles(startDir, fs);
    projectDir = discovery.projectDir;
    repositoryRoot = discovery.repositoryRoot;
    const listed = projectDir ? composeFileVariable(projectDir, options.hostEnv, fs, envFiles) : null;
    // An explicit COMPOSE_FILE list is the one project `docker compose` runs there.
    projects = listed ? [listed] : discovery.projects;
  }
  if (projects.length === 0 || projectDir === null) return { projects: [] };
  const root = options.rootDir ? path.resolve(options.rootDir) : (repositoryRoot ?? projectDir);
  const dir = projectDir;
  return { projects: projects.map((files) => loadProjectSetup(options, files, dir, root, envFiles)) };
}

/** One compose project (files merged in order), its Alloy service and what that service reads. */
function loadProjectSetup(options: ComposeSetupOptions, composeFiles: string[], projectDir: string, root: string, envFiles: string[] | undefined): ProjectSetup {
  const { fs, hostEnv } = options;
  const show = (file: string): string => displayPath(root, file);
  const project = loadComposeProject({ composeFiles, fs, hostEnv, projectDir, ...(envFiles ? { envFiles } : {}) });
  const configFiles = options.configFiles.map((file) => path.resolve(file));
  const selection = selectAlloyService(project, configFiles, {
    root,
    ...(options.serviceName !== undefined ? { serviceName: options.serviceName } : {}),
  });
  const problems: ComposeProblem[] = [...project.problems];
  const service = selection.service;
  const templates = new Map<string, EnvFileTemplate | null>();
  if (!service) {
    if (options.serviceName !== undefined) {
      const first = project.files.get(composeFiles[0] ?? '');
      problems.push({
        code: 'compose/service-not-found',
        severity: severityOf('compose/service-not-found'),
        message: `The configured Alloy service "${options.serviceName}" is not defined in ${composeFiles.map(show).join(', ')}.`,
        file: composeFiles[0] ?? '',
        range: first?.servicesKeyRange ?? { start: 0, end: 0 },
      });
    }
    return { composeFiles, project, selection, problems, environment: null, templates, missingFix: () => null, show };
  }

  const environment = readServiceEnvironment(project, service, fs);
  for (const ref of environment.missingEnvFiles) {
    if (ref.path !== null && !templates.has(ref.path)) templates.set(ref.path, findEnvFileTemplate(ref.path, fs));
  }
  // Read now, with the rest: a fix made on a later keystroke must not read a file this setup does not depend on.
  const examples = new Map<string, string | undefined>();
  for (const file of envExamplePaths(service)) {
    const text = fs.readFile(file);
    examples.set(file, typeof text === 'string' ? text : undefined);
  }
  const fixes = new Map<string, MissingVariableFix>();
  const missingFix = (name: string): MissingVariableFix => {
    let made = fixes.get(name);
    if (made === undefined) {
      // Each fix parses the compose file: made once per name, not once per keystroke.
      made = missingVariableFix(name, service, project, (file) => examples.get(file), show);
      fixes.set(name, made);
    }
    return made && { fix: copyFix(made.fix), target: made.target };
  };
  return { composeFiles, project, selection, problems, environment, templates, missingFix, show };
}

/** A fix no earlier analysis holds: edits may be adjusted in place by whoever applies them. */
function copyFix(fix: Fix): Fix {
  return { ...fix, edits: fix.edits.map((edit): FileEdit => ({ ...edit, range: { ...edit.range } })) };
}

/**
 * `COMPOSE_FILE` (host environment first, then the project `.env`) lists the
 * compose files the way `docker compose` would pick them, separated by
 * `COMPOSE_PATH_SEPARATOR` (default: the platform's path list separator).
 */
function composeFileVariable(projectDir: string, hostEnv: HostEnvironment, fs: FileSystem, envFiles: string[] | undefined): string[] | null {
  let value = hostEnv['COMPOSE_FILE'];
  let separator = hostEnv['COMPOSE_PATH_SEPARATOR'];
  if (value === undefined) {
    const env = loadProjectEnvironment(fs, { host: hostEnv, projectDir, ...(envFiles ? { explicitEnvFiles: envFiles } : {}) });
    value = env.variables.get('COMPOSE_FILE')?.value;
    separator ??= env.variables.get('COMPOSE_PATH_SEPARATOR')?.value;
  }
  if (value === undefined || value.trim() === '') return null;
  const files = value
    .split(separator || path.delimiter)
    .map((file) => file.trim())
    .filter((file) => file !== '')
    .map((file) => path.resolve(projectDir, file));
  return files.length > 0 ? files : null;
}
