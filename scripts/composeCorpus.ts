/**
 * Runs the compose environment check over every configuration of a corpus and
 * prints, per configuration, the service that runs Alloy and each variable's
 * status and source — to read for false alarms. Never prints a value.
 *
 *   npm run corpus:compose -- ../shared/corpus/real-world
 *
 * The host environment is empty, so the run does not depend on the machine.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { nodeFileSystem } from '../server/src/compose/nodeFileSystem';
import { analyzeConfiguration, parseFile } from '../server/src/languageService';
import { defaultSettings } from '../server/src/settings';

function* directories(dir: string): Generator<string> {
  yield dir;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (!name.startsWith('.') && statSync(path).isDirectory()) yield* directories(path);
  }
}

function main(): number {
  const roots = process.argv.slice(2);
  if (roots.length === 0) {
    console.error('usage: npm run corpus:compose -- DIR…');
    return 2;
  }
  const statuses = new Map<string, number>();
  const codes = new Map<string, number>();
  let configs = 0;
  let withService = 0;
  for (const root of roots.map((r) => resolve(r))) {
    for (const dir of directories(root)) {
      const names = readdirSync(dir).filter((n) => n.endsWith('.alloy')).sort();
      if (names.length === 0) continue;
      configs++;
      const files = names.map((n) => parseFile(join(dir, n), readFileSync(join(dir, n), 'utf8')));
      const { findings, env } = analyzeConfiguration(files, defaultSettings, { fs: nodeFileSystem, hostEnv: {}, rootDir: root });
      const envFindings = findings.filter((f) => f.code.startsWith('env/') || f.code.startsWith('compose/'));
      for (const f of envFindings) codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
      if (!env) continue;
      withService++;
      console.log(`\n== ${relative(root, dir) || '.'}: service "${env.service}" (${env.reason}) from ${env.composeFiles.join(', ')}`);
      for (const v of env.variables) {
        statuses.set(v.status, (statuses.get(v.status) ?? 0) + 1);
        const extra = v.status === 'host' ? (v.requiredByCompose ? ' (compose refuses to start without it)' : v.hasDefault ? ' (default applies)' : '') : '';
        console.log(`  ${v.name.padEnd(32)} ${v.status.padEnd(8)} ${v.source ?? '-'}${extra}`);
      }
      for (const f of envFindings) console.log(`  ${f.code}: ${relative(root, f.file)}: ${f.message}`);
    }
  }
  console.log('\n== summary');
  console.log(`configurations: ${configs}, with a compose service running Alloy: ${withService}`);
  for (const [status, n] of [...statuses].sort()) console.log(`  variables ${status.padEnd(10)} ${n}`);
  for (const [code, n] of [...codes].sort()) console.log(`  ${code.padEnd(28)} ${n}`);
  return 0;
}

process.exitCode = main();
