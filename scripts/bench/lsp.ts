/**
 * Part `lsp`: latency of the language server over stdio, with pull
 * diagnostics, on generated files of 2,000 lines, 20,000 lines and 3.4 MB:
 * open → first diagnostics, keystroke → diagnostics (p50/p95/p99/max), a code
 * action request without `only` as the cursor moves (20,000 lines), and
 * documentSymbol and formatting of the 3.4 MB file (time and response size).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateModel, type Stmt } from '../benchData';
import { largeModel } from './configs';
import { startServer, uriOf, type BenchDiagnostic, type BenchServer } from './lspClient';
import { bytes, fmt, max, median, percentile, sample, table, times } from './stats';
import { atMost, notMeasured, type TargetResult } from './summary';
import { inValue, keystroke, typingFile, type TypingFile } from './typing';

interface Size {
  name: string;
  model: () => Stmt[];
  warmups: number;
  keystrokes: number;
  /** Wall-time budget for the keystrokes; only the 3.4 MB file stops early. */
  budgetMs?: number;
  p99Target: number;
}

const SIZES: Size[] = [
  { name: '2,000 lines', model: () => generateModel(2_000, 2_000), warmups: 20, keystrokes: 100, p99Target: 10 },
  { name: '20,000 lines', model: () => generateModel(20_000, 20_000), warmups: 10, keystrokes: 100, p99Target: 30 },
  { name: '3.4 MB', model: largeModel, warmups: 2, keystrokes: 100, budgetMs: 30_000, p99Target: 150 },
];

const OPEN_TARGET_MS = 1000;
const CODE_ACTION_P99_MS = 10;
const LARGE_REQUEST_MS = 300;

type Row = string[];

const OPEN_TARGET = 'open → first diagnostics of the 3.4 MB file <= 1,000 ms';
const CODE_ACTION_TARGET = 'code action without `only` p99 at 20,000 lines <= 10 ms';
const keystrokeTarget = (size: Size) => `keystroke → diagnostics p99 at ${size.name} <= ${size.p99Target} ms`;
const requestTarget = (what: string) => `${what} of the 3.4 MB file <= 300 ms`;

/** Every target the part measures, in order. */
function expectedTargets(): string[] {
  return [OPEN_TARGET, ...SIZES.map(keystrokeTarget), CODE_ACTION_TARGET, requestTarget('documentSymbol'), requestTarget('formatting')];
}

/** A table row: p50/p95/p99/max of `xs`, the target and the p99 / target ratio. */
function latencyRow(file: string, what: string, xs: number[], target: number | undefined, note = ''): Row {
  const p99 = percentile(xs, 99);
  return [file, what, String(xs.length), fmt(median(xs)), fmt(percentile(xs, 95)), fmt(p99), fmt(max(xs)), target === undefined ? '-' : fmt(target, 0), target === undefined ? '-' : times(p99 / target), note];
}

/** Up to `count` lines, alternately with and without findings: where a cursor stops while reading the file. */
export function cursorLines(diagnostics: BenchDiagnostic[], lineCount: number, count: number): number[] {
  const withFindings = [...new Set(diagnostics.map((d) => d.range.start.line))];
  const flagged = new Set(withFindings);
  const without: number[] = [];
  for (let l = 0; l < lineCount && without.length < count; l += Math.max(1, Math.floor(lineCount / count))) if (!flagged.has(l)) without.push(l);
  const stepWith = Math.max(1, Math.floor(withFindings.length / (count / 2)));
  const picked = withFindings.filter((_, i) => i % stepWith === 0);
  const lines: number[] = [];
  for (let i = 0; lines.length < count && (i < picked.length || i < without.length); i++) {
    if (i < picked.length) lines.push(picked[i] as number);
    if (i < without.length) lines.push(without[i] as number);
  }
  return lines.slice(0, count);
}

/** Code actions without `only` (what every cursor move sends), at lines with and without findings. */
async function codeActions(server: BenchServer, uri: string, file: TypingFile): Promise<{ times: number[]; withFindings: number }> {
  const diagnostics = await server.pull(uri);
  const lines = cursorLines(diagnostics, file.text.split('\n').length, 120);
  const flagged = new Set(diagnostics.map((d) => d.range.start.line));
  const request = async (i: number) => {
    const line = lines[i % lines.length] as number;
    const at = { line, character: 0 };
    await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: at, end: at },
      context: { diagnostics: diagnostics.filter((d) => d.range.start.line === line), triggerKind: 2 },
    });
  };
  const xs = await sample(request, { warmups: 10, count: 100, min: 20, budgetMs: 40_000 });
  return { times: xs, withFindings: lines.slice(10, 10 + xs.length).filter((l) => flagged.has(l)).length };
}

/** One request timed `runs` times (the median takes care of the first, colder one), with the size of its JSON response. */
/**
 * `runs` requests, each after a one-character edit: the server keeps what it computed for
 * a document version, so a request on an unchanged document would time its cache.
 */
async function timedRequest(server: BenchServer, method: string, params: object, runs: number, edit: () => Promise<void>): Promise<{ times: number[]; kb: number; items: number }> {
  let response: unknown;
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    await edit();
    const t0 = performance.now();
    response = await server.connection.sendRequest(method, params);
    xs.push(performance.now() - t0);
  }
  return { times: xs, kb: bytes(JSON.stringify(response ?? null)) / 1024, items: Array.isArray(response) ? response.length : 0 };
}

/**
 * The first formatting request on the freshly opened file (closed and opened
 * again, its diagnostics pulled first): nothing of an earlier format is kept,
 * every unit is formatted. No target; shown beside the one after an edit.
 */
async function firstFormatting(server: BenchServer, uri: string, text: string, label: string): Promise<Row> {
  await server.close(uri);
  await server.open(uri, text);
  await server.pull(uri);
  const t0 = performance.now();
  const response: unknown = await server.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: false } });
  const ms = performance.now() - t0;
  const items = Array.isArray(response) ? response.length : 0;
  return latencyRow(label, 'formatting, first request', [ms], undefined, `${fmt(bytes(JSON.stringify(response ?? null)) / 1024, 0)} KB, ${items} ${items === 1 ? 'edit' : 'edits'}`);
}

async function benchSize(size: Size, rows: Row[], results: TargetResult[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'alloy-bench-lsp-'));
  const file = typingFile(size.model());
  const path = join(dir, 'config.alloy');
  writeFileSync(path, file.text);
  const uri = uriOf(path);
  const label = `${size.name} (${fmt(bytes(file.text) / 1e6, 2)} MB)`;
  let server: BenchServer | undefined;
  try {
    server = await startServer(dir);
    const t0 = performance.now();
    await server.open(uri, file.text);
    const findings = (await server.pull(uri)).length;
    const openMs = performance.now() - t0;
    const large = size.budgetMs !== undefined;
    rows.push(latencyRow(label, 'open → first diagnostics', [openMs], large ? OPEN_TARGET_MS : undefined, `${findings} diagnostics`));
    if (large) results.push(atMost('lsp', OPEN_TARGET, openMs, OPEN_TARGET_MS, `${fmt(openMs, 0)} ms`));

    const s = server;
    const typed = await sample((i) => keystroke(s, uri, file, i), { warmups: size.warmups, count: size.keystrokes, min: 10, ...(size.budgetMs ? { budgetMs: size.budgetMs } : {}) });
    const short = typed.length < size.keystrokes ? `stopped after ${Math.round((size.budgetMs ?? 0) / 1000)} s; p99 of ${typed.length} is near the max` : '';
    rows.push(latencyRow(label, 'keystroke → diagnostics', typed, size.p99Target, short));
    const p99 = percentile(typed, 99);
    results.push(atMost('lsp', keystrokeTarget(size), p99, size.p99Target, `${fmt(p99)} ms (p50 ${fmt(median(typed))}, n=${typed.length})`));
    // Not a target of the issue: typing that changes what a block says is analysed again, shown beside it.
    const value = inValue(file);
    const valueTyped = await sample((i) => keystroke(s, uri, value, i), { warmups: size.warmups, count: 50, min: 10, budgetMs: 15_000 });
    rows.push(latencyRow(label, 'keystroke in a value → diagnostics', valueTyped, undefined, valueTyped.length < 50 ? 'stopped after 15 s' : ''));

    if (size.name === '20,000 lines') {
      const actions = await codeActions(s, uri, file);
      const p = percentile(actions.times, 99);
      rows.push(latencyRow(label, 'code action, no `only`', actions.times, CODE_ACTION_P99_MS, `${actions.withFindings} on lines with findings`));
      results.push(atMost('lsp', CODE_ACTION_TARGET, p, CODE_ACTION_P99_MS, `${fmt(p)} ms (p50 ${fmt(median(actions.times))}, n=${actions.times.length})`));
    }
    if (large) {
      for (const [method, what, params] of [
        ['textDocument/documentSymbol', 'documentSymbol', { textDocument: { uri } }],
        ['textDocument/formatting', 'formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: false } }],
      ] as const) {
        if (what === 'formatting') rows.push(await firstFormatting(s, uri, file.text, label));
        const r = await timedRequest(s, method, params, 3, () => s.insert(uri, file.at, 'z'));
        const unit = what === 'formatting' ? (r.items === 1 ? 'edit' : 'edits') : 'top-level symbols';
        const note = `${fmt(r.kb, 0)} KB, ${r.items.toLocaleString('en')} ${unit}`;
        rows.push(latencyRow(label, what, r.times, LARGE_REQUEST_MS, note));
        const m = median(r.times);
        results.push(atMost('lsp', requestTarget(what), m, LARGE_REQUEST_MS, `${fmt(m, 0)} ms (${note})`));
      }
    }
  } catch (error) {
    console.log(`${label}: failed: ${error instanceof Error ? error.message : String(error)}`);
    if (server?.stderr()) console.log(`server stderr:\n${server.stderr()}`);
  } finally {
    if (server) {
      if (server.retries() > 0) console.log(`${label}: server-cancelled pulls retried: ${server.retries()}`);
      await server.stop();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the part and returns its targets (one server per file size). */
export async function benchLsp(): Promise<TargetResult[]> {
  console.log('\nLSP latency (dist/server.js --stdio, pull diagnostics; one server per file; ms)\n');
  const rows: Row[] = [];
  const results: TargetResult[] = [];
  for (const size of SIZES) await benchSize(size, rows, results);
  table(['file', 'measurement', 'runs', 'p50', 'p95', 'p99', 'max', 'target', 'p99/target', 'note'], rows, 2);
  console.log('\nkeystroke = one character typed into a comment line (incremental didChange), then textDocument/diagnostic.');
  console.log('keystroke in a value = the same, typed into an endpoint string in the next blocks: the configuration is analysed again (no target).');
  console.log('Targets are on p99 (the single open and the median of three documentSymbol/formatting requests on the 3.4 MB file, each after a one-character edit so that none is answered from a cache).');
  console.log('formatting, first request = one request on the 3.4 MB file just closed and opened again: no earlier format is kept (no target).');
  console.log('Requests are timed in this process: serialising the response and reading it are part of the figure.');
  // A server that failed leaves its targets unmeasured: say so rather than leave them out.
  const measured = new Set(results.map((r) => r.target));
  const missing = expectedTargets().filter((t) => !measured.has(t)).map((t) => notMeasured('lsp', t, 'the server failed (see above)'));
  return [...results, ...missing];
}
