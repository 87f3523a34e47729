/**
 * The language service: the one entry point the language server, the CLI and
 * the client's commands call, so that they report identical findings.
 */
import type { Finding } from './syntax/diagnostic';
import { parse } from './syntax/parser';
import type { Settings } from './settings';
import { validateConfiguration } from './semantic/validate';
import { buildModel, type SourceFile } from './semantic/model';
import { applyEdits } from './fixes/edits';
import { PipelineGraph } from './semantic/pipelineGraph';
import { checkComponentNames, checkDeprecatedFunctions, checkReferences } from './checks/references';
import { checkSchemas } from './checks/schema';
import { checkModules } from './checks/modules';
import { checkCycles } from './checks/cycles';
import { checkStdlibShadowing } from './checks/shadowing';
import { importedDeclares, type ReadText } from './checks/importedModules';
import { checkVersions, runningAlloy, type AlloyService } from './checks/versions';
import { checkSelfMonitoring } from './checks/selfMonitoring';
import { checkComposeEnvironment, type EnvReport } from './compose/checkComposeEnvironment';
import type { FileSystem } from './compose/fileSystem';
import type { HostEnvironment } from './compose/projectEnvironment';
import { findEnvReads } from './semantic/envUsages';

/** A parsed `.alloy` file. `path` is an absolute file path (or a URI-like key for unsaved buffers). */
export type ParsedFile = SourceFile;

export function parseFile(path: string, text: string): ParsedFile {
  return { path, parse: parse(text) };
}

/** Syntax diagnostics of one file, as findings with the code `syntax`. */
export function getSyntaxFindings(file: ParsedFile): Finding[] {
  return file.parse.diagnostics.map((d) => ({
    file: file.path,
    range: { start: d.start, end: d.end },
    code: 'syntax',
    severity: d.severity,
    message: d.message,
    source: 'alloy',
  }));
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
}

export interface Analysis {
  findings: Finding[];
  /** The compose environment report; null when no compose file applies or the check did not run. */
  env: EnvReport | null;
}

/**
 * Every finding for one configuration (all `.alloy` files of a directory, or
 * one file): syntax, what Alloy rejects after parsing, references, self-monitoring
 * and, given an environment context, the compose environment check.
 */
export function analyzeConfiguration(files: readonly ParsedFile[], settings: Settings, envContext?: EnvironmentContext): Analysis {
  const findings: Finding[] = [];
  for (const file of files) findings.push(...getSyntaxFindings(file));
  findings.push(...validateConfiguration(files));
  const model = buildModel(files);
  findings.push(...checkComponentNames(model), ...checkDeprecatedFunctions(model));
  // While a file does not parse, its tree is a guess: say nothing about wiring.
  if (!model.hasSyntaxErrors) {
    findings.push(...checkReferences(model), ...checkSchemas(model, envContext ? importedDeclares(model, textReader(envContext)) : undefined), ...checkModules(model), ...checkCycles(model), ...checkStdlibShadowing(model));
    findings.push(...checkSelfMonitoring(model, new PipelineGraph(model), settings));
  }
  let env: EnvReport | null = null;
  let alloyService: AlloyService | null = null;
  if (envContext && !model.isModule) {
    const composeFiles = envContext.composeFiles ?? (settings.compose.files.length > 0 ? settings.compose.files : undefined);
    const check = checkComposeEnvironment({
      configFiles: files.map((f) => f.path),
      usages: findEnvReads(model),
      fs: envContext.fs,
      hostEnv: envContext.hostEnv,
      ...(composeFiles ? { composeFiles } : {}),
      ...(settings.compose.service ? { serviceName: settings.compose.service } : {}),
      ...(envContext.rootDir ? { rootDir: envContext.rootDir } : {}),
    });
    env = check.env;
    alloyService = check.alloy ?? null;
    findings.push(...check.findings);
  }
  findings.push(...checkVersions(model, runningAlloy(settings, alloyService)));
  matchLineEndings(findings, files);
  return { findings: applySeverities(findings, settings), env };
}

/** The environment's file system as a plain text reader for local modules. */
function textReader(context: EnvironmentContext): ReadText {
  return (path) => {
    const text = context.fs.readFile(path);
    return typeof text === 'string' ? text : undefined;
  };
}

/** Fixes write `\n`; in a file that uses CRLF, their new lines use CRLF too. */
function matchLineEndings(findings: Finding[], files: readonly ParsedFile[]): void {
  const crlf = new Set(files.filter((f) => f.parse.text.includes('\r\n')).map((f) => f.path));
  if (crlf.size === 0) return;
  for (const finding of findings) {
    for (const fix of finding.fixes ?? []) {
      for (const edit of fix.edits) if (crlf.has(edit.file)) edit.newText = edit.newText.replace(/\r?\n/g, '\r\n');
    }
  }
}

/** The findings of analyzeConfiguration. */
export function checkConfiguration(files: readonly ParsedFile[], settings: Settings, envContext?: EnvironmentContext): Finding[] {
  return analyzeConfiguration(files, settings, envContext).findings;
}

/** Applies the per-code severity settings; `off` drops the finding. */
export function applySeverities(findings: Finding[], settings: Settings): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const level = settings.severity[f.code];
    if (level === 'off') continue;
    out.push(level ? { ...f, severity: level } : f);
  }
  return out;
}

/** Codes whose fixes are safe to apply without a person choosing: "fix all" and `--fix` apply these. */
export function isAutoFixable(code: string): boolean {
  return code.startsWith('selfmon/') || code === 'deprecated-function';
}

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
export function fixAll(files: readonly TextFile[], settings: Settings, onlyFile?: string): Map<string, string> {
  // Only .alloy files are fixed here; compose fixes are offered one by one, never applied in bulk.
  const texts = new Map(files.map((f) => [f.path, f.text]));
  // A finding whose fix did not make it go away is not fixed again.
  const tried = new Set<string>();
  for (let round = 0; round < 500; round++) {
    const parsed = [...texts].map(([path, text]) => parseFile(path, text));
    const next = checkConfiguration(parsed, settings).find(
      (f) =>
        isAutoFixable(f.code) &&
        !!f.fixes?.length &&
        !tried.has(fixKey(f)) &&
        (!onlyFile || f.fixes.every((x) => x.edits.every((e) => e.file === onlyFile))),
    );
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
