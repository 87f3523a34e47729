/**
 * Arguments checked against the component catalog, with Alloy's own messages
 * (`syntax/vm`): unknown attributes and blocks, missing required ones, an attribute
 * given twice, a block used as an attribute and the reverse, labels where none is
 * allowed, literal values of the wrong type. In every scope: the root, `declare` bodies
 * and `foreach` templates; for components, configuration and service blocks, and
 * instances of custom components (against their `argument` blocks). Only where the
 * catalog's lists are complete, so a gap in our knowledge is never reported as the
 * user's mistake.
 */
import { blockHeaderSpan, type BlockStmt } from '../syntax/ast';
import type { Finding, TextRange } from '../syntax/diagnostic';
import { getComponent, getConfigBlock, type AttributeSchema, type BlockSchema, type ComponentSchema, type ConfigBlockSchema } from '../semantic/catalog';
import { classifyTopLevelBlock } from '../semantic/blockKinds';
import type { ConfigModel, SourceFile } from '../semantic/model';
import { configScopes, type ConfigScope } from './configScopes';
import { customComponentArguments } from './customComponents';
import { literalTypeMismatch } from './valueTypes';
import { targetConversionMismatch } from './targetValues';
import { closedValueMismatch } from './closedValues';
import { severityOf, type Code } from '../codes';

const SOURCE = 'alloy';

interface Body {
  attributes: readonly AttributeSchema[];
  blocks: readonly BlockSchema[];
  closed: boolean;
}

/**
 * Schema findings for every block of every scope of the configuration. `imported`
 * holds the custom components of local modules (`importedDeclares`), when known.
 */
export function checkSchemas(model: ConfigModel, imported: ReadonlyMap<string, BlockStmt> = new Map()): Finding[] {
  const out: Finding[] = [];
  for (const scope of configScopes(model)) {
    const configs: { file: SourceFile; block: BlockStmt }[] = [];
    for (const entry of scope.blocks) {
      const { file, block } = entry;
      if (classifyTopLevelBlock(block.name).kind !== 'component') {
        configs.push(entry);
        continue;
      }
      const schema = builtinSchema(scope, block.name);
      if (schema) checkBody(file, block, schema, out);
      else {
        const custom = scope.declares.get(block.name) ?? (scope.kind === 'root' ? imported.get(block.name) : undefined);
        if (custom) checkCustomInstance(file, block, custom, out);
      }
    }
    for (const { file, block } of configs) {
      const schema = block.name === 'declare' ? undefined : getConfigBlock(block.name);
      if (schema) checkBody(file, block, schema, out);
    }
  }
  return out;
}

/** The built-in schema of `name`, unless a custom component or import namespace takes the name here. */
function builtinSchema(scope: ConfigScope, name: string): ComponentSchema | undefined {
  if (scope.declares.has(name)) return undefined;
  const first = name.split('.')[0] ?? '';
  if (scope.importNamespaces.has(first)) return undefined;
  return getComponent(name);
}

function checkCustomInstance(file: SourceFile, block: BlockStmt, declare: BlockStmt, out: Finding[]): void {
  const args = customComponentArguments(declare);
  if (!args) return;
  const seen = new Set<string>();
  for (const stmt of block.body) {
    if (stmt.kind !== 'Attribute') continue;
    const name = stmt.name.name;
    seen.add(name);
    if (!args.has(name)) push(out, file, { start: stmt.name.start, end: stmt.name.end }, 'unknown-attribute', `unrecognized attribute name "${name}"`);
  }
  for (const [name, required] of args) {
    if (required && !seen.has(name)) push(out, file, blockHeaderSpan(block), 'missing-required', `missing required attribute "${name}"`);
  }
}

function push(out: Finding[], file: SourceFile, range: TextRange, code: Code, message: string): void {
  out.push({ file: file.path, range, code, severity: severityOf(code), message, source: SOURCE });
}

function checkBody(file: SourceFile, root: BlockStmt, schema: ComponentSchema | ConfigBlockSchema, out: Finding[]): void {
  // Walk nested blocks with an explicit stack; schemas can be recursive (stage.match).
  const stack: { block: BlockStmt; body: Body }[] = [{ block: root, body: { attributes: schema.attributes, blocks: schema.blocks, closed: schema.complete } }];
  while (stack.length > 0) {
    const { block, body } = stack.pop() as (typeof stack)[number];
    const error = (range: TextRange, code: Code, message: string) => push(out, file, range, code, message);
    const attrCount = new Map<string, number>();
    const blockCount = new Map<string, number>();
    for (const stmt of block.body) {
      if (stmt.kind === 'Attribute') {
        const name = stmt.name.name;
        const known = body.attributes.find((a) => a.name === name);
        if (!known) {
          if (body.blocks.some((b) => b.name === name)) error({ start: stmt.name.start, end: stmt.name.end }, 'schema', `"${name}" must be a block, but is used as an attribute`);
          else if (body.closed) error({ start: stmt.name.start, end: stmt.name.end }, 'unknown-attribute', `unrecognized attribute name "${name}"`);
          continue;
        }
        const n = (attrCount.get(name) ?? 0) + 1;
        attrCount.set(name, n);
        if (n === 2) error({ start: stmt.name.start, end: stmt.name.end }, 'schema', `attribute "${name}" may only be provided once`);
        const mismatch = literalTypeMismatch(known.type, stmt.value) ?? targetConversionMismatch(known.type, stmt.value);
        if (mismatch) error(mismatch.range, 'type', mismatch.message);
        const outside = known.closedValues && closedValueMismatch(known.closedValues, stmt.value);
        if (outside) error(outside.range, 'type', outside.message);
      } else if (stmt.kind === 'Block') {
        const name = stmt.name;
        const known = body.blocks.find((b) => b.name === name);
        if (!known) {
          if (body.attributes.some((a) => a.name === name)) error(blockHeaderSpan(stmt), 'schema', `"${name}" must be an attribute, but is used as a block`);
          else if (body.closed) error(blockHeaderSpan(stmt), 'unknown-block', `unrecognized block name "${name}"`);
          continue;
        }
        const n = (blockCount.get(name) ?? 0) + 1;
        blockCount.set(name, n);
        if (n === 2 && !known.repeatable) error(blockHeaderSpan(stmt), 'schema', `block "${name}" may only be specified once`);
        if (stmt.label && !known.labelled) error(blockHeaderSpan(stmt), 'schema', `block "${name}" does not support specifying labels`);
        if (!known.nestedConfig) stack.push({ block: stmt, body: { attributes: known.attributes, blocks: known.blocks, closed: body.closed && known.partial !== true } });
      }
    }
    if (!body.closed) continue;
    const at = blockHeaderSpan(block);
    for (const a of body.attributes) if (a.required && !attrCount.has(a.name)) error(at, 'missing-required', `missing required attribute "${a.name}"`);
    for (const b of body.blocks) if (b.required && !blockCount.has(b.name)) error(at, 'missing-required', `missing required block "${b.name}"`);
  }
}
