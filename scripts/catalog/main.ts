/**
 * Generates the component catalog from a checkout of grafana/alloy:
 *
 *   npm run catalog -- PATH_TO_ALLOY_CHECKOUT
 *   npm run catalog -- --check PATH_TO_ALLOY_CHECKOUT   (exit 1 when the committed file differs)
 *
 * Writes `server/src/semantic/generated/catalog.json`: every registered component (name,
 * stability, documentation link, arguments and exports from the `alloy:"…"` tags, the
 * release that introduced it and, for removed ones, removed it), the configurable
 * services (`http`, `remotecfg`, …), the `logging`/`tracing` blocks, the closed value
 * sets of text-decoded types (`valueSets.ts`), the stdlib names with stability and arity
 * (`stdlib.ts`) and the Alloy version described. Facts only, no prose. Deterministic: the same checkout
 * gives byte-identical output (sorted keys and lists, no timestamps), and no network.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { addedIn, introducedNames, nextMinor, releases, removedIn } from './changelog';
import { loadPackages, matchBracket, type GoPackage } from './goSource';
import type { GenComponent } from '../../server/src/semantic/generated/catalogFormat';
import { SchemaBuilder, type GenBody } from './schemaBuilder';
import { stdlibFacts } from './stdlib';

const MODULE = 'github.com/grafana/alloy';
const STABILITY: Record<string, string> = {
  StabilityGenerallyAvailable: 'generally-available',
  StabilityPublicPreview: 'public-preview',
  StabilityExperimental: 'experimental',
};

function field(text: string, key: string): string | undefined {
  return new RegExp(`\\b${key}\\s*:\\s*([^,\\n]+)`).exec(text)?.[1]?.trim();
}

/** `Arguments{}`, `pkg.Arguments{}`, `&Arguments{}` → a type expression, or undefined for nil. */
function typeLiteral(expr: string | undefined): { pkg?: string; name: string } | undefined {
  const m = /^&?(?:(\w+)\.)?(\w+)\s*\{/.exec(expr ?? '');
  if (!m || m[2] === 'struct') return undefined;
  return m[1] !== undefined ? { pkg: m[1], name: m[2] as string } : { name: m[2] as string };
}

function registrations(pkg: GoPackage, builder: SchemaBuilder, root: string): GenComponent[] {
  const out: GenComponent[] = [];
  for (const file of pkg.files) {
    for (const m of file.text.matchAll(/component\.Register\(\s*component\.Registration\s*\{/g)) {
      const open = (m.index ?? 0) + m[0].length - 1;
      const body = file.text.slice(open, matchBracket(file.text, open));
      const rawName = field(body, 'Name');
      const name = rawName?.startsWith('"') ? rawName.slice(1, -1) : rawName !== undefined ? pkg.stringConsts.get(rawName) : undefined;
      if (name === undefined) continue;
      const stability = STABILITY[(field(body, 'Stability') ?? '').replace(/^featuregate\./, '')] ?? 'undefined';
      const ctx = { pkg: pkg.path, imports: file.imports };
      const args = typeLiteral(field(body, 'Args'));
      const exps = typeLiteral(field(body, 'Exports'));
      const namespace = name.split('.')[0] ?? name;
      const docPath = join(root, 'docs/sources/reference/components', namespace, `${name}.md`);
      out.push({
        name,
        stability,
        ...(/\bCommunity\s*:\s*true/.test(body) ? { community: true } : {}),
        ...(existsSync(docPath) ? { docs: `https://grafana.com/docs/alloy/latest/reference/components/${namespace}/${name}/` } : {}),
        arguments: args ? builder.bodyOf({ kind: 'name', ...args }, ctx, `${name}#arguments`) : emptyBody(builder, `${name}#arguments`),
        exports: exps ? builder.bodyOf({ kind: 'name', ...exps }, ctx, `${name}#exports`) : null,
      });
    }
  }
  return out;
}

function emptyBody(builder: SchemaBuilder, id: string): string {
  builder.bodies.set(id, { attributes: [], blocks: [], closed: true });
  return id;
}

/** Services that take a configuration block, from their `service.Definition`. */
function services(packages: ReadonlyMap<string, GoPackage>, builder: SchemaBuilder): { name: string; stability: string; body: string | null }[] {
  const out: { name: string; stability: string; body: string | null }[] = [];
  for (const pkg of packages.values()) {
    if (!pkg.path.startsWith(`${MODULE}/internal/service/`)) continue;
    for (const file of pkg.files) {
      if (file.name.includes('stub')) continue;
      for (const m of file.text.matchAll(/service\.Definition\s*\{/g)) {
        const open = (m.index ?? 0) + m[0].length - 1;
        const body = file.text.slice(open, matchBracket(file.text, open));
        const rawName = field(body, 'Name');
        const name = rawName?.startsWith('"') ? rawName.slice(1, -1) : rawName !== undefined ? pkg.stringConsts.get(rawName) : undefined;
        const config = typeLiteral(field(body, 'ConfigType'));
        if (name === undefined || !config) continue;
        const stability = STABILITY[(field(body, 'Stability') ?? '').replace(/^featuregate\./, '')] ?? 'undefined';
        out.push({ name, stability, body: builder.bodyOf({ kind: 'name', ...config }, { pkg: pkg.path, imports: file.imports }, `${name}#service`) });
      }
    }
  }
  return out;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sortKeys(o[k])]));
  }
  return value;
}

/** Builds the catalog object for the checkout at `root`. */
export function generateCatalog(root: string): unknown {
  const packages = loadPackages(root);
  const builder = new SchemaBuilder(packages);
  const components: GenComponent[] = [];
  for (const pkg of [...packages.values()].sort((a, b) => a.path.localeCompare(b.path))) {
    // Test doubles register components too; they are not part of any release.
    if (!pkg.path.startsWith(`${MODULE}/internal/component/`) || /test/.test(pkg.path)) continue;
    // Per-platform files register the same component twice; the first one stands.
    for (const c of registrations(pkg, builder, root)) if (!components.some((o) => o.name === c.name)) components.push(c);
  }
  const changelog = existsSync(join(root, 'CHANGELOG.md')) ? readFileSync(join(root, 'CHANGELOG.md'), 'utf8') : '';
  const rels = releases(changelog);
  const newest = rels[0]?.version ?? '0.0.0';
  const registered = new Set(components.map((c) => c.name));
  for (const c of components) {
    const added = addedIn(c.name, rels);
    // Never introduced by name: there since v1.0.0, whose notes name none of its components.
    if (added !== undefined) c.added = added;
  }
  // Components the notes introduce that the code no longer registers were removed: in the
  // release whose notes say so, else in the next one (the code is ahead of the notes).
  for (const name of introducedNames(rels)) {
    if (registered.has(name)) continue;
    const namespace = name.split('.')[0] ?? '';
    if (!components.some((c) => c.name.startsWith(`${namespace}.`))) continue;
    const added = addedIn(name, rels);
    components.push({ name, stability: 'undefined', ...(added !== undefined ? { added } : {}), removed: removedIn(name, rels) ?? nextMinor(newest), arguments: null, exports: null });
  }
  components.sort((a, b) => a.name.localeCompare(b.name));
  const runtime = (dir: string, type: string, name: string): { name: string; body: string | null } => ({
    name,
    body: builder.bodyOf({ kind: 'name', name: type }, { pkg: `${MODULE}/${dir}`, imports: new Map() }, `${name}#config`),
  });
  const configBlocks = [
    ...services(packages, builder)
      .filter((s, i, all) => all.findIndex((o) => o.name === s.name) === i)
      .map((s) => ({ ...s, kind: 'service' })),
    { ...runtime('internal/runtime/logging', 'Options', 'logging'), stability: 'generally-available', kind: 'config' },
    { ...runtime('internal/runtime/tracing', 'Options', 'tracing'), stability: 'generally-available', kind: 'config' },
  ].sort((a, b) => a.name.localeCompare(b.name));
  const used = new Set<string>();
  const bodies: Record<string, GenBody> = {};
  const stack = [...components.flatMap((c) => [c.arguments, c.exports]), ...configBlocks.map((b) => b.body)];
  while (stack.length > 0) {
    const id = stack.pop();
    if (id === null || id === undefined || used.has(id)) continue;
    used.add(id);
    const body = builder.bodies.get(id);
    if (!body) continue;
    bodies[shortId(id)] = { ...body, blocks: body.blocks.map((b) => ({ ...b, body: b.body === null ? null : shortId(b.body) })) };
    for (const b of body.blocks) stack.push(b.body);
  }
  const short = (id: string | null): string | null => (id === null ? null : shortId(id));
  return sortKeys({
    alloy: { newestRelease: newest, nextRelease: nextMinor(newest), releases: rels.map((r) => r.version) },
    components: components.map((c) => ({ ...c, arguments: short(c.arguments), exports: short(c.exports) })),
    configBlocks: configBlocks.map((b) => ({ ...b, body: short(b.body) })),
    stdlib: stdlibFacts(packages.get(`${MODULE}/syntax/internal/stdlib`)),
    bodies,
  });
}

/** Body ids without the module prefix, to keep the JSON readable. */
function shortId(id: string): string {
  return id.startsWith(`${MODULE}/`) ? id.slice(MODULE.length + 1) : id;
}

/** The catalog file's text for the checkout at `root`: the JSON, one space per level, a final newline. */
export function catalogText(root: string): string {
  return JSON.stringify(generateCatalog(root), null, 1) + '\n';
}

/**
 * Whether `file` holds exactly what the checkout at `root` generates (`--check`: the
 * committed catalog regenerates byte-identically from the commit it names).
 */
export function catalogUpToDate(root: string, file: string): boolean {
  return existsSync(file) && readFileSync(file, 'utf8') === catalogText(root);
}

function main(): void {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const root = args.find((a) => a !== '--check');
  if (root === undefined || !existsSync(join(root, 'go.mod'))) {
    console.error('usage: npm run catalog -- [--check] PATH_TO_ALLOY_CHECKOUT');
    process.exit(2);
  }
  const outDir = resolve(__dirname, '../../server/src/semantic/generated');
  const outFile = join(outDir, 'catalog.json');
  if (check) {
    const same = catalogUpToDate(resolve(root), outFile);
    console.log(same ? `${outFile} is what ${root} generates` : `${outFile} differs from what ${root} generates`);
    process.exit(same ? 0 : 1);
  }
  const text = catalogText(resolve(root));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(outFile, text);
  const c = JSON.parse(text) as { components: unknown[]; bodies: object };
  console.log(`wrote ${c.components.length} components, ${Object.keys(c.bodies).length} bodies to ${outFile}`);
}

if (process.argv[1] !== undefined && /catalog[\\/]main\.ts$/.test(process.argv[1])) main();
