/**
 * Part `hostile`: hostile inputs (a 10 MB line of errors, a 20 MB file,
 * 130,000 errors, a 10,000-component chain, a 24-level include diamond)
 * checked by the CLI, each in its own process, beside the ~2.3 MB reference
 * configuration: wall time, CPU time and peak memory (the process's max RSS).
 * Target: each under 10 s and 500 MB.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateModel, printAlloy } from '../benchData';
import { bytes, fmt, table } from './stats';
import { notMeasured, type TargetResult } from './summary';

const TIME_TARGET_S = 10;
const MEMORY_TARGET_MB = 500;
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

/** Runs the part and returns its target: every input under 10 s and 500 MB. */
export function benchHostile(): TargetResult[] {
  const cliPath = resolve(__dirname, '../../dist/cli.js');
  const target = `every hostile input under ${TIME_TARGET_S} s and ${MEMORY_TARGET_MB} MB`;
  console.log(`\nHostile inputs (dist/cli.js check --format json, one process each; target: under ${TIME_TARGET_S} s and ${MEMORY_TARGET_MB} MB)\n`);
  if (!existsSync(cliPath)) {
    console.log(`skipped: ${cliPath} does not exist (built by \`npm run build\`).`);
    return [notMeasured('hostile', target, 'no dist/cli.js')];
  }
  const root = mkdtempSync(join(tmpdir(), 'alloy-hostile-'));
  // Loaded before the CLI: reports the process's peak memory when it exits.
  const probe = join(root, 'peak.cjs');
  writeFileSync(
    probe,
    "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\npeak-rss-kb=' + u.maxRSS + ' cpu-us=' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });\n",
  );
  const rows: string[][] = [];
  let worstS = 0;
  let worstMb = 0;
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
      worstS = Math.max(worstS, ms / 1000);
      worstMb = Math.max(worstMb, peak ? Number(peak) / 1024 : Number.POSITIVE_INFINITY);
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
  console.log('exit 1 = error findings reported (expected here); 2 = an input refused (the 10 MB and 20 MB files: over 8 MB) or an internal error.');
  return [{ part: 'hostile', target, measured: `worst ${fmt(worstS, 2)} s, ${fmt(worstMb, 0)} MB`, met: worstS < TIME_TARGET_S && worstMb < MEMORY_TARGET_MB }];
}
