/**
 * The compose environment check: for a configuration that reads variables with
 * `sys.env("NAME")`, find the compose project and the service that runs Alloy,
 * tell for each variable whether the container gets it, and report findings.
 */
import * as path from 'node:path';
import { uniqueFindings, type FileEdit, type Finding } from '../syntax/diagnostic';
import {
  envFileTemplateNote,
  missingVariableFix,
  problemFinding,
  serviceAnchor,
  unusedFinding,
  usageFinding,
  type EnvUsage,
  type FindingContext,
} from './composeFindings';
import type { ComposeProblem, ComposeService, EnvFileRef } from './composeModel';
import { loadComposeProject } from './composeProject';
import { discoverComposeFiles, findRepositoryRoot } from './discovery';
import { resolveServiceEnvironment, type VariableStatus } from './envResolution';
import type { FileSystem } from './fileSystem';
import { displayPath } from './paths';
import { loadProjectEnvironment, type HostEnvironment } from './projectEnvironment';
import { alloyServiceFacts, selectAlloyService, type AlloyServiceFacts, type SelectionReason } from './serviceSelection';
import { stabilityLevelEdit } from './stabilityFlagFix';
import { severityOf } from '../codes';

export interface CheckComposeEnvironmentOptions {
  /** The `.alloy` files of one configuration (absolute paths). */
  configFiles: string[];
  /** Every `sys.env("NAME")` / `env("NAME")` of the configuration. */
  usages: EnvUsage[];
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

/** One variable the configuration reads: how the container gets it. Never its value. */
export interface EnvReportVariable {
  name: string;
  status: VariableStatus;
  /** Where it is set, e.g. `docker-compose.base.yml:14` (the environment entry or env_file line). */
  source: string | null;
  /** How it reaches the container. */
  via: 'environment' | 'env_file' | 'runtime' | null;
  /** For `host`: compose refuses to start when the host does not set it. */
  requiredByCompose?: boolean;
  /** For `host`: a default from the compose file applies when the host does not set it. */
  hasDefault?: boolean;
}

export interface EnvReport {
  service: string;
  /** Why this service: `mount`, `image`, `build` or `configured`. */
  reason: SelectionReason;
  explanation: string;
  /** The compose files, in merge order, relative to the report root. */
  composeFiles: string[];
  variables: EnvReportVariable[];
}

export interface ComposeEnvironmentCheck {
  /** The first report of `reports` (compatibility); null when no compose file applies (none found, or no service runs Alloy). */
  env: EnvReport | null;
  /**
   * One report per compose project whose service runs the configuration: the
   * default project (main file + override) first, then files Compose runs
   * alone (`docker-compose.test.yml`, …).
   */
  reports: EnvReport[];
  /** Findings of every project, without duplicates. */
  findings: Finding[];
  /** The services that run Alloy with this configuration, as the self-monitoring checks need them. */
  hosts: AlloyServiceFacts[];
  /** The Alloy service's image and command (the version and `--stability.level` it runs). */
  alloy?: AlloyRunning;
}

/** The Alloy service's image and command, and how to set its `--stability.level`. */
export interface AlloyRunning {
  image: string | null;
  command: string[] | null;
  /** An edit setting `--stability.level` in the service's command, when it can be made safely. */
  stabilityFix: (level: string) => FileEdit | null;
}

/** What one compose project says about the configuration. */
interface ProjectCheck {
  report: EnvReport | null;
  findings: Finding[];
  host: AlloyServiceFacts | null;
  alloy?: AlloyRunning;
}

/** Runs the compose environment check for one configuration. */
export function checkComposeEnvironment(options: CheckComposeEnvironmentOptions): ComposeEnvironmentCheck {
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
  if (projects.length === 0 || projectDir === null) return { env: null, reports: [], findings: [], hosts: [] };

  const root = options.rootDir ? path.resolve(options.rootDir) : (repositoryRoot ?? projectDir);
  const checks = projects.map((files) => checkProject(options, files, projectDir ?? startDir, root, envFiles));
  // A configuration no service runs: the default project's problems still show.
  const running = checks.filter((check) => check.report !== null);
  const chosen = running.length > 0 ? running : checks.slice(0, 1);
  const reports = running.flatMap((check) => (check.report ? [check.report] : []));
  return {
    env: reports[0] ?? null,
    reports,
    findings: uniqueFindings(chosen.flatMap((check) => check.findings)),
    hosts: running.flatMap((check) => (check.host ? [check.host] : [])),
    ...(running[0]?.alloy ? { alloy: running[0].alloy } : {}),
  };
}

/** The check against one compose project (files merged in order). */
function checkProject(options: CheckComposeEnvironmentOptions, composeFiles: string[], projectDir: string, root: string, envFiles: string[] | undefined): ProjectCheck {
  const { fs, hostEnv } = options;
  const show = (file: string): string => displayPath(root, file);
  const project = loadComposeProject({
    composeFiles,
    fs,
    hostEnv,
    projectDir,
    ...(envFiles ? { envFiles } : {}),
  });
  const configFiles = options.configFiles.map((file) => path.resolve(file));
  const selection = selectAlloyService(project, configFiles, {
    root,
    ...(options.serviceName !== undefined ? { serviceName: options.serviceName } : {}),
  });
  const problems: ComposeProblem[] = [...project.problems];
  const service = selection.service;
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
    return { report: null, findings: uniqueFindings(problems).map(problemFinding), host: null };
  }

  const names = options.usages.map((usage) => usage.name);
  const resolution = resolveServiceEnvironment(project, service, names, fs);
  problems.push(...withTemplateNotes(resolution.problems, resolution.missingEnvFiles, names, fs, show));
  const byName = new Map(resolution.variables.map((variable) => [variable.name, variable]));
  const anchor = serviceAnchor(service);
  const findings: Finding[] = uniqueFindings(problems).map(problemFinding);
  if (anchor) {
    const context: FindingContext = { service, anchor, explanation: selection.explanation, show };
    const fixes = new Map<string, ReturnType<typeof missingVariableFix>>();
    let serviceShown = false;
    for (const usage of options.usages) {
      const variable = byName.get(usage.name);
      if (!variable) continue;
      if (variable.status === 'missing' && !fixes.has(usage.name)) {
        fixes.set(usage.name, missingVariableFix(usage.name, service, project, fs, show));
      }
      const fix = variable.status === 'missing' ? (fixes.get(usage.name) ?? null) : null;
      // Which service runs Alloy is said once, on the first finding, not repeated on every one.
      const finding = usageFinding(usage, variable, fix ? { ...context, anchor: fix.target } : context, fix?.fix ?? null, !serviceShown);
      if (finding) {
        findings.push(finding);
        serviceShown = true;
      }
    }
    for (const entry of resolution.unused) findings.push(unusedFinding(entry, context));
  }

  return {
    report: {
      service: service.name,
      reason: selection.reason ?? 'configured',
      explanation: selection.explanation,
      composeFiles: composeFiles.map(show),
      variables: resolution.variables.map((variable) => ({
        name: variable.name,
        status: variable.status,
        source: variable.location ? `${show(variable.location.file)}:${variable.location.line}` : null,
        via: variable.via,
        ...(variable.status === 'host' ? { requiredByCompose: variable.requiredByCompose, hasDefault: variable.hasDefault } : {}),
      })),
    },
    findings,
    host: alloyServiceFacts(service),
    alloy: { image: service.image?.name ?? null, command: service.command, stabilityFix: (level: string) => stabilityFixFor(service, fs, level) },
  };
}

/** The `compose/env-file-missing` problems, each told about the template committed beside the missing file. */
function withTemplateNotes(problems: readonly ComposeProblem[], missing: readonly EnvFileRef[], names: readonly string[], fs: FileSystem, show: (file: string) => string): ComposeProblem[] {
  return problems.map((problem) => {
    if (problem.code !== 'compose/env-file-missing') return problem;
    const ref = missing.find((r) => r.file === problem.file && r.range.start === problem.range.start && r.range.end === problem.range.end);
    const note = ref?.path ? envFileTemplateNote(ref.path, names, fs, show) : null;
    return note ? { ...problem, message: `${problem.message} ${note}` } : problem;
  });
}

/**
 * `COMPOSE_FILE` (host environment first, then the project `.env`) lists the
 * compose files the way `docker compose` would pick them, separated by
 * `COMPOSE_PATH_SEPARATOR` (default: the platform's path list separator).
 */
function composeFileVariable(
  projectDir: string,
  hostEnv: HostEnvironment,
  fs: FileSystem,
  envFiles: string[] | undefined,
): string[] | null {
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

/** The edit setting `--stability.level` where the service's command is written (the last file that sets it). */
function stabilityFixFor(service: ComposeService, fs: FileSystem, level: string): FileEdit | null {
  const declaration = [...service.extended, ...service.declarations].filter((d) => d.command !== null).pop();
  if (!declaration) return null;
  const text = fs.readFile(declaration.file);
  if (typeof text !== 'string') return null;
  return stabilityLevelEdit(declaration.file, text, declaration.name, level);
}
