/**
 * The glob patterns of the `configurations` setting: `*` and `?` within one
 * path segment, `**` across segments, `{a,b}` alternatives. Paths are matched
 * relative to the workspace folder, with forward slashes.
 */

/** Whether a pattern has glob syntax (otherwise it names one file or folder). */
export function isGlob(pattern: string): boolean {
  return /[*?{[]/.test(pattern);
}

/** A regular expression matching what `pattern` matches. Never throws. */
export function globToRegExp(pattern: string): RegExp {
  let out = '';
  let inBraces = false;
  const p = normalizePattern(pattern);
  for (let i = 0; i < p.length; i++) {
    const c = p[i] as string;
    if (c === '*') {
      if (p[i + 1] === '*') {
        // `**/` matches zero or more whole segments; a trailing `**` matches the rest.
        const slash = p[i + 2] === '/';
        out += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '{' && !inBraces) {
      inBraces = true;
      out += '(?:';
    } else if (c === '}' && inBraces) {
      inBraces = false;
      out += ')';
    } else if (c === ',' && inBraces) {
      out += '|';
    } else {
      out += c.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
    }
  }
  if (inBraces) out += ')';
  return new RegExp(`^${out}$`);
}

/** `./a/b/` → `a/b`; backslashes become slashes. */
export function normalizePattern(pattern: string): string {
  let p = pattern.trim().split('\\').join('/');
  while (p.startsWith('./')) p = p.slice(2);
  while (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}
