/**
 * The language service: the one entry point the language server, the CLI and
 * the client's commands call, so that they report identical findings.
 */
import type { Finding } from './syntax/diagnostic';
import { parse } from './syntax/parser';
import { reparse } from './syntax/reparse';
import type { Settings } from './settings';
import { validateConfiguration } from './semantic/validate';
import { buildModel, type ConfigModel, type SourceFile } from './semantic/model';
import { applyEdits } from './fixes/edits';
import { matchFixesToLineEndings } from './fixes/lineEndings';
import { PipelineGraph } from './semantic/pipelineGraph';
import { checkComponentNames, checkDeprecatedFunctions, checkReferences } from './checks/references';
import { checkSchemas } from './checks/schema';
import { checkModules } from './checks/modules';
import { checkRootBlocks, type ConfigurationRole } from './checks/rootBlocks';
import { checkCycles } from './checks/cycles';
import { checkStdlibShadowing } from './checks/shadowing';
import { importedDeclares, type ReadText } from './checks/importedModules';
import { checkVersions, runningAlloy } from './checks/versions';
import { checkSelfMonitoring } from './checks/selfMonitoring';
import { checkComposeEnvironment, type EnvReport } from './compose/checkComposeEnvironment';
import type { ComposeSetupCache } from './compose/composeSetup';
import type { FileSystem } from './compose/fileSystem';
import type { HostEnvironment } from './compose/projectEnvironment';
import { findEnvReads } from './semantic/envUsages';
import { explainSelfTelemetry } from './semantic/selfTelemetryExplanation';
import { FindingBudget } from './findingBudget';
import { isAutoFixable } from './codes';

/** A parsed `.alloy` file. `path` is an absolute file path (or a URI-like key for unsaved buffers). */
export type ParsedFile = SourceFile;

/**
 * The one place text becomes a tree, for every adapter and cache. `previous`
 * is the same file's last parse: given it, only what the edit touched is
 * parsed again (`syntax/reparse.ts`), with the same result as a full parse.
 */
export function parseFile(path: string, text: string, previous?: ParsedFile): ParsedFile {
  if (previous && previous.path === path) {
    if (previous.parse.text === text) return previous;
    // Only the top-level statements the edit touched are parsed again.
    return { path, parse: reparse(previous.parse, text) };
  }
  return { path, parse: parse(text) };
}

function syntaxFinding(file: ParsedFile, d: ParsedFile['parse']['diagnostics'][number]): Finding {
  return {
    file: file.path,
    range: { start: d.start, end: d.end },
    code: 'syntax',
    severity: d.severity,
    message: d.message,
    source: 'alloy',
  };
}

/** What the compose environment check needs from the outside world. */
export interface EnvironmentContext {
  fs: FileSystem;
  /** The environment `docker compose` would run in (values are used, never shown). */
  hostEnv: HostEnvironment;
  /** Compose files given explicitly; otherwise they are discovered from the configuration's directory up. */
  composeFiles?: string[];
  /** Where relative paths in reports start. */
  rootDir?: string;
  /** Compose setups kept between analyses (the language service's); without it, each analysis loads its own. */
  composeSetups?: ComposeSetupCache;
}

export interface Analysis {
  findings: Finding[];
  /** The compose environment report (the first of `envReports`); null when no compose file applies or the check did not run. */
  env: EnvReport | null;
  /** One report per compose project whose service runs the configuration (a test or example compose file is its own project). */
  envReports: EnvReport[];
  /** How Alloy's own metrics, logs and traces leave Alloy, in short sentences (empty for modules). */
  explanation: string[];
}

/** What the caller knows about the configuration beyond its files. */
export interface AnalysisOptions {
  /** `root` when Alloy runs these files as its root configuration (see `configurationRole`); default `unknown`. */
  role?: ConfigurationRole;
}

/**
 * Every finding for one configuration (all `.alloy` files of a directory, or
 * one file): syntax, what Alloy rejects after parsing, references, self-monitoring
 * and, given an environment context, the compose environment check.
 */
export function analyzeConfiguration(files: readonly ParsedFile[], settings: Settings, envContext?: EnvironmentContext, options: AnalysisOptions = {}): Analysis {
  return analyzeWithModel(files, settings, envContext, options).analysis;
}

/** analyzeConfiguration, with the model it built: the service keeps both, so hover and completion reuse it. */
export function analyzeWithModel(
  files: readonly ParsedFile[],
  settings: Settings,
  envContext?: EnvironmentContext,
  options: AnalysisOptions = {},
): { analysis: Analysis; model: ConfigModel } {
  const budget = new FindingBudget(settings);
  for (const file of files) {
    for (const d of file.parse.diagnostics) {
      // One past the limit is enough to place the notice; the rest need not be built.
      const full = !budget.accepts(file.path);
      budget.add(syntaxFinding(file, d));
      if (full) break;
    }
  }
  budget.addAll(validateConfiguration(files));
  const model = buildModel(files);
  budget.addAll(checkComponentNames(model));
  budget.addAll(checkDeprecatedFunctions(model));
  // The compose service tells where Alloy runs (its names, port, Docker socket, image
  // and flags), which the self-monitoring and version checks need; its own findings
  // come after theirs.
  let env: EnvReport | null = null;
  let check: ReturnType<typeof checkComposeEnvironment> | undefined;
  if (envContext && !model.isModule) {
    const composeFiles = envContext.composeFiles ?? (settings.compose.files.length > 0 ? settings.compose.files : undefined);
    check = checkComposeEnvironment({
      configFiles: files.map((f) => f.path),
      usages: findEnvReads(model),
      fs: envContext.fs,
      hostEnv: envContext.hostEnv,
      ...(composeFiles ? { composeFiles } : {}),
      ...(settings.compose.service ? { serviceName: settings.compose.service } : {}),
      ...(envContext.rootDir ? { rootDir: envContext.rootDir } : {}),
      ...(envContext.composeSetups ? { setups: envContext.composeSetups } : {}),
    });
    env = check.env;
  }
  const hosts = check?.hosts ?? [];
  const graph = new PipelineGraph(model);
  // While a file does not parse, its tree is a guess: say nothing about wiring.
  if (!model.hasSyntaxErrors) {
    budget.addAll(checkReferences(model));
    budget.addAll(checkSchemas(model, envContext ? importedDeclares(model, textReader(envContext)) : undefined));
    budget.addAll(checkModules(model));
    budget.addAll(checkRootBlocks(model.files, options.role ?? 'unknown'));
    budget.addAll(checkCycles(model));
    budget.addAll(checkStdlibShadowing(model));
    budget.addAll(checkSelfMonitoring(model, graph, settings, hosts));
  }
  if (check) budget.addAll(check.findings);
  budget.addAll(checkVersions(model, runningAlloy(settings, check?.alloy ?? null)));
  const explanation = model.hasSyntaxErrors ? [] : explainSelfTelemetry(model, graph, hosts).map((s) => s.text);
  const findings = budget.results();
  matchFixesToLineEndings(findings, files);
  return { analysis: { findings, env, envReports: check?.reports ?? [], explanation }, model };
}

/** The environment's file system as a plain text reader for local modules. */
function textReader(context: EnvironmentContext): ReadText {
  return (path) => {
    const text = context.fs.readFile(path);
    return typeof text === 'string' ? text : undefined;
  };
}

/** The findings of analyzeConfiguration. */
export function checkConfiguration(files: readonly ParsedFile[], settings: Settings, envContext?: EnvironmentContext, options: AnalysisOptions = {}): Finding[] {
  return analyzeConfiguration(files, settings, envContext, options).findings;
}

// Which codes "fix all" applies is the registry's to say; re-exported for the adapters.
export { isAutoFixable };

export interface TextFile {
  path: string;
  text: string;
}

/** Identifies a finding across rounds; the offset tells apart the same message at several places. */
function fixKey(f: Finding): string {
  return `${f.code}@${f.file}@${f.range.start}@${f.message}`;
}

/**
 * Applies every auto-fixable finding's preferred fix, one at a time, re-checking
 * after each (a fix can change what the next one wires to), until none is left.
 * Returns the new texts of the files that changed.
 */
export function fixAll(files: readonly TextFile[], settings: Settings): Map<string, string> {
  // Only .alloy files are fixed here; compose fixes are offered one by one, never applied in bulk.
  const texts = new Map(files.map((f) => [f.path, f.text]));
  // A finding whose fix did not make it go away is not fixed again.
  const tried = new Set<string>();
  // A fix usually edits one file: the others keep their trees from round to round.
  const previous = new Map<string, ParsedFile>();
  for (let round = 0; round < 500; round++) {
    const parsed = [...texts].map(([path, text]) => parseFile(path, text, previous.get(path)));
    for (const file of parsed) previous.set(file.path, file);
    const next = checkConfiguration(parsed, settings).find((f) => isAutoFixable(f.code) && !!f.fixes?.length && !tried.has(fixKey(f)));
    if (!next) break;
    tried.add(fixKey(next));
    const fix = next.fixes?.find((x) => x.isPreferred) ?? next.fixes?.[0];
    if (!fix) continue;
    for (const [path, text] of texts) {
      const edits = fix.edits.filter((e) => e.file === path);
      if (edits.length > 0) texts.set(path, applyEdits(text, edits));
    }
  }
  const changed = new Map<string, string>();
  for (const f of files) {
    const text = texts.get(f.path);
    if (text !== undefined && text !== f.text) changed.set(f.path, text);
  }
  return changed;
}
