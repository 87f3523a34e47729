/** The short string syntaxes inside a service: volume specs and shell-form commands. */

/** A volume spec before the host path is resolved. */
export interface VolumeSpec {
  type: 'bind' | 'volume';
  /** The host path (binds), the volume name (volumes), or null (anonymous volume). */
  source: string | null;
  target: string;
  readOnly: boolean;
}

/**
 * Parses the short volume syntax `[SOURCE:]TARGET[:MODE]`, e.g.
 * `./alloy/config.alloy:/etc/alloy/config.alloy:ro`. A source that looks like a
 * path (`.`, `/`, `~`, a drive letter) is a bind mount; anything else names a volume.
 */
export function parseVolume(spec: string): VolumeSpec | null {
  let drive = '';
  let rest = spec;
  if (/^[A-Za-z]:[\\/]/.test(spec)) {
    drive = spec.slice(0, 2);
    rest = spec.slice(2);
  }
  const parts = rest.split(':');
  const first = drive + (parts[0] ?? '');
  if (parts.length === 1) return first === '' ? null : { type: 'volume', source: null, target: first, readOnly: false };
  const target = parts[1] ?? '';
  if (target === '') return null;
  const mode = parts.slice(2).join(':');
  return {
    type: isPathLike(first) ? 'bind' : 'volume',
    source: first === '' ? null : first,
    target,
    readOnly: mode.split(',').includes('ro'),
  };
}

function isPathLike(source: string): boolean {
  return /^(\.|\/|~|\\|[A-Za-z]:[\\/])/.test(source);
}

/** Splits a shell-form command into words, honouring single and double quotes and backslashes. */
export function splitCommand(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < command.length; i++) {
    const c = command[i] ?? '';
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < command.length) word += command[++i] ?? '';
      else word += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < command.length) {
      word += command[++i] ?? '';
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}
