/**
 * Runs the compose environment check over every configuration of a corpus
 * (found as `check --workspace` finds them over each repository folder) and
 * prints, per configuration, why its files form one, the service that runs
 * Alloy, each variable's status and source, and every finding — to read for
 * false alarms. Never prints a value.
 *
 *   npm run corpus:compose -- ../shared/corpus/real-world
 *
 * The host environment is empty, so the run does not depend on the machine.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { nodeFileSystem } from '../server/src/compose/nodeFileSystem';
import { analyzeConfiguration, parseFile } from '../server/src/languageService';
import { defaultSettings } from '../server/src/settings';
import { configurationHeading, corpusConfigurations, FindingTally } from './corpusConfigurations';

function main(): number {
  const args = process.argv.slice(2);
  if (args.length === 0) {
    console.error('usage: npm run corpus:compose -- DIR…');
    return 2;
  }
  const statuses = new Map<string, number>();
  const codes = new Map<string, number>();
  const tally = new FindingTally();
  const base = resolve(args[0] as string);
  const configs = corpusConfigurations(args);
  let withService = 0;
  for (const config of configs) {
    const files = config.files.map((f) => parseFile(f, readFileSync(f, 'utf8')));
    const { findings, env } = analyzeConfiguration(files, defaultSettings, { fs: nodeFileSystem, hostEnv: {}, rootDir: config.root });
    tally.add(findings);
    for (const f of findings) if (f.code.startsWith('env/') || f.code.startsWith('compose/')) codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
    console.log(`\n${configurationHeading(config, base)}`);
    if (env) {
      withService++;
      console.log(`  service "${env.service}" (${env.reason}) from ${env.composeFiles.join(', ')}`);
      for (const v of env.variables) {
        statuses.set(v.status, (statuses.get(v.status) ?? 0) + 1);
        const extra = v.status === 'host' ? (v.requiredByCompose ? ' (compose refuses to start without it)' : v.hasDefault ? ' (default applies)' : '') : '';
        console.log(`  ${v.name.padEnd(32)} ${v.status.padEnd(8)} ${v.source ?? '-'}${extra}`);
      }
    }
    for (const f of findings) console.log(`  ${f.severity} ${f.code}: ${relative(base, f.file)}: ${f.message}`);
  }
  console.log('\n== summary');
  console.log(`with a compose service running Alloy: ${withService}`);
  for (const [status, n] of [...statuses].sort()) console.log(`  variables ${status.padEnd(10)} ${n}`);
  for (const [code, n] of [...codes].sort()) console.log(`  ${code.padEnd(28)} ${n}`);
  for (const line of tally.summary(configs, base)) console.log(line);
  return 0;
}

process.exitCode = main();
