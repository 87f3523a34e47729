/**
 * An analysis carried over an edit that changed nothing Alloy reads (typing in
 * a comment, see `syntax/triviaEdit.ts`): the previous version's findings with
 * their offsets moved, instead of a new analysis of the whole configuration.
 * Fixes and the model are not carried (fix texts follow the file's indentation
 * and line endings, the model holds the old tree): the first code action on
 * the new version analyses it for real, once, and takes its fixes from there;
 * hover and navigation build the new version's model.
 */
import type { Analysis, ParsedFile } from '../languageService';
import { buildModel, type ConfigModel } from '../semantic/model';
import type { Finding, RelatedLocation, TextRange } from '../syntax/diagnostic';
import { lineBreakAtOrAfter, mapOffset, type TriviaEdit } from '../syntax/triviaEdit';
import { triviaEdit } from '../syntax/reparse';
import { Serials } from '../syntax/serials';
import { withLazyFixes } from '../fixes/lazyFixes';
import type { CachedAnalysis } from './analysisCache';

/**
 * Where a carried analysis came from: the analysis it was carried from
 * (by number: a chain of carried versions must not keep every earlier one), the
 * edited file, and the old offsets `[start, end]` whose column the edit moved
 * (from the edit's end to the end of its line). A finding with no end there
 * is at the same line and column as before.
 */
interface CarriedFrom {
  from: number;
  path: string;
  start: number;
  end: number;
}

const carried = new WeakMap<Analysis, CarriedFrom>();
const analyses = new Serials<Analysis>();

/**
 * Whether every finding of `analysis` in `path` (and every related place in
 * it) has the line and column it had in the analysis it was carried from:
 * then what an editor shows for them has not changed.
 */
export function unmovedSince(analysis: Analysis, previous: Analysis, path: string): boolean {
  const info = carried.get(analysis);
  if (!info || info.path !== path || !analyses.is(previous, info.from)) return false;
  const moved = (o: number) => o >= info.start && o <= info.end;
  for (const f of previous.findings) {
    if (f.file === path && (moved(f.range.start) || moved(f.range.end))) return false;
    for (const r of f.related ?? []) if (r.file === path && (moved(r.range.start) || moved(r.range.end))) return false;
  }
  return true;
}

/** A fresh analysis of the new version, made on first need. */
export type Reanalysis = () => { analysis: Analysis; model: ConfigModel };

/**
 * `previous` (an analysis of the same configuration) carried to `files`, when
 * they differ from its files by one trivia edit of one file; undefined otherwise,
 * or when a finding sits where the edit makes its place ambiguous.
 */
export function carryAnalysis(previous: CachedAnalysis, files: readonly ParsedFile[], reanalyse: Reanalysis): CachedAnalysis | undefined {
  if (previous.files.length !== files.length) return undefined;
  let path: string | undefined;
  let edit: TriviaEdit | undefined;
  for (let i = 0; i < files.length; i++) {
    const before = previous.files[i] as ParsedFile;
    const after = files[i] as ParsedFile;
    if (before === after) continue;
    if (path !== undefined || before.path !== after.path) return undefined;
    edit = triviaEdit(before.parse, after.parse);
    if (!edit) return undefined;
    path = after.path;
  }
  if (path === undefined || !edit) return undefined;

  let fresh: ReturnType<Reanalysis> | undefined;
  let built: ConfigModel | undefined;
  const real = () => (fresh ??= reanalyse());
  const findings: Finding[] = [];
  for (const finding of previous.analysis.findings) {
    const moved = moveFinding(finding, path, edit, real);
    if (!moved) return undefined;
    findings.push(moved);
  }
  const { env, envReports, explanation } = previous.analysis;
  const analysis: Analysis = { findings, env, envReports, explanation };
  const before = previous.files.find((f) => f.path === path) as ParsedFile;
  carried.set(analysis, { from: analyses.of(previous.analysis), path, start: edit.oldEnd, end: lineBreakAtOrAfter(before.parse.text, edit.oldEnd) });
  return {
    files: [...files],
    analysis,
    // Hover and navigation need the model only: a model, not a whole analysis.
    model: () => (built ??= fresh?.model ?? buildModel(files)),
    dependencies: previous.dependencies,
  };
}

function moveRange(range: TextRange, edit: TriviaEdit): TextRange | undefined {
  const start = mapOffset(edit, range.start);
  const end = mapOffset(edit, range.end);
  return start === undefined || end === undefined ? undefined : { start, end };
}

/** The properties every finding has, copied by name; any other is copied as it is. */
const KNOWN = new Set(['file', 'range', 'code', 'severity', 'message', 'source', 'related', 'fixes']);

/** `finding` with its places in `path` moved; its fixes, if it has any, from the real analysis. */
function moveFinding(finding: Finding, path: string, edit: TriviaEdit, real: () => { analysis: Analysis }): Finding | undefined {
  let range = finding.range;
  if (finding.file === path) {
    const moved = moveRange(range, edit);
    if (!moved) return undefined;
    range = moved;
  }
  let related = finding.related;
  if (related?.some((r) => r.file === path)) {
    const list: RelatedLocation[] = [];
    for (const r of related) {
      const moved = r.file === path ? moveRange(r.range, edit) : r.range;
      if (!moved) return undefined;
      list.push({ ...r, range: moved });
    }
    related = list;
  }
  // Built by name (a generic copy of a thousand findings per keystroke showed in profiles).
  const moved: Finding = { file: finding.file, range, code: finding.code, severity: finding.severity, message: finding.message, source: finding.source };
  if (related) moved.related = related;
  for (const key of Object.keys(finding)) if (!KNOWN.has(key)) (moved as unknown as Record<string, unknown>)[key] = (finding as unknown as Record<string, unknown>)[key];
  if (!Object.getOwnPropertyDescriptor(finding, 'fixes')) return moved;
  return withLazyFixes(moved, () => {
    const same = real().analysis.findings.find(
      (f) => f.code === moved.code && f.file === moved.file && f.range.start === moved.range.start && f.range.end === moved.range.end && f.message === moved.message,
    );
    return same?.fixes ?? [];
  });
}
