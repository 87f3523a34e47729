/**
 * Benchmark of the Alloy parser and of the language server's latency.
 *
 *   npm run bench          (builds, then runs `tsx scripts/bench.ts`)
 *
 * 1. Parse throughput on generated, realistic configurations of about 1k, 10k
 *    and 100k lines, beside `JSON.parse` of the same statements and values
 *    written as JSON, measured in the same run (warm-up, then the median of
 *    several runs). Alloy's own Go parser takes about 3.8× the time of
 *    JSON.parse on the same data: that is the target for the ratio.
 * 2. If `dist/server.js` exists: the server is spawned over stdio, a generated
 *    2,000-line file is opened, and the time from a one-character
 *    `textDocument/didChange` to the `textDocument/diagnostic` response is
 *    measured over 50 keystrokes (median, p95), and for full-document changes.
 * 3. Navigation: definition, references and rename latency in the core, on a
 *    generated 2,000-line configuration and a 3.4 MB one (median, p99).
 *
 * 3. If `dist/cli.js` exists: hostile inputs (a 10 MB line of errors, a 20 MB
 *    file, 130,000 errors, a 10,000-component chain, a 24-level include
 *    diamond) checked by the CLI, each in its own process, beside the ~3.4 MB
 *    reference configuration: wall time, CPU time and peak memory (the process's
 *    max RSS). Each should stay under 10 s and 500 MB. `tsx scripts/bench.ts
 *    --hostile-only` runs this part alone.
 *
 * Results go to stdout only. Nothing here is asserted: these are measurements.
 */
import { spawn, spawnSync } from 'node:child_process';
import { SERVER_NODE_FLAGS } from '../server/src/lsp/launch';
import { buildSync } from 'esbuild';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { generateModel, jsonStmts, printAlloy } from './benchData';
import type { parse as parseFn } from '../server/src/syntax/parser';
import type { scan as scanFn } from '../server/src/syntax/scanner';

/** Go parser time / JSON.parse time, the figure to compare our ratio with. */
const GO_RATIO = 3.8;

// ---------------------------------------------------------------------------
// Measurement helpers.

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
}

/** Median wall time of `fn` in ms, after warming up. */
function timeMedian(fn: () => unknown, runs: number, warmups: number): number {
  let sink = 0;
  for (let i = 0; i < warmups; i++) sink += fn() ? 1 : 0;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink += fn() ? 1 : 0;
    times.push(performance.now() - t0);
  }
  if (sink < 0) console.log(sink); // keep the results alive
  return median(times);
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const mbps = (size: number, ms: number) => size / 1e6 / (ms / 1000);
const pad = (s: string, n: number) => s.padStart(n);
const fmt = (x: number, digits = 1) => x.toFixed(digits);

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : pad(c, widths[i] as number))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

// ---------------------------------------------------------------------------
// Part 1: parse throughput.

/**
 * The scanner and parser bundled by esbuild, as they run in dist/. (Loaded
 * through tsx instead, every use of an imported binding such as `Tok.Ident`
 * goes through an export getter, which makes the parser about three times slower.)
 */
function loadBundledParser(): { parse: typeof parseFn; scan: typeof scanFn } {
  const root = resolve(__dirname, '..');
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

function benchParser(flags: string): void {
  console.log(`Parse throughput, node ${flags} (generated configurations; median of several runs after warm-up)\n`);
  const { parse, scan } = loadBundledParser();
  const sizes: Array<[string, number, number]> = [
    ['~1k lines', 1_000, 61],
    ['~10k lines', 10_000, 31],
    ['~100k lines', 100_000, 15],
  ];
  const rows: string[][] = [];
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
      `${fmt(parseMs / jsonMs, 2)}×`,
      `${fmt(GO_RATIO)}×`,
    ]);
  }
  table(['config', 'lines', 'Alloy KB', 'parse ms', 'parse MB/s', 'scan MB/s', 'JSON KB', 'JSON.parse ms', 'JSON MB/s', 'ours/JSON', 'Go/JSON (target)'], rows);
  console.log('\nparse = scan + parse + line index, bundled by esbuild as in dist/; JSON holds the same statements and values');
  console.log('(comments have no JSON form), indented like the Alloy file.');
  console.log(`The ratio compares the time to read the same data; Alloy's Go parser takes about ${GO_RATIO}× JSON.parse's time.\n`);
}

// ---------------------------------------------------------------------------
// Part 2: keystroke-to-diagnostics latency over LSP.

interface Position {
  line: number;
  character: number;
}

async function benchServer(): Promise<void> {
  const serverPath = resolve(__dirname, '../dist/server.js');
  console.log('LSP latency (dist/server.js over stdio, pull diagnostics)\n');
  if (!existsSync(serverPath)) {
    console.log(`skipped: ${serverPath} does not exist (the server bundle is built from server/src/lsp/main.ts by \`npm run build\`).`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'alloy-bench-'));
  const file = join(dir, 'config.alloy');
  const model = generateModel(2_000, 2_000);
  // A comment line in the middle of the file to type into.
  const half = model.length >> 1;
  const before = printAlloy(model.slice(0, half));
  let text = `${before}// typing here: \n${printAlloy(model.slice(half))}`;
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const typingLine = before.split('\n').length - 1;
  const typingStart: Position = { line: typingLine, character: '// typing here: '.length };

  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const connection: ProtocolConnection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('textDocument/publishDiagnostics', () => undefined);
  connection.listen();

  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  try {
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, diagnostics: { refreshSupport: false } },
        textDocument: { diagnostic: { dynamicRegistration: false }, synchronization: { dynamicRegistration: false } },
      },
    });
    await connection.sendNotification('initialized', {});

    let version = 1;
    let retries = 0;
    /** Pulls diagnostics, asking again when the server cancels because the document moved on. */
    const pull = async (): Promise<number> => {
      for (;;) {
        try {
          const report = (await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items?: unknown[] };
          return report.items?.length ?? 0;
        } catch (error) {
          if ((error as { code?: number }).code === -32802) {
            retries++;
            continue;
          }
          throw error;
        }
      }
    };

    let t0 = performance.now();
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'grafana-alloy', version, text } });
    const initialCount = await pull();
    const openMs = performance.now() - t0;

    const keystroke = async (i: number): Promise<number> => {
      const at: Position = { line: typingStart.line, character: typingStart.character + i };
      const ch = 'abcdefghijklmnopqrstuvwxyz'[i % 26] as string;
      const start = performance.now();
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: ++version },
        contentChanges: [{ range: { start: at, end: at }, text: ch }],
      });
      await pull();
      return performance.now() - start;
    };
    const warmups = 20;
    const keystrokes = 50;
    for (let i = 0; i < warmups; i++) await keystroke(i);
    const latencies: number[] = [];
    for (let i = 0; i < keystrokes; i++) latencies.push(await keystroke(warmups + i));

    const fullTimes: number[] = [];
    for (let i = 0; i < 15; i++) {
      text = text.replace('// typing here: ', `// typing here: ${i}`);
      t0 = performance.now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
      await pull();
      if (i >= 3) fullTimes.push(performance.now() - t0);
    }

    const lines = text.split('\n').length;
    table(
      ['measurement', 'runs', 'median ms', 'p95 ms'],
      [
        ['didOpen → first diagnostics', '1', fmt(openMs), '-'],
        ['keystroke (1 char, incremental) → diagnostics', String(latencies.length), fmt(median(latencies), 2), fmt(percentile(latencies, 95), 2)],
        ['full-document change → diagnostics', String(fullTimes.length), fmt(median(fullTimes), 2), fmt(percentile(fullTimes, 95), 2)],
      ],
    );
    console.log(`\nfile: ${lines.toLocaleString('en')} lines, ${fmt(bytes(text) / 1024, 0)} KB, ${initialCount} diagnostics on open; server-cancelled pulls retried: ${retries}.`);

    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 2000))]);
  } catch (error) {
    console.log(`LSP benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    if (stderr) console.log(`server stderr:\n${stderr.slice(-2000)}`);
  } finally {
    connection.dispose();
    if (child.exitCode === null) child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// Part 3: navigation latency (definition, references, rename) in the core.

/** The navigation core bundled by esbuild, as it runs in dist/ (see loadBundledParser for why). */
function loadBundledNavigation(): typeof import('./benchNavigationEntry') {
  const root = resolve(__dirname, '..');
  const result = buildSync({
    entryPoints: [join(root, 'scripts/benchNavigationEntry.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    write: false,
  });
  const module = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', 'require', result.outputFiles[0]?.text ?? '')(module, module.exports, require);
  return module.exports as unknown as typeof import('./benchNavigationEntry');
}

/**
 * Definition, references and rename at 200 positions on names (labels,
 * references, component names) of a generated configuration: each request as
 * the server answers it with the index cached (its files unchanged since the
 * last request), and the index build that the first request after an edit
 * pays once.
 */
function benchNavigation(): void {
  console.log('\nNavigation latency (core, bundled; 200 positions on names per measurement)\n');
  const nav = loadBundledNavigation();
  const small = printAlloy(generateModel(2_000, 7));
  // Grow the large one to about 3.4 MB.
  const perLine = bytes(small) / small.split('\n').length;
  const large = printAlloy(generateModel(Math.round(3.4e6 / perLine), 11));
  const rows: string[][] = [];
  for (const [name, text] of [['2,000 lines', small], [`${fmt(bytes(large) / 1e6)} MB`, large]] as const) {
    const file = { path: '/bench/config.alloy', parse: nav.parse(text) };
    const buildTimes: number[] = [];
    let index = nav.buildSymbolIndex(nav.buildProject([file]));
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      index = nav.buildSymbolIndex(nav.buildProject([file]));
      buildTimes.push(performance.now() - t0);
    }
    // Labels, references and name fragments: every place a person can ask from.
    const occurrences = index.byFile.get(file.path) ?? [];
    const step = Math.max(1, Math.floor(occurrences.length / 200));
    const offsets = occurrences.filter((_, i) => i % step === 0).slice(0, 200).map((o) => o.range.start + 1);
    const measure = (fn: (offset: number) => unknown): number[] => {
      for (const o of offsets.slice(0, 20)) fn(o); // warm-up
      return offsets.map((o) => {
        const t0 = performance.now();
        fn(o);
        return performance.now() - t0;
      });
    };
    const row = (what: string, xs: number[]) => [name, what, String(xs.length), fmt(median(xs), 3), fmt(percentile(xs, 99), 3)];
    rows.push(row('definition', measure((o) => nav.findDefinition(index, file, o))));
    rows.push(row('references', measure((o) => nav.findReferences(index, file, o))));
    rows.push(row('rename', measure((o) => nav.rename(index, file, o, 'renamed_label'))));
    rows.push(row('index build (after an edit)', buildTimes));
  }
  table(['config', 'measurement', 'runs', 'median ms', 'p99 ms'], rows);
  console.log('\nTarget: definition, references and rename each under 20 ms at p99 on the 2,000-line configuration.');
  console.log('A request after an edit pays one index build on top (the server keeps the index while the files are unchanged).');
}

// Part 4: hostile inputs, checked by the CLI in their own processes.

interface HostileCase {
  name: string;
  /** Files to write, by path relative to the case's directory. */
  files: Record<string, string>;
  /** CLI arguments after `check`, relative to the case's directory. */
  args: string[];
}

function hostileCases(): HostileCase[] {
  const reference = printAlloy(generateModel(100_000, 100_042));
  // 20 MB: the reference configuration six times, each copy with its own labels.
  let twenty = '';
  for (let k = 0; twenty.length < 20_000_000; k++) twenty += reference.replace(/^(\S+) "([^"]+)" \{$/gm, `$1 "$2_${k}" {`);
  let chain = 'tracing {\n\tsampling_fraction = 0.1\n\twrite_to = [otelcol.processor.batch.p0.input]\n}\n';
  for (let i = 0; i < 10_000; i++) {
    const next = i < 9_999 ? `otelcol.processor.batch.p${i + 1}.input` : 'otelcol.exporter.otlp.out.input';
    chain += `otelcol.processor.batch "p${i}" {\n\toutput {\n\t\ttraces = [${next}]\n\t}\n}\n`;
  }
  chain += 'otelcol.exporter.otlp "out" {\n\tclient {\n\t\tendpoint = "tempo:4317"\n\t}\n}\n';
  const diamond: Record<string, string> = {
    'config.alloy': 'logging {\n\tlevel = sys.env("LEVEL")\n}\n',
    'compose.yaml': 'include:\n  - l0a.yaml\nservices:\n  alloy:\n    image: grafana/alloy\n    volumes:\n      - ./config.alloy:/etc/alloy/config.alloy\n',
    'l24a.yaml': 'services:\n  a:\n    image: x\n',
    'l24b.yaml': 'services:\n  b:\n    image: x\n',
  };
  for (let i = 0; i < 24; i++) diamond[`l${i}a.yaml`] = diamond[`l${i}b.yaml`] = `include:\n  - l${i + 1}a.yaml\n  - l${i + 1}b.yaml\n`;
  return [
    { name: 'reference configuration (~100k lines)', files: { 'config.alloy': reference }, args: ['config.alloy'] },
    { name: '10 MB single line of errors', files: { 'config.alloy': 'a = ; '.repeat(10_000_000 / 6) }, args: ['config.alloy'] },
    { name: '20 MB file', files: { 'config.alloy': twenty }, args: ['config.alloy'] },
    { name: '130,000 errors', files: { 'config.alloy': ';\n'.repeat(130_000) }, args: ['config.alloy'] },
    { name: '10,000-component chain', files: { 'config.alloy': chain }, args: ['config.alloy'] },
    { name: 'include diamond, 24 levels', files: diamond, args: ['config.alloy', '--compose', 'compose.yaml'] },
  ];
}

function benchHostile(): void {
  const cliPath = resolve(__dirname, '../dist/cli.js');
  console.log('\nHostile inputs (dist/cli.js check --format json, one process each; target: under 10 s and 500 MB)\n');
  if (!existsSync(cliPath)) {
    console.log(`skipped: ${cliPath} does not exist (built by \`npm run build\`).`);
    return;
  }
  const root = mkdtempSync(join(tmpdir(), 'alloy-hostile-'));
  // Loaded before the CLI: reports the process's peak memory when it exits.
  const probe = join(root, 'peak.cjs');
  writeFileSync(
    probe,
    "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\npeak-rss-kb=' + u.maxRSS + ' cpu-us=' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });\n",
  );
  const rows: string[][] = [];
  try {
    for (const c of hostileCases()) {
      const dir = mkdtempSync(join(root, 'case-'));
      let size = 0;
      for (const [name, text] of Object.entries(c.files)) {
        writeFileSync(join(dir, name), text);
        size += bytes(text);
      }
      const t0 = performance.now();
      const run = spawnSync(process.execPath, ['--require', probe, cliPath, 'check', '--format', 'json', ...c.args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
      const ms = performance.now() - t0;
      const peak = /peak-rss-kb=(\d+)/.exec(run.stderr ?? '')?.[1];
      const cpu = /cpu-us=(\d+)/.exec(run.stderr ?? '')?.[1];
      let findings = '?';
      try {
        const report = JSON.parse(run.stdout) as { files?: { diagnostics?: unknown[] }[] };
        findings = (report.files ?? []).reduce((n, f) => n + (f.diagnostics?.length ?? 0), 0).toLocaleString('en');
      } catch {
        // Not JSON: the exit status says what happened.
      }
      rows.push([c.name, fmt(size / 1e6, 1), fmt(ms / 1000, 2), cpu ? fmt(Number(cpu) / 1e6, 2) : '?', peak ? fmt(Number(peak) / 1024, 0) : '?', findings, String(run.status)]);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  table(['input', 'MB', 'time s', 'CPU s', 'peak MB', 'findings', 'exit'], rows);
  console.log('\ntime = wall clock; CPU = user + system time of the process (on a busy machine, wall time grows, CPU time does not).');
  console.log('exit 1 = error findings reported (expected here); 2 would be an input or internal error.');
}

async function main(): Promise<void> {
  if (process.argv.includes('--navigation-only')) {
    benchNavigation();
    return;
  }
  if (process.argv.includes('--hostile-only')) {
    benchHostile();
    return;
  }
  if (process.argv.includes('--parser-only')) {
    benchParser(`with the language server's flags (${SERVER_NODE_FLAGS.join(' ')})`);
    return;
  }
  console.log(`node ${process.version}, ${process.platform}/${process.arch}\n`);
  benchParser('with default flags (as the CLI runs)');
  // The same measurement in a process started the way the client starts the server.
  const child = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', __filename, '--parser-only'], { stdio: 'inherit' });
  if (child.status !== 0) console.log(`(the run with the server's flags failed: exit ${child.status})\n`);
  await benchServer();
  benchNavigation();
  benchHostile();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
