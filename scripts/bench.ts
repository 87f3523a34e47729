/**
 * `npm run bench`: every performance target of issue 12, each measured beside
 * its baseline (or target) in the same run, then one summary table
 * "target | measured | met?". Measurements only: the script never fails on a
 * target. Each part lives in scripts/bench/:
 *
 *   parse       in-process parse vs JSON.parse at 1k/10k/100k lines (default flags;
 *               again with the server's node flags, if it has any)
 *   check       whole-process `alloy-selfmon check` vs whole-process JSON.parse, 3.4 and 30 MB
 *   lsp         keystroke → diagnostics at 2,000 / 20,000 lines and 3.4 MB, open, code
 *               actions, documentSymbol and formatting (dist/server.js over stdio)
 *   workspace   keystroke → diagnostics in a workspace folder of 20,000 small files
 *   memory      the server's heap idle, with the 3.4 MB file open, and after closing it
 *   navigation  definition, references and rename in the core
 *   hostile     hostile inputs through the CLI: time and peak memory
 *
 *   npm run bench                          (builds, then runs every part)
 *   npx tsx scripts/bench.ts --only lsp    (one part; repeatable, or comma-separated)
 *
 * `--parser-only`, `--navigation-only` and `--hostile-only` are kept as
 * `--only parse`, `--only navigation` and `--only hostile`. Results go to stdout only.
 */
import { selectedParts } from './bench/args';
import { benchCheck } from './bench/check';
import { benchHostile } from './bench/hostile';
import { serverNodeFlags } from './bench/lspClient';
import { benchLsp } from './bench/lsp';
import { benchMemory } from './bench/memory';
import { benchNavigation } from './bench/navigation';
import { benchParse, benchParser } from './bench/parse';
import { printSummary, type PartName, type TargetResult } from './bench/summary';
import { benchWorkspace } from './bench/workspace';

const RUN: Record<PartName, () => TargetResult[] | Promise<TargetResult[]>> = {
  parse: benchParse,
  check: benchCheck,
  lsp: benchLsp,
  workspace: benchWorkspace,
  memory: benchMemory,
  navigation: benchNavigation,
  hostile: benchHostile,
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--parse-child') {
    // The parse table again, in the process parse.ts starts with the server's node flags.
    benchParser(`with the language server's flags (${serverNodeFlags().join(' ')})`);
    return;
  }
  const parts = selectedParts(args);
  const started = performance.now();
  console.log(`node ${process.version}, ${process.platform}/${process.arch}; parts: ${parts.join(', ')}\n`);
  const results: TargetResult[] = [];
  for (const part of parts) results.push(...(await RUN[part]()));
  printSummary(results);
  console.log(`\nbench took ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
