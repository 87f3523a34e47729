/**
 * A careful reader of Go source, just enough for the catalog generator: the packages of
 * a checkout (by import path), each file's imports, and the type declarations (structs
 * with their tagged fields, named and alias types). Not a Go parser: anything it does
 * not understand becomes an `unknown` type expression, never an exception.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { packageDefaults, type TypeDefaults } from './goDefaults';

/** A parsed type expression. */
export type GoType =
  | { kind: 'name'; pkg?: string; name: string }
  | { kind: 'pointer'; elem: GoType }
  | { kind: 'slice'; elem: GoType }
  | { kind: 'map'; key: GoType; value: GoType }
  | { kind: 'struct'; fields: GoField[] }
  | { kind: 'func' }
  | { kind: 'interface' }
  | { kind: 'unknown'; text: string };

/** A struct field: its Go names (none when embedded), type and `alloy:"…"` tag. */
export interface GoField {
  names: string[];
  type: GoType;
  tag?: string;
}

/** A `type X …` declaration. */
export interface GoTypeDecl {
  name: string;
  type: GoType;
  /** The file's import aliases, to resolve `pkg.Name` inside `type`. */
  imports: ReadonlyMap<string, string>;
  pkgPath: string;
}

/** One Go package of the checkout. */
export interface GoPackage {
  path: string;
  dir: string;
  files: { name: string; text: string; imports: ReadonlyMap<string, string> }[];
  types: Map<string, GoTypeDecl>;
  /** Names of types with a method `UnmarshalText`: Alloy decodes them from strings. */
  textUnmarshalers: Set<string>;
  /** `const name = "literal"` values. */
  stringConsts: Map<string, string>;
  /** Literal defaults per type (from `SetToDefault`). */
  defaults: TypeDefaults;
}

/** Blanks out comments, keeping offsets, so later regexes never match inside them. */
export function stripComments(src: string): string {
  const out = src.split('');
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') out[i++] = ' ';
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end === -1 ? src.length : end + 2;
      for (; i < stop; i++) if (src[i] !== '\n') out[i] = ' ';
    } else if (c === '"' || c === "'") {
      i++;
      while (i < src.length && src[i] !== c && src[i] !== '\n') i += src[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '`') {
      const end = src.indexOf('`', i + 1);
      i = end === -1 ? src.length : end + 1;
    } else i++;
  }
  return out.join('');
}

/** The index of the bracket closing the one at `open`, skipping strings; -1 if none. */
export function matchBracket(src: string, open: number): number {
  const pairs: Record<string, string> = { '{': '}', '(': ')', '[': ']' };
  const stack: string[] = [];
  for (let i = open; i < src.length; i++) {
    const c = src[i] as string;
    if (c === '"' || c === "'") {
      i++;
      while (i < src.length && src[i] !== c && src[i] !== '\n') i += src[i] === '\\' ? 2 : 1;
    } else if (c === '`') {
      const end = src.indexOf('`', i + 1);
      if (end === -1) return -1;
      i = end;
    } else if (pairs[c] !== undefined) stack.push(pairs[c] as string);
    else if (c === '}' || c === ')' || c === ']') {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

function parseImports(src: string): Map<string, string> {
  const imports = new Map<string, string>();
  const add = (alias: string | undefined, path: string): void => {
    const last = path.split('/').pop() ?? path;
    // `foo/v2` is imported as `foo`; `go-foo` is usually used as `foo`.
    const implied = /^v\d+$/.test(last) ? (path.split('/').slice(-2)[0] ?? last) : last.replace(/^go-/, '').replace(/[.-]/g, '_');
    const name = alias ?? implied;
    if (name !== '_' && name !== '.') imports.set(name, path);
  };
  for (const m of src.matchAll(/^import\s*\(([\s\S]*?)^\)/gm)) {
    for (const line of (m[1] ?? '').split('\n')) {
      const lm = /^\s*([\w.]+\s+)?"([^"]+)"/.exec(line);
      if (lm) add(lm[1]?.trim(), lm[2] as string);
    }
  }
  for (const m of src.matchAll(/^import\s+([\w.]+\s+)?"([^"]+)"/gm)) add(m[1]?.trim(), m[2] as string);
  return imports;
}

/** Parses a type expression starting at the beginning of `text`; returns it and the rest. */
export function parseType(text: string): { type: GoType; rest: string } {
  const t = text.trimStart();
  if (t.startsWith('*')) {
    const inner = parseType(t.slice(1));
    return { type: { kind: 'pointer', elem: inner.type }, rest: inner.rest };
  }
  if (t.startsWith('[]')) {
    const inner = parseType(t.slice(2));
    return { type: { kind: 'slice', elem: inner.type }, rest: inner.rest };
  }
  if (t.startsWith('[')) {
    const close = matchBracket(t, 0);
    const inner = parseType(t.slice(close + 1));
    return { type: { kind: 'slice', elem: inner.type }, rest: inner.rest };
  }
  if (t.startsWith('map[')) {
    const close = matchBracket(t, 3);
    const key = parseType(t.slice(4, close));
    const value = parseType(t.slice(close + 1));
    return { type: { kind: 'map', key: key.type, value: value.type }, rest: value.rest };
  }
  const brace = /^(struct|interface)\s*\{/.exec(t);
  if (brace) {
    const open = t.indexOf('{');
    const close = matchBracket(t, open);
    if (close === -1) return { type: { kind: 'unknown', text: t }, rest: '' };
    const type: GoType = brace[1] === 'struct' ? { kind: 'struct', fields: parseFields(t.slice(open + 1, close)) } : { kind: 'interface' };
    return { type, rest: t.slice(close + 1) };
  }
  if (/^func\b/.test(t)) return { type: { kind: 'func' }, rest: '' };
  if (/^chan\b|^<-/.test(t)) return { type: { kind: 'unknown', text: 'chan' }, rest: '' };
  const named = /^([A-Za-z_]\w*)(?:\.([A-Za-z_]\w*))?/.exec(t);
  if (named) {
    let rest = t.slice(named[0].length);
    if (rest.startsWith('[')) rest = rest.slice(matchBracket(rest, 0) + 1); // generic instance
    const type: GoType = named[2] !== undefined ? { kind: 'name', pkg: named[1], name: named[2] } : { kind: 'name', name: named[1] as string };
    return { type, rest };
  }
  return { type: { kind: 'unknown', text: t.split('\n')[0] ?? '' }, rest: '' };
}

/** Splits a struct body into fields (one per line at depth 0). */
export function parseFields(body: string): GoField[] {
  const fields: GoField[] = [];
  let start = 0;
  let depth = 0;
  const lines: string[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '`') {
      const end = body.indexOf('`', i + 1);
      i = end === -1 ? body.length : end;
    } else if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth--;
    else if ((c === '\n' || c === ';') && depth === 0) {
      lines.push(body.slice(start, i));
      start = i + 1;
    }
  }
  lines.push(body.slice(start));
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const tagMatch = /`([^`]*)`\s*$/.exec(line);
    const tagText = tagMatch?.[1];
    const decl = tagMatch ? line.slice(0, tagMatch.index).trim() : line;
    const alloy = tagText !== undefined ? /(?:^|\s)alloy:"([^"]*)"/.exec(tagText)?.[1] : undefined;
    const names = /^([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s+(?=[*\[\w])/.exec(decl);
    const embedded = names === null || /^[A-Za-z_]\w*\.[A-Za-z_]/.test(decl);
    if (embedded) {
      fields.push({ names: [], type: parseType(decl).type, ...(alloy !== undefined ? { tag: alloy } : {}) });
    } else {
      const nameList = (names[1] as string).split(',').map((s) => s.trim());
      fields.push({ names: nameList, type: parseType(decl.slice(names[0].length)).type, ...(alloy !== undefined ? { tag: alloy } : {}) });
    }
  }
  return fields;
}

function parseTypeDecls(src: string, imports: ReadonlyMap<string, string>, pkgPath: string, into: Map<string, GoTypeDecl>): void {
  const add = (name: string, text: string): void => {
    const isAlias = text.trimStart().startsWith('=');
    const { type } = parseType(isAlias ? text.trimStart().slice(1) : text);
    into.set(name, { name, type, imports, pkgPath });
  };
  for (const m of src.matchAll(/^type\s+(?:\(|([A-Za-z_]\w*)(\[[^\]\n]*\])?\s)/gm)) {
    const at = (m.index ?? 0) + m[0].length;
    if (m[1] !== undefined) {
      add(m[1], src.slice(at));
      continue;
    }
    // A `type ( … )` group: one declaration per line at depth 0.
    const close = matchBracket(src, at - 1);
    const group = src.slice(at, close === -1 ? src.length : close);
    for (const dm of group.matchAll(/^\s*([A-Za-z_]\w*)\s+(?=\S)/gm)) add(dm[1] as string, group.slice((dm.index ?? 0) + dm[0].length));
  }
}

/** Module roots of a checkout: import-path prefix → directory (nested go.mod files included). */
function moduleRoots(root: string): { prefix: string; dir: string }[] {
  const roots: { prefix: string; dir: string }[] = [];
  const walk = (dir: string, depth: number): void => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    if (entries.includes('go.mod')) {
      const mod = /^module\s+(\S+)/m.exec(readFileSync(join(dir, 'go.mod'), 'utf8'));
      if (mod) roots.push({ prefix: mod[1] as string, dir });
    }
    if (depth > 3) return;
    for (const e of entries) {
      if (e.startsWith('.') || e === 'node_modules' || e === 'vendor' || e === 'testdata') continue;
      const full = join(dir, e);
      if (statSync(full).isDirectory()) walk(full, depth + 1);
    }
  };
  walk(root, 0);
  return roots;
}

/** Reads every Go package under `root` (tests and testdata excluded), keyed by import path. */
export function loadPackages(root: string): Map<string, GoPackage> {
  const roots = moduleRoots(root).sort((a, b) => b.dir.length - a.dir.length);
  const packages = new Map<string, GoPackage>();
  const importPathOf = (dir: string): string => {
    const mod = roots.find((r) => dir === r.dir || dir.startsWith(r.dir + sep));
    if (!mod) return relative(root, dir);
    const rel = relative(mod.dir, dir).split(sep).join('/');
    return rel === '' ? mod.prefix : `${mod.prefix}/${rel}`;
  };
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    const entries = readdirSync(dir).sort();
    const goFiles = entries.filter((e) => e.endsWith('.go') && !e.endsWith('_test.go'));
    if (goFiles.length > 0) {
      const path = importPathOf(dir);
      const pkg: GoPackage = { path, dir, files: [], types: new Map(), textUnmarshalers: new Set(), stringConsts: new Map(), defaults: new Map() };
      for (const f of goFiles) {
        const text = stripComments(readFileSync(join(dir, f), 'utf8'));
        const imports = parseImports(text);
        pkg.files.push({ name: f, text, imports });
        parseTypeDecls(text, imports, path, pkg.types);
        for (const m of text.matchAll(/^func\s*\(\s*\w*\s*\*?\s*(\w+)\s*\)\s*(UnmarshalText)\s*\(/gm)) pkg.textUnmarshalers.add(m[1] as string);
        for (const m of text.matchAll(/^\s*(?:const\s+)?([A-Za-z_]\w*)\s*(?:string\s*)?=\s*"([^"\n]*)"\s*$/gm)) pkg.stringConsts.set(m[1] as string, m[2] as string);
      }
      pkg.defaults = packageDefaults(pkg.files.map((f) => f.text));
      packages.set(path, pkg);
    }
    for (const e of entries) {
      if (e.startsWith('.') || e === 'testdata' || e === 'node_modules' || e === 'vendor') continue;
      const full = join(dir, e);
      if (statSync(full).isDirectory()) stack.push(full);
    }
  }
  return packages;
}
