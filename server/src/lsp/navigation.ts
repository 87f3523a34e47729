/**
 * LSP adapters for navigation: definition, references, document highlight,
 * rename (with prepareRename), workspace symbols, document links, signature
 * help and semantic tokens. Each handler turns positions into offsets, calls
 * the pure feature, and turns offsets back; an exception is logged with the
 * feature and URI and answered with an empty result.
 */
import { existsSync, statSync } from 'node:fs';
import {
  DocumentHighlightKind,
  LSPErrorCodes,
  MarkupKind,
  ResponseError,
  SymbolKind,
  type Connection,
  type DocumentHighlight,
  type DocumentLink,
  type Location,
  type Range,
  type ServerCapabilities,
  type SignatureHelp,
  type SymbolInformation,
  type TextDocuments,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findDefinition } from '../features/definition';
import { getDocumentLinks } from '../features/documentLinks';
import { buildProject, type ModuleLoader, type Project } from '../features/project';
import { findHighlights, findReferences } from '../features/references';
import { prepareRename, rename } from '../features/rename';
import { getSemanticTokens, TOKEN_MODIFIERS, TOKEN_TYPES } from '../features/semanticTokens';
import { getSignatureHelp } from '../features/signatureHelp';
import { buildSymbolIndex, type SymbolIndex } from '../features/symbolIndex';
import { getWorkspaceSymbols, type WorkspaceSymbolResult } from '../features/workspaceSymbols';
import type { ConfigModel, SourceFile } from '../semantic/model';
import type { TextRange } from '../syntax/diagnostic';
import { pathToUri, toRange } from './convert';
import { requireDocumentUri, requireObject, requirePosition } from './params';
import type { Workspace } from './workspace';
import { makeGuard } from './guard';
import { alloyFilesAt } from '../workspace/composeRuns';
import { nodeFileSystem } from '../compose/nodeFileSystem';

/** What the server announces for navigation, spread into its capabilities. */
export const navigationCapabilities: ServerCapabilities = {
  definitionProvider: true,
  referencesProvider: true,
  documentHighlightProvider: true,
  renameProvider: { prepareProvider: true },
  workspaceSymbolProvider: true,
  documentLinkProvider: { resolveProvider: false },
  signatureHelpProvider: { triggerCharacters: ['(', ','], retriggerCharacters: [','] },
  semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] }, full: true },
};

const symbolKinds: Record<WorkspaceSymbolResult['kind'], SymbolKind> = {
  component: SymbolKind.Module,
  declare: SymbolKind.Class,
  namespace: SymbolKind.Namespace,
  argument: SymbolKind.Variable,
  export: SymbolKind.Property,
};

/** `params`, once its `textDocument.uri` (and `position`) are what LSP says; else an InvalidParams error. */
function validated<P>(method: string, params: P, position: boolean): P {
  requireDocumentUri(method, params);
  if (position) requirePosition(method, params);
  return params;
}

/**
 * Registers the navigation handlers. `workspaceFolders` gives the folders the
 * client opened; `modelOf` is the language service's model of a configuration
 * (the one its analysis built, while the files are the same).
 */
export function registerNavigation(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  workspace: Workspace,
  workspaceFolders: () => readonly string[],
  modelOf: (files: readonly SourceFile[]) => ConfigModel,
): void {
  const guard = makeGuard(connection);

  /** A module is a file, or the `.alloy` files of a directory; open buffers win over the disk. */
  const loadModule: ModuleLoader = (path) => {
    try {
      if (!statSync(path).isDirectory()) return workspace.load([path]);
      // The same listing configurations use: the `.alloy` files directly in the folder, sorted.
      return workspace.load(alloyFilesAt(path, nodeFileSystem) ?? []);
    } catch {
      return undefined;
    }
  };

  // The last index, reused while its files are the same parse results (the workspace caches them by version).
  let last: { files: readonly SourceFile[]; index: SymbolIndex } | undefined;

  /**
   * The index of the document's configuration and its modules, and the
   * document's own parsed file. A module opened on its own is seen through a
   * configuration of the workspace that imports it, when there is one, so that
   * references and rename reach its users.
   */
  function indexOf(document: TextDocument): { index: SymbolIndex; self: SourceFile } | undefined {
    const files = workspace.configurationOf(document)[0]?.files ?? [];
    const own = files[0];
    if (!own) return undefined;
    const onDisk = document.uri.startsWith('file:');
    let project = buildProject(files, onDisk ? loadModule : undefined);
    if (onDisk && modelOf(files).isModule) project = importingProject(own.path) ?? project;
    const self = project.allFiles.find((f) => f.path === own.path) ?? own;
    const same = last && last.files.length === project.allFiles.length && last.files.every((f, i) => f === project.allFiles[i]);
    if (!same || !last) last = { files: project.allFiles, index: buildSymbolIndex(project) };
    return { index: last.index, self };
  }

  /** The project of a configuration in the workspace whose `import.file` blocks reach `path`. */
  function importingProject(path: string): Project | undefined {
    for (const folder of workspaceFolders()) {
      for (const configuration of workspace.configurationsIn(folder)) {
        if (configuration.files.includes(path)) continue;
        const files = workspace.load(configuration.files);
        if (!files.some((f) => f.parse.text.includes('import.file'))) continue;
        const project = buildProject(files, loadModule);
        if (project.allFiles.some((f) => f.path === path)) return project;
      }
    }
    return undefined;
  }

  /** LSP range of `range` in the file at `path`, known to the index (else the file's start). */
  function rangeIn(index: SymbolIndex, path: string, range: TextRange) {
    const file = index.project.allFiles.find((f) => f.path === path);
    return file ? toRange(file.parse.lineIndex, range) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  }

  connection.onDefinition((params) =>
    guard('definition', validated('textDocument/definition', params, true).textDocument.uri, [] as Location[], () => {
      const document = documents.get(params.textDocument.uri);
      const found = document && indexOf(document);
      if (!document || !found) return [];
      return findDefinition(found.index, found.self, document.offsetAt(params.position)).map((t) => ({ uri: pathToUri(t.file), range: rangeIn(found.index, t.file, t.selection) }));
    }),
  );

  connection.onReferences((params) =>
    guard('references', validated('textDocument/references', params, true).textDocument.uri, [] as Location[], () => {
      const document = documents.get(params.textDocument.uri);
      const found = document && indexOf(document);
      if (!document || !found) return [];
      const refs = findReferences(found.index, found.self, document.offsetAt(params.position), params.context.includeDeclaration);
      return refs.map((r) => ({ uri: pathToUri(r.file), range: rangeIn(found.index, r.file, r.range) }));
    }),
  );

  connection.onDocumentHighlight((params) =>
    guard('documentHighlight', validated('textDocument/documentHighlight', params, true).textDocument.uri, [] as DocumentHighlight[], () => {
      const document = documents.get(params.textDocument.uri);
      const found = document && indexOf(document);
      if (!document || !found) return [];
      return findHighlights(found.index, found.self, document.offsetAt(params.position)).map((h) => ({
        range: toRange(found.self.parse.lineIndex, h.range),
        kind: h.kind === 'write' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
      }));
    }),
  );

  connection.onPrepareRename((params) => {
    const result = guard('prepareRename', validated('textDocument/prepareRename', params, true).textDocument.uri, undefined as { range: Range; placeholder: string } | { error: string } | undefined, () => {
      const document = documents.get(params.textDocument.uri);
      const found = document && indexOf(document);
      if (!document || !found) return undefined;
      const prepared = prepareRename(found.index, found.self, document.offsetAt(params.position));
      return 'error' in prepared ? prepared : { range: toRange(found.self.parse.lineIndex, prepared.range), placeholder: prepared.placeholder };
    });
    if (!result) return null;
    // The client shows the message of a failed request: say why nothing can be renamed here.
    if ('error' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
    return result;
  });

  connection.onRenameRequest((params) => {
    const result = guard('rename', validated('textDocument/rename', params, true).textDocument.uri, undefined as { edit: WorkspaceEdit } | { error: string } | undefined, () => {
      const document = documents.get(params.textDocument.uri);
      const found = document && indexOf(document);
      if (!document || !found) return undefined;
      const renamed = rename(found.index, found.self, document.offsetAt(params.position), params.newName);
      if ('error' in renamed) return renamed;
      const changes: Record<string, TextEdit[]> = {};
      for (const e of renamed.edits) (changes[pathToUri(e.file)] ??= []).push({ range: rangeIn(found.index, e.file, e.range), newText: e.newText });
      return { edit: { changes } };
    });
    if (!result) return null;
    if ('error' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
    return result.edit;
  });

  connection.onWorkspaceSymbol((params) =>
    guard('workspaceSymbol', String(requireObject('workspace/symbol', params).query ?? ''), [] as SymbolInformation[], () => {
      const files: SourceFile[] = [];
      const seen = new Set<string>();
      for (const folder of workspaceFolders()) {
        for (const configuration of workspace.configurationsIn(folder)) {
          for (const file of workspace.load(configuration.files.filter((p) => !seen.has(p)))) {
            seen.add(file.path);
            files.push(file);
          }
        }
      }
      return getWorkspaceSymbols(files, params.query).map((s) => {
        const file = files.find((f) => f.path === s.file);
        const range = file ? toRange(file.parse.lineIndex, s.selection) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        return { name: s.name, kind: symbolKinds[s.kind], location: { uri: pathToUri(s.file), range }, ...(s.container ? { containerName: s.container } : {}) };
      });
    }),
  );

  connection.onDocumentLinks((params) =>
    guard('documentLink', validated('textDocument/documentLink', params, false).textDocument.uri, [] as DocumentLink[], () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const files = workspace.configurationOf(document)[0]?.files ?? [];
      const self = files[0];
      if (!self) return [];
      const links: DocumentLink[] = [];
      for (const l of getDocumentLinks(modelOf(files), self)) {
        if (l.target.kind === 'file' && !existsSync(l.target.path)) continue;
        const target = l.target.kind === 'file' ? pathToUri(l.target.path) : l.target.url;
        links.push({ range: toRange(self.parse.lineIndex, l.range), target, tooltip: l.tooltip });
      }
      return links;
    }),
  );

  connection.onSignatureHelp((params) =>
    guard('signatureHelp', validated('textDocument/signatureHelp', params, true).textDocument.uri, null as SignatureHelp | null, () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const help = getSignatureHelp(workspace.parsedDocument(document), document.offsetAt(params.position));
      if (!help) return null;
      return {
        signatures: [{ label: help.label, documentation: { kind: MarkupKind.Markdown, value: help.documentation }, parameters: help.parameters.map((p) => ({ label: p.label, documentation: p.type })) }],
        activeSignature: 0,
        activeParameter: help.activeParameter,
      };
    }),
  );

  connection.languages.semanticTokens.on((params) =>
    guard('semanticTokens', validated('textDocument/semanticTokens/full', params, false).textDocument.uri, { data: [] as number[] }, () => {
      const document = documents.get(params.textDocument.uri);
      const found = document && indexOf(document);
      if (!document || !found) return { data: [] };
      // LSP's relative encoding: line delta, start delta (on the same line), length, type, modifier bits.
      const data: number[] = [];
      const lines = found.self.parse.lineIndex;
      let prevLine = 0;
      let prevChar = 0;
      for (const t of getSemanticTokens(found.index, found.self)) {
        const { line, character } = lines.positionAt(t.start);
        const modifiers = t.modifiers.reduce((bits, m) => bits | (1 << TOKEN_MODIFIERS.indexOf(m)), 0);
        data.push(line - prevLine, line === prevLine ? character - prevChar : character, t.length, TOKEN_TYPES.indexOf(t.type), modifiers);
        prevLine = line;
        prevChar = character;
      }
      return { data };
    }),
  );
}

