/**
 * The hand-written overlay on the generated catalog: what only people know. One-line
 * descriptions, defaults, closed value sets, deprecations, which components are sinks and
 * how telemetry flows through them come from the hand-written entries (`catalogData.ts`
 * and the namespace files); names, types, required/repeatable, labels, stability and
 * versions come from the generated JSON, which wins wherever both speak. Overlay entries
 * naming something the generated catalog lacks are reported by `overlayMismatches` (a
 * test keeps that list empty).
 */
import type { AttributeSchema, BlockSchema, ComponentSchema, ConfigBlockSchema, ExportSchema } from './catalogTypes';
import type { GeneratedConfigBlock } from './catalogGenerated';

interface Body {
  attributes: readonly AttributeSchema[];
  blocks: readonly BlockSchema[];
}

/** Copies descriptions and defaults of `hand` onto the generated `gen` (same names only). */
function overlayBody(gen: Body, hand: Body, seen: Set<object>): void {
  if (seen.has(gen)) return;
  seen.add(gen);
  for (const a of gen.attributes) {
    const h = hand.attributes.find((x) => x.name === a.name);
    if (!h) continue;
    // Generated bodies are shared between components: the first description stands.
    if (a.doc === '') a.doc = h.doc;
    if (a.default === undefined && h.default !== undefined) a.default = h.default;
    if (a.enum === undefined && h.enum !== undefined) a.enum = h.enum;
    if (a.deprecated === undefined && h.deprecated !== undefined) a.deprecated = h.deprecated;
    if (a.accepts === undefined && h.accepts !== undefined) a.accepts = h.accepts;
  }
  for (const b of gen.blocks) {
    const h = hand.blocks.find((x) => x.name === b.name);
    if (!h) continue;
    if (b.doc === '') b.doc = h.doc;
    overlayBody(b, h, seen);
  }
}

function overlayExports(gen: readonly ExportSchema[], hand: readonly ExportSchema[]): void {
  for (const e of gen) {
    const h = hand.find((x) => x.name === e.name);
    if (!h) continue;
    if (e.doc === '') e.doc = h.doc;
    if (e.kind === undefined && h.kind !== undefined) e.kind = h.kind;
  }
}

/** The generated components with the hand-written knowledge laid over them, sorted by name. */
export function withOverlay(generated: readonly ComponentSchema[], hand: readonly ComponentSchema[]): ComponentSchema[] {
  const byName = new Map(hand.map((c) => [c.name, c]));
  const seen = new Set<object>();
  return generated.map((g) => {
    const h = byName.get(g.name);
    if (!h) return g;
    const merged: ComponentSchema = { ...g, doc: h.doc };
    if (h.note !== undefined) merged.note = h.note;
    if (h.sinks) merged.sinks = h.sinks;
    if (h.localSink === true) merged.localSink = true;
    if (h.flows) merged.flows = h.flows;
    overlayBody(g, h, seen);
    overlayExports(g.exports, h.exports);
    return merged;
  });
}

/** The hand-written configuration blocks with the generated bodies where the generator read one. */
export function configBlocksWithGenerated(hand: readonly ConfigBlockSchema[], generated: readonly GeneratedConfigBlock[]): ConfigBlockSchema[] {
  const seen = new Set<object>();
  return hand.map((h) => {
    const g = generated.find((x) => x.name === h.name);
    if (!g) return h;
    overlayBody(g, h, seen);
    return { ...h, stability: g.stability, attributes: g.attributes, blocks: g.blocks, complete: g.complete };
  });
}

/**
 * Names the overlay uses that the generated catalog does not have: components, and the
 * attributes and blocks of the flows (`forward_to`, `output.metrics`). Empty when the two
 * agree.
 */
export function overlayMismatches(generated: readonly ComponentSchema[], hand: readonly ComponentSchema[]): string[] {
  const byName = new Map(generated.map((c) => [c.name, c]));
  const out: string[] = [];
  for (const h of hand) {
    const g = byName.get(h.name);
    if (!g) {
      out.push(`${h.name}: no such component`);
      continue;
    }
    for (const flow of h.flows ?? []) {
      const path = flow.output.split('.');
      let body: Body = g;
      for (const [i, part] of path.entries()) {
        const last = i === path.length - 1;
        const next: Body | undefined = body.blocks.find((b) => b.name === part);
        if (last && (body.attributes.some((a) => a.name === part) || next)) break;
        if (!next) {
          out.push(`${h.name}: flow output ${flow.output} is not an argument`);
          break;
        }
        body = next;
      }
      if (flow.input !== undefined && !g.exports.some((e) => e.name === flow.input)) out.push(`${h.name}: flow input ${flow.input} is not an export`);
    }
  }
  return out;
}
