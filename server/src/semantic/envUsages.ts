/**
 * The environment variables a configuration reads: `sys.env("NAME")` and the
 * deprecated `env("NAME")`, with a literal name. A computed name cannot be
 * checked and is left out.
 */
import { referencePath } from '../syntax/ast';
import { walkModel } from './modelWalk';
import type { TextRange } from '../syntax/diagnostic';
import { stringValue, type ConfigModel } from './model';

export interface EnvRead {
  name: string;
  file: string;
  /** The whole call, so a diagnostic underlines `sys.env("NAME")`. */
  range: TextRange;
}

const READERS: ReadonlySet<string> = new Set(['sys.env', 'env']);

export function findEnvReads(model: ConfigModel): EnvRead[] {
  const out: EnvRead[] = [];
  // The calls come from the analysis' one walk over the trees.
  for (const { file, call } of walkModel(model).calls) {
    if (call.args.length !== 1) continue;
    const callee = referencePath(call.callee)?.join('.');
    if (!callee || !READERS.has(callee)) continue;
    const name = stringValue(call.args[0]);
    if (name) out.push({ name, file: file.path, range: { start: call.start, end: call.end } });
  }
  return out;
}
