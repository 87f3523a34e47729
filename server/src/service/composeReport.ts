/**
 * One configuration's line in the compose environment report: its variables'
 * statuses per compose project, how Alloy's telemetry leaves, and the compose
 * notes, from the configuration's analysis.
 */
import { dirname } from 'node:path';
import type { Analysis, ParsedFile } from '../languageService';
import type { ComposeReportEntry } from '../protocol';
import type { ConfigurationReason } from '../workspace/configurations';

/**
 * The report entry of a configuration; `files` are paths (the adapter turns
 * them into URIs). `directory` defaults to the first file's. */
export function composeReportEntry(
  files: readonly ParsedFile[],
  reason: ConfigurationReason,
  analysis: Analysis,
  directory = dirname(files[0]?.path ?? ''),
): ComposeReportEntry {
  const { findings, env, envReports, explanation } = analysis;
  const counts: Record<string, number> = {};
  for (const f of findings) if (f.code.startsWith('env/') || f.code.startsWith('compose/')) counts[f.code] = (counts[f.code] ?? 0) + 1;
  const notes = findings.filter((f) => f.code.startsWith('compose/')).map((f) => f.message);
  if (!env) notes.unshift('No compose file applies to this configuration, or none of its services runs Alloy (by a volume mount of this config, or the grafana/alloy image).');
  return { files: files.map((f) => f.path), directory, reason, env, envReports, explanation, notes, counts };
}
