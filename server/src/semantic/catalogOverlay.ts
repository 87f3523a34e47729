/**
 * The hand-written overlay on the generated catalog: what only people know. Component
 * descriptions, platform remarks, sinks and signal flows are laid over the generated
 * components here; descriptions and the defaults and value sets the generator cannot
 * read are laid over the generated bodies and exports while they are converted
 * (`catalogGenerated.ts`). The generated facts win wherever both speak.
 * `overlayMismatches` lists every name of the notes that the generated catalog does not
 * have (a test keeps that list empty).
 */
import { capsuleKindOfType } from './catalogShared';
import type { GeneratedConfigBlock } from './catalogGenerated';
import type { CatalogNotes, ComponentNote, ComponentSchema, ConfigBlockSchema } from './catalogTypes';
import type { GenBody, GenCatalog } from './generated/catalogFormat';

/** The generated components with their notes (description, remarks, sinks, flows). */
export function withOverlay(generated: readonly ComponentSchema[], notes: Readonly<Record<string, ComponentNote>>): ComponentSchema[] {
  return generated.map((g) => {
    const n = notes[g.name];
    if (!n) return g;
    const merged: ComponentSchema = { ...g, doc: n.doc };
    if (n.note !== undefined) merged.note = n.note;
    if (n.sinks) merged.sinks = n.sinks;
    if (n.localSink === true) merged.localSink = true;
    if (n.flows) merged.flows = n.flows;
    return merged;
  });
}

/** The hand-written configuration blocks with the generated bodies where the generator read one. */
export function configBlocksWithGenerated(hand: readonly ConfigBlockSchema[], generated: readonly GeneratedConfigBlock[]): ConfigBlockSchema[] {
  return hand.map((h) => {
    const g = generated.find((x) => x.name === h.name);
    if (!g) return h;
    return { ...h, stability: g.stability, attributes: g.attributes, blocks: g.blocks, complete: g.complete };
  });
}

/** Whether `path` (`forward_to`, `output.metrics`) names an attribute or block of the body `id`. */
function pathResolves(catalog: GenCatalog, id: string | null, path: readonly string[]): boolean {
  let body: GenBody | undefined = id === null ? undefined : catalog.bodies[id];
  for (const [i, part] of path.entries()) {
    if (!body) return false;
    const block = body.blocks.find((b) => b.name === part);
    if (i === path.length - 1) return block !== undefined || body.attributes.some((a) => a.name === part);
    body = block?.body === null || block === undefined ? undefined : catalog.bodies[block.body];
  }
  return false;
}

/**
 * Every name the notes use that the generated catalog does not have: components, the
 * attributes and exports of their flows, bodies and the attribute and block names noted
 * in them, exports bodies and their export names; and notes the generated facts make
 * stale (a default, value set or capsule kind where the generator has one). Empty when
 * the two agree.
 */
export function overlayMismatches(catalog: GenCatalog, notes: CatalogNotes): string[] {
  const out: string[] = [];
  const components = new Map(catalog.components.map((c) => [c.name, c]));
  for (const [name, note] of Object.entries(notes.components)) {
    const c = components.get(name);
    if (!c) {
      out.push(`${name}: no such component`);
      continue;
    }
    const exports = c.exports === null ? undefined : catalog.bodies[c.exports];
    for (const flow of note.flows ?? []) {
      if (!pathResolves(catalog, c.arguments, flow.output.split('.'))) out.push(`${name}: flow output ${flow.output} is not an argument`);
      if (flow.input !== undefined && !exports?.attributes.some((a) => a.name === flow.input)) out.push(`${name}: flow input ${flow.input} is not an export`);
    }
  }
  for (const [id, bodyNote] of Object.entries(notes.bodies)) {
    const body = catalog.bodies[id];
    if (!body) {
      out.push(`${id}: no such body`);
      continue;
    }
    for (const [name, note] of Object.entries(bodyNote)) {
      const attr = body.attributes.find((a) => a.name === name);
      const block = body.blocks.find((b) => b.name === name);
      if (!attr && !block) out.push(`${id}: no attribute or block ${name}`);
      else if (block && typeof note !== 'string') out.push(`${id}: block ${name} takes a description only`);
      else if (attr && typeof note !== 'string') {
        if (note.default !== undefined && attr.default !== undefined) out.push(`${id}: ${name} has a generated default`);
        if (note.enum !== undefined && attr.valueSet !== undefined) out.push(`${id}: ${name} has a generated value set`);
        if (note.accepts !== undefined && capsuleKindOfType(attr.type) !== undefined) out.push(`${id}: ${name} has a generated capsule kind`);
      }
    }
  }
  const exportBodies = new Set(catalog.components.map((c) => c.exports));
  for (const [id, exportNotes] of Object.entries(notes.exports)) {
    const body = catalog.bodies[id];
    if (!body || !exportBodies.has(id)) {
      out.push(`${id}: no component exports this body`);
      continue;
    }
    for (const name of Object.keys(exportNotes)) if (!body.attributes.some((a) => a.name === name)) out.push(`${id}: no export ${name}`);
  }
  return out;
}
