/**
 * Custom messages between the client and the server, typed once for both
 * sides. Plain types only: no LSP library imports.
 */
import type { EnvReport } from './compose/checkComposeEnvironment';
import type { EnvironmentDocument } from './environmentDocs';
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

/** Request: the environment a configuration needs, and its `.env.example` brought up to date. */
export const ENVIRONMENT_DOCS_REQUEST = 'alloySelfMonitoring/environmentDocs';

export interface EnvironmentDocsParams {
  /** An `.alloy` document: its configuration is documented. */
  uri: string;
}

export interface EnvironmentDocsResult {
  /** The configuration's variables (names, places, statuses: never values). */
  document: EnvironmentDocument;
  /** The `.env.example` beside the compose file (else beside the configuration) and its updated text. */
  envExample: { uri: string; exists: boolean; text: string; changed: boolean };
}

/** The command in the palette: "Alloy: Document Environment Variables". */
export const DOCUMENT_ENVIRONMENT_COMMAND = 'alloy-selfmon.documentEnvironment';

/**
 * `workspace/executeCommand` commands, for every LSP client (Neovim, Helix…).
 * `COMPOSE_REPORT_COMMAND` takes optional `.alloy` URIs and returns a
 * ComposeReportResult with a plain-text `text` rendering; `PIPELINE_COMMAND`
 * takes one `.alloy` URI and returns a PipelineViewData, or null.
 */
export const COMPOSE_REPORT_COMMAND = 'alloySelfMonitoring.composeReport';
export const PIPELINE_COMMAND = 'alloySelfMonitoring.pipeline';
export type { PipelineViewData } from './features/pipelineView';

/** The command in the palette and the editor title: "Alloy: Show Pipeline". */
export const SHOW_PIPELINE_COMMAND = 'alloy-selfmon.showPipeline';

/**
 * What the server's workspace holds (parses, discovery summaries) and the
 * discovery work done so far: for tests and for debugging memory and speed.
 * No parameters; answers a `WorkspaceStats` (server/src/lsp/workspace.ts).
 */
export const WORKSPACE_STATS_REQUEST = 'alloySelfMonitoring/workspaceStats';
