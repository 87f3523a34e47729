/**
 * "Alloy: Document Environment Variables" in the real editor: it writes the
 * `.env.example` beside the compose file with every variable the fixture
 * reads, names only, and a second run changes nothing.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURE, activateExtension, showFile, workspaceUri } from './helpers';

const COMMAND = 'alloy-selfmon.documentEnvironment';
/** What the fixture reads with sys.env, in the order it reads them. */
const VARIABLES = ['GRAFANA_CLOUD_INSTANCE_ID', 'GRAFANA_CLOUD_API_KEY', 'GRAFANA_CLOUD_OTLP_ENDPOINT', 'GRAFANA_CLOUD_LOKI_URL', 'GRAFANA_CLOUD_LOKI_USER'];

describe('documenting the environment', function () {
  const example = () => workspaceUri('.env.example');

  before(async function () {
    await activateExtension();
  });

  after(async function () {
    await vscode.workspace.fs.delete(example()).then(undefined, () => undefined);
  });

  it('writes a .env.example beside the compose file with every variable, and no value', async function () {
    await showFile(FIXTURE);
    await vscode.commands.executeCommand(COMMAND);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(example()));
    const names = [...text.matchAll(/^([A-Z_]+)=(.*)$/gm)].map((m) => m[1]);
    assert.deepEqual(names, VARIABLES, `.env.example:\n${text}`);
    assert.ok([...text.matchAll(/^[A-Z_]+=(.*)$/gm)].every((m) => m[1] === ''), `a value was written:\n${text}`);
    assert.match(text, /# Read at grafana-alloy\/config\.alloy:29 \(otelcol\.auth\.basic "grafana_cloud" client_auth\.password\)\.\n(# .*\n)*# A credential: set it in your own \.env, never commit its value\.\nGRAFANA_CLOUD_API_KEY=\n/);

    // Run again from the configuration: nothing to add.
    await showFile(FIXTURE);
    await vscode.commands.executeCommand(COMMAND);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(example())), text);
  });

  it('keeps what a .env.example already holds and adds only what it lacks', async function () {
    const existing = '# Local settings\nGRAFANA_CLOUD_LOKI_URL=\nUNRELATED=1\n';
    // As a person would: edit the file the previous test left open, and save it.
    const document = await vscode.workspace.openTextDocument(example());
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), existing);
    assert.ok(await vscode.workspace.applyEdit(edit), 'could not edit .env.example');
    assert.ok(await document.save(), 'could not save .env.example');
    await showFile(FIXTURE);
    await vscode.commands.executeCommand(COMMAND);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(example()));
    assert.ok(text.startsWith(existing), `the existing lines changed:\n${text}`);
    const added = [...text.slice(existing.length).matchAll(/^([A-Z_]+)=$/gm)].map((m) => m[1]);
    assert.deepEqual(added, VARIABLES.filter((v) => v !== 'GRAFANA_CLOUD_LOKI_URL'));
  });
});
