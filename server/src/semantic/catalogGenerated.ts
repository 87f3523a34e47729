/**
 * The generated catalog (`generated/catalog.json`, written by `npm run catalog` from a
 * checkout of grafana/alloy) turned into the schema types the features consult. Facts
 * (names, types, required, repeatable, labels, stability, versions, links) come from the
 * JSON; what only people know (descriptions, defaults, signal flows, sinks) comes from
 * the hand-written overlay, matched by name.
 */
import generated from './generated/catalog.json';
import type { AttributeSchema, BlockSchema, ClosedValueSet, ComponentSchema, ExportSchema, Stability } from './catalogTypes';
import { capsuleKindOfType } from './catalogShared';
import type { GenAttribute, GenCatalog, GenValueSet } from './generated/catalogFormat';

/** A configurable top-level block from the JSON (services, `logging`, `tracing`). */
export interface GeneratedConfigBlock {
  name: string;
  kind: string;
  stability: Stability;
  attributes: readonly AttributeSchema[];
  blocks: readonly BlockSchema[];
  complete: boolean;
}

/** A stdlib identifier from the JSON. */
export interface GeneratedStdlib {
  name: string;
  stability: Stability;
  deprecated?: boolean;
  /** Arguments taken; no `max` when any number from `min`. */
  arity?: { min: number; max?: number };
  /** The Go standard-library function it is (`strings.Join`), when the generator could not count. */
  goFunction?: string;
}

const data = generated as GenCatalog;

/** The versions the generated catalog knows: every release, newest first. */
export const alloyReleases: readonly string[] = data.alloy.releases;

/** The newest released Alloy version (what `latest` runs). */
export const newestRelease: string = data.alloy.newestRelease;

const STABILITIES: ReadonlySet<string> = new Set(['generally-available', 'public-preview', 'experimental']);
const stabilityOf = (s: string): Stability => (STABILITIES.has(s) ? (s as Stability) : 'experimental');

interface Converted {
  attributes: AttributeSchema[];
  blocks: BlockSchema[];
  closed: boolean;
  label: boolean;
}

const converted = new Map<string, Converted>();

/**
 * The body called `id`, converted once and shared: recursive bodies (`stage.match`
 * holding stages) become cyclic object graphs, which every consumer walks with a stack
 * and a seen-set.
 */
function body(id: string): Converted | undefined {
  const done = converted.get(id);
  if (done) return done;
  const raw = data.bodies[id];
  if (!raw) return undefined;
  const out: Converted = { attributes: [], blocks: [], closed: raw.closed, label: raw.label === true };
  converted.set(id, out);
  for (const a of raw.attributes) out.attributes.push(attribute(a));
  for (const b of raw.blocks) {
    const inner = b.body === null ? undefined : body(b.body);
    const block: BlockSchema = {
      name: b.name,
      required: b.required,
      repeatable: b.repeatable,
      doc: '',
      attributes: inner?.attributes ?? [],
      blocks: inner?.blocks ?? [],
    };
    if (inner?.label) block.labelled = true;
    // An unresolved body, or one squashing a type the generator could not read, is open.
    if (!inner || !inner.closed) block.partial = true;
    out.blocks.push(block);
  }
  return out;
}

/**
 * A generated value set as the checks use it. Alloy's message is a Go format string with
 * one verb for the value: `%q` quotes it (the checks only judge values Go quotes as
 * `"value"`), `%s` and `%v` print it as it is.
 */
export function closedValueSet(set: GenValueSet): ClosedValueSet {
  const format = set.message;
  return {
    values: set.values,
    foldCase: set.foldCase === true,
    message: (value: string) => format.replace(/%[qsv]/, (verb) => (verb === '%q' ? `"${value}"` : value)),
  };
}

function attribute(a: GenAttribute): AttributeSchema {
  const out: AttributeSchema = { name: a.name, type: a.type, required: a.required, doc: '' };
  if (a.default !== undefined) out.default = a.default;
  if (a.valueSet !== undefined) {
    out.closedValues = closedValueSet(a.valueSet);
    // Completion offers what can be written; the empty string only stands for the default.
    out.enum = a.valueSet.values.filter((v) => v !== '');
  }
  const accepts = capsuleKindOfType(a.type);
  if (accepts) out.accepts = accepts;
  return out;
}

function exportsOf(id: string | null): ExportSchema[] {
  const b = id === null ? undefined : body(id);
  if (!b) return [];
  return b.attributes.map((a) => {
    const e: ExportSchema = { name: a.name, type: a.type, doc: '' };
    const kind = capsuleKindOfType(a.type);
    if (kind) e.kind = kind;
    return e;
  });
}

/** Every component of the generated catalog, sorted by name, without overlay. */
export function generatedComponents(): ComponentSchema[] {
  return data.components.map((c) => {
    const args = c.arguments === null ? undefined : body(c.arguments);
    const schema: ComponentSchema = {
      name: c.name,
      namespace: c.name.split('.')[0] ?? c.name,
      stability: c.community === true ? 'community' : stabilityOf(c.stability),
      doc: '',
      attributes: args?.attributes ?? [],
      blocks: args?.blocks ?? [],
      exports: exportsOf(c.exports),
      complete: args?.closed === true,
    };
    if (c.community === true) schema.community = true;
    if (c.docs !== undefined) schema.docsUrl = c.docs;
    if (c.added !== undefined) schema.added = c.added;
    if (c.removed !== undefined) schema.removed = c.removed;
    return schema;
  });
}

/** The configurable top-level blocks the generator read (services, `logging`, `tracing`). */
export function generatedConfigBlocks(): GeneratedConfigBlock[] {
  return data.configBlocks.map((b) => {
    const inner = b.body === null ? undefined : body(b.body);
    return {
      name: b.name,
      kind: b.kind,
      stability: stabilityOf(b.stability),
      attributes: inner?.attributes ?? [],
      blocks: inner?.blocks ?? [],
      complete: inner?.closed === true,
    };
  });
}

/** The stdlib identifiers the generator read, with stability and arity. */
export function generatedStdlib(): GeneratedStdlib[] {
  return data.stdlib.map((s) => ({
    name: s.name,
    stability: stabilityOf(s.stability),
    ...(s.deprecated === true ? { deprecated: true } : {}),
    ...(s.arity !== undefined ? { arity: s.arity.max !== undefined ? { min: s.arity.min, max: s.arity.max } : { min: s.arity.min } } : {}),
    ...(s.goFunction !== undefined ? { goFunction: s.goFunction } : {}),
  }));
}
