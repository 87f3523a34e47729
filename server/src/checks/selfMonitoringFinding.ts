/**
 * What the self-monitoring checks of every signal share: how a finding is
 * made, and the check of a `logging`/`tracing` block's `write_to`.
 */
import { blockHeaderSpan, type AttributeStmt } from '../syntax/ast';
import type { Finding, Fix, Severity, TextRange } from '../syntax/diagnostic';
import { getAttribute, type ConfigBlockNode, type SourceFile } from '../semantic/model';
import type { PipelineGraph } from '../semantic/pipelineGraph';
import * as facts from '../semantic/selfMonitoringFacts';
import { appendFixes, attributeFixes, type FixStyle, type Target } from '../fixes/selfMonitoringFixes';

const SOURCE = 'alloy-selfmon';

/** A self-monitoring finding in `file`. */
export function finding(file: SourceFile, range: TextRange, code: string, severity: Severity, message: string, fixes: Fix[]): Finding {
  return { file: file.path, range, code, severity, message, source: SOURCE, fixes };
}

/** Whether an attribute is absent or an empty list. */
export function isEmptyList(attr: AttributeStmt | undefined): boolean {
  return !attr || (attr.value.kind === 'Array' && attr.value.elements.length === 0);
}

/**
 * The `write_to` of a `logging` or `tracing` block: missing or empty
 * (`<signal>-missing`), or leading nowhere out of Alloy (`<signal>-not-exported`).
 */
export function checkWriteTo(
  graph: PipelineGraph,
  node: ConfigBlockNode,
  signal: 'logs' | 'traces',
  targets: () => Target[],
  style: FixStyle,
  text: { missing: string; notExported: string; title: (t: Target) => string },
): Finding[] {
  const { block, file } = node;
  const writeTo = getAttribute(block, facts.WRITE_TO);
  if (isEmptyList(writeTo)) {
    const fixes = writeTo ? appendFixes(file, writeTo, targets(), text.title, style) : attributeFixes(file, block, facts.WRITE_TO, targets(), text.title, style);
    return [finding(file, blockHeaderSpan(block), `selfmon/${signal}-missing`, 'warning', text.missing, fixes)];
  }
  if (writeTo && graph.attributeReach(block, facts.WRITE_TO, signal) === 'no') {
    const fixes = appendFixes(file, writeTo, targets(), text.title, style);
    return [finding(file, { start: writeTo.start, end: writeTo.end }, `selfmon/${signal}-not-exported`, 'warning', text.notExported, fixes)];
  }
  return [];
}
