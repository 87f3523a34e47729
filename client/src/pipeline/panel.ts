/**
 * The Alloy panel: one webview beside the editor with two tabs, the pipeline
 * graph of the active configuration (following its edits) and the compose
 * environment report as a table. The data comes from the language server
 * (`workspace/executeCommand`), the drawing from the webview script.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import { PIPELINE_COMMAND, type PipelineViewData } from '../../../server/src/protocol';
import type { EnvironmentView, FromWebview, PanelView, RenderSummary, ToWebview } from './messages';
import { panelHtml } from './html';

/** Typing pauses this long before the graph is redrawn. */
const REFRESH_MS = 250;
const LANGUAGE_ID = 'grafana-alloy';

export class AlloyPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private readonly queue: ToWebview[] = [];
  private source: vscode.Uri | undefined;
  private sourceColumn: vscode.ViewColumn | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<RenderSummary>();
  /** The last drawing of each view, for the real-editor tests. */
  readonly rendered = new Map<PanelView, RenderSummary>();
  readonly onDidRender = this.renderedEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: () => LanguageClient | undefined,
  ) {
    this.subscriptions.push(
      this.renderedEmitter,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.source && e.document.uri.toString() === this.source.toString()) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor?.document.languageId === LANGUAGE_ID) this.follow(editor);
      }),
      // Findings also change when compose or sibling files do.
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.source && e.uris.some((u) => u.toString() === this.source?.toString())) this.schedule();
      }),
    );
  }

  /** Opens (or brings forward) the panel on the pipeline of `editor`'s configuration. */
  async showPipeline(editor: vscode.TextEditor | undefined): Promise<void> {
    this.open('pipeline');
    if (editor?.document.languageId === LANGUAGE_ID) this.follow(editor);
    else if (!this.source) this.post({ type: 'pipeline', title: 'No Alloy configuration', data: null, note: 'Open an .alloy file to see its pipeline.' });
    this.post({ type: 'show', view: 'pipeline' });
  }

  /** Opens (or brings forward) the panel on the compose environment report. */
  showEnvironment(view: EnvironmentView): void {
    this.open('environment');
    this.post({ type: 'environment', view });
    this.post({ type: 'show', view: 'environment' });
  }

  /** Tests: clicks a node in the webview. */
  click(id: string): void {
    this.post({ type: 'click', id });
  }

  private open(view: PanelView): void {
    if (this.panel) {
      this.panel.reveal(undefined, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel('alloySelfMonitoring.panel', 'Alloy', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist')],
    });
    this.panel = panel;
    this.ready = false;
    panel.webview.html = panelHtml(panel.webview, this.extensionUri, view);
    panel.webview.onDidReceiveMessage((m: FromWebview) => this.receive(m), undefined, this.subscriptions);
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.ready = false;
      this.queue.length = 0;
      this.rendered.clear();
    }, undefined, this.subscriptions);
  }

  private post(message: ToWebview): void {
    if (!this.panel) return;
    if (this.ready) void this.panel.webview.postMessage(message);
    else this.queue.push(message);
  }

  private receive(message: FromWebview): void {
    if (message.type === 'ready') {
      this.ready = true;
      for (const m of this.queue.splice(0)) void this.panel?.webview.postMessage(m);
    } else if (message.type === 'rendered') {
      this.rendered.set(message.summary.view, message.summary);
      this.renderedEmitter.fire(message.summary);
    } else if (message.type === 'reveal') {
      void this.reveal(message.location);
    }
  }

  private follow(editor: vscode.TextEditor): void {
    this.source = editor.document.uri;
    this.sourceColumn = editor.viewColumn;
    void this.refresh();
  }

  private schedule(): void {
    if (!this.panel) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, REFRESH_MS);
  }

  private async refresh(): Promise<void> {
    const client = this.client();
    const source = this.source;
    if (!client || !source || !this.panel) return;
    const title = vscode.workspace.asRelativePath(source);
    try {
      const data = (await client.sendRequest(ExecuteCommandRequest.type, { command: PIPELINE_COMMAND, arguments: [source.toString()] })) as PipelineViewData | null;
      // A newer source was chosen while this one was computed: its own refresh will draw.
      if (source !== this.source) return;
      this.post({ type: 'pipeline', title, data, ...(data ? {} : { note: 'The configuration is not open in the editor.' }) });
    } catch (error) {
      client.warn(`Could not compute the pipeline of ${title}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Shows the block a node stands for, in the editor the panel was opened from. */
  private async reveal(location: { file: string; start: { line: number; character: number }; end: { line: number; character: number } }): Promise<void> {
    const range = new vscode.Range(location.start.line, location.start.character, location.end.line, location.end.character);
    const uri = vscode.Uri.file(location.file);
    const target = this.source && this.source.fsPath === location.file ? this.source : uri;
    const editor = await vscode.window.showTextDocument(target, { viewColumn: this.sourceColumn ?? vscode.ViewColumn.One, selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
