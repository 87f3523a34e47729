/**
 * The `--config` settings file. Its errors name a position and a kind, never
 * the text: a file given by mistake (a `.env`, a credentials file) must not
 * have its first characters printed, which is what `JSON.parse`'s messages do.
 */
import { resolveSettings, type Settings } from '../settings';
import { readTextFile } from './inputs';
import { LineIndex } from '../syntax/lineIndex';

export type SettingsFileResult = { ok: true; settings: Settings } | { ok: false; reason: string };

/** Reads and checks the settings file at `path`; a problem is one line that quotes nothing from it. */
export function loadSettingsFile(path: string): SettingsFileResult {
  const read = readTextFile(path);
  if (!read.ok) return { ok: false, reason: read.reason };
  let raw: unknown;
  try {
    raw = JSON.parse(read.text);
  } catch {
    return { ok: false, reason: `invalid JSON: ${locateJsonError(read.text)}` };
  }
  const { settings, problems } = resolveSettings(raw);
  if (problems[0] !== undefined) return { ok: false, reason: problems[0] };
  return { ok: true, settings };
}

/**
 * "line L, column C: kind" for the first error in a text JSON.parse refused.
 * A small scanner that only tracks structure: it says where, never what.
 */
export function locateJsonError(text: string): string {
  let lines: LineIndex | undefined;
  const at = (offset: number, kind: string): string => {
    lines ??= new LineIndex(text);
    const line = lines.lineOf(offset);
    return `line ${line + 1}, column ${offset - lines.lineStart(line) + 1}: ${kind}`;
  };
  // What may come next: a value, a key (or '}' right after '{'), ':', or ',' / a closer.
  type Expect = 'value' | 'first-value' | 'key' | 'first-key' | 'colon' | 'after';
  const stack: ('{' | '[')[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const top = stack[stack.length - 1];
    if (expect === 'after') {
      if (top === undefined) return at(i, 'unexpected content after the JSON value');
      if (c === ',') expect = top === '{' ? 'key' : 'value';
      else if ((c === '}' && top === '{') || (c === ']' && top === '[')) stack.pop();
      else return at(i, top === '{' ? "expected ',' or '}'" : "expected ',' or ']'");
      i++;
      continue;
    }
    if (expect === 'colon') {
      if (c !== ':') return at(i, "expected ':' after a property name");
      expect = 'value';
      i++;
      continue;
    }
    if ((c === '}' && expect === 'first-key') || (c === ']' && expect === 'first-value')) {
      stack.pop();
      expect = 'after';
      i++;
      continue;
    }
    if (expect === 'key' || expect === 'first-key') {
      if (c !== '"') return at(i, 'expected a property name in double quotes');
      const end = stringEnd(text, i);
      if (typeof end === 'object') return at(end.at, end.kind);
      i = end;
      expect = 'colon';
      continue;
    }
    // A value.
    if (c === '{' || c === '[') {
      stack.push(c);
      expect = c === '{' ? 'first-key' : 'first-value';
      i++;
      continue;
    }
    if (c === '"') {
      const end = stringEnd(text, i);
      if (typeof end === 'object') return at(end.at, end.kind);
      i = end;
      expect = 'after';
      continue;
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!literal) return at(i, 'expected a value');
    i += literal[0].length;
    expect = 'after';
  }
  return at(n, 'unexpected end of the file');
}

/** The offset after the string starting at `start`, or where and why it is broken. */
function stringEnd(text: string, start: number): number | { at: number; kind: string } {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return { at: i, kind: 'control character in a string' };
    if (c === 0x5c) {
      const next = text[i + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { at: i, kind: 'bad \\u escape in a string' };
        i += 5;
      } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i++;
      else return { at: i, kind: 'bad escape in a string' };
    }
  }
  return { at: text.length, kind: 'unterminated string' };
}
