/**
 * What a custom component (`declare "name" { … }`) accepts: one attribute per
 * `argument` block, required unless the block sets `optional = true` (Alloy's default
 * is `false`).
 */
import type { BlockStmt } from '../syntax/ast';
import { getAttribute } from '../semantic/model';

/**
 * The arguments of a `declare` block: name → required. Undefined when they cannot be
 * known for sure (an `argument` without a label, or `optional` set to something other
 * than a literal), so callers stay silent.
 */
export function customComponentArguments(declare: BlockStmt): Map<string, boolean> | undefined {
  const args = new Map<string, boolean>();
  for (const stmt of declare.body) {
    if (stmt.kind !== 'Block' || stmt.name !== 'argument') continue;
    if (!stmt.label) return undefined;
    const optional = getAttribute(stmt, 'optional')?.value;
    let required = true;
    if (optional) {
      if (optional.kind !== 'Literal' || optional.literal !== 'bool') return undefined;
      required = optional.raw !== 'true';
    }
    args.set(stmt.label.value, required);
  }
  return args;
}
