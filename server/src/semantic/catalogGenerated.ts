/**
 * The generated catalog (`generated/catalog.json`, written by `npm run catalog` from a
 * checkout of grafana/alloy) turned into the schema types the features consult. Facts
 * (names, types, required, repeatable, labels, value sets, stability, versions, links)
 * come from the JSON; what only people know about bodies and exports (descriptions,
 * defaults the generator cannot read) comes from the notes, matched by generated id.
 */
import generated from './generated/catalog.json';
import type {
  AttributeNote,
  AttributeSchema,
  BlockSchema,
  CatalogNotes,
  ClosedValueSet,
  ComponentSchema,
  ExportNote,
  ExportSchema,
  Stability,
} from './catalogTypes';
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

/** An attribute note as an object (a bare string is its description). */
const attributeNote = (n: string | AttributeNote | undefined): AttributeNote => (typeof n === 'string' ? { doc: n } : (n ?? {}));

/** The generated facts of one attribute, with what people know laid over where the facts are silent. */
function attribute(a: GenAttribute, note: AttributeNote): AttributeSchema {
  const out: AttributeSchema = { name: a.name, type: a.type, required: a.required, doc: note.doc ?? '' };
  const def = a.default ?? note.default;
  if (def !== undefined) out.default = def;
  const accepts = capsuleKindOfType(a.type) ?? note.accepts;
  if (accepts) out.accepts = accepts;
  if (a.valueSet !== undefined) {
    out.closedValues = closedValueSet(a.valueSet);
    // Completion offers what can be written; the empty string only stands for the default.
    out.enum = a.valueSet.values.filter((v) => v !== '');
  } else if (note.enum !== undefined) out.enum = note.enum;
  if (note.deprecated !== undefined) out.deprecated = note.deprecated;
  return out;
}

/**
 * The generated catalog turned into schema types, with the body and export notes of
 * `notes` (descriptions, defaults and value sets the generator cannot read) laid over
 * it. Each body is converted once and shared: recursive bodies (`stage.match` holding
 * stages) become cyclic object graphs, which every consumer walks with a stack and a
 * seen-set. Component notes (descriptions, flows, sinks) are `catalogOverlay.ts`'s.
 */
export function generatedCatalog(notes: CatalogNotes): { components: ComponentSchema[]; configBlocks: GeneratedConfigBlock[] } {
  const converted = new Map<string, Converted>();

  const body = (id: string): Converted | undefined => {
    const done = converted.get(id);
    if (done) return done;
    const raw = data.bodies[id];
    if (!raw) return undefined;
    const out: Converted = { attributes: [], blocks: [], closed: raw.closed, label: raw.label === true };
    converted.set(id, out);
    const bodyNotes = notes.bodies[id];
    for (const a of raw.attributes) out.attributes.push(attribute(a, attributeNote(bodyNotes?.[a.name])));
    for (const b of raw.blocks) {
      const inner = b.body === null ? undefined : body(b.body);
      const doc = bodyNotes?.[b.name];
      const block: BlockSchema = {
        name: b.name,
        required: b.required,
        repeatable: b.repeatable,
        doc: typeof doc === 'string' ? doc : '',
        attributes: inner?.attributes ?? [],
        blocks: inner?.blocks ?? [],
      };
      if (inner?.label) block.labelled = true;
      // An unresolved body, or one squashing a type the generator could not read, is open.
      if (!inner || !inner.closed) block.partial = true;
      out.blocks.push(block);
    }
    return out;
  };

  const exportsOf = (id: string | null): ExportSchema[] => {
    const raw = id === null ? undefined : data.bodies[id];
    if (!raw || id === null) return [];
    const exportNotes = notes.exports[id];
    return raw.attributes.map((a) => {
      const n = exportNotes?.[a.name];
      const note: ExportNote = typeof n === 'string' ? { doc: n } : (n ?? {});
      const e: ExportSchema = { name: a.name, type: a.type, doc: note.doc ?? '' };
      const kind = capsuleKindOfType(a.type) ?? note.kind;
      if (kind) e.kind = kind;
      return e;
    });
  };

  const components = data.components.map((c) => {
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

  const configBlocks = data.configBlocks.map((b) => {
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
  return { components, configBlocks };
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
