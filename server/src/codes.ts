/**
 * The registry of finding codes: every code the product reports, once, with
 * its default severity, whether "fix all" may apply its fix, its LSP tags and
 * what it means. Checks take their severity from here (`severityOf`), settings
 * accept overrides only for codes listed here, and the SARIF rules, the README's
 * table and the settings schema in package.json are kept equal to it by tests.
 */
import type { Severity } from './syntax/diagnostic';

/** What an editor may show differently: faded (`unnecessary`) or struck through (`deprecated`). */
export type CodeTag = 'unnecessary' | 'deprecated';

/** One finding code. */
export interface CodeInfo {
  readonly code: string;
  readonly defaultSeverity: Severity;
  /**
   * Where the severity depends on context: the other severity and when the
   * check gives it. Settings still override both.
   */
  readonly alternate?: { readonly severity: Severity; readonly when: string };
  /** Whether its preferred fix is safe to apply without a person choosing ("fix all", `--fix`). */
  readonly autoFixable: boolean;
  readonly tags: readonly CodeTag[];
  /** What it means, in one sentence. */
  readonly description: string;
}

type Entry = Omit<CodeInfo, 'autoFixable' | 'tags'> & { readonly autoFixable?: boolean; readonly tags?: readonly CodeTag[] };

const SELFMON_FIX = { autoFixable: true } as const;

const entries = [
  { code: 'syntax', defaultSeverity: 'error', alternate: { severity: 'warning', when: 'where nesting deeper than 400 levels is skipped' }, description: 'The file does not parse; the message is the one Alloy itself gives.' },
  { code: 'top-level-attribute', defaultSeverity: 'error', description: 'An attribute at the top level of a configuration, where Alloy accepts only blocks.' },
  { code: 'missing-label', defaultSeverity: 'error', description: 'A component (or a `declare`, `argument`, `export`, `import` or `foreach` block) without the label Alloy requires.' },
  { code: 'duplicate-block', defaultSeverity: 'error', description: 'The same block declared twice in one configuration; every file Alloy loads together counts.' },
  { code: 'unknown-component', defaultSeverity: 'error', description: 'A component name Alloy does not know and no `declare` or `import` defines (fix: "did you mean").' },
  { code: 'unknown-attribute', defaultSeverity: 'error', description: 'An attribute the component or block does not have, where the catalog lists them all.' },
  { code: 'unknown-block', defaultSeverity: 'error', description: 'A nested block the component or block does not have, where the catalog lists them all.' },
  { code: 'missing-required', defaultSeverity: 'error', description: 'A required attribute or block is missing.' },
  { code: 'schema', defaultSeverity: 'error', description: 'An attribute given twice, a block used as an attribute or the reverse, or a label where none is allowed.' },
  { code: 'type', defaultSeverity: 'error', description: 'A literal value of a type the attribute does not take.' },
  { code: 'not-allowed', defaultSeverity: 'error', description: 'A block where Alloy does not allow it: `logging` or `tracing` inside a module or `foreach`, `argument` or `export` at the top level of the root configuration.' },
  { code: 'cycle', defaultSeverity: 'error', description: 'Components that reference each other in a loop, or a component that references itself.' },
  { code: 'version/unavailable', defaultSeverity: 'error', alternate: { severity: 'information', when: 'when the version is only assumed to be the newest release' }, description: 'A component the running Alloy version does not have: added in a later release, or removed.' },
  { code: 'stability/below-level', defaultSeverity: 'error', alternate: { severity: 'information', when: 'when the level is only the default, `generally-available`' }, description: "A component, block or stdlib function below Alloy's `--stability.level`; Alloy refuses to load it." },
  { code: 'undefined-reference', defaultSeverity: 'error', description: 'A reference to a component the configuration does not define.' },
  { code: 'deprecated-function', defaultSeverity: 'warning', autoFixable: true, tags: ['deprecated'], description: 'A deprecated stdlib alias such as `env()` (fix: its namespaced replacement).' },
  { code: 'stdlib-shadowed', defaultSeverity: 'warning', description: 'A component whose name shadows a stdlib name, where it is referenced.' },
  { code: 'selfmon/metrics-missing', defaultSeverity: 'warning', ...SELFMON_FIX, description: "Alloy does not export its own metrics: no `prometheus.exporter.self`, and no `prometheus.scrape` of Alloy's own HTTP address." },
  { code: 'selfmon/metrics-not-scraped', defaultSeverity: 'warning', ...SELFMON_FIX, description: 'A `prometheus.exporter.self` that no `prometheus.scrape` takes its targets from.' },
  { code: 'selfmon/metrics-not-exported', defaultSeverity: 'warning', ...SELFMON_FIX, description: "The scrape of Alloy's own metrics forwards to nothing that sends them out of Alloy." },
  { code: 'selfmon/metrics-service-name', defaultSeverity: 'warning', ...SELFMON_FIX, description: "Alloy's metrics reach OTLP with a `service.name` other than the configured one (it comes from the `job` label)." },
  { code: 'selfmon/logs-missing', defaultSeverity: 'warning', ...SELFMON_FIX, description: "No `logging` block with `write_to`, and no log source that reads Alloy's own logs." },
  { code: 'selfmon/logs-not-exported', defaultSeverity: 'warning', ...SELFMON_FIX, description: "The `write_to` of `logging` (or the source reading Alloy's logs) reaches nothing that sends logs out of Alloy." },
  { code: 'selfmon/logs-format', defaultSeverity: 'warning', ...SELFMON_FIX, description: 'The `format` of `logging` is not the configured one (default `json`).' },
  { code: 'selfmon/traces-missing', defaultSeverity: 'warning', ...SELFMON_FIX, description: 'No `tracing` block, or one without `write_to`.' },
  { code: 'selfmon/traces-not-exported', defaultSeverity: 'warning', ...SELFMON_FIX, description: "The `write_to` of `tracing` reaches nothing that sends traces out of Alloy (spans turned into metrics do not count)." },
  { code: 'selfmon/traces-sampling', defaultSeverity: 'warning', alternate: { severity: 'error', when: 'outside [0, 1]' }, ...SELFMON_FIX, description: '`sampling_fraction` differs from the configured target (default 0.1), or is not a fraction at all.' },
  { code: 'env/missing', defaultSeverity: 'warning', description: 'The compose service does not pass a variable the configuration reads with `sys.env`.' },
  { code: 'env/empty', defaultSeverity: 'warning', description: 'The compose service passes a variable the configuration reads, but empty.' },
  { code: 'env/host', defaultSeverity: 'information', alternate: { severity: 'warning', when: 'when docker compose refuses to start without it' }, description: 'A variable the configuration reads is left to the shell that runs `docker compose up`.' },
  { code: 'env/unused', defaultSeverity: 'information', tags: ['unnecessary'], description: 'The compose service passes a variable the configuration never reads.' },
  { code: 'compose/invalid', defaultSeverity: 'error', description: 'A compose file that is not valid YAML, or not a mapping with a `services` mapping.' },
  { code: 'compose/no-services', defaultSeverity: 'warning', description: 'A compose file that is empty or has no `services` key.' },
  { code: 'compose/invalid-service', defaultSeverity: 'error', description: 'A compose service that is not a mapping.' },
  { code: 'compose/invalid-value', defaultSeverity: 'warning', description: 'An `environment`, `env_file` or other entry the check reads has a shape docker compose does not accept.' },
  { code: 'compose/include', defaultSeverity: 'error', description: 'An `include` that includes itself, has no `path`, or defines a service the including file defines too.' },
  { code: 'compose/extends', defaultSeverity: 'error', description: 'A service that `extends` itself or a service that is not defined.' },
  { code: 'compose/too-deep', defaultSeverity: 'warning', description: 'Includes, `extends` chains or merge keys nested past a limit; what lies deeper is not read.' },
  { code: 'compose/too-large', defaultSeverity: 'warning', description: 'A compose file past the size or nesting limits, not read.' },
  { code: 'compose/file-missing', defaultSeverity: 'error', description: 'A compose file named by an `include` or `extends` does not exist.' },
  { code: 'compose/file-unreadable', defaultSeverity: 'error', description: 'A compose file that exists but cannot be read.' },
  { code: 'compose/service-not-found', defaultSeverity: 'warning', description: 'The compose service named in the settings is not defined in the compose files.' },
  { code: 'compose/env-file-missing', defaultSeverity: 'error', description: 'A required `env_file` does not exist (a `*.example` template beside it is named, with the variables it would provide).' },
  { code: 'compose/env-file-unreadable', defaultSeverity: 'error', description: 'An `env_file` that exists but cannot be read.' },
  { code: 'compose/dotenv', defaultSeverity: 'warning', description: 'A line of a `.env` or env file that docker compose cannot parse.' },
  { code: 'compose/interpolation', defaultSeverity: 'warning', description: 'A malformed `${...}` in a compose value.' },
  { code: 'compose/required-variable', defaultSeverity: 'error', description: 'A `${NAME:?...}` whose variable the project env file sets empty; docker compose refuses to start.' },
  { code: 'file-too-large', defaultSeverity: 'warning', description: 'The file is larger than 8 MB and is not analysed.' },
  { code: 'binary-file', defaultSeverity: 'warning', description: 'The file looks binary (it contains NUL characters) and is not analysed.' },
  { code: 'too-many-problems', defaultSeverity: 'warning', description: 'A file has more than 1,000 findings (or a configuration more than 10,000); the rest are not reported.' },
] as const satisfies readonly Entry[];

/** A code the registry lists. */
export type Code = (typeof entries)[number]['code'];

/** The codes whose severity depends on context (`alternate`). */
export type AlternateCode = Extract<(typeof entries)[number], { alternate: unknown }>['code'];

/** Every finding code, in the order the README lists them. */
export const CODES: readonly CodeInfo[] = entries.map((e: Entry): CodeInfo => ({ ...e, autoFixable: e.autoFixable ?? false, tags: e.tags ?? [] }));

const byCode: ReadonlyMap<string, CodeInfo> = new Map(CODES.map((c) => [c.code, c]));

/** The registry entry of `code`, or undefined for a code the product never reports. */
export function codeInfo(code: string): CodeInfo | undefined {
  return byCode.get(code);
}

/** Whether the registry lists `code`. */
export function isKnownCode(code: string): code is Code {
  return byCode.has(code);
}

/**
 * The severity a check gives a finding of `code`: its default, or for the codes
 * whose severity depends on context, the documented `alternate` one.
 */
export function severityOf(code: Code): Severity;
export function severityOf(code: AlternateCode, variant: 'default' | 'alternate'): Severity;
export function severityOf(code: Code, variant: 'default' | 'alternate' = 'default'): Severity {
  const info = byCode.get(code);
  if (!info) return 'warning'; // unreachable: `Code` lists only registered codes
  return variant === 'alternate' && info.alternate ? info.alternate.severity : info.defaultSeverity;
}

/** Codes whose fixes are safe to apply without a person choosing: "fix all" and `--fix` apply these. */
export function isAutoFixable(code: string): boolean {
  return byCode.get(code)?.autoFixable ?? false;
}

/** The editor tags of a code's findings. */
export function tagsOf(code: string): readonly CodeTag[] {
  return byCode.get(code)?.tags ?? [];
}

/** The default severity as people read it: `error`, or `error (information when …)`. */
export function severityText(info: CodeInfo): string {
  return info.alternate ? `${info.defaultSeverity} (${info.alternate.severity} ${info.alternate.when})` : info.defaultSeverity;
}
