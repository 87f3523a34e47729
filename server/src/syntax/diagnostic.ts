/**
 * The vocabulary every layer of the core reports in: findings with stable codes,
 * located by UTF-16 offsets into one file's text, optionally carrying fixes.
 * Adapters (LSP, CLI) convert offsets to positions with a LineIndex.
 */

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
