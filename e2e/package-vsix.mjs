// Packages the extension into a .vsix with @vscode/vsce (its JS API), from the
// repository root and its allow-list .vscodeignore, without node_modules: the
// bundles in dist/ are self-contained. Then checks the artifact itself: under
// 1 MB, no node_modules, the bundles inside.
//
//   node e2e/package-vsix.mjs [--out FILE.vsix]
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as vsce from '@vscode/vsce';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '..');
const MAX_BYTES = 1024 * 1024;
const REQUIRED = ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/server.js'];

/** Names of the entries of a zip file, read from its central directory. */
export function zipEntries(file) {
  const zip = readFileSync(file);
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${i}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/**
 * Builds the .vsix at `out` and returns { path, entries, bytes, notes }.
 * `notes` lists what vsce asked for that the manifest lacks (packaging goes on without prompting).
 */
export async function packageVsix({ out } = {}) {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  for (const bundle of ['dist/extension.js', 'dist/server.js']) {
    if (!existsSync(join(REPO_ROOT, bundle))) throw new Error(`${bundle} is missing: run \`npm run build\` at the repository root first`);
  }
  const notes = [];
  const hasRepository = Boolean(manifest.repository);
  const hasLicense = ['LICENSE', 'LICENSE.md', 'LICENSE.txt'].some((f) => existsSync(join(REPO_ROOT, f)));
  if (!hasRepository) notes.push("package.json has no 'repository' field (vsce asks before packaging without one)");
  if (!hasLicense) notes.push('there is no LICENSE file at the repository root (vsce asks before packaging without one)');

  const path = resolve(out ?? join(REPO_ROOT, `${manifest.name}-${manifest.version}.vsix`));
  await vsce.createVSIX({
    cwd: REPO_ROOT,
    packagePath: path,
    dependencies: false,
    allowMissingRepository: !hasRepository,
    skipLicense: !hasLicense,
  });

  const bytes = statSync(path).size;
  const entries = zipEntries(path);
  const problems = [];
  if (bytes >= MAX_BYTES) problems.push(`it is ${bytes} bytes, over the 1 MB budget`);
  const modules = entries.filter((e) => e.split('/').includes('node_modules'));
  if (modules.length > 0) problems.push(`it contains node_modules (${modules.slice(0, 3).join(', ')}…)`);
  for (const required of REQUIRED) if (!entries.includes(required)) problems.push(`it lacks ${required}`);
  if (problems.length > 0) throw new Error(`the packaged ${path} is wrong: ${problems.join('; ')}`);
  return { path, entries, bytes, notes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  try {
    const result = await packageVsix({ out: values.out });
    for (const note of result.notes) console.warn(`note: ${note}`);
    console.log(`${result.path}: ${result.entries.length} entries, ${(result.bytes / 1024).toFixed(1)} KB`);
  } catch (error) {
    console.error(`packaging failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
