/**
 * Go to definition: from a component reference to its block (the label or the
 * component's name), from an export of a custom component to its `export`
 * block, from `argument.NAME.value` or an instance's `NAME = …` to the
 * `argument "NAME"` block, from a custom component's name to its `declare`
 * (also in an imported module), from a namespace to its `import` block, and
 * from an `import.file`/`local.file` `filename` to the file.
 */
import type { TextRange } from '../syntax/diagnostic';
import { getComponent } from '../semantic/catalog';
import type { SourceFile } from '../semantic/model';
import { filenameLinks } from './project';
import { labelRange, occurrenceAt, type NavSymbol, type SymbolIndex } from './symbolIndex';

export interface DefinitionTarget {
  /** Path of the file holding the definition. */
  file: string;
  /** The whole defining block (for a file: its start). */
  range: TextRange;
  /** The name within it: the label, or the file's start. */
  selection: TextRange;
}

/** The definitions of what is under `offset` in `file`; empty when there is none we can be sure of. Never throws. */
export function findDefinition(index: SymbolIndex, file: SourceFile, offset: number): DefinitionTarget[] {
  try {
    return definition(index, file, offset);
  } catch {
    return [];
  }
}

function definition(index: SymbolIndex, file: SourceFile, offset: number): DefinitionTarget[] {
  for (const link of filenameLinks(file)) {
    if (offset < link.range.start || offset > link.range.end) continue;
    // A directory import leads to the module files we loaded; a file to itself.
    const module = index.project.imports.get(link.block);
    const targets = module && module.length > 0 ? module.map((m) => m.path) : [link.path];
    return targets.map((path) => ({ file: path, range: { start: 0, end: 0 }, selection: { start: 0, end: 0 } }));
  }
  const hit = occurrenceAt(index, file.path, offset);
  if (!hit) return [];
  const symbol = hit.symbol;
  if (hit.role === 'alias' && symbol.kind === 'component' && !symbol.componentName?.split('.').includes(file.parse.text.slice(hit.range.start, hit.range.end))) {
    // An export of a built-in component: only when the catalog knows it.
    const schema = getComponent(symbol.componentName ?? '');
    const field = file.parse.text.slice(hit.range.start, hit.range.end);
    if (schema && !schema.exports.some((e) => e.name === field)) return [];
  }
  return [targetOf(symbol)];
}

/** Where a symbol is defined: its block, with the label as the name to select. */
function targetOf(symbol: NavSymbol): DefinitionTarget {
  const block = symbol.block;
  const selection = labelRange(symbol.file, block) ?? { start: block.start, end: block.start };
  return { file: symbol.file.path, range: { start: block.start, end: block.end }, selection };
}
