/**
 * How `.alloy` files relate without being told: which files an `import.file`
 * names, which blocks each file declares, and which files use components only
 * a sibling defines. The evidence behind configuration boundaries.
 */
import { classifyTopLevelBlock } from '../semantic/blockKinds';
import { buildModel, getAttribute, stringValue, type ConfigModel, type SourceFile } from '../semantic/model';
import { referenceExpressions, resolveReference } from '../semantic/references';
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

export interface SiblingUse {
  from: string;
  to: string;
  /** What `from` uses that only `to` defines, e.g. `prometheus.remote_write.default`. */
  what: string;
}

/**
 * For each file and each sibling, the first thing the file uses that it does
 * not define but that sibling does: a component reference, a custom component
 * from the sibling's `declare`, or the sibling's `import.*` namespace.
 */
export function siblingUses(files: readonly SourceFile[]): SiblingUse[] {
  const models = files.map((f) => buildModel([f]));
  const uses: SiblingUse[] = [];
  files.forEach((file, i) => {
    const own = models[i] as ConfigModel;
    const seen = new Set<number>();
    const record = (j: number, what: string) => {
      if (j === i || seen.has(j)) return;
      seen.add(j);
      uses.push({ from: file.path, to: (files[j] as SourceFile).path, what });
    };
    for (const block of topLevelBlocks(file)) {
      const kind = classifyTopLevelBlock(block.name).kind;
      if (kind === 'component' && !own.declares.has(block.name)) {
        const ns = block.name.split('.')[0] ?? '';
        models.forEach((m, j) => {
          if (m.declares.has(block.name) || (block.name.includes('.') && m.importNamespaces.has(ns) && !own.importNamespaces.has(ns))) record(j, block.name);
        });
      }
      if (kind !== 'component' && !(kind === 'config' && (block.name === 'logging' || block.name === 'tracing'))) continue;
      for (const expr of referenceExpressions(block)) {
        if (resolveReference(own, expr).kind === 'component') continue;
        models.forEach((m, j) => {
          if (j === i || seen.has(j)) return;
          const r = resolveReference(m, expr);
          if (r.kind === 'component') record(j, r.ref.component.id);
        });
      }
    }
  });
  return uses;
}

function topLevelBlocks(file: SourceFile): BlockStmt[] {
  return file.parse.file.body.filter((s): s is BlockStmt => s.kind === 'Block');
}
