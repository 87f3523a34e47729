/**
 * Renders the compose environment report as Markdown for people: which
 * service, which files, each variable with its status and where it comes
 * from, one section per compose project, and how Alloy's own telemetry
 * leaves. Values are never part of the report.
 */
import type { EnvReport } from '../../server/src/compose/checkComposeEnvironment';
import type { ComposeReportResult } from '../../server/src/protocol';

const statusText: Record<string, string> = {
  provided: '✅ provided',
  empty: '⚠️ provided but empty',
  host: '↪️ left to the host at `docker compose up`',
  missing: '❌ missing',
  unknown: '❔ unknown (its env_file is missing)',
};

export function renderComposeReport(result: ComposeReportResult, toDisplay: (uri: string) => string): string {
  const lines: string[] = ['# Alloy: compose environment variables', ''];
  if (result.entries.length === 0) {
    lines.push('No `.alloy` configuration was found in this workspace.');
    return lines.join('\n') + '\n';
  }
  for (const entry of result.entries) {
    lines.push(`## ${entry.files.map(toDisplay).join(', ')}`, '');
    lines.push(`- **Configuration:** ${entry.reason.detail}`, '');
    for (const note of entry.notes) lines.push(`> ${note}`, '');
    if (entry.explanation.length > 0) lines.push("**Alloy's own telemetry:**", '', ...entry.explanation.map((s) => `- ${s}`), '');
    // One section per compose project that runs this configuration (older servers send only `env`).
    const reports = entry.envReports.length > 0 ? entry.envReports : entry.env ? [entry.env] : [];
    for (const env of reports) renderEnv(lines, env, reports.length > 1);
  }
  return lines.join('\n') + '\n';
}

function renderEnv(lines: string[], env: EnvReport, titled: boolean): void {
  if (titled) lines.push(`### ${env.composeFiles.map((f) => `\`${f}\``).join(' + ')}`, '');
  lines.push(`- **Service:** \`${env.service}\` — ${env.explanation}`);
  lines.push(`- **Compose files:** ${env.composeFiles.map((f) => `\`${f}\``).join(', ')}`, '');
  if (env.variables.length === 0) {
    lines.push('The configuration reads no environment variable with `sys.env`.', '');
    return;
  }
  lines.push('| variable | status | source |', '| --- | --- | --- |');
  for (const v of env.variables) {
    let status = statusText[v.status] ?? v.status;
    if (v.status === 'host' && v.requiredByCompose) status += ' (compose refuses to start without it)';
    if (v.status === 'host' && v.hasDefault) status += ' (a default applies)';
    lines.push(`| \`${v.name}\` | ${status} | ${v.source ? `\`${v.source}\`` : '—'} |`);
  }
  lines.push('');
  const missing = env.variables.filter((v) => v.status === 'missing').length;
  if (missing > 0) lines.push(`${missing} variable${missing === 1 ? ' is' : 's are'} missing: see the Problems panel for a quick fix that adds ${missing === 1 ? 'it' : 'them'} to the service's \`environment\`.`, '');
}
