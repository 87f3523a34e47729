/**
 * The environment variables a configuration reads: `sys.env("NAME")` and the
 * deprecated `env("NAME")`, with a literal name. A computed name cannot be
 * checked and is left out.
 */
import { referencePath, walk } from '../syntax/ast';
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
  for (const file of model.files) {
    walk(file.parse.file, (node) => {
      if (node.kind !== 'Call' || node.args.length !== 1) return;
      const callee = referencePath(node.callee)?.join('.');
      if (!callee || !READERS.has(callee)) return;
      const name = stringValue(node.args[0]);
      if (name) out.push({ name, file: file.path, range: { start: node.start, end: node.end } });
    });
  }
  return out;
}
