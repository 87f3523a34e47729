/**
 * Reading `yaml` nodes the way Compose sees them: aliases resolved, `<<` merge
 * keys expanded, scalars as strings, every node with its source range.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextRange } from '../syntax/diagnostic';

/** One key of a mapping, after merge keys are expanded. */
export interface MapEntry {
  key: string;
  /** The key node (for merged entries: the key in the anchored mapping). */
  keyNode: Node;
  /** The value node, aliases resolved; null for an empty value. */
  value: Node | null;
  /** From the key to the end of the value. */
  range: TextRange;
  /** Whether the entry came from a `<<` merge key rather than being written here. */
  merged: boolean;
}

/** Follows aliases (`*name`) to the node they stand for. */
function resolveNode(doc: Document, node: unknown): Node | null {
  let current: unknown = node;
  for (let depth = 0; depth < 32 && isAlias(current); depth++) current = current.resolve(doc) ?? null;
  if (current === null || current === undefined || isAlias(current)) return null;
  if (isScalar(current) || isMap(current) || isSeq(current)) return current;
  return null;
}

/** The range of a node; `{0,0}` when the node was not parsed from text. */
export function nodeRange(node: unknown): TextRange {
  if (typeof node === 'object' && node !== null && 'range' in node) {
    const range = (node as { range?: readonly number[] | null }).range;
    if (range && range.length >= 2) return { start: range[0] ?? 0, end: range[1] ?? 0 };
  }
  return { start: 0, end: 0 };
}

/** A scalar as Compose reads it: strings as they are, numbers and booleans as text, null as null. */
export function scalarText(node: Node | null): string | null | undefined {
  if (node === null) return null;
  if (!isScalar(node)) return undefined;
  const value: unknown = node.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return typeof node.source === 'string' && node.source !== '' ? node.source : String(value);
  }
  return undefined;
}

/** Whether a node is a null scalar (`key:` or `key: ~`). */
export function isNullNode(node: Node | null): boolean {
  return node === null || (isScalar(node) && (node.value === null || node.value === undefined));
}

/** Merges followed through more mappings than this are not expanded further. */
export const MAX_MERGE_DEPTH = 100;

/**
 * Entries already expanded, per mapping: a mapping merged from several places
 * (`<<: [*a, *a, …]` nine levels deep) is expanded once, so the cost is linear.
 */
const expanded = new WeakMap<YAMLMap, MapEntry[]>();

/** Documents in which a merge chain went past MAX_MERGE_DEPTH. */
const mergeLimited = new WeakSet<Document>();

/** Whether merges in `doc` were cut at MAX_MERGE_DEPTH (so the caller can say so). */
export function mergeDepthReached(doc: Document): boolean {
  return mergeLimited.has(doc);
}

/** The entries of a mapping in order, with `<<: *anchor` merges expanded (explicit keys win). */
export function mapEntries(doc: Document, map: YAMLMap): MapEntry[] {
  return expandMap(doc, map, new Set(), { cut: false });
}

function expandMap(doc: Document, map: YAMLMap, seen: Set<YAMLMap>, state: { cut: boolean }): MapEntry[] {
  const known = expanded.get(map);
  if (known) return known;
  // Merges nest as deep as anchors chain; past the limit they are dropped rather than recursed into.
  if (seen.has(map) || seen.size >= MAX_MERGE_DEPTH) {
    if (!seen.has(map)) mergeLimited.add(doc);
    state.cut = true;
    return [];
  }
  const cutBefore = state.cut;
  state.cut = false;
  seen.add(map);
  const merged = new Map<string, MapEntry>();
  const explicit = new Map<string, MapEntry>();
  for (const pair of map.items as Pair<unknown, unknown>[]) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? keyNode.value : undefined;
    if (key === '<<' && !(isScalar(keyNode) && keyNode.type !== 'PLAIN')) {
      for (const source of mergeSources(doc, pair.value)) {
        for (const entry of expandMap(doc, source, seen, state)) {
          if (!merged.has(entry.key)) merged.set(entry.key, { ...entry, merged: true });
        }
      }
      continue;
    }
    if (!isScalar(keyNode) || key === null || key === undefined || typeof key === 'object') continue;
    const value = resolveNode(doc, pair.value);
    const start = nodeRange(keyNode).start;
    const end = pair.value ? nodeRange(pair.value).end : nodeRange(keyNode).end;
    explicit.set(String(key), {
      key: String(key),
      keyNode,
      value,
      range: { start, end: Math.max(end, nodeRange(keyNode).end) },
      merged: false,
    });
  }
  const result: MapEntry[] = [];
  for (const [key, entry] of merged) if (!explicit.has(key)) result.push(entry);
  for (const entry of explicit.values()) result.push(entry);
  seen.delete(map);
  // A result cut short by a cycle or the depth limit depends on the path taken: only complete ones are kept.
  if (!state.cut) expanded.set(map, result);
  state.cut ||= cutBefore;
  return result;
}

function mergeSources(doc: Document, value: unknown): YAMLMap[] {
  const resolved = resolveNode(doc, value);
  if (isMap(resolved)) return [resolved];
  if (isSeq(resolved)) {
    const maps: YAMLMap[] = [];
    for (const item of resolved.items) {
      const node = resolveNode(doc, item);
      if (isMap(node)) maps.push(node);
    }
    return maps;
  }
  return [];
}

/** The items of a sequence, aliases resolved. */
export function seqItems(doc: Document, seq: YAMLSeq): { node: Node; range: TextRange }[] {
  const items: { node: Node; range: TextRange }[] = [];
  for (const item of seq.items) {
    const node = resolveNode(doc, item);
    if (node) items.push({ node, range: nodeRange(item) });
  }
  return items;
}

/** The entry of `key` in a mapping, or undefined. */
export function entryOf(entries: readonly MapEntry[], key: string): MapEntry | undefined {
  return entries.find((entry) => entry.key === key);
}
