// Compiles the extension test module (suite/*.ts) to CommonJS in out/suite/,
// which is what VS Code loads through extensionTestsPath. One file per source
// file, no bundling: mocha and vscode are required at run time.
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
export const SUITE_OUT = join(here, 'out', 'suite');
export const SUITE_INDEX = join(SUITE_OUT, 'index.js');

export async function buildSuite() {
  const sources = readdirSync(join(here, 'suite'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(here, 'suite', f));
  rmSync(SUITE_OUT, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: sources,
    outdir: SUITE_OUT,
    bundle: false,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    logLevel: 'warning',
  });
  return SUITE_INDEX;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildSuite();
  console.log(`built ${SUITE_INDEX}`);
}
