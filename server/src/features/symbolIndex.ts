/**
 * Every name a person can navigate in a project, with each place it is
 * written: components (by label), `declare`s, `argument`s, `export`s and
 * import namespaces. Scopes follow Alloy: the files of a configuration share
 * one scope, each `declare` body is a scope of its own (its components and
 * arguments are invisible outside), and each imported module is a scope whose
 * `declare`s are reached as `namespace.name`.
 *
 * Occurrence ranges cover only the identifier (a label without its quotes), so
 * that a rename edits nothing else.
 */
import type { BlockStmt, Expr, Stmt } from '../syntax/ast';
import type { TextRange } from '../syntax/diagnostic';
import { classifyTopLevelBlock } from '../semantic/blockKinds';
import type { SourceFile } from '../semantic/model';
import { referenceExpressions } from '../semantic/references';
import type { Project } from './project';

export type NavSymbolKind = 'component' | 'declare' | 'argument' | 'export' | 'namespace';

/** A named thing and where it is written. */
export interface NavSymbol {
  kind: NavSymbolKind;
  /** The identifier: a component's label, a declare's, argument's, export's or namespace's name. */
  name: string;
  /** For components: the component name (`prometheus.scrape`, `my_comp`, `ns.comp`). */
  componentName?: string;
  /** The block that defines it, and its file. */
  block: BlockStmt;
  file: SourceFile;
  scope: NavScope;
  occurrences: Occurrence[];
}

/**
 * A place where a symbol is written. `definition` and `reference` are the
 * symbol's own name (renamed with it); `alias` is a place that only leads to
 * it (the name fragments of a component reference, an export of a built-in).
 */
export interface Occurrence {
  file: SourceFile;
  range: TextRange;
  role: 'definition' | 'reference' | 'alias';
  symbol: NavSymbol;
}

/** One scope: the top level of a configuration or module, or a `declare` body. */
export interface NavScope {
  parent: NavScope | undefined;
  components: Map<string, NavSymbol>;
  declares: Map<string, NavSymbol>;
  namespaces: Map<string, NavSymbol>;
  arguments: Map<string, NavSymbol>;
  exports: Map<string, NavSymbol>;
}

export interface SymbolIndex {
  project: Project;
  /** The scope of the configuration's top level. */
  root: NavScope;
  /** The body scope of each `declare` symbol, and the top-level scope of each imported module. */
  bodyOf: ReadonlyMap<NavSymbol, NavScope>;
  /** Occurrences per file path, in no particular order. */
  byFile: ReadonlyMap<string, readonly Occurrence[]>;
}

/** Fragments of a component id at most (the longest names have five, plus a label). */
const MAX_ID_PARTS = 8;

interface Piece {
  name: string;
  start: number;
  end: number;
}

function newScope(parent: NavScope | undefined): NavScope {
  return { parent, components: new Map(), declares: new Map(), namespaces: new Map(), arguments: new Map(), exports: new Map() };
}

/** The identifiers of a reference chain `a.b.c`, in order; undefined when it is not a plain chain. */
export function chainPieces(expr: Expr): Piece[] | undefined {
  const out: Piece[] = [];
  let e: Expr = expr;
  while (e.kind === 'Access') {
    out.push({ name: e.name.name, start: e.name.start, end: e.name.end });
    e = e.value;
  }
  if (e.kind !== 'IdentExpr') return undefined;
  out.push({ name: e.name, start: e.start, end: e.end });
  return out.reverse();
}

/** The label's text without quotes, when the label is written plainly (no escapes). */
export function labelRange(file: SourceFile, block: BlockStmt): TextRange | undefined {
  const label = block.label;
  if (!label || label.end - label.start !== label.value.length + 2) return undefined;
  if (file.parse.text.slice(label.start + 1, label.end - 1) !== label.value) return undefined;
  return { start: label.start + 1, end: label.end - 1 };
}

/** Builds the index. Never throws on any tree. */
export function buildSymbolIndex(project: Project): SymbolIndex {
  const byFile = new Map<string, Occurrence[]>();
  const bodyOf = new Map<NavSymbol, NavScope>();
  const moduleScopes = new Map<readonly SourceFile[], NavScope>();
  const add = (occurrence: Occurrence) => {
    occurrence.symbol.occurrences.push(occurrence);
    let list = byFile.get(occurrence.file.path);
    if (!list) byFile.set(occurrence.file.path, (list = []));
    list.push(occurrence);
  };

  // Work items: bodies to declare (pass 1) and then to resolve (pass 2), with their scope.
  interface Body {
    file: SourceFile;
    stmts: readonly Stmt[];
    scope: NavScope;
  }
  const bodies: Body[] = [];

  function define(kind: NavSymbolKind, map: Map<string, NavSymbol>, file: SourceFile, block: BlockStmt, scope: NavScope, componentName?: string): NavSymbol | undefined {
    if (!block.label) return undefined;
    const key = componentName ? `${componentName}.${block.label.value}` : block.label.value;
    if (map.has(key)) return undefined; // the first declaration wins, as in Alloy
    const symbol: NavSymbol = { kind, name: block.label.value, block, file, scope, occurrences: [], ...(componentName ? { componentName } : {}) };
    map.set(key, symbol);
    const range = labelRange(file, block);
    if (range) add({ file, range, role: 'definition', symbol });
    return symbol;
  }

  /** Pass 1: the definitions of one body, recursing into declare bodies and modules. */
  function declareBody(file: SourceFile, stmts: readonly Stmt[], scope: NavScope): void {
    const queue: Body[] = [{ file, stmts, scope }];
    while (queue.length > 0) {
      const body = queue.shift() as Body;
      bodies.push(body);
      for (const s of body.stmts) {
        if (s.kind !== 'Block') continue;
        const kind = classifyTopLevelBlock(s.name).kind;
        if (kind === 'declare') {
          const symbol = define('declare', body.scope.declares, body.file, s, body.scope);
          if (symbol) {
            const inner = newScope(body.scope);
            bodyOf.set(symbol, inner);
            queue.push({ file: body.file, stmts: s.body, scope: inner });
          }
        } else if (s.name === 'argument') define('argument', body.scope.arguments, body.file, s, body.scope);
        else if (s.name === 'export') define('export', body.scope.exports, body.file, s, body.scope);
        else if (s.name.startsWith('import.')) {
          const symbol = define('namespace', body.scope.namespaces, body.file, s, body.scope);
          const module = project.imports.get(s);
          if (symbol && module) {
            let moduleScope = moduleScopes.get(module);
            if (!moduleScope) {
              moduleScope = newScope(undefined);
              moduleScopes.set(module, moduleScope);
              for (const m of module) queue.push({ file: m, stmts: m.parse.file.body, scope: moduleScope });
            }
            bodyOf.set(symbol, moduleScope);
          }
        } else if (kind === 'component' && s.label) define('component', body.scope.components, body.file, s, body.scope, s.name);
      }
    }
  }

  const root = newScope(undefined);
  for (const file of project.files) declareBody(file, file.parse.file.body, root);

  /** The declare a component name stands for in `scope`: `name` up the scopes, or `ns.name` through an import. */
  function customOf(name: string, scope: NavScope): { declare: NavSymbol; namespace?: NavSymbol } | undefined {
    const parts = name.split('.');
    for (let s: NavScope | undefined = scope; s; s = s.parent) {
      if (parts.length === 1) {
        const declare = s.declares.get(name);
        if (declare) return { declare };
      } else if (parts.length === 2) {
        const namespace = s.namespaces.get(parts[0] as string);
        if (!namespace) continue;
        const module = bodyOf.get(namespace);
        const declare = module?.declares.get(parts[1] as string);
        return declare ? { declare, namespace } : undefined;
      }
    }
    return undefined;
  }

  /** The namespace symbol a dotted component name starts with, if any. */
  function namespaceOf(name: string, scope: NavScope): NavSymbol | undefined {
    const first = name.split('.')[0] as string;
    if (!name.includes('.')) return undefined;
    for (let s: NavScope | undefined = scope; s; s = s.parent) {
      const namespace = s.namespaces.get(first);
      if (namespace) return namespace;
    }
    return undefined;
  }

  /** Occurrences in a component's name fragments (block name or reference head). */
  function nameOccurrences(file: SourceFile, pieces: readonly Piece[], name: string, scope: NavScope): void {
    const custom = customOf(name, scope);
    const namespace = custom?.namespace ?? namespaceOf(name, scope);
    const first = pieces[0];
    if (namespace && first) add({ file, range: { start: first.start, end: first.end }, role: 'reference', symbol: namespace });
    const last = pieces[pieces.length - 1];
    if (custom && last && pieces.length === name.split('.').length) add({ file, range: { start: last.start, end: last.end }, role: 'reference', symbol: custom.declare });
  }

  function resolveExpression(file: SourceFile, expr: Expr, scope: NavScope): void {
    const pieces = chainPieces(expr);
    if (!pieces || pieces.length < 2) return;
    const head = pieces.slice(0, MAX_ID_PARTS + 1);
    if (head[0]?.name === 'argument') {
      const arg = scope.arguments.get(head[1]?.name ?? '');
      const piece = head[1];
      if (arg && piece) add({ file, range: { start: piece.start, end: piece.end }, role: 'reference', symbol: arg });
      return;
    }
    for (let k = Math.min(head.length, MAX_ID_PARTS); k >= 2; k--) {
      const id = head.slice(0, k).map((p) => p.name).join('.');
      const component = scope.components.get(id);
      if (!component) continue;
      const label = head[k - 1] as Piece;
      add({ file, range: { start: label.start, end: label.end }, role: 'reference', symbol: component });
      const nameName = component.componentName ?? '';
      const nameParts = head.slice(0, k - 1);
      nameOccurrences(file, nameParts, nameName, scope);
      for (const p of nameParts) add({ file, range: { start: p.start, end: p.end }, role: 'alias', symbol: component });
      const field = head[k];
      if (!field) return;
      const custom = customOf(nameName, scope);
      const exported = custom ? bodyOf.get(custom.declare)?.exports.get(field.name) : undefined;
      add({ file, range: { start: field.start, end: field.end }, role: exported ? 'reference' : 'alias', symbol: exported ?? component });
      return;
    }
  }

  /** Pass 2: references in one body; nested declare bodies and modules are bodies of their own. */
  function resolveBody(body: Body): void {
    const stack: { stmts: readonly Stmt[]; top: boolean; instanceOf?: NavScope }[] = [{ stmts: body.stmts, top: true }];
    while (stack.length > 0) {
      const { stmts, top, instanceOf } = stack.pop() as { stmts: readonly Stmt[]; top: boolean; instanceOf?: NavScope };
      for (const s of stmts) {
        if (s.kind === 'Attribute') {
          // `arg = …` in an instance of a custom component names the declare's argument.
          const arg = instanceOf?.arguments.get(s.name.name);
          if (arg) add({ file: body.file, range: { start: s.name.start, end: s.name.end }, role: 'reference', symbol: arg });
          for (const expr of referenceExpressions(s.value)) resolveExpression(body.file, expr, body.scope);
          continue;
        }
        if (s.kind !== 'Block') continue;
        if (top && s.name === 'declare') continue; // its body is resolved in its own scope
        let inner: NavScope | undefined;
        if (top && classifyTopLevelBlock(s.name).kind === 'component') {
          nameOccurrences(body.file, s.nameParts, s.name, body.scope);
          const custom = customOf(s.name, body.scope);
          inner = custom ? bodyOf.get(custom.declare) : undefined;
          const symbol = s.label ? body.scope.components.get(`${s.name}.${s.label.value}`) : undefined;
          if (symbol?.block === s) for (const p of s.nameParts) add({ file: body.file, range: { start: p.start, end: p.end }, role: 'alias', symbol });
        }
        stack.push({ stmts: s.body, top: false, ...(inner ? { instanceOf: inner } : {}) });
      }
    }
  }
  for (const body of bodies) resolveBody(body);

  return { project, root, bodyOf, byFile };
}

/**
 * The occurrence under `offset` in `path` (the end of a word counts too); a
 * symbol's own name wins over an alias.
 */
export function occurrenceAt(index: SymbolIndex, path: string, offset: number): Occurrence | undefined {
  let best: Occurrence | undefined;
  let bestScore = -1;
  for (const o of index.byFile.get(path) ?? []) {
    if (offset < o.range.start || offset > o.range.end) continue;
    const score = (o.role === 'alias' ? 0 : 2) + (offset < o.range.end ? 1 : 0);
    if (score > bestScore) {
      best = o;
      bestScore = score;
    }
  }
  return best;
}
