/**
 * Literal values Alloy cannot turn into a target. A target (`discovery.Target`, catalog
 * type `target`) is a capsule that converts itself from objects only; any other value
 * reaches its `ConvertFrom`, which answers `target::ConvertFrom: conversion from '<Go
 * type>' is not supported` at the value. Only literal numbers, strings and booleans are
 * judged: their Go types are certain. Objects convert; `null` decodes to an empty target;
 * arrays and anything computed are never reported.
 */
import type { Expr } from '../syntax/ast';
import type { TextRange } from '../syntax/diagnostic';

const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * The Go type Alloy's evaluator gives a literal (`syntax/internal/transform`): an integer
 * is an int64 when it fits, else a uint64, else a float64; a float literal is a float64.
 */
function goTypeOfLiteral(expr: Expr): string | undefined {
  if (expr.kind !== 'Literal') return undefined;
  switch (expr.literal) {
    case 'string':
      return 'string';
    case 'bool':
      return 'bool';
    case 'float':
      return 'float64';
    case 'number': {
      // Alloy's scanner writes integers as decimal digits; anything else is not ours to guess.
      if (!/^[0-9]+$/.test(expr.raw)) return undefined;
      const n = BigInt(expr.raw);
      if (n <= INT64_MAX) return 'int64';
      return n <= UINT64_MAX ? 'uint64' : 'float64';
    }
    default:
      return undefined;
  }
}

function conversionError(value: Expr): { range: TextRange; message: string } | undefined {
  const goType = goTypeOfLiteral(value);
  if (goType === undefined) return undefined;
  return { range: { start: value.start, end: value.end }, message: `target::ConvertFrom: conversion from '${goType}' is not supported` };
}

/**
 * Alloy's error for `value` given to an attribute of catalog type `target` or
 * `list(target)`, if certain. In a list, Alloy stops at the first element it cannot
 * convert, so only that one is reported.
 */
export function targetConversionMismatch(type: string, value: Expr): { range: TextRange; message: string } | undefined {
  if (type === 'target') return conversionError(value);
  if (type !== 'list(target)' || value.kind !== 'Array') return undefined;
  for (const element of value.elements) {
    const error = conversionError(element);
    if (error) return error;
    // An element we cannot judge may fail first in Alloy: say nothing after it.
    if (element.kind !== 'Object' && !(element.kind === 'Literal' && element.literal === 'null')) return undefined;
  }
  return undefined;
}
