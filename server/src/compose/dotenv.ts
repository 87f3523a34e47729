/**
 * The env-file syntax Compose reads for the project `.env`, `--env-file` and a
 * service's `env_file`:
 *
 *     # comment
 *     KEY=value            unquoted: interpolated, ` #` starts a comment
 *     export KEY=value     `export ` is ignored
 *     KEY="a\nb ${X}"      double quotes: escapes and interpolation
 *     KEY='literal $X'     single quotes: literal (`\'` for a quote)
 *     KEY=                 empty
 *     KEY                  inherited from the environment of `docker compose`
 *
 * Values are kept for the caller to reason about (empty or not); they must not
 * be copied into messages.
 */
import type { TextRange } from '../syntax/diagnostic';
import { interpolate, NESTING_LIMIT_MESSAGE, type InterpolationError, type Lookup, type VariableReference } from './interpolation';
import { LineIndex } from '../syntax/lineIndex';

export interface DotEnvEntry {
  key: string;
  /**
   * The value after unquoting and interpolation; `undefined` only for an
   * inherited bare `KEY` that the lookup does not know.
   */
  value: string | undefined;
  /** A bare `KEY` line: the value comes from the environment. */
  inherited: boolean;
  quote: '"' | "'" | null;
  /** 1-based line of the key. */
  line: number;
  /** From the key (after `export`) to the end of the value. */
  range: TextRange;
  keyRange: TextRange;
  /** Variables the value was interpolated from (for inherited: the key itself). */
  references: VariableReference[];
}

export interface DotEnvProblem {
  message: string;
  range: TextRange;
  line: number;
}

export interface DotEnvFile {
  entries: DotEnvEntry[];
  problems: DotEnvProblem[];
}

const KEY_CHAR = /[A-Za-z0-9_.-]/;

/**
 * Parses env-file text. `lookup` answers variables from outside the file (the
 * host environment); it wins over earlier keys of the same file, as in Compose.
 */
export function parseDotEnv(text: string, lookup: Lookup = () => undefined): DotEnvFile {
  const entries: DotEnvEntry[] = [];
  const problems: DotEnvProblem[] = [];
  const earlier = new Map<string, string>();
  const combined: Lookup = (name) => lookup(name) ?? earlier.get(name);
  const lines = new LineIndex(text);
  const lineOf = (offset: number): number => lines.lineOf(offset) + 1;

  let pos = 0;
  while (pos < text.length) {
    pos = skipWhile(text, pos, (c) => c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f' || c === '\v');
    if (pos >= text.length) break;
    if (text[pos] === '#') {
      pos = endOfLine(text, pos);
      continue;
    }
    if (/^export[ \t]/.test(text.slice(pos, pos + 7))) pos = skipWhile(text, pos + 6, isBlank);

    const keyStart = pos;
    pos = skipWhile(text, pos, (c) => KEY_CHAR.test(c));
    const key = text.slice(keyStart, pos);
    const keyRange = { start: keyStart, end: pos };
    const afterKey = skipWhile(text, pos, isBlank);
    const next = text[afterKey];

    if (key === '' || (next !== '=' && next !== undefined && next !== '\n' && next !== '\r' && next !== '#')) {
      problems.push({
        message: 'expected KEY=value (a variable name of letters, digits, "_", "." or "-", then "=")',
        range: { start: keyStart, end: endOfLine(text, keyStart) },
        line: lineOf(keyStart),
      });
      pos = endOfLine(text, keyStart);
      continue;
    }

    if (next !== '=') {
      // A bare KEY: passed through from the environment when it is set there.
      const value = lookup(key);
      entries.push({
        key,
        value,
        inherited: true,
        quote: null,
        line: lineOf(keyStart),
        range: keyRange,
        keyRange,
        references: [{ name: key, operator: '', isSet: value !== undefined, offset: keyStart }],
      });
      pos = endOfLine(text, keyStart);
      continue;
    }

    const valueStart = skipWhile(text, afterKey + 1, isBlank);
    const parsed = parseValue(text, valueStart, combined);
    if (parsed.problem) problems.push({ message: parsed.problem, range: { start: keyStart, end: parsed.end }, line: lineOf(keyStart) });
    entries.push({
      key,
      value: parsed.value,
      inherited: false,
      quote: parsed.quote,
      line: lineOf(keyStart),
      range: { start: keyStart, end: parsed.valueEnd },
      keyRange,
      references: parsed.references,
    });
    earlier.set(key, parsed.value);
    pos = parsed.end;
  }
  return { entries, problems };
}

/** The last entry per key, as Compose applies them (later lines win). */
export function dotEnvMap(file: DotEnvFile): Map<string, DotEnvEntry> {
  const map = new Map<string, DotEnvEntry>();
  for (const entry of file.entries) map.set(entry.key, entry);
  return map;
}

interface ParsedValue {
  value: string;
  quote: '"' | "'" | null;
  references: VariableReference[];
  /** End of the value text, including a closing quote. */
  valueEnd: number;
  /** Where parsing continues (end of the statement's line). */
  end: number;
  problem?: string;
}

function parseValue(text: string, start: number, lookup: Lookup): ParsedValue {
  const quote = text[start];
  if (quote === '"' || quote === "'") {
    let raw = '';
    let j = start + 1;
    while (j < text.length && text[j] !== quote) {
      const c = text[j] ?? '';
      if (c === '\\' && j + 1 < text.length) {
        const escaped = text[j + 1] ?? '';
        if (quote === "'") raw += escaped === "'" ? "'" : `\\${escaped}`;
        else raw += unescapeDouble(escaped);
        j += 2;
        continue;
      }
      raw += c;
      j++;
    }
    if (j >= text.length) {
      const lineEnd = endOfLine(text, start);
      return {
        value: text.slice(start + 1, lineEnd).replace(/\r$/, ''),
        quote,
        references: [],
        valueEnd: lineEnd,
        end: lineEnd,
        problem: `unterminated ${quote === '"' ? 'double' : 'single'}-quoted value`,
      };
    }
    const valueEnd = j + 1;
    const end = endOfLine(text, valueEnd);
    if (quote === "'") return { value: raw, quote, references: [], valueEnd, end };
    const result = interpolate(raw, lookup);
    return withProblems({ value: result.value, quote, references: result.references, valueEnd, end }, result.errors);
  }

  const lineEnd = endOfLine(text, start);
  let valueEnd = lineEnd;
  for (let j = start; j < lineEnd; j++) {
    // An inline comment needs whitespace before the `#` (or starts the value).
    if (text[j] === '#' && (j === start || isBlank(text[j - 1] ?? ''))) {
      valueEnd = j;
      break;
    }
  }
  while (valueEnd > start && /\s/.test(text[valueEnd - 1] ?? '')) valueEnd--;
  const result = interpolate(text.slice(start, valueEnd), lookup);
  return withProblems(
    { value: result.value, quote: null, references: result.references, valueEnd, end: lineEnd },
    result.errors,
  );
}

function withProblems(value: ParsedValue, errors: readonly InterpolationError[]): ParsedValue {
  if (errors.length === 0) return value;
  // A limit reached is named as such; any other error is a mistake in the value.
  const limit = errors.some((e) => e.message === NESTING_LIMIT_MESSAGE);
  return { ...value, problem: limit ? NESTING_LIMIT_MESSAGE : 'invalid interpolation in value (write "$$" for a literal "$")' };
}

function unescapeDouble(c: string): string {
  switch (c) {
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    case '\\':
      return '\\';
    case '"':
      return '"';
    default:
      return `\\${c}`;
  }
}

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t';
}

function skipWhile(text: string, pos: number, test: (c: string) => boolean): number {
  let j = pos;
  while (j < text.length && test(text[j] ?? '')) j++;
  return j;
}

function endOfLine(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl;
}
