/**
 * What the Alloy container gets for each variable the configuration reads.
 * Precedence follows Compose: `environment` over `env_file` (later files over
 * earlier ones); Docker itself sets HOSTNAME, HOME and PATH. The project `.env`
 * only fills in `${VAR}` in compose files and never reaches the container alone.
 *
 * Values are computed to tell empty from non-empty and are then dropped: the
 * results say only where a value comes from.
 */
import * as path from 'node:path';
import type { ComposeProblem, ComposeService, EnvFileRef, EnvironmentEntry, SourceLocation } from './composeModel';
import type { ComposeProject } from './composeProject';
import { parseDotEnv, type DotEnvEntry } from './dotenv';
import { isReadError, type FileSystem } from './fileSystem';
import { interpolate, type VariableReference } from './interpolation';
import { RUNTIME_VARIABLES, isReadImplicitly } from './knownVariables';
import type { ProjectEnvironment } from './projectEnvironment';
import { severityOf } from '../codes';

/**
 * `unknown`: the service has a required env_file that does not exist (compose
 * refuses to start), so what the container would get cannot be told.
 */
export type VariableStatus = 'provided' | 'empty' | 'host' | 'missing' | 'unknown';

/** How one variable reaches (or fails to reach) the container. Holds no value. */
export interface VariableResolution {
  name: string;
  status: VariableStatus;
  /** How the container gets it: an `environment` entry, an env_file line, Docker itself, or not at all. */
  via: 'environment' | 'env_file' | 'runtime' | null;
  /** The `environment` entry or env_file line that sets it (for `unknown`: the missing env_file entry); null for `runtime` and `missing`. */
  location: SourceLocation | null;
  /** The project `.env` line that fills in the value, when one does. */
  dotEnv: SourceLocation | null;
  /** For `host`: the host variables the value is taken from at `docker compose up` time. */
  hostVariables: string[];
  /** For `host`: compose refuses to start when the host does not set them (`${VAR:?}`, `${VAR?}`). */
  requiredByCompose: boolean;
  /** For `host`: a default applies when the host does not set them (`${VAR:-x}`, `${VAR-x}`). */
  hasDefault: boolean;
  /** For `missing`: other services whose `environment` sets it. */
  otherServices: string[];
  /** For `missing`: whether the project `.env` defines it (which fills in compose files only). */
  inDotEnv: boolean;
  /** For `runtime`: who sets it. */
  runtimeNote: string | null;
}

export interface EnvironmentResolution {
  variables: VariableResolution[];
  /** `environment` entries of the service that no given name reads (names Alloy reads implicitly excluded). */
  unused: EnvironmentEntry[];
  /** Problems met on the way: missing or unreadable env files, invalid interpolation. */
  problems: ComposeProblem[];
  /** Required env files of the service that do not exist (compose refuses to start). */
  missingEnvFiles: EnvFileRef[];
}

/** Where one variable is set for the service: an `environment` entry or an env_file line. */
export type Definition =
  | { via: 'environment'; entry: EnvironmentEntry }
  | { via: 'env_file'; key: string; ref: EnvFileRef; file: string; entry: DotEnvEntry; earlier: KeysBefore };

type EnvFileDefinition = Extract<Definition, { via: 'env_file' }>;

/**
 * Where the service's variables are set, whatever the configuration reads:
 * its env_files (read and parsed) and its `environment`. The compose check
 * keeps it with the project and resolves each analysis's names against it.
 */
export interface ServiceEnvironment {
  /** The definition that wins for each key: `environment` over env_files, later files over earlier ones. */
  definitions: ReadonlyMap<string, Definition>;
  /** Missing or unreadable env_files, and their parse problems. */
  problems: readonly ComposeProblem[];
  /** Required env files of the service that do not exist (compose refuses to start). */
  missingEnvFiles: readonly EnvFileRef[];
}

/** Reads the env_files of `service` and collects where each variable is set. */
export function readServiceEnvironment(project: ComposeProject, service: ComposeService, fs: FileSystem): ServiceEnvironment {
  const problems: ComposeProblem[] = [];
  const definitions = new Map<string, Definition>();
  const missingEnvFiles: EnvFileRef[] = [];
  for (const ref of service.envFiles) {
    const read = readEnvFile(ref, project.envOf(ref.file), fs, problems);
    if (read === null) missingEnvFiles.push(ref);
    for (const definition of read ?? []) definitions.set(definition.key, definition);
  }
  for (const entry of service.environment.values()) definitions.set(entry.name, { via: 'environment', entry });
  return { definitions, problems, missingEnvFiles };
}

/** Resolves `names` (the variables the configuration reads) for `service`. */
export function resolveServiceEnvironment(
  project: ComposeProject,
  service: ComposeService,
  names: readonly string[],
  fs: FileSystem,
): EnvironmentResolution {
  return resolveNames(project, service, readServiceEnvironment(project, service, fs), names);
}

/**
 * Resolves `names` against the service's environment already read: no file
 * is read, so a kept `environment` serves every analysis of the configuration.
 */
export function resolveNames(project: ComposeProject, service: ComposeService, environment: ServiceEnvironment, names: readonly string[]): EnvironmentResolution {
  // The env_file problems first, then those of the values read: the order findings have always had.
  const problems: ComposeProblem[] = [...environment.problems];
  const { definitions, missingEnvFiles } = environment;
  const reported = new Set<string>();
  const variables = [...new Set(names)].map((name) =>
    resolveOne(name, definitions.get(name), project, service, problems, reported, missingEnvFiles.at(-1)),
  );
  const read = new Set(names);
  const unused = [...service.environment.values()].filter((entry) => !read.has(entry.name) && !isReadImplicitly(entry.name));
  return { variables, unused, problems, missingEnvFiles: [...missingEnvFiles] };
}

function resolveOne(
  name: string,
  definition: Definition | undefined,
  project: ComposeProject,
  service: ComposeService,
  problems: ComposeProblem[],
  reported: Set<string>,
  missingEnvFile: EnvFileRef | undefined,
): VariableResolution {
  const base: VariableResolution = {
    name,
    status: 'missing',
    via: null,
    location: null,
    dotEnv: null,
    hostVariables: [],
    requiredByCompose: false,
    hasDefault: false,
    otherServices: [],
    inDotEnv: project.env.variables.has(name),
    runtimeNote: null,
  };
  if (!definition) {
    const runtimeNote = RUNTIME_VARIABLES.get(name);
    if (runtimeNote !== undefined) return { ...base, status: 'provided', via: 'runtime', runtimeNote };
    // The missing env_file may well set it: the real problem is the file, reported once.
    if (missingEnvFile) return { ...base, status: 'unknown', via: 'env_file', location: { file: missingEnvFile.file, range: missingEnvFile.range, line: missingEnvFile.line } };
    const otherServices = [...project.services.values()]
      .filter((other) => other.name !== service.name && other.environment.has(name))
      .map((other) => other.name);
    return { ...base, otherServices };
  }

  if (definition.via === 'environment') {
    const { entry } = definition;
    const env = project.envOf(entry.file);
    const location: SourceLocation = { file: entry.file, range: entry.range, line: entry.line };
    if (entry.raw === null) return inherited({ ...base, via: 'environment', location }, name, env);
    const result = interpolate(entry.raw, env.lookup);
    const key = `${entry.file}:${entry.range.start}`;
    if (!reported.has(key)) {
      reported.add(key);
      for (const error of result.errors) {
        const hostDependent = error.name !== undefined && !env.variables.has(error.name);
        if (error.kind === 'required' && hostDependent) continue; // reported as status `host`
        problems.push({
          code: error.kind === 'required' ? 'compose/required-variable' : 'compose/interpolation',
          severity: severityOf(error.kind === 'required' ? 'compose/required-variable' : 'compose/interpolation'),
          message:
            error.kind === 'required'
              ? `The value of ${entry.name} requires ${error.name ?? 'a variable'}, which the project env file sets empty; docker compose refuses to start.`
              : `The value of ${entry.name}: ${error.message}.`,
          file: entry.file,
          range: entry.range,
        });
      }
    }
    return classify({ ...base, via: 'environment', location }, result.references, new Set(), env, result.value === '');
  }

  const { entry, file } = definition;
  const env = project.envOf(definition.ref.file);
  const location: SourceLocation = { file, range: entry.range, line: entry.line };
  if (entry.inherited) return inherited({ ...base, via: 'env_file', location }, entry.key, env);
  return classify({ ...base, via: 'env_file', location }, entry.references, definition.earlier, env, entry.value === '');
}

/** A bare `KEY`: filled from the project env files when they set it, else from the host. */
function inherited(base: VariableResolution, key: string, env: ProjectEnvironment): VariableResolution {
  const fromDotEnv = env.variables.get(key);
  if (fromDotEnv) {
    const value = env.lookup(key) ?? '';
    return { ...base, status: value === '' ? 'empty' : 'provided', dotEnv: locationOf(fromDotEnv) };
  }
  return { ...base, status: 'host', hostVariables: [key] };
}

function classify(
  base: VariableResolution,
  references: readonly VariableReference[],
  earlier: KeysBefore,
  env: ProjectEnvironment,
  isEmpty: boolean,
): VariableResolution {
  const hostReferences = references.filter((ref) => !env.variables.has(ref.name) && !earlier.has(ref.name));
  const dotEnvReference = references.map((ref) => env.variables.get(ref.name)).find((variable) => variable !== undefined);
  const dotEnv = dotEnvReference ? locationOf(dotEnvReference) : null;
  if (hostReferences.length === 0) return { ...base, status: isEmpty ? 'empty' : 'provided', dotEnv };
  return {
    ...base,
    status: 'host',
    dotEnv,
    hostVariables: [...new Set(hostReferences.map((ref) => ref.name))],
    requiredByCompose: hostReferences.some((ref) => ref.operator === ':?' || ref.operator === '?'),
    hasDefault: hostReferences.some((ref) => ref.operator === ':-' || ref.operator === '-'),
  };
}

function locationOf(variable: { file: string; range: SourceLocation['range']; line: number }): SourceLocation {
  return { file: variable.file, range: variable.range, line: variable.line };
}

/**
 * "NAME does not exist" for an env_file: a path built from variables (`${DIR}/app.env`)
 * as written, never expanded (the variable may hold a secret); a plain one as
 * its name and resolved path.
 */
function envFileMissing(ref: EnvFileRef, resolved: string): string {
  return ref.written.includes('$') ? `${ref.written} does not exist` : `${path.basename(resolved)} does not exist (${resolved})`;
}

/**
 * Reads one env_file of the service; reports it when compose would refuse it.
 * Null when it is required and does not exist.
 */
function readEnvFile(ref: EnvFileRef, env: ProjectEnvironment, fs: FileSystem, problems: ComposeProblem[]): EnvFileDefinition[] | null {
  const at = { file: ref.file, range: ref.range };
  if (ref.path === null) {
    if (ref.required) {
      problems.push({
        code: 'compose/env-file-missing',
        severity: severityOf('compose/env-file-missing'),
        message: 'This env_file starts with ~, but no home directory is known, so it cannot be found.',
        ...at,
      });
    }
    return ref.required ? null : [];
  }
  const text = fs.readFile(ref.path);
  if (text === undefined) {
    if (ref.required) {
      problems.push({
        code: 'compose/env-file-missing',
        severity: severityOf('compose/env-file-missing'),
        message: `The env_file ${envFileMissing(ref, ref.path)}; docker compose refuses to start without it. Create it, or mark it \`required: false\`.`,
        ...at,
      });
    }
    return ref.required ? null : [];
  }
  if (isReadError(text)) {
    // The reader's message names the resolved path; a path built from variables is shown as written.
    const reason = ref.written.includes('$') ? text.error.split(ref.path).join(ref.written) : text.error;
    problems.push({ code: 'compose/env-file-unreadable', severity: severityOf('compose/env-file-unreadable'), message: `The env_file cannot be read: ${reason}`, ...at });
    return [];
  }
  const parsed = parseDotEnv(text, env.lookup);
  for (const problem of parsed.problems) {
    problems.push({
      code: 'compose/dotenv',
      severity: severityOf('compose/dotenv'),
      message: `${ref.written.includes('$') ? ref.written : path.basename(ref.path)}:${problem.line}: ${problem.message}`,
      file: ref.path,
      range: problem.range,
    });
  }
  // Where each key first appears: "set earlier in the file" is then one lookup, not a copied set per line.
  const file = ref.path;
  const firstIndex = new Map<string, number>();
  parsed.entries.forEach((entry, i) => {
    if (!firstIndex.has(entry.key)) firstIndex.set(entry.key, i);
  });
  return parsed.entries.map((entry, i) => ({
    via: 'env_file' as const,
    key: entry.key,
    ref,
    file,
    entry,
    earlier: { has: (name: string) => (firstIndex.get(name) ?? i) < i },
  }));
}

/** The keys set on earlier lines of the same env file. */
interface KeysBefore {
  has(name: string): boolean;
}
