/**
 * Collects the findings of one configuration within fixed limits. A file with
 * 130,000 mistakes is one mistake repeated: nobody reads past the first
 * thousand, and carrying the rest through severities, line endings and the
 * adapters costs minutes. The budget is applied while collecting, and a limit
 * reached becomes one finding that names the limit.
 */
import type { Finding } from './syntax/diagnostic';
import type { Settings } from './settings';
import { copyFinding } from './fixes/lazyFixes';
import { MAX_FINDINGS_PER_CONFIGURATION, MAX_FINDINGS_PER_FILE } from './semantic/limits';
import { severityOf, type Code } from './codes';

/** The code of the finding that says a limit was reached. */
const TOO_MANY_PROBLEMS: Code = 'too-many-problems';

/** The findings of one configuration, with severities applied and the limits kept as they are added. */
export class FindingBudget {
  private readonly kept: Finding[] = [];
  private readonly perFile = new Map<string, number>();
  /** The first finding dropped in each file, where the notice goes. */
  private readonly firstDropped = new Map<string, Finding>();
  private configurationDropped: Finding | undefined;

  constructor(
    private readonly settings: Settings,
    private readonly maxPerFile = MAX_FINDINGS_PER_FILE,
    private readonly maxPerConfiguration = MAX_FINDINGS_PER_CONFIGURATION,
  ) {}

  /** Whether another finding in `file` would still be kept (producers may stop early when not). */
  accepts(file: string): boolean {
    return this.kept.length < this.maxPerConfiguration && (this.perFile.get(file) ?? 0) < this.maxPerFile;
  }

  /** Adds one finding, with its configured severity; `off` findings cost nothing. */
  add(finding: Finding): void {
    const level = this.settings.severity[finding.code];
    if (level === 'off') return;
    // A copy that keeps the fixes unbuilt: a spread would build them on every analysis.
    const f = level ? copyFinding(finding, { severity: level }) : finding;
    if ((this.perFile.get(f.file) ?? 0) >= this.maxPerFile) {
      if (!this.firstDropped.has(f.file)) this.firstDropped.set(f.file, f);
      return;
    }
    if (this.kept.length >= this.maxPerConfiguration) {
      this.configurationDropped ??= f;
      return;
    }
    this.perFile.set(f.file, (this.perFile.get(f.file) ?? 0) + 1);
    this.kept.push(f);
  }

  /** Adds each finding in turn (a loop: spreading 130,000 arguments overflows the stack). */
  addAll(findings: Iterable<Finding>): void {
    for (const f of findings) this.add(f);
  }

  /** The findings kept, then one notice per limit reached. */
  results(): Finding[] {
    const out = this.kept.slice();
    const level = this.settings.severity[TOO_MANY_PROBLEMS];
    if (level === 'off') return out;
    const notice = (at: Finding, message: string): Finding => ({
      file: at.file,
      range: { start: at.range.start, end: at.range.start },
      code: TOO_MANY_PROBLEMS,
      severity: level ?? severityOf(TOO_MANY_PROBLEMS),
      message,
      source: 'alloy-selfmon',
    });
    for (const at of this.firstDropped.values()) {
      out.push(notice(at, `This file has more than ${count(this.maxPerFile)} problems; only the first ${count(this.maxPerFile)} are reported (limit: ${count(this.maxPerFile)} findings per file).`));
    }
    if (this.configurationDropped) {
      const n = count(this.maxPerConfiguration);
      out.push(notice(this.configurationDropped, `This configuration has more than ${n} problems; only the first ${n} are reported (limit: ${n} findings per configuration).`));
    }
    return out;
  }
}

/** A limit with thousands separators, as `toLocaleString('en')` writes it (without loading a locale per analysis). */
const count = (n: number): string => String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
