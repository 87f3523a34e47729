/**
 * What Alloy rejects inside `declare` bodies and `foreach` templates, with its own
 * messages (`internal/validator`): blocks declared twice in one scope, labels missing,
 * `logging`/`tracing` where only the root may configure them, component names the scope
 * does not know, and references to components that are not in scope (a `declare` body
 * sees only its own components; a template also sees the scope around it, but the
 * scope around it does not see the template's components). The root scope is checked
 * by `semantic/validate.ts` and `checks/references.ts`.
 */
import { basename } from 'node:path';
import type { BlockStmt } from '../syntax/ast';
import type { Finding, TextRange } from '../syntax/diagnostic';
import { isComponentName, suggestComponentNames } from '../semantic/catalog';
import { classifyTopLevelBlock } from '../semantic/blockKinds';
import { buildModel, firstNameFragment, type ConfigModel, type SourceFile } from '../semantic/model';
import { referenceExpressions, resolveReference } from '../semantic/references';
import { blockId } from '../semantic/validate';
import { configScopes, type ConfigScope } from './configScopes';
import { severityOf, type Code } from '../codes';

const SOURCE = 'alloy';

/** Findings for every nested scope of the configuration. */
export function checkModules(model: ConfigModel): Finding[] {
  const out: Finding[] = [];
  for (const scope of configScopes(model)) {
    if (scope.kind === 'root') continue;
    checkScopeBlocks(scope, out);
    // References in templates of a module file may name what its caller passes: only
    // templates of a root configuration, and declare bodies (self-contained), are judged.
    if (scope.kind === 'declare' || !model.isModule) checkScopeReferences(scope, out);
  }
  return out;
}

function error(out: Finding[], file: SourceFile, range: TextRange, code: Code, message: string): void {
  out.push({ file: file.path, range, code, severity: severityOf(code), message, source: SOURCE });
}

function nameRange(block: BlockStmt, length: number): TextRange {
  return { start: block.start, end: block.start + length };
}

function checkScopeBlocks(scope: ConfigScope, out: Finding[]): void {
  const seen = new Map<string, { file: SourceFile; block: BlockStmt }>();
  for (const { file, block } of scope.blocks) {
    const kind = classifyTopLevelBlock(block.name);
    const id = blockId(block);
    if (!block.label) {
      if (kind.kind === 'component') error(out, file, nameRange(block, block.name.length), 'missing-label', `component "${block.name}" must have a label`);
      else if (kind.kind === 'declare') error(out, file, nameRange(block, block.name.length), 'missing-label', 'declare block must have a label');
      else if (kind.kind === 'config' && kind.labelled) error(out, file, nameRange(block, block.name.length), 'missing-label', `${block.name} block must have a label`);
    }
    const original = seen.get(id);
    if (original) {
      const pos = original.file.parse.lineIndex.alloyPosition(original.block.start);
      error(out, file, nameRange(block, id.length), 'duplicate-block', `block ${id} already declared at ${basename(original.file.path)}:${pos.line}:${pos.column}`);
    } else seen.set(id, { file, block });
    if (block.name === 'logging' || block.name === 'tracing') {
      if (scope.inModule) error(out, file, nameRange(block, id.length), 'not-allowed', `${id} not allowed in module`);
      else if (scope.inForeach) error(out, file, nameRange(block, id.length), 'not-allowed', `${id} not allowed in foreach`);
    }
    if (kind.kind === 'component' && !knownHere(scope, block.name) && !block.nameParts.some((p) => p.name === '')) {
      const hints = suggestComponentNames(block.name);
      const hint = hints.length > 0 ? ` (did you mean ${hints.map((s) => `"${s}"`).join(' or ')}?)` : '';
      error(out, file, nameRange(block, block.name.length), 'unknown-component', `cannot find the definition of component name "${block.name}"${hint}`);
    }
  }
}

function knownHere(scope: ConfigScope, name: string): boolean {
  const first = firstNameFragment(name);
  return isComponentName(name) || scope.declares.has(name) || (scope.importNamespaces.has(first) && name.includes('.'));
}

/**
 * The model of what a scope's references can name: its own blocks and, for a template,
 * those of the scopes around it up to the nearest `declare` body or the root.
 */
export function scopeModel(scope: ConfigScope): ConfigModel {
  const byFile = new Map<SourceFile, BlockStmt[]>();
  for (let s: ConfigScope | undefined = scope; s; s = s.kind === 'foreach' ? s.parent : undefined) {
    for (const { file, block } of s.blocks) {
      const list = byFile.get(file) ?? [];
      list.push(block);
      byFile.set(file, list);
    }
  }
  const files = [...byFile].map(([file, body]) => ({ path: file.path, parse: { ...file.parse, file: { ...file.parse.file, body } } }));
  return buildModel(files);
}

function checkScopeReferences(scope: ConfigScope, out: Finding[]): void {
  const local = scopeModel(scope);
  for (const { file, block } of scope.blocks) {
    if (block.name === 'declare') continue;
    // A foreach's own attributes belong to this scope; its template is a scope of its own.
    const roots = block.name === 'foreach' ? block.body.filter((s) => s.kind === 'Attribute') : [block];
    for (const root of roots) {
      for (const expr of referenceExpressions(root)) {
        const r = resolveReference(local, expr);
        if (r.kind === 'undefined') error(out, file, r.range, 'undefined-reference', `component "${r.path}" does not exist or is out of scope`);
      }
    }
  }
}
