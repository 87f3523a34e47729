/**
 * Completion: what may be typed at an offset of an Alloy file, as plain data
 * (UTF-16 offsets, no LSP types).
 *
 * The context is read from the token stream rather than from the tree: while
 * someone types, the text is incomplete and the recovered tree may attach a
 * half-typed word to the wrong statement, but the tokens before the cursor
 * always say where we are. One linear pass over the tokens before the cursor
 * keeps a stack of the open bodies, arrays, objects and parentheses; the top
 * of that stack is the context. Everything Alloy-specific (names, attributes,
 * exports, functions) comes from the catalog and the model.
 */
import type { BlockStmt, Stmt } from '../syntax/ast';
import type { TextRange } from '../syntax/diagnostic';
import { Tok } from '../syntax/tokens';
import {
  componentNames,
  componentNamesWithPrefix,
  configBlocks,
  deprecatedStdlib,
  getComponent,
  getStdlibFunction,
  stdlibConstants,
  stdlibFunctions,
  stdlibNamespaces,
  type AttributeSchema,
  type ExportSchema,
} from '../semantic/catalog';
import type { ComponentNode, ConfigModel, SourceFile } from '../semantic/model';
import { attributeDoc, blockDoc, exportKind, scopeOfPath, stabilityText, type Scope } from './scopes';
import { frameStack, isWord, namesInBody, OPERAND_END, Tokens, type BodyFrame, type ExprFrame, type Frame } from './completionContext';

export type CompletionKind = 'component' | 'block' | 'attribute' | 'function' | 'reference' | 'keyword' | 'value' | 'snippet';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** One line shown next to the label: a type, a signature, a component id. */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text to insert instead of the label (a snippet when `insertTextFormat` is `snippet`). */
  insertText?: string;
  insertTextFormat?: 'plain' | 'snippet';
  /** The text the item replaces (UTF-16 offsets); the typed prefix up to the end of the word at the cursor. */
  replaceRange?: TextRange;
  sortText?: string;
  deprecated?: boolean;
}

// ---------------------------------------------------------------------------------------
// Completion.

/** Completions at `offset` in `file`. Never throws; returns [] when the context is unclear. */
export function getCompletions(model: ConfigModel, file: SourceFile, offset: number): CompletionItem[] {
  try {
    return complete(model, file, offset);
  } catch {
    return [];
  }
}

interface Chain {
  /** Token index where the typed chain starts (the first identifier, or the cursor's token). */
  anchorTok: number;
  /** Complete fragments before the last dot. */
  fragments: string[];
  /** The fragment being typed (up to the cursor). */
  partial: string;
  /** The whole chain typed so far, e.g. `prometheus.ex`. */
  typed: string;
  /** Range of the whole chain / of the last fragment, both up to the end of the word at the cursor. */
  chainRange: TextRange;
  partialRange: TextRange;
}

function complete(model: ConfigModel, file: SourceFile, offset: number): CompletionItem[] {
  const text = file.parse.text;
  if (!Number.isFinite(offset) || offset < 0 || offset > text.length) return [];
  const t = new Tokens(file.parse.tokens);
  const tb = t.before(offset);
  const kb = t.kind(tb);

  let chain: Chain;
  let stringTok = -1;
  if (tb >= 0 && kb === Tok.Comment) {
    const commentText = t.text(tb);
    const closed = commentText.startsWith('/*') && commentText.endsWith('*/') && commentText.length >= 4;
    if (offset < t.end(tb) || !closed) return [];
    chain = emptyChain(tb + 1, offset);
  } else if (tb >= 0 && kb === Tok.String) {
    const s = t.text(tb);
    const terminated = s.length >= 2 && s[s.length - 1] === s[0];
    if (offset < t.end(tb) || !terminated) {
      stringTok = tb;
      chain = emptyChain(tb, offset);
    } else chain = emptyChain(tb + 1, offset);
  } else if (tb >= 0 && (kb === Tok.Number || kb === Tok.Float)) {
    return [];
  } else if (tb >= 0 && (isWord(kb) || (kb === Tok.Dot && t.kind(tb - 1) === Tok.Ident))) {
    chain = readChain(t, tb, offset);
  } else {
    chain = emptyChain(tb + 1, offset);
  }

  const { stack, prev } = frameStack(t, chain.anchorTok);
  const top = stack[stack.length - 1] as Frame;
  const bodies = stack.filter((f): f is BodyFrame => f.kind === 'body');
  const body = bodies[bodies.length - 1] as BodyFrame;
  const scope = scopeOfPath(model, bodies.slice(1).map((b) => b.name));

  if (top.kind === 'body' && top.phase === 'start') {
    if (stringTok >= 0) return [];
    return statementCompletions(model, t, scope, body, chain);
  }
  const inExpression = (top.kind === 'body' && top.phase === 'expr') || top.kind === 'array' || top.kind === 'paren' || (top.kind === 'object' && top.inValue);
  if (!inExpression || body.phase !== 'expr') return [];

  // The attribute whose value this is; nested objects hold other things.
  const exprFrames = stack.slice(stack.lastIndexOf(body) + 1) as ExprFrame[];
  const inObject = exprFrames.some((f) => f.kind === 'object');
  const attr = scope.kind === 'schema' && body.attr !== undefined && !inObject ? scope.body.attributes.find((a) => a.name === body.attr) : undefined;
  const attrKnown = scope.kind === 'schema' && scope.body.closed && !inObject;
  const direct = exprFrames.length === 0 || (exprFrames.length === 1 && exprFrames[0]?.kind === 'array');

  if (stringTok >= 0) {
    if (!attr?.enum || !direct) return [];
    const s = t.text(stringTok);
    const terminated = s.length >= 2 && s[s.length - 1] === s[0];
    const range = { start: t.start(stringTok), end: terminated ? t.end(stringTok) : offset };
    return enumItems(attr, range);
  }
  // After an operand an operator is expected, not a name.
  if (prev !== undefined && OPERAND_END.has(prev)) return [];

  const component = currentComponent(model, file, bodies, t);
  return expressionCompletions(model, chain, {
    attr,
    attrKnown: attrKnown || attr !== undefined,
    direct,
    self: component,
    file,
    presentRefs: presentReferences(t, body, chain.anchorTok),
    argumentLabels: argumentLabels(model, file, offset),
  });
}

function emptyChain(anchorTok: number, offset: number): Chain {
  return {
    anchorTok,
    fragments: [],
    partial: '',
    typed: '',
    chainRange: { start: offset, end: offset },
    partialRange: { start: offset, end: offset },
  };
}

/** The dotted chain that ends in token `tb` (a word, or a dot just typed after an identifier). */
function readChain(t: Tokens, tb: number, offset: number): Chain {
  let partial: string;
  let partialRange: TextRange;
  /** The last complete fragment before the dot, or -1 when the word has no dot before it. */
  let lastFragment: number;
  if (t.kind(tb) === Tok.Dot) {
    partial = '';
    partialRange = { start: offset, end: offset };
    lastFragment = tb - 1;
  } else {
    partial = t.stream.text.slice(t.start(tb), offset);
    partialRange = { start: t.start(tb), end: Math.max(offset, t.end(tb)) };
    lastFragment = t.kind(tb - 1) === Tok.Dot && t.kind(tb - 2) === Tok.Ident ? tb - 2 : -1;
  }
  const fragments: string[] = [];
  let anchorTok = tb;
  if (lastFragment >= 0) {
    anchorTok = lastFragment;
    fragments.push(t.text(anchorTok));
    while (t.kind(anchorTok - 1) === Tok.Dot && t.kind(anchorTok - 2) === Tok.Ident) {
      anchorTok -= 2;
      fragments.push(t.text(anchorTok));
    }
    fragments.reverse();
  }
  return {
    anchorTok,
    fragments,
    partial,
    typed: t.stream.text.slice(t.start(anchorTok), offset),
    chainRange: { start: t.start(anchorTok), end: partialRange.end },
    partialRange,
  };
}

// ---------------------------------------------------------------------------------------
// Statements: component names, config blocks, attributes and nested blocks.

const LABEL_SNIPPET = '"${1:label}" {\n\t$0\n}';

function statementCompletions(model: ConfigModel, t: Tokens, scope: Scope, body: BodyFrame, chain: Chain): CompletionItem[] {
  // When the name is already followed by `=`, `{` or a label, only the name is replaced.
  const wordTok = chain.partial === '' ? -1 : t.before(chain.partialRange.end);
  const following = wordTok >= 0 ? t.kind(t.nextSignificant(wordTok)) : Tok.EOF;
  const nameOnly = following === Tok.Assign || following === Tok.LCurly || following === Tok.String;

  if (scope.kind === 'config') return configStatementItems(model, scope.where, chain, nameOnly);
  if (scope.kind !== 'schema') return [];

  const present = namesInBody(t, body.lbraceTok, chain.anchorTok);
  const items: CompletionItem[] = [];
  const prefix = chain.fragments.length > 0 ? chain.typed : '';
  for (const attr of scope.body.attributes) {
    if (present.attributes.has(attr.name)) continue;
    if (prefix !== '' && !attr.name.startsWith(prefix)) continue;
    const item: CompletionItem = {
      label: attr.name,
      kind: 'attribute',
      detail: attr.type,
      documentation: attributeDoc(attr),
      insertText: nameOnly ? attr.name : `${attr.name} = $0`,
      insertTextFormat: nameOnly ? 'plain' : 'snippet',
      replaceRange: chain.chainRange,
      sortText: `${attr.deprecated ? 2 : attr.required ? 0 : 1}a_${attr.name}`,
    };
    if (attr.deprecated) item.deprecated = true;
    items.push(item);
  }
  for (const block of scope.body.blocks) {
    if (!block.repeatable && present.blocks.has(block.name)) continue;
    if (prefix !== '' && !block.name.startsWith(prefix)) continue;
    const insert = block.labelled ? `${block.name} ${LABEL_SNIPPET}` : `${block.name} {\n\t$0\n}`;
    items.push({
      label: block.name,
      kind: 'block',
      detail: block.repeatable ? 'block (repeatable)' : 'block',
      documentation: blockDoc(block),
      insertText: nameOnly ? block.name : insert,
      insertTextFormat: nameOnly ? 'plain' : 'snippet',
      replaceRange: chain.chainRange,
      sortText: `${block.required ? 0 : 1}b_${block.name}`,
    });
  }
  return items;
}

function configStatementItems(model: ConfigModel, where: 'root' | 'declare' | 'template', chain: Chain, nameOnly: boolean): CompletionItem[] {
  const items: CompletionItem[] = [];
  const typed = chain.typed;
  const dotted = chain.fragments.length > 0;
  const matches = (name: string): boolean => !dotted || name.startsWith(typed);
  const range = chain.chainRange;
  const snippet = (name: string, labelled: boolean): Pick<CompletionItem, 'insertText' | 'insertTextFormat'> =>
    nameOnly
      ? { insertText: name, insertTextFormat: 'plain' }
      : { insertText: labelled ? `${name} ${LABEL_SNIPPET}` : `${name} {\n\t$0\n}`, insertTextFormat: 'snippet' };

  for (const name of [...model.declares].sort()) {
    if (!matches(name)) continue;
    items.push({
      label: name,
      kind: 'component',
      detail: 'custom component (declare)',
      documentation: `Custom component defined by \`declare "${name}"\`.`,
      ...snippet(name, true),
      replaceRange: range,
      sortText: `0_${name}`,
    });
  }

  const present = rootBlockNames(model);
  const moduleFile = present.has('argument') || present.has('export');
  for (const b of configBlocks()) {
    if (!matches(b.name)) continue;
    let rank: number;
    if (where === 'root') {
      if (b.allowedAtRoot && !(moduleFile && b.kind === 'service')) rank = 1;
      else if (b.allowedInModule) rank = 3;
      else continue;
      if (b.once && present.has(b.name)) continue;
    } else if (where === 'declare') {
      if (!b.allowedInModule) continue;
      rank = 1;
    } else {
      if (!b.allowedInForeach) continue;
      rank = 1;
    }
    const item: CompletionItem = {
      label: b.name,
      kind: 'block',
      detail: b.kind === 'service' ? 'service block' : b.kind === 'config' ? 'configuration block' : `${b.kind} block`,
      documentation: [b.doc, b.stability !== 'generally-available' ? `Stability: ${stabilityText(b.stability)}.` : ''].filter((p) => p !== '').join('\n\n'),
      ...snippet(b.name, b.label === 'required'),
      replaceRange: range,
      sortText: `${rank}_${b.name}`,
    };
    items.push(item);
  }

  let names = dotted ? componentNamesWithPrefix(typed) : componentNames();
  if (dotted && names.length === 0) names = componentNamesWithPrefix(chain.fragments.join('.') + '.');
  for (const name of names) {
    const c = getComponent(name);
    if (!c) continue;
    const doc = [c.doc, c.note ?? '', c.stability !== 'generally-available' ? `Stability: ${stabilityText(c.stability)}.` : ''];
    items.push({
      label: name,
      kind: 'component',
      detail: c.stability === 'generally-available' ? 'component' : `component (${c.stability})`,
      documentation: doc.filter((p) => p !== '').join('\n\n'),
      ...snippet(name, true),
      replaceRange: range,
      sortText: `2_${name}`,
    });
  }
  return items;
}

/** Names of the top-level blocks of every file of the configuration. */
function rootBlockNames(model: ConfigModel): Set<string> {
  const names = new Set<string>();
  for (const f of model.files) for (const s of f.parse.file.body) if (s.kind === 'Block') names.add(s.name);
  return names;
}

// ---------------------------------------------------------------------------------------
// Expressions: references, functions, keywords, enum values.

interface ValueContext {
  /** The attribute being assigned, when the catalog knows it. */
  attr: AttributeSchema | undefined;
  /** Whether the attribute list is known to be complete (so an unknown attribute takes nothing in particular). */
  attrKnown: boolean;
  /** Whether the cursor is the attribute's value itself or an element of its list. */
  direct: boolean;
  /** The component being edited (its own exports are not offered). */
  self: ComponentNode | undefined;
  file: SourceFile;
  /** References already written in the same attribute value. */
  presentRefs: Set<string>;
  /** Labels of the `argument` blocks of the module (or `declare`) around the cursor. */
  argumentLabels: readonly string[];
}

function enumItems(attr: AttributeSchema, range: TextRange): CompletionItem[] {
  return (attr.enum ?? []).map((v, i) => ({
    label: `"${v}"`,
    kind: 'value' as const,
    detail: attr.default === `"${v}"` ? `${attr.name} (default)` : attr.name,
    insertText: `"${v}"`,
    insertTextFormat: 'plain' as const,
    replaceRange: range,
    sortText: `0_${String(i).padStart(3, '0')}`,
  }));
}

/** Which exports fit the attribute: its capsule kind, plain values, or anything when we do not know it. */
function exportFits(ctx: ValueContext, e: ExportSchema): boolean {
  const kind = exportKind(e);
  if (ctx.attr?.accepts) return kind === ctx.attr.accepts;
  if (ctx.attr || ctx.attrKnown) return kind === undefined;
  return true;
}

function expressionCompletions(model: ConfigModel, chain: Chain, ctx: ValueContext): CompletionItem[] {
  if (chain.fragments.length > 0) return memberCompletions(model, chain, ctx);
  const items: CompletionItem[] = [];
  const range = chain.chainRange;
  const accepts = ctx.attr?.accepts;

  if (ctx.attr?.enum && ctx.direct) items.push(...enumItems(ctx.attr, range));

  // References to the exports of the components of this configuration.
  const refs: { item: CompletionItem; rank: string }[] = [];
  for (const node of model.components.values()) {
    if (!node.schema || node === ctx.self) continue;
    for (const e of node.schema.exports) {
      if (!exportFits(ctx, e)) continue;
      const path = `${node.id}.${e.name}`;
      const used = ctx.presentRefs.has(path);
      const sameFile = node.file.path === ctx.file.path;
      const rank = `${accepts ? 1 : 5}${used ? 1 : 0}${sameFile ? 0 : 1}`;
      refs.push({
        rank,
        item: {
          label: path,
          kind: 'reference',
          detail: exportKind(e) ?? e.type,
          documentation: `Export \`${e.name}\` of \`${node.id}\`: ${e.doc}`,
          insertText: path,
          insertTextFormat: 'plain',
          replaceRange: range,
        },
      });
    }
  }
  refs.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.item.label < b.item.label ? -1 : a.item.label > b.item.label ? 1 : 0));
  refs.forEach((r, i) => {
    r.item.sortText = `${r.rank}_${String(i).padStart(4, '0')}`;
    items.push(r.item);
  });

  for (const label of ctx.argumentLabels) {
    const path = `argument.${label}.value`;
    items.push({
      label: path,
      kind: 'reference',
      detail: 'module argument',
      documentation: `The value of the module argument \`${label}\`.`,
      insertText: path,
      insertTextFormat: 'plain',
      replaceRange: range,
      sortText: `6_${label}`,
    });
  }

  const boolFirst = ctx.attr?.type === 'bool';
  for (const kw of ['true', 'false', 'null']) {
    items.push({ label: kw, kind: 'keyword', insertText: kw, insertTextFormat: 'plain', replaceRange: range, sortText: `${boolFirst && kw !== 'null' ? 0 : 8}_${kw}` });
  }

  for (const ns of stdlibNamespaces) {
    items.push({
      label: ns.name,
      kind: 'function',
      detail: 'standard library namespace',
      documentation: `${ns.doc}\n\nMembers: ${ns.members.map((m) => `\`${m}\``).join(', ')}`,
      insertText: ns.name,
      insertTextFormat: 'plain',
      replaceRange: range,
      sortText: `7_${ns.name}`,
    });
  }
  for (const f of stdlibFunctions) {
    if (f.name.includes('.')) continue;
    const alias = f.replacement ?? deprecatedStdlib.get(f.name);
    if (alias !== undefined) {
      // Deprecated aliases only when someone is typing one of them.
      if (chain.partial === '' || !f.name.startsWith(chain.partial)) continue;
    }
    const item = functionItem(f.name, f.name, range, alias !== undefined ? `9_${f.name}` : `7_${f.name}`);
    if (alias !== undefined) {
      item.deprecated = true;
      item.detail = `${f.signature} — deprecated, use ${alias}`;
    }
    items.push(item);
  }
  return items;
}

function functionItem(label: string, fullName: string, range: TextRange, sortText: string): CompletionItem {
  const f = getStdlibFunction(fullName);
  const item: CompletionItem = {
    label,
    kind: 'function',
    detail: f?.signature ?? fullName,
    documentation: f ? [f.doc, f.experimental ? 'Experimental: needs `--stability.level=experimental`.' : ''].filter((p) => p !== '').join('\n\n') : '',
    insertText: `${label}($1)`,
    insertTextFormat: 'snippet',
    replaceRange: range,
    sortText,
  };
  return item;
}

/** After `a.b.`: stdlib members, next fragments of component names, labels, exports. */
function memberCompletions(model: ConfigModel, chain: Chain, ctx: ValueContext): CompletionItem[] {
  const items: CompletionItem[] = [];
  const range = chain.partialRange;
  const path = chain.fragments.join('.');

  if (chain.fragments.length === 1) {
    const ns = stdlibNamespaces.find((n) => n.name === path);
    if (ns) {
      for (const member of ns.members) {
        const full = `${ns.name}.${member}`;
        const constant = stdlibConstants.find((c) => c.name === full);
        if (constant) {
          items.push({ label: member, kind: 'value', detail: constant.type, documentation: constant.doc, insertText: member, insertTextFormat: 'plain', replaceRange: range, sortText: `1_${member}` });
        } else {
          items.push(functionItem(member, full, range, `1_${member}`));
        }
      }
    }
  }

  if (chain.fragments[0] === 'argument' && chain.fragments.length <= 2) {
    const labels = chain.fragments.length === 1 ? ctx.argumentLabels : ctx.argumentLabels.includes(chain.fragments[1] ?? '') ? ['value'] : [];
    for (const label of labels) {
      items.push({ label, kind: 'reference', detail: 'module argument', insertText: label, insertTextFormat: 'plain', replaceRange: range, sortText: `0_${label}` });
    }
  }

  const seen = new Set<string>();
  for (const node of model.components.values()) {
    if (node.id === path) {
      if (!node.schema || node === ctx.self) continue;
      for (const e of node.schema.exports) {
        const fits = exportFits(ctx, e);
        if (!fits && ctx.attr?.accepts) continue;
        items.push({
          label: e.name,
          kind: 'reference',
          detail: exportKind(e) ?? e.type,
          documentation: `Export \`${e.name}\` of \`${node.id}\`: ${e.doc}`,
          insertText: e.name,
          insertTextFormat: 'plain',
          replaceRange: range,
          sortText: `${fits ? 0 : 1}_${e.name}`,
        });
      }
      continue;
    }
    if (!node.id.startsWith(path + '.')) continue;
    const rest = node.id.slice(path.length + 1);
    const next = rest.split('.')[0] ?? '';
    if (next === '' || seen.has(next)) continue;
    // Offer only components that have something this attribute can take.
    if (ctx.attr?.accepts && node.schema && !node.schema.exports.some((e) => exportFits(ctx, e))) continue;
    if (node === ctx.self && !rest.includes('.')) continue;
    seen.add(next);
    const isLabel = node.name === path;
    items.push({
      label: next,
      kind: 'reference',
      detail: isLabel ? `${node.name} "${node.label}"` : `${path}.${next}`,
      documentation: isLabel ? (node.schema ? node.schema.doc : 'Custom component.') : undefined,
      insertText: next,
      insertTextFormat: 'plain',
      replaceRange: range,
      sortText: `${isLabel ? 0 : 2}_${next}`,
    });
  }
  return items.map((i) => (i.documentation === undefined ? withoutDoc(i) : i));
}

function withoutDoc(item: CompletionItem): CompletionItem {
  const { documentation: _ignored, ...rest } = item;
  return rest;
}

/** Labels of `argument` blocks: those of the `declare` around `offset`, or of a module's top level. */
function argumentLabels(model: ConfigModel, file: SourceFile, offset: number): string[] {
  const labels: string[] = [];
  const collect = (stmts: readonly Stmt[]): void => {
    for (const s of stmts) if (s.kind === 'Block' && s.name === 'argument' && s.label) labels.push(s.label.value);
  };
  const declare = file.parse.file.body.find((s): s is BlockStmt => s.kind === 'Block' && s.name === 'declare' && s.lbrace < offset && (s.rbrace < 0 || offset <= s.rbrace));
  if (declare) collect(declare.body);
  else for (const f of model.files) collect(f.parse.file.body);
  return labels;
}

/** The component whose body holds the cursor (at the top of the configuration or of a `declare`). */
function currentComponent(model: ConfigModel, file: SourceFile, bodies: BodyFrame[], t: Tokens): ComponentNode | undefined {
  const top = bodies[1];
  if (!top || top.lbraceTok < 0) return undefined;
  // Read the label from the tokens before `{`.
  let i = top.lbraceTok - 1;
  while (i >= 0 && (t.kind(i) === Tok.Whitespace || t.kind(i) === Tok.Comment)) i--;
  if (t.kind(i) !== Tok.String) return undefined;
  const label = t.text(i).slice(1, -1);
  const node = model.components.get(`${top.name}.${label}`);
  return node && node.file.path === file.path ? node : undefined;
}

/** Reference chains already written in the value of the attribute being edited (before and after the cursor). */
function presentReferences(t: Tokens, body: BodyFrame, anchorTok: number): Set<string> {
  const out = new Set<string>();
  if (body.phase !== 'expr') return out;
  // Find the `=` of the attribute: walk back from the anchor to the statement start.
  let i = anchorTok - 1;
  let depth = 0;
  for (; i >= 0; i--) {
    const k = t.kind(i);
    if (k === Tok.RBrack || k === Tok.RParen || k === Tok.RCurly) depth++;
    else if (k === Tok.LBrack || k === Tok.LParen || k === Tok.LCurly) {
      if (depth === 0) continue;
      depth--;
    } else if (k === Tok.Assign && depth === 0) break;
    if (anchorTok - i > 20000) return out;
  }
  if (i < 0) return out;
  // Read forward to the end of the statement.
  depth = 0;
  let current = '';
  let currentStart = -1;
  const flush = (): void => {
    if (current !== '' && currentStart !== anchorTok) out.add(current);
    current = '';
    currentStart = -1;
  };
  for (let j = i + 1; j < t.count; j++) {
    const k = t.kind(j);
    if (k === Tok.Whitespace || k === Tok.Comment) continue;
    if (k === Tok.Ident && (current === '' || t.kind(j - 1) === Tok.Dot)) {
      if (current === '') currentStart = j;
      current = current === '' ? t.text(j) : `${current}.${t.text(j)}`;
      continue;
    }
    if (k === Tok.Dot && current !== '') continue;
    flush();
    if (k === Tok.LBrack || k === Tok.LParen || k === Tok.LCurly) depth++;
    else if (k === Tok.RBrack || k === Tok.RParen || k === Tok.RCurly) {
      if (depth === 0) break;
      depth--;
    } else if ((k === Tok.Terminator && depth === 0) || k === Tok.EOF) break;
  }
  flush();
  return out;
}
