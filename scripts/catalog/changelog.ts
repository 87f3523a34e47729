/**
 * Versions from Alloy's CHANGELOG.md: the releases it lists (newest first) and, per
 * component, the release whose notes introduce it ("Add a `x.y` component") and the one
 * whose notes remove it. A component never introduced in the notes has been there since
 * v1.0.0 (the first release lists none of its 130 components by name).
 */

/** One release section. */
export interface Release {
  version: string;
  text: string;
}

/** Releases in the order the file lists them (newest first); the unreleased section is skipped. */
export function releases(changelog: string): Release[] {
  const out: Release[] = [];
  const lines = changelog.split('\n');
  let current: Release | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const modern = /^##\s+\[?(\d+\.\d+\.\d+)\]?/.exec(line);
    const classic = /^v(\d+\.\d+\.\d+)\s*$/.exec(line);
    const unreleased = /^(##\s+)?(Main|Unreleased)\b/i.test(line) && /^-+$|^=+$/.test(lines[i + 1] ?? '') ? true : /^##\s+(Main|Unreleased)\b/i.test(line);
    if (modern || classic) {
      current = { version: ((modern ?? classic) as RegExpExecArray)[1] as string, text: '' };
      out.push(current);
    } else if (unreleased) current = undefined;
    else if (current) current.text += line + '\n';
  }
  return out;
}

/** "Add a", "Added the new", "A new", "Introduce an": the words that introduce a component, right before its name. */
const INTRO = '\\b(?:(?:add(?:s|ed)?|introduc\\w*)\\s+(?:(?:a|an|the)\\s+)?(?:new\\s+)?|new\\s+)';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The oldest release whose notes introduce `name`, if any. */
export function addedIn(name: string, rels: readonly Release[]): string | undefined {
  const re = new RegExp(`${INTRO}\`${escape(name)}\`\\s+component`, 'i');
  let found: string | undefined;
  for (const r of rels) if (re.test(r.text)) found = r.version;
  return found;
}

/** The oldest release whose notes remove `name`, if any. */
export function removedIn(name: string, rels: readonly Release[]): string | undefined {
  const re = new RegExp(`\\bremov\\w*\\b[^\`\\n]{0,40}\`${escape(name)}\`(\\s+component)?`, 'i');
  let found: string | undefined;
  for (const r of rels) if (re.test(r.text) && !/deprecat/i.test(r.text.split('\n').find((l) => re.test(l)) ?? '')) found = r.version;
  return found;
}

/** Component names the notes introduce (for components the code no longer registers). */
export function introducedNames(rels: readonly Release[]): Set<string> {
  const names = new Set<string>();
  for (const r of rels) {
    for (const m of r.text.matchAll(new RegExp(`${INTRO}\`([a-z][a-z0-9_]*(?:\\.[a-z0-9_]+)+)\`\\s+component`, 'gi'))) names.add(m[1] as string);
  }
  return names;
}

/** The next minor version after `version` (`1.18.0` → `1.19.0`). */
export function nextMinor(version: string): string {
  const [major, minor] = version.split('.').map(Number);
  return `${major ?? 0}.${(minor ?? 0) + 1}.0`;
}
