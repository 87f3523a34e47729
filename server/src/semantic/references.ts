/**
 * References between components: `prometheus.exporter.self.alloy.targets`
 * names the export `targets` of the component `prometheus.exporter.self.alloy`.
 */
import { referencePath, type CallExpr, type Expr, type Node, type Stmt } from '../syntax/ast';
import type { TextRange } from '../syntax/diagnostic';
import { componentNames, getComponent, isComponentName, stdlibNamespaces } from './catalog';

const stdlibRoots: ReadonlySet<string> = new Set(['sys', ...stdlibNamespaces.map((n) => n.name)]);
import type { ComponentNode, ConfigModel } from './model';

/** More fragments than any component id has (the longest names have five, plus a label). */
const MAX_ID_PARTS = 8;

export interface ComponentReference {
  component: ComponentNode;
  /** The export read, e.g. `receiver`; empty when the whole component is named. */
  exportName: string;
  range: TextRange;
}

export type Resolution =
  | { kind: 'component'; ref: ComponentReference }
  /** Names a built-in or declared component that this configuration does not define. */
  | { kind: 'undefined'; path: string; componentName: string; range: TextRange }
  /** Not a component reference (stdlib, module argument, foreach variable), or we cannot tell. */
  | { kind: 'other' };

/** Resolutions by expression, per model: every check and graph query asks about the same references. */
const resolutions = new WeakMap<ConfigModel, Map<Expr, Resolution>>();

const OTHER: Resolution = { kind: 'other' };

/** Resolves a reference expression against the model (worked out once per expression and model). */
export function resolveReference(model: ConfigModel, expr: Expr): Resolution {
  let known = resolutions.get(model);
  if (!known) {
    known = new Map();
    resolutions.set(model, known);
  }
  let r = known.get(expr);
  if (r === undefined) {
    r = resolveUncached(model, expr);
    known.set(expr, r);
  }
  return r;
}

/**
 * `resolveReference` without the per-model cache, for callers that keep the
 * answers themselves (the model walk keeps one list per block).
 */
export function resolveUncached(model: ConfigModel, expr: Expr): Resolution {
  const found = findComponent(model, expr);
  if (found) return found;
  // Without declared names, the catalog's names are all there is: found fragment by fragment too.
  if (model.declares.size === 0) return findBuiltinName(expr);
  const path = referencePath(expr);
  if (!path || path.length < 2) return OTHER;
  // No component of the model is named: the dotted prefixes, built once (prefixes[k] joins
  // the first k + 1 fragments). Ids are short: long chains only matter by their head.
  const prefixes: string[] = [path[0] as string];
  for (let k = 1; k < Math.min(path.length, MAX_ID_PARTS); k++) prefixes.push(`${prefixes[k - 1] as string}.${path[k] as string}`);
  // Only call a reference undefined when its leading fragments are certainly a
  // component name (built-in or declared here) followed by a label.
  for (let k = Math.min(path.length - 1, MAX_ID_PARTS); k >= 1; k--) {
    const name = prefixes[k - 1] as string;
    if (isComponentName(name) || model.declares.has(name)) {
      const first = path[0] as string;
      if (stdlibRoots.has(first) && !getComponent(name)) return OTHER;
      return { kind: 'undefined', path: path.join('.'), componentName: name, range: { start: expr.start, end: expr.end } };
    }
  }
  return OTHER;
}

/** The component ids of a model by fragment: `prometheus` → `scrape` → `default`. */
interface IdNode {
  component?: ComponentNode;
  next?: Map<string, IdNode>;
}

const idTries = new WeakMap<ConfigModel, IdNode>();

function idTrie(model: ConfigModel): IdNode {
  let root = idTries.get(model);
  if (!root) {
    root = {};
    for (const component of model.components.values()) {
      let at = root;
      for (const fragment of component.id.split('.')) {
        at.next ??= new Map();
        let child = at.next.get(fragment);
        if (!child) {
          child = {};
          at.next.set(fragment, child);
        }
        at = child;
      }
      at.component ??= component;
    }
    idTries.set(model, root);
  }
  return root;
}

/** The fragments of a reference chain, base first, reused between calls (no array per reference). */
const chain: string[] = [];

/**
 * The component a reference names, the longest id first (`a.b.c.label.field` →
 * `a.b.c.label`), found fragment by fragment without building a dotted string.
 * Undefined when it names none.
 */
function findComponent(model: ConfigModel, expr: Expr): Resolution | undefined {
  chain.length = 0;
  let e: Expr = expr;
  while (e.kind === 'Access') {
    chain.push(e.name.name);
    e = e.value;
  }
  if (e.kind !== 'IdentExpr') return undefined;
  chain.push(e.name);
  const length = chain.length;
  if (length < 2) return undefined;
  let at: IdNode | undefined = idTrie(model);
  let found: ComponentNode | undefined;
  let foundLength = 0;
  for (let k = 1; k <= Math.min(length, MAX_ID_PARTS) && at; k++) {
    at = at.next?.get(chain[length - k] as string);
    if (at?.component && k >= 2) {
      found = at.component;
      foundLength = k;
    }
  }
  if (!found) return undefined;
  let exportName = '';
  for (let k = foundLength + 1; k <= length; k++) exportName = exportName === '' ? (chain[length - k] as string) : `${exportName}.${chain[length - k] as string}`;
  return { kind: 'component', ref: { component: found, exportName, range: { start: expr.start, end: expr.end } } };
}

/** Built-in component names by fragment, built on first use (the catalog is fixed). */
interface NameNode {
  isName: boolean;
  next?: Map<string, NameNode>;
}

let builtinNames: NameNode | undefined;

function builtinNameTrie(): NameNode {
  if (!builtinNames) {
    const root: NameNode = { isName: false };
    for (const name of componentNames()) {
      let at = root;
      for (const fragment of name.split('.')) {
        at.next ??= new Map();
        let child = at.next.get(fragment);
        if (!child) {
          child = { isName: false };
          at.next.set(fragment, child);
        }
        at = child;
      }
      at.isName = true;
    }
    builtinNames = root;
  }
  return builtinNames;
}

/**
 * After `findComponent` missed (its fragments are in `chain`): undefined when the
 * leading fragments are a built-in component name followed by a label, the
 * longest name first; otherwise not a component reference. Built-in names are
 * never stdlib functions, so a stdlib-looking head does not matter here.
 */
function findBuiltinName(expr: Expr): Resolution {
  const length = chain.length;
  // `findComponent` stops early for anything but an identifier chain of two or more.
  if (length < 2 || !isIdentifierChain(expr, length)) return OTHER;
  let at: NameNode | undefined = builtinNameTrie();
  let nameLength = 0;
  for (let k = 1; k <= Math.min(length - 1, MAX_ID_PARTS) && at; k++) {
    at = at.next?.get(chain[length - k] as string);
    if (at?.isName) nameLength = k;
  }
  if (nameLength === 0) return OTHER;
  const fragments = chain.slice().reverse();
  return { kind: 'undefined', path: fragments.join('.'), componentName: fragments.slice(0, nameLength).join('.'), range: { start: expr.start, end: expr.end } };
}

/** Whether `expr` is a chain of `length` identifiers (what `chain` then holds). */
function isIdentifierChain(expr: Expr, length: number): boolean {
  let e: Expr = expr;
  for (let i = 1; i < length && e.kind === 'Access'; i++) e = e.value;
  return e.kind === 'IdentExpr';
}

/**
 * The reference expressions under a node: maximal chains of identifiers and
 * field accesses that are not themselves called (`sys.env` in `sys.env("X")`
 * is a function, not a reference).
 */
export function referenceExpressions(root: Node): Expr[] {
  const out: Expr[] = [];
  scanNode(root, out);
  return out;
}

/**
 * Visits `root` depth-first, parents before children, in source order, with its
 * own stack and no per-node allocation: reference expressions go into `refs`,
 * every call to `onCall` (a call before its arguments; nothing inside a callee
 * is a reference, but a callee can hold calls of its own).
 */
export function scanNode(root: Node, refs: Expr[] | undefined, onCall?: (call: CallExpr) => void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    switch (node.kind) {
      case 'File':
      case 'Block':
        for (let i = node.body.length - 1; i >= 0; i--) stack.push(node.body[i] as Stmt);
        break;
      case 'Attribute':
      case 'Field':
        if (node.value.kind !== 'Literal') stack.push(node.value);
        break;
      case 'Array':
        for (let i = node.elements.length - 1; i >= 0; i--) {
          const e = node.elements[i] as Expr;
          if (e.kind !== 'Literal') stack.push(e);
        }
        break;
      case 'Object':
        for (let i = node.fields.length - 1; i >= 0; i--) stack.push(node.fields[i] as Node);
        break;
      case 'Call': {
        onCall?.(node);
        // The callee's own calls come next in source order; its names are not references.
        const callee = node.callee.kind === 'Access' ? chainBase(node.callee) : node.callee;
        if (onCall && callee.kind !== 'IdentExpr') scanNode(callee, undefined, onCall);
        for (let i = node.args.length - 1; i >= 0; i--) stack.push(node.args[i] as Expr);
        break;
      }
      case 'IdentExpr':
        refs?.push(node);
        break;
      case 'Access': {
        // A chain is a reference when its base is an identifier; otherwise only its base can hold any.
        const base = chainBase(node);
        if (base.kind === 'IdentExpr') refs?.push(node);
        else stack.push(base);
        break;
      }
      case 'Index':
        stack.push(node.index, node.value);
        break;
      case 'Unary':
        stack.push(node.operand);
        break;
      case 'Binary':
        stack.push(node.right, node.left);
        break;
      case 'Paren':
        stack.push(node.inner);
        break;
      default:
        break;
    }
  }
}

/** The base of a chain of field accesses (`a` in `a.b.c`, the call in `f(x).y`). */
function chainBase(expr: Expr): Expr {
  let base = expr;
  while (base.kind === 'Access') base = base.value;
  return base;
}
