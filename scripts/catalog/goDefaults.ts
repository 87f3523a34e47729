/**
 * Literal defaults from Go: `SetToDefault` methods that assign a composite literal or a
 * `var X = T{…}` to the receiver give each field's default, kept only when the value is
 * a literal Alloy can show as written (strings, numbers, booleans, `N * time.Unit`).
 */
import { matchBracket } from './goSource';

/** Per type name: Go field name → default in Alloy syntax. */
export type TypeDefaults = Map<string, Map<string, string>>;

const UNITS: readonly [string, number][] = [
  ['Hour', 3_600_000],
  ['Minute', 60_000],
  ['Second', 1000],
  ['Millisecond', 1],
];

/** `200 * time.Millisecond` → `"200ms"`; undefined when not a plain duration. */
function duration(expr: string): string | undefined {
  const m = /^(?:(\d+)\s*\*\s*)?time\.(Hour|Minute|Second|Millisecond)$/.exec(expr) ?? /^time\.(Hour|Minute|Second|Millisecond)\s*\*\s*(\d+)$/.exec(expr);
  if (!m) return undefined;
  const [count, unit] = /^\d/.test(m[1] ?? '') || m[1] === undefined ? [Number(m[1] ?? 1), m[2]] : [Number(m[2]), m[1]];
  const ms = count * (UNITS.find(([u]) => u === unit)?.[1] ?? NaN);
  if (!Number.isFinite(ms)) return undefined;
  for (const [u, size] of UNITS) {
    if (ms % size === 0) return `"${ms / size}${{ Hour: 'h', Minute: 'm', Second: 's', Millisecond: 'ms' }[u]}"`;
  }
  return undefined;
}

/** A Go expression as an Alloy literal, when it is one. */
export function alloyLiteral(expr: string): string | undefined {
  const e = expr.trim();
  if (/^"(?:[^"\\\n]|\\[\\"nt])*"$/.test(e)) return e;
  if (/^`[^`]*`$/.test(e)) return JSON.stringify(e.slice(1, -1));
  if (/^-?\d[\d_]*(\.\d+)?$/.test(e)) return e.replace(/_/g, '');
  if (e === 'true' || e === 'false') return e;
  return duration(e);
}

/** Splits `Field: value, …` at depth 0. */
function entries(body: string): [string, string][] {
  const out: [string, string][] = [];
  let depth = 0;
  let start = 0;
  const parts: string[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '"' || c === '`') {
      const end = c === '`' ? body.indexOf('`', i + 1) : body.slice(i + 1).search(/(?<!\\)"/) + i + 1;
      i = end < i ? body.length : end;
    } else if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  for (const p of parts) {
    const m = /^\s*([A-Z]\w*)\s*:\s*([\s\S]+?)\s*$/.exec(p);
    if (m) out.push([m[1] as string, m[2] as string]);
  }
  return out;
}

function literalFields(text: string, open: number): Map<string, string> {
  const close = matchBracket(text, open);
  const fields = new Map<string, string>();
  if (close === -1) return fields;
  for (const [field, expr] of entries(text.slice(open + 1, close))) {
    const value = alloyLiteral(expr);
    if (value !== undefined) fields.set(field, value);
  }
  return fields;
}

/** The literal defaults of the types of one package (its files' comment-free texts). */
export function packageDefaults(texts: readonly string[]): TypeDefaults {
  const vars = new Map<string, { type: string; fields: Map<string, string> }>();
  const defaults: TypeDefaults = new Map();
  for (const text of texts) {
    for (const m of text.matchAll(/^\s*(?:var\s+)?([A-Z]\w*)\s*=\s*([A-Z]\w*)\s*\{/gm)) {
      vars.set(m[1] as string, { type: m[2] as string, fields: literalFields(text, (m.index ?? 0) + m[0].length - 1) });
    }
  }
  for (const text of texts) {
    for (const m of text.matchAll(/^func\s*\(\s*(\w+)\s+\*(\w+)\s*\)\s*SetToDefault\(\)\s*\{/gm)) {
      const [, recv, type] = m as unknown as [string, string, string];
      const open = (m.index ?? 0) + m[0].length - 1;
      const close = matchBracket(text, open);
      if (close === -1) continue;
      const body = text.slice(open + 1, close);
      // Only a body that is the one assignment (and nested SetToDefault calls) says
      // what the defaults are; anything else may change them afterwards.
      const assign = new RegExp(`^\\s*\\*${recv}\\s*=\\s*([A-Z]\\w*)\\s*(\\{)?`).exec(body);
      if (!assign) continue;
      let rest: string;
      let fields: Map<string, string> | undefined;
      if (assign[2] !== undefined) {
        if (assign[1] !== type) continue;
        const litOpen = open + 1 + assign[0].length - 1;
        const litClose = matchBracket(text, litOpen);
        if (litClose === -1) continue;
        fields = literalFields(text, litOpen);
        rest = text.slice(litClose + 1, close);
      } else {
        const v = vars.get(assign[1] as string);
        if (!v || v.type !== type) continue;
        fields = v.fields;
        rest = body.slice(assign[0].length);
      }
      const pure = rest.split('\n').every((line) => line.trim() === '' || new RegExp(`^\\s*${recv}(\\.\\w+)+\\.SetToDefault\\(\\)\\s*$`).test(line));
      if (pure) defaults.set(type, fields);
    }
  }
  return defaults;
}
