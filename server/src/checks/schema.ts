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
import { firstNameFragment, type ConfigModel, type SourceFile } from '../semantic/model';
import { configScopes, type ConfigScope } from './configScopes';
import { customComponentArguments } from './customComponents';
import { literalTypeMismatch } from './valueTypes';
import { targetConversionMismatch } from './targetValues';
import { closedValueMismatch } from './closedValues';
import { severityOf, type Code } from '../codes';

const SOURCE = 'alloy';

/** A body to check: its attributes and blocks by name, and whether anything else is an error. */
interface Body {
  attributes: ListIndex<AttributeSchema>;
  blocks: ListIndex<BlockSchema>;
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
      if (schema) checkBlock(file, block, schema, out);
      else {
        const custom = scope.declares.get(block.name) ?? (scope.kind === 'root' ? imported.get(block.name) : undefined);
        if (custom) checkCustomInstance(file, block, custom, out);
      }
    }
    for (const { file, block } of configs) {
      const schema = block.name === 'declare' ? undefined : getConfigBlock(block.name);
      if (schema) checkBlock(file, block, schema, out);
    }
  }
  return out;
}

/** The built-in schema of `name`, unless a custom component or import namespace takes the name here. */
function builtinSchema(scope: ConfigScope, name: string): ComponentSchema | undefined {
  if (scope.declares.has(name)) return undefined;
  if (scope.importNamespaces.size > 0 && scope.importNamespaces.has(firstNameFragment(name))) return undefined;
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

/** One schema entry of a body, with how often the body being checked uses it. */
interface Entry<T> {
  schema: T;
  /** The body last counted (`bodySerial`), and its count there: no map per body. */
  seenIn: number;
  count: number;
  /** For a block's entry: its body, open and closed, made on first use. */
  bodies?: { open?: Body; closed?: Body };
}

/** A body's attribute or block list by name, and its required entries in schema order. */
interface ListIndex<T> {
  byName: ReadonlyMap<string, Entry<T>>;
  required: readonly Entry<T>[];
}

/** Built once per list: the lists are the catalog's, fixed while the process runs. */
const indexes = new WeakMap<readonly { name: string }[], ListIndex<unknown>>();

function indexOf<T extends { name: string; required: boolean }>(list: readonly T[]): ListIndex<T> {
  let index = indexes.get(list) as ListIndex<T> | undefined;
  if (!index) {
    // The first of a name wins, as a search through the list would find it.
    const byName = new Map<string, Entry<T>>();
    for (const schema of list) if (!byName.has(schema.name)) byName.set(schema.name, { schema, seenIn: -1, count: 0 });
    const required = list.filter((x) => x.required).map((x) => byName.get(x.name) as Entry<T>);
    index = { byName, required };
    indexes.set(list, index);
  }
  return index;
}

/** Numbers the bodies checked, so each entry's count belongs to one body. */
let bodySerial = 0;

/** Counts one more use of `entry` in body `serial`; returns the count. */
function countUse(entry: Entry<unknown>, serial: number): number {
  if (entry.seenIn !== serial) {
    entry.seenIn = serial;
    entry.count = 0;
  }
  return ++entry.count;
}

/** A component's or config block's body, open or closed: shared, since the catalog's schemas are fixed. */
const rootBodies = new WeakMap<object, { open?: Body; closed?: Body }>();

type BodySchema = { attributes: readonly AttributeSchema[]; blocks: readonly BlockSchema[] };

function rootBody(schema: BodySchema, closed: boolean): Body {
  let both = rootBodies.get(schema);
  if (!both) {
    both = {};
    rootBodies.set(schema, both);
  }
  return bodyIn(both, schema, closed);
}

/** The body kept in `both` for `closed`, made on first use. */
function bodyIn(both: { open?: Body; closed?: Body }, schema: BodySchema, closed: boolean): Body {
  const key = closed ? 'closed' : 'open';
  return (both[key] ??= { attributes: indexOf(schema.attributes), blocks: indexOf(schema.blocks), closed });
}

/** The blocks `checkBody` has still to check and their bodies' schemas, side by side: one pair of stacks for every call. */
const blocksToCheck: BlockStmt[] = [];
const bodiesToCheck: Body[] = [];

/** What `checkBody` found for a block, with what it was checked against. */
interface BlockFindings {
  path: string;
  schema: ComponentSchema | ConfigBlockSchema;
  findings: readonly Finding[];
}

const NO_FINDINGS: readonly Finding[] = [];

/**
 * The findings of a block against a schema depend on nothing but the block's
 * own tree, the schema and the file's path. Trees never change once parsed, and
 * a reparse hands back the statements an edit did not touch: those are not
 * checked again on the next keystroke. Kept weakly, as long as the block lives.
 */
const checkedBlocks = new WeakMap<BlockStmt, BlockFindings>();

/** `checkBody`, or what it found for this very block before. */
function checkBlock(file: SourceFile, block: BlockStmt, schema: ComponentSchema | ConfigBlockSchema, out: Finding[]): void {
  const known = checkedBlocks.get(block);
  if (known && known.path === file.path && known.schema === schema) {
    // Copies: each analysis owns its findings (their fixes are matched to line endings in place).
    for (const f of known.findings) out.push({ ...f });
    return;
  }
  const start = out.length;
  checkBody(file, block, schema, out);
  const findings = out.length === start ? NO_FINDINGS : out.slice(start).map((f) => ({ ...f }));
  checkedBlocks.set(block, { path: file.path, schema, findings });
}

function checkBody(file: SourceFile, root: BlockStmt, schema: ComponentSchema | ConfigBlockSchema, out: Finding[]): void {
  // Walk nested blocks with an explicit stack; schemas can be recursive (stage.match).
  blocksToCheck.push(root);
  bodiesToCheck.push(rootBody(schema, schema.complete));
  try {
    checkBodies(file, out);
  } finally {
    // Only after a throw is anything left; the next block must not inherit it.
    if (blocksToCheck.length > 0) blocksToCheck.length = bodiesToCheck.length = 0;
  }
}

function checkBodies(file: SourceFile, out: Finding[]): void {
  while (blocksToCheck.length > 0) {
    const block = blocksToCheck.pop() as BlockStmt;
    const body = bodiesToCheck.pop() as Body;
    const { attributes, blocks } = body;
    // One body at a time: its uses are counted under its own number.
    const serial = ++bodySerial;
    const stmts = block.body;
    for (let i = 0; i < stmts.length; i++) {
      const stmt = stmts[i] as BlockStmt['body'][number];
      if (stmt.kind === 'Attribute') {
        const name = stmt.name.name;
        const entry = attributes.byName.get(name);
        if (!entry) {
          if (blocks.byName.has(name)) push(out, file, { start: stmt.name.start, end: stmt.name.end }, 'schema', `"${name}" must be a block, but is used as an attribute`);
          else if (body.closed) push(out, file, { start: stmt.name.start, end: stmt.name.end }, 'unknown-attribute', `unrecognized attribute name "${name}"`);
          continue;
        }
        const known = entry.schema;
        if (countUse(entry, serial) === 2) push(out, file, { start: stmt.name.start, end: stmt.name.end }, 'schema', `attribute "${name}" may only be provided once`);
        const mismatch = literalTypeMismatch(known.type, stmt.value) ?? targetConversionMismatch(known.type, stmt.value);
        if (mismatch) push(out, file, mismatch.range, 'type', mismatch.message);
        const outside = known.closedValues && closedValueMismatch(known.closedValues, stmt.value);
        if (outside) push(out, file, outside.range, 'type', outside.message);
      } else if (stmt.kind === 'Block') {
        const name = stmt.name;
        const entry = blocks.byName.get(name);
        if (!entry) {
          if (attributes.byName.has(name)) push(out, file, blockHeaderSpan(stmt), 'schema', `"${name}" must be an attribute, but is used as a block`);
          else if (body.closed) push(out, file, blockHeaderSpan(stmt), 'unknown-block', `unrecognized block name "${name}"`);
          continue;
        }
        const known = entry.schema;
        if (countUse(entry, serial) === 2 && !known.repeatable) push(out, file, blockHeaderSpan(stmt), 'schema', `block "${name}" may only be specified once`);
        if (stmt.label && !known.labelled) push(out, file, blockHeaderSpan(stmt), 'schema', `block "${name}" does not support specifying labels`);
        if (!known.nestedConfig) {
          blocksToCheck.push(stmt);
          bodiesToCheck.push(bodyIn((entry.bodies ??= {}), known, body.closed && known.partial !== true));
        }
      }
    }
    if (!body.closed) continue;
    for (const a of attributes.required) if (a.seenIn !== serial) push(out, file, blockHeaderSpan(block), 'missing-required', `missing required attribute "${a.schema.name}"`);
    for (const b of blocks.required) if (b.seenIn !== serial) push(out, file, blockHeaderSpan(block), 'missing-required', `missing required block "${b.schema.name}"`);
  }
}
