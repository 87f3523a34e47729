/**
 * Renders findings for the CLI: text for people, JSON for tools (a stable
 * contract), SARIF 2.1.0 for code-scanning uploads. Pure functions.
 */
import { CODES, severityText } from '../codes';
import type { Finding, Severity } from '../syntax/diagnostic';
import type { LineIndex } from '../syntax/lineIndex';
import { unionFindings } from '../workspace/configurationFindings';
import type { ConfigurationReason } from '../workspace/configurations';

export interface ReportedFile {
  /** The path as shown to the user (relative to the working directory when inside it). */
  displayPath: string;
  path: string;
  lines: LineIndex;
  findings: Finding[];
}

export interface ReportedConfig {
  files: string[];
  /** Why these files form one configuration. */
  reason: ConfigurationReason | null;
  /** The first compose environment report (null when none applies). */
  env: unknown;
  /** Every compose project's report (a test or example compose file is its own project). */
  envReports: unknown[];
  /** How Alloy's own metrics, logs and traces leave, in sentences. */
  explanation: string[];
}

export interface Report {
  files: ReportedFile[];
  configs: ReportedConfig[];
}

/** Adds a file to the report; a file already there gets the union of both findings. */
export function addReportedFile(report: Report, file: ReportedFile): void {
  const existing = report.files.find((r) => r.path === file.path);
  if (existing) existing.findings = unionFindings([existing.findings, file.findings]);
  else report.files.push(file);
}

interface JsonDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  source: string;
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start - b.range.start || a.range.end - b.range.end;
}

export function renderText(report: Report): string {
  const out: string[] = [];
  for (const file of report.files) {
    for (const f of [...file.findings].sort(byPosition)) {
      const p = file.lines.positionAt(f.range.start);
      out.push(`${file.displayPath}:${p.line + 1}:${p.character + 1}: ${f.severity} ${f.code}: ${f.message}`);
    }
  }
  return out.length > 0 ? out.join('\n') + '\n' : '';
}

export function renderJson(report: Report): string {
  const json = {
    version: 1,
    files: report.files.map((file) => ({
      path: file.displayPath,
      diagnostics: [...file.findings].sort(byPosition).map(
        (f): JsonDiagnostic => ({
          code: f.code,
          severity: f.severity,
          message: f.message,
          range: { start: file.lines.positionAt(f.range.start), end: file.lines.positionAt(f.range.end) },
          source: f.source,
        }),
      ),
    })),
    configs: report.configs,
  };
  return JSON.stringify(json, null, 2) + '\n';
}

const sarifLevels: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  defaultConfiguration?: { level: string };
}

/** One SARIF rule per registered code, in the registry's order, so a rule's index never depends on the findings. */
export function sarifRules(): SarifRule[] {
  return CODES.map((c) => ({
    id: c.code,
    shortDescription: { text: c.description },
    // Where the level depends on context, say when; settings may still override it.
    ...(c.alternate ? { fullDescription: { text: `${c.description} Severity: ${severityText(c)}.` } } : {}),
    defaultConfiguration: { level: sarifLevels[c.defaultSeverity] },
  }));
}

export function renderSarif(report: Report, toolVersion: string): string {
  const rules = sarifRules();
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = [];
  for (const file of report.files) {
    for (const f of [...file.findings].sort(byPosition)) {
      let index = ruleIndex.get(f.code);
      if (index === undefined) {
        // Never expected (every code is registered), but a result must name a rule.
        index = rules.push({ id: f.code, shortDescription: { text: f.code } }) - 1;
        ruleIndex.set(f.code, index);
      }
      const start = file.lines.positionAt(f.range.start);
      const end = file.lines.positionAt(f.range.end);
      results.push({
        ruleId: f.code,
        ruleIndex: index,
        level: sarifLevels[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: file.displayPath.split('\\').join('/') },
              region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
            },
          },
        ],
      });
    }
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'alloy-selfmon', version: toolVersion, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
