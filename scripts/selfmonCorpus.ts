/**
 * Self-monitoring checks and fixes over a corpus of real configurations.
 *
 *   npx tsx scripts/selfmonCorpus.ts ../shared/corpus/real-world
 *
 * Configurations are found as `alloy-selfmon check --workspace` finds them over
 * each repository folder (see `corpusConfigurations.ts`). For each, prints the
 * files and why they form one configuration, its findings, then applies `fixAll` in memory
 * and reports: files whose fixed text has syntax errors, auto-fixable findings
 * still present after fixing, and files a second `fixAll` run still changes.
 * Ends with a count per code and, last, the configurations, the findings by
 * severity and the error findings on files Alloy accepts. Exits 1 when one of
 * the fix targets (all 0) is missed.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { checkConfiguration, fixAll, isAutoFixable, parseFile, type TextFile } from '../server/src/languageService';
import { defaultSettings } from '../server/src/settings';
import type { Finding } from '../server/src/syntax/diagnostic';
import { LineIndex } from '../server/src/syntax/lineIndex';
import { configurationRole, type ConfigurationRole } from '../server/src/checks/rootBlocks';
import { configurationHeading, corpusConfigurations, FindingTally } from './corpusConfigurations';

function where(root: string, texts: ReadonlyMap<string, string>, f: { file: string; range: { start: number } }): string {
  const text = texts.get(f.file) ?? '';
  const line = new LineIndex(text).lineOf(f.range.start) + 1;
  return `${relative(root, f.file)}:${line}`;
}

/** `role` as the CLI gives it: `root` for what Alloy runs (a compose service, a setting). */
function check(files: readonly TextFile[], role: ConfigurationRole): Finding[] {
  return checkConfiguration(
    files.map((f) => parseFile(f.path, f.text)),
    defaultSettings,
    undefined,
    { role },
  );
}

function main(): number {
  const arg = process.argv[2];
  if (!arg) {
    process.stderr.write('usage: tsx scripts/selfmonCorpus.ts DIR\n');
    return 2;
  }
  const root = resolve(arg);
  const configs = corpusConfigurations([root]);
  const tally = new FindingTally();
  const perCode = new Map<string, number>();
  const perCodeAfter = new Map<string, number>();
  const brokenFiles: string[] = [];
  const remaining: string[] = [];
  const unstable: string[] = [];
  const newErrors: string[] = [];
  let fileCount = 0;
  let changedFiles = 0;
  let configsWithFindings = 0;

  for (const config of configs) {
    const paths = config.files;
    const files: TextFile[] = paths.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    fileCount += files.length;
    const texts = new Map(files.map((f) => [f.path, f.text]));
    const role = configurationRole(config.reason);
    const findings = check(files, role);
    tally.add(findings);
    console.log(`\n${configurationHeading(config, root)}`);
    if (findings.length > 0) configsWithFindings++;
    for (const f of findings) {
      perCode.set(f.code, (perCode.get(f.code) ?? 0) + 1);
      console.log(`  ${f.code} ${where(root, texts, f)} ${f.message}`);
    }

    const changed = fixAll(files, defaultSettings);
    if (changed.size === 0) continue;
    changedFiles += changed.size;
    const fixed: TextFile[] = files.map((f) => ({ path: f.path, text: changed.get(f.path) ?? f.text }));
    const fixedTexts = new Map(fixed.map((f) => [f.path, f.text]));
    const syntaxBefore = new Set(findings.filter((f) => f.code === 'syntax').map((f) => f.file));
    const errorsBefore = new Map<string, number>();
    // Positions in messages ("already declared at a.alloy:3:1") move when a fix inserts lines.
    const errorKey = (f: Finding) => `${f.code}@${f.file}@${f.message.replace(/:\d+:\d+/g, '')}`;
    for (const f of findings) if (f.severity === 'error') errorsBefore.set(errorKey(f), (errorsBefore.get(errorKey(f)) ?? 0) + 1);
    const after = check(fixed, role);
    for (const f of after) {
      if (f.severity === 'error' && f.code !== 'syntax' && !isAutoFixable(f.code)) {
        const left = errorsBefore.get(errorKey(f)) ?? 0;
        if (left > 0) errorsBefore.set(errorKey(f), left - 1);
        else {
          newErrors.push(`${f.code} ${where(root, fixedTexts, f)}`);
          console.log(`  !! fixing introduced an error: ${f.code} ${where(root, fixedTexts, f)} ${f.message}`);
        }
      }
      if (f.code === 'syntax' && changed.has(f.file) && !syntaxBefore.has(f.file) && !brokenFiles.includes(f.file)) {
        brokenFiles.push(f.file);
        console.log(`  !! fixed text has a syntax error: ${where(root, fixedTexts, f)} ${f.message}`);
      }
      if (isAutoFixable(f.code) && f.fixes && f.fixes.length > 0) {
        perCodeAfter.set(f.code, (perCodeAfter.get(f.code) ?? 0) + 1);
        remaining.push(`${f.code} ${where(root, fixedTexts, f)}`);
        console.log(`  !! still present after fixing: ${f.code} ${where(root, fixedTexts, f)} ${f.message}`);
      }
    }
    const again = fixAll(fixed, defaultSettings);
    for (const path of again.keys()) {
      unstable.push(relative(root, path));
      console.log(`  !! a second fixAll changes ${relative(root, path)}`);
    }
    console.log(`  fixed: ${[...changed.keys()].map((p) => relative(root, p)).join(', ')}`);
  }

  console.log('\n== summary');
  console.log(`files checked: ${fileCount}, configurations with findings: ${configsWithFindings}`);
  const codes = [...perCode].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [code, n] of codes) console.log(`  ${code.padEnd(32)} ${String(n).padStart(5)}${isAutoFixable(code) ? '  (auto-fixable)' : ''}`);
  console.log(`files changed by fixAll: ${changedFiles}`);
  console.log(`files whose fixed text has syntax errors: ${brokenFiles.length} (target 0)`);
  console.log(`auto-fixable findings still present after fixing: ${remaining.length} (target 0)`);
  for (const [code, n] of perCodeAfter) console.log(`  ${code} ${n}`);
  console.log(`files changed by a second fixAll: ${unstable.length} (target 0)`);
  console.log(`other errors introduced by fixing (duplicate blocks, undefined references, …): ${newErrors.length} (target 0)`);
  for (const line of tally.summary(configs, root)) console.log(line);
  return brokenFiles.length === 0 && remaining.length === 0 && unstable.length === 0 && newErrors.length === 0 ? 0 : 1;
}

process.exitCode = main();
