/**
 * The compose environment report as the panel's table shows it: per
 * configuration, the service line (said once), the compose files, and a row
 * per variable. Pure: the webview draws it, the unit tests read it.
 */
import type { EnvironmentView } from './messages';

const STATUS: Record<string, string> = {
  provided: 'provided',
  empty: 'empty',
  // Passed through from the environment of the shell that runs `docker compose up`.
  host: 'from the shell',
  missing: 'missing',
};

export interface EnvironmentSection {
  title: string;
  notes: string[];
  /** Absent when no compose service runs this configuration. */
  service?: string;
  composeFiles?: string;
  /** Variable, status, source; empty when the configuration reads no variable. */
  rows: [string, string, string][];
  /** Row statuses (`missing`, `host`…), for colouring. */
  statuses: string[];
  footer?: string;
}

export const ENVIRONMENT_HEADER = ['Variable', 'Status', 'Source'] as const;

export function environmentSections({ report, names }: EnvironmentView): EnvironmentSection[] {
  return report.entries.map((entry) => {
    const section: EnvironmentSection = { title: entry.files.map((f) => names[f] ?? f).join(', '), notes: [...entry.notes], rows: [], statuses: [] };
    const env = entry.env;
    if (!env) return section;
    // The explanation usually names the service already ("service "alloy" mounts …"): say it once.
    section.service = env.explanation.includes(`"${env.service}"`) ? env.explanation : `${env.service}: ${env.explanation}`;
    section.composeFiles = env.composeFiles.join(', ');
    for (const v of env.variables) {
      let status = STATUS[v.status] ?? v.status;
      if (v.status === 'host' && v.requiredByCompose) status += ', required';
      if (v.status === 'host' && v.hasDefault) status += ', has a default';
      section.rows.push([v.name, status, v.source ?? '—']);
      section.statuses.push(v.status);
    }
    const missing = env.variables.filter((v) => v.status === 'missing').length;
    if (missing > 0) section.footer = `${missing} variable${missing === 1 ? ' is' : 's are'} missing: the Problems panel has a quick fix that adds ${missing === 1 ? 'it' : 'them'} to the service's environment.`;
    return section;
  });
}
