/**
 * Checks for any configuration: references to components that do not exist,
 * component names Alloy does not know, and deprecated stdlib functions. The
 * messages are Alloy's own where Alloy has one.
 */
import { walk, type BlockStmt, type Stmt } from '../syntax/ast';
import type { Finding, Fix } from '../syntax/diagnostic';
import { deprecatedStdlib, isComponentName, suggestComponentNames } from '../semantic/catalog';
import { classifyTopLevelBlock } from '../semantic/blockKinds';
import type { ConfigModel, SourceFile } from '../semantic/model';
import { referenceExpressions, resolveReference } from '../semantic/references';

const SOURCE = 'alloy';

/** Top-level statements whose insides are in the root scope (not declare bodies, not foreach templates). */
function rootScoped(file: SourceFile): BlockStmt[] {
  return file.parse.file.body.filter((s: Stmt): s is BlockStmt => {
    if (s.kind !== 'Block') return false;
    const kind = classifyTopLevelBlock(s.name).kind;
    return kind === 'component' || (kind === 'config' && (s.name === 'logging' || s.name === 'tracing'));
  });
}

export function checkReferences(model: ConfigModel): Finding[] {
  const out: Finding[] = [];
  // A module's references may name its arguments' components: only a root configuration is checked.
  if (model.isModule) return out;
  for (const file of model.files) {
    for (const block of rootScoped(file)) {
      for (const expr of referenceExpressions(block)) {
        const r = resolveReference(model, expr);
        if (r.kind !== 'undefined') continue;
        out.push({
          file: file.path,
          range: r.range,
          code: 'undefined-reference',
          severity: 'error',
          message: `component "${r.path}" does not exist or is out of scope`,
          source: SOURCE,
        });
      }
    }
  }
  return out;
}

export function checkComponentNames(model: ConfigModel): Finding[] {
  const out: Finding[] = [];
  for (const file of model.files) {
    for (const stmt of file.parse.file.body) {
      if (stmt.kind !== 'Block' || classifyTopLevelBlock(stmt.name).kind !== 'component') continue;
      const name = stmt.name;
      const first = name.split('.')[0] ?? '';
      if (isComponentName(name) || model.declares.has(name) || (model.importNamespaces.has(first) && name.includes('.'))) continue;
      if (stmt.nameParts.some((p) => p.name === '')) continue; // a syntax error already says what is wrong
      const range = { start: stmt.start, end: stmt.start + name.length };
      const fixes: Fix[] = suggestComponentNames(name).map((suggestion, i) => ({
        title: `Change to ${suggestion}`,
        isPreferred: i === 0,
        edits: [{ file: file.path, range, newText: suggestion }],
      }));
      const hint = fixes.length > 0 ? ` (did you mean ${suggestComponentNames(name).map((s) => `"${s}"`).join(' or ')}?)` : '';
      out.push({
        file: file.path,
        range,
        code: 'unknown-component',
        severity: 'error',
        message: `cannot find the definition of component name "${name}"${hint}`,
        source: SOURCE,
        fixes,
      });
    }
  }
  return out;
}

export function checkDeprecatedFunctions(model: ConfigModel): Finding[] {
  const out: Finding[] = [];
  for (const file of model.files) {
    walk(file.parse.file, (node) => {
      if (node.kind !== 'Call' || node.callee.kind !== 'IdentExpr') return;
      const replacement = deprecatedStdlib.get(node.callee.name);
      if (!replacement) return;
      const range = { start: node.callee.start, end: node.callee.end };
      out.push({
        file: file.path,
        range,
        code: 'deprecated-function',
        severity: 'warning',
        // Alloy's own words; the fix's title names the replacement.
        message: 'this stdlib function is deprecated; please refer to the documentation for updated usage and alternatives',
        source: SOURCE,
        fixes: [{ title: `Use ${replacement}`, isPreferred: true, edits: [{ file: file.path, range, newText: replacement }] }],
      });
    });
  }
  return out;
}
