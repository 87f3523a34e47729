/**
 * Messages between the extension and the Alloy panel's webview, typed once for
 * both sides. Plain types only: the webview has no `vscode` module and the
 * extension has no DOM.
 */
import type { PipelineLocation, PipelineViewData } from '../../../server/src/features/pipelineView';
import type { ComposeReportResult } from '../../../server/src/protocol';

export type PanelView = 'pipeline' | 'environment';

/** The compose report with paths already made relative for display. */
export interface EnvironmentView {
  report: ComposeReportResult;
  /** Display names of the report's configuration files, by URI. */
  names: Record<string, string>;
}

export type ToWebview =
  | { type: 'pipeline'; title: string; data: PipelineViewData | null; note?: string }
  | { type: 'environment'; view: EnvironmentView }
  | { type: 'show'; view: PanelView }
  /** Tests: click the node with this id as a person would. */
  | { type: 'click'; id: string };

/** What the webview drew, for the real-editor tests (it cannot be read from outside the webview). */
export interface RenderSummary {
  view: PanelView;
  /** Node ids, `from -kind-> to` edges, ids drawn as broken (red), ids on Alloy's own paths. */
  nodes: string[];
  edges: string[];
  broken: string[];
  self: string[];
  /** Environment: the table's rows as text (header first). */
  rows: string[][];
}

export type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; location: PipelineLocation }
  | { type: 'rendered'; summary: RenderSummary };
