/**
 * `argument` and `export` blocks at the top level of a root configuration (what
 * `alloy run` or `alloy validate` is given): Alloy rejects them there, with its own
 * messages (`internal/validator/validate.go`). A file imported as a module takes them,
 * and a lone file may be one, so only a configuration known to run as the root is judged.
 */
import type { Finding } from '../syntax/diagnostic';
import { blockHeaderSpan } from '../syntax/ast';
import type { SourceFile } from '../semantic/model';
import { severityOf } from '../codes';

/** Whether Alloy runs the configuration as its root (`root`) or the project cannot tell (`unknown`). */
export type ConfigurationRole = 'root' | 'unknown';

/** Why-kinds (`workspace/configurations.ts`) that say Alloy runs the files as its root configuration. */
const ROOT_KINDS: ReadonlySet<string> = new Set(['argument', 'setting', 'compose-command', 'compose-default']);

/** The role a configuration's reason tells: `root` when given to Alloy to run, else `unknown`. */
export function configurationRole(reason: { kind: string } | null | undefined): ConfigurationRole {
  return reason && ROOT_KINDS.has(reason.kind) ? 'root' : 'unknown';
}

/** Alloy's error for each top-level `argument`/`export` block, in a root configuration only. */
export function checkRootBlocks(files: readonly SourceFile[], role: ConfigurationRole): Finding[] {
  if (role !== 'root') return [];
  const out: Finding[] = [];
  for (const file of files) {
    for (const stmt of file.parse.file.body) {
      if (stmt.kind !== 'Block' || (stmt.name !== 'argument' && stmt.name !== 'export')) continue;
      out.push({
        file: file.path,
        range: blockHeaderSpan(stmt),
        code: 'not-allowed',
        severity: severityOf('not-allowed'),
        message: `${stmt.name} blocks only allowed inside a module`,
        source: 'alloy',
      });
    }
  }
  return out;
}
