/**
 * Navigation in the real editor: go to definition, find references and rename
 * across the files of a configuration and the module it imports
 * (`fixtures/workspace/navigation/`). Nothing here edits the fixture files:
 * rename is checked on the workspace edit the server returns.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, showFile } from './helpers';

const MAIN = 'navigation/main.alloy';
const WRITE = 'navigation/write.alloy';
const LIB = 'navigation/modules/lib.alloy';

/** The position of `needle` (plus `shift` characters) in `document`. */
function positionOf(document: vscode.TextDocument, needle: string, shift = 0): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `no "${needle}" in ${document.uri.toString()}`);
  return document.positionAt(offset + shift);
}

function relative(uri: vscode.Uri): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.path ?? '';
  return uri.path.startsWith(folder) ? uri.path.slice(folder.length + 1) : uri.path;
}

function describeLocation(l: vscode.Location | vscode.LocationLink): string {
  const uri = 'targetUri' in l ? l.targetUri : l.uri;
  const range = 'targetUri' in l ? (l.targetSelectionRange ?? l.targetRange) : l.range;
  return `${relative(uri)}:${range.start.line}:${range.start.character}`;
}

describe('navigation: definition, references and rename', function () {
  let document: vscode.TextDocument;

  before(async function () {
    await activateExtension();
    document = (await showFile(MAIN)).document;
  });

  /** Runs an editor command that answers with a list (the client is started: activation awaits it). */
  async function ask<T>(command: string, ...args: unknown[]): Promise<T[]> {
    return (await vscode.commands.executeCommand<T[] | undefined>(command, ...args)) ?? [];
  }

  it('goes to a component in another file, and to a declare in the imported module', async function () {
    const toWrite = await ask<vscode.Location | vscode.LocationLink>('vscode.executeDefinitionProvider', document.uri, positionOf(document, 'remote_write.default.receiver', 15));
    assert.deepEqual(toWrite.map(describeLocation), [`${WRITE}:0:25`]);
    const toLib = await ask<vscode.Location | vscode.LocationLink>('vscode.executeDefinitionProvider', document.uri, positionOf(document, 'relabel "default"', 2));
    assert.deepEqual(toLib.map(describeLocation), [`${LIB}:0:9`]);
  });

  it('finds every reference to a component across the files', async function () {
    const refs = await ask<vscode.Location>('vscode.executeReferenceProvider', document.uri, positionOf(document, '"alloy" { }', 2));
    assert.deepEqual(refs.map(describeLocation).sort(), [`${MAIN}:5:26`, `${MAIN}:8:39`].sort());
    const moduleRefs = await ask<vscode.Location>('vscode.executeReferenceProvider', document.uri, positionOf(document, 'relabel "default"', 2));
    assert.deepEqual(moduleRefs.map(describeLocation).sort(), [`${LIB}:0:9`, `${MAIN}:9:19`, `${MAIN}:12:4`].sort());
  });

  it('renames a component label in every file, and refuses a name that is not an identifier', async function () {
    const position = positionOf(document, 'remote_write.default.receiver', 15);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, position, 'mimir');
    assert.ok(edit, 'no rename edit');
    const changes = edit.entries().map(([uri, edits]) => `${relative(uri)}: ${edits.map((e) => `${e.range.start.line}:${e.range.start.character}=${e.newText}`).join(' ')}`).sort();
    assert.deepEqual(changes, [`${MAIN}: 13:39=mimir`, `${WRITE}: 0:25=mimir`]);
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, position, 'not-a-name')),
      /not a valid name/,
    );
  });
});
