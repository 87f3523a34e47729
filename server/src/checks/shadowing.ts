/**
 * Components whose names shadow the stdlib: a reference such as `sys.sys.env` that
 * names a component although `sys` is a stdlib namespace. Alloy resolves it to the
 * component and warns (`a component is shadowing an existing stdlib name`), because the
 * stdlib name is no longer reachable there.
 */
import type { Finding } from '../syntax/diagnostic';
import { generatedStdlib } from '../semantic/catalogGenerated';
import type { ConfigModel } from '../semantic/model';
import { referenceExpressions, resolveReference } from '../semantic/references';
import { severityOf } from '../codes';

const STDLIB_ROOTS: ReadonlySet<string> = new Set(generatedStdlib().map((s) => s.name.split('.')[0] ?? s.name));

/** Warnings for references in root components that reach a component through a stdlib name. */
export function checkStdlibShadowing(model: ConfigModel): Finding[] {
  const out: Finding[] = [];
  for (const node of model.components.values()) {
    for (const expr of referenceExpressions(node.block)) {
      const r = resolveReference(model, expr);
      if (r.kind !== 'component' || !STDLIB_ROOTS.has(r.ref.component.name.split('.')[0] ?? '')) continue;
      let head = expr;
      while (head.kind === 'Access') head = head.value;
      out.push({
        file: node.file.path,
        range: { start: head.start, end: head.end },
        code: 'stdlib-shadowed',
        severity: severityOf('stdlib-shadowed'),
        message: 'a component is shadowing an existing stdlib name',
        source: 'alloy',
      });
    }
  }
  return out;
}
