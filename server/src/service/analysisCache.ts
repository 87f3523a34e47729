/**
 * Analyses kept between requests. One entry per configuration (its paths, in
 * order) and settings: a newer version of the same configuration replaces the
 * older one, so memory holds one analysis per configuration, not per edit.
 * An entry answers while its parsed files are the same objects (the parse
 * caches hand out a new object when the text changes) and every file it read
 * on the side still has the stamp it had.
 */
import type { Analysis, ParsedFile } from '../languageService';
import type { ConfigModel } from '../semantic/model';
import { unchanged, type Dependencies, type StampOf } from './dependencies';

export interface CachedAnalysis {
  files: readonly ParsedFile[];
  analysis: Analysis;
  /** The model the analysis was made from (built on demand for an analysis carried over an edit). */
  model: () => ConfigModel;
  dependencies: Dependencies;
}

export class AnalysisCache {
  /** Insertion order is use order: the first entry is the least recently used. */
  private readonly entries = new Map<string, CachedAnalysis>();

  constructor(private readonly capacity: number) {}

  /** The entry for `key`, whatever files it was made for (the previous version of a configuration). */
  peek(key: string): CachedAnalysis | undefined {
    return this.entries.get(key);
  }

  /** The entry for `key` when it still holds for `files`. */
  get(key: string, files: readonly ParsedFile[], stampOf: StampOf): CachedAnalysis | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (!sameFiles(entry.files, files) || !unchanged(entry.dependencies, stampOf)) {
      this.entries.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: CachedAnalysis): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** A model built for exactly these parsed files by any kept analysis. */
  modelFor(files: readonly ParsedFile[]): ConfigModel | undefined {
    for (const entry of this.entries.values()) if (sameFiles(entry.files, files)) return entry.model();
    return undefined;
  }

  /** Drops every analysis that involves `path` (a closed document, a changed file). */
  forget(path: string): void {
    for (const [key, entry] of this.entries) {
      if (entry.files.some((f) => f.path === path) || entry.dependencies.has(path)) this.entries.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}

/** The same parsed objects in the same order: identity, so no text is compared. */
export function sameFiles(a: readonly ParsedFile[], b: readonly ParsedFile[]): boolean {
  return a.length === b.length && a.every((f, i) => f === b[i]);
}
