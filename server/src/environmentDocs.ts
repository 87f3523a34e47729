/**
 * The environment a configuration needs, documented: every variable it reads
 * with `sys.env`, where it is read (file, line, component, attribute), how the
 * compose service passes it, and whether it looks like a credential. Rendered
 * as text, JSON, a `.env.example` or a Markdown table. Names only: a value is
 * never part of any output.
 */
import type { EnvReport, EnvReportVariable } from './compose/checkComposeEnvironment';
import type { Stmt } from './syntax/ast';
import { findEnvReads } from './semantic/envUsages';
import type { ConfigModel, SourceFile } from './semantic/model';

/** One place a variable is read. */
export interface VariableRead {
  /** The file as shown to the user. */
  file: string;
  /** 1-based. */
  line: number;
  /** The top-level block that reads it, e.g. `loki.write "grafana_cloud"`; null at the top level. */
  component: string | null;
  /** The attribute fed, with the blocks on the way, e.g. `endpoint.basic_auth.password`. */
  attribute: string | null;
}

export type DocumentedStatus = EnvReportVariable['status'] | 'unknown';

export interface DocumentedVariable {
  name: string;
  reads: VariableRead[];
  /** Why it looks like a credential (`name` or `attribute <name>`), or null. */
  credential: string | null;
  /** How the compose service passes it; `unknown` without a compose service. */
  status: DocumentedStatus;
  /** Where compose sets it, e.g. `docker-compose.yml:14`. */
  source: string | null;
  via: EnvReportVariable['via'];
  /** A default from the compose file applies when the host does not set it. */
  hasDefault: boolean;
}

export interface EnvironmentDocument {
  /** The configuration's files, as shown. */
  files: string[];
  /** The compose service that runs Alloy, or null when none applies. */
  service: string | null;
  composeFiles: string[];
  variables: DocumentedVariable[];
}

/** Words in a variable's name that mark a credential. */
const CREDENTIAL_NAME = /(^|_)(PASS|PASSWD|PASSWORD|SECRET|TOKEN|APIKEY|API_KEY|KEY|PRIVATE_KEY|CREDENTIALS?|AUTH)(_|$)/i;

/** Attributes whose value is a credential wherever they appear. */
const CREDENTIAL_ATTRIBUTES: ReadonlySet<string> = new Set([
  'password',
  'api_key',
  'token',
  'bearer_token',
  'secret',
  'client_secret',
  'key',
  'private_key',
  'authorization',
  'credentials',
  'access_key',
  'secret_key',
  'session_token',
  'connection_string',
]);

/** The component and attribute path around `offset` in `file`. */
function locate(file: SourceFile, offset: number): { component: string | null; attribute: string | null } {
  let body: Stmt[] = file.parse.file.body;
  let component: string | null = null;
  const path: string[] = [];
  for (;;) {
    const stmt = body.find((s) => s.start <= offset && offset < s.end);
    if (!stmt || stmt.kind === 'ErrorStmt') return { component, attribute: null };
    if (stmt.kind === 'Attribute') return { component, attribute: [...path, stmt.name.name].join('.') };
    if (component === null) component = stmt.label ? `${stmt.name} ${JSON.stringify(stmt.label.value)}` : stmt.name;
    else path.push(stmt.name);
    body = stmt.body;
  }
}

function credentialReason(name: string, reads: readonly VariableRead[]): string | null {
  for (const read of reads) {
    const last = read.attribute?.split('.').pop();
    if (last && CREDENTIAL_ATTRIBUTES.has(last)) return `attribute ${last}`;
  }
  return CREDENTIAL_NAME.test(name) ? 'name' : null;
}

/**
 * Documents the variables `model` reads, in the order they are first read.
 * `env` is the compose environment report of the configuration, if any;
 * `show` turns an absolute path into the path shown to the user.
 */
export function documentEnvironment(model: ConfigModel, env: EnvReport | null, show: (path: string) => string): EnvironmentDocument {
  const reads = new Map<string, VariableRead[]>();
  const files = new Map(model.files.map((f) => [f.path, f]));
  for (const read of findEnvReads(model)) {
    const file = files.get(read.file);
    if (!file) continue;
    const where = locate(file, read.range.start);
    const list = reads.get(read.name) ?? [];
    list.push({ file: show(read.file), line: file.parse.lineIndex.lineOf(read.range.start) + 1, ...where });
    reads.set(read.name, list);
  }
  const passed = new Map((env?.variables ?? []).map((v) => [v.name, v]));
  const variables: DocumentedVariable[] = [...reads].map(([name, list]) => {
    const v = passed.get(name);
    return {
      name,
      reads: list,
      credential: credentialReason(name, list),
      status: v?.status ?? 'unknown',
      source: v?.source ?? null,
      via: v?.via ?? null,
      hasDefault: v?.hasDefault === true,
    };
  });
  return { files: model.files.map((f) => show(f.path)), service: env?.service ?? null, composeFiles: env?.composeFiles ?? [], variables };
}

const STATUS_WORDS: Record<DocumentedStatus, string> = {
  provided: 'passed by compose',
  empty: 'passed by compose, but empty',
  host: 'left to the shell that runs docker compose',
  missing: 'not passed by compose',
  unknown: 'no compose service',
};

function statusOf(v: DocumentedVariable): string {
  let words = STATUS_WORDS[v.status];
  if (v.status === 'host' && v.hasDefault) words += ' (a default applies)';
  return v.source ? `${words} (${v.source})` : words;
}

function readText(read: VariableRead): string {
  const where = [read.component, read.attribute].filter((x) => x !== null).join(' ');
  return where ? `${read.file}:${read.line} (${where})` : `${read.file}:${read.line}`;
}

function heading(doc: EnvironmentDocument): string {
  const service = doc.service ? `service "${doc.service}" in ${doc.composeFiles.join(', ')}` : 'no compose service';
  return `${doc.files.join(', ')}: ${doc.variables.length} variable${doc.variables.length === 1 ? '' : 's'}, ${service}`;
}

/** One line per variable under a heading per configuration. */
export function renderEnvironmentText(docs: readonly EnvironmentDocument[]): string {
  const out: string[] = [];
  for (const doc of docs) {
    out.push(heading(doc));
    for (const v of doc.variables) {
      out.push(`  ${v.name}${v.credential ? ' [credential]' : ''}: ${statusOf(v)}`);
      for (const read of v.reads) out.push(`    read at ${readText(read)}`);
    }
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

/** A stable JSON contract (`version: 1`). */
export function renderEnvironmentJson(docs: readonly EnvironmentDocument[]): string {
  return `${JSON.stringify({ version: 1, configs: docs }, null, 2)}\n`;
}

/** The comment lines that describe one variable in a `.env.example`. */
function dotenvComment(v: DocumentedVariable): string[] {
  const lines = v.reads.map((read) => `# Read at ${readText(read)}.`);
  if (v.credential) lines.push('# A credential: set it in your own .env, never commit its value.');
  return lines;
}

/** The group a variable belongs to in a `.env.example`: the component that reads it first. */
function groupOf(v: DocumentedVariable): string {
  return v.reads[0]?.component ?? 'top level';
}

/** `.env.example` lines for `variables`, grouped by the component that reads them, names only. */
function dotenvLines(variables: readonly DocumentedVariable[]): string[] {
  const groups = new Map<string, DocumentedVariable[]>();
  for (const v of variables) {
    const list = groups.get(groupOf(v)) ?? [];
    list.push(v);
    groups.set(groupOf(v), list);
  }
  const out: string[] = [];
  for (const [group, list] of groups) {
    if (out.length > 0) out.push('');
    out.push(`## ${group}`);
    for (const v of list) out.push(...dotenvComment(v), `${v.name}=`);
  }
  return out;
}

/** A `.env.example` for the configurations: every variable once, with no value. */
export function renderEnvironmentDotenv(docs: readonly EnvironmentDocument[]): string {
  const seen = new Set<string>();
  const variables: DocumentedVariable[] = [];
  for (const doc of docs) for (const v of doc.variables) if (!seen.has(v.name) && seen.add(v.name)) variables.push(v);
  if (variables.length === 0) return '';
  return `${['# Environment variables the Alloy configuration reads with sys.env.', '', ...dotenvLines(variables)].join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** A Markdown table per configuration, for a README. */
export function renderEnvironmentMarkdown(docs: readonly EnvironmentDocument[]): string {
  const out: string[] = [];
  for (const doc of docs) {
    if (out.length > 0) out.push('');
    out.push(`### ${cell(doc.files.join(', '))}`, '');
    if (doc.variables.length === 0) {
      out.push('Reads no environment variable.');
      continue;
    }
    out.push('| Variable | Read at | Compose | Credential |', '| --- | --- | --- | --- |');
    for (const v of doc.variables) {
      const reads = v.reads.map((r) => `\`${cell(readText(r))}\``).join('<br>');
      out.push(`| \`${v.name}\` | ${reads} | ${cell(statusOf(v))} | ${v.credential ? 'yes' : 'no'} |`);
    }
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

/** Names a `.env`-style text defines or mentions as `NAME=` (commented-out lines too). */
function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*#?\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line);
    if (match?.[1]) names.add(match[1]);
  }
  return names;
}

/**
 * `existing` (a `.env.example`, possibly empty) with the variables it lacks
 * added at its end: what is there (comments, order, other variables, even
 * values someone wrote) stays as it is, and no value is ever written.
 * Idempotent: a second call adds nothing.
 */
export function updateEnvExample(existing: string, docs: readonly EnvironmentDocument[]): string {
  if (existing === '') return renderEnvironmentDotenv(docs);
  const known = namesIn(existing);
  const seen = new Set<string>();
  const missing: DocumentedVariable[] = [];
  for (const doc of docs) for (const v of doc.variables) if (!known.has(v.name) && !seen.has(v.name) && seen.add(v.name)) missing.push(v);
  if (missing.length === 0) return existing;
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const body = existing.endsWith('\n') ? existing : existing + eol;
  const added = ['', '# Read by the Alloy configuration with sys.env (added by alloy-selfmon).', ...dotenvLines(missing)];
  return body + added.join(eol) + eol;
}
