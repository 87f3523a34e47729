/**
 * What Alloy rejects after parsing, across all files of one configuration:
 * top-level attributes, components without a label, blocks declared twice,
 * labels missing on config blocks that need one. Messages are Alloy's own
 * (`internal/runtime/source.go`, `internal/validator/validate.go`).
 */
import { basename } from 'node:path';
import type { BlockStmt } from '../syntax/ast';
import type { Finding } from '../syntax/diagnostic';
import type { SourceFile } from './model';
import { classifyTopLevelBlock } from './blockKinds';
import { PerFileCap } from './limits';
import { severityOf, type Code } from '../codes';

/** Alloy's block id: name fragments and label joined by dots. */
export function blockId(block: BlockStmt): string {
  return block.label ? `${block.name}.${block.label.value}` : block.name;
}

function nameRange(block: BlockStmt, length: number): { start: number; end: number } {
  return { start: block.start, end: block.start + length };
}

export function validateConfiguration(files: readonly SourceFile[]): Finding[] {
  const findings: Finding[] = [];
  // Alloy reads the files of a directory sorted by name; the first declaration wins.
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const seen = new Map<string, { file: SourceFile; block: BlockStmt }>();
  const cap = new PerFileCap();

  for (const file of sorted) {
    const error = (range: { start: number; end: number }, code: Code, message: string, extra?: Partial<Finding>) =>
      cap.take(file.path) &&
      findings.push({ file: file.path, range, code, severity: severityOf(code), message, source: 'alloy', ...extra });

    for (const stmt of file.parse.file.body) {
      if (stmt.kind === 'Attribute') {
        error({ start: stmt.name.start, end: stmt.name.end }, 'top-level-attribute', `unrecognized attribute ${stmt.name.name}`);
        continue;
      }
      if (stmt.kind !== 'Block') continue;
      const kind = classifyTopLevelBlock(stmt.name);
      const id = blockId(stmt);

      if (!stmt.label) {
        if (kind.kind === 'component') {
          error(nameRange(stmt, stmt.name.length), 'missing-label', `component "${stmt.name}" must have a label`);
        } else if (kind.kind === 'declare') {
          error(nameRange(stmt, stmt.name.length), 'missing-label', 'declare block must have a label');
        } else if (kind.kind === 'config' && kind.labelled) {
          error(nameRange(stmt, stmt.name.length), 'missing-label', `${stmt.name} block must have a label`);
        }
      }

      const original = seen.get(id);
      if (original) {
        const pos = original.file.parse.lineIndex.alloyPosition(original.block.start);
        error(nameRange(stmt, id.length), 'duplicate-block', `block ${id} already declared at ${basename(original.file.path)}:${pos.line}:${pos.column}`, {
          related: [{ file: original.file.path, range: nameRange(original.block, id.length), message: `${id} is first declared here` }],
        });
      } else {
        seen.set(id, { file, block: stmt });
      }
    }
  }
  return findings;
}
