/**
 * Components whose names shadow the stdlib: a reference such as `sys.sys.env` that
 * names a component although `sys` is a stdlib namespace. Alloy resolves it to the
 * component and warns (`a component is shadowing an existing stdlib name`), because the
 * stdlib name is no longer reachable there.
 */
import type { Finding } from '../syntax/diagnostic';
import { generatedStdlib } from '../semantic/catalogGenerated';
import type { ConfigModel } from '../semantic/model';
import { resolveReference } from '../semantic/references';
import { walkModel } from '../semantic/modelWalk';

const STDLIB_ROOTS: ReadonlySet<string> = new Set(generatedStdlib().map((s) => s.name.split('.')[0] ?? s.name));

/** Whether a component name starts with a stdlib namespace, by name (a configuration has few names, and many references). */
const shadowsByName = new Map<string, boolean>();

function shadows(name: string): boolean {
  let known = shadowsByName.get(name);
  if (known === undefined) {
    known = STDLIB_ROOTS.has(name.split('.')[0] ?? '');
    shadowsByName.set(name, known);
  }
  return known;
}

/** Warnings for references in root components that reach a component through a stdlib name. */
export function checkStdlibShadowing(model: ConfigModel): Finding[] {
  const out: Finding[] = [];
  const walk = walkModel(model);
  for (const node of model.components.values()) {
    for (const expr of walk.references(node.block)) {
      const r = resolveReference(model, expr);
      if (r.kind !== 'component' || !shadows(r.ref.component.name)) continue;
      let head = expr;
      while (head.kind === 'Access') head = head.value;
      out.push({
        file: node.file.path,
        range: { start: head.start, end: head.end },
        code: 'stdlib-shadowed',
        severity: 'warning',
        message: 'a component is shadowing an existing stdlib name',
        source: 'alloy',
      });
    }
  }
  return out;
}
