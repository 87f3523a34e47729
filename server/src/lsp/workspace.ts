/**
 * The files of a configuration as the editor sees them: open buffers win over
 * the disk. Which files form a configuration comes from a `ConfigurationIndex`
 * per workspace folder (`workspace/configurationIndex.ts`), told which files
 * changed: an open document's edit, open or close (followed here by comparing
 * versions) or a watched file on disk. Parse results are cached by (path,
 * version) for open documents and by (path, mtime, size) for files on disk;
 * closing a document evicts its parse, and the files on disk parsed for it
 * unless another open document still uses them.
 */
import { statSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseFile, type ParsedFile } from '../languageService';
import { pathExists, type DirectoryEntry, type FileSystem } from '../compose/fileSystem';
import { nodeFileSystem } from '../compose/nodeFileSystem';
import { ConfigurationIndex, type FileChangeKind } from '../workspace/configurationIndex';
import type { Configuration, ConfigurationReason } from '../workspace/configurations';
import type { WalkLimits } from '../workspace/workspaceWalk';
import { MAX_TEXT_FILE_BYTES, readTextFile } from '../textFiles';
import { uriToPath } from './convert';

/** Files on disk parsed for configurations, kept at most (the least recently used go first). */
const MAX_DISK_FILES = 512;
/** …and at most this much text between them. */
const MAX_DISK_TEXT = 32 * 1024 * 1024;

interface CacheEntry {
  key: string;
  file: ParsedFile;
  /** Files on disk: the open documents whose configurations loaded it (`''`: a request for no document). */
  users?: Set<string>;
}

/** A file created, changed or deleted on disk, as a watcher saw it. */
export interface WatchedFileChange {
  path: string;
  kind: FileChangeKind;
}

/** A configuration with its files parsed, the document it was asked for first. */
export interface LoadedConfiguration {
  files: ParsedFile[];
  reason: ConfigurationReason;
}

/** What the workspace holds, for tests and debugging. */
export interface WorkspaceStats {
  /** Parsed open documents. */
  openParses: number;
  /** Parsed files on disk. */
  diskParses: number;
  /** Paths of every parse held. */
  parsedPaths: string[];
  /** File summaries held by discovery, over every folder. */
  discoveredFiles: number;
  /** Walks of workspace folders so far. */
  walks: number;
  /** Files discovery read so far (a buffer or the disk). */
  discoveryReads: number;
}

export class Workspace {
  /** Open documents' parses, keyed by path. */
  private readonly cache = new Map<string, CacheEntry>();
  /** Files on disk parsed for configurations, least recently used first. */
  private readonly diskCache = new Map<string, CacheEntry>();
  private diskText = 0;
  /** Discovery per workspace folder (or per lone directory, `dir:` keys). */
  private readonly indexes = new Map<string, ConfigurationIndex>();
  /** The open `file:` documents' versions at the last question, by path. */
  private versions = new Map<string, number>();
  /** Open buffers first, then the disk: what discovery reads. */
  private readonly fs: FileSystem;

  constructor(
    private readonly openDocument: (path: string) => TextDocument | undefined,
    private readonly openDocuments: () => readonly TextDocument[] = () => [],
    private readonly folders: () => readonly string[] = () => [],
  ) {
    this.fs = this.overlay();
  }

  /** The parsed file for an open document. */
  parsedDocument(document: TextDocument): ParsedFile {
    const path = uriToPath(document.uri);
    const key = `v${document.version}`;
    const hit = this.cache.get(path);
    if (hit && hit.key === key) return hit.file;
    // The previous version's tree lets the parser redo only what the edit touched.
    const file = parseFile(path, document.getText(), hit?.file);
    this.cache.set(path, { key, file });
    return file;
  }

  /** A document closed: its parse goes, and the files on disk only it used. */
  evict(uri: string): void {
    this.cache.delete(uriToPath(uri));
    this.sync();
  }

  /**
   * Files changed on disk. With the changes (from file watchers), discovery
   * looks again at those files only; without, it forgets what it found.
   * Opening, editing and closing documents need no call: they are followed.
   */
  invalidate(changes?: readonly WatchedFileChange[]): void {
    if (!changes) {
      for (const index of this.indexes.values()) index.reset();
      this.dropDisk(() => true);
      return;
    }
    for (const { path, kind } of changes) {
      for (const index of this.indexes.values()) index.changed(path, kind);
      if (this.diskCache.has(path)) this.dropDisk((p) => p === path);
    }
  }

  /** Counts of what is cached. */
  stats(): WorkspaceStats {
    const stats: WorkspaceStats = { openParses: this.cache.size, diskParses: this.diskCache.size, parsedPaths: [...this.cache.keys(), ...this.diskCache.keys()].sort(), discoveredFiles: 0, walks: 0, discoveryReads: 0 };
    for (const index of this.indexes.values()) {
      const held = index.stats();
      stats.discoveredFiles += held.files;
      stats.walks += held.walks;
      stats.discoveryReads += held.reads;
    }
    return stats;
  }

  /**
   * The configurations an open document belongs to, each with its files (the
   * document first) and why they form one; at least one. Unsaved or untitled
   * documents stand alone. `patterns` is the `configurations` setting; without
   * it, the last one given for the folder is used.
   */
  configurationOf(document: TextDocument, patterns?: readonly string[]): LoadedConfiguration[] {
    const self = this.parsedDocument(document);
    if (!document.uri.startsWith('file:')) return [{ files: [self], reason: { kind: 'file', detail: 'an unsaved document stands alone' } }];
    return this.configurationsOfPath(self.path, patterns).map((c) => ({
      files: [self, ...this.loadFor(c.files.filter((f) => f !== self.path), self.path)],
      reason: c.reason,
    }));
  }

  /** The configurations holding the file at `path` (by discovery over its workspace folder); the file alone when none does. */
  configurationsOfPath(path: string, patterns?: readonly string[]): Configuration[] {
    this.sync();
    const root = this.folderOf(path);
    const found = root ? this.index(root, patterns).configurationsOf(path) : [];
    if (found.length > 0) return found;
    // Outside the workspace folders, or past the walk's limits: the file's own folder, not its subfolders.
    const local = this.index(dirname(path), patterns, { maxDirectories: 1, maxDepth: 0 }).configurationsOf(path);
    return local.length > 0 ? local : [{ files: [path], reason: { kind: 'file', detail: `${basename(path)} stands alone` } }];
  }

  /** Every configuration of a workspace folder. */
  configurationsIn(root: string, patterns?: readonly string[]): Configuration[] {
    this.sync();
    return this.index(root, patterns).all().configurations;
  }

  /** The parsed files at `paths`: open buffers first, then the disk; unreadable ones are left out. */
  load(paths: readonly string[]): ParsedFile[] {
    return this.loadFor(paths, '');
  }

  /** `load` for the configuration of the open document at `user` (`''`: none), which keeps the disk parses alive. */
  private loadFor(paths: readonly string[], user: string): ParsedFile[] {
    const files: ParsedFile[] = [];
    for (const path of paths) {
      const open = this.openDocument(path);
      const file = open ? this.parsedDocument(open) : this.parsedFromDisk(path, user);
      if (file) files.push(file);
    }
    return files;
  }

  private folderOf(path: string): string | undefined {
    return this.folders()
      .filter((f) => path.startsWith(f.endsWith(sep) ? f : f + sep))
      .sort((a, b) => b.length - a.length)[0];
  }

  private index(root: string, patterns: readonly string[] | undefined, limits?: WalkLimits): ConfigurationIndex {
    const key = limits ? `dir:${root}` : root;
    let index = this.indexes.get(key);
    if (!index) {
      index = new ConfigurationIndex({
        root,
        fs: this.fs,
        hostEnv: process.env,
        patterns: patterns ?? [],
        // Open documents are parsed once, for discovery and diagnostics alike; files on disk only for their summary.
        parseFile: (path, text) => {
          const open = this.openDocument(path);
          return open ? this.parsedDocument(open) : parseFile(path, text);
        },
        stampOf: (path) => {
          const version = this.versions.get(path);
          return version === undefined ? undefined : `v${version}`;
        },
        ...(limits ? { limits } : {}),
      });
      this.indexes.set(key, index);
    } else if (patterns) {
      index.setPatterns(patterns);
    }
    return index;
  }

  /**
   * Follows the open documents: an edited, opened or closed document is a
   * changed file to discovery, and a closed one releases what was parsed for it.
   */
  private sync(): void {
    const now = new Map<string, number>();
    for (const d of this.openDocuments()) if (d.uri.startsWith('file:')) now.set(uriToPath(d.uri), d.version);
    for (const [path, version] of now) {
      if (this.versions.get(path) !== version) for (const index of this.indexes.values()) index.changed(path);
    }
    for (const path of this.versions.keys()) {
      if (now.has(path)) continue;
      for (const index of this.indexes.values()) index.changed(path);
      this.cache.delete(path);
      this.release(path);
    }
    this.versions = now;
  }

  /** The document at `user` closed: disk parses no other open document uses go. */
  private release(user: string): void {
    for (const entry of this.diskCache.values()) {
      entry.users?.delete(user);
      entry.users?.delete('');
    }
    this.dropDisk((_, entry) => (entry.users?.size ?? 0) === 0);
  }

  private dropDisk(drop: (path: string, entry: CacheEntry) => boolean): void {
    for (const [path, entry] of this.diskCache) {
      if (!drop(path, entry)) continue;
      this.diskCache.delete(path);
      this.diskText -= entry.file.parse.text.length;
    }
  }

  /**
   * A file of the configuration that no editor holds open, through the one
   * bounded reader: a FIFO, device, socket or oversized file is left out
   * rather than blocking or filling memory.
   */
  private parsedFromDisk(path: string, user: string): ParsedFile | undefined {
    let key: string;
    try {
      const stat = statSync(path);
      if (!stat.isFile() || stat.size > MAX_TEXT_FILE_BYTES) return undefined;
      key = `d${stat.mtimeMs}:${stat.size}`;
    } catch {
      return undefined;
    }
    const hit = this.diskCache.get(path);
    if (hit && hit.key === key) {
      // Most recently used last.
      this.diskCache.delete(path);
      this.diskCache.set(path, hit);
      hit.users?.add(user);
      return hit.file;
    }
    if (hit) this.dropDisk((p) => p === path);
    const read = readTextFile(path);
    if (!read.ok) return undefined;
    const file = parseFile(path, read.text);
    this.diskCache.set(path, { key, file, users: new Set([user]) });
    this.diskText += read.text.length;
    for (const [old, entry] of this.diskCache) {
      if (this.diskCache.size <= MAX_DISK_FILES && this.diskText <= MAX_DISK_TEXT) break;
      if (old === path) continue;
      this.diskCache.delete(old);
      this.diskText -= entry.file.parse.text.length;
    }
    return file;
  }

  /** Open `file:` buffers over the disk, read live: discovery sees every edit without copying texts. */
  private overlay(): FileSystem {
    const openIn = (dir: string): string[] => {
      const names: string[] = [];
      const wanted = resolve(dir);
      for (const d of this.openDocuments()) {
        if (!d.uri.startsWith('file:')) continue;
        const path = uriToPath(d.uri);
        if (dirname(path) === wanted) names.push(basename(path));
      }
      return names;
    };
    return {
      readFile: (path) => this.openDocument(path)?.getText() ?? nodeFileSystem.readFile(path),
      exists: (path) => this.openDocument(path) !== undefined || pathExists(nodeFileSystem, path),
      listDir: (dir) => {
        const listed = nodeFileSystem.listDir(dir);
        const open = openIn(dir);
        if (open.length === 0) return listed;
        return [...new Set([...(listed ?? []), ...open])].sort();
      },
      listEntries: (dir) => {
        const listed = nodeFileSystem.listEntries?.(dir);
        const open = openIn(dir);
        if (open.length === 0) return listed;
        const entries: DirectoryEntry[] = [...(listed ?? [])];
        // Unsaved buffers show up in their directory.
        for (const name of open) if (!entries.some((e) => e.name === name)) entries.push({ name, directory: false });
        return entries;
      },
    };
  }
}
