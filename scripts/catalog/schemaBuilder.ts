/**
 * Turns Go types into the catalog's argument schemas, following Alloy's tag rules
 * (`syntax/internal/syntaxtags`): only fields with an `alloy:"name,flags"` tag count;
 * `attr`/`block`/`enum`/`label`/`squash`, `optional` otherwise required. A type the
 * checkout does not define (another module) becomes `unknown`, and a body that squashes
 * an unknown type is marked open so the checks stay silent there.
 */
import type { GenAttribute, GenBlock, GenBody } from '../../server/src/semantic/generated/catalogFormat';
import type { GoPackage, GoType } from './goSource';
import { textValueSet, type GenValueSet } from './valueSets';

export type { GenAttribute, GenBlock, GenBody };

interface Ctx {
  pkg: string;
  imports: ReadonlyMap<string, string>;
}

const NUMERIC = new Set(['int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'float32', 'float64', 'byte', 'rune']);

/** Types that carry a meaning of their own in Alloy, by package path and name. */
const KNOWN: ReadonlyMap<string, string> = new Map([
  ['time.Duration', 'duration'],
  ['github.com/grafana/alloy/syntax/alloytypes.Secret', 'secret'],
  ['github.com/grafana/alloy/syntax/alloytypes.OptionalSecret', 'string'],
  ['github.com/prometheus/prometheus/storage.Appendable', 'MetricsReceiver'],
  ['github.com/grafana/alloy/internal/component/common/loki.LogsReceiver', 'LogsReceiver'],
  ['github.com/grafana/alloy/internal/component/otelcol.Consumer', 'otelcol.Consumer'],
  ['github.com/grafana/alloy/internal/component/pyroscope.Appendable', 'ProfilesReceiver'],
  // A capsule converting itself from objects only (`target::ConvertFrom`), not a plain map.
  ['github.com/grafana/alloy/internal/component/discovery.Target', 'target'],
  ['github.com/grafana/alloy/internal/component/common/relabel.Rules', 'RelabelRules'],
  ['github.com/grafana/alloy/internal/component/otelcol/extension.ExtensionHandler', 'capsule(otelcol.Handler)'],
  ['github.com/grafana/alloy/internal/component/otelcol/auth.Handler', 'capsule(otelcol.Handler)'],
  ['github.com/grafana/alloy/internal/component/otelcol/auth.Handler', 'capsule(otelcol.Handler)'],
]);

/** Resolves Go types of a loaded checkout into catalog notation and bodies. */
export class SchemaBuilder {
  readonly bodies = new Map<string, GenBody>();
  private readonly valueSets = new Map<string, GenValueSet | undefined>();

  constructor(private readonly packages: ReadonlyMap<string, GoPackage>) {}

  /** The declaration a named type refers to, with the context to resolve its own names. */
  private lookup(t: { pkg?: string; name: string }, ctx: Ctx): { decl: GoType; ctx: Ctx; id: string; pkg: GoPackage } | undefined {
    const path = t.pkg === undefined ? ctx.pkg : ctx.imports.get(t.pkg);
    if (path === undefined) return undefined;
    const pkg = this.packages.get(path);
    const decl = pkg?.types.get(t.name);
    if (!pkg || !decl) return undefined;
    return { decl: decl.type, ctx: { pkg: path, imports: decl.imports }, id: `${path}.${t.name}`, pkg };
  }

  private qualified(t: { pkg?: string; name: string }, ctx: Ctx): string | undefined {
    const path = t.pkg === undefined ? ctx.pkg : ctx.imports.get(t.pkg);
    return path === undefined ? undefined : `${path}.${t.name}`;
  }

  /** The type of an attribute in catalog notation (`string`, `list(map(string))`, `unknown`, …). */
  typeOf(t: GoType, ctx: Ctx, depth = 0): string {
    if (depth > 20) return 'unknown';
    switch (t.kind) {
      case 'pointer':
        return this.typeOf(t.elem, ctx, depth + 1);
      case 'slice': {
        const elem = this.typeOf(t.elem, ctx, depth + 1);
        return elem === 'unknown' ? 'list(unknown)' : `list(${elem})`;
      }
      case 'map':
        return `map(${this.typeOf(t.value, ctx, depth + 1)})`;
      case 'struct':
        return 'object';
      case 'interface':
        return 'any';
      case 'func':
        return 'function';
      case 'unknown':
        return 'unknown';
      case 'name': {
        if (t.pkg === undefined) {
          if (t.name === 'string') return 'string';
          if (t.name === 'bool') return 'bool';
          if (NUMERIC.has(t.name)) return 'number';
          if (t.name === 'any') return 'any';
        }
        const q = this.qualified(t, ctx);
        const known = q === undefined ? undefined : KNOWN.get(q);
        if (known !== undefined) return known;
        const found = this.lookup(t, ctx);
        if (!found) return 'unknown';
        // A type that decodes itself from text takes a string whatever its Go shape.
        if (found.pkg.textUnmarshalers.has(t.name)) return 'string';
        return this.typeOf(found.decl, found.ctx, depth + 1);
      }
    }
  }

  /** The closed value set of an attribute whose type (or pointer to it) decodes itself from text. */
  valueSetOf(t: GoType, ctx: Ctx): GenValueSet | undefined {
    const u = unwrapPointer(t);
    if (u.kind !== 'name') return undefined;
    const found = this.lookup(u, ctx);
    if (!found || !found.pkg.textUnmarshalers.has(u.name)) return undefined;
    if (!this.valueSets.has(found.id)) this.valueSets.set(found.id, textValueSet(found.pkg, u.name));
    return this.valueSets.get(found.id);
  }

  /** The struct a type names, following pointers, aliases and named types. */
  private structOf(t: GoType, ctx: Ctx, depth = 0): { fields: Extract<GoType, { kind: 'struct' }>['fields']; ctx: Ctx; id?: string } | undefined {
    if (depth > 20) return undefined;
    if (t.kind === 'pointer') return this.structOf(t.elem, ctx, depth + 1);
    if (t.kind === 'struct') return { fields: t.fields, ctx };
    if (t.kind !== 'name') return undefined;
    const found = this.lookup(t, ctx);
    if (!found) return undefined;
    const inner = this.structOf(found.decl, found.ctx, depth + 1);
    return inner && { ...inner, id: inner.id ?? found.id };
  }

  /** Follows named types (not structs) to the slice or pointer they stand for. */
  private underlying(t: GoType, ctx: Ctx, depth = 0): { type: GoType; ctx: Ctx } {
    const u = unwrapPointer(t);
    if (u.kind !== 'name' || depth > 20) return { type: u, ctx };
    const found = this.lookup(u, ctx);
    if (!found || found.decl.kind === 'struct') return { type: u, ctx };
    const next = this.underlying(found.decl, found.ctx, depth + 1);
    return next.type.kind === 'slice' ? next : { type: u, ctx };
  }

  /** The body id of a Go struct type (built on first use), or null when it cannot be resolved. */
  bodyOf(t: GoType, ctx: Ctx, fallbackId: string): string | null {
    const s = this.structOf(t, ctx);
    if (!s) return null;
    const id = s.id ?? fallbackId;
    if (this.bodies.has(id)) return id;
    const body: GenBody = { attributes: [], blocks: [], closed: true };
    this.bodies.set(id, body); // placed first: recursive types refer back to it
    this.fillBody(body, s.fields, s.ctx, id, 0, s.id);
    return id;
  }

  /** The literal defaults of the named struct `structId` (`path.Type`). */
  private defaultsOf(structId: string | undefined): ReadonlyMap<string, string> | undefined {
    if (structId === undefined) return undefined;
    const dot = structId.lastIndexOf('.');
    return this.packages.get(structId.slice(0, dot))?.defaults.get(structId.slice(dot + 1));
  }

  private fillBody(body: GenBody, fields: Extract<GoType, { kind: 'struct' }>['fields'], ctx: Ctx, id: string, depth: number, structId: string | undefined): void {
    const defaults = this.defaultsOf(structId);
    for (const field of fields) {
      if (field.tag === undefined) continue;
      const comma = field.tag.indexOf(',');
      const name = comma === -1 ? field.tag : field.tag.slice(0, comma);
      const flags = new Set(comma === -1 ? [] : field.tag.slice(comma + 1).split(','));
      const required = !flags.has('optional');
      if (flags.has('squash')) {
        const inner = this.structOf(field.type, ctx);
        if (!inner || depth > 20) body.closed = false;
        // Alloy applies the outer struct's defaults only: the inner type's own do not count here.
        else this.fillBody(body, inner.fields, inner.ctx, id, depth + 1, undefined);
      } else if (flags.has('label')) {
        body.label = true;
      } else if (flags.has('attr')) {
        const type = this.typeOf(field.type, ctx);
        let value = field.names[0] === undefined ? undefined : defaults?.get(field.names[0]);
        // A duration written as a bare number: only zero reads the same in Alloy.
        if (type === 'duration' && value !== undefined && !value.startsWith('"')) value = value === '0' ? '"0s"' : undefined;
        const valueSet = type === 'string' ? this.valueSetOf(field.type, ctx) : undefined;
        body.attributes.push({ name, type, required, ...(value !== undefined ? { default: value } : {}), ...(valueSet ? { valueSet } : {}) });
      } else if (flags.has('block')) {
        const shape = this.underlying(field.type, ctx);
        const repeatable = shape.type.kind === 'slice';
        const elem = elementOf(shape.type);
        body.blocks.push({ name, required, repeatable, body: this.bodyOf(elem, shape.ctx, `${id}#${name}`) });
      } else if (flags.has('enum')) {
        const shape = this.underlying(field.type, ctx);
        const inner = this.structOf(elementOf(shape.type), shape.ctx);
        if (!inner) {
          body.closed = false;
          continue;
        }
        for (const f of inner.fields) {
          if (f.tag === undefined) continue;
          const sub = f.tag.split(',')[0] ?? '';
          body.blocks.push({ name: `${name}.${sub}`, required: false, repeatable: true, body: this.bodyOf(elementOf(f.type), inner.ctx, `${id}#${name}.${sub}`) });
        }
      }
    }
  }
}

function unwrapPointer(t: GoType): GoType {
  return t.kind === 'pointer' ? unwrapPointer(t.elem) : t;
}

function elementOf(t: GoType): GoType {
  const u = unwrapPointer(t);
  return u.kind === 'slice' ? unwrapPointer(u.elem) : u;
}
