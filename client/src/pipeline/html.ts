/**
 * The Alloy panel's page: a strict Content-Security-Policy (scripts and styles
 * only from the extension's dist/ folder, with a nonce for the one script; no
 * network, no inline code), the bundled script and stylesheet.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { PanelView } from './messages';

export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, initial: PanelView): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'pipeline.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'pipeline.css'));
  const csp = [`default-src 'none'`, `img-src ${webview.cspSource}`, `style-src ${webview.cspSource}`, `font-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  const hidden = (view: PanelView) => (view === initial ? '' : ' hidden');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Alloy</title>
</head>
<body>
<nav role="tablist">
<button id="tab-pipeline" role="tab" aria-selected="${initial === 'pipeline'}">Pipeline</button>
<button id="tab-environment" role="tab" aria-selected="${initial === 'environment'}">Compose environment</button>
</nav>
<main>
<section id="view-pipeline"${hidden('pipeline')}>
<h1 id="pipeline-title"></h1>
<p id="pipeline-note" class="note"></p>
<div class="legend"><span><span class="swatch self"></span>Alloy's own telemetry</span><span><span class="swatch broken"></span>missing or broken self-monitoring</span><span><span class="swatch plain"></span>other data</span></div>
<div id="graph"></div>
<ul id="findings"></ul>
</section>
<section id="view-environment"${hidden('environment')}>
<div id="environment"></div>
</section>
</main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
