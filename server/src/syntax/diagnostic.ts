/**
 * The vocabulary every layer of the core reports in: findings with stable codes,
 * located by UTF-16 offsets into one file's text, optionally carrying fixes.
 * Adapters (LSP, CLI) convert offsets to positions with a LineIndex.
 */
import { copyProperty } from './lazyProperties';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A half-open range of UTF-16 code-unit offsets into a file's text. */
export interface TextRange {
  start: number;
  end: number;
}

/** A replacement of `range` in `file` by `newText`. */
export interface FileEdit {
  file: string;
  range: TextRange;
  newText: string;
}

/** A change a user would have written by hand, offered as a quick fix. */
export interface Fix {
  title: string;
  edits: FileEdit[];
  /** Whether this fix is the obvious one (VS Code's "preferred" quick fix). */
  isPreferred?: boolean;
}

/** A pointer to another place that explains a finding. */
export interface RelatedLocation {
  file: string;
  range: TextRange;
  message: string;
}

/** One problem found in one file. */
export interface Finding {
  file: string;
  range: TextRange;
  /** Stable code, e.g. `syntax`, `selfmon/traces-missing`, `env/missing`. */
  code: string;
  severity: Severity;
  message: string;
  /** Which producer reported it: `alloy` (syntax, validation) or `alloy-selfmon`. */
  source: string;
  related?: RelatedLocation[];
  fixes?: Fix[];
}

/**
 * Findings (or compose problems: anything with a code, file, range and message)
 * without repeats, in first-seen order. Two are the same when all five agree,
 * so the same message at two places stays twice.
 */
export function uniqueFindings<T extends Pick<Finding, 'code' | 'file' | 'range' | 'message'>>(items: Iterable<T>): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const f of items) {
    const key = `${f.code}\0${f.file}\0${f.range.start}\0${f.range.end}\0${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

/**
 * A copy of `finding` with `changes` applied that keeps its fixes unbuilt
 * (a spread would read the getter and build them).
 */
export function copyFinding(finding: Finding, changes: Partial<Omit<Finding, 'fixes'>>): Finding {
  // Plain properties are copied by value (copying every descriptor made each copy a slow
  // dictionary object); fixes not built yet stay so, shared with the original.
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(finding)) if (key !== 'fixes') copy[key] = (finding as unknown as Record<string, unknown>)[key];
  Object.assign(copy, changes);
  copyProperty(finding, copy, 'fixes');
  return copy as unknown as Finding;
}
