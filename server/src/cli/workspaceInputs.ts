/**
 * The CLI's configurations with their reasons: each PATH argument is one (as
 * Alloy loads it), or with `--workspace` every configuration the editor would
 * find under each root.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { nodeFileSystem } from '../compose/nodeFileSystem';
import type { HostEnvironment } from '../compose/projectEnvironment';
import { discoverConfigurations, type ConfigurationReason } from '../workspace/configurations';
import { configurationFiles } from './inputs';

export interface ConfigurationInput {
  files: string[];
  reason: ConfigurationReason;
  /** The argument it came from, for messages. */
  arg: string;
  /** The folder fixes may write in: a directory argument or the workspace root; null for a file argument. */
  root: string | null;
}

export type InputsResult = { ok: true; inputs: ConfigurationInput[]; notes: string[] } | { ok: false; arg: string; reason: string };

/** One configuration per argument, as today: a file alone, or the `.alloy` files directly in a directory. */
export function argumentInputs(args: readonly string[]): InputsResult {
  const inputs: ConfigurationInput[] = [];
  for (const arg of args) {
    const input = configurationFiles(arg);
    if (!input.ok) return { ok: false, arg, reason: input.reason };
    const detail = input.files.length === 1 && input.files[0] === arg ? `${arg} is given on the command line` : `the directory ${arg} is given on the command line (Alloy loads its .alloy files as one configuration)`;
    inputs.push({ files: input.files, reason: { kind: 'argument', detail }, arg, root: input.directory ? resolve(arg) : null });
  }
  return { ok: true, inputs, notes: [] };
}

/** Every configuration under each root, found as the editor finds them for a workspace folder. */
export function workspaceInputs(roots: readonly string[], patterns: readonly string[], hostEnv: HostEnvironment): InputsResult {
  const inputs: ConfigurationInput[] = [];
  const notes: string[] = [];
  for (const root of roots) {
    let isDir = false;
    try {
      isDir = statSync(root).isDirectory();
    } catch {
      return { ok: false, arg: root, reason: 'no such directory' };
    }
    if (!isDir) return { ok: false, arg: root, reason: 'not a directory (--workspace takes a folder)' };
    const found = discoverConfigurations({ root: resolve(root), fs: nodeFileSystem, hostEnv, patterns });
    for (const skipped of found.skipped) notes.push(`skipped ${skipped.path}: ${skipped.reason}`);
    if (found.truncated) notes.push(`${root}: stopped looking after too many folders; some configurations may be missing`);
    if (found.configurations.length === 0) return { ok: false, arg: root, reason: 'no .alloy files under this folder' };
    inputs.push(...found.configurations.map((c) => ({ files: c.files, reason: c.reason, arg: root, root: resolve(root) })));
  }
  return { ok: true, inputs, notes };
}
