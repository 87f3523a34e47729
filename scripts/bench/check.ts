/**
 * Part `check`: a whole `alloy-selfmon check` process against a whole process
 * that reads and `JSON.parse`s the same data written as JSON, on the 3.4 MB
 * configuration and on ~30 MB (a directory of nine files, as the CLI refuses
 * single files over 8 MB). Target: at most 3× and no growth from 3.4 to 30 MB.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeLarge, writeSplit, type WrittenConfiguration } from './configs';
import { fmt, median, table, times } from './stats';
import { atMost, notMeasured, type TargetResult } from './summary';

/** Runs per size: five at 3.4 MB; three at 30 MB, where one check takes seconds and the whole bench should stay near 6 minutes. */
const RUNS = { large: 5, split: 3 } as const;
const TARGET_RATIO = 3;
/** Run-to-run noise on a shared machine: a ratio within 10% of the 3.4 MB one has not grown. */
const GROWTH_TOLERANCE = 1.1;

const READ_JSON = "JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'))";

/** Loaded with --require into both processes: reports their CPU time (user + system) on stderr at exit. */
const CPU_PROBE = "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\ncpu-us=' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });\n";

/** Wall and CPU time in ms of one fresh process, and its exit status. */
function run(probe: string, args: string[]): { ms: number; cpuMs: number; status: number | null } {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ['--require', probe, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 30 });
  const cpu = /cpu-us=(\d+)/.exec(child.stderr ?? '')?.[1];
  return { ms: performance.now() - t0, cpuMs: cpu ? Number(cpu) / 1000 : Number.NaN, status: child.status };
}

interface Measured {
  checkMs: number;
  jsonMs: number;
  checkCpuMs: number;
  jsonCpuMs: number;
  statuses: Set<number | null>;
}

/** Alternates the two processes so that load on the machine falls on both alike. */
function measure(probe: string, cli: string, config: WrittenConfiguration, runs: number): Measured {
  const check: ReturnType<typeof run>[] = [];
  const json: ReturnType<typeof run>[] = [];
  for (let i = 0; i < runs; i++) {
    check.push(run(probe, [cli, 'check', '--format', 'json', config.alloyPath]));
    json.push(run(probe, ['-e', READ_JSON, config.jsonPath]));
  }
  return {
    checkMs: median(check.map((r) => r.ms)),
    jsonMs: median(json.map((r) => r.ms)),
    checkCpuMs: median(check.map((r) => r.cpuMs)),
    jsonCpuMs: median(json.map((r) => r.cpuMs)),
    statuses: new Set(check.map((r) => r.status)),
  };
}

/** Runs the part and returns its targets. */
export function benchCheck(): TargetResult[] {
  const cli = resolve(__dirname, '../../dist/cli.js');
  console.log(`\nWhole-process check vs whole-process JSON.parse (fresh process each, alternating, median of ${RUNS.large} at 3.4 MB and ${RUNS.split} at 30 MB; target <= ${TARGET_RATIO}×, not growing with size)\n`);
  const targets = ['check / JSON.parse at 3.4 MB <= 3×', 'check / JSON.parse at 30 MB <= 3×', 'ratio at 30 MB not above the 3.4 MB one (10% noise allowed)'];
  if (!existsSync(cli)) {
    console.log(`skipped: ${cli} does not exist (built by \`npm run build\`).`);
    return targets.map((t) => notMeasured('check', t, 'no dist/cli.js'));
  }
  const root = mkdtempSync(join(tmpdir(), 'alloy-bench-check-'));
  const probe = join(root, 'cpu.cjs');
  writeFileSync(probe, CPU_PROBE);
  const rows: string[][] = [];
  const measured: Measured[] = [];
  try {
    for (const [name, runs, write] of [
      ['3.4 MB, one file', RUNS.large, () => writeLarge(join(root, 'large'))],
      ['30 MB, a directory', RUNS.split, () => writeSplit(join(root, 'split'), 30e6)],
    ] as const) {
      const config = write();
      const m = measure(probe, cli, config, runs);
      const ratio = m.checkMs / m.jsonMs;
      measured.push(m);
      rows.push([
        name,
        String(config.files),
        String(runs),
        fmt(config.alloyBytes / 1e6, 1),
        fmt(m.checkMs, 0),
        fmt(config.jsonBytes / 1e6, 1),
        fmt(m.jsonMs, 0),
        times(ratio),
        times(TARGET_RATIO),
        fmt(m.checkCpuMs, 0),
        fmt(m.jsonCpuMs, 0),
        times(m.checkCpuMs / m.jsonCpuMs),
        [...m.statuses].join(','),
      ]);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  table(['configuration', 'files', 'runs', 'Alloy MB', 'check ms', 'JSON MB', 'JSON.parse ms', 'ratio', 'target', 'check CPU ms', 'JSON CPU ms', 'CPU ratio', 'check exit'], rows);
  console.log('\ncheck = `node dist/cli.js check --format json PATH`; JSON.parse = `node -e` reading the file and parsing it.');
  console.log('Times are wall clock (the targets), then CPU (user + system; on a busy machine wall time grows, CPU time much less).');
  console.log('Both include starting node. Exit 1 = error findings reported (expected: the generated files reference components they do not define).');
  const [small, big] = measured.map((m) => m.checkMs / m.jsonMs) as [number, number];
  const shown = (m: Measured | undefined, ratio: number) => `${times(ratio)} (${fmt(m?.checkMs ?? Number.NaN, 0)} vs ${fmt(m?.jsonMs ?? Number.NaN, 0)} ms)`;
  const growth = big / small;
  console.log(`Ratio growth from 3.4 MB to 30 MB: ${times(growth)}.`);
  return [
    atMost('check', targets[0] as string, small, TARGET_RATIO, shown(measured[0], small)),
    atMost('check', targets[1] as string, big, TARGET_RATIO, shown(measured[1], big)),
    atMost('check', targets[2] as string, growth, GROWTH_TOLERANCE, `${times(big)} / ${times(small)} = ${times(growth)}`),
  ];
}
