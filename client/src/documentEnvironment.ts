/**
 * The command "Alloy: Document Environment Variables": asks the server for the
 * configuration's variables and brings the `.env.example` up to date.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ENVIRONMENT_DOCS_REQUEST, type EnvironmentDocsParams, type EnvironmentDocsResult } from '../../server/src/protocol';

/**
 * Brings the `.env.example` beside the compose file up to date with every
 * variable the active configuration reads (names and comments, never values),
 * saves it and shows it beside the configuration.
 */
export async function documentEnvironment(client: LanguageClient): Promise<EnvironmentDocsResult | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  if (!active || active.languageId !== 'grafana-alloy') {
    void vscode.window.showInformationMessage('Open an Alloy configuration (.alloy) to document the environment variables it reads.');
    return undefined;
  }
  const params: EnvironmentDocsParams = { uri: active.uri.toString() };
  const result = await client.sendRequest<EnvironmentDocsResult | null>(ENVIRONMENT_DOCS_REQUEST, params);
  if (!result) return undefined;
  const uri = vscode.Uri.parse(result.envExample.uri);
  const count = result.document.variables.length;
  if (count === 0) {
    void vscode.window.showInformationMessage('This configuration reads no environment variable with sys.env.');
    return result;
  }
  if (result.envExample.changed) {
    const edit = new vscode.WorkspaceEdit();
    if (!result.envExample.exists) {
      edit.createFile(uri, { ignoreIfExists: true });
      edit.insert(uri, new vscode.Position(0, 0), result.envExample.text);
    } else {
      // The update only appends: insert what is new at the end, so undo takes back exactly that.
      const document = await vscode.workspace.openTextDocument(uri);
      const current = document.getText();
      const end = document.positionAt(current.length);
      if (result.envExample.text.startsWith(current)) edit.insert(uri, end, result.envExample.text.slice(current.length));
      else edit.replace(uri, new vscode.Range(new vscode.Position(0, 0), end), result.envExample.text);
    }
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(`Could not update ${vscode.workspace.asRelativePath(uri)}.`);
      return result;
    }
    await (await vscode.workspace.openTextDocument(uri)).save();
  }
  await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  const where = vscode.workspace.asRelativePath(uri);
  void vscode.window.showInformationMessage(
    result.envExample.changed ? `${where} now lists the ${count} variable${count === 1 ? '' : 's'} the configuration reads.` : `${where} already lists every variable the configuration reads.`,
  );
  return result;
}
