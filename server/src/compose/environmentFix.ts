/**
 * The quick fix for `env/missing`: pass the variable through to the service,
 * `NAME: ${NAME}` in its `environment` (`- NAME=${NAME}` for a list, a new
 * `environment:` key when there is none), and `NAME=` in `.env.example`.
 *
 * Edits are computed from node ranges and inserted as text, so comments, key
 * order, quoting and indentation of the file stay as they are; the document is
 * never re-stringified.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { FileEdit } from '../syntax/diagnostic';
import { parseDotEnv } from './dotenv';
import { isNullNode, nodeRange } from './yamlNodes';
import { lineEndAt, lineStartAt } from './sourceText';
import { dominantLineEnding } from '../fixes/lineEndings';

/**
 * An edit adding `name` to the `environment` of `serviceName` in the compose
 * file `file` whose text is `text`, or null when that cannot be done safely
 * (invalid YAML, the service is not a mapping here, `environment` is an alias).
 */
export function addEnvironmentVariableEdit(file: string, text: string, serviceName: string, name: string): FileEdit | null {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  const services = explicitPair(doc.contents, 'services');
  if (!services || !isMap(services.value)) return null;
  const servicePair = explicitPair(services.value, serviceName);
  if (!servicePair || !isMap(servicePair.value)) return null;
  const service = servicePair.value;
  const eol = dominantLineEnding(text);
  const insert = (offset: number, newText: string): FileEdit => ({ file, range: { start: offset, end: offset }, newText });

  const environment = explicitPair(service, 'environment');
  if (!environment) {
    if (service.flow) return appendToFlow(file, text, service, `environment: {${name}: "\${${name}}"}`);
    const indent = childIndent(text, service, servicePair);
    const step = indent.length > columnOf(text, nodeRange(servicePair.key).start) ? indent.length - columnOf(text, nodeRange(servicePair.key).start) : 2;
    const lines = [`${indent}environment:`, `${indent}${' '.repeat(step)}${name}: \${${name}}`];
    return insertLinesAfter(file, text, endOfLastItem(service), lines, eol);
  }

  const value = environment.value;
  if (isMap(value)) {
    if (value.flow) return appendToFlow(file, text, value, `${name}: "\${${name}}"`);
    const last = value.items[value.items.length - 1];
    const first = value.items[0];
    if (!last || !first) return null;
    const indent = ' '.repeat(columnOf(text, nodeRange(first.key).start));
    const key = quoteLike(last.key, name);
    const entryValue = quoteLike(last.value, `\${${name}}`);
    return insertLinesAfter(file, text, endOfLastItem(value), [`${indent}${key}: ${entryValue}`], eol);
  }
  if (isSeq(value)) {
    if (value.flow) return appendToFlow(file, text, value, `"${name}=\${${name}}"`);
    const last = value.items[value.items.length - 1];
    if (!last || !isScalar(last)) return null;
    const start = nodeRange(last).start;
    const before = text.slice(lineStartAt(text, start), start);
    const prefix = /^ *- +$/.test(before) ? before : `${' '.repeat(columnOf(text, start))}- `;
    return insertLinesAfter(file, text, endOfLastItem(value), [`${prefix}${quoteLike(last, `${name}=\${${name}}`)}`], eol);
  }
  if (value === null || (isScalar(value) && isNullNode(value) && !(value.source ?? ''))) {
    // `environment:` with nothing after it.
    const keyStart = nodeRange(environment.key).start;
    const indent = columnOf(text, keyStart);
    const serviceKeyColumn = columnOf(text, nodeRange(servicePair.key).start);
    const step = indent > serviceKeyColumn ? indent - serviceKeyColumn : 2;
    return insert(lineEndAt(text, nodeRange(environment.key).end), `${eol}${' '.repeat(indent + step)}${name}: \${${name}}`);
  }
  return null;
}

/**
 * An edit adding `NAME=` to the `.env.example` at `file` whose text is `text`,
 * or null when the file already lists the variable.
 */
export function addEnvExampleEdit(file: string, text: string, name: string): FileEdit | null {
  if (parseDotEnv(text).entries.some((entry) => entry.key === name)) return null;
  const eol = dominantLineEnding(text);
  const separator = text === '' || text.endsWith('\n') ? '' : eol;
  return { file, range: { start: text.length, end: text.length }, newText: `${separator}${name}=${eol}` };
}

/** The pair written in `map` for `key` (merge keys are not followed: the edit must land in this text). */
function explicitPair(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  return (map.items as Pair<Node, Node | null>[]).find((pair) => isScalar(pair.key) && String(pair.key.value) === key);
}

/** The offset where the last item of a block collection ends. */
function endOfLastItem(collection: YAMLMap | YAMLSeq): number {
  const last = collection.items[collection.items.length - 1];
  if (last === undefined) return nodeRange(collection).end;
  if (isPairLike(last)) {
    const valueEnd = last.value ? nodeRange(last.value).end : 0;
    return Math.max(valueEnd, nodeRange(last.key).end);
  }
  return nodeRange(last).end;
}

function isPairLike(item: unknown): item is Pair<Node, Node | null> {
  return typeof item === 'object' && item !== null && 'key' in item && 'value' in item;
}

/**
 * Inserts whole lines after the line on which `offset` lies; when `offset` is
 * already at a line start (block collections end after their newline), there.
 */
function insertLinesAfter(file: string, text: string, offset: number, lines: string[], eol: string): FileEdit {
  if (offset > 0 && text[offset - 1] === '\n') {
    return { file, range: { start: offset, end: offset }, newText: lines.map((line) => `${line}${eol}`).join('') };
  }
  const end = lineEndAt(text, offset);
  return { file, range: { start: end, end }, newText: lines.map((line) => `${eol}${line}`).join('') };
}

/** Adds `item` to a flow collection (`{a: 1}` or `[a]`) before its closing bracket. */
function appendToFlow(file: string, text: string, collection: YAMLMap | YAMLSeq, item: string): FileEdit | null {
  const range = nodeRange(collection);
  const close = text.lastIndexOf(isMap(collection) ? '}' : ']', range.end);
  if (close < range.start) return null;
  const last = collection.items[collection.items.length - 1];
  if (last === undefined) return { file, range: { start: close, end: close }, newText: item };
  const end = endOfLastItem(collection);
  return { file, range: { start: end, end }, newText: `, ${item}` };
}

/** The indentation of the keys of a block mapping (the service's fields). */
function childIndent(text: string, service: YAMLMap, servicePair: Pair<Node, Node | null>): string {
  const first = service.items[0];
  if (first && isScalar(first.key)) return ' '.repeat(columnOf(text, nodeRange(first.key).start));
  return ' '.repeat(columnOf(text, nodeRange(servicePair.key).start) + 2);
}

function columnOf(text: string, offset: number): number {
  return offset - lineStartAt(text, offset);
}

/** `content` quoted like `node` is (double, single or plain). */
function quoteLike(node: unknown, content: string): string {
  if (!isScalar(node)) return content;
  if (node.type === 'QUOTE_DOUBLE') return `"${content}"`;
  if (node.type === 'QUOTE_SINGLE') return `'${content}'`;
  return content;
}
