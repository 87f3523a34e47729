/**
 * Conformance with `alloy validate`: runs every validator test archive of Alloy's
 * repository as Alloy's own test does (the `.alloy` sections of one archive form one
 * directory configuration; `default/` at stability level `experimental`, `ga/` at
 * `generally-available`) and compares our diagnostics with the `.diags` beside it:
 * same file, line, byte column, severity and message.
 *
 *   npm run conformance:validate -- ../shared/corpus/alloy-upstream
 *
 * Prints the figures and every disagreement: expected diagnostics we miss, and
 * diagnostics we report that Alloy does not (self-monitoring and compose findings
 * aside: Alloy has no such checks). Exits 1 unless both lists are empty.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeConfiguration, parseFile } from '../server/src/languageService';
import { resolveSettings } from '../server/src/settings';
import { txtarSections } from './txtar';

interface Diag {
  file: string;
  line: number;
  col: number;
  severity: 'Error' | 'Warning';
  message: string;
}

const key = (d: Diag): string => `${d.severity}: ${d.file}:${d.line}:${d.col}: ${d.message}`;

/** The diagnostics of a `.diags` file: one `Error: file:line:col: message` header each. */
function readDiags(text: string): Diag[] {
  const out: Diag[] = [];
  for (const m of text.matchAll(/^(Error|Warning): ([^:\n]+):(\d+):(\d+): (.*)$/gm)) {
    out.push({ severity: m[1] as Diag['severity'], file: m[2] as string, line: Number(m[3]), col: Number(m[4]), message: m[5] as string });
  }
  return out;
}

/** Our diagnostics for one archive, in the same shape. */
function ours(archive: string, stabilityLevel: string): Diag[] {
  const root = '/validator';
  const files = [...txtarSections(readFileSync(archive, 'utf8'))]
    .filter(([name]) => name.endsWith('.alloy'))
    .map(([name, text]) => parseFile(`${root}/${name}`, text));
  const { settings } = resolveSettings({ stabilityLevel });
  // `alloy validate` loads the archive as the root configuration.
  const { findings } = analyzeConfiguration(files, settings, undefined, { role: 'root' });
  const out: Diag[] = [];
  for (const f of findings) {
    if (f.severity !== 'error' && f.severity !== 'warning') continue;
    if (/^(selfmon|env)\//.test(f.code)) continue;
    const file = files.find((x) => x.path === f.file);
    if (!file) continue;
    const at = file.parse.lineIndex.alloyPosition(f.range.start);
    out.push({ file: f.file.slice(root.length + 1), line: at.line, col: at.column, severity: f.severity === 'error' ? 'Error' : 'Warning', message: f.message });
  }
  return out;
}

function main(): void {
  const corpus = resolve(process.argv[2] ?? '../shared/corpus/alloy-upstream');
  const base = join(corpus, 'internal/validator/testdata');
  if (!existsSync(base)) {
    console.error(`no internal/validator/testdata under ${corpus}`);
    process.exit(2);
  }
  let expectedTotal = 0;
  let matched = 0;
  let extraTotal = 0;
  const lines: string[] = [];
  for (const [dir, level] of [['default', 'experimental'], ['ga', 'generally-available']] as const) {
    for (const name of readdirSync(join(base, dir)).filter((n) => n.endsWith('.txtar')).sort()) {
      const archive = join(base, dir, name);
      const diagsPath = archive.replace(/\.txtar$/, '.diags');
      const expected = existsSync(diagsPath) ? readDiags(readFileSync(diagsPath, 'utf8')) : [];
      const got = ours(archive, level);
      const gotKeys = new Set(got.map(key));
      const expectedKeys = new Set(expected.map(key));
      const hits = expected.filter((d) => gotKeys.has(key(d))).length;
      const missed = expected.filter((d) => !gotKeys.has(key(d)));
      const extra = got.filter((d) => !expectedKeys.has(key(d)));
      expectedTotal += expected.length;
      matched += hits;
      extraTotal += extra.length;
      lines.push(`${dir}/${name}: ${hits} of ${expected.length}${extra.length > 0 ? `, ${extra.length} extra` : ''}`);
      for (const d of missed) lines.push(`  missing  ${key(d)}`);
      for (const d of extra) lines.push(`  extra    ${key(d)}`);
    }
  }
  console.log(lines.join('\n'));
  console.log(`\nalloy validate conformance: ${matched} of ${expectedTotal} expected diagnostics reported identically; ${extraTotal} reported that Alloy does not.`);
  process.exit(matched === expectedTotal && extraTotal === 0 ? 0 : 1);
}

main();
