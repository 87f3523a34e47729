/**
 * The files of a configuration as the editor sees them: open buffers win over
 * the disk. Which files form a configuration comes from
 * `workspace/configurations.ts`, discovered once per workspace folder and
 * forgotten when files change. Parse results are cached by (path, version) for open documents and
 * by (path, mtime, size) for files on disk; closing a document evicts it.
 */
import { statSync } from 'node:fs';
import { basename, dirname, sep } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseFile, type ParsedFile } from '../languageService';
import { overlayFileSystem } from '../compose/fileSystem';
import { nodeFileSystem } from '../compose/nodeFileSystem';
import {
  configurationsOf,
  discoverConfigurations,
  type Configuration,
  type ConfigurationReason,
  type WorkspaceConfigurations,
} from '../workspace/configurations';
import type { WalkLimits } from '../workspace/workspaceWalk';
import { MAX_TEXT_FILE_BYTES, readTextFile } from '../textFiles';
import { uriToPath } from './convert';

interface CacheEntry {
  key: string;
  file: ParsedFile;
}

/** A configuration with its files parsed, the document it was asked for first. */
export interface LoadedConfiguration {
  files: ParsedFile[];
  reason: ConfigurationReason;
}

export class Workspace {
  private readonly cache = new Map<string, CacheEntry>();
  /** Discovered configurations per workspace folder (or per lone directory), with the setting they used. */
  private readonly discoveries = new Map<string, { patterns: string[]; found: WorkspaceConfigurations }>();

  constructor(
    private readonly openDocument: (path: string) => TextDocument | undefined,
    private readonly openDocuments: () => readonly TextDocument[] = () => [],
    private readonly folders: () => readonly string[] = () => [],
  ) {}

  /** The parsed file for an open document. */
  parsedDocument(document: TextDocument): ParsedFile {
    const path = uriToPath(document.uri);
    const key = `v${document.version}`;
    const hit = this.cache.get(path);
    if (hit && hit.key === key) return hit.file;
    const file = parseFile(path, document.getText());
    this.cache.set(path, { key, file });
    return file;
  }

  evict(uri: string): void {
    this.cache.delete(uriToPath(uri));
  }

  /** Forgets the discovered configurations: files were created, changed, deleted, opened or closed. */
  invalidate(): void {
    this.discoveries.clear();
  }

  /**
   * The configurations an open document belongs to, each with its files (the
   * document first) and why they form one; at least one. Unsaved or untitled
   * documents stand alone. `patterns` is the `configurations` setting; without
   * it, the last discovery of the folder is used.
   */
  configurationOf(document: TextDocument, patterns?: readonly string[]): LoadedConfiguration[] {
    const self = this.parsedDocument(document);
    if (!document.uri.startsWith('file:')) return [{ files: [self], reason: { kind: 'file', detail: 'an unsaved document stands alone' } }];
    return this.configurationsOfPath(self.path, patterns).map((c) => ({
      files: [self, ...this.load(c.files.filter((f) => f !== self.path))],
      reason: c.reason,
    }));
  }

  /** The configurations holding the file at `path` (by discovery over its workspace folder); the file alone when none does. */
  configurationsOfPath(path: string, patterns?: readonly string[]): Configuration[] {
    const root = this.folderOf(path);
    const found = root ? configurationsOf(this.discover(root, patterns), path) : [];
    if (found.length > 0) return found;
    // Outside the workspace folders, or past the walk's limits: the file's own folder, not its subfolders.
    const local = configurationsOf(this.discover(dirname(path), patterns, { maxDirectories: 1, maxDepth: 0 }), path);
    return local.length > 0 ? local : [{ files: [path], reason: { kind: 'file', detail: `${basename(path)} stands alone` } }];
  }

  /** Every configuration of a workspace folder. */
  configurationsIn(root: string, patterns?: readonly string[]): Configuration[] {
    return this.discover(root, patterns).configurations;
  }

  /** The parsed files at `paths`: open buffers first, then the disk; unreadable ones are left out. */
  load(paths: readonly string[]): ParsedFile[] {
    const files: ParsedFile[] = [];
    for (const path of paths) {
      const open = this.openDocument(path);
      const file = open ? this.parsedDocument(open) : this.parsedFromDisk(path);
      if (file) files.push(file);
    }
    return files;
  }

  private folderOf(path: string): string | undefined {
    return this.folders()
      .filter((f) => path.startsWith(f.endsWith(sep) ? f : f + sep))
      .sort((a, b) => b.length - a.length)[0];
  }

  private discover(root: string, patterns: readonly string[] | undefined, limits?: WalkLimits): WorkspaceConfigurations {
    const key = limits ? `dir:${root}` : root;
    const cached = this.discoveries.get(key);
    const wanted = patterns ?? cached?.patterns ?? [];
    if (cached && sameList(cached.patterns, wanted)) return cached.found;
    const overlay = new Map<string, string>();
    for (const d of this.openDocuments()) if (d.uri.startsWith('file:')) overlay.set(uriToPath(d.uri), d.getText());
    const found = discoverConfigurations({
      root,
      fs: overlayFileSystem(overlay, nodeFileSystem),
      hostEnv: process.env,
      patterns: wanted,
      parseFile: (path, text) => {
        const open = this.openDocument(path);
        return open ? this.parsedDocument(open) : parseFile(path, text);
      },
      ...(limits ? { limits } : {}),
    });
    this.discoveries.set(key, { patterns: [...wanted], found });
    return found;
  }

  /**
   * A file of the configuration that no editor holds open, through the one
   * bounded reader: a FIFO, device, socket or oversized file is left out
   * rather than blocking or filling memory.
   */
  private parsedFromDisk(path: string): ParsedFile | undefined {
    let key: string;
    try {
      const stat = statSync(path);
      if (!stat.isFile() || stat.size > MAX_TEXT_FILE_BYTES) return undefined;
      key = `d${stat.mtimeMs}:${stat.size}`;
    } catch {
      return undefined;
    }
    const hit = this.cache.get(path);
    if (hit && hit.key === key) return hit.file;
    const read = readTextFile(path);
    if (!read.ok) return undefined;
    const file = parseFile(path, read.text);
    this.cache.set(path, { key, file });
    return file;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
