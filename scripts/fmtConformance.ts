/**
 * Conformance of our formatter with `alloy fmt`.
 *
 *   npx tsx scripts/fmtConformance.ts ../shared/corpus
 *
 * 1. Every file under `<corpus>/alloy-fmt-expected/` holds the exact `alloy fmt`
 *    output for the file at the same relative path under `<corpus>/`; each
 *    source is formatted and compared byte for byte.
 *    Each is also formatted by units (`formatUnits.ts`), the way the editor
 *    formats after an edit: every unit from its own slice, and every unit
 *    copied from the cache a first format leaves; both must give the same bytes.
 * 2. The upstream printer tests `alloy-upstream/syntax/printer/testdata/*.in`
 *    are compared with their `.expect` (trailing whitespace trimmed, as the
 *    upstream test does); an `.in` with an `.error` file must be refused.
 *
 * Prints agreement per folder and the first differing lines of every
 * disagreement. Exits 1 unless everything agrees.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse } from '../server/src/syntax/parser';
import { format } from '../server/src/syntax/printer';
import { formatByUnits } from '../server/src/syntax/formatUnits';

function walkFiles(dir: string): string[] {
  const files: string[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const d = pending.pop() as string;
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) pending.push(full);
      else files.push(full);
    }
  }
  return files.sort();
}

const show = (s: string): string => JSON.stringify(s);

/** The first differing lines of two texts, a few lines of each. */
function firstDifference(actual: string, expected: string): string {
  const a = actual.split('\n');
  const e = expected.split('\n');
  let i = 0;
  while (i < a.length && i < e.length && a[i] === e[i]) i++;
  const lines = [`    first difference at line ${i + 1}:`];
  for (let k = i; k < i + 3; k++) {
    if (k < e.length) lines.push(`      expected ${show(e[k] as string)}`);
    if (k < a.length) lines.push(`      actual   ${show(a[k] as string)}`);
  }
  return lines.join('\n');
}

interface Tally {
  identical: number;
  total: number;
}

function main(): number {
  const corpus = resolve(process.argv[2] ?? '../shared/corpus');
  const expectedRoot = join(corpus, 'alloy-fmt-expected');
  if (!existsSync(expectedRoot)) {
    console.error(`no alloy-fmt-expected folder under ${corpus}`);
    return 1;
  }

  const perFolder = new Map<string, Tally>();
  const failures: string[] = [];
  let identical = 0;
  let total = 0;
  let byUnits = 0;
  let multiUnit = 0;

  for (const expectedFile of walkFiles(expectedRoot)) {
    const rel = relative(expectedRoot, expectedFile);
    const sourceFile = join(corpus, rel);
    const folder = dirname(rel);
    const tally = perFolder.get(folder) ?? { identical: 0, total: 0 };
    perFolder.set(folder, tally);
    tally.total++;
    total++;
    if (!existsSync(sourceFile)) {
      failures.push(`  ${rel}: source file missing`);
      continue;
    }
    const expected = readFileSync(expectedFile, 'utf8');
    const result = parse(readFileSync(sourceFile, 'utf8'));
    const actual = format(result);
    // By units: each formatted from its slice, and each copied from a first format's cache.
    const slices = formatByUnits(result, undefined, { strategy: 'slices' });
    const copied = formatByUnits(result, formatByUnits(result, undefined, { strategy: 'whole' }).cache);
    if (slices.units > 1) multiUnit++;
    if (slices.text === expected && copied.text === expected && copied.formatted === 0) byUnits++;
    else failures.push(`  ${rel}: formatted by units, ${slices.text === expected ? 'copied from a first format' : 'each from its slice'}, differs`);
    if (actual === undefined) {
      failures.push(`  ${rel}: refused (syntax errors)`);
    } else if (actual !== expected) {
      failures.push(`  ${rel}:\n${firstDifference(actual, expected)}`);
    } else {
      tally.identical++;
      identical++;
    }
  }

  console.log('alloy fmt expected outputs, per folder (identical / total):');
  for (const [folder, t] of [...perFolder].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${t.identical === t.total ? ' ' : '!'} ${t.identical} / ${t.total}  ${folder}`);
  }
  console.log(`  total: ${identical} / ${total}`);
  console.log(`formatted by units (each from its slice, and each copied): ${byUnits} / ${total} (${multiUnit} with more than one unit)`);

  // Upstream printer tests.
  const testdata = join(corpus, 'alloy-upstream/syntax/printer/testdata');
  let pairsOk = 0;
  let pairs = 0;
  if (existsSync(testdata)) {
    for (const name of readdirSync(testdata).filter((n) => n.endsWith('.in')).sort()) {
      pairs++;
      const base = join(testdata, name.slice(0, -3));
      const result = parse(readFileSync(join(testdata, name), 'utf8'));
      const actual = format(result);
      if (existsSync(base + '.error')) {
        const wanted = readFileSync(base + '.error', 'utf8').replace(/\r\n/g, '\n').trim();
        const messages = result.diagnostics.map((d) => d.message);
        if (actual === undefined && messages.some((m) => m.includes(wanted))) pairsOk++;
        else failures.push(`  printer/${name}: should be refused with ${show(wanted)}; diagnostics ${show(messages.join('; '))}`);
        continue;
      }
      const expected = readFileSync(base + '.expect', 'utf8').replace(/\s+$/u, '');
      if (actual === undefined) failures.push(`  printer/${name}: refused (syntax errors)`);
      else if (actual.slice(0, -1) !== expected) failures.push(`  printer/${name}:\n${firstDifference(actual.slice(0, -1), expected)}`);
      else pairsOk++;
    }
  }
  console.log(`printer .in/.expect pairs: ${pairsOk} / ${pairs}`);

  if (failures.length > 0) {
    console.log(`\ndisagreements (${failures.length}):`);
    for (const f of failures) console.log(f);
  }
  return identical === total && byUnits === total && pairsOk === pairs ? 0 : 1;
}

process.exitCode = main();
