/**
 * Find references and document highlight: every place a component, argument,
 * export, declare or import namespace is named, across the files of the
 * configuration and the modules it imports.
 */
import type { TextRange } from '../syntax/diagnostic';
import type { SourceFile } from '../semantic/model';
import { occurrenceAt, type SymbolIndex } from './symbolIndex';

export interface ReferenceLocation {
  file: string;
  range: TextRange;
  /** Whether this is where the name is defined (its label) rather than a use. */
  definition: boolean;
}

/**
 * Where the thing under `offset` is named, by file path then offset;
 * empty when the cursor is on nothing we know. Never throws.
 */
export function findReferences(index: SymbolIndex, file: SourceFile, offset: number, includeDeclaration = true): ReferenceLocation[] {
  try {
    const hit = occurrenceAt(index, file.path, offset);
    if (!hit) return [];
    return hit.symbol.occurrences
      .filter((o) => o.role !== 'alias' && (includeDeclaration || o.role !== 'definition'))
      .map((o) => ({ file: o.file.path, range: o.range, definition: o.role === 'definition' }))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start - b.range.start));
  } catch {
    return [];
  }
}

export interface Highlight {
  range: TextRange;
  /** `write` for the definition, `read` for uses. */
  kind: 'read' | 'write';
}

/** The occurrences of the thing under `offset` within `file` itself. Never throws. */
export function findHighlights(index: SymbolIndex, file: SourceFile, offset: number): Highlight[] {
  return findReferences(index, file, offset)
    .filter((r) => r.file === file.path)
    .map((r) => ({ range: r.range, kind: r.definition ? 'write' : 'read' }));
}
