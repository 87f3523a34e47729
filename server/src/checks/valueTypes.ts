/**
 * Literal values of the wrong type, with Alloy's message (`expected string, got bool`).
 * Only literals (strings, numbers, booleans, arrays, objects) are judged, and only
 * against catalog types whose Alloy value kind is certain; references, calls and
 * `unknown` types are never reported.
 */
import type { Expr } from '../syntax/ast';
import type { TextRange } from '../syntax/diagnostic';

type Kind = 'string' | 'number' | 'bool' | 'array' | 'object';

/** The Alloy value kind a catalog type takes, when certain. */
function expectedKind(type: string): Kind | undefined {
  // Durations decode through their own parser, with messages of their own: not judged.
  if (type === 'string') return 'string';
  if (type === 'number' || type === 'int' || type === 'float') return 'number';
  if (type === 'bool') return 'bool';
  if (type.startsWith('list(')) return 'array';
  if (type.startsWith('map(') || type === 'object') return 'object';
  return undefined;
}

/** The kind of a literal expression; undefined for anything computed (or `null`). */
function literalKind(expr: Expr): Kind | undefined {
  switch (expr.kind) {
    case 'Literal':
      if (expr.literal === 'string') return 'string';
      if (expr.literal === 'number' || expr.literal === 'float') return 'number';
      if (expr.literal === 'bool') return 'bool';
      return undefined;
    case 'Array':
      return 'array';
    case 'Object':
      return 'object';
    default:
      return undefined;
  }
}

/** Alloy's type error for `value` given to an attribute of catalog type `type`, if certain. */
export function literalTypeMismatch(type: string, value: Expr): { range: TextRange; message: string } | undefined {
  const expected = expectedKind(type);
  const got = literalKind(value);
  if (!expected || !got || expected === got) return undefined;
  // Alloy converts numbers to strings, and strings that read as numbers to numbers.
  if (expected === 'string' && got === 'number') return undefined;
  if (expected === 'number' && got === 'string') return undefined;
  return { range: { start: value.start, end: value.end }, message: `expected ${expected}, got ${got}` };
}
