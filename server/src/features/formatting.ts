/**
 * Document formatting as `alloy fmt` does it, as one minimal edit. A file with
 * syntax errors is left alone, as `alloy fmt` refuses it.
 */
import type { ParseResult } from '../syntax/parser';
import { formatByUnits, type UnitCache, type UnitFormatter } from '../syntax/formatUnits';
import type { TextRange } from '../syntax/diagnostic';
import { minimalEdit } from './textDiff';

export interface FormattingEdit {
  range: TextRange;
  newText: string;
}

/**
 * The formatting edits of a file formatted by units (`formatUnits.ts`): the
 * units in `previous`, the cache of the file's last format, are copied. Also
 * returns the cache of this format, for the next.
 */
export function getFormattingEditsByUnits(result: ParseResult, previous: UnitCache | undefined, formatter?: UnitFormatter): { edits: FormattingEdit[]; cache: UnitCache } {
  const { text, cache } = formatByUnits(result, previous, formatter ? { formatter } : {});
  const edit = text === undefined ? undefined : minimalEdit(result.text, text);
  return { edits: edit ? [edit] : [], cache };
}
