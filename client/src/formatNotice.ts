/**
 * Why Format Document did nothing: a file with syntax errors is left alone
 * (as `alloy fmt` refuses it), and silence would look like a broken command.
 * Plain data in, one sentence out, so it is tested without an editor.
 */
export interface SyntaxError {
  /** Zero-based line. */
  line: number;
  message: string;
}

/** The notice for a format request that changed nothing, or undefined when there is nothing to explain. */
export function formatRefusal(fileName: string, errors: readonly SyntaxError[]): string | undefined {
  const first = [...errors].sort((a, b) => a.line - b.line)[0];
  if (!first) return undefined;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return `${fileName} was not formatted: it has a syntax error on line ${first.line + 1}${more}: ${first.message}. Fix it and format again.`;
}
