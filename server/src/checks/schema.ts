/**
 * Arguments checked against the component catalog, with Alloy's own messages
 * (`syntax/vm`): unknown attributes and blocks, missing required ones, an
 * attribute given twice, a block used as an attribute and the reverse. Only
 * where the catalog's lists are complete, so a gap in our knowledge is never
 * reported as the user's mistake.
 */
import { blockHeaderSpan, type BlockStmt } from '../syntax/ast';
import type { Finding, TextRange } from '../syntax/diagnostic';
import { getConfigBlock, type AttributeSchema, type BlockSchema, type ComponentSchema, type ConfigBlockSchema } from '../semantic/catalog';
import type { ConfigModel, SourceFile } from '../semantic/model';
import { PerFileCap } from '../semantic/limits';

const SOURCE = 'alloy';

interface Body {
  attributes: readonly AttributeSchema[];
  blocks: readonly BlockSchema[];
  closed: boolean;
}

export function checkSchemas(model: ConfigModel): Finding[] {
  const out: Finding[] = [];
  const cap = new PerFileCap();
  for (const component of model.components.values()) {
    if (component.schema && cap.hasRoom(component.file.path)) checkBody(component.file, component.block, component.schema, out, cap);
  }
  for (const node of [model.logging, model.tracing]) {
    const schema = node ? getConfigBlock(node.block.name) : undefined;
    if (node && schema) checkBody(node.file, node.block, schema, out, cap);
  }
  return out;
}

function checkBody(file: SourceFile, root: BlockStmt, schema: ComponentSchema | ConfigBlockSchema, out: Finding[], cap: PerFileCap): void {
  // Walk nested blocks with an explicit stack; schemas can be recursive (stage.match).
  const stack: { block: BlockStmt; body: Body }[] = [{ block: root, body: { attributes: schema.attributes, blocks: schema.blocks, closed: schema.complete } }];
  while (stack.length > 0) {
    const { block, body } = stack.pop() as (typeof stack)[number];
    const error = (range: TextRange, code: string, message: string) => cap.take(file.path) && out.push({ file: file.path, range, code, severity: 'error', message, source: SOURCE });
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
