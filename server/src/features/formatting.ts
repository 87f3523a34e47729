/**
 * Document formatting as `alloy fmt` does it, as one minimal edit. A file with
 * syntax errors is left alone, as `alloy fmt` refuses it.
 */
import type { ParseResult } from '../syntax/parser';
import { format } from '../syntax/printer';
import type { TextRange } from '../syntax/diagnostic';
import { minimalEdit } from './textDiff';

export function getFormattingEdits(result: ParseResult): { range: TextRange; newText: string }[] {
  const formatted = format(result);
  if (formatted === undefined) return [];
  const edit = minimalEdit(result.text, formatted);
  return edit ? [edit] : [];
}
