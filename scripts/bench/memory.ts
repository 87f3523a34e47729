/**
 * Part `memory`: the server's heap after a full GC when idle (after
 * initialize), with the 3.4 MB file open (and its diagnostics pulled), and
 * after it is closed. Measured from outside: a probe loaded with `--require`
 * answers over an IPC channel (see lspClient.ts). Targets: <= 150 MB open,
 * back within 20 MB of idle after close.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printAlloy } from '../benchData';
import { largeModel } from './configs';
import { startServer, uriOf, type BenchServer, type Memory } from './lspClient';
import { bytes, fmt, table, times } from './stats';
import { atMost, notMeasured, type TargetResult } from './summary';

const OPEN_TARGET_MB = 150;
const CLOSED_TARGET_MB = 20;
const mb = (n: number) => n / (1024 * 1024);

/** Runs the part and returns its targets. */
export async function benchMemory(): Promise<TargetResult[]> {
  console.log('\nServer memory (dist/server.js --stdio, after two full GCs; MB = MiB)\n');
  const openTarget = `server heap with the 3.4 MB file open <= ${OPEN_TARGET_MB} MB`;
  const closedTarget = `heap after closing it within ${CLOSED_TARGET_MB} MB of idle`;
  const dir = mkdtempSync(join(tmpdir(), 'alloy-bench-mem-'));
  let server: BenchServer | undefined;
  try {
    const text = printAlloy(largeModel());
    const path = join(dir, 'config.alloy');
    writeFileSync(path, text);
    const uri = uriOf(path);
    server = await startServer(dir, { memoryProbe: true });
    const idle: Memory = await server.memory();
    await server.open(uri, text);
    const findings = (await server.pull(uri)).length;
    const open = await server.memory();
    await server.close(uri);
    // The probe answers on another channel: a request after didClose makes sure the server has handled it.
    await server.pull(uri);
    const closed = await server.memory();
    const row = (state: string, m: Memory, target: string, ratio: string): string[] => [state, fmt(mb(m.heapUsed)), fmt(mb(m.heapTotal)), fmt(mb(m.external)), fmt(mb(m.rss)), target, ratio];
    const growth = mb(closed.heapUsed - idle.heapUsed);
    table(
      ['state', 'heap used', 'heap total', 'external', 'RSS', 'target', 'ratio'],
      [
        row('idle, after initialize', idle, '-', '-'),
        row(`3.4 MB file open (${findings} diagnostics)`, open, `<= ${OPEN_TARGET_MB}`, times(mb(open.heapUsed) / OPEN_TARGET_MB)),
        row('after closing it', closed, `<= idle + ${CLOSED_TARGET_MB}`, times(growth / CLOSED_TARGET_MB)),
      ],
    );
    console.log(`\nThe file: ${fmt(bytes(text) / 1e6, 2)} MB, on disk in the workspace folder as well as open. Closing it leaves ${fmt(growth)} MB more heap than idle.`);
    return [
      atMost('memory', openTarget, mb(open.heapUsed), OPEN_TARGET_MB, `${fmt(mb(open.heapUsed))} MB (idle ${fmt(mb(idle.heapUsed))}, RSS ${fmt(mb(open.rss), 0)})`),
      atMost('memory', closedTarget, growth, CLOSED_TARGET_MB, `+${fmt(growth)} MB (${fmt(mb(closed.heapUsed))} MB)`),
    ];
  } catch (error) {
    console.log(`failed: ${error instanceof Error ? error.message : String(error)}`);
    if (server?.stderr()) console.log(`server stderr:\n${server.stderr()}`);
    return [notMeasured('memory', openTarget, 'the server failed (see above)'), notMeasured('memory', closedTarget, 'the server failed (see above)')];
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
