/**
 * The compose environment check: for a configuration that reads variables with
 * `sys.env("NAME")`, find the compose project and the service that runs Alloy,
 * tell for each variable whether the container gets it, and report findings.
 */
import type { FileEdit, Finding } from '../syntax/diagnostic';
import { uniqueFindings } from '../syntax/diagnostic';
import { problemFinding, serviceAnchor, templateNote, unusedFinding, usageFinding, type EnvUsage, type FindingContext } from './composeFindings';
import type { ComposeProblem, ComposeService, EnvFileRef } from './composeModel';
import { loadComposeSetup, type ComposeSetupCache, type ComposeSetupOptions, type MissingVariableFix, type ProjectSetup } from './composeSetup';
import { resolveNames, type VariableStatus } from './envResolution';
import type { FileSystem } from './fileSystem';
import { alloyServiceFacts, type AlloyServiceFacts, type SelectionReason } from './serviceSelection';
import { stabilityLevelEdit } from './stabilityFlagFix';

export interface CheckComposeEnvironmentOptions extends ComposeSetupOptions {
  /** Every `sys.env("NAME")` / `env("NAME")` of the configuration. */
  usages: EnvUsage[];
  /** Where compose setups are kept between checks; without it, every check loads its own. */
  setups?: ComposeSetupCache;
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

/**
 * Runs the compose environment check for one configuration: the compose
 * setup (kept by `options.setups` while its files are unchanged, else loaded),
 * then what it says about each variable the configuration reads.
 */
export function checkComposeEnvironment(options: CheckComposeEnvironmentOptions): ComposeEnvironmentCheck {
  const setup = options.setups ? options.setups.get(options, (fs) => loadComposeSetup({ ...options, fs })) : loadComposeSetup(options);
  if (setup.projects.length === 0) return { env: null, reports: [], findings: [], hosts: [] };
  const checks = setup.projects.map((project) => checkProject(project, options.usages, options.fs));
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

/** The check against one compose project: its setup, and the variables the configuration reads. */
function checkProject(setup: ProjectSetup, usages: readonly EnvUsage[], fs: FileSystem): ProjectCheck {
  const { project, selection, show, composeFiles } = setup;
  const service = selection.service;
  if (!service || !setup.environment) return { report: null, findings: uniqueFindings(setup.problems).map(problemFinding), host: null };

  const names = usages.map((usage) => usage.name);
  const resolution = resolveNames(project, service, setup.environment, names);
  const problems: ComposeProblem[] = [...setup.problems, ...withTemplateNotes(resolution.problems, resolution.missingEnvFiles, names, setup, show)];
  const byName = new Map(resolution.variables.map((variable) => [variable.name, variable]));
  const anchor = serviceAnchor(service);
  const findings: Finding[] = uniqueFindings(problems).map(problemFinding);
  if (anchor) {
    const context: FindingContext = { service, anchor, explanation: selection.explanation, show };
    const fixes = new Map<string, MissingVariableFix>();
    let serviceShown = false;
    for (const usage of usages) {
      const variable = byName.get(usage.name);
      if (!variable) continue;
      if (variable.status === 'missing' && !fixes.has(usage.name)) fixes.set(usage.name, setup.missingFix(usage.name));
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
function withTemplateNotes(
  problems: readonly ComposeProblem[],
  missing: readonly EnvFileRef[],
  names: readonly string[],
  setup: ProjectSetup,
  show: (file: string) => string,
): ComposeProblem[] {
  return problems.map((problem) => {
    if (problem.code !== 'compose/env-file-missing') return problem;
    const ref = missing.find((r) => r.file === problem.file && r.range.start === problem.range.start && r.range.end === problem.range.end);
    const template = ref?.path ? setup.templates.get(ref.path) : undefined;
    const note = template ? templateNote(template, names, show) : null;
    return note ? { ...problem, message: `${problem.message} ${note}` } : problem;
  });
}

/** The edit setting `--stability.level` where the service's command is written (the last file that sets it). */
function stabilityFixFor(service: ComposeService, fs: FileSystem, level: string): FileEdit | null {
  const declaration = [...service.extended, ...service.declarations].filter((d) => d.command !== null).pop();
  if (!declaration) return null;
  const text = fs.readFile(declaration.file);
  if (typeof text !== 'string') return null;
  return stabilityLevelEdit(declaration.file, text, declaration.name, level);
}
