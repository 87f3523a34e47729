/**
 * The compose environment report as the panel's table shows it: per
 * configuration, why its files form one, how Alloy's own telemetry leaves,
 * then per compose project that runs it the service line (said once), the
 * compose files and a row per variable. Pure: the webview draws it, the unit
 * tests read it.
 */
import type { EnvReport } from '../../../server/src/compose/checkComposeEnvironment';
import type { EnvironmentView } from './messages';

const STATUS: Record<string, string> = {
  provided: 'provided',
  empty: 'empty',
  // Passed through from the environment of the shell that runs `docker compose up`.
  host: 'from the shell',
  missing: 'missing',
  unknown: 'unknown: its env_file is missing',
};

/** One compose project's table. */
export interface EnvironmentTable {
  service: string;
  composeFiles: string;
  /** Variable, status, source; empty when the configuration reads no variable. */
  rows: [string, string, string][];
  /** Row statuses (`missing`, `host`…), for colouring. */
  statuses: string[];
  footer?: string;
}

export interface EnvironmentSection {
  title: string;
  /** Why these files form one configuration. */
  configuration?: string;
  /** How Alloy's own metrics, logs and traces leave, in sentences. */
  telemetry: string[];
  notes: string[];
  /** One per compose project whose service runs this configuration; none when no compose service does. */
  tables: EnvironmentTable[];
}

export const ENVIRONMENT_HEADER = ['Variable', 'Status', 'Source'] as const;

function tableOf(env: EnvReport): EnvironmentTable {
  // The explanation usually names the service already ("service "alloy" mounts …"): say it once.
  const service = env.explanation.includes(`"${env.service}"`) ? env.explanation : `${env.service}: ${env.explanation}`;
  const table: EnvironmentTable = { service, composeFiles: env.composeFiles.join(', '), rows: [], statuses: [] };
  for (const v of env.variables) {
    let status = STATUS[v.status] ?? v.status;
    if (v.status === 'host' && v.requiredByCompose) status += ', required';
    if (v.status === 'host' && v.hasDefault) status += ', has a default';
    table.rows.push([v.name, status, v.source ?? '—']);
    table.statuses.push(v.status);
  }
  const missing = env.variables.filter((v) => v.status === 'missing').length;
  if (missing > 0) table.footer = `${missing} variable${missing === 1 ? ' is' : 's are'} missing: the Problems panel has a quick fix that adds ${missing === 1 ? 'it' : 'them'} to the service's environment.`;
  return table;
}

export function environmentSections({ report, names }: EnvironmentView): EnvironmentSection[] {
  return report.entries.map((entry) => {
    // Older servers send only `env`.
    const reports = entry.envReports?.length ? entry.envReports : entry.env ? [entry.env] : [];
    return {
      title: entry.files.map((f) => names[f] ?? f).join(', '),
      ...(entry.reason ? { configuration: entry.reason.detail } : {}),
      telemetry: [...(entry.explanation ?? [])],
      notes: [...entry.notes],
      tables: reports.map(tableOf),
    };
  });
}
