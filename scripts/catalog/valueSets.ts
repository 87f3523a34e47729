/**
 * Closed value sets from Alloy's Go source: a type that decodes itself from text
 * (`UnmarshalText`) and accepts only the strings its `switch`/`case` lists or its map of
 * allowed values holds, rejecting any other with one `fmt.Errorf`. The generator keeps
 * the values and that error's format string, Alloy's own words, so the checks can say
 * what `alloy validate` says. Anything less plain (a computed set, a message with more
 * than the value in it) gives no set: the checks then stay silent.
 */
import { matchBracket, type GoPackage } from './goSource';
import type { GenValueSet } from '../../server/src/semantic/generated/catalogFormat';

export type { GenValueSet };

/** `Name [Type] = "literal"` constants of a package (typed ones too, unlike `stringConsts`). */
function stringConstants(pkg: GoPackage): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const f of pkg.files) {
    for (const m of f.text.matchAll(/^\s*(?:const\s+)?([A-Za-z_]\w*)(?:\s+[\w.]+)?\s*=\s*"([^"\\\n]*)"\s*$/gm)) {
      out.set(m[1] as string, m[2] as string);
    }
  }
  return out;
}

/** Top-level comma-separated items of `text`. */
function items(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/** The string a case label or map key stands for: `"x"`, `Const`, `string(Const)`, `T(Const)`. */
function literal(expr: string, consts: ReadonlyMap<string, string>): string | undefined {
  const e = expr.trim();
  const quoted = /^"([^"\\]*)"$/.exec(e);
  if (quoted) return quoted[1];
  const wrapped = /^\(?\w+\)?\((.+)\)$/.exec(e);
  if (wrapped) return literal(wrapped[1] as string, consts);
  return /^\w+$/.test(e) ? consts.get(e) : undefined;
}

/** The body of `func (r *T) UnmarshalText(p []byte) error { … }` and its parameter name. */
function unmarshalText(pkg: GoPackage, typeName: string): { body: string; param: string } | undefined {
  const re = new RegExp(`^func\\s*\\(\\s*\\w*\\s*\\*?\\s*${typeName}\\s*\\)\\s*UnmarshalText\\s*\\(\\s*(\\w+)\\s+\\[\\]byte\\s*\\)\\s*error\\s*\\{`, 'm');
  for (const f of pkg.files) {
    const m = re.exec(f.text);
    if (!m) continue;
    const open = m.index + m[0].length - 1;
    return { body: f.text.slice(open, matchBracket(f.text, open)), param: m[1] as string };
  }
  return undefined;
}

/** The allowed values: every `case` of the switch on the value, or the keys of the map it is looked up in. */
function allowedValues(body: string, pkg: GoPackage, valueNames: ReadonlySet<string>, consts: ReadonlyMap<string, string>): string[] | undefined {
  const named = (expr: string): boolean => valueNames.has(expr.trim()) || [...valueNames].some((v) => new RegExp(`^\\(?\\w+\\)?\\(\\s*${v}\\s*\\)$`).test(expr.trim()));
  const sw = /\bswitch\s+(?:(\w+)\s*:=\s*([^;{]+);\s*)?([^{]+)\{/.exec(body);
  if (sw) {
    const subject = (sw[3] ?? '').trim();
    if (!named(subject) && !(sw[1] !== undefined && subject === sw[1] && named(sw[2] ?? ''))) return undefined;
    const values: string[] = [];
    for (const c of body.matchAll(/\bcase\s+([^:]+):/g)) {
      for (const item of items(c[1] as string)) {
        const v = literal(item, consts);
        if (v === undefined) return undefined;
        if (!values.includes(v)) values.push(v);
      }
    }
    return values.length > 0 ? values : undefined;
  }
  const lookup = /\b(\w+)\[([^\]]+)\]/.exec(body);
  if (!lookup || !named(lookup[2] as string)) return undefined;
  const text = pkg.files.map((f) => f.text).join('\n');
  // `map[K]V{`, where V may itself hold braces (`struct{}`).
  const decl = new RegExp(`\\bvar\\s+${lookup[1]}\\s*=\\s*map\\[[^\\]]+\\](?:struct\\s*\\{\\s*\\}|[\\w.*]+)\\s*\\{`).exec(text);
  if (!decl) return undefined;
  const open = decl.index + decl[0].length - 1;
  const values: string[] = [];
  for (const entry of items(text.slice(open + 1, matchBracket(text, open)))) {
    const key = entry.slice(0, entry.indexOf(':'));
    const v = literal(key, consts);
    if (v === undefined) return undefined;
    if (!values.includes(v)) values.push(v);
  }
  return values.length > 0 ? values : undefined;
}

/**
 * The closed value set of the text-decoded type `typeName` of `pkg`, or undefined when its
 * `UnmarshalText` is not one the generator can read plainly.
 */
export function textValueSet(pkg: GoPackage, typeName: string): GenValueSet | undefined {
  const method = unmarshalText(pkg, typeName);
  if (!method) return undefined;
  const { body, param } = method;
  const errors = [...body.matchAll(/\bfmt\.Errorf\(/g)];
  if (errors.length !== 1) return undefined;
  const open = (errors[0]?.index ?? 0) + 'fmt.Errorf'.length;
  const args = items(body.slice(open + 1, matchBracket(body, open)));
  const format = /^"([^"\\]*)"$/.exec(args[0] ?? '')?.[1];
  // One verb naming the value and nothing else: the message is then a function of the value alone.
  if (format === undefined || args.length !== 2 || (format.match(/%/g) ?? []).length !== 1 || !/%[qsv]/.test(format)) return undefined;
  // Names that hold the value as written, and the one holding it lower-cased.
  const asWritten = new Set([param, `string(${param})`]);
  let lowered: string | undefined;
  for (const m of body.matchAll(/\b(\w+)\s*:?=\s*([^\n;]+)/g)) {
    const rhs = (m[2] as string).trim();
    if (new RegExp(`strings\\.ToLower\\(\\s*string\\(\\s*${param}\\s*\\)\\s*\\)`).test(rhs)) lowered = m[1] as string;
    else if (new RegExp(`^(?:\\(?\\w+\\)?)?\\(\\s*${param}\\s*\\)$`).test(rhs)) asWritten.add(m[1] as string);
  }
  const valueNames = new Set(lowered !== undefined ? [lowered] : asWritten);
  const arg = (args[1] ?? '').trim();
  const argNamesValue = valueNames.has(arg) || [...valueNames].some((v) => new RegExp(`^\\w+\\(\\s*${v}\\s*\\)$`).test(arg));
  if (!argNamesValue) return undefined;
  const values = allowedValues(body, pkg, valueNames, stringConstants(pkg));
  if (!values) return undefined;
  return { values, ...(lowered !== undefined ? { foldCase: true as const } : {}), message: format };
}
