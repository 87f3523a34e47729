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

// The answers are shared constants: every check classifies every top-level block.
const DECLARE: TopLevelKind = Object.freeze({ kind: 'declare' });
const CONFIG_LABELLED: TopLevelKind = Object.freeze({ kind: 'config', labelled: true });
const CONFIG_UNLABELLED: TopLevelKind = Object.freeze({ kind: 'config', labelled: false });
const SERVICE: TopLevelKind = Object.freeze({ kind: 'service' });
const COMPONENT: TopLevelKind = Object.freeze({ kind: 'component' });

export function classifyTopLevelBlock(name: string): TopLevelKind {
  if (name === 'declare') return DECLARE;
  const labelled = configBlocks.get(name);
  if (labelled !== undefined) return labelled ? CONFIG_LABELLED : CONFIG_UNLABELLED;
  if (serviceBlocks.has(name)) return SERVICE;
  return COMPONENT;
}
