/**
 * Conformance with Alloy's own parser: compares our syntax diagnostics with the
 * ground truth recorded from the Go parser in `_expected.json` files.
 *
 *   npm run conformance -- ../shared/corpus/alloy-upstream ../shared/corpus/alloy-docs
 *
 * Prints, per folder, the agreement figures and every disagreement.
 * Exits 1 when a target is missed (all valid files clean, every invalid file
 * flagged, ≥ 98% first errors identical).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from '../server/src/syntax/parser';
import { txtarSections } from './txtar';

interface ExpectedError {
  line: number;
  col: number;
  message: string;
}

interface ExpectedEntry {
  path?: string;
  file?: string;
  valid_file: boolean;
  errors: ExpectedError[];
}

function readEntryText(dir: string, entryPath: string): string | undefined {
  const hash = entryPath.indexOf('#');
  if (hash === -1) {
    const full = join(dir, entryPath);
    return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  }
  const archive = join(dir, entryPath.slice(0, hash));
  if (!existsSync(archive)) return undefined;
  return txtarSections(readFileSync(archive, 'utf8')).get(entryPath.slice(hash + 1));
}

function run(dir: string): boolean {
  const expectedPath = join(dir, '_expected.json');
  if (!existsSync(expectedPath)) {
    console.error(`${dir}: no _expected.json`);
    return false;
  }
  const entries = JSON.parse(readFileSync(expectedPath, 'utf8')) as ExpectedEntry[];
  let valid = 0;
  let validClean = 0;
  let invalid = 0;
  let invalidFlagged = 0;
  let firstMatch = 0;
  let allMatch = 0;
  let missing = 0;
  const disagreements: string[] = [];

  for (const entry of entries) {
    const path = entry.path ?? entry.file ?? '?';
    const text = readEntryText(dir, path);
    if (text === undefined) {
      missing++;
      continue;
    }
    const result = parse(text);
    const ours = result.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => ({ ...result.lineIndex.alloyPosition(d.start), message: d.message }));
    if (entry.valid_file) {
      valid++;
      if (ours.length === 0) validClean++;
      else disagreements.push(`${path}: valid, but we report ${ours[0]?.line}:${ours[0]?.column}: ${ours[0]?.message}`);
      continue;
    }
    invalid++;
    if (ours.length > 0) invalidFlagged++;
    const want = entry.errors[0];
    const got = ours[0];
    const render = (e: { line: number; message: string }, col: number) => `${e.line}:${col}: ${e.message}`;
    if (JSON.stringify(entry.errors.map((e) => render(e, e.col))) === JSON.stringify(ours.map((e) => render(e, e.column)))) allMatch++;
    if (want && got && want.line === got.line && want.col === got.column && want.message === got.message) {
      firstMatch++;
    } else {
      const w = want ? `${want.line}:${want.col}: ${want.message}` : '(none)';
      const g = got ? `${got.line}:${got.column}: ${got.message}` : '(none)';
      disagreements.push(`${path}: first error\n    alloy: ${w}\n    ours:  ${g}`);
    }
  }

  const pct = (n: number, d: number) => (d === 0 ? '100.0' : ((100 * n) / d).toFixed(1));
  console.log(`\n== ${dir}`);
  for (const line of disagreements) console.log(`  ${line}`);
  console.log(`  valid files with no syntax diagnostics:  ${validClean}/${valid} (${pct(validClean, valid)}%)`);
  console.log(`  invalid files we also flag:              ${invalidFlagged}/${invalid} (${pct(invalidFlagged, invalid)}%)`);
  console.log(`  invalid files, same first error:         ${firstMatch}/${invalid} (${pct(firstMatch, invalid)}%)`);
  console.log(`  invalid files, all errors identical:     ${allMatch}/${invalid} (${pct(allMatch, invalid)}%)`);
  if (missing > 0) console.log(`  entries whose file is missing:           ${missing}`);
  return validClean === valid && invalidFlagged === invalid && (invalid === 0 || firstMatch / invalid >= 0.98);
}

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error('usage: npm run conformance -- DIR…   (folders holding an _expected.json)');
  process.exit(2);
}
let ok = true;
for (const dir of dirs) ok = run(resolve(dir)) && ok;
process.exit(ok ? 0 : 1);
