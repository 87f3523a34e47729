/**
 * Variable interpolation as Docker Compose applies it to compose files and
 * `.env` values: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?message}`, `${VAR?message}`, `${VAR:+alt}`, `${VAR+alt}`, nested
 * templates inside defaults (`${A:-${B}}`), and `$$` for a literal `$`.
 *
 * Besides the value, the result records every variable the value depends on, so
 * callers can tell a value fixed by the project from one left to the host.
 */

/** Returns the value of a variable, or `undefined` when it is not set. */
export type Lookup = (name: string) => string | undefined;

/** The operator of a braced reference; `''` for `$VAR` and `${VAR}`. */
export type InterpolationOperator = '' | ':-' | '-' | ':?' | '?' | ':+' | '+';

/** One variable the interpolated value depends on. */
export interface VariableReference {
  name: string;
  operator: InterpolationOperator;
  /** Whether the lookup knew the variable (set, possibly to an empty string). */
  isSet: boolean;
  /** Offset of the `$` in the template string. */
  offset: number;
}

export interface InterpolationError {
  kind: 'invalid' | 'required';
  /** For `required`: the variable compose insists on. */
  name?: string;
  /** Offset of the offending `$` in the template string. */
  offset: number;
  /** A description that quotes neither the template nor any value. */
  message: string;
}

export interface InterpolationResult {
  value: string;
  /**
   * The variables the value depends on, in order. References inside a default or
   * alternative are listed only when that default or alternative was used.
   */
  references: VariableReference[];
  errors: InterpolationError[];
}

/**
 * How deeply `${A:-${B:-…}}` may nest. Compose sets no limit; ours keeps the
 * evaluation's recursion bounded by a constant rather than by the input, and
 * its cost linear in the template (each level rescans its argument once).
 */
export const MAX_INTERPOLATION_NESTING = 100;

/** The error of a template nested past the limit. */
export const NESTING_LIMIT_MESSAGE = `interpolation nested deeper than ${MAX_INTERPOLATION_NESTING} levels is not evaluated (limit: ${MAX_INTERPOLATION_NESTING} levels)`;

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const OPERATORS: readonly InterpolationOperator[] = [':-', ':?', ':+', '-', '?', '+'];

/** Interpolates `template` the way Compose does, never throwing. */
export function interpolate(template: string, lookup: Lookup): InterpolationResult {
  const result: InterpolationResult = { value: '', references: [], errors: [] };
  interpolateInto(template, 0, lookup, result, 0);
  return result;
}

function interpolateInto(template: string, base: number, lookup: Lookup, out: InterpolationResult, depth: number): void {
  let i = 0;
  let literalStart = 0;
  const flush = (end: number): void => {
    out.value += template.slice(literalStart, end);
  };
  while (i < template.length) {
    if (template[i] !== '$') {
      i++;
      continue;
    }
    flush(i);
    const next = template[i + 1];
    if (next === '$') {
      out.value += '$';
      i += 2;
    } else if (next !== undefined && NAME_START.test(next)) {
      let end = i + 2;
      while (end < template.length && NAME_CHAR.test(template[end] ?? '')) end++;
      const name = template.slice(i + 1, end);
      const value = lookup(name);
      out.references.push({ name, operator: '', isSet: value !== undefined, offset: base + i });
      out.value += value ?? '';
      i = end;
    } else if (next === '{') {
      i = interpolateBraced(template, i, base, lookup, out, depth);
    } else {
      out.errors.push({
        kind: 'invalid',
        offset: base + i,
        message: "invalid interpolation: '$' must be followed by a name, '{' or '$' (write '$$' for a literal '$')",
      });
      out.value += '$';
      i++;
    }
    literalStart = i;
  }
  flush(template.length);
}

/** Handles `${...}` starting at `start` (the `$`); returns the offset after it. */
function interpolateBraced(
  template: string,
  start: number,
  base: number,
  lookup: Lookup,
  out: InterpolationResult,
  depth: number,
): number {
  const close = findClosingBrace(template, start + 2);
  if (close < 0) {
    out.errors.push({ kind: 'invalid', offset: base + start, message: "invalid interpolation: '${' is never closed by '}'" });
    out.value += template.slice(start);
    return template.length;
  }
  const inner = template.slice(start + 2, close);
  let nameEnd = 0;
  if (NAME_START.test(inner[0] ?? '')) {
    nameEnd = 1;
    while (nameEnd < inner.length && NAME_CHAR.test(inner[nameEnd] ?? '')) nameEnd++;
  }
  const name = inner.slice(0, nameEnd);
  const rest = inner.slice(nameEnd);
  const operator = OPERATORS.find((op) => rest.startsWith(op)) ?? (rest === '' ? '' : undefined);
  if (name === '' || operator === undefined) {
    out.errors.push({
      kind: 'invalid',
      offset: base + start,
      message: "invalid interpolation: expected '${NAME}' optionally followed by ':-', '-', ':?', '?', ':+' or '+'",
    });
    out.value += template.slice(start, close + 1);
    return close + 1;
  }

  const value = lookup(name);
  const isSet = value !== undefined;
  const isNonEmpty = isSet && value !== '';
  out.references.push({ name, operator, isSet, offset: base + start });

  // Compose evaluates the argument even when it is not used, so its errors count.
  const argumentBase = base + start + 2 + nameEnd + operator.length;
  const argument: InterpolationResult = { value: '', references: [], errors: [] };
  if (operator !== '' && depth + 1 >= MAX_INTERPOLATION_NESTING) {
    argument.errors.push({
      kind: 'invalid',
      offset: argumentBase,
      message: NESTING_LIMIT_MESSAGE,
    });
  } else if (operator !== '') {
    interpolateInto(rest.slice(operator.length), argumentBase, lookup, argument, depth + 1);
  }
  out.errors.push(...argument.errors);
  const useArgument = (): void => {
    out.value += argument.value;
    out.references.push(...argument.references);
  };

  switch (operator) {
    case '':
      out.value += value ?? '';
      break;
    case ':-':
      if (isNonEmpty) out.value += value;
      else useArgument();
      break;
    case '-':
      if (isSet) out.value += value;
      else useArgument();
      break;
    case ':?':
    case '?':
      if (operator === ':?' ? isNonEmpty : isSet) out.value += value;
      else {
        out.errors.push({
          kind: 'required',
          name,
          offset: base + start,
          message: `required variable ${name} is ${isSet ? 'empty' : 'not set'}`,
        });
      }
      break;
    case ':+':
      if (isNonEmpty) useArgument();
      break;
    case '+':
      if (isSet) useArgument();
      break;
  }
  return close + 1;
}

/** The offset of the `}` closing a `${` whose body starts at `from`, or -1. */
function findClosingBrace(template: string, from: number): number {
  let depth = 1;
  let j = from;
  while (j < template.length) {
    if (template.startsWith('$$', j)) {
      j += 2;
      continue;
    }
    if (template.startsWith('${', j)) {
      depth++;
      j += 2;
      continue;
    }
    if (template[j] === '}') {
      depth--;
      if (depth === 0) return j;
    }
    j++;
  }
  return -1;
}
