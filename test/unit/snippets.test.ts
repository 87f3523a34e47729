/**
 * The snippets of snippets/alloy.json: inserted with their defaults (and with
 * every choice), each one is valid Alloy, already laid out the way `alloy fmt`
 * writes it, and wired to components and exports that exist.
 *
 * The snippet bodies use VS Code's snippet syntax, so the file starts with a
 * small expander for the part of that syntax the snippets may use: tabstops
 * (`$1`, `${1}`), placeholders (`${1:default}`, nestable), choices
 * (`${1|a,b|}`), the final cursor `$0` and the escapes `\$`, `\}`, `\\`.
 * Variables and transforms are rejected, and so is an unescaped literal `$`
 * (VS Code would keep it, but `\$` says what is meant).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { childrenOf, referencePath, walk } from '../../server/src/syntax/ast';
import type { Node, ObjectExpr, ObjectField, Span, Stmt } from '../../server/src/syntax/ast';
import { format } from '../../server/src/syntax/printer';
import { parse } from '../../server/src/syntax/parser';
import type { ParseResult } from '../../server/src/syntax/parser';
import { Tok } from '../../server/src/syntax/tokens';
import { lastStartAtOrBefore } from '../../server/src/syntax/lineIndex';
import { checkConfiguration, parseFile } from '../../server/src/languageService';
import { defaultSettings } from '../../server/src/settings';

// ---------------------------------------------------------------------------
// Snippet syntax

type SnippetNode =
  | { kind: 'text'; value: string }
  /** `$1` / `${1}` (children undefined) or `${1:...}` (children = the default). */
  | { kind: 'tabstop'; index: number; children: SnippetNode[] | undefined }
  | { kind: 'choice'; index: number; options: string[] };

/** Parses a snippet body; throws on anything outside the supported syntax. */
function parseSnippet(body: string): SnippetNode[] {
  let pos = 0;
  const fail = (message: string): never => {
    throw new Error(`${message} at offset ${pos} of ${JSON.stringify(body)}`);
  };

  function sequence(inPlaceholder: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text !== '') nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (pos < body.length) {
      const ch = body[pos] as string;
      if (ch === '\\') {
        const next = body[pos + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          pos += 2;
        } else {
          text += ch;
          pos += 1;
        }
      } else if (ch === '}' && inPlaceholder) {
        break;
      } else if (ch === '$') {
        flush();
        nodes.push(dollar());
      } else {
        text += ch;
        pos += 1;
      }
    }
    flush();
    return nodes;
  }

  function number(): number | undefined {
    const m = /^\d+/.exec(body.slice(pos));
    if (!m) return undefined;
    pos += m[0].length;
    return Number(m[0]);
  }

  function dollar(): SnippetNode {
    pos += 1; // $
    const bare = number();
    if (bare !== undefined) return { kind: 'tabstop', index: bare, children: undefined };
    if (body[pos] !== '{') {
      if (/^[A-Za-z_]/.test(body.slice(pos))) return fail('snippet variables are not supported');
      return fail('a literal $ must be written \\$');
    }
    pos += 1; // {
    const index = number();
    if (index === undefined) return fail('expected a tabstop number after ${ (variables are not supported)');
    const ch = body[pos];
    if (ch === '}') {
      pos += 1;
      return { kind: 'tabstop', index, children: undefined };
    }
    if (ch === ':') {
      pos += 1;
      const children = sequence(true);
      if (body[pos] !== '}') fail('unterminated placeholder');
      pos += 1;
      return { kind: 'tabstop', index, children };
    }
    if (ch === '|') {
      pos += 1;
      const options: string[] = [];
      let option = '';
      for (;;) {
        if (pos >= body.length) return fail('unterminated choice');
        const c = body[pos] as string;
        const next = body[pos + 1];
        if (c === '\\' && next !== undefined && '$}\\,|'.includes(next)) {
          option += next;
          pos += 2;
        } else if (c === ',') {
          options.push(option);
          option = '';
          pos += 1;
        } else if (c === '|' && next === '}') {
          options.push(option);
          pos += 2;
          return { kind: 'choice', index, options };
        } else {
          option += c;
          pos += 1;
        }
      }
    }
    return fail('unsupported tabstop syntax (transforms are not supported)');
  }

  const nodes = sequence(false);
  if (pos !== body.length) fail('unexpected }');
  return nodes;
}

interface TabstopInfo {
  /** Every tabstop index in the order the user meets them (text order). */
  order: number[];
  /** How many times each index is given a default (placeholder text or choice). */
  defaults: Map<number, number>;
}

function tabstops(nodes: SnippetNode[]): TabstopInfo {
  const info: TabstopInfo = { order: [], defaults: new Map() };
  const visit = (list: SnippetNode[]) => {
    for (const node of list) {
      if (node.kind === 'text') continue;
      if (!info.order.includes(node.index)) info.order.push(node.index);
      const hasDefault = node.kind === 'choice' || node.children !== undefined;
      if (hasDefault) info.defaults.set(node.index, (info.defaults.get(node.index) ?? 0) + 1);
      if (node.kind === 'tabstop' && node.children) visit(node.children);
    }
  };
  visit(nodes);
  return info;
}

interface ExpandOptions {
  /** Which option to take for a choice tabstop (default: the first). */
  choices?: ReadonlyMap<number, number>;
  /** Text for a tabstop that has no default anywhere (default: empty). */
  standIn?: string;
}

/**
 * The text VS Code inserts before the user types anything: every occurrence of
 * a tabstop shows the tabstop's default (the first placeholder text or choice
 * given for that index), `$0` and tabstops without a default are empty.
 */
function expand(body: string, options: ExpandOptions = {}): string {
  const nodes = parseSnippet(body);
  const defaults = new Map<number, SnippetNode>();
  const collect = (list: SnippetNode[]) => {
    for (const node of list) {
      if (node.kind === 'text') continue;
      if ((node.kind === 'choice' || node.children) && !defaults.has(node.index)) defaults.set(node.index, node);
      if (node.kind === 'tabstop' && node.children) collect(node.children);
    }
  };
  collect(nodes);

  const active = new Set<number>();
  const render = (list: SnippetNode[]): string => {
    let out = '';
    for (const node of list) {
      if (node.kind === 'text') {
        out += node.value;
        continue;
      }
      const source = defaults.get(node.index);
      if (node.index === 0 || source === undefined) {
        out += node.index === 0 ? '' : (options.standIn ?? '');
      } else if (source.kind === 'choice') {
        const pick = options.choices?.get(node.index) ?? 0;
        const option = source.options[pick];
        if (option === undefined) throw new Error(`tabstop ${node.index} has no option ${pick}`);
        out += option;
      } else if (source.kind === 'tabstop' && source.children) {
        if (active.has(node.index)) throw new Error(`tabstop ${node.index} contains itself`);
        active.add(node.index);
        out += render(source.children);
        active.delete(node.index);
      }
    }
    return out;
  };
  return render(nodes);
}

/** Every choice tabstop with its number of options. */
function choiceTabstops(body: string): Map<number, number> {
  const out = new Map<number, number>();
  const visit = (list: SnippetNode[]) => {
    for (const node of list) {
      if (node.kind === 'choice' && !out.has(node.index)) out.set(node.index, node.options.length);
      if (node.kind === 'tabstop' && node.children) visit(node.children);
    }
  };
  visit(parseSnippet(body));
  return out;
}

// ---------------------------------------------------------------------------
// The snippets

interface Snippet {
  prefix: string | string[];
  description: string;
  body: string | string[];
  scope?: string;
}

const SNIPPETS_FILE = resolve(__dirname, '../../snippets/alloy.json');
const snippets = JSON.parse(readFileSync(SNIPPETS_FILE, 'utf8')) as Record<string, Snippet>;
const entries = Object.entries(snippets);

const prefixesOf = (s: Snippet): string[] => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);
const bodyOf = (s: Snippet): string => (Array.isArray(s.body) ? s.body.join('\n') : s.body);

/** Snippets that must cover these prefixes (the self-monitoring pieces and the common components). */
const REQUIRED_PREFIXES = [
  'selfmon-metrics',
  'selfmon-logs',
  'selfmon-traces',
  'selfmon-all-grafana-cloud',
  'selfmon-all-local',
  'prometheus.scrape',
  'prometheus.remote_write',
  'prometheus.relabel',
  'loki.write',
  'loki.source.file',
  'loki.source.docker',
  'loki.process',
  'otelcol.receiver.otlp',
  'otelcol.processor.batch',
  'otelcol.exporter.otlp',
  'otelcol.exporter.otlphttp',
  'otelcol.auth.basic',
  'discovery.relabel',
  'local.file',
  'declare',
  'import.file',
];

/** Snippets that are whole configurations: every component they refer to is in them. */
const SELF_CONTAINED = new Set(['selfmon-all-grafana-cloud', 'selfmon-all-local', 'declare']);

/** Exports of the components the snippets refer to (Alloy reference, §5 and §7). */
const EXPORTS: Record<string, readonly string[]> = {
  'prometheus.exporter.self': ['targets'],
  'prometheus.scrape': [],
  'prometheus.remote_write': ['receiver'],
  'prometheus.relabel': ['receiver', 'rules'],
  'otelcol.receiver.prometheus': ['receiver'],
  'otelcol.receiver.loki': ['receiver'],
  'otelcol.receiver.otlp': [],
  'otelcol.processor.batch': ['input'],
  'otelcol.exporter.otlp': ['input'],
  'otelcol.exporter.otlphttp': ['input'],
  'otelcol.auth.basic': ['handler'],
  'loki.write': ['receiver'],
  'loki.process': ['receiver'],
  'loki.relabel': ['receiver', 'rules'],
  'loki.source.file': [],
  'loki.source.docker': [],
  'local.file_match': ['targets'],
  'local.file': ['content'],
  'discovery.docker': ['targets'],
  'discovery.relabel': ['output', 'rules'],
};

/** Unlabelled configuration blocks allowed once at the root. */
const ROOT_CONFIG_BLOCKS = new Set(['logging', 'tracing']);

// ---------------------------------------------------------------------------
// Checks on an expanded snippet

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

const lineOf = lastStartAtOrBefore;

/** Alloy's structural rules for a whole file: blocks only at the root, labels where they belong, no duplicate ids. */
function structureProblems(result: ParseResult): string[] {
  const problems: string[] = [];
  const moduleLevel = (body: Stmt[], where: string, inDeclare: boolean) => {
    const ids = new Set<string>();
    for (const stmt of body) {
      if (stmt.kind !== 'Block') {
        problems.push(`${where}: only blocks are allowed here`);
        continue;
      }
      const label = stmt.label?.value;
      const id = label ? `${stmt.name}.${label}` : stmt.name;
      if (ids.has(id)) problems.push(`${where}: ${id} is declared twice`);
      ids.add(id);
      if (ROOT_CONFIG_BLOCKS.has(stmt.name)) {
        if (inDeclare) problems.push(`${where}: ${stmt.name} is not allowed in a module`);
        if (stmt.label) problems.push(`${where}: ${stmt.name} takes no label`);
        innerLevel(stmt.body, stmt.name);
        continue;
      }
      if (!label) problems.push(`${where}: ${stmt.name} needs a non-empty label`);
      if ((stmt.name === 'argument' || stmt.name === 'export') && !inDeclare) {
        problems.push(`${where}: ${stmt.name} is only allowed in a module`);
      }
      if (stmt.name === 'declare') moduleLevel(stmt.body, id, true);
      else innerLevel(stmt.body, id);
    }
  };
  const innerLevel = (body: Stmt[], where: string) => {
    for (const stmt of body) {
      if (stmt.kind === 'ErrorStmt') problems.push(`${where}: unreadable statement`);
      if (stmt.kind !== 'Block') continue;
      if (stmt.label) problems.push(`${where}: nested block ${stmt.name} takes no label`);
      innerLevel(stmt.body, `${where} > ${stmt.name}`);
    }
  };
  moduleLevel(result.file.body, 'root', false);
  return problems;
}

/** References in attribute values must name known components and exports; see SELF_CONTAINED. */
function referenceProblems(result: ParseResult, selfContained: boolean): string[] {
  const problems: string[] = [];
  const declared = new Map<string, Set<string>>();
  const argumentsByDeclare = new Set<string>();
  walk(result.file, (node) => {
    if (node.kind !== 'Block') return;
    const label = node.label?.value ?? '';
    if (node.name === 'argument') argumentsByDeclare.add(label);
    const labels = declared.get(node.name) ?? new Set<string>();
    labels.add(label);
    declared.set(node.name, labels);
  });

  const paths: string[][] = [];
  const collect = (node: Node) => {
    if (node.kind === 'Access' || node.kind === 'IdentExpr') {
      const path = referencePath(node);
      if (path) {
        paths.push(path);
        return;
      }
    }
    // A call's callee is a stdlib function (sys.env), not a reference.
    const children = node.kind === 'Call' ? node.args : childrenOf(node);
    for (const child of children) collect(child);
  };
  walk(result.file, (node) => {
    if (node.kind === 'Attribute') {
      collect(node.value);
      return false;
    }
    return undefined;
  });

  for (const path of paths) {
    const text = path.join('.');
    if (path[0] === 'argument') {
      if (path.length !== 3 || path[2] !== 'value' || !argumentsByDeclare.has(path[1] as string)) {
        problems.push(`${text}: not argument.<declared argument>.value`);
      }
      continue;
    }
    let name: string | undefined;
    for (let k = path.length; k > 0; k--) {
      const candidate = path.slice(0, k).join('.');
      if (candidate in EXPORTS) {
        name = candidate;
        break;
      }
    }
    if (name === undefined) {
      problems.push(`${text}: not a reference to a known component`);
      continue;
    }
    const rest = path.slice(name.split('.').length);
    const [label, field] = rest;
    if (rest.length !== 2 || label === undefined || field === undefined) {
      problems.push(`${text}: expected ${name}.<label>.<export>`);
      continue;
    }
    if (!(EXPORTS[name] ?? []).includes(field)) problems.push(`${text}: ${name} does not export ${field}`);
    const labels = declared.get(name);
    if (labels && !labels.has(label)) problems.push(`${text}: no ${name} "${label}" in the snippet`);
    if (!labels && selfContained) problems.push(`${text}: the snippet declares no ${name}`);
  }
  return problems;
}

/** Closing bracket token kinds. */
const CLOSERS = new Set<Tok>([Tok.RCurly, Tok.RBrack, Tok.RParen]);
const OPENERS = new Set<Tok>([Tok.LCurly, Tok.LBrack, Tok.LParen]);

/**
 * Where the text differs from what `alloy fmt` writes: one tab per nesting
 * level, `=` aligned with the minimal padding within runs of consecutive
 * single-line attributes (and object fields), a blank line before every block
 * that is not the first of its body and nowhere else it does not belong,
 * `name "label" { }` for an empty block, `{a = 1}` and `[a, b]` without inner
 * spaces, a trailing comma in multi-line lists, no trailing whitespace.
 */
function layoutProblems(result: ParseResult): string[] {
  const { text, tokens } = result;
  const problems: string[] = [];
  const lines = text.split('\n');
  const starts = lineStarts(text);
  const at = (line: number) => `line ${line + 1}`;

  if (text.includes('\r')) problems.push('carriage return in the text');
  if (lines[0] === '') problems.push('blank first line');
  if (lines[lines.length - 1] === '') problems.push('blank last line');

  // Nesting depth at the first token of each line, and that token's kind.
  const depthAt: (number | undefined)[] = new Array<number | undefined>(lines.length).fill(undefined);
  const firstKind: (Tok | undefined)[] = new Array<Tok | undefined>(lines.length).fill(undefined);
  const lastKind: (Tok | undefined)[] = new Array<Tok | undefined>(lines.length).fill(undefined);
  // The text with string and comment contents masked, for spacing checks.
  let masked = '';
  let depth = 0;
  for (let i = 0; i < tokens.count; i++) {
    const kind = tokens.kinds[i] as Tok;
    const start = tokens.starts[i] as number;
    const end = i + 1 < tokens.count ? (tokens.starts[i + 1] as number) : text.length;
    const raw = text.slice(start, end);
    if (kind === Tok.String || kind === Tok.Comment) masked += raw.replace(/[^\n]/g, 'x');
    else masked += raw;
    if (kind === Tok.Whitespace || kind === Tok.Terminator || kind === Tok.EOF || end === start) continue;
    const line = lineOf(starts, start);
    if (firstKind[line] === undefined) {
      firstKind[line] = kind;
      depthAt[line] = depth;
    }
    lastKind[lineOf(starts, end - 1)] = kind;
    if (OPENERS.has(kind)) depth += 1;
    if (CLOSERS.has(kind)) depth -= 1;
  }
  const maskedLines = masked.split('\n');

  lines.forEach((line, n) => {
    if (line === '') {
      if (lines[n - 1] === '') problems.push(`${at(n)}: two blank lines in a row`);
      const before = lastKind[n - 1];
      if (before !== undefined && OPENERS.has(before)) problems.push(`${at(n)}: blank line after an opening bracket`);
      const after = firstKind[n + 1];
      if (after !== undefined && CLOSERS.has(after)) problems.push(`${at(n)}: blank line before a closing bracket`);
      return;
    }
    if (/[ \t]$/.test(line)) problems.push(`${at(n)}: trailing whitespace`);
    const indent = /^\t*/.exec(line)?.[0].length ?? 0;
    if (line[indent] === ' ') problems.push(`${at(n)}: indented with spaces`);
    const kind = firstKind[n];
    const d = depthAt[n];
    if (kind !== undefined && d !== undefined) {
      const expected = d - (CLOSERS.has(kind) ? 1 : 0);
      if (indent !== expected) problems.push(`${at(n)}: indented ${indent} tabs, alloy fmt uses ${expected}`);
    }
    const code = maskedLines[n] ?? '';
    if (/ ,/.test(code)) problems.push(`${at(n)}: space before a comma`);
    if (/,(?! |$)/.test(code) || /, {2}/.test(code)) problems.push(`${at(n)}: a comma is followed by one space`);
    if (/\S {2,}\S/.test(code.replace(/^(\t*\S+) +=/, '$1 ='))) {
      problems.push(`${at(n)}: several spaces inside the line (outside = alignment)`);
    }
  });

  // Blocks: header form and the blank line before every block that is not first in its body.
  const bodies: Stmt[][] = [result.file.body];
  walk(result.file, (node) => {
    if (node.kind === 'Block') bodies.push(node.body);
  });
  for (const body of bodies) {
    body.forEach((stmt, index) => {
      if (stmt.kind !== 'Block') return;
      const line = lineOf(starts, stmt.start);
      const indent = /^\t*/.exec(lines[line] ?? '')?.[0] ?? '';
      const head = indent + stmt.name + (stmt.label ? ` "${stmt.label.value}"` : '');
      const expected = stmt.body.length === 0 ? `${head} { }` : `${head} {`;
      if (lines[line] !== expected) problems.push(`${at(line)}: block written ${JSON.stringify(lines[line])}, alloy fmt writes ${JSON.stringify(expected)}`);
      if (stmt.body.length > 0 && lineOf(starts, stmt.rbrace) === line) problems.push(`${at(line)}: one-line block`);
      if (index === 0) return;
      let above = line - 1;
      while (above >= 0 && /^\t*\/\//.test(lines[above] ?? '')) above -= 1;
      if (lines[above] !== '') problems.push(`${at(line)}: no blank line before block ${stmt.name}`);
    });
  }

  // `=` alignment in runs of consecutive attributes / object fields.
  type Entry = { name: string; nameSpan: Span; span: Span };
  const checkRuns = (list: Entry[]) => {
    let run: Entry[] = [];
    const finish = () => {
      const width = Math.max(...run.map((e) => e.name.length));
      for (const e of run) {
        const line = lineOf(starts, e.nameSpan.start);
        const indent = /^\t*/.exec(lines[line] ?? '')?.[0] ?? '';
        const expected = `${indent}${e.name}${' '.repeat(width - e.name.length + 1)}= `;
        const actual = lines[line] ?? '';
        if (!actual.startsWith(expected) || actual[expected.length] === ' ') {
          problems.push(`${at(line)}: expected ${JSON.stringify(expected)} (= aligned after the longest name in the run)`);
        }
      }
      run = [];
    };
    let previous: Entry | undefined;
    for (const entry of list) {
      const startLine = lineOf(starts, entry.span.start);
      const prevEndLine = previous ? lineOf(starts, previous.span.end) : -2;
      const prevSingle = previous ? lineOf(starts, previous.span.start) === prevEndLine : false;
      if (run.length > 0 && !(prevSingle && prevEndLine === startLine - 1)) finish();
      run.push(entry);
      previous = entry;
    }
    if (run.length > 0) finish();
  };
  for (const body of bodies) {
    let group: Entry[] = [];
    for (const stmt of body) {
      if (stmt.kind === 'Attribute') {
        group.push({ name: stmt.name.name, nameSpan: stmt.name, span: stmt });
      } else {
        if (group.length > 0) checkRuns(group);
        group = [];
      }
    }
    if (group.length > 0) checkRuns(group);
  }
  const objects: ObjectExpr[] = [];
  walk(result.file, (node) => {
    if (node.kind === 'Object') objects.push(node);
  });
  for (const object of objects) {
    const openLine = lineOf(starts, object.start);
    const closeLine = lineOf(starts, object.end - 1);
    if (openLine === closeLine) {
      if (text[object.start + 1] === ' ' || text[object.end - 2] === ' ') {
        problems.push(`${at(openLine)}: alloy fmt writes a one-line object as {a = 1}`);
      }
      continue;
    }
    const onOwnLines = object.fields.filter((f: ObjectField, i: number) => {
      const before = i === 0 ? object.start : (object.fields[i - 1] as ObjectField).end;
      return lineOf(starts, f.start) > lineOf(starts, before);
    });
    checkRuns(
      onOwnLines.map((f) => ({ name: text.slice(f.keySpan.start, f.keySpan.end), nameSpan: f.keySpan, span: f })),
    );
  }

  // Multi-line arrays and objects end with a comma; one-line arrays have no inner spaces.
  walk(result.file, (node) => {
    if (node.kind !== 'Array' && node.kind !== 'Object') return;
    const items: Span[] = node.kind === 'Array' ? node.elements : node.fields;
    const last = items[items.length - 1];
    const line = lineOf(starts, node.start);
    if (last && lineOf(starts, node.end - 1) !== lineOf(starts, last.end) && text[last.end] !== ',') {
      problems.push(`${at(lineOf(starts, last.end))}: multi-line list without a trailing comma`);
    }
    if (node.kind === 'Array' && lineOf(starts, node.end - 1) === line) {
      if (text[node.start + 1] === ' ' || text[node.end - 2] === ' ') problems.push(`${at(line)}: alloy fmt writes [a, b]`);
    }
  });

  return problems;
}

function diagnosticsOf(result: ParseResult): string[] {
  return result.diagnostics.map((d) => {
    const line = lineOf(lineStarts(result.text), d.start);
    return `line ${line + 1}: ${d.message}\n  ${result.text.split('\n')[line] ?? ''}`;
  });
}


// ---------------------------------------------------------------------------
// Tests

describe('snippet expander', () => {
  it('replaces placeholders, choices and mirrors with their defaults', () => {
    assert.equal(expand('a "${1:x}" b.$1 c.${1}'), 'a "x" b.x c.x');
    assert.equal(expand('f = "${1|json,logfmt|}" g = $1'), 'f = "json" g = json');
    assert.equal(expand('f = "${1|json,logfmt|}"', { choices: new Map([[1, 1]]) }), 'f = "logfmt"');
    assert.equal(expand('mirror $2 before ${2:def}'), 'mirror def before def');
  });

  it('expands nested placeholders and leaves $0 and default-less tabstops empty', () => {
    assert.equal(expand('e = ${2:sys.env("${3:OTLP_ENDPOINT}")}$0'), 'e = sys.env("OTLP_ENDPOINT")');
    assert.equal(expand('[$1]'), '[]');
    assert.equal(expand('x.$1.y', { standIn: 'x' }), 'x.x.y');
  });

  it('unescapes \\$, \\} and \\\\ and keeps other backslashes', () => {
    assert.equal(expand('r = "${1:\\$1}" s = "\\$2" t = "\\\\d" u = "\\d"'), 'r = "$1" s = "$2" t = "\\d" u = "\\d"');
    assert.equal(expand('${1:[{a = 1\\}]}'), '[{a = 1}]');
    assert.equal(expand('${1|a\\,b,c\\|d|}', { choices: new Map([[1, 1]]) }), 'c|d');
  });

  it('rejects variables, transforms, an unescaped $ and broken syntax', () => {
    assert.throws(() => expand('$TM_FILENAME'), /variables/);
    assert.throws(() => expand('${TM_FILENAME}'), /variables/);
    assert.throws(() => expand('${1/a/b/}'), /transforms/);
    assert.throws(() => expand('a $ b'), /literal \$/);
    assert.throws(() => expand('${1:abc'), /unterminated placeholder/);
    assert.throws(() => expand('${1|a,b'), /unterminated choice/);
  });
});

describe('snippets/alloy.json', () => {
  it('holds snippets with a prefix, a description and a body of lines', () => {
    assert.ok(entries.length >= REQUIRED_PREFIXES.length);
    for (const [name, s] of entries) {
      assert.deepEqual(Object.keys(s).filter((k) => !['prefix', 'description', 'body', 'scope'].includes(k)), [], name);
      assert.ok(Array.isArray(s.body) && s.body.every((l) => typeof l === 'string' && !l.includes('\n')), `${name}: body is an array of lines`);
      assert.ok(s.body.length > 0 && s.body[s.body.length - 1] !== '', `${name}: body does not end with a blank line`);
      if (s.scope !== undefined) assert.equal(s.scope, 'grafana-alloy', name);
    }
  });

  it('gives every snippet a clear, unique prefix', () => {
    const seen = new Map<string, string>();
    for (const [name, s] of entries) {
      for (const prefix of prefixesOf(s)) {
        assert.match(prefix, /^(selfmon-[a-z]+(-[a-z]+)*|alloy-[a-z]+(-[a-z]+)*|[a-z_]+(\.[a-z_]+)*)$/, `${name}: prefix ${prefix}`);
        const key = prefix.toLowerCase();
        assert.ok(!seen.has(key), `prefix ${prefix} is used by both ${seen.get(key)} and ${name}`);
        seen.set(key, name);
      }
    }
    for (const prefix of REQUIRED_PREFIXES) assert.ok(seen.has(prefix), `a snippet with prefix ${prefix}`);
  });

  it('gives every snippet a description', () => {
    for (const [name, s] of entries) {
      assert.equal(typeof s.description, 'string', name);
      assert.ok(s.description.trim().length >= 20, `${name}: description says what the snippet inserts`);
    }
  });

  it('keeps Alloy\'s own $ escaped in the relabel replacement', () => {
    const relabel = entries.find(([, s]) => prefixesOf(s).includes('prometheus.relabel'));
    assert.ok(relabel);
    assert.match(expand(bodyOf(relabel[1])), /\n\t\treplacement {3}= "\$1"\n/);
  });
});

/** The signals each self-monitoring snippet sets up: inserting it must not produce a finding about them. */
const SELF_MONITORING_SIGNALS: Record<string, string[]> = {
  'selfmon-metrics': ['metrics'],
  'selfmon-logs': ['logs'],
  'selfmon-traces': ['traces'],
  'selfmon-all-grafana-cloud': ['metrics', 'logs', 'traces'],
  'selfmon-all-local': ['metrics', 'logs', 'traces'],
};

for (const [name, snippet] of entries) {
  const prefix = prefixesOf(snippet)[0] ?? name;
  const body = bodyOf(snippet);

  describe(`snippet ${prefix}`, () => {
    it('numbers its tabstops 1..n in order and gives each one default', () => {
      const info = tabstops(parseSnippet(body));
      const numbered = info.order.filter((i) => i !== 0);
      assert.deepEqual(numbered, numbered.map((_, i) => i + 1), 'tabstops in the order the user meets them');
      for (const index of numbered) {
        assert.equal(info.defaults.get(index), 1, `tabstop ${index} has exactly one default (its other occurrences mirror it)`);
      }
    });

    it('uses tabs for indentation', () => {
      for (const line of body.split('\n')) assert.doesNotMatch(line, /^\t* /, `line ${JSON.stringify(line)}`);
    });

    it('expands to valid Alloy with its defaults and with every choice', () => {
      const texts = [expand(body)];
      for (const [index, count] of choiceTabstops(body)) {
        for (let option = 1; option < count; option++) texts.push(expand(body, { choices: new Map([[index, option]]) }));
      }
      for (const text of texts) {
        const result = parse(text);
        assert.deepEqual(diagnosticsOf(result), [], text);
        assert.deepEqual(structureProblems(result), [], text);
        assert.deepEqual(referenceProblems(result, SELF_CONTAINED.has(prefix)), [], text);
      }
    });

    it('is laid out as alloy fmt writes it', () => {
      const text = expand(body);
      assert.deepEqual(layoutProblems(parse(text)), [], text);
    });

    it('gives no self-monitoring finding about the signals it sets up', () => {
      const text = expand(body);
      const signals = SELF_MONITORING_SIGNALS[prefix];
      if (!signals) return;
      const findings = checkConfiguration([parseFile('/project/config.alloy', text)], defaultSettings)
        .filter((f) => f.code.startsWith('selfmon/') && signals.some((s) => f.code.startsWith(`selfmon/${s}-`)))
        .map((f) => `${f.code}: ${f.message}`);
      assert.deepEqual(findings, [], text);
    });

    it('is unchanged by the formatter', () => {
      const text = expand(body);
      const out = format(parse(text));
      assert.equal(typeof out, 'string', 'format() returns the formatted text');
      assert.equal((out as string).replace(/\n$/, ''), text);
    });
  });
}
