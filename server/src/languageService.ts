/**
 * The language service: the one entry point the language server, the CLI and
 * the client's commands call, so that they report identical findings.
 */
import type { Finding } from './syntax/diagnostic';
import { parse, type ParseResult } from './syntax/parser';
import type { Settings } from './settings';
import { validateConfiguration } from './semantic/validate';

/** A parsed `.alloy` file. `path` is an absolute file path (or a URI-like key for unsaved buffers). */
export interface ParsedFile {
  path: string;
  parse: ParseResult;
}

export function parseFile(path: string, text: string): ParsedFile {
  return { path, parse: parse(text) };
}

/** Syntax diagnostics of one file, as findings with the code `syntax`. */
export function getSyntaxFindings(file: ParsedFile): Finding[] {
  return file.parse.diagnostics.map((d) => ({
    file: file.path,
    range: { start: d.start, end: d.end },
    code: 'syntax',
    severity: d.severity,
    message: d.message,
    source: 'alloy',
  }));
}

/**
 * Every finding for one configuration (all `.alloy` files of a directory, or
 * one file): syntax, then what Alloy rejects after parsing.
 */
export function checkConfiguration(files: readonly ParsedFile[], settings: Settings): Finding[] {
  const findings: Finding[] = [];
  for (const file of files) findings.push(...getSyntaxFindings(file));
  findings.push(...validateConfiguration(files));
  return applySeverities(findings, settings);
}

/** Applies the per-code severity settings; `off` drops the finding. */
export function applySeverities(findings: Finding[], settings: Settings): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const level = settings.severity[f.code];
    if (level === 'off') continue;
    out.push(level ? { ...f, severity: level } : f);
  }
  return out;
}
