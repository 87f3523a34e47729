/**
 * Which `.alloy` files form a configuration, the way Alloy will load them, and
 * why. Evidence, strongest first: what the user said (the `configurations`
 * setting); what runs Alloy (a compose service's `alloy run PATH`); what is
 * imported (`import.file` targets are modules, never configurations of their
 * own); otherwise each file stands alone, unless the files of a folder use each
 * other's components and declare nothing twice. Pure: reads through a
 * `FileSystem`.
 */
import * as path from 'node:path';
import { isReadError, type FileSystem } from '../compose/fileSystem';
import { displayPath, isWithin } from '../compose/paths';
import type { HostEnvironment } from '../compose/projectEnvironment';
import type { SourceFile } from '../semantic/model';
import { parse } from '../syntax/parser';
import { alloyFilesAt, findAlloyRuns, hostPathOf, type AlloyRun } from './composeRuns';
import { declaredIds, importFileTargets, sharedId, siblingUses } from './fileLinks';
import { globToRegExp, isGlob, normalizePattern } from './globs';
import { defaultWalkLimits, walkWorkspace, type WalkLimits } from './workspaceWalk';

/** A short stable name for the evidence that decided a configuration. */
export type ConfigurationKind = 'argument' | 'setting' | 'compose-command' | 'compose-default' | 'module' | 'folder' | 'file';

export interface ConfigurationReason {
  kind: ConfigurationKind;
  /** One sentence for people, paths relative to the workspace folder (or the compose directory). */
  detail: string;
}

export interface Configuration {
  /** Absolute paths, sorted (Alloy's load order). */
  files: string[];
  reason: ConfigurationReason;
}

export interface DiscoveryOptions {
  /** The workspace folder (absolute). */
  root: string;
  fs: FileSystem;
  /** Interpolates compose files (values are never shown). */
  hostEnv: HostEnvironment;
  /** The `configurations` setting: globs or folders relative to `root`. */
  patterns?: readonly string[];
  /** Parses a file; the editor passes one backed by its cache. */
  parseFile?: (path: string, text: string) => SourceFile;
  limits?: WalkLimits;
}

export interface WorkspaceConfigurations {
  configurations: Configuration[];
  /** `.alloy` files that could not be read (too large, binary, …): no configuration holds them. */
  skipped: { path: string; reason: string }[];
  /** Whether the walk stopped at a limit before seeing every folder. */
  truncated: boolean;
}

/** Finds every configuration under `options.root`. Never throws on bad input. */
export function discoverConfigurations(options: DiscoveryOptions): WorkspaceConfigurations {
  const { fs } = options;
  const root = path.resolve(options.root);
  const show = (file: string) => displayPath(root, file);
  const listing = walkWorkspace(root, fs, options.limits ?? defaultWalkLimits);
  const parseWith = options.parseFile ?? ((p: string, text: string): SourceFile => ({ path: p, parse: parse(text) }));
  const skipped: WorkspaceConfigurations['skipped'] = [];
  const parsed = new Map<string, SourceFile | undefined>();
  const parsedFile = (file: string): SourceFile | undefined => {
    if (parsed.has(file)) return parsed.get(file);
    const text = fs.readFile(file);
    let result: SourceFile | undefined;
    if (isReadError(text)) skipped.push({ path: file, reason: text.error });
    else if (text !== undefined) result = parseWith(file, text);
    parsed.set(file, result);
    return result;
  };

  const configurations: Configuration[] = [];
  const byKey = new Map<string, Configuration>();
  const add = (files: readonly string[], reason: ConfigurationReason, sameAs?: (first: Configuration) => void): void => {
    const readable = [...new Set(files)].sort().filter((f) => parsedFile(f) !== undefined);
    if (readable.length === 0) return;
    const key = readable.join('\0');
    const existing = byKey.get(key);
    if (existing) {
      sameAs?.(existing);
      return;
    }
    const configuration = { files: readable, reason };
    byKey.set(key, configuration);
    configurations.push(configuration);
  };

  // 1. What the user said.
  const claimed = new Set<string>();
  for (const pattern of options.patterns ?? []) {
    const reason: ConfigurationReason = { kind: 'setting', detail: `matches "${pattern}" in the configurations setting` };
    for (const files of settingMatches(pattern, root, listing.alloyFiles, fs)) {
      add(files, reason);
      for (const f of files) claimed.add(f);
    }
  }
  const bySetting = new Set(claimed);

  // 2. What runs Alloy.
  const runsByFile = new Map<string, AlloyRun[]>();
  for (const [dir, names] of listing.composeFiles) {
    for (const run of findAlloyRuns(dir, names, fs, options.hostEnv)) {
      if (run.files.some((f) => bySetting.has(f))) continue;
      add(run.files, { kind: run.kind, detail: describeRun(run, show) }, (first) => {
        first.reason = { ...first.reason, detail: `${first.reason.detail}; also service "${run.service}"` };
      });
      for (const f of run.files) {
        claimed.add(f);
        runsByFile.set(f, [...(runsByFile.get(f) ?? []), run]);
      }
    }
  }

  // 3. What is imported: modules of the configuration that imports them.
  const allFiles = [...listing.alloyFiles.values()].flat();
  const modules = new Map<string, string>();
  for (const importer of allFiles) {
    const file = parsedFile(importer);
    if (!file) continue;
    for (const target of importFileTargets(file)) {
      const host = target.fromModulePath
        ? path.resolve(path.dirname(importer), target.filename)
        : importTarget(target.filename, importer, runsByFile.get(importer) ?? [], fs);
      for (const f of host ? (alloyFilesAt(host, fs) ?? []) : []) {
        if (f === importer || claimed.has(f) || modules.has(f)) continue;
        modules.set(f, `imported by import.file "${target.namespace}" in ${show(importer)}`);
      }
    }
  }
  for (const [f, detail] of modules) add([f], { kind: 'module', detail });

  // 4. Otherwise: each file alone, or the folder when its files only make sense together.
  for (const files of listing.alloyFiles.values()) {
    const rest = files.filter((f) => !claimed.has(f) && !modules.has(f));
    for (const group of folderGroups(rest.map(parsedFile).filter((f): f is SourceFile => f !== undefined))) add(group.files, group.reason);
  }

  configurations.sort((a, b) => compare(a.files[0] ?? '', b.files[0] ?? '') || compare(a.reason.kind, b.reason.kind));
  return { configurations, skipped, truncated: listing.truncated };
}

/** The configurations that hold `file`. */
export function configurationsOf(found: WorkspaceConfigurations, file: string): Configuration[] {
  return found.configurations.filter((c) => c.files.includes(file));
}

function settingMatches(pattern: string, root: string, alloyFiles: ReadonlyMap<string, string[]>, fs: FileSystem): string[][] {
  const norm = normalizePattern(pattern);
  if (norm === '') return [];
  if (!isGlob(norm)) {
    const files = alloyFilesAt(path.resolve(root, norm), fs);
    return files ? [files] : [];
  }
  const re = globToRegExp(norm);
  const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');
  const out: string[][] = [];
  for (const [dir, files] of alloyFiles) {
    if (re.test(rel(dir))) out.push(files);
    for (const f of files) if (re.test(rel(f))) out.push([f]);
  }
  return out;
}

function describeRun(run: AlloyRun, show: (file: string) => string): string {
  const rel = path.relative(run.composeDir, run.hostPath).split(path.sep).join('/');
  const from = !isWithin(run.composeDir, run.hostPath) ? show(run.hostPath) : rel === '' ? '.' : `./${rel}`;
  const what = run.kind === 'compose-default' ? "runs the grafana/alloy image's default alloy run" : 'runs alloy run';
  return `service "${run.service}" ${what} ${run.containerPath} (mounted from ${from})`;
}

/**
 * Where an `import.file` filename points on the host: through the mounts of a
 * service that runs the importer, else as a host path (relative to the
 * importer's folder, where Alloy is usually started for a local file), else the
 * file of that name beside the importer (a container path we cannot map).
 */
function importTarget(filename: string, importer: string, runs: readonly AlloyRun[], fs: FileSystem): string | undefined {
  for (const run of runs) {
    const host = path.posix.isAbsolute(filename) ? hostPathOf(filename, run.mounts) : undefined;
    if (host && alloyFilesAt(host, fs)) return host;
  }
  const direct = path.resolve(path.dirname(importer), filename);
  if (alloyFilesAt(direct, fs)) return direct;
  const beside = path.join(path.dirname(importer), path.posix.basename(filename));
  return path.posix.isAbsolute(filename) && alloyFilesAt(beside, fs) ? beside : undefined;
}

interface Group {
  files: string[];
  reason: ConfigurationReason;
}

/**
 * Rule 4 for the unclaimed files of one folder: files linked by uses of each
 * other's components form one configuration when no two of them declare the
 * same block; every other file stands alone.
 */
function folderGroups(files: readonly SourceFile[]): Group[] {
  if (files.length === 0) return [];
  if (files.length === 1) {
    const only = files[0] as SourceFile;
    return [{ files: [only.path], reason: { kind: 'file', detail: `${path.basename(only.path)} is the only .alloy file of its folder` } }];
  }
  const uses = siblingUses(files);
  const parent = new Map(files.map((f) => [f.path, f.path]));
  const find = (p: string): string => {
    let r = p;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    return r;
  };
  for (const use of uses) parent.set(find(use.from), find(use.to));
  const groups = new Map<string, SourceFile[]>();
  for (const f of files) groups.set(find(f.path), [...(groups.get(find(f.path)) ?? []), f]);

  const out: Group[] = [];
  for (const members of groups.values()) {
    const ids = members.map(declaredIds);
    let clash: string | undefined;
    for (let i = 0; i < members.length && !clash; i++) {
      for (let j = i + 1; j < members.length && !clash; j++) {
        const id = sharedId(ids[i] as Set<string>, ids[j] as Set<string>);
        if (id) clash = `${path.basename((members[i] as SourceFile).path)} and ${path.basename((members[j] as SourceFile).path)} both declare ${id}`;
      }
    }
    if (members.length > 1 && !clash) {
      const use = uses.find((u) => members.some((m) => m.path === u.from));
      const how = use ? `: ${path.basename(use.from)} uses ${use.what} from ${path.basename(use.to)}` : '';
      out.push({ files: members.map((m) => m.path), reason: { kind: 'folder', detail: `the files of the folder use each other's components${how}` } });
      continue;
    }
    for (const m of members) {
      // Alternatives side by side are the common case: name what they both declare.
      const alternative = clash ?? files.map((other) => (other === m ? undefined : sharedWith(m, other))).find((x) => x !== undefined);
      const why = alternative ?? 'it uses no component a sibling defines';
      out.push({ files: [m.path], reason: { kind: 'file', detail: `${path.basename(m.path)} stands alone: ${why}` } });
    }
  }
  return out;
}

function sharedWith(a: SourceFile, b: SourceFile): string | undefined {
  const id = sharedId(declaredIds(a), declaredIds(b));
  const [first, second] = [path.basename(a.path), path.basename(b.path)].sort(compare);
  return id ? `${first} and ${second} both declare ${id}` : undefined;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
