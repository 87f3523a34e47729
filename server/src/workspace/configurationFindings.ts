/**
 * Findings of a file that belongs to several configurations (a file mounted
 * into two services): the union of what each configuration finds in it, and
 * the configuration's reason on the findings that depend on the boundary.
 */
import { copyFinding, uniqueFindings, type Finding } from '../syntax/diagnostic';
import type { ConfigurationReason } from './configurations';

/** Codes whose truth depends on which files form the configuration. */
const BOUNDARY_CODES: ReadonlySet<string> = new Set(['duplicate-block', 'undefined-reference']);

/**
 * The findings of each configuration, de-duplicated (same code, place and
 * message), in first-seen order. The lists are joined into an array, not
 * walked by a generator: a generator object held the analysis it read through
 * V8's young-generation collections, so while typing every version's tree and
 * model were promoted (4–6 ms scavenges, 13–15 ms when the old space grew).
 */
export function unionFindings(lists: readonly (readonly Finding[])[]): Finding[] {
  return uniqueFindings(lists.length === 1 ? (lists[0] as readonly Finding[]) : lists.flat());
}

/**
 * A boundary finding with one more related location: the start of its own file,
 * saying which configuration it was checked in and why: a duplicate across
 * files is only as true as the files put together.
 */
export function withConfigurationReason(finding: Finding, reason: ConfigurationReason): Finding {
  if (!BOUNDARY_CODES.has(finding.code)) return finding;
  const note = { file: finding.file, range: { start: 0, end: 0 }, message: `configuration (${reason.kind}): ${reason.detail}` };
  // A copy that keeps the fixes unbuilt: a spread would build every "did you mean" on each pull.
  return copyFinding(finding, { related: [...(finding.related ?? []), note] });
}
