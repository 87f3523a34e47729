/**
 * The files of a configuration as the editor sees them: open buffers win over
 * the disk. Parse results are cached by (path, version) for open documents and
 * by (path, mtime, size) for files on disk; closing a document evicts it.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseFile, type ParsedFile } from '../languageService';
import { MAX_TEXT_FILE_BYTES, readTextFile } from '../textFiles';
import { uriToPath } from './convert';

/** Files larger than this are not analysed; they get one clear diagnostic instead. */
export const MAX_FILE_BYTES = MAX_TEXT_FILE_BYTES;

interface CacheEntry {
  key: string;
  file: ParsedFile;
}

export class Workspace {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(private readonly openDocument: (path: string) => TextDocument | undefined) {}

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

  /**
   * All `.alloy` files of the document's directory, which Alloy loads as one
   * configuration. Unsaved or untitled documents stand alone.
   */
  configurationOf(document: TextDocument): ParsedFile[] {
    const self = this.parsedDocument(document);
    if (!document.uri.startsWith('file:')) return [self];
    return [self, ...this.configurationInDirectory(dirname(self.path)).filter((f) => f.path !== self.path)];
  }


  /** The configuration of a directory: its `.alloy` files, open buffers first. */
  configurationInDirectory(dir: string): ParsedFile[] {
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith('.alloy')).sort();
    } catch {
      return [];
    }
    const files: ParsedFile[] = [];
    for (const name of names) {
      const path = join(dir, name);
      const open = this.openDocument(path);
      const file = open ? this.parsedDocument(open) : this.parsedFromDisk(path);
      if (file) files.push(file);
    }
    return files;
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
      if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
      key = `d${stat.mtimeMs}:${stat.size}`;
    } catch {
      return undefined;
    }
    const hit = this.cache.get(path);
    if (hit && hit.key === key) return hit.file;
    const read = readTextFile(path, MAX_FILE_BYTES);
    if (!read.ok) return undefined;
    const file = parseFile(path, read.text);
    this.cache.set(path, { key, file });
    return file;
  }
}
