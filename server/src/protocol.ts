/**
 * Custom messages between the client and the server, typed once for both
 * sides. Plain types only: no LSP library imports.
 */
import type { EnvReport } from './compose/checkComposeEnvironment';

/** Request: the compose environment report for the configurations of the workspace. */
export const COMPOSE_REPORT_REQUEST = 'alloySelfMonitoring/composeReport';

export interface ComposeReportParams {
  /** The `.alloy` documents to report on (their configurations); empty means every `.alloy` file of the workspace folders. */
  uris: string[];
}

export interface ComposeReportEntry {
  /** The configuration's files, as URIs. */
  files: string[];
  /** The configuration's directory, for display. */
  directory: string;
  /** Null when no compose file applies, or no compose service runs Alloy; the first of `envReports`. */
  env: EnvReport | null;
  /** One report per compose project whose service runs the configuration. */
  envReports: EnvReport[];
  /** How Alloy's own metrics, logs and traces leave, in sentences. */
  explanation: string[];
  /** Why `env` is null, or problems met on the way, in plain words. */
  notes: string[];
  /** Counts of findings per env/* and compose/* code. */
  counts: Record<string, number>;
}

export interface ComposeReportResult {
  entries: ComposeReportEntry[];
}

/** The command in the palette: "Alloy: Check Compose Environment Variables". */
export const CHECK_COMPOSE_COMMAND = 'alloy-selfmon.checkComposeEnv';
