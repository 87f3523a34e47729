/**
 * The language status item of `.alloy` files (as vscode-eslint shows one): the
 * server's state, with "Show Output" one click away, and an error severity
 * when the server could not start.
 */
import * as vscode from 'vscode';

export type ServerState = 'starting' | 'running' | 'stopped' | 'failed';

export class ServerStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;

  constructor(showOutputCommand: string) {
    this.item = vscode.languages.createLanguageStatusItem('alloySelfMonitoring.server', { language: 'grafana-alloy' });
    this.item.name = 'Alloy Self-Monitoring';
    this.item.command = { title: 'Show Output', command: showOutputCommand };
    this.set('starting');
  }

  set(state: ServerState, detail?: string): void {
    const text: Record<ServerState, string> = {
      starting: '$(sync~spin) Alloy: starting',
      running: '$(check) Alloy',
      stopped: '$(circle-slash) Alloy: stopped',
      failed: '$(error) Alloy: not running',
    };
    this.item.text = text[state];
    this.item.busy = state === 'starting';
    this.item.severity = state === 'failed' ? vscode.LanguageStatusSeverity.Error : state === 'stopped' ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    this.item.detail = state === 'failed' ? `The language server did not start${detail ? `: ${detail}` : ''}` : 'Alloy Self-Monitoring language server';
  }

  get state(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}
