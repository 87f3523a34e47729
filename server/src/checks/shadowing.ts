/**
 * Components whose names shadow the stdlib: a reference such as `sys.sys.env` that
 * names a component although `sys` is a stdlib namespace. Alloy resolves it to the
 * component and warns (`a component is shadowing an existing stdlib name`), because the
 * stdlib name is no longer reachable there.
 */
import type { Finding } from '../syntax/diagnostic';
import { generatedStdlib } from '../semantic/catalogGenerated';
import { firstNameFragment, type ConfigModel } from '../semantic/model';
import type { Resolution } from '../semantic/references';
import type { Expr } from '../syntax/ast';
import { walkModel } from '../semantic/modelWalk';
import { severityOf } from '../codes';

const STDLIB_ROOTS: ReadonlySet<string> = new Set(generatedStdlib().map((s) => s.name.split('.')[0] ?? s.name));

/** Whether a component name starts with a stdlib namespace, by name (a configuration has few names, and many references). */
const shadowsByName = new Map<string, boolean>();

function shadows(name: string): boolean {
  let known = shadowsByName.get(name);
  if (known === undefined) {
    known = STDLIB_ROOTS.has(firstNameFragment(name));
    shadowsByName.set(name, known);
  }
  return known;
}

/** Warnings for references in root components that reach a component through a stdlib name. */
export function checkStdlibShadowing(model: ConfigModel): Finding[] {
  const out: Finding[] = [];
  const walk = walkModel(model);
  for (const node of model.components.values()) {
    const exprs = walk.references(node.block);
    const resolutions = walk.resolutions(node.block);
    for (let i = 0; i < exprs.length; i++) {
      const r = resolutions[i] as Resolution;
      if (r.kind !== 'component' || !shadows(r.ref.component.name)) continue;
      let head = exprs[i] as Expr;
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
