/**
 * Conversions between the core's offset-based results and LSP types. The core
 * counts UTF-16 offsets, which is what LSP positions count too; lines follow
 * LSP's rule (`\n`, `\r\n` and a lone `\r` end a line) through
 * `LineIndex.positionAt`, not Alloy's (`\n` only).
 */
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type Range,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import type { Finding, Severity, TextRange } from '../syntax/diagnostic';
import type { LineIndex } from '../syntax/lineIndex';
import { tagsOf } from '../codes';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(lines: LineIndex, range: TextRange): Range {
  return { start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
}

export function uriToPath(uri: string): string {
  return uri.startsWith('file:') ? URI.parse(uri).fsPath : uri;
}

export function pathToUri(path: string): string {
  return path.includes(':') && !path.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(path) ? path : URI.file(path).toString();
}

/** Finding → LSP diagnostic. `linesOf` gives the line index of any file a related location names. */
export function toDiagnostic(finding: Finding, lines: LineIndex, linesOf: (file: string) => LineIndex | undefined): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(lines, finding.range),
    severity: severities[finding.severity],
    code: finding.code,
    source: finding.source,
    message: finding.message,
  };
  const tags = tagsOf(finding.code).map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
  if (tags.length > 0) diagnostic.tags = tags;
  if (finding.related && finding.related.length > 0) {
    const related = [];
    for (const r of finding.related) {
      const li = linesOf(r.file);
      if (li) related.push({ location: { uri: pathToUri(r.file), range: toRange(li, r.range) }, message: r.message });
    }
    if (related.length > 0) diagnostic.relatedInformation = related;
  }
  return diagnostic;
}
