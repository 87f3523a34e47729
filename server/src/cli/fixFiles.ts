/**
 * `--fix` on disk: which files make one configuration, and writing the fixed
 * texts so that nothing is lost. Every target is checked before any is
 * written (inside the argument it came from, a writable regular file, not
 * changed since it was read); each write replaces the file atomically; if a
 * write still fails, the files already written are put back as they were.
 */
import { realpathSync } from 'node:fs';
import { dirname, relative, resolve, isAbsolute, sep } from 'node:path';
import { isUnchanged, replaceFile, whyNotWritable, type TextSnapshot, type WriteIo } from '../fileWrites';
import type { ConfigurationReason } from '../workspace/configurations';
import { configurationFiles } from './inputs';

/** One `.alloy` file as the CLI read it. */
export interface InputFile extends TextSnapshot {
  /** Absolute path as given (symlinks not resolved), used in reports. */
  path: string;
}

/** One configuration to check: the files of one argument (or of one folder). */
export interface InputConfiguration {
  /** The argument it came from, for messages. */
  arg: string;
  /** For a directory argument, the directory: fixes never write outside it. */
  root: string | null;
  /** Why these files form one configuration, for the JSON report. */
  reason: ConfigurationReason;
  files: InputFile[];
}

/** A fixed text to write over a file that was read as `file`. */
export interface FileChange {
  configuration: InputConfiguration;
  file: InputFile;
  after: string;
}

/**
 * Alloy loads a folder as one configuration: file arguments that together are
 * every `.alloy` file of their folder are fixed as that folder, once, so a
 * block missing from the configuration is added to one file, not to each.
 */
export function groupFolders(configurations: InputConfiguration[]): InputConfiguration[] {
  const byFolder = new Map<string, InputConfiguration[]>();
  for (const c of configurations) {
    const only = c.files[0];
    if (c.root !== null || c.files.length !== 1 || !only) continue;
    const folder = dirname(only.path);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), c]);
  }
  const merged = new Map<InputConfiguration, InputConfiguration | null>();
  for (const [folder, group] of byFolder) {
    if (group.length < 2) continue;
    const listed = configurationFiles(folder);
    if (!listed.ok) continue;
    const given = new Set(group.map((c) => c.files[0]?.path));
    const all = listed.files.map((f) => resolve(f));
    if (all.length !== given.size || !all.every((f) => given.has(f))) continue;
    const files = all.map((path) => group.find((c) => c.files[0]?.path === path)?.files[0]).filter((f): f is InputFile => f !== undefined);
    const reason: ConfigurationReason = { kind: 'argument', detail: `every .alloy file of ${folder} is given on the command line (Alloy loads them as one configuration)` };
    const folderConfig: InputConfiguration = { arg: folder, root: null, reason, files };
    group.forEach((c, i) => merged.set(c, i === 0 ? folderConfig : null));
  }
  const out: InputConfiguration[] = [];
  for (const c of configurations) {
    const replacement = merged.get(c);
    if (replacement === undefined) out.push(c);
    else if (replacement !== null) out.push(replacement);
  }
  return out;
}

/**
 * Writes every change, or none: returns undefined when all were written, else
 * a one-line reason (nothing is left half-written).
 */
export function writeChanges(changes: readonly FileChange[], show: (path: string) => string, io?: WriteIo): string | undefined {
  const targets: { change: FileChange; target: string }[] = [];
  for (const change of changes) {
    const { file, configuration } = change;
    let target: string;
    try {
      target = realpathSync(file.path);
    } catch {
      return `${show(file.path)}: cannot resolve the path to write`;
    }
    if (configuration.root !== null && !isInside(realRoot(configuration.root), target)) {
      return `${show(file.path)}: is a symlink to a file outside ${configuration.arg}; refusing to write there`;
    }
    const notWritable = whyNotWritable(target);
    if (notWritable) return `${show(file.path)}: cannot write: ${notWritable}`;
    if (!isUnchanged(target, file)) return `${show(file.path)}: changed on disk since it was read; nothing was written, run again`;
    if (targets.some((t) => t.target === target)) return `${show(file.path)}: reached twice through symlinks; refusing to write`;
    targets.push({ change, target });
  }
  const written: typeof targets = [];
  for (const t of targets) {
    const next = { text: t.change.after, bom: t.change.file.bom };
    const result = replaceFile(t.target, t.change.file, next, io);
    if (!result.ok) {
      // Restoring is itself a safe replace: the file must still hold what was just written.
      const restored = written.filter((w) => replaceFile(w.target, { text: w.change.after, bom: w.change.file.bom }, w.change.file, io).ok);
      const kept = written.length - restored.length;
      const undo = written.length === 0 ? 'nothing was written' : kept === 0 ? 'the files already written were restored' : `${kept} file(s) could not be restored`;
      return `${show(t.change.file.path)}: cannot write: ${result.message}; ${undo}`;
    }
    written.push(t);
  }
  return undefined;
}

function realRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return resolve(root);
  }
}

function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
