/**
 * String literals outside a closed value set Alloy enforces while decoding (relabel
 * `action`, `otelcol.auth.headers` `header.action`), with Alloy's message at the value.
 * Only literal strings are judged, never computed ones, and only values Alloy would name
 * exactly as we do (printable ASCII without quotes or backslashes, which Go's quoting
 * leaves alone).
 */
import type { Expr } from '../syntax/ast';
import type { TextRange } from '../syntax/diagnostic';
import type { ClosedValueSet } from '../semantic/catalogTypes';
import { stringValue } from '../semantic/model';

/** Alloy's error for `value` given to an attribute with the closed set `set`, if certain. */
export function closedValueMismatch(set: ClosedValueSet, value: Expr): { range: TextRange; message: string } | undefined {
  const text = stringValue(value);
  if (text === undefined || !/^[\x20-\x7e]*$/.test(text) || /["\\]/.test(text)) return undefined;
  const named = set.foldCase ? text.toLowerCase() : text;
  if (set.values.includes(named)) return undefined;
  return { range: { start: value.start, end: value.end }, message: set.message(named) };
}
