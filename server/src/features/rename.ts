/**
 * Rename of a component label, a `declare` name, an `argument` name or an
 * import namespace: every place it is named, across the configuration's files
 * and the modules it imports, as one set of edits on the identifiers only.
 * Refused, with a message that says why, when the cursor is not on such a
 * name, when the new name is not an identifier, or when it collides.
 */
import type { FileEdit, TextRange } from '../syntax/diagnostic';
import { componentNames, stdlibNamespaces } from '../semantic/catalog';
import type { SourceFile } from '../semantic/model';
import { occurrenceAt, type NavSymbol, type Occurrence, type SymbolIndex } from './symbolIndex';

export type PrepareRenameResult = { range: TextRange; placeholder: string } | { error: string };
export type RenameResult = { edits: FileEdit[] } | { error: string };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Literals the scanner reads as keywords, never as identifiers. */
const KEYWORDS: ReadonlySet<string> = new Set(['true', 'false', 'null']);

const WHAT: Record<NavSymbol['kind'], string> = {
  component: 'component label',
  declare: 'custom component',
  argument: 'argument',
  export: 'export',
  namespace: 'import namespace',
};

/** What can be renamed at `offset`, and the range of its name there. Never throws. */
export function prepareRename(index: SymbolIndex, file: SourceFile, offset: number): PrepareRenameResult {
  try {
    const found = renameable(index, file, offset);
    if ('error' in found) return found;
    return { range: found.hit.range, placeholder: found.hit.symbol.name };
  } catch {
    return { error: 'Nothing to rename here.' };
  }
}

/** The edits that rename what is at `offset` to `newName`, or why not. Never throws. */
export function rename(index: SymbolIndex, file: SourceFile, offset: number, newName: string): RenameResult {
  try {
    const found = renameable(index, file, offset);
    if ('error' in found) return found;
    const symbol = found.hit.symbol;
    if (!IDENTIFIER.test(newName) || KEYWORDS.has(newName)) {
      return { error: `"${newName}" is not a valid name: use letters, digits and underscores, not starting with a digit.` };
    }
    if (newName === symbol.name) return { edits: [] };
    const collision = collides(symbol, newName);
    if (collision) return { error: collision };
    const seen = new Set<string>();
    const edits: FileEdit[] = [];
    for (const o of symbol.occurrences) {
      if (o.role === 'alias') continue;
      const key = `${o.file.path}@${o.range.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edits.push({ file: o.file.path, range: o.range, newText: newName });
    }
    edits.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start - b.range.start));
    return { edits };
  } catch {
    return { error: 'Nothing to rename here.' };
  }
}

function renameable(index: SymbolIndex, file: SourceFile, offset: number): { hit: Occurrence } | { error: string } {
  const hit = occurrenceAt(index, file.path, offset);
  if (!hit || hit.role === 'alias') return { error: 'Only a component label, a declare, an argument or an import namespace can be renamed.' };
  const symbol = hit.symbol;
  if (symbol.kind === 'export') return { error: 'Exports cannot be renamed: only a component label, a declare, an argument or an import namespace can.' };
  if (!symbol.occurrences.some((o) => o.role === 'definition')) {
    return { error: `The ${WHAT[symbol.kind]} "${symbol.name}" is not written as a plain label, so it cannot be renamed safely.` };
  }
  // Never edit text that is not the name itself (a stale tree, an escaped label).
  for (const o of symbol.occurrences) {
    if (o.role !== 'alias' && o.file.parse.text.slice(o.range.start, o.range.end) !== symbol.name) {
      return { error: `The ${WHAT[symbol.kind]} "${symbol.name}" is written differently in ${o.file.path}; it cannot be renamed safely.` };
    }
  }
  return { hit };
}

/** Why `newName` would clash in the symbol's scope, or undefined. */
function collides(symbol: NavSymbol, newName: string): string | undefined {
  const scope = symbol.scope;
  switch (symbol.kind) {
    case 'component':
      return scope.components.has(`${symbol.componentName ?? ''}.${newName}`)
        ? `There is already a ${symbol.componentName ?? ''} "${newName}" component.`
        : undefined;
    case 'declare':
      if (scope.declares.has(newName)) return `There is already a declare "${newName}".`;
      if (scope.namespaces.has(newName)) return `"${newName}" is already an import namespace.`;
      return undefined;
    case 'argument':
      return scope.arguments.has(newName) ? `There is already an argument "${newName}".` : undefined;
    case 'namespace':
      if (scope.namespaces.has(newName)) return `There is already an import namespace "${newName}".`;
      if (scope.declares.has(newName)) return `"${newName}" is already the name of a declare.`;
      if (stdlibNamespaces.some((n) => n.name === newName) || componentNames().some((n) => n.startsWith(`${newName}.`))) {
        return `"${newName}" is a namespace of Alloy's own components or standard library.`;
      }
      return undefined;
    case 'export':
      return undefined;
  }
}
