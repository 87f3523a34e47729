/**
 * References between components: `prometheus.exporter.self.alloy.targets`
 * names the export `targets` of the component `prometheus.exporter.self.alloy`.
 */
import { Slot } from '../syntax/slot';
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
const resolutions = new Slot<ConfigModel, Map<Expr, Resolution>>('resolutions');
const newMap = (): Map<Expr, Resolution> => new Map();

const OTHER: Resolution = { kind: 'other' };

/** Resolves a reference expression against the model (worked out once per expression and model). */
export function resolveReference(model: ConfigModel, expr: Expr): Resolution {
  const known = resolutions.ensure(model, newMap);
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
  if (model.declares.size === 0) return findBuiltinName(model, expr);
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

const idTries = new Slot<ConfigModel, IdNode>('idTries');

/** The fragments of component names (`prometheus.scrape` → `prometheus`, `scrape`), split once per process. */
const nameFragmentsOf = new Map<string, readonly string[]>();

/**
 * A name's fragments; names the catalog does not know are split each time, so user
 * text cannot grow the table. The table holds the catalog's own strings, never the
 * tree's (which may point into a document's text and would keep it alive).
 */
function nameFragments(name: string): readonly string[] {
  let fragments = nameFragmentsOf.get(name);
  if (!fragments) {
    const known = getComponent(name)?.name;
    fragments = (known ?? name).split('.');
    if (known !== undefined) nameFragmentsOf.set(known, fragments);
  }
  return fragments;
}

/** The child of `at` for `fragment`, added when missing. */
function childOf(at: IdNode, fragment: string): IdNode {
  at.next ??= new Map();
  let child = at.next.get(fragment);
  if (!child) {
    child = {};
    at.next.set(fragment, child);
  }
  return child;
}

function idTrie(model: ConfigModel): IdNode {
  let root = idTries.get(model);
  if (!root) {
    root = {};
    for (const component of model.components.values()) {
      // Thousands of components share a handful of names: each name is split once, the label is the last fragment.
      let at = root;
      if (component.label.includes('.')) {
        for (const fragment of component.id.split('.')) at = childOf(at, fragment);
      } else {
        for (const fragment of nameFragments(component.name)) at = childOf(at, fragment);
        at = childOf(at, component.label);
      }
      at.component ??= component;
    }
    idTries.set(model, root);
  }
  return root;
}

/**
 * The fragments of a reference chain, last first (the base at `chainLength - 1`),
 * reused between calls: no array per reference. Its length is kept apart, since
 * setting an array's length to 0 gives up its storage and the next push allocates again.
 */
const chain: string[] = [];
let chainLength = 0;

/**
 * The component a reference names, the longest id first (`a.b.c.label.field` →
 * `a.b.c.label`), found fragment by fragment without building a dotted string.
 * Undefined when it names none.
 */
function findComponent(model: ConfigModel, expr: Expr): Resolution | undefined {
  chainLength = 0;
  let e: Expr = expr;
  while (e.kind === 'Access') {
    chain[chainLength++] = e.name.name;
    e = e.value;
  }
  if (e.kind !== 'IdentExpr') return undefined;
  chain[chainLength++] = e.name;
  const length = chainLength;
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
function findBuiltinName(model: ConfigModel, expr: Expr): Resolution {
  const length = chainLength;
  // `findComponent` stops early for anything but an identifier chain of two or more.
  if (length < 2 || !isIdentifierChain(expr, length)) return OTHER;
  let at: NameNode | undefined = builtinNameTrie();
  let nameLength = 0;
  for (let k = 1; k <= Math.min(length - 1, MAX_ID_PARTS) && at; k++) {
    at = at.next?.get(chain[length - k] as string);
    if (at?.isName) nameLength = k;
  }
  if (nameLength === 0) return OTHER;
  const { path, componentName } = undefinedNames(model, length, nameLength);
  return { kind: 'undefined', path, componentName, range: { start: expr.start, end: expr.end } };
}

/** The dotted texts of undefined references, kept by fragments (base first). */
interface NamesNode {
  next?: Map<string, NamesNode>;
  names?: { path: string; componentName: string };
}

/**
 * Per model, so they go with it: the fragments are the tree's own strings, which
 * may point into a document's text, and a cache outliving the model would keep
 * a closed document's text alive. A model holds no more chains than its text.
 */
const namesCaches = new Slot<ConfigModel, NamesNode>('namesCaches');
const newNamesNode = (): NamesNode => ({});

/**
 * The path and component name of the chain in `chain` whose first `nameLength`
 * fragments are a built-in name. The same missing reference is usually written
 * in many blocks (`loki.write.default.receiver` in every pipeline): its texts are
 * joined once, not once per place.
 */
function undefinedNames(model: ConfigModel, length: number, nameLength: number): { path: string; componentName: string } {
  let at = namesCaches.ensure(model, newNamesNode);
  for (let k = 1; k <= length; k++) {
    const fragment = chain[length - k] as string;
    at.next ??= new Map();
    let child = at.next.get(fragment);
    if (!child) {
      child = {};
      at.next.set(fragment, child);
    }
    at = child;
  }
  if (at.names) return at.names;
  const fragments = chain.slice(0, length).reverse();
  at.names = { path: fragments.join('.'), componentName: fragments.slice(0, nameLength).join('.') };
  return at.names;
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
  // One stack for every scan (a scan of a callee runs above its caller's part): no array per block.
  const floor = scanStack.length;
  const stack = scanStack;
  stack.push(root);
  try {
    scanFrom(stack, floor, refs, onCall);
  } finally {
    // Only after a throw is anything left above the floor; the next scan must not see it.
    if (stack.length > floor) stack.length = floor;
  }
}

/** The loop of `scanNode`: pops down to `floor`. */
function scanFrom(stack: Node[], floor: number, refs: Expr[] | undefined, onCall: ((call: CallExpr) => void) | undefined): void {
  while (stack.length > floor) {
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

/** The stack `scanNode` keeps its pending nodes on, shared by nested and successive scans. */
const scanStack: Node[] = [];

/** The base of a chain of field accesses (`a` in `a.b.c`, the call in `f(x).y`). */
function chainBase(expr: Expr): Expr {
  let base = expr;
  while (base.kind === 'Access') base = base.value;
  return base;
}
