/**
 * Stdlib facts from Alloy's `syntax/internal/stdlib`: every identifier of the top-level
 * map and of the namespace maps it points to, with its stability (experimental when
 * listed in `ExperimentalIdentifiers`), whether it is deprecated, and for functions how
 * many arguments they take: from the Go signature of a function the package defines, or
 * from the `len(args)` checks of a `value.RawFunction`. A function of Go's own standard
 * library (`strings.Join`) is named instead, since its source is not in the checkout.
 */
import { matchBracket, type GoPackage } from './goSource';

/** How many arguments a function takes; no `max` when it takes any number from `min`. */
export interface Arity {
  min: number;
  max?: number;
}

/** One stdlib identifier. */
export interface StdlibFact {
  name: string;
  stability: string;
  deprecated?: true;
  /** For functions the package defines. */
  arity?: Arity;
  /** For functions of Go's standard library (`strings.Join`), whose source the checkout lacks. */
  goFunction?: string;
}

function mapEntries(text: string, varName: string): [string, string][] {
  const m = new RegExp(`\\b${varName}\\s*=\\s*map\\[string\\](?:any|interface\\{\\}|bool)\\s*\\{`).exec(text);
  if (!m) return [];
  const open = (m.index ?? 0) + m[0].length - 1;
  const body = text.slice(open + 1, matchBracket(text, open));
  return [...body.matchAll(/^\s*"([^"]+)"\s*:\s*([\w.]+)/gm)].map((e) => [e[1] as string, e[2] as string]);
}

/** Top-level commas of a parameter list (none inside brackets or parentheses). */
function splitTopLevel(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(list.slice(start, i));
      start = i + 1;
    }
  }
  out.push(list.slice(start));
  return out.map((p) => p.trim()).filter((p) => p !== '');
}

/** The arity of `func name(…)` declared in `text`; each top-level piece is one parameter (`a, b string` is two). */
function declaredArity(text: string, name: string): Arity | undefined {
  const m = new RegExp(`^func\\s+${name}\\s*\\(`, 'm').exec(text);
  if (!m) return undefined;
  const open = m.index + m[0].length - 1;
  const params = splitTopLevel(text.slice(open + 1, matchBracket(text, open)));
  const variadic = params.some((p) => p.includes('...'));
  return variadic ? { min: params.length - 1 } : { min: params.length, max: params.length };
}

/**
 * The arity a `var name = value.RawFunction(func(…, args ...value.Value) …)` enforces:
 * the counts its `if len(args) != N && len(args) != M` guard allows, at least N for a
 * `len(args) < N` guard, any number otherwise.
 */
function rawFunctionArity(text: string, name: string): Arity | undefined {
  const m = new RegExp(`\\bvar\\s+${name}\\s*=\\s*value\\.RawFunction\\(func\\s*\\(`).exec(text);
  if (!m) return undefined;
  const braceAt = text.indexOf('{', m.index + m[0].length);
  if (braceAt < 0) return undefined;
  const body = text.slice(braceAt, matchBracket(text, braceAt));
  const guard = /\bif\s+((?:len\(args\)\s*!=\s*\d+\s*(?:&&\s*)?)+)\{\s*return\b[^\n]*Errorf/.exec(body);
  if (guard) {
    const counts = [...(guard[1] ?? '').matchAll(/\d+/g)].map((d) => Number(d[0]));
    return { min: Math.min(...counts), max: Math.max(...counts) };
  }
  const atLeast = /\bif\s+len\(args\)\s*<\s*(\d+)\s*\{\s*return\b[^\n]*Errorf/.exec(body);
  return { min: atLeast ? Number(atLeast[1]) : 0 };
}

/** What the generator knows about the Go value `expr` bound to a stdlib name. */
function functionFacts(text: string, expr: string): Pick<StdlibFact, 'arity' | 'goFunction'> {
  if (expr === '') return {};
  if (/^[a-z]\w*\.\w+$/.test(expr)) return { goFunction: expr };
  const arity = declaredArity(text, expr) ?? rawFunctionArity(text, expr);
  return arity ? { arity } : {};
}

/** The identifiers of the stdlib package, sorted; empty when the package is absent. */
export function stdlibFacts(pkg: GoPackage | undefined): StdlibFact[] {
  if (!pkg) return [];
  const text = pkg.files.map((f) => f.text).join('\n');
  const experimental = new Set(mapEntries(text, 'ExperimentalIdentifiers').map(([k]) => k));
  const deprecatedEntries = mapEntries(text, 'DeprecatedIdentifiers');
  const deprecated = new Set(deprecatedEntries.map(([k]) => k));
  const out = new Map<string, StdlibFact>();
  const add = (name: string, expr: string): void => {
    out.set(name, {
      name,
      stability: experimental.has(name) ? 'experimental' : 'generally-available',
      ...(deprecated.has(name) ? { deprecated: true as const } : {}),
      ...functionFacts(text, expr),
    });
  };
  for (const [name, value] of mapEntries(text, 'Identifiers')) {
    const inner = mapEntries(text, value);
    if (inner.length > 0 && !/\./.test(value)) for (const [sub, expr] of inner) add(`${name}.${sub}`, expr);
    // A map of values (`constants`) is no function: no arity.
    else if (!new RegExp(`\\b${value}\\s*=\\s*map\\[`).test(text)) add(name, value);
    else add(name, '');
  }
  for (const [name, expr] of deprecatedEntries) add(name, expr);
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}
