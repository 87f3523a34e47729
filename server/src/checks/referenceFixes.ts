/**
 * Quick fixes for a reference to a component that does not exist: "did you
 * mean" the nearest label of a component of the same name, or else an export
 * of the kind the attribute takes; and "create" the component when its name
 * is one of Alloy's.
 */
import { Slot } from '../syntax/slot';
import type { BlockStmt, Expr, Stmt } from '../syntax/ast';
import type { Fix, TextRange } from '../syntax/diagnostic';
import { renderBlock } from '../syntax/builder';
import { capsuleKindOfType, editDistance, getComponent, getConfigBlock, resolveBody, type CapsuleKind } from '../semantic/catalog';
import type { ConfigModel, SourceFile } from '../semantic/model';
import { appendToFile } from '../fixes/edits';

/** What `resolveReference` says about an undefined reference. */
export interface UndefinedReference {
  path: string;
  componentName: string;
  range: TextRange;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_SUGGESTIONS = 3;

/** "Did you mean" is worked out for this many undefined references of a file; the rest get "create" only. */
export const MAX_SUGGESTED_REFERENCES = 100;

/**
 * The fixes for the undefined reference `expr` inside the top-level `block` of
 * `file`; `suggest` false skips "did you mean" (past the file's budget). Never throws.
 */
export function referenceFixes(model: ConfigModel, file: SourceFile, block: BlockStmt, expr: Expr, ref: UndefinedReference, suggest = true): Fix[] {
  try {
    const nameLength = ref.componentName.split('.').length;
    const label = pieceAt(expr, nameLength);
    if (!label) return [];
    const fixes = suggest ? nearestLabels(model, file, ref.componentName, label) : [];
    if (suggest && fixes.length === 0) fixes.push(...exportsOfKind(model, file, block, expr, ref));
    if (getComponent(ref.componentName) && IDENTIFIER.test(label.name)) {
      const text = renderBlock({ name: ref.componentName, label: label.name });
      fixes.push({ title: `Create ${ref.componentName} "${label.name}"`, edits: [appendToFile(file, text)] });
    }
    // The nearest existing name is the obvious fix; creating a component is a choice.
    const first = fixes[0];
    if (first && first.title.startsWith('Change')) first.isPreferred = true;
    return fixes;
  } catch {
    return [];
  }
}

/** The `index`-th identifier of a chain `a.b.c` with its range. */
function pieceAt(expr: Expr, index: number): { name: string; range: TextRange } | undefined {
  const pieces: { name: string; range: TextRange }[] = [];
  let e: Expr = expr;
  while (e.kind === 'Access') {
    pieces.push({ name: e.name.name, range: { start: e.name.start, end: e.name.end } });
    e = e.value;
  }
  if (e.kind !== 'IdentExpr') return undefined;
  pieces.push({ name: e.name, range: { start: e.start, end: e.end } });
  return pieces[pieces.length - 1 - index];
}

/** Labels of components of the same name, close to the one written: the label is changed, nothing else. */
function nearestLabels(model: ConfigModel, file: SourceFile, componentName: string, label: { name: string; range: TextRange }): Fix[] {
  const limit = Math.max(1, Math.floor(label.name.length / 3));
  return [...model.components.values()]
    .filter((c) => c.name === componentName)
    .map((c) => ({ label: c.label, distance: editDistance(label.name.toLowerCase(), c.label.toLowerCase()) }))
    .filter((c) => c.distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.label.localeCompare(b.label))
    .slice(0, MAX_SUGGESTIONS)
    .map((c) => ({ title: `Change to ${componentName}.${c.label}`, edits: [{ file: file.path, range: label.range, newText: c.label }] }));
}

/** A component's export, as a candidate for "change to". */
interface ExportCandidate {
  label: string;
  text: string;
}

/** The exports of each kind, by component name, built once per model (a configuration can have thousands). */
const exportIndex = new Slot<ConfigModel, Map<CapsuleKind, Map<string, ExportCandidate[]>>>('exportIndex');

function exportsByName(model: ConfigModel, kind: CapsuleKind): Map<string, ExportCandidate[]> {
  let kinds = exportIndex.get(model);
  if (!kinds) {
    kinds = new Map();
    for (const c of model.components.values()) {
      for (const e of c.schema?.exports ?? []) {
        const k = e.kind ?? capsuleKindOfType(e.type);
        if (!k) continue;
        let byName = kinds.get(k);
        if (!byName) kinds.set(k, (byName = new Map()));
        const list = byName.get(c.name) ?? [];
        list.push({ label: c.label, text: `${c.id}.${e.name}` });
        byName.set(c.name, list);
      }
    }
    exportIndex.set(model, kinds);
  }
  return kinds.get(kind) ?? new Map();
}

/**
 * Exports of components the configuration has, of the kind the attribute
 * holding `expr` takes: of the component names nearest the one written
 * first, then of the labels nearest within each name.
 */
function exportsOfKind(model: ConfigModel, file: SourceFile, block: BlockStmt, expr: Expr, ref: UndefinedReference): Fix[] {
  const kind = acceptedKind(block, expr);
  if (!kind) return [];
  const byName = exportsByName(model, kind);
  const written = pieceAt(expr, ref.componentName.split('.').length)?.name ?? '';
  const names = [...byName.keys()].map((name) => ({ name, distance: editDistance(ref.componentName, name) })).sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
  const chosen: string[] = [];
  for (const { name } of names) {
    const ranked = (byName.get(name) ?? []).map((c) => ({ text: c.text, distance: editDistance(written, c.label) })).sort((a, b) => a.distance - b.distance || a.text.localeCompare(b.text));
    for (const c of ranked) {
      if (chosen.length === MAX_SUGGESTIONS) break;
      chosen.push(c.text);
    }
    if (chosen.length === MAX_SUGGESTIONS) break;
  }
  return chosen.map((text) => ({ title: `Change to ${text}`, edits: [{ file: file.path, range: ref.range, newText: text }] }));
}

/** The capsule kind the attribute holding `expr` takes, from the catalog; undefined when unknown. */
function acceptedKind(block: BlockStmt, expr: Expr): CapsuleKind | undefined {
  const owner = getComponent(block.name) ?? getConfigBlock(block.name);
  if (!owner) return undefined;
  const path: string[] = [];
  let body: readonly Stmt[] = block.body;
  for (;;) {
    const holder = body.find((s) => s.start <= expr.start && expr.end <= s.end);
    if (!holder || holder.kind === 'ErrorStmt') return undefined;
    if (holder.kind === 'Attribute') return resolveBody(owner, path)?.attributes.find((a) => a.name === holder.name.name)?.accepts;
    path.push(holder.name);
    body = holder.body;
  }
}
