/**
 * The configurations of a corpus, found as `alloy-selfmon check --workspace`
 * finds them over each repository folder, and the summary lines both corpus
 * scripts end with (CI reads them with `tail`).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { composeFileRole } from '../server/src/compose/discovery';
import { nodeFileSystem } from '../server/src/compose/nodeFileSystem';
import type { Finding, Severity } from '../server/src/syntax/diagnostic';
import { unionFindings } from '../server/src/workspace/configurationFindings';
import { discoverConfigurations, type Configuration } from '../server/src/workspace/configurations';

export interface CorpusConfiguration extends Configuration {
  /** The repository folder it was found in (the workspace root). */
  root: string;
}

/**
 * The workspace roots of a corpus argument: the folder itself when it holds
 * `.alloy` or compose files directly, else each folder in it (one repository each).
 */
export function workspaceRoots(arg: string): string[] {
  const dir = resolve(arg);
  const names = readdirSync(dir).sort();
  if (names.some((n) => n.endsWith('.alloy') || composeFileRole(n) !== null)) return [dir];
  return names.filter((n) => !n.startsWith('.') && statSync(join(dir, n)).isDirectory()).map((n) => join(dir, n));
}

/** Every configuration of every root, with unreadable files reported on stderr. Host environment empty: the run does not depend on the machine. */
export function corpusConfigurations(args: readonly string[]): CorpusConfiguration[] {
  const out: CorpusConfiguration[] = [];
  for (const root of args.flatMap(workspaceRoots)) {
    const found = discoverConfigurations({ root, fs: nodeFileSystem, hostEnv: {} });
    for (const s of found.skipped) process.stderr.write(`skipped ${s.path}: ${s.reason}\n`);
    if (found.truncated) process.stderr.write(`${root}: the walk stopped at its limits\n`);
    out.push(...found.configurations.map((c) => ({ ...c, root })));
  }
  return out;
}

/** `== files [kind] detail`, paths relative to `base`. */
export function configurationHeading(c: CorpusConfiguration, base: string): string {
  return `== ${c.files.map((f) => relative(base, f)).join(' + ')} [${c.reason.kind}] ${c.reason.detail}`;
}

/**
 * Alloy's parser fixtures (`syntax/parser/testdata/`) parse but are not
 * configurations: blocks without labels, attributes at the top. Counted apart.
 */
function isParserFixture(file: string): boolean {
  return file.split('\\').join('/').includes('/syntax/parser/testdata/');
}

/**
 * Tallies findings across configurations: a file checked in several
 * configurations counts each of its findings once.
 */
export class FindingTally {
  private readonly byFile = new Map<string, Finding[]>();

  add(findings: readonly Finding[]): void {
    for (const f of findings) this.byFile.set(f.file, unionFindings([this.byFile.get(f.file) ?? [], [f]]));
  }

  /** The last lines of a corpus run: configurations, findings by severity, errors on files Alloy accepts. */
  summary(configurations: readonly CorpusConfiguration[], base: string): string[] {
    const kinds = new Map<string, number>();
    for (const c of configurations) kinds.set(c.reason.kind, (kinds.get(c.reason.kind) ?? 0) + 1);
    const severities: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
    const accepted: Finding[] = [];
    let inFixtures = 0;
    for (const findings of this.byFile.values()) {
      // Alloy accepts a file its parser accepts; `syntax` findings say it does not.
      const parses = !findings.some((f) => f.code === 'syntax' && f.severity === 'error');
      for (const f of findings) {
        severities[f.severity]++;
        if (!parses || f.severity !== 'error') continue;
        if (isParserFixture(f.file)) inFixtures++;
        else accepted.push(f);
      }
    }
    const perCode = new Map<string, number>();
    for (const f of accepted) perCode.set(f.code, (perCode.get(f.code) ?? 0) + 1);
    const files = new Set(configurations.flatMap((c) => c.files)).size;
    return [
      ...accepted.map((f) => `  error on a file Alloy accepts: ${f.code} ${relative(base, f.file)}: ${f.message}`),
      `configurations: ${configurations.length} over ${files} files (${[...kinds].sort().map(([k, n]) => `${k} ${n}`).join(', ')})`,
      `findings: error ${severities.error}, warning ${severities.warning}, information ${severities.information}, hint ${severities.hint}`,
      `error findings on files Alloy accepts: ${accepted.length}${perCode.size > 0 ? ` (${[...perCode].sort().map(([c, n]) => `${c} ${n}`).join(', ')})` : ''}; in parser test fixtures: ${inFixtures}`,
    ];
  }
}
