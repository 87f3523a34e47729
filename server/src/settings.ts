/**
 * One settings schema for the editor and the CLI. The editor sends
 * `alloySelfMonitoring.*` through workspace/configuration; the CLI reads the
 * same shape from the JSON file given with `--config`.
 */
import type { Severity } from './syntax/diagnostic';
import { isKnownCode } from './codes';

export type SeveritySetting = Severity | 'off';

export interface Settings {
  selfMonitoring: {
    /** Check Alloy's own metrics pipeline. */
    metrics: boolean;
    /** Check Alloy's own logs pipeline. */
    logs: boolean;
    /** Check Alloy's own traces pipeline. */
    traces: boolean;
    /** The `tracing.sampling_fraction` to expect. */
    samplingFraction: number;
    /** The `logging.format` to expect. */
    logFormat: 'json' | 'logfmt';
    /** The `service.name` Alloy's own telemetry should carry. */
    serviceName: string;
  };
  compose: {
    /** Compose files to use instead of discovering them. */
    files: string[];
    /** The compose service that runs Alloy, when it cannot be recognised. */
    service: string;
  };
  fixes: {
    /** Blocks that fixes insert start with a comment saying what they do and where the signal goes. */
    comments: boolean;
  };
  /** Severity per finding code, or `off`. */
  severity: Record<string, SeveritySetting>;
  /**
   * Which files form a configuration: globs or folders relative to the
   * workspace folder, each match one configuration (before any other evidence).
   */
  configurations: string[];
  /** The Alloy version that runs (`1.9.1`); empty: from the compose service's image, else the newest release. */
  alloyVersion: string;
  /** Alloy's `--stability.level`; empty: from the compose service's command, else `generally-available`. */
  stabilityLevel: string;
}

export const defaultSettings: Settings = {
  selfMonitoring: {
    metrics: true,
    logs: true,
    traces: true,
    samplingFraction: 0.1,
    logFormat: 'json',
    serviceName: 'alloy',
  },
  compose: { files: [], service: '' },
  fixes: { comments: true },
  severity: {},
  configurations: [],
  alloyVersion: '',
  stabilityLevel: '',
};

const severities: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads settings from untrusted input (a JSON file, the editor's configuration),
 * keeping defaults for anything missing. Problems are returned, never thrown.
 */
export function resolveSettings(input: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const d = defaultSettings;
  const settings: Settings = {
    selfMonitoring: { ...d.selfMonitoring },
    compose: { files: [...d.compose.files], service: d.compose.service },
    fixes: { ...d.fixes },
    severity: {},
    configurations: [],
    alloyVersion: '',
    stabilityLevel: '',
  };
  if (input === undefined || input === null) return { settings, problems };
  if (!isRecord(input)) return { settings, problems: ['settings must be an object'] };

  const sm = input.selfMonitoring;
  if (isRecord(sm)) {
    for (const key of ['metrics', 'logs', 'traces'] as const) {
      const v = sm[key];
      if (v === undefined) continue;
      if (typeof v === 'boolean') settings.selfMonitoring[key] = v;
      else problems.push(`selfMonitoring.${key} must be true or false`);
    }
    const f = sm.samplingFraction;
    if (f !== undefined) {
      if (typeof f === 'number' && Number.isFinite(f) && f >= 0 && f <= 1) settings.selfMonitoring.samplingFraction = f;
      else problems.push('selfMonitoring.samplingFraction must be a number between 0 and 1');
    }
    const fmt = sm.logFormat;
    if (fmt !== undefined) {
      if (fmt === 'json' || fmt === 'logfmt') settings.selfMonitoring.logFormat = fmt;
      else problems.push('selfMonitoring.logFormat must be "json" or "logfmt"');
    }
    const name = sm.serviceName;
    if (name !== undefined) {
      if (typeof name === 'string' && name.length > 0) settings.selfMonitoring.serviceName = name;
      else problems.push('selfMonitoring.serviceName must be a non-empty string');
    }
  } else if (sm !== undefined) {
    problems.push('selfMonitoring must be an object');
  }

  const compose = input.compose;
  if (isRecord(compose)) {
    if (Array.isArray(compose.files) && compose.files.every((f) => typeof f === 'string')) settings.compose.files = compose.files as string[];
    else if (compose.files !== undefined) problems.push('compose.files must be a list of paths');
    if (typeof compose.service === 'string') settings.compose.service = compose.service;
    else if (compose.service !== undefined) problems.push('compose.service must be a string');
  } else if (compose !== undefined) {
    problems.push('compose must be an object');
  }

  const severity = input.severity;
  if (isRecord(severity)) {
    for (const [code, level] of Object.entries(severity)) {
      // A misspelt code would silently change nothing: say so instead.
      if (!isKnownCode(code)) problems.push(`severity.${code}: no finding has this code`);
      else if (typeof level === 'string' && severities.includes(level)) settings.severity[code] = level as SeveritySetting;
      else problems.push(`severity.${code} must be one of ${severities.join(', ')}`);
    }
  } else if (severity !== undefined) {
    problems.push('severity must be an object mapping codes to severities');
  }
  const fixes = input.fixes;
  if (isRecord(fixes)) {
    if (typeof fixes.comments === 'boolean') settings.fixes.comments = fixes.comments;
    else if (fixes.comments !== undefined) problems.push('fixes.comments must be true or false');
  } else if (fixes !== undefined) {
    problems.push('fixes must be an object');
  }
  const configurations = input.configurations;
  if (Array.isArray(configurations) && configurations.every((c) => typeof c === 'string')) settings.configurations = configurations as string[];
  else if (configurations !== undefined) problems.push('configurations must be a list of globs or folders');
  const version = input.alloyVersion;
  if (typeof version === 'string' && (version === '' || /^v?\d+\.\d+(\.\d+)?$/.test(version.trim()))) settings.alloyVersion = version.trim().replace(/^v/, '');
  else if (version !== undefined) problems.push('alloyVersion must be a version such as "1.9.1"');
  const level = input.stabilityLevel;
  if (typeof level === 'string' && ['', 'generally-available', 'public-preview', 'experimental'].includes(level)) settings.stabilityLevel = level;
  else if (level !== undefined) problems.push('stabilityLevel must be "generally-available", "public-preview" or "experimental"');
  return { settings, problems };
}
