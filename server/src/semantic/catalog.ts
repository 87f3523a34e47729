/**
 * The component catalog: everything the server knows about Alloy's vocabulary, as data.
 * Validation, completion, hover, the pipeline graph and the self-monitoring checks all
 * consult this module; no other module should spell a component name.
 *
 * Facts (names, types, value sets, stability, versions) are generated from grafana/alloy's
 * source (`npm run catalog`, `generated/catalog.json`); descriptions, the defaults the
 * generator cannot read, sinks and signal flows are the hand-written notes
 * (`catalogNotes.ts`) laid over them (`catalogOverlay.ts`).
 */

import { CONFIG_BLOCKS as HAND_CONFIG_BLOCKS, UNCONFIGURABLE_SERVICES } from './catalogConfigBlocks';
import { generatedCatalog } from './catalogGenerated';
import { CATALOG_NOTES } from './catalogNotes';
import { configBlocksWithGenerated, withOverlay } from './catalogOverlay';
import { capsuleKindOfType } from './catalogShared';
import type { BodySchema, CapsuleKind, ComponentSchema, ConfigBlockSchema, ExportSchema, Signal } from './catalogTypes';

export { capsuleKindOfType } from './catalogShared';
export {
  deprecatedStdlib,
  getStdlibFunction,
  stdlibConstants,
  stdlibFunctions,
  stdlibNamespaces,
} from './catalogStdlib';
export type { StdlibConstant, StdlibFunction, StdlibNamespace } from './catalogStdlib';
export type {
  AttributeSchema,
  BlockSchema,
  BodySchema,
  CapsuleKind,
  ClosedValueSet,
  ComponentSchema,
  ConfigBlockKind,
  ConfigBlockSchema,
  ExportSchema,
  Flow,
  Signal,
  Stability,
} from './catalogTypes';

const GENERATED = generatedCatalog(CATALOG_NOTES);
const COMPONENTS: readonly ComponentSchema[] = withOverlay(GENERATED.components, CATALOG_NOTES.components);
const CONFIG_BLOCKS: readonly ConfigBlockSchema[] = configBlocksWithGenerated(HAND_CONFIG_BLOCKS, GENERATED.configBlocks);

const componentsByName: ReadonlyMap<string, ComponentSchema> = new Map(COMPONENTS.map((c) => [c.name, c]));
const sortedNames: readonly string[] = COMPONENTS.map((c) => c.name).sort();
const configBlocksByName: ReadonlyMap<string, ConfigBlockSchema> = new Map(CONFIG_BLOCKS.map((b) => [b.name, b]));

/** The built-in component called `name`, if any. */
export function getComponent(name: string): ComponentSchema | undefined {
  return componentsByName.get(name);
}

/** Whether `name` is a built-in component. */
export function isComponentName(name: string): boolean {
  return componentsByName.has(name);
}

/** All built-in component names, sorted. */
export function componentNames(): readonly string[] {
  return sortedNames;
}

/** All built-in components, sorted by name. */
export function allComponents(): readonly ComponentSchema[] {
  return COMPONENTS;
}

/** Component names starting with `prefix` (for completion after `otelcol.` and the like). */
export function componentNamesWithPrefix(prefix: string): readonly string[] {
  return sortedNames.filter((n) => n.startsWith(prefix));
}

/** The export `field` of component `name`, if declared. */
export function getExport(name: string, field: string): ExportSchema | undefined {
  return componentsByName.get(name)?.exports.find((e) => e.name === field);
}

/** The top-level non-component block called `name`, if any. */
export function getConfigBlock(name: string): ConfigBlockSchema | undefined {
  return configBlocksByName.get(name);
}

/** All top-level non-component blocks. */
export function configBlocks(): readonly ConfigBlockSchema[] {
  return CONFIG_BLOCKS;
}

/** Services that exist but reject a configuration block (`service "ui" does not support being configured`). */
export const unconfigurableServices: readonly string[] = UNCONFIGURABLE_SERVICES;

/**
 * The body reached by following `path` (block names) from the top of a component or
 * config block. Returns undefined when a block on the path is unknown.
 */
export function resolveBody(
  schema: ComponentSchema | ConfigBlockSchema,
  path: readonly string[],
): BodySchema | undefined {
  let attributes = schema.attributes;
  let blocks = schema.blocks;
  let closed = schema.complete;
  let nestedConfig = 'nestedConfig' in schema && schema.nestedConfig === true;
  for (const name of path) {
    const next = blocks.find((b) => b.name === name);
    if (!next) return undefined;
    attributes = next.attributes;
    blocks = next.blocks;
    closed = closed && next.partial !== true;
    nestedConfig = next.nestedConfig === true;
  }
  return { attributes, blocks, closed, nestedConfig };
}

/** The signal a receiver capsule kind carries (`MetricsReceiver` → `metrics`). */
export function signalOfKind(kind: CapsuleKind): Signal | undefined {
  switch (kind) {
    case 'MetricsReceiver':
      return 'metrics';
    case 'LogsReceiver':
      return 'logs';
    case 'ProfilesReceiver':
      return 'profiles';
    default:
      return undefined;
  }
}

/** Components that deliver `signal` out of Alloy (remote sinks first, then local ones). */
export function sinksFor(signal: Signal): readonly ComponentSchema[] {
  const found = COMPONENTS.filter((c) => c.sinks?.includes(signal) === true);
  return [...found.filter((c) => !c.localSink), ...found.filter((c) => c.localSink === true)];
}

/** Components whose exports include one of `kind` (for "what can I reference here"). */
export function componentsExporting(kind: CapsuleKind): readonly ComponentSchema[] {
  return COMPONENTS.filter((c) => c.exports.some((e) => (e.kind ?? capsuleKindOfType(e.type)) === kind));
}

/** Names people reach for that Alloy spells differently (old Agent names, upstream names). */
const KNOWN_ALIASES: ReadonlyMap<string, string> = new Map([
  ['otelcol.exporter.logging', 'otelcol.exporter.debug'],
  ['otelcol.exporter.jaeger', 'otelcol.exporter.otlp'],
  ['prometheus.exporter.node', 'prometheus.exporter.unix'],
  ['prometheus.exporter.node_exporter', 'prometheus.exporter.unix'],
  ['prometheus.exporter.agent', 'prometheus.exporter.self'],
  ['prometheus.exporter.alloy', 'prometheus.exporter.self'],
  ['loki.source.promtail', 'loki.source.api'],
]);

/**
 * "Did you mean" candidates for an unknown component name, best first. Combines edit
 * distance over the whole name, a comparison ignoring `_`/`-` (so `otlp_http` finds
 * `otlphttp`), a comparison of the last fragment (so `loki.remote_write` and plain
 * `remote_write` find `prometheus.remote_write`), and a few well-known aliases. The
 * tolerated distance grows with the length of the last fragment, where typos usually are.
 */
export function suggestComponentNames(unknown: string, max = 3): string[] {
  const query = unknown.trim().toLowerCase();
  if (query === '' || max <= 0) return [];
  const queryFragments = query.split('.');
  const queryLast = queryFragments[queryFragments.length - 1] ?? query;
  const queryPrefix = queryFragments.slice(0, -1).join('.');
  const squashedQuery = squash(query);
  const squashedQueryLast = squash(queryLast);
  const limit = Math.max(1, Math.min(3, Math.floor(queryLast.length / 3)));

  const scored: { name: string; score: number }[] = [];
  const alias = KNOWN_ALIASES.get(query);
  if (alias) scored.push({ name: alias, score: 0 });
  for (const c of suggestionIndex) {
    if (c.name === unknown.trim() || c.name === alias) continue;
    // Distances above a threshold never count: bounding them keeps each name O(1) for most candidates.
    let score = boundedEditDistance(query, c.name, limit);
    if (squashedQuery === c.squashed) score = Math.min(score, 0.5);
    if (c.prefix !== queryPrefix) {
      const tolerated = Math.floor(c.last.length / 4);
      const tail = boundedEditDistance(squashedQueryLast, c.squashedLast, tolerated);
      // The same leaf under another namespace (or with none written) is a strong hint.
      if (tail <= tolerated) score = Math.min(score, tail * 2 + (queryPrefix === '' ? 0.75 : 2));
    }
    if (score <= limit) scored.push({ name: c.name, score });
  }
  scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  return scored.slice(0, max).map((s) => s.name);
}

const squash = (s: string): string => s.replace(/[_-]/g, '');

/** Each catalog name split once, so that a query does no string work per candidate. */
const suggestionIndex = sortedNames.map((name) => {
  const fragments = name.split('.');
  const last = fragments[fragments.length - 1] ?? name;
  return { name, last, prefix: fragments.slice(0, -1).join('.'), squashed: squash(name), squashedLast: squash(last) };
});

/** The edit distance when it is at most `bound`; otherwise some number above `bound`. */
function boundedEditDistance(a: string, b: string, bound: number): number {
  // Every edit changes the length by at most one.
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  return editDistance(a, b);
}

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prevPrev: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (prevPrev[j - 2] ?? 0) + 1);
      }
      cur.push(best);
    }
    prevPrev = prev;
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
