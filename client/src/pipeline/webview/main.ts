/**
 * The Alloy panel's script: two tabs, the pipeline graph and the compose
 * environment table, drawn from what the extension posts. Runs in the webview
 * under a strict Content-Security-Policy (no inline code, no network).
 */
import type { FromWebview, PanelView, ToWebview } from '../messages';
import type { PipelineNode, PipelineViewData } from '../../../../server/src/features/pipelineView';
import { drawPipeline } from './graph';
import { drawEnvironment } from './environment';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const nodes = new Map<string, PipelineNode>();
let lastPipeline: PipelineViewData | undefined;
let resizeTimer: number | undefined;

function byId(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the panel's page lacks #${id}`);
  return found;
}

function show(view: PanelView): void {
  for (const v of ['pipeline', 'environment'] as const) {
    byId(`tab-${v}`).setAttribute('aria-selected', String(v === view));
    byId(`view-${v}`).hidden = v !== view;
  }
  // Drawn while hidden, the graph was laid out for no width: lay it out for the panel now.
  if (view === 'pipeline' && lastPipeline) drawPipeline(byId('graph'), lastPipeline, reveal);
}

function reveal(node: PipelineNode): void {
  const location = node.location ?? node.findings[0]?.location;
  if (location) vscode.postMessage({ type: 'reveal', location });
}

function findingsList(host: HTMLElement, data: { findings: { code: string; message: string; location: PipelineNode['location'] }[] }): void {
  host.replaceChildren();
  for (const f of data.findings) {
    const item = document.createElement('li');
    const code = document.createElement('code');
    code.textContent = f.code;
    item.append(code, ` ${f.message}`);
    item.addEventListener('click', () => f.location && vscode.postMessage({ type: 'reveal', location: f.location }));
    host.appendChild(item);
  }
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'pipeline') {
    byId('pipeline-title').textContent = message.title;
    byId('pipeline-note').textContent = message.note ?? (message.data?.hasSyntaxErrors ? 'The file has syntax errors: the graph is a best guess and self-monitoring is not checked.' : '');
    nodes.clear();
    const data = message.data ?? { nodes: [], edges: [], findings: [], hasSyntaxErrors: false, isModule: false };
    for (const n of data.nodes) nodes.set(n.id, n);
    lastPipeline = data;
    const summary = drawPipeline(byId('graph'), data, reveal);
    findingsList(byId('findings'), data);
    vscode.postMessage({ type: 'rendered', summary });
  } else if (message.type === 'environment') {
    const summary = drawEnvironment(byId('environment'), message.view);
    vscode.postMessage({ type: 'rendered', summary });
  } else if (message.type === 'show') {
    show(message.view);
  } else if (message.type === 'click') {
    const target = document.querySelector(`[data-id="${CSS.escape(message.id)}"]`);
    target?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  }
});

for (const v of ['pipeline', 'environment'] as const) byId(`tab-${v}`).addEventListener('click', () => show(v));
// The layout depends on the panel's width: lay out again once resizing pauses.
window.addEventListener('resize', () => {
  window.clearTimeout(resizeTimer);
  resizeTimer = window.setTimeout(() => {
    if (lastPipeline) drawPipeline(byId('graph'), lastPipeline, reveal);
  }, 150);
});
vscode.postMessage({ type: 'ready' });
