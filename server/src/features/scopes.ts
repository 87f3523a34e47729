/**
 * Where a position is, in terms of the catalog: the root of a configuration, a
 * declare body, or the body of a component or block with its schema; plus the
 * short texts completion and hover show for schemas.
 */
import {
  capsuleKindOfType,
  getComponent,
  getConfigBlock,
  resolveBody,
  type AttributeSchema,
  type BlockSchema,
  type BodySchema,
  type CapsuleKind,
  type ComponentSchema,
  type ConfigBlockSchema,
  type ExportSchema,
  type Stability,
} from '../semantic/catalog';
import type { ConfigModel } from '../semantic/model';

// ---------------------------------------------------------------------------------------
// Scopes: what a block body at some nesting holds.

/** Where a body sits, resolved from the names of the blocks around it. */
export type Scope =
  /** A body that holds a configuration: the file itself, a `declare` body, a `foreach` template. */
  | { kind: 'config'; where: 'root' | 'declare' | 'template' }
  /** A body described by the catalog: a component's or config block's arguments, or a nested block. */
  | { kind: 'schema'; ownerName: string; owner: ComponentSchema | ConfigBlockSchema; path: readonly string[]; body: BodySchema }
  /** A custom component, an unknown name, or a block the catalog does not list. */
  | { kind: 'unknown' };

const ROOT_SCOPE: Scope = { kind: 'config', where: 'root' };

/** Whether `name` is a custom component: declared here or in an imported namespace. */
export function isCustomComponentName(model: ConfigModel, name: string): boolean {
  if (model.declares.has(name)) return true;
  const dot = name.indexOf('.');
  return dot > 0 && model.importNamespaces.has(name.slice(0, dot));
}

/** The scope inside a block called `name` that sits in `outer`. */
export function enterBlock(model: ConfigModel, outer: Scope, name: string): Scope {
  switch (outer.kind) {
    case 'unknown':
      return outer;
    case 'config': {
      if (isCustomComponentName(model, name)) return { kind: 'unknown' };
      const component = getComponent(name);
      if (component) return schemaScope(name, component, []);
      const config = getConfigBlock(name);
      if (config) {
        if (config.nestedConfig === true) return { kind: 'config', where: 'declare' };
        return schemaScope(name, config, []);
      }
      return { kind: 'unknown' };
    }
    case 'schema':
      return schemaScope(outer.ownerName, outer.owner, [...outer.path, name]);
  }
}

function schemaScope(ownerName: string, owner: ComponentSchema | ConfigBlockSchema, path: readonly string[]): Scope {
  const body = resolveBody(owner, path);
  if (!body) return { kind: 'unknown' };
  if (body.nestedConfig) return { kind: 'config', where: path.length === 0 ? 'declare' : 'template' };
  return { kind: 'schema', ownerName, owner, path, body };
}

/** The scope inside nested blocks named `names`, outermost first, starting at the root of a file. */
export function scopeOfPath(model: ConfigModel, names: readonly string[]): Scope {
  let scope: Scope = ROOT_SCOPE;
  for (const name of names) {
    scope = enterBlock(model, scope, name);
    if (scope.kind === 'unknown') break;
  }
  return scope;
}

// ---------------------------------------------------------------------------------------
// Shared text for completion and hover.

export function stabilityText(stability: Stability): string {
  switch (stability) {
    case 'generally-available':
      return 'generally available';
    case 'public-preview':
      return 'public preview (needs `--stability.level=public-preview`)';
    case 'experimental':
      return 'experimental (needs `--stability.level=experimental`)';
    case 'community':
      return 'community (needs `--feature.community-components.enabled`)';
  }
}

/** Markdown describing an attribute: doc, default, allowed values, what it accepts. */
export function attributeDoc(attr: AttributeSchema): string {
  const parts = [attr.doc];
  if (attr.deprecated) parts.push(`**Deprecated:** ${attr.deprecated}`);
  parts.push(attr.required ? 'Required.' : attr.default !== undefined ? `Default: \`${attr.default}\`` : 'Optional.');
  if (attr.enum && attr.enum.length > 0) parts.push(`Allowed values: ${attr.enum.map((v) => `\`"${v}"\``).join(', ')}`);
  if (attr.accepts) parts.push(`Takes references of kind \`${attr.accepts}\`.`);
  return parts.filter((p) => p !== '').join('\n\n');
}

export function blockDoc(block: BlockSchema): string {
  const flags = [block.required ? 'required' : 'optional'];
  if (block.repeatable) flags.push('repeatable');
  if (block.labelled) flags.push('labelled');
  return [block.doc, `Block, ${flags.join(', ')}.`].filter((p) => p !== '').join('\n\n');
}

export function exportKind(e: ExportSchema): CapsuleKind | undefined {
  return e.kind ?? capsuleKindOfType(e.type);
}
