/**
 * Hover: markdown about the thing under the cursor, as plain data (UTF-16
 * offsets, no LSP types). Components, config blocks, attributes and nested
 * blocks are described from the catalog; references say which component and
 * export they name and where that component is defined; standard-library
 * functions show their signature. Environment variables are named, never read.
 */
import type { BlockStmt, Expr, Node, Stmt } from '../syntax/ast';
import { childrenOf, referencePath } from '../syntax/ast';
import type { TextRange } from '../syntax/diagnostic';
import {
  getComponent,
  getConfigBlock,
  getStdlibFunction,
  stdlibConstants,
  stdlibNamespaces,
  type AttributeSchema,
  type BlockSchema,
  type ComponentSchema,
  type ConfigBlockSchema,
} from '../semantic/catalog';
import type { ConfigModel, SourceFile } from '../semantic/model';
import { stringValue } from '../semantic/model';
import { resolveReference } from '../semantic/references';
import { PipelineGraph } from '../semantic/pipelineGraph';
import type { AlloyHost } from '../semantic/selfTelemetry';
import { explainSelfTelemetry } from '../semantic/selfTelemetryExplanation';
import { attributeDoc, blockDoc, enterBlock, exportKind, isCustomComponentName, stabilityText, type Scope } from './scopes';

export interface HoverResult {
  /** Markdown. */
  contents: string;
  /** What the hover describes (UTF-16 offsets). */
  range: TextRange;
}

/**
 * Hover at `offset` in `file`. Never throws; undefined when there is nothing to
 * say. `hosts` (the compose services running Alloy, when known) sharpens what
 * is said about how Alloy's own telemetry leaves.
 */
export function getHover(model: ConfigModel, file: SourceFile, offset: number, hosts: readonly AlloyHost[] = []): HoverResult | undefined {
  try {
    const result = hover(model, file, offset);
    return result ? withSelfTelemetry(model, file, offset, hosts, result) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * On the name of a top-level block that carries Alloy's own telemetry (`logging`,
 * `tracing`, a scrape of Alloy, a log source reading Alloy's logs), how it leaves.
 */
function withSelfTelemetry(model: ConfigModel, file: SourceFile, offset: number, hosts: readonly AlloyHost[], result: HoverResult): HoverResult {
  const block = statementAt(file.parse.file.body, offset);
  if (!block || block.kind !== 'Block' || offset > (block.lbrace < 0 ? block.end : block.lbrace)) return result;
  if (model.hasSyntaxErrors) return result;
  const sentences = explainSelfTelemetry(model, new PipelineGraph(model), hosts).filter((s) => s.blocks.includes(block));
  if (sentences.length === 0) return result;
  return { ...result, contents: [result.contents, `**Alloy's own telemetry:** ${sentences.map((s) => s.text).join(' ')}`].join('\n\n') };
}

/** The statement of `stmts` that holds `offset` (a hover at the end of a word counts too). */
function statementAt(stmts: readonly Stmt[], offset: number): Stmt | undefined {
  let found: Stmt | undefined;
  for (const s of stmts) {
    if (s.start <= offset && offset < s.end) return s;
    if (s.start <= offset && offset === s.end) found = s;
    if (s.start > offset) break;
  }
  return found;
}

function hover(model: ConfigModel, file: SourceFile, offset: number): HoverResult | undefined {
  if (!Number.isFinite(offset) || offset < 0 || offset > file.parse.text.length) return undefined;
  let scope: Scope = { kind: 'config', where: 'root' };
  let stmts: readonly Stmt[] = file.parse.file.body;
  // Descend through the blocks (a loop: nesting can be deep).
  for (;;) {
    const stmt = statementAt(stmts, offset);
    if (!stmt || stmt.kind === 'ErrorStmt') return undefined;
    if (stmt.kind === 'Attribute') {
      if (offset >= stmt.name.start && offset <= stmt.name.end) return attributeHover(scope, stmt.name.name, { start: stmt.name.start, end: stmt.name.end });
      return expressionHover(model, stmt.value, offset);
    }
    const first = stmt.nameParts[0];
    const last = stmt.nameParts[stmt.nameParts.length - 1];
    const nameEnd = stmt.label ? stmt.label.end : last ? last.end : stmt.start;
    if (first && offset >= first.start && offset <= nameEnd) {
      return blockNameHover(model, scope, stmt, { start: first.start, end: last ? last.end : first.end });
    }
    if (stmt.lbrace < 0 || offset <= stmt.lbrace) return undefined;
    scope = enterBlock(model, scope, stmt.name);
    stmts = stmt.body;
  }
}

// ---------------------------------------------------------------------------------------
// Blocks and attributes

function blockNameHover(model: ConfigModel, scope: Scope, block: BlockStmt, range: TextRange): HoverResult | undefined {
  if (scope.kind === 'config') {
    if (isCustomComponentName(model, block.name)) {
      const declared = declareLocation(model, block.name);
      const lines = [`**${block.name}** — custom component`];
      lines.push(declared ? `Declared by \`declare "${block.name}"\` at \`${declared}\`.` : `Imported from the \`${block.name.split('.')[0] ?? ''}\` namespace.`);
      return { contents: lines.join('\n\n'), range };
    }
    const component = getComponent(block.name);
    if (component) return { contents: componentMarkdown(component), range };
    const config = getConfigBlock(block.name);
    if (config) return { contents: configBlockMarkdown(config), range };
    return undefined;
  }
  if (scope.kind !== 'schema') return undefined;
  const schema = scope.body.blocks.find((b) => b.name === block.name);
  if (!schema) return undefined;
  return { contents: nestedBlockMarkdown(schema, scope.ownerName, scope.path), range };
}

function attributeHover(scope: Scope, name: string, range: TextRange): HoverResult | undefined {
  if (scope.kind !== 'schema') return undefined;
  const attr = scope.body.attributes.find((a) => a.name === name);
  if (!attr) return undefined;
  return { contents: attributeMarkdown(attr, scope.ownerName, scope.path), range };
}

function componentMarkdown(c: ComponentSchema): string {
  const parts = [`**${c.name}** — component`, c.doc];
  if (c.note) parts.push(`_${c.note}_`);
  parts.push(`Stability: ${stabilityText(c.stability)}.`);
  const required = [...c.attributes.filter((a) => a.required).map((a) => `\`${a.name}\``), ...c.blocks.filter((b) => b.required).map((b) => `\`${b.name} {}\``)];
  if (required.length > 0) parts.push(`Required: ${required.join(', ')}`);
  if (c.exports.length > 0) {
    parts.push(`Exports: ${c.exports.map((e) => `\`${e.name}\` (\`${exportKind(e) ?? e.type}\`)`).join(', ')}`);
  }
  return parts.join('\n\n');
}

function configBlockMarkdown(b: ConfigBlockSchema): string {
  const what = b.kind === 'service' ? 'service block' : b.kind === 'config' ? 'configuration block' : `${b.kind} block`;
  const parts = [`**${b.name}** — ${what}`, b.doc];
  if (b.stability !== 'generally-available') parts.push(`Stability: ${stabilityText(b.stability)}.`);
  const rules: string[] = [];
  rules.push(b.label === 'required' ? 'takes a label' : 'takes no label');
  if (b.once) rules.push('at most one per configuration');
  if (!b.allowedInModule) rules.push('not allowed in modules');
  if (!b.allowedAtRoot) rules.push('only allowed in modules');
  parts.push(`${rules.join('; ')}.`.replace(/^./, (c) => c.toUpperCase()));
  return parts.join('\n\n');
}

function where(ownerName: string, path: readonly string[]): string {
  return [ownerName, ...path].join(' › ');
}

function nestedBlockMarkdown(b: BlockSchema, ownerName: string, path: readonly string[]): string {
  return [`**${b.name}** — block in \`${where(ownerName, path)}\``, blockDoc(b)].join('\n\n');
}

function attributeMarkdown(a: AttributeSchema, ownerName: string, path: readonly string[]): string {
  const header = `**${a.name}** \`${a.type}\` — ${a.required ? 'required' : 'optional'} attribute of \`${where(ownerName, path)}\``;
  return [header, attributeDoc(a)].join('\n\n');
}

// ---------------------------------------------------------------------------------------
// Expressions: references, functions, environment variables

/** The nodes from `root` down to the innermost one holding `offset`. */
function expressionPath(root: Expr, offset: number): Node[] {
  const path: Node[] = [];
  let node: Node | undefined = root;
  while (node) {
    path.push(node);
    let next: Node | undefined;
    for (const child of childrenOf(node)) {
      if (child.start <= offset && offset < child.end) {
        next = child;
        break;
      }
      if (child.start <= offset && offset === child.end) next = child;
    }
    node = next;
  }
  return path;
}

function expressionHover(model: ConfigModel, value: Expr, offset: number): HoverResult | undefined {
  if (offset < value.start || offset > value.end) return undefined;
  const path = expressionPath(value, offset);
  let i = path.length - 1;
  const inner = path[i];
  if (!inner) return undefined;

  // A string argument of `sys.env(...)`.
  if (inner.kind === 'Literal') {
    const parent = path[i - 1];
    if (parent?.kind === 'Call' && parent.args[0] === inner) return envHover(parent.callee, parent.args, { start: parent.start, end: parent.end });
    return undefined;
  }
  if (inner.kind !== 'Access' && inner.kind !== 'IdentExpr') return undefined;

  // Widen to the whole chain `a.b.c` the cursor is on (checked once: an access
  // of a reference is a reference, and chains can be 100,000 links long).
  if (!referencePath(inner)) return undefined;
  let chain: Expr = inner;
  while (i > 0) {
    const parent = path[i - 1];
    if (parent?.kind !== 'Access' || parent.value !== chain) break;
    chain = parent;
    i--;
  }
  const names = referencePath(chain);
  if (!names) return undefined;
  const dotted = names.join('.');
  const range = { start: chain.start, end: chain.end };

  const parent = path[i - 1];
  if (parent?.kind === 'Call' && parent.callee === chain) {
    const env = envHover(chain, parent.args, { start: parent.start, end: parent.end });
    if (env) return env;
    return functionHover(dotted, range);
  }

  const resolution = resolveReference(model, chain);
  if (resolution.kind === 'component') {
    const { component, exportName } = resolution.ref;
    const exp = component.schema?.exports.find((e) => e.name === exportName);
    const lines: string[] = [];
    if (exportName === '') lines.push(`**${component.id}** — component \`${component.name}\` labelled \`"${component.label}"\``);
    else lines.push(`**${dotted}** — export \`${exportName}\` of \`${component.id}\``);
    if (exp) {
      const kind = exportKind(exp);
      lines.push(kind ? `Kind: \`${kind}\`${kind !== exp.type ? ` (type \`${exp.type}\`)` : ''}` : `Type: \`${exp.type}\``);
      if (exp.doc) lines.push(exp.doc);
    } else if (exportName !== '' && component.schema) {
      lines.push(`\`${component.name}\` has no export \`${exportName.split('.')[0] ?? exportName}\`.`);
    } else if (component.custom) {
      lines.push('Custom component: its exports are defined by its `export` blocks.');
    }
    lines.push(`Defined at \`${location(component.file, component.block.start)}\`.`);
    return { contents: lines.join('\n\n'), range };
  }
  if (resolution.kind === 'undefined') {
    return {
      contents: `**${dotted}**\n\nNo \`${resolution.componentName}\` component with this label is defined in this configuration.`,
      range,
    };
  }

  if (names[0] === 'argument' && names.length >= 2) {
    return { contents: `**${dotted}** — module argument \`${names[1] ?? ''}\`\n\nThe value the module's caller passes (or the argument's \`default\`).`, range };
  }
  const constant = stdlibConstants.find((c) => c.name === dotted);
  if (constant) return { contents: `**${constant.name}** \`${constant.type}\` — standard library constant\n\n${constant.doc}`, range };
  if (names.length === 1) {
    const ns = stdlibNamespaces.find((n) => n.name === dotted);
    if (ns) return { contents: `**${ns.name}** — standard library namespace\n\n${ns.doc}`, range };
  }
  return undefined;
}

function functionHover(name: string, range: TextRange): HoverResult | undefined {
  const f = getStdlibFunction(name);
  if (!f) return undefined;
  const parts = ['```alloy\n' + f.signature + '\n```', f.doc];
  if (f.experimental) parts.push('Experimental: needs `--stability.level=experimental`.');
  if (f.replacement) {
    parts.push(`**Deprecated:** use \`${f.replacement}\` instead.`);
    const current = getStdlibFunction(f.replacement);
    if (current) parts.push(`\`${current.signature}\`: ${current.doc}`);
  }
  return { contents: parts.join('\n\n'), range };
}

/** `sys.env("X")` (or the deprecated `env("X")`): names the variable, never its value. */
function envHover(callee: Expr, args: readonly Expr[], range: TextRange): HoverResult | undefined {
  const names = referencePath(callee);
  if (!names) return undefined;
  const name = names.join('.');
  const f = getStdlibFunction(name);
  if (!f || (name !== 'sys.env' && f.replacement !== 'sys.env')) return undefined;
  const variable = stringValue(args[0]);
  const parts = ['```alloy\n' + f.signature + '\n```'];
  if (variable !== undefined) parts.push(`Reads the environment variable \`${variable}\` when Alloy loads the configuration (an empty string when it is unset).`);
  else parts.push('Reads an environment variable when Alloy loads the configuration (an empty string when it is unset).');
  if (f.replacement) parts.push(`**Deprecated:** use \`${f.replacement}\` instead.`);
  return { contents: parts.join('\n\n'), range };
}

function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut >= 0 ? path.slice(cut + 1) : path;
}

function location(file: SourceFile, offset: number): string {
  return `${baseName(file.path)}:${file.parse.lineIndex.lineOf(offset) + 1}`;
}

function declareLocation(model: ConfigModel, label: string): string | undefined {
  for (const f of model.files) {
    for (const s of f.parse.file.body) {
      if (s.kind === 'Block' && s.name === 'declare' && s.label?.value === label) return location(f, s.start);
    }
  }
  return undefined;
}
