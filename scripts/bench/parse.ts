/**
 * Part `parse`: in-process parse throughput on generated configurations of
 * about 1k, 10k and 100k lines, beside `JSON.parse` of the same statements and
 * values written as JSON, measured in the same run (warm-up, then the median
 * of several runs). Target: at most 3× JSON.parse with node's default flags;
 * Alloy's own Go parser takes about 3.8×. When the server is started with
 * heap flags, the same table again in a child process with those flags.
 */
import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { resolve } from 'node:path';
import { generateModel, jsonStmts, printAlloy } from '../benchData';
import type { parse as parseFn } from '../../server/src/syntax/parser';
import type { scan as scanFn } from '../../server/src/syntax/scanner';
import { serverNodeFlags } from './lspClient';
import { bytes, fmt, mbps, table, timeMedian, times } from './stats';
import { atMost, type TargetResult } from './summary';

/** Go parser time / JSON.parse time, the figure to compare our ratio with. */
const GO_RATIO = 3.8;
const TARGET_RATIO = 3;

/**
 * The scanner and parser bundled by esbuild, as they run in dist/. (Loaded
 * through tsx instead, every use of an imported binding such as `Tok.Ident`
 * goes through an export getter, which makes the parser about three times slower.)
 */
function loadBundledParser(): { parse: typeof parseFn; scan: typeof scanFn } {
  const root = resolve(__dirname, '../..');
  const result = buildSync({
    stdin: {
      contents: "export { parse } from './server/src/syntax/parser';\nexport { scan } from './server/src/syntax/scanner';\n",
      resolveDir: root,
      sourcefile: 'bench-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    write: false,
  });
  const code = result.outputFiles[0]?.text ?? '';
  const module = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', 'require', code)(module, module.exports, require);
  return { parse: module.exports.parse as typeof parseFn, scan: module.exports.scan as typeof scanFn };
}

/** Prints the throughput table for this process's flags; returns the parse / JSON.parse ratio per size. */
export function benchParser(flags: string): TargetResult[] {
  console.log(`Parse throughput, node ${flags} (generated configurations; median of several runs after warm-up)\n`);
  const { parse, scan } = loadBundledParser();
  const sizes: Array<[string, number, number]> = [
    ['~1k lines', 1_000, 61],
    ['~10k lines', 10_000, 31],
    ['~100k lines', 100_000, 15],
  ];
  const rows: string[][] = [];
  const results: TargetResult[] = [];
  for (const [name, lines, runs] of sizes) {
    const model = generateModel(lines, 42 + lines);
    const alloy = printAlloy(model);
    const json = JSON.stringify(jsonStmts(model), null, 2);
    const check = parse(alloy);
    if (check.diagnostics.length > 0) throw new Error(`generated configuration is invalid: ${check.diagnostics[0]?.message}`);
    const warm = Math.max(3, Math.ceil(runs / 3));
    const parseMs = timeMedian(() => parse(alloy), runs, warm);
    const scanMs = timeMedian(() => scan(alloy), runs, warm);
    const jsonMs = timeMedian(() => JSON.parse(json) as unknown, runs, warm);
    const ratio = parseMs / jsonMs;
    rows.push([
      name,
      alloy.split('\n').length.toLocaleString('en'),
      fmt(bytes(alloy) / 1024, 0),
      fmt(parseMs, 2),
      fmt(mbps(bytes(alloy), parseMs)),
      fmt(mbps(bytes(alloy), scanMs)),
      fmt(bytes(json) / 1024, 0),
      fmt(jsonMs, 2),
      fmt(mbps(bytes(json), jsonMs)),
      times(ratio),
      times(TARGET_RATIO),
      times(GO_RATIO),
    ]);
    results.push(atMost('parse', `in-process parse / JSON.parse at ${name}, default flags <= 3×`, ratio, TARGET_RATIO, `${times(ratio)} (${fmt(parseMs, 2)} vs ${fmt(jsonMs, 2)} ms)`));
  }
  table(['config', 'lines', 'Alloy KB', 'parse ms', 'parse MB/s', 'scan MB/s', 'JSON KB', 'JSON.parse ms', 'JSON MB/s', 'ours/JSON', 'target', 'Go/JSON'], rows);
  console.log('\nparse = scan + parse + line index, bundled by esbuild as in dist/; JSON holds the same statements and values');
  console.log('(comments have no JSON form), indented like the Alloy file.');
  console.log(`The ratio compares the time to read the same data; the target is ${TARGET_RATIO}×, Alloy's Go parser takes about ${GO_RATIO}× JSON.parse's time.\n`);
  return results;
}

/**
 * Runs the part: the table with default flags (as the CLI runs), then, if the
 * server is started with flags of its own, the same table in a child process
 * started with them (`bench.ts --parse-child`).
 */
export function benchParse(): TargetResult[] {
  const results = benchParser('with default flags (as the CLI runs)');
  const flags = serverNodeFlags();
  if (flags.length === 0) {
    console.log('The language server is started with no node flags of its own (SERVER_NODE_FLAGS is empty): no second run.\n');
  } else {
    const child = spawnSync(process.execPath, [...flags, '--import', 'tsx', resolve(__dirname, '../bench.ts'), '--parse-child'], { stdio: 'inherit' });
    if (child.status !== 0) console.log(`(the run with the server's flags failed: exit ${child.status})\n`);
  }
  results.push({
    part: 'parse',
    target: 'the server needs no special node flags',
    measured: flags.length === 0 ? 'none' : flags.join(' '),
    met: flags.length === 0,
  });
  return results;
}
