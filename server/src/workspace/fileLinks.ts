/**
 * How `.alloy` files relate without being told: which files an `import.file`
 * names, which blocks each file declares, and which files use components only
 * a sibling defines. The evidence behind configuration boundaries.
 */
import { classifyTopLevelBlock } from '../semantic/blockKinds';
import { buildModel, getAttribute, stringValue, type SourceFile } from '../semantic/model';
import { referenceExpressions } from '../semantic/references';
import { blockId } from '../semantic/validate';
import { referencePath, type BlockStmt, type Expr } from '../syntax/ast';

export interface FileImport {
  /** The label of the `import.file` block. */
  namespace: string;
  /** Its `filename`, as written. */
  filename: string;
  /** Written as `file.path_join(module_path, …)`: relative to the importing file's folder. */
  fromModulePath: boolean;
}

/**
 * The `import.file` blocks of a file whose `filename` is a plain string, or
 * `file.path_join(module_path, "…", …)` of plain strings. Anything computed is
 * left out: we cannot know where it points.
 */
export function importFileTargets(file: SourceFile): FileImport[] {
  const out: FileImport[] = [];
  for (const stmt of file.parse.file.body) {
    if (stmt.kind !== 'Block' || stmt.name !== 'import.file' || !stmt.label) continue;
    const value = getAttribute(stmt, 'filename')?.value;
    const filename = stringValue(value);
    if (filename) out.push({ namespace: stmt.label.value, filename, fromModulePath: false });
    const joined = modulePathJoin(value);
    if (joined) out.push({ namespace: stmt.label.value, filename: joined, fromModulePath: true });
  }
  return out;
}

/** `file.path_join(module_path, "a", "b")` → `a/b`. */
function modulePathJoin(expr: Expr | undefined): string | undefined {
  if (!expr || expr.kind !== 'Call') return undefined;
  const callee = referencePath(expr.callee);
  if (callee?.join('.') !== 'file.path_join') return undefined;
  const [first, ...rest] = expr.args;
  if (first?.kind !== 'IdentExpr' || first.name !== 'module_path' || rest.length === 0) return undefined;
  const parts = rest.map((arg) => stringValue(arg));
  return parts.every((p): p is string => p !== undefined) ? parts.join('/') : undefined;
}

/** Alloy's ids of the top-level blocks of a file (`logging`, `prometheus.scrape.default`, `import.file.helper`). */
export function declaredIds(file: SourceFile): Set<string> {
  const ids = new Set<string>();
  for (const stmt of file.parse.file.body) if (stmt.kind === 'Block') ids.add(blockId(stmt));
  return ids;
}

/** The first id two files both declare, or undefined. */
export function sharedId(a: ReadonlySet<string>, b: ReadonlySet<string>): string | undefined {
  for (const id of a) if (b.has(id)) return id;
  return undefined;
}

/**
 * What the folder rule needs of a file, without its tree: its top-level blocks,
 * what they define and what they reference. Small, so discovery can keep one
 * per file of a large workspace and group a folder again without parsing it.
 */
export interface FileLinks {
  path: string;
  /** `declaredIds`, in block order. */
  declared: string[];
  /** Component ids it defines (`prometheus.scrape.app`), as the model counts them. */
  components: string[];
  /** Labels of its `declare` blocks. */
  declares: string[];
  /** Labels of its `import.*` blocks. */
  importNamespaces: string[];
  /** Top-level blocks in order: the name, whether it is a component, and the reference paths it holds. */
  blocks: { name: string; component: boolean; refs: string[][] }[];
  /** Everything above but the path, as one string: equal keys group alike. */
  key: string;
}

/** The `FileLinks` of a parsed file. */
export function fileLinks(file: SourceFile): FileLinks {
  const model = buildModel([file]);
  const blocks: FileLinks['blocks'] = [];
  for (const block of topLevelBlocks(file)) {
    const kind = classifyTopLevelBlock(block.name).kind;
    const referencing = kind === 'component' || (kind === 'config' && (block.name === 'logging' || block.name === 'tracing'));
    const refs: string[][] = [];
    if (referencing) {
      for (const expr of referenceExpressions(block)) {
        const path = referencePath(expr);
        // Shorter paths never resolve to a component.
        if (path && path.length >= 2) refs.push(path);
      }
    }
    blocks.push({ name: block.name, component: kind === 'component', refs });
  }
  const links = {
    declared: [...declaredIds(file)],
    components: [...model.components.keys()],
    declares: [...model.declares],
    importNamespaces: [...model.importNamespaces],
    blocks,
  };
  return { path: file.path, ...links, key: JSON.stringify(links) };
}

export interface SiblingUse {
  from: string;
  to: string;
  /** What `from` uses that only `to` defines, e.g. `prometheus.remote_write.default`. */
  what: string;
}

/** The longest id `resolveReference` tries (semantic/references.ts): ids are name fragments plus a label. */
const MAX_ID_PARTS = 8;

/**
 * For each file and each sibling, the first thing the file uses that it does
 * not define but that sibling does: a component reference, a custom component
 * from the sibling's `declare`, or the sibling's `import.*` namespace. Indexed
 * by what files define, so a folder of thousands of files is not quadratic.
 */
export function siblingUses(files: readonly FileLinks[]): SiblingUse[] {
  const byComponent = indexBy(files, (f) => f.components);
  const byDeclare = indexBy(files, (f) => f.declares);
  const byNamespace = indexBy(files, (f) => f.importNamespaces);
  const uses: SiblingUse[] = [];
  files.forEach((file, i) => {
    const ownComponents = new Set(file.components);
    const ownDeclares = new Set(file.declares);
    const ownNamespaces = new Set(file.importNamespaces);
    const seen = new Set<number>();
    const record = (j: number, what: string) => {
      if (j === i || seen.has(j)) return;
      seen.add(j);
      uses.push({ from: file.path, to: (files[j] as FileLinks).path, what });
    };
    for (const block of file.blocks) {
      if (block.component && !ownDeclares.has(block.name)) {
        const ns = block.name.split('.')[0] ?? '';
        const viaNamespace = block.name.includes('.') && !ownNamespaces.has(ns) ? (byNamespace.get(ns) ?? []) : [];
        for (const j of ascending([...(byDeclare.get(block.name) ?? []), ...viaNamespace])) record(j, block.name);
      }
      for (const path of block.refs) {
        if (longestComponent(path, (id) => ownComponents.has(id)) !== undefined) continue;
        // Each sibling resolves the path to its own longest component id.
        const found = new Map<number, string>();
        for (let k = Math.min(path.length, MAX_ID_PARTS); k >= 2; k--) {
          const id = path.slice(0, k).join('.');
          for (const j of byComponent.get(id) ?? []) if (!found.has(j)) found.set(j, id);
        }
        for (const j of ascending([...found.keys()])) record(j, found.get(j) as string);
      }
    }
  });
  return uses;
}

/** The component id a reference path resolves to, as `resolveReference` finds it: the longest prefix defined. */
function longestComponent(path: readonly string[], defined: (id: string) => boolean): string | undefined {
  for (let k = Math.min(path.length, MAX_ID_PARTS); k >= 2; k--) {
    const id = path.slice(0, k).join('.');
    if (defined(id)) return id;
  }
  return undefined;
}

function indexBy(files: readonly FileLinks[], keys: (f: FileLinks) => readonly string[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  files.forEach((f, j) => {
    for (const key of new Set(keys(f))) {
      const list = index.get(key);
      if (list) list.push(j);
      else index.set(key, [j]);
    }
  });
  return index;
}

function ascending(xs: number[]): number[] {
  return [...new Set(xs)].sort((a, b) => a - b);
}

function topLevelBlocks(file: SourceFile): BlockStmt[] {
  return file.parse.file.body.filter((s): s is BlockStmt => s.kind === 'Block');
}
