/**
 * Stdlib facts from Alloy's `syntax/internal/stdlib`: every identifier of the top-level
 * map and of the namespace maps it points to, with its stability (experimental when
 * listed in `ExperimentalIdentifiers`) and whether it is deprecated.
 */
import { matchBracket, type GoPackage } from './goSource';

/** One stdlib identifier. */
export interface StdlibFact {
  name: string;
  stability: string;
  deprecated?: true;
}

function mapEntries(text: string, varName: string): [string, string][] {
  const m = new RegExp(`\\b${varName}\\s*=\\s*map\\[string\\](?:any|interface\\{\\}|bool)\\s*\\{`).exec(text);
  if (!m) return [];
  const open = (m.index ?? 0) + m[0].length - 1;
  const body = text.slice(open + 1, matchBracket(text, open));
  return [...body.matchAll(/^\s*"([^"]+)"\s*:\s*([\w.]+)/gm)].map((e) => [e[1] as string, e[2] as string]);
}

/** The identifiers of the stdlib package, sorted; empty when the package is absent. */
export function stdlibFacts(pkg: GoPackage | undefined): StdlibFact[] {
  if (!pkg) return [];
  const text = pkg.files.map((f) => f.text).join('\n');
  const experimental = new Set(mapEntries(text, 'ExperimentalIdentifiers').map(([k]) => k));
  const deprecated = new Set(mapEntries(text, 'DeprecatedIdentifiers').map(([k]) => k));
  const out = new Map<string, StdlibFact>();
  const add = (name: string): void => {
    out.set(name, { name, stability: experimental.has(name) ? 'experimental' : 'generally-available', ...(deprecated.has(name) ? { deprecated: true as const } : {}) });
  };
  for (const [name, value] of mapEntries(text, 'Identifiers')) {
    const inner = mapEntries(text, value);
    if (inner.length > 0 && !/\./.test(value)) for (const [sub] of inner) add(`${name}.${sub}`);
    else add(name);
  }
  for (const name of deprecated) add(name);
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}
