/**
 * The Alloy that runs, and what it refuses: components its version does not have
 * (`not in Alloy v1.9.1: added in v1.10.0`, `removed in v1.19.0`) and components,
 * configuration blocks and stdlib functions below its `--stability.level` (Alloy's own
 * message). The version comes from a setting (the CLI's `--alloy-version`), else the
 * compose service's image tag, else the newest release; the level likewise from a
 * setting, the service's `--stability.level` flag, else `generally-available`. Findings
 * are errors when the version or level is known (Alloy refuses to load), information
 * when it is only the default.
 */
import { referencePath, type Expr } from '../syntax/ast';
import { walkModel } from '../semantic/modelWalk';
import type { FileEdit, Finding, Fix, Severity, TextRange } from '../syntax/diagnostic';
import { getComponent, getConfigBlock, type Stability } from '../semantic/catalog';
import { generatedStdlib, newestRelease } from '../semantic/catalogGenerated';
import { firstNameFragment, type ConfigModel } from '../semantic/model';
import type { Settings } from '../settings';
import { configScopes } from './configScopes';
import { withLazyFixes } from '../fixes/lazyFixes';
import { severityOf, type Code } from '../codes';

const SOURCE = 'alloy';

/** What is known about the Alloy that runs the configuration. */
export interface RunningAlloy {
  /** `1.9.1`; undefined when the image tag names no release (`main`, a digest). */
  version: string | undefined;
  versionFrom: 'setting' | 'compose' | 'newest';
  stability: Stability;
  stabilityFrom: 'setting' | 'compose' | 'default';
  /** When the level comes from the compose service: the edit raising it there. */
  stabilityFix?: (level: Stability) => FileEdit | null;
}

/** The compose service facts the version comes from. */
export interface AlloyService {
  image: string | null;
  command: readonly string[] | null;
  /** An edit setting `--stability.level` in the service's command, when one can be made. */
  stabilityFix?: (level: Stability) => FileEdit | null;
}

/** The release an image reference runs: `grafana/alloy:v1.9.1` → `1.9.1`; no tag or `latest` → the newest release. */
export function versionOfImage(image: string): string | undefined {
  const withoutDigest = image.split('@')[0] ?? image;
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  const tag = colon === -1 ? '' : withoutDigest.slice(colon + 1);
  if (tag === '' || tag === 'latest') return newestRelease;
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-[\w.-]+)?$/.exec(tag);
  return m ? `${m[1]}.${m[2]}.${m[3]}` : undefined;
}

/** The `--stability.level` a command passes, if any. */
export function stabilityOfCommand(command: readonly string[]): Stability | undefined {
  for (const [i, word] of command.entries()) {
    const value = word.startsWith('--stability.level=') ? word.slice('--stability.level='.length) : word === '--stability.level' ? command[i + 1] : undefined;
    if (value === 'generally-available' || value === 'public-preview' || value === 'experimental') return value;
  }
  return undefined;
}

/** Combines the settings and the compose service into what runs. */
export function runningAlloy(settings: Settings, service: AlloyService | null): RunningAlloy {
  const fix = service?.stabilityFix;
  let version: RunningAlloy['version'] = newestRelease;
  let versionFrom: RunningAlloy['versionFrom'] = 'newest';
  if (settings.alloyVersion !== '') {
    version = settings.alloyVersion.split('.').length === 2 ? `${settings.alloyVersion}.0` : settings.alloyVersion;
    versionFrom = 'setting';
  } else if (service?.image) {
    version = versionOfImage(service.image);
    versionFrom = 'compose';
  }
  let stability: Stability = 'generally-available';
  let stabilityFrom: RunningAlloy['stabilityFrom'] = 'default';
  if (settings.stabilityLevel !== '') {
    stability = settings.stabilityLevel as Stability;
    stabilityFrom = 'setting';
  } else if (service) {
    stability = stabilityOfCommand(service.command ?? []) ?? 'generally-available';
    stabilityFrom = 'compose';
  }
  return { version, versionFrom, stability, stabilityFrom, ...(fix && stabilityFrom === 'compose' ? { stabilityFix: fix } : {}) };
}

let experimentalNames: ReadonlySet<string> | undefined;

/** The stdlib functions below general availability (the catalog does not change while the process runs). */
function experimentalStdlib(): ReadonlySet<string> {
  experimentalNames ??= new Set(generatedStdlib().filter((s) => s.stability !== 'generally-available').map((s) => s.name));
  return experimentalNames;
}

let experimentalFirstFragments: ReadonlySet<string> | undefined;

/** The first fragments of the experimental stdlib names (`array` of `array.group_by`). */
function experimentalRoots(): ReadonlySet<string> {
  experimentalFirstFragments ??= new Set([...experimentalStdlib()].map((name) => firstNameFragment(name)));
  return experimentalFirstFragments;
}

/** The identifier a callee chain starts with (`sys` of `sys.env`), or '' when it starts with anything else. */
function calleeRoot(callee: Expr): string {
  let e = callee;
  while (e.kind === 'Access') e = e.value;
  return e.kind === 'IdentExpr' ? e.name : '';
}

const RANK: Readonly<Record<string, number>> = { experimental: 0, 'public-preview': 1, 'generally-available': 2 };

/** A configuration compares a handful of versions once per block: each is split once. */
const partsOfVersion = new Map<string, readonly number[]>();

function versionParts(version: string): readonly number[] {
  let parts = partsOfVersion.get(version);
  if (!parts) {
    parts = version.split('.').map(Number);
    // Versions come from the catalog and settings; a bound keeps odd inputs from piling up.
    if (partsOfVersion.size < 1000) partsOfVersion.set(version, parts);
  }
  return parts;
}

/** Compares dotted versions numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = versionParts(a);
  const pb = versionParts(b);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Whether a feature at `stability` is below the allowed `level`. */
function isBelow(stability: Stability, level: Stability): boolean {
  const have = RANK[stability];
  const need = RANK[level];
  return have !== undefined && need !== undefined && have < need;
}

function belowLevel(feature: string, stability: Stability, level: Stability): string | undefined {
  if (!isBelow(stability, level)) return undefined;
  return `${feature} is at stability level "${stability}", which is below the minimum allowed stability level "${level}". Use --stability.level command-line flag to enable "${stability}" features`;
}

/** The quick fix setting the compose service's `--stability.level` to `needed`, when possible. */
function flagFix(running: RunningAlloy, needed: Stability): Fix[] {
  const edit = running.stabilityFix?.(needed);
  return edit ? [{ title: `Run Alloy with --stability.level=${needed} (compose service command)`, isPreferred: true, edits: [edit] }] : [];
}

/** A block's name, where its findings go (made only for a finding: nearly every block has none). */
function nameSpan(block: { start: number; name: string }): TextRange {
  return { start: block.start, end: block.start + block.name.length };
}

/** Findings for what the running Alloy does not have or does not allow. */
export function checkVersions(model: ConfigModel, running: RunningAlloy): Finding[] {
  const out: Finding[] = [];
  // Alloy refuses to load these only when the version or level is known; an assumed one only informs.
  const stabilitySeverity = severityOf('stability/below-level', running.stabilityFrom === 'default' ? 'alternate' : 'default');
  const versionSeverity = severityOf('version/unavailable', running.versionFrom === 'newest' ? 'alternate' : 'default');
  const experimental = experimentalStdlib();
  const push = (file: string, at: TextRange, code: Code, severity: Severity, message: string, needed?: Stability): void => {
    const finding: Finding = { file, range: at, code, severity, message, source: SOURCE };
    out.push(needed && running.stabilityFix ? withLazyFixes(finding, () => flagFix(running, needed)) : finding);
  };
  for (const scope of configScopes(model)) {
    for (const { file, block } of scope.blocks) {
      const custom = scope.declares.has(block.name) || (scope.importNamespaces.size > 0 && scope.importNamespaces.has(firstNameFragment(block.name)));
      const component = custom ? undefined : getComponent(block.name);
      if (component) {
        const v = running.version;
        if (v !== undefined && component.added !== undefined && compareVersions(v, component.added) < 0) {
          push(file.path, nameSpan(block), 'version/unavailable', versionSeverity, `component "${block.name}" is not in Alloy v${v}: added in v${component.added}`);
        } else if (v !== undefined && component.removed !== undefined && compareVersions(v, component.removed) >= 0) {
          push(file.path, nameSpan(block), 'version/unavailable', versionSeverity, `component "${block.name}" is not in Alloy v${v}: removed in v${component.removed}`);
        }
        // The message is only written for a block that is below the level.
        const below = isBelow(component.stability, running.stability) ? belowLevel(`component "${block.name}"`, component.stability, running.stability) : undefined;
        if (below) push(file.path, nameSpan(block), 'stability/below-level', stabilitySeverity, below, component.stability);
        continue;
      }
      const config = getConfigBlock(block.name);
      if (config && isBelow(config.stability, running.stability)) {
        const feature = block.name === 'foreach' ? `foreach block "${block.name}"` : `config block "${block.name}"`;
        const below = belowLevel(feature, config.stability, running.stability);
        if (below) push(file.path, nameSpan(block), 'stability/below-level', stabilitySeverity, below, config.stability);
      }
    }
  }
  // Nothing is below the experimental level: the calls need not be looked at.
  if (!isBelow('experimental', running.stability)) return out;
  const roots = experimentalRoots();
  for (const { file, call } of walkModel(model).calls) {
    // Most calls (`sys.env`, `coalesce`) start with a name no experimental function starts with: no path is built for them.
    if (!roots.has(calleeRoot(call.callee))) continue;
    const name = referencePath(call.callee)?.join('.');
    if (name === undefined || !experimental.has(name)) continue;
    const below = belowLevel(name, 'experimental', running.stability);
    if (!below) continue;
    const finding: Finding = { file: file.path, range: { start: call.callee.start, end: call.callee.end }, code: 'stability/below-level', severity: stabilitySeverity, message: below, source: SOURCE };
    out.push(running.stabilityFix ? withLazyFixes(finding, () => flagFix(running, 'experimental')) : finding);
  }
  return out;
}
