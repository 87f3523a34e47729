/**
 * Quick fixes for self-monitoring findings. Each fix wires the new piece into
 * what the configuration already has — an existing receiver, processor or
 * exporter that gets the signal out of Alloy — one fix per such target; only
 * when there is none does it insert a complete exporter reading its endpoint
 * and credentials with `sys.env`.
 */
import type { AttributeStmt, BlockStmt } from '../syntax/ast';
import { list, quote, renderBlocks, type NewBlock } from '../syntax/builder';
import type { Fix, FileEdit } from '../syntax/diagnostic';
import type { Signal } from '../semantic/catalog';
import type { ConfigModel, SourceFile } from '../semantic/model';
import type { PipelineGraph } from '../semantic/pipelineGraph';
import * as facts from '../semantic/selfMonitoringFacts';
import { appendToFile, appendToList, insertAfterBlock, insertAttribute } from './edits';
import { describeBlock } from './fixComments';
import type { Settings } from '../settings';

/** At most this many alternative targets are offered for one finding. */
const MAX_TARGETS = 3;

/** Where a signal can be sent: a reference, plus the blocks that must be added for it to exist. */
export interface Target {
  ref: string;
  /** Describes the target in the fix title. */
  description: string;
  newBlocks: NewBlock[];
  /** The components the signal passes from `ref` on, ending where it leaves Alloy (for comments). */
  path: string[];
}

/** How fixes write what they insert. */
export interface FixStyle {
  /** New blocks start with a comment: what they do, and where the signal goes. */
  comments: boolean;
}

export function fixStyle(settings: Settings): FixStyle {
  return { comments: settings.fixes.comments };
}

/** A label for new blocks called `name` (or each of several names) that no existing block of that name uses. */
export function freeLabel(model: ConfigModel, name: string | readonly string[], taken: ReadonlySet<string> = new Set()): string {
  const names = typeof name === 'string' ? [name] : name;
  const free = (candidate: string) => names.every((n) => !model.components.has(`${n}.${candidate}`) && !taken.has(`${n}.${candidate}`));
  for (const candidate of ['alloy', 'alloy_self', 'self_monitoring']) if (free(candidate)) return candidate;
  for (let i = 2; ; i++) if (free(`alloy_${i}`)) return `alloy_${i}`;
}

/** A label free for every block a new exporter is made of (an exporter and its auth component share it). */
function freeExporterLabel(model: ConfigModel, blocks: (label: string) => NewBlock[]): string {
  return freeLabel(model, blocks('').map((b) => b.name));
}

function exportKind(graph: PipelineGraph, id: string, exportName: string): string | undefined {
  return graph.model.components.get(id)?.schema?.exports.find((e) => e.name === exportName)?.kind;
}

/**
 * The first existing entry points for `signal` whose export is of `kind` (as
 * many as are offered), processors before exporters (a batch processor in
 * front of an exporter is what a person would wire to).
 */
function existingEntries(graph: PipelineGraph, signal: Signal, kind: string, exclude: ReadonlySet<string>): { id: string; exportName: string; sink: boolean; path: string[] }[] {
  const carriers = graph.carriers(signal);
  const entries = graph
    .entryPoints(signal)
    .filter((e) => !exclude.has(e.component.id) && exportKind(graph, e.component.id, e.exportName) === kind)
    .map((e) => ({
      entry: e,
      id: e.component.id,
      exportName: e.exportName,
      sink: !!e.component.schema?.sinks?.includes(signal),
      carries: carriers.has(e.component.id),
    }));
  // Where some already carry this signal, only those are offered.
  const chosen = entries.some((e) => e.carries) ? entries.filter((e) => e.carries) : entries;
  chosen.sort((a, b) => Number(a.sink) - Number(b.sink) || (a.id < b.id ? -1 : 1));
  // The way out is worked out for the entries offered only: a configuration can have thousands.
  return chosen.slice(0, MAX_TARGETS).map(({ entry, id, exportName, sink }) => ({ id, exportName, sink, path: graph.pathOut(entry.component, exportName, signal).map((c) => c.id) }));
}

/** Targets for Alloy's own metrics (a MetricsReceiver). */
export function metricsTargets(graph: PipelineGraph, exclude: ReadonlySet<string> = new Set()): Target[] {
  const model = graph.model;
  const direct = existingEntries(graph, 'metrics', 'MetricsReceiver', exclude);
  if (direct.length > 0) return direct.slice(0, MAX_TARGETS).map((e) => ({ ref: `${e.id}.${e.exportName}`, description: `to ${e.id}`, newBlocks: [], path: e.path }));
  const consumers = existingEntries(graph, 'metrics', 'otelcol.Consumer', exclude);
  if (consumers.length > 0) {
    const label = freeLabel(model, facts.METRICS_TO_OTLP.name);
    const converter = `${facts.METRICS_TO_OTLP.name}.${label}`;
    return consumers.slice(0, MAX_TARGETS).map((c) => ({
      ref: `${converter}.${facts.METRICS_TO_OTLP.export}`,
      description: `over OTLP to ${c.id}`,
      newBlocks: [facts.metricsToOtlp(label, `${c.id}.${c.exportName}`)],
      path: [converter, ...c.path],
    }));
  }
  const label = freeExporterLabel(model, facts.newMetricsExporter);
  const entry = `${facts.NEW_METRICS_EXPORTER_ENTRY.name}.${label}`;
  return [{ ref: `${entry}.${facts.NEW_METRICS_EXPORTER_ENTRY.export}`, description: `to a new ${facts.NEW_METRICS_EXPORTER_ENTRY.name}`, newBlocks: facts.newMetricsExporter(label), path: [entry] }];
}

/** Targets for Alloy's own logs (a LogsReceiver). */
export function logsTargets(graph: PipelineGraph): Target[] {
  const model = graph.model;
  const direct = existingEntries(graph, 'logs', 'LogsReceiver', new Set());
  if (direct.length > 0) return direct.slice(0, MAX_TARGETS).map((e) => ({ ref: `${e.id}.${e.exportName}`, description: `to ${e.id}`, newBlocks: [], path: e.path }));
  const consumers = existingEntries(graph, 'logs', 'otelcol.Consumer', new Set());
  if (consumers.length > 0) {
    const label = freeLabel(model, facts.LOGS_TO_OTLP.name);
    const converter = `${facts.LOGS_TO_OTLP.name}.${label}`;
    return consumers.slice(0, MAX_TARGETS).map((c) => ({
      ref: `${converter}.${facts.LOGS_TO_OTLP.export}`,
      description: `over OTLP to ${c.id}`,
      newBlocks: [facts.logsToOtlp(label, `${c.id}.${c.exportName}`)],
      path: [converter, ...c.path],
    }));
  }
  const label = freeExporterLabel(model, facts.newLogsExporter);
  const entry = `${facts.NEW_LOGS_EXPORTER_ENTRY.name}.${label}`;
  return [{ ref: `${entry}.${facts.NEW_LOGS_EXPORTER_ENTRY.export}`, description: `to a new ${facts.NEW_LOGS_EXPORTER_ENTRY.name}`, newBlocks: facts.newLogsExporter(label), path: [entry] }];
}

/** Targets for Alloy's own traces (an otelcol.Consumer). */
export function tracesTargets(graph: PipelineGraph): Target[] {
  const model = graph.model;
  const consumers = existingEntries(graph, 'traces', 'otelcol.Consumer', new Set());
  if (consumers.length > 0) return consumers.slice(0, MAX_TARGETS).map((c) => ({ ref: `${c.id}.${c.exportName}`, description: `to ${c.id}`, newBlocks: [], path: c.path }));
  const label = freeExporterLabel(model, facts.newTracesExporter);
  const entry = `${facts.NEW_TRACES_EXPORTER_ENTRY.name}.${label}`;
  return [{ ref: `${entry}.${facts.NEW_TRACES_EXPORTER_ENTRY.export}`, description: `to a new ${facts.NEW_TRACES_EXPORTER_ENTRY.name}`, newBlocks: facts.newTracesExporter(label), path: [entry] }];
}

/** The file where new top-level blocks go: the one holding `near`, else `config.alloy`, else the first. */
export function mainFile(model: ConfigModel, near?: SourceFile): SourceFile | undefined {
  if (near) return near;
  return model.files.find((f) => /(^|[\\/])config\.alloy$/.test(f.path)) ?? model.files[0];
}

/** `blocks` with the comment each starts with (described for a signal going along `path`), or with none. */
export function withComments(blocks: readonly NewBlock[], path: readonly string[], style: FixStyle): NewBlock[] {
  return blocks.map((b) => {
    const { comment, ...rest } = b;
    if (!style.comments) return rest;
    const lines = comment ?? describeBlock(b, path);
    return lines ? { ...rest, comment: lines } : rest;
  });
}

/**
 * Adds blocks after `after` when given (and in `file`), else at the end of
 * `file`, written as `alloy fmt` writes them (tabs), so that Format Document
 * leaves what a fix inserted as it is.
 */
function addBlocks(file: SourceFile, blocks: NewBlock[], path: readonly string[], style: FixStyle, after?: BlockStmt): FileEdit[] {
  if (blocks.length === 0) return [];
  const text = renderBlocks(withComments(blocks, path, style));
  return [after ? insertAfterBlock(file, after, text) : appendToFile(file, text)];
}

/** One fix per target: insert `blocks(target)` (plus the target's own new blocks) at the end of `file`. */
export function insertFixes(file: SourceFile, targets: Target[], title: (t: Target) => string, blocks: (t: Target) => NewBlock[], style: FixStyle, after?: BlockStmt): Fix[] {
  return targets.map((t, i) => ({ title: title(t), isPreferred: i === 0, edits: addBlocks(file, [...blocks(t), ...t.newBlocks], t.path, style, after) }));
}

/** One fix per target: add `name = [target]` to an existing block. */
export function attributeFixes(file: SourceFile, block: BlockStmt, name: string, targets: Target[], title: (t: Target) => string, style: FixStyle): Fix[] {
  return targets.map((t, i) => ({
    title: title(t),
    isPreferred: i === 0,
    edits: [...insertAttribute(file, block, name, list([t.ref])), ...addBlocks(file, t.newBlocks, t.path, style)],
  }));
}

/** One fix per target: append the target to an existing list attribute. */
export function appendFixes(file: SourceFile, attr: AttributeStmt, targets: Target[], title: (t: Target) => string, style: FixStyle): Fix[] {
  const fixes: Fix[] = [];
  targets.forEach((t, i) => {
    const edit = appendToList(file, attr, t.ref);
    if (edit) fixes.push({ title: title(t), isPreferred: i === 0, edits: [edit, ...addBlocks(file, t.newBlocks, t.path, style)] });
  });
  return fixes;
}

/** Sets an attribute to a value: replaces it when present, inserts it otherwise. */
export function setAttributeFix(file: SourceFile, block: BlockStmt, attr: AttributeStmt | undefined, name: string, value: string, title: string): Fix {
  const edits: FileEdit[] = attr
    ? [{ file: file.path, range: { start: attr.value.start, end: attr.value.end }, newText: value }]
    : insertAttribute(file, block, name, value);
  return { title, isPreferred: true, edits };
}

export { quote };
