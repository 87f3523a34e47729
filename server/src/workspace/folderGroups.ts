/**
 * The folder rule of configuration discovery: the unclaimed `.alloy` files of
 * one folder that use each other's components form one configuration when no
 * two of them declare the same block; every other file stands alone. Works on
 * `FileLinks` (no trees) and in about linear time, so a folder of 20,000 files
 * is grouped again quickly after one of them changes.
 */
import * as path from 'node:path';
import type { ConfigurationReason } from './configurations';
import { siblingUses, type FileLinks } from './fileLinks';

export interface Group {
  files: string[];
  reason: ConfigurationReason;
}

/** Groups the unclaimed files of one folder (in the folder's order). */
export function folderGroups(files: readonly FileLinks[]): Group[] {
  if (files.length === 0) return [];
  if (files.length === 1) {
    const only = files[0] as FileLinks;
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
  const groups = new Map<string, FileLinks[]>();
  for (const f of files) {
    const root = find(f.path);
    const members = groups.get(root);
    if (members) members.push(f);
    else groups.set(root, [f]);
  }

  const byDeclared = declaredIndex(files);
  const out: Group[] = [];
  for (const members of groups.values()) {
    const clash = firstClash(members);
    if (members.length > 1 && !clash) {
      const inGroup = new Set(members.map((m) => m.path));
      const use = uses.find((u) => inGroup.has(u.from));
      const how = use ? `: ${path.basename(use.from)} uses ${use.what} from ${path.basename(use.to)}` : '';
      out.push({ files: members.map((m) => m.path), reason: { kind: 'folder', detail: `the files of the folder use each other's components${how}` } });
      continue;
    }
    for (const m of members) {
      // Alternatives side by side are the common case: name what they both declare.
      const alternative = clash ?? firstSharing(m, files, byDeclared);
      const why = alternative ?? 'it uses no component a sibling defines';
      out.push({ files: [m.path], reason: { kind: 'file', detail: `${path.basename(m.path)} stands alone: ${why}` } });
    }
  }
  return out;
}

/** Declared id → indexes (ascending) of the files declaring it. */
function declaredIndex(files: readonly FileLinks[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  files.forEach((f, i) => {
    for (const id of new Set(f.declared)) {
      const list = index.get(id);
      if (list) list.push(i);
      else index.set(id, [i]);
    }
  });
  return index;
}

/** The first pair of members (in order) declaring the same block, in words; undefined when none does. */
function firstClash(members: readonly FileLinks[]): string | undefined {
  if (members.length < 2) return undefined;
  const byDeclared = declaredIndex(members);
  for (let i = 0; i < members.length; i++) {
    const a = members[i] as FileLinks;
    let j: number | undefined;
    for (const id of a.declared) {
      const next = (byDeclared.get(id) ?? []).find((k) => k > i);
      if (next !== undefined && (j === undefined || next < j)) j = next;
    }
    if (j === undefined) continue;
    const b = members[j] as FileLinks;
    const id = sharedDeclared(a, b);
    return `${path.basename(a.path)} and ${path.basename(b.path)} both declare ${id}`;
  }
  return undefined;
}

/** What `m` and the first other file of the folder both declare, in words (names sorted). */
function firstSharing(m: FileLinks, files: readonly FileLinks[], byDeclared: ReadonlyMap<string, number[]>): string | undefined {
  let first: number | undefined;
  for (const id of m.declared) {
    const other = (byDeclared.get(id) ?? []).find((k) => files[k] !== m);
    if (other !== undefined && (first === undefined || other < first)) first = other;
  }
  if (first === undefined) return undefined;
  const other = files[first] as FileLinks;
  const [a, b] = [path.basename(m.path), path.basename(other.path)].sort(compare);
  return `${a} and ${b} both declare ${sharedDeclared(m, other)}`;
}

function sharedDeclared(a: FileLinks, b: FileLinks): string {
  const theirs = new Set(b.declared);
  return a.declared.find((id) => theirs.has(id)) ?? '';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
