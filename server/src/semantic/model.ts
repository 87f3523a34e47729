/**
 * The configuration model: the components and config blocks of one
 * configuration (all `.alloy` files of a directory), keyed the way Alloy keys
 * them, with their catalog schemas.
 */
import type { AttributeStmt, BlockStmt, Expr, Stmt } from '../syntax/ast';
import type { ParseResult } from '../syntax/parser';
import { getComponent, type ComponentSchema } from './catalog';
import { classifyTopLevelBlock } from './blockKinds';

export interface SourceFile {
  path: string;
  parse: ParseResult;
}

export interface ComponentNode {
  /** Alloy's id: `prometheus.scrape.alloy`. */
  id: string;
  name: string;
  label: string;
  block: BlockStmt;
  file: SourceFile;
  /** The built-in schema; undefined for custom components and unknown names. */
  schema: ComponentSchema | undefined;
  /** Defined by `declare` or an `import.*` namespace: its insides are unknown to us. */
  custom: boolean;
  /** Its position in the model's `components` (declaration order): checks number the components without a map of their own. */
  index: number;
}

export interface ConfigBlockNode {
  block: BlockStmt;
  file: SourceFile;
}

export interface ConfigModel {
  files: readonly SourceFile[];
  /** Root components by id; the first declaration wins, as in Alloy. */
  components: ReadonlyMap<string, ComponentNode>;
  logging: ConfigBlockNode | undefined;
  tracing: ConfigBlockNode | undefined;
  /** Labels of `declare` blocks: names of custom components. */
  declares: ReadonlySet<string>;
  /** Labels of `import.*` blocks: namespaces of imported custom components. */
  importNamespaces: ReadonlySet<string>;
  /**
   * Whether this is a module rather than a root configuration: it has
   * `argument`/`export` blocks at the top, or nothing but declarations.
   */
  isModule: boolean;
  /** Whether any file has syntax errors (the tree is then a best guess). */
  hasSyntaxErrors: boolean;
}

/** Builds the model. Never throws. */
export function buildModel(files: readonly SourceFile[]): ConfigModel {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const components = new Map<string, ComponentNode>();
  const declares = new Set<string>();
  const importNamespaces = new Set<string>();
  let logging: ConfigBlockNode | undefined;
  let tracing: ConfigBlockNode | undefined;
  let moduleBlocks = false;
  let rootContent = false;
  let hasSyntaxErrors = false;

  for (const file of sorted) {
    if (file.parse.diagnostics.some((d) => d.severity === 'error')) hasSyntaxErrors = true;
    for (const stmt of file.parse.file.body) {
      if (stmt.kind !== 'Block') continue;
      const kind = classifyTopLevelBlock(stmt.name);
      if (kind.kind === 'declare') {
        if (stmt.label) declares.add(stmt.label.value);
        continue;
      }
      if (kind.kind === 'config') {
        if (stmt.name === 'logging') {
          logging ??= { block: stmt, file };
          rootContent = true;
        } else if (stmt.name === 'tracing') {
          tracing ??= { block: stmt, file };
          rootContent = true;
        } else if (stmt.name === 'argument' || stmt.name === 'export') {
          moduleBlocks = true;
        } else if (stmt.name.startsWith('import.')) {
          if (stmt.label) importNamespaces.add(stmt.label.value);
        } else {
          rootContent = true;
        }
        continue;
      }
      if (kind.kind === 'service') {
        rootContent = true;
        continue;
      }
      rootContent = true;
      if (!stmt.label) continue;
      const id = `${stmt.name}.${stmt.label.value}`;
      if (components.has(id)) continue;
      components.set(id, { id, name: stmt.name, label: stmt.label.value, block: stmt, file, schema: undefined, custom: false, index: components.size });
    }
  }

  for (const node of components.values()) {
    // Without imports no name is in a namespace: the first fragment need not be cut out.
    node.custom = declares.has(node.name) || (importNamespaces.size > 0 && importNamespaces.has(firstNameFragment(node.name)) && node.name.includes('.'));
    node.schema = node.custom ? undefined : getComponent(node.name);
  }

  return {
    files: sorted,
    components,
    logging,
    tracing,
    declares,
    importNamespaces,
    isModule: moduleBlocks || !rootContent,
    hasSyntaxErrors,
  };
}

/** The first fragment of a dotted name (`prometheus` of `prometheus.scrape`), without splitting the whole name. */
export function firstNameFragment(name: string): string {
  const dot = name.indexOf('.');
  return dot === -1 ? name : name.slice(0, dot);
}

/** The attribute `name` directly in a block's body. */
export function getAttribute(block: { body: Stmt[] }, name: string): AttributeStmt | undefined {
  for (const stmt of block.body) if (stmt.kind === 'Attribute' && stmt.name.name === name) return stmt;
  return undefined;
}

/** The nested blocks called `name` directly in a block's body. */
export function getBlocks(block: { body: Stmt[] }, name: string): BlockStmt[] {
  return block.body.filter((s): s is BlockStmt => s.kind === 'Block' && s.name === name);
}

/**
 * The attribute at a dotted path such as `output.metrics` (blocks, then the
 * attribute), in the first block of each name.
 */
export function getAttributeAtPath(block: BlockStmt, path: string): AttributeStmt | undefined {
  // Most paths are one attribute (`forward_to`): the pipeline graph asks for them per component.
  if (!path.includes('.')) return getAttribute(block, path);
  const parts = path.split('.');
  let current: BlockStmt | undefined = block;
  for (let i = 0; i < parts.length - 1 && current; i++) current = firstBlock(current, parts[i] as string);
  return current ? getAttribute(current, parts[parts.length - 1] as string) : undefined;
}

/** The first nested block called `name` directly in a block's body. */
function firstBlock(block: { body: Stmt[] }, name: string): BlockStmt | undefined {
  for (const stmt of block.body) if (stmt.kind === 'Block' && stmt.name === name) return stmt;
  return undefined;
}

/** A backslash or a control character: a string with one is read by `JSON.parse`, which rejects what Alloy's scanner would. */
const ESCAPE_OR_CONTROL = /[\\\x00-\x1f]/;

/** The value of a string literal (double-quoted with escapes, or raw), or undefined for anything else. */
export function stringValue(expr: Expr | undefined): string | undefined {
  if (!expr || expr.kind !== 'Literal' || expr.literal !== 'string') return undefined;
  const raw = expr.raw;
  if (raw.startsWith('`')) return raw.slice(1, -1);
  // Most strings have no escapes: their value is what lies between the quotes, no parse needed.
  if (raw.length >= 2 && raw.charCodeAt(0) === 0x22 && raw.indexOf('"', 1) === raw.length - 1 && !ESCAPE_OR_CONTROL.test(raw)) return raw.slice(1, -1);
  try {
    return JSON.parse(raw.replace(/\\([abfv'])/g, (_m, c: string) => ({ a: '\\u0007', b: '\\b', f: '\\f', v: '\\u000b', "'": "'" })[c] ?? c)) as string;
  } catch {
    return undefined;
  }
}

/** The value of a number literal (optionally negated), or undefined. */
export function numberValue(expr: Expr | undefined): number | undefined {
  // Unwrap minus signs in a loop: `------…1` can be 100,000 deep.
  let negative = false;
  let current = expr;
  while (current && current.kind === 'Unary' && current.op === '-') {
    negative = !negative;
    current = current.operand;
  }
  if (!current || current.kind !== 'Literal' || (current.literal !== 'number' && current.literal !== 'float')) return undefined;
  const v = Number(current.raw);
  if (!Number.isFinite(v)) return undefined;
  return negative ? -v : v;
}
