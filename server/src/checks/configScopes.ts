/**
 * The configuration scopes of Alloy, for the checks: the root (the top level of all
 * files of a directory), each `declare` body (a module of its own: it sees only its own
 * components, arguments and the custom components declared around it), and each
 * `foreach` template (which also sees the scope around it). Walked with an explicit
 * stack, so deeply nested declarations cannot overflow anything.
 */
import { Slot } from '../syntax/slot';
import type { BlockStmt } from '../syntax/ast';
import type { ConfigModel, SourceFile } from '../semantic/model';

/** One scope: its blocks (with the file each is in) and what is visible from it. */
export interface ConfigScope {
  kind: 'root' | 'declare' | 'foreach';
  /** The `declare` or `foreach` block that opens the scope (absent for the root). */
  owner?: BlockStmt;
  blocks: readonly { file: SourceFile; block: BlockStmt }[];
  /** Inside a `declare` body, however deep (Alloy's "module"). */
  inModule: boolean;
  /** Inside a `foreach` template, however deep. */
  inForeach: boolean;
  /** `declare` blocks visible here, by label (own scope first, then the enclosing ones). */
  declares: ReadonlyMap<string, BlockStmt>;
  /** Labels of the `import.*` blocks visible here. */
  importNamespaces: ReadonlySet<string>;
  parent?: ConfigScope;
}

function blocksOf(file: SourceFile, body: readonly { kind: string }[]): { file: SourceFile; block: BlockStmt }[] {
  return body.filter((s): s is BlockStmt => s.kind === 'Block').map((block) => ({ file, block }));
}

function withVisible(scope: Omit<ConfigScope, 'declares' | 'importNamespaces'>, parent: ConfigScope | undefined): ConfigScope {
  const declares = new Map(parent?.declares);
  const importNamespaces = new Set(parent?.importNamespaces);
  for (const { block } of scope.blocks) {
    if (block.name === 'declare' && block.label) declares.set(block.label.value, block);
    if (block.name.startsWith('import.') && block.label) importNamespaces.add(block.label.value);
  }
  return { ...scope, declares, importNamespaces };
}

const scopesByModel = new Slot<ConfigModel, readonly ConfigScope[]>('scopesByModel');

/**
 * Every scope of the configuration, the root first, then the nested ones
 * outside in. Worked out once per model: the schema, module, cycle and version
 * checks all go through them.
 */
export function configScopes(model: ConfigModel): readonly ConfigScope[] {
  return scopesByModel.ensure(model, findScopes);
}

function findScopes(model: ConfigModel): ConfigScope[] {
  const root = withVisible({ kind: 'root', blocks: model.files.flatMap((f) => blocksOf(f, f.parse.file.body)), inModule: false, inForeach: false }, undefined);
  const out: ConfigScope[] = [];
  const pending: ConfigScope[] = [root];
  while (pending.length > 0) {
    const scope = pending.shift() as ConfigScope;
    out.push(scope);
    for (const { file, block } of scope.blocks) {
      if (block.name === 'declare') {
        pending.push(withVisible({ kind: 'declare', owner: block, blocks: blocksOf(file, block.body), inModule: true, inForeach: false, parent: scope }, scope));
      } else if (block.name === 'foreach') {
        for (const template of block.body) {
          if (template.kind !== 'Block' || template.name !== 'template') continue;
          pending.push(
            withVisible({ kind: 'foreach', owner: block, blocks: blocksOf(file, template.body), inModule: scope.inModule, inForeach: true, parent: scope }, scope),
          );
        }
      }
    }
  }
  return out;
}
