/**
 * Findings of the compose environment check, in the shared `Finding` form:
 * `env/missing`, `env/host`, `env/empty` on each `sys.env("NAME")` usage,
 * `env/unused` on compose entries, and compose problems on compose files.
 * Messages say where values come from, never what they are.
 */
import * as path from 'node:path';
import type { FileEdit, Finding, Fix, RelatedLocation, TextRange } from '../syntax/diagnostic';
import type { ComposeProblem, ComposeService, EnvironmentEntry, SourceLocation } from './composeModel';
import type { ComposeProject } from './composeProject';
import { addEnvExampleEdit, addEnvironmentVariableEdit } from './environmentFix';
import type { VariableResolution } from './envResolution';
import { parseDotEnv } from './dotenv';
import type { FileSystem } from './fileSystem';
import { severityOf, type Code } from '../codes';

/** The `source` of every finding this module reports. */
const FINDING_SOURCE = 'alloy-selfmon';

/** Where the configuration reads an environment variable: `sys.env("NAME")` or `env("NAME")`. */
export interface EnvUsage {
  name: string;
  /** The `.alloy` file. */
  file: string;
  /** The range of the call (or its argument) in that file. */
  range: TextRange;
}

export interface FindingContext {
  service: ComposeService;
  /** The service key the findings point to (the declaration a fix edits). */
  anchor: SourceLocation;
  /** Why the service was chosen. */
  explanation: string;
  /** A path for messages, relative to the report root. */
  show(file: string): string;
}

/** A compose problem as a finding on the compose (or env) file. */
export function problemFinding(problem: ComposeProblem): Finding {
  return {
    file: problem.file,
    range: problem.range,
    code: problem.code,
    severity: problem.severity,
    message: problem.message,
    source: FINDING_SOURCE,
  };
}

/**
 * The finding for one usage, or null when the variable is provided: at most
 * two sentences, details in related information. `withService` adds the row
 * that says which service runs Alloy (once per service is enough).
 */
export function usageFinding(usage: EnvUsage, resolution: VariableResolution, context: FindingContext, fix: Fix | null, withService = true): Finding | null {
  const { name } = usage;
  const service = `service "${context.service.name}"`;
  const where = resolution.location ? ` (${at(resolution.location, context)})` : '';
  let code: Code;
  let severity: Finding['severity'];
  let message: string;
  switch (resolution.status) {
    case 'provided':
    case 'unknown': // a required env_file is missing: that file is the finding
      return null;
    case 'missing': {
      code = 'env/missing';
      severity = severityOf(code);
      const only = resolution.otherServices.length > 0 ? ` (only ${plural('service', resolution.otherServices)} ${resolution.otherServices.length === 1 ? 'gets' : 'get'} it)` : '';
      message = `${name} is not passed to the Alloy container: ${service} sets it neither in \`environment\` nor in an env_file${only}, so sys.env("${name}") returns an empty string.`;
      if (resolution.inDotEnv) message += ' The project .env sets it, but .env only fills in ${...} in compose files.';
      break;
    }
    case 'empty':
      code = 'env/empty';
      severity = severityOf(code);
      message = `${name} is passed to ${service} with an empty value${where}, so sys.env("${name}") returns an empty string.`;
      break;
    case 'host': {
      code = 'env/host';
      severity = severityOf(code, resolution.requiredByCompose ? 'alternate' : 'default');
      const fromHost =
        resolution.hostVariables.length === 1 && resolution.hostVariables[0] === name
          ? 'from the shell that runs `docker compose`'
          : `from ${resolution.hostVariables.join(', ')} in the shell that runs \`docker compose\``;
      message = `${name} reaches ${service} only ${fromHost}${where}.`;
      if (resolution.requiredByCompose) message += ' docker compose refuses to start without it.';
      else if (resolution.hasDefault) message += " Unset there, the compose file's default applies.";
      else message += ` Unset there, sys.env("${name}") returns an empty string.`;
      break;
    }
  }
  const related: RelatedLocation[] = withService ? [{ file: context.anchor.file, range: context.anchor.range, message: `The Alloy service: ${context.explanation}` }] : [];
  if (resolution.location) related.push({ file: resolution.location.file, range: resolution.location.range, message: `${name} is set here` });
  if (resolution.dotEnv) related.push({ file: resolution.dotEnv.file, range: resolution.dotEnv.range, message: 'the value is filled in from here' });
  const finding: Finding = { file: usage.file, range: usage.range, code, severity, message, source: FINDING_SOURCE, related };
  if (fix) finding.fixes = [fix];
  return finding;
}

/** The `env/unused` finding for an `environment` entry the configuration never reads. */
export function unusedFinding(entry: EnvironmentEntry, context: FindingContext): Finding {
  return {
    file: entry.file,
    range: entry.range,
    code: 'env/unused',
    severity: severityOf('env/unused'),
    message: `${entry.name} is passed to service "${context.service.name}", but the Alloy configuration never reads it with sys.env("${entry.name}").`,
    source: FINDING_SOURCE,
  };
}

/**
 * The fix for `env/missing`: `NAME: ${NAME}` in the service's `environment` in
 * the file that declares it (the last declaration with an `environment`, else
 * the first), plus `NAME=` in the `.env.example` beside that file if there is one
 * (`readText` gives it: the compose check reads those files once per project).
 */
export function missingVariableFix(
  name: string,
  service: ComposeService,
  project: ComposeProject,
  readText: (path: string) => string | undefined,
  show: (file: string) => string,
): { fix: Fix; target: SourceLocation } | null {
  for (const declaration of fixTargets(service)) {
    const text = project.files.get(declaration.file)?.text;
    if (text === undefined) continue;
    const edit = addEnvironmentVariableEdit(declaration.file, text, service.name, name);
    if (!edit) continue;
    const edits: FileEdit[] = [edit];
    const examplePath = path.join(path.dirname(declaration.file), '.env.example');
    const example = readText(examplePath);
    const exampleEdit = example !== undefined ? addEnvExampleEdit(examplePath, example, name) : null;
    if (exampleEdit) edits.push(exampleEdit);
    const title = `Pass ${name} to service "${service.name}" in ${show(declaration.file)}${exampleEdit ? ' and list it in .env.example' : ''}`;
    return {
      fix: { title, edits, isPreferred: true },
      target: { file: declaration.file, range: declaration.keyRange, line: declaration.line },
    };
  }
  return null;
}

/** The declaration findings point to when there is no fix. */
export function serviceAnchor(service: ComposeService): SourceLocation | null {
  const declaration = fixTargets(service)[0] ?? service.extended[0];
  return declaration ? { file: declaration.file, range: declaration.keyRange, line: declaration.line } : null;
}

/** The `.env.example` files the fix for `env/missing` may extend: one beside each file the fix may edit. */
export function envExamplePaths(service: ComposeService): string[] {
  return [...new Set(fixTargets(service).map((declaration) => path.join(path.dirname(declaration.file), '.env.example')))];
}

function fixTargets(service: ComposeService): ComposeService['declarations'] {
  const withEnvironment = service.declarations.filter((declaration) => declaration.hasEnvironmentKey).reverse();
  return [...withEnvironment, ...service.declarations.filter((declaration) => !declaration.hasEnvironmentKey)];
}

function at(location: SourceLocation, context: FindingContext): string {
  return `${context.show(location.file)}:${location.line}`;
}

function plural(noun: string, names: readonly string[]): string {
  const quoted = names.map((name) => `"${name}"`);
  return names.length === 1 ? `${noun} ${quoted[0] ?? ''}` : `${noun}s ${quoted.join(', ')}`;
}

/** Suffixes of templates committed beside a gitignored env file (`alloy.env.example`). */
const TEMPLATE_SUFFIXES = ['.example', '.sample', '.template', '.dist'];

/** A template committed beside a missing env_file, with the keys it lists (never its values). */
export interface EnvFileTemplate {
  path: string;
  keys: ReadonlySet<string>;
}

/**
 * The template committed beside a missing env_file (`alloy.env.example`,
 * else `.env.example`), or null when there is none.
 */
export function findEnvFileTemplate(missingPath: string, fs: FileSystem): EnvFileTemplate | null {
  const dir = path.dirname(missingPath);
  const entries = new Set(fs.listDir(dir) ?? []);
  const base = path.basename(missingPath);
  const candidates = [...TEMPLATE_SUFFIXES.map((suffix) => `${base}${suffix}`), '.env.example'];
  const template = candidates.find((name) => entries.has(name));
  if (template === undefined) return null;
  const templatePath = path.join(dir, template);
  const text = fs.readFile(templatePath);
  if (typeof text !== 'string') return null;
  return { path: templatePath, keys: new Set(parseDotEnv(text).entries.map((entry) => entry.key)) };
}

/**
 * A sentence about the template of a missing env_file: which of the variables
 * the configuration reads it would provide. Names only, never values.
 */
export function templateNote(template: EnvFileTemplate, names: readonly string[], show: (file: string) => string): string {
  const provided = [...new Set(names)].filter((name) => template.keys.has(name));
  if (provided.length === 0) return `${show(template.path)} beside it is a template for it.`;
  return `${show(template.path)} beside it is a template for it and would provide ${provided.join(', ')}, which the configuration reads with sys.env.`;
}
