/**
 * Configuration discovery that keeps what it learnt: the walk's listing, what
 * each file imports and links to (small summaries, never trees), the compose
 * services that run Alloy, and the groups of each folder. A changed file is
 * looked at again alone; only a change to what it imports, what it defines or
 * references, or to the set of files, re-derives more. The rules themselves
 * are described in `configurations.ts`; `discoverConfigurations` is this index
 * used once.
 */
import * as path from 'node:path';
import { composeFileRole } from '../compose/discovery';
import { isReadError } from '../compose/fileSystem';
import { displayPath, isWithin } from '../compose/paths';
import type { SourceFile } from '../semantic/model';
import { parse } from '../syntax/parser';
import { alloyFilesAt, findAlloyRuns, type AlloyRun } from './composeRuns';
import { describeRun, importTarget, settingMatches } from './configurationRules';
import type { Configuration, ConfigurationReason, DiscoveryOptions, WorkspaceConfigurations } from './configurations';
import { fileLinks, importFileTargets, type FileImport, type FileLinks } from './fileLinks';
import { folderGroups, type Group } from './folderGroups';
import { defaultWalkLimits, walkWorkspace, type WorkspaceListing } from './workspaceWalk';

/** What kind of change a file went through, as file watchers report it. */
export type FileChangeKind = 'created' | 'changed' | 'deleted';

export interface IndexOptions extends DiscoveryOptions {
  /**
   * The version of the editor's buffer for `path`, or undefined for a file read
   * from disk (whose changes arrive through `changed`).
   */
  stampOf?: (path: string) => string | undefined;
}

/** What an index holds, and the work it did. */
export interface IndexStats {
  /** Files summarised. */
  files: number;
  /** Folders grouped. */
  folders: number;
  /** Walks of the folder so far. */
  walks: number;
  /** Files read (from the disk or an open buffer) so far. */
  reads: number;
}

/** What discovery knows of one file; `links` (a `FileLinks` key, compact) only once its folder was grouped. */
interface FileFacts {
  stamp: string;
  state: 'ok' | 'missing' | { error: string };
  imports: readonly FileImport[];
  links?: string;
}

/** Most files import nothing: one shared empty list. */
const NO_IMPORTS: readonly FileImport[] = Object.freeze([]);

/** Everything the rules before the folder rule decided: settings, compose runs, imports. */
interface Claims {
  early: Configuration[];
  /** File → the configurations of rules 1-3 holding it. */
  byFile: Map<string, Configuration[]>;
  claimed: Set<string>;
  modules: Set<string>;
  skipped: WorkspaceConfigurations['skipped'];
}

const DISK = 'disk';
const NO_LINKS: FileLinks = { path: '', declared: [], components: [], declares: [], importNamespaces: [], blocks: [], key: '' };
const STALE = 'stale';

/** Incremental configuration discovery over one workspace folder. Never throws on bad input. */
export class ConfigurationIndex {
  private readonly root: string;
  private patterns: readonly string[];
  private listing: WorkspaceListing | undefined;
  private runs: AlloyRun[] | undefined;
  private claims: Claims | undefined;
  private readonly facts = new Map<string, FileFacts>();
  private readonly groups = new Map<string, Group[]>();
  private readonly pending = new Set<string>();
  private walks = 0;
  private reads = 0;

  constructor(private readonly options: IndexOptions) {
    this.root = path.resolve(options.root);
    this.patterns = [...(options.patterns ?? [])];
  }

  /** The `configurations` setting changed: the claims are decided again (file summaries are kept). */
  setPatterns(patterns: readonly string[]): void {
    if (patterns.length === this.patterns.length && patterns.every((p, i) => p === this.patterns[i])) return;
    this.patterns = [...patterns];
    this.resetClaims();
  }

  /**
   * A file changed: an editor buffer was opened, edited or closed (`kind`
   * undefined), or a watcher saw it created, changed or deleted on disk.
   */
  changed(file: string, kind?: FileChangeKind): void {
    const name = path.basename(file);
    if (!name.endsWith('.alloy')) {
      // Compose and .env files decide which services run Alloy, and with which mounts.
      if (kind !== 'changed' && composeFileRole(name) !== null && this.listing) this.patchCompose(this.listing, file);
      this.runs = undefined;
      this.resetClaims();
      return;
    }
    // Kept to compare with, but read again: the disk changed under the same stamp.
    const known = this.facts.get(file);
    if (kind !== undefined && known) known.stamp = STALE;
    this.pending.add(file);
  }

  /** A compose file appeared or went: the folder's compose files as they are now. */
  private patchCompose(listing: WorkspaceListing, file: string): void {
    const dir = path.dirname(file);
    if (!listing.directories.has(dir)) {
      if (isWithin(this.root, file)) this.listing = undefined;
      return;
    }
    const names = (this.options.fs.listDir(dir) ?? []).filter((n) => composeFileRole(n) !== null);
    if (names.length > 0) listing.composeFiles.set(dir, names);
    else listing.composeFiles.delete(dir);
  }

  /** Forgets everything: what changed on disk is not known. */
  reset(): void {
    this.facts.clear();
    this.pending.clear();
    this.forgetFiles();
  }

  /** What is held and how much work was done so far (for tests and debugging). */
  stats(): IndexStats {
    return { files: this.facts.size, folders: this.groups.size, walks: this.walks, reads: this.reads };
  }

  /** The configurations that hold `file`, sorted like `all()`. */
  configurationsOf(file: string): Configuration[] {
    const claims = this.currentClaims();
    const out = [...(claims.byFile.get(file) ?? [])];
    if (!claims.claimed.has(file) && !claims.modules.has(file)) {
      const dir = path.dirname(file);
      if (this.listing?.alloyFiles.get(dir)?.includes(file)) {
        for (const g of this.groupsOf(dir, claims)) if (g.files.includes(file)) out.push(g);
      }
    }
    return out.sort(byFirstFile);
  }

  /** Every configuration under the root. */
  all(): WorkspaceConfigurations {
    const claims = this.currentClaims();
    const listing = this.listing as WorkspaceListing;
    const configurations = [...claims.early];
    for (const f of claims.modules) configurations.push(...(claims.byFile.get(f) ?? []));
    for (const dir of listing.alloyFiles.keys()) configurations.push(...this.groupsOf(dir, claims));
    return { configurations: configurations.sort(byFirstFile), skipped: [...claims.skipped], truncated: listing.truncated };
  }

  private forgetFiles(): void {
    this.listing = undefined;
    this.runs = undefined;
    this.resetClaims();
  }

  private resetClaims(): void {
    this.claims = undefined;
    this.groups.clear();
  }

  /** Looks again at the files that changed since the last question. */
  private settle(): void {
    if (this.pending.size === 0) return;
    const changed = [...this.pending];
    this.pending.clear();
    for (const file of changed) {
      const before = this.facts.get(file);
      // A file discovery never looked at decides nothing, unless it is new in a walked folder.
      if (!before && !isWithin(this.root, file)) continue;
      const after = this.factsOf(file, before?.links !== undefined);
      if (this.listing && this.patchListing(this.listing, file, after.state !== 'missing', !before)) {
        this.runs = undefined;
        this.resetClaims();
        continue;
      }
      if (!before) continue;
      if (!sameState(before.state, after.state) || JSON.stringify(before.imports) !== JSON.stringify(after.imports)) {
        this.resetClaims();
        continue;
      }
      if (before.links !== after.links) this.groups.delete(path.dirname(file));
    }
  }

  /**
   * Adds a file that now exists to its walked folder, or removes one that is
   * gone, without walking again; a file in a folder the walk did not see (new
   * folder, past the limits, hidden) makes the next question walk again.
   * Whether the listing changed.
   */
  private patchListing(listing: WorkspaceListing, file: string, exists: boolean, isNew: boolean): boolean {
    const dir = path.dirname(file);
    const files = listing.alloyFiles.get(dir) ?? [];
    const listed = files.includes(file);
    const present = exists && this.options.fs.listDir(file) === undefined;
    if (listed === present) return false;
    if (!listing.directories.has(dir)) {
      if (!isNew || !present || !isWithin(this.root, file)) return false;
      this.listing = undefined;
      return true;
    }
    const next = present ? [...files, file].sort() : files.filter((f) => f !== file);
    if (next.length > 0) listing.alloyFiles.set(dir, next);
    else listing.alloyFiles.delete(dir);
    return true;
  }

  /** The facts of a file, read (and parsed when it may import, or when `withLinks`) only when its stamp moved. */
  private factsOf(file: string, withLinks = false): FileFacts {
    const stamp = this.options.stampOf?.(file) ?? DISK;
    const known = this.facts.get(file);
    if (known && known.stamp === stamp && (known.links || !withLinks || known.state !== 'ok')) return known;
    this.reads++;
    const text = this.options.fs.readFile(file);
    let facts: FileFacts;
    if (text === undefined) facts = { stamp, state: 'missing', imports: NO_IMPORTS };
    else if (isReadError(text)) facts = { stamp, state: { error: text.error }, imports: NO_IMPORTS };
    else if (!withLinks && !text.includes('import.file')) facts = { stamp, state: 'ok', imports: NO_IMPORTS };
    else {
      // Parsed for its summary only: the tree is not kept.
      const parsed = this.parse(file, text);
      const imports = importFileTargets(parsed);
      facts = { stamp, state: 'ok', imports: imports.length > 0 ? imports : NO_IMPORTS, ...(withLinks ? { links: fileLinks(parsed).key } : {}) };
    }
    this.facts.set(file, facts);
    return facts;
  }

  private parse(file: string, text: string): SourceFile {
    return this.options.parseFile ? this.options.parseFile(file, text) : { path: file, parse: parse(text) };
  }

  private currentClaims(): Claims {
    this.settle();
    if (this.claims && this.listing) return this.claims;
    if (!this.listing) {
      this.walks++;
      this.listing = walkWorkspace(this.root, this.options.fs, this.options.limits ?? defaultWalkLimits);
    }
    this.runs ??= [...this.listing.composeFiles].flatMap(([dir, names]) => findAlloyRuns(dir, names, this.options.fs, this.options.hostEnv));
    this.claims = this.decideClaims(this.listing, this.runs);
    return this.claims;
  }

  /** Rules 1-3: what the user said, what runs Alloy, what is imported. */
  private decideClaims(listing: WorkspaceListing, runs: readonly AlloyRun[]): Claims {
    const fs = this.options.fs;
    const show = (file: string) => displayPath(this.root, file);
    const claims: Claims = { early: [], byFile: new Map(), claimed: new Set(), modules: new Set(), skipped: [] };
    const reported = new Set<string>();
    const readable = (file: string): boolean => {
      const { state } = this.factsOf(file);
      if (typeof state === 'object' && !reported.has(file)) {
        reported.add(file);
        claims.skipped.push({ path: file, reason: state.error });
      }
      return state === 'ok';
    };
    const byKey = new Map<string, Configuration>();
    const add = (files: readonly string[], reason: ConfigurationReason, sameAs?: (first: Configuration) => void): void => {
      const kept = [...new Set(files)].sort().filter(readable);
      if (kept.length === 0) return;
      const key = kept.join('\0');
      const existing = byKey.get(key);
      if (existing) {
        sameAs?.(existing);
        return;
      }
      const configuration = { files: kept, reason };
      byKey.set(key, configuration);
      claims.early.push(configuration);
      for (const f of kept) claims.byFile.set(f, [...(claims.byFile.get(f) ?? []), configuration]);
    };

    // 1. What the user said.
    for (const pattern of this.patterns) {
      const reason: ConfigurationReason = { kind: 'setting', detail: `matches "${pattern}" in the configurations setting` };
      for (const files of settingMatches(pattern, this.root, listing.alloyFiles, fs)) {
        add(files, reason);
        for (const f of files) claims.claimed.add(f);
      }
    }
    const bySetting = new Set(claims.claimed);

    // 2. What runs Alloy.
    const runsByFile = new Map<string, AlloyRun[]>();
    for (const run of runs) {
      if (run.files.some((f) => bySetting.has(f))) continue;
      add(run.files, { kind: run.kind, detail: describeRun(run, show) }, (first) => {
        first.reason = { ...first.reason, detail: `${first.reason.detail}; also service "${run.service}"` };
      });
      for (const f of run.files) {
        claims.claimed.add(f);
        runsByFile.set(f, [...(runsByFile.get(f) ?? []), run]);
      }
    }

    // 3. What is imported: modules of the configuration that imports them.
    const modules = new Map<string, string>();
    for (const importer of [...listing.alloyFiles.values()].flat()) {
      if (!readable(importer)) continue;
      for (const target of this.factsOf(importer).imports) {
        const host = target.fromModulePath
          ? path.resolve(path.dirname(importer), target.filename)
          : importTarget(target.filename, importer, runsByFile.get(importer) ?? [], fs);
        for (const f of host ? (alloyFilesAt(host, fs) ?? []) : []) {
          if (f === importer || claims.claimed.has(f) || modules.has(f)) continue;
          modules.set(f, `imported by import.file "${target.namespace}" in ${show(importer)}`);
        }
      }
    }
    for (const [f, detail] of modules) {
      if (!readable(f)) continue;
      claims.modules.add(f);
      claims.byFile.set(f, [{ files: [f], reason: { kind: 'module', detail } }]);
    }
    return claims;
  }

  /** Rule 4 for one folder, kept until one of its files changes what it defines or references. */
  private groupsOf(dir: string, claims: Claims): Group[] {
    const known = this.groups.get(dir);
    if (known) return known;
    const rest = (this.listing?.alloyFiles.get(dir) ?? []).filter((f) => !claims.claimed.has(f) && !claims.modules.has(f));
    const links: FileLinks[] = [];
    for (const f of rest) {
      // A lone file needs no summary: it stands alone whatever it holds.
      const facts = this.factsOf(f, rest.length > 1);
      if (facts.state !== 'ok') continue;
      links.push(facts.links === undefined ? { ...NO_LINKS, path: f } : { ...(JSON.parse(facts.links) as Omit<FileLinks, 'path'>), path: f, key: facts.links });
    }
    const found = folderGroups(links);
    this.groups.set(dir, found);
    return found;
  }
}

function sameState(a: FileFacts['state'], b: FileFacts['state']): boolean {
  return typeof a === 'object' && typeof b === 'object' ? a.error === b.error : a === b;
}

function byFirstFile(a: Configuration, b: Configuration): number {
  return compare(a.files[0] ?? '', b.files[0] ?? '') || compare(a.reason.kind, b.reason.kind);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
