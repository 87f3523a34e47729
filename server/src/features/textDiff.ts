/**
 * The smallest single replacement that turns one text into another: edits we
 * send never touch text they do not need to.
 */
import type { TextRange } from '../syntax/diagnostic';
import { commonPrefix, commonSuffix } from '../syntax/textAffixes';

export function minimalEdit(before: string, after: string): { range: TextRange; newText: string } | undefined {
  if (before === after) return undefined;
  let start = commonPrefix(before, after);
  const common = commonSuffix(before, after, Math.min(before.length, after.length) - start);
  let endBefore = before.length - common;
  let endAfter = after.length - common;
  // Never split a surrogate pair.
  if (start > 0 && isHigh(before.charCodeAt(start - 1))) start--;
  if (endBefore < before.length && isLow(before.charCodeAt(endBefore))) {
    endBefore++;
    endAfter++;
  }
  return { range: { start, end: endBefore }, newText: after.slice(start, endAfter) };
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
