/**
 * Custom messages between the client and the server, typed once for both
 * sides. Plain types only: no LSP library imports.
 */
import type { EnvReport } from './compose/checkComposeEnvironment';
import type { ConfigurationReason } from './workspace/configurations';

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
  /** Why these files form one configuration (`kind` is stable, `detail` is for people). */
  reason: ConfigurationReason;
  /** Null when no compose file applies, or no compose service runs Alloy. */
  env: EnvReport | null;
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
