/**
 * Checks for any configuration: references to components that do not exist,
 * component names Alloy does not know, and deprecated stdlib functions. The
 * messages are Alloy's own where Alloy has one.
 */
import type { BlockStmt, Expr, Stmt } from '../syntax/ast';
import type { Finding, Fix } from '../syntax/diagnostic';
import { deprecatedStdlib, isComponentName, suggestComponentNames } from '../semantic/catalog';
import { classifyTopLevelBlock } from '../semantic/blockKinds';
import { firstNameFragment, type ConfigModel, type SourceFile } from '../semantic/model';
import type { Resolution } from '../semantic/references';
import { walkModel } from '../semantic/modelWalk';
import { MAX_SUGGESTED_REFERENCES, referenceFixes } from './referenceFixes';
import { PerFileCap } from '../semantic/limits';
import { withLazyFixes } from '../fixes/lazyFixes';
import { severityOf } from '../codes';

const SOURCE = 'alloy';

/** Top-level statements whose insides are in the root scope (not declare bodies, not foreach templates). */
function rootScoped(file: SourceFile): BlockStmt[] {
  return file.parse.file.body.filter((s: Stmt): s is BlockStmt => {
    if (s.kind !== 'Block') return false;
    const kind = classifyTopLevelBlock(s.name).kind;
    return kind === 'component' || (kind === 'config' && (s.name === 'logging' || s.name === 'tracing'));
  });
}

/** Kept here too: the reference checks were its first users. */
export { withLazyFixes };

export function checkReferences(model: ConfigModel): Finding[] {
  const out: Finding[] = [];
  // A module's references may name its arguments' components: only a root configuration is checked.
  if (model.isModule) return out;
  const cap = new PerFileCap();
  const walk = walkModel(model);
  for (const file of model.files) {
    let suggested = 0;
    for (const block of rootScoped(file)) {
      if (!cap.hasRoom(file.path)) break;
      const exprs = walk.references(block);
      const resolutions = walk.resolutions(block);
      for (let i = 0; i < exprs.length; i++) {
        const expr = exprs[i] as Expr;
        const r = resolutions[i] as Resolution;
        if (r.kind === 'undefined' && !cap.take(file.path)) break;
        if (r.kind !== 'undefined') continue;
        const suggest = suggested++ < MAX_SUGGESTED_REFERENCES;
        const finding: Finding = {
          file: file.path,
          range: r.range,
          code: 'undefined-reference',
          severity: severityOf('undefined-reference'),
          message: `component "${r.path}" does not exist or is out of scope`,
          source: SOURCE,
        };
        // Worked out when a code action (or the CLI's JSON) reads them, not on every keystroke's diagnostics.
        out.push(withLazyFixes(finding, () => referenceFixes(model, file, block, expr, r, suggest)));
      }
    }
  }
  return out;
}

export function checkComponentNames(model: ConfigModel): Finding[] {
  const out: Finding[] = [];
  const cap = new PerFileCap();
  // The same unknown name written 100,000 times is looked up once.
  const suggestions = new Map<string, string[]>();
  for (const file of model.files) {
    for (const stmt of file.parse.file.body) {
      if (stmt.kind !== 'Block' || classifyTopLevelBlock(stmt.name).kind !== 'component') continue;
      const name = stmt.name;
      if (isComponentName(name) || model.declares.has(name) || (model.importNamespaces.size > 0 && model.importNamespaces.has(firstNameFragment(name)) && name.includes('.'))) continue;
      if (stmt.nameParts.some((p) => p.name === '')) continue; // a syntax error already says what is wrong
      if (!cap.take(file.path)) break;
      const range = { start: stmt.start, end: stmt.start + name.length };
      let suggested = suggestions.get(name);
      if (!suggested) {
        suggested = suggestComponentNames(name);
        suggestions.set(name, suggested);
      }
      const fixes: Fix[] = suggested.map((suggestion, i) => ({
        title: `Change to ${suggestion}`,
        isPreferred: i === 0,
        edits: [{ file: file.path, range, newText: suggestion }],
      }));
      const hint = fixes.length > 0 ? ` (did you mean ${suggested.map((s) => `"${s}"`).join(' or ')}?)` : '';
      out.push({
        file: file.path,
        range,
        code: 'unknown-component',
        severity: severityOf('unknown-component'),
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
  const cap = new PerFileCap();
  for (const { file, call } of walkModel(model).calls) {
    if (call.callee.kind !== 'IdentExpr') continue;
    const replacement = deprecatedStdlib.get(call.callee.name);
    if (!replacement || !cap.take(file.path)) continue;
    const range = { start: call.callee.start, end: call.callee.end };
    const finding: Finding = {
      file: file.path,
      range,
      code: 'deprecated-function',
      severity: severityOf('deprecated-function'),
      // Alloy's own words; the fix's title names the replacement.
      message: 'this stdlib function is deprecated; please refer to the documentation for updated usage and alternatives',
      source: SOURCE,
    };
    out.push(withLazyFixes(finding, () => [{ title: `Use ${replacement}`, isPreferred: true, edits: [{ file: file.path, range, newText: replacement }] }]));
  }
  return out;
}
