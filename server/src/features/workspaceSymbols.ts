/**
 * Workspace symbols: the components, custom components (`declare`), import
 * namespaces and module arguments and exports of every configuration in the
 * workspace, matched against what the person typed.
 */
import type { Stmt } from '../syntax/ast';
import type { TextRange } from '../syntax/diagnostic';
import { classifyTopLevelBlock } from '../semantic/blockKinds';
import type { SourceFile } from '../semantic/model';
import { labelRange } from './symbolIndex';

export interface WorkspaceSymbolResult {
  /** `prometheus.scrape "default"`, `declare "pipe"`, … */
  name: string;
  kind: 'component' | 'declare' | 'namespace' | 'argument' | 'export';
  file: string;
  /** The whole block. */
  range: TextRange;
  /** The label. */
  selection: TextRange;
  /** The declare it sits in, if any. */
  container?: string;
}

/** At most this many symbols are returned: a long list helps nobody. */
const MAX_RESULTS = 500;

/**
 * Whether `query` matches `name`: its characters appear in order, case
 * ignored (what editors call fuzzy matching); an empty query matches all.
 */
export function fuzzyMatch(query: string, name: string): boolean {
  const q = query.toLowerCase();
  const n = name.toLowerCase();
  let i = 0;
  for (let j = 0; j < n.length && i < q.length; j++) if (n[j] === q[i]) i++;
  return i === q.length;
}

/** The symbols of `files` (every configuration's files, and modules) that match `query`. Never throws. */
export function getWorkspaceSymbols(files: readonly SourceFile[], query: string): WorkspaceSymbolResult[] {
  const out: WorkspaceSymbolResult[] = [];
  try {
    for (const file of files) {
      const stack: { body: readonly Stmt[]; container?: string }[] = [{ body: file.parse.file.body }];
      while (stack.length > 0 && out.length < MAX_RESULTS) {
        const { body, container } = stack.pop() as { body: readonly Stmt[]; container?: string };
        for (const s of body) {
          if (s.kind !== 'Block' || !s.label) continue;
          const kind = symbolKind(s.name);
          if (!kind) continue;
          const name = `${s.name} "${s.label.value}"`;
          if (kind === 'declare') stack.push({ body: s.body, container: name });
          if (!fuzzyMatch(query, name) || out.length >= MAX_RESULTS) continue;
          out.push({
            name,
            kind,
            file: file.path,
            range: { start: s.start, end: s.end },
            selection: labelRange(file, s) ?? { start: s.label.start, end: s.label.end },
            ...(container ? { container } : {}),
          });
        }
      }
    }
  } catch {
    // A partial list is better than none.
  }
  return out;
}

function symbolKind(name: string): WorkspaceSymbolResult['kind'] | undefined {
  if (name === 'declare') return 'declare';
  if (name === 'argument' || name === 'export') return name;
  if (name.startsWith('import.')) return 'namespace';
  return classifyTopLevelBlock(name).kind === 'component' ? 'component' : undefined;
}
