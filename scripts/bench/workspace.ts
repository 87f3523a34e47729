/**
 * Part `workspace`: a workspace folder of 20,000 small `.alloy` files (2,000
 * folders of 10 files, each folder one configuration because its files use
 * each other's components), one file opened and typed into: time to the first
 * diagnostics, and keystroke → diagnostics. Target: p99 <= 50 ms, as only the
 * configuration the edit belongs to needs analysing again.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { startServer, uriOf, type BenchServer } from './lspClient';
import { fmt, max, median, percentile, sample, table, times } from './stats';
import { atMost, notMeasured, type TargetResult } from './summary';
import { keystroke, type TypingFile } from './typing';

const TEAMS = 20;
const SERVICES = 100;
const FILES = 10;
const P99_TARGET_MS = 50;
const MARK = '// notes: ';

/**
 * File `i` of a service's folder: a scrape forwarding to the next file's
 * relabel, a relabel forwarding to the remote_write of file 0 (which also has
 * the `logging` block), and a comment line to type into.
 */
export function serviceFile(team: number, service: number, i: number): string {
  const name = `team-${team}/svc-${service}`;
  let text = `// ${name}, part ${i} of its pipeline.\n${MARK}\n`;
  text += `prometheus.scrape "s${i}" {\n\ttargets = [{"__address__" = "svc-${service}-${i}.team-${team}.svc:9100", "job" = "${name}"}]\n`;
  text += `\tforward_to = [prometheus.relabel.r${(i + 1) % FILES}.receiver]\n\tscrape_interval = "30s"\n}\n\n`;
  text += `prometheus.relabel "r${i}" {\n\tforward_to = [prometheus.remote_write.rw.receiver]\n\n\trule {\n`;
  text += `\t\tsource_labels = ["__name__"]\n\t\tregex = "go_gc_.*"\n\t\taction = "drop"\n\t}\n}\n`;
  if (i === 0) {
    text += `\nprometheus.remote_write "rw" {\n\tendpoint {\n\t\turl = sys.env("PROMETHEUS_URL")\n\t}\n}\n`;
    text += `\nlogging {\n\tlevel = "info"\n\tformat = "json"\n}\n`;
  }
  return text;
}

/** Writes the 20,000 files; returns the path of the one to type into. */
function writeWorkspace(root: string): string {
  for (let t = 0; t < TEAMS; t++) {
    for (let s = 0; s < SERVICES; s++) {
      const dir = join(root, `team-${t}`, `svc-${s}`);
      mkdirSync(dir, { recursive: true });
      for (let i = 0; i < FILES; i++) writeFileSync(join(dir, `part-${i}.alloy`), serviceFile(t, s, i));
    }
  }
  return join(root, `team-${TEAMS >> 1}`, `svc-${SERVICES >> 1}`, 'part-0.alloy');
}

/** Runs the part and returns its targets. */
export async function benchWorkspace(): Promise<TargetResult[]> {
  const count = TEAMS * SERVICES * FILES;
  console.log(`\nWorkspace of ${count.toLocaleString('en')} small files (${(TEAMS * SERVICES).toLocaleString('en')} folders × ${FILES} files, the folder as workspace; ms)\n`);
  const target = `keystroke → diagnostics p99 in a ${count.toLocaleString('en')}-file workspace <= ${P99_TARGET_MS} ms`;
  const root = mkdtempSync(join(tmpdir(), 'alloy-bench-ws-'));
  let server: BenchServer | undefined;
  try {
    const path = writeWorkspace(root);
    const uri = uriOf(path);
    const text = serviceFile(TEAMS >> 1, SERVICES >> 1, 0);
    const file: TypingFile = { text, at: { line: 1, character: MARK.length } };
    server = await startServer(root);
    const t0 = performance.now();
    await server.open(uri, text);
    const findings = (await server.pull(uri)).length;
    const openMs = performance.now() - t0;
    const s = server;
    const typed = await sample((i) => keystroke(s, uri, file, i), { warmups: 10, count: 100 });
    const p99 = percentile(typed, 99);
    table(
      ['measurement', 'runs', 'p50', 'p95', 'p99', 'max', 'target', 'p99/target', 'note'],
      [
        ['open → first diagnostics', '1', fmt(openMs), '-', '-', '-', '-', '-', `${findings} diagnostics`],
        ['keystroke → diagnostics', String(typed.length), fmt(median(typed)), fmt(percentile(typed, 95)), fmt(p99), fmt(max(typed)), String(P99_TARGET_MS), times(p99 / P99_TARGET_MS), ''],
      ],
    );
    console.log(`\nThe file typed into: ${relative(root, path)}; its folder's 10 files form one configuration.`);
    if (server.retries() > 0) console.log(`server-cancelled pulls retried: ${server.retries()}`);
    return [
      atMost('workspace', target, p99, P99_TARGET_MS, `${fmt(p99)} ms (p50 ${fmt(median(typed))}, n=${typed.length})`),
      { part: 'workspace', target: `open → first diagnostics in the ${count.toLocaleString('en')}-file workspace (no target)`, measured: `${fmt(openMs, 0)} ms`, met: undefined },
    ];
  } catch (error) {
    console.log(`failed: ${error instanceof Error ? error.message : String(error)}`);
    if (server?.stderr()) console.log(`server stderr:\n${server.stderr()}`);
    return [notMeasured('workspace', target, 'the server failed (see above)')];
  } finally {
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
