/**
 * What the self-monitoring checks of every signal share: how a finding is
 * made, and the check of a `logging`/`tracing` block's `write_to`.
 */
import { blockHeaderSpan, type AttributeStmt } from '../syntax/ast';
import type { Finding, Severity, TextRange } from '../syntax/diagnostic';
import type { Settings } from '../settings';
import { getAttribute, type ConfigBlockNode, type ConfigModel, type SourceFile } from '../semantic/model';
import type { PipelineGraph } from '../semantic/pipelineGraph';
import * as facts from '../semantic/selfMonitoringFacts';
import { appendFixes, attributeFixes, fixStyle, type Target } from '../fixes/selfMonitoringFixes';
import { withLazyFixes, type FixBuilder } from '../fixes/lazyFixes';
import { severityOf, type Code } from '../codes';

const SOURCE = 'alloy-selfmon';

/** A self-monitoring finding in `file`, with the registry's severity for `code` unless told otherwise; its fixes are built when first read. */
export function finding(file: SourceFile, range: TextRange, code: Code, message: string, fixes: FixBuilder, severity: Severity = severityOf(code)): Finding {
  return withLazyFixes({ file: file.path, range, code, severity, message, source: SOURCE }, fixes);
}

/**
 * Where a finding about a missing block sits: on the block the fix would wire
 * it to (its preferred target, when that component is in `file`), else on the
 * file's first block — never on a comment at the top of the file.
 */
export function missingBlockAnchor(model: ConfigModel, file: SourceFile, targets: readonly Target[]): TextRange {
  for (const t of targets) {
    const candidates = [t.ref.slice(0, t.ref.lastIndexOf('.')), ...t.path];
    for (const id of candidates) {
      const component = model.components.get(id);
      if (component && component.file.path === file.path) return blockHeaderSpan(component.block);
    }
  }
  const first = file.parse.file.body.find((stmt) => stmt.kind === 'Block');
  return first && first.kind === 'Block' ? blockHeaderSpan(first) : { start: 0, end: 0 };
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
  settings: Settings,
  text: { missing: string; notExported: string; title: (t: Target) => string },
): Finding[] {
  const { block, file } = node;
  const writeTo = getAttribute(block, facts.WRITE_TO);
  if (isEmptyList(writeTo)) {
    const fixes = () => (writeTo ? appendFixes(file, writeTo, targets(), text.title, fixStyle(settings)) : attributeFixes(file, block, facts.WRITE_TO, targets(), text.title, fixStyle(settings)));
    return [finding(file, blockHeaderSpan(block), `selfmon/${signal}-missing`, text.missing, fixes)];
  }
  if (writeTo && graph.attributeReach(block, facts.WRITE_TO, signal) === 'no') {
    const fixes = () => appendFixes(file, writeTo, targets(), text.title, fixStyle(settings));
    return [finding(file, { start: writeTo.start, end: writeTo.end }, `selfmon/${signal}-not-exported`, text.notExported, fixes)];
  }
  return [];
}
