/**
 * Where the snippets apply: every snippet of snippets/alloy.json is a set of
 * top-level blocks, so they are offered only outside any block. The scan
 * skips strings and comments; it needs no parse, since it only counts braces.
 */

/** Whether `offset` in `text` is outside every `{ … }` (not in a string or comment either). */
export function isTopLevel(text: string, offset: number): boolean {
  let depth = 0;
  let i = 0;
  const end = Math.min(offset, text.length);
  while (i < end) {
    const ch = text[i];
    const next = text[i + 1];
    if (ch === '/' && next === '/') {
      const nl = text.indexOf('\n', i);
      if (nl < 0 || nl >= end) return false; // in a line comment
      i = nl + 1;
    } else if (ch === '/' && next === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0 || close + 2 > end) return false; // in a block comment
      i = close + 2;
    } else if (ch === '"' || ch === '`') {
      let j = i + 1;
      while (j < end && text[j] !== ch && !(ch === '"' && text[j] === '\n')) j += ch === '"' && text[j] === '\\' ? 2 : 1;
      if (j >= end) return false; // in a string
      i = j + 1;
    } else {
      if (ch === '{') depth++;
      else if (ch === '}' && depth > 0) depth--;
      i++;
    }
  }
  return depth === 0;
}
