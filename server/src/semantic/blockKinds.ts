/**
 * How Alloy's runtime sorts top-level blocks (`internal/runtime/source.go`):
 * `declare`, configuration blocks, service blocks, and everything else, which
 * is a component (built-in or custom).
 */

export type TopLevelKind =
  | { kind: 'declare' }
  | { kind: 'config'; labelled: boolean }
  | { kind: 'service' }
  | { kind: 'component' };

/** Configuration blocks, and whether each needs a label. */
const configBlocks: ReadonlyMap<string, boolean> = new Map([
  ['logging', false],
  ['tracing', false],
  ['argument', true],
  ['export', true],
  ['foreach', true],
  ['import.file', true],
  ['import.string', true],
  ['import.http', true],
  ['import.git', true],
]);

/** Service blocks that accept configuration (plus the undocumented `labelstore`). */
const serviceBlocks: ReadonlySet<string> = new Set(['http', 'livedebugging', 'remotecfg', 'labelstore']);

export function classifyTopLevelBlock(name: string): TopLevelKind {
  if (name === 'declare') return { kind: 'declare' };
  const labelled = configBlocks.get(name);
  if (labelled !== undefined) return { kind: 'config', labelled };
  if (serviceBlocks.has(name)) return { kind: 'service' };
  return { kind: 'component' };
}
