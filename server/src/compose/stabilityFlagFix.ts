/**
 * The quick fix for components above Alloy's stability level: set `--stability.level`
 * in the compose service's `command`. An existing flag gets the new value; otherwise
 * the flag goes right after `run`, in the command's own form (a list item, a flow item,
 * or a word of a shell-form string). Edits are text insertions at node ranges, so the
 * rest of the file stays as it is; null when it cannot be done safely (no `command`
 * here, no `run`, invalid YAML, an alias).
 */
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { FileEdit } from '../syntax/diagnostic';
import { nodeRange } from './yamlNodes';
import { lineEndAt, lineStartAt } from './sourceText';
import { dominantLineEnding } from '../fixes/lineEndings';

const FLAG = '--stability.level';

function pair(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  return (map.items as Pair<Node, Node | null>[]).find((p) => isScalar(p.key) && String(p.key.value) === key);
}

/** `content` quoted like `node` is. */
function quoteLike(node: Node, content: string): string {
  if (isScalar(node) && node.type === 'QUOTE_DOUBLE') return `"${content}"`;
  if (isScalar(node) && node.type === 'QUOTE_SINGLE') return `'${content}'`;
  return content;
}

/** An edit setting `--stability.level=<level>` in the `command` of `serviceName` in the compose file `file`. */
export function stabilityLevelEdit(file: string, text: string, serviceName: string, level: string): FileEdit | null {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  const services = pair(doc.contents, 'services')?.value;
  if (!services || !isMap(services)) return null;
  const service = pair(services, serviceName)?.value;
  if (!service || !isMap(service)) return null;
  const command = pair(service, 'command')?.value;
  if (!command) return null;
  const flag = `${FLAG}=${level}`;
  const replace = (node: Node, content: string): FileEdit => ({ file, range: nodeRange(node), newText: quoteLike(node, content) });

  if (isSeq(command)) {
    const items = command.items as Node[];
    const words = items.map((n) => (isScalar(n) ? String(n.value) : undefined));
    const at = words.findIndex((w) => w === FLAG || w?.startsWith(`${FLAG}=`));
    if (at !== -1) {
      if (words[at] === FLAG) {
        const next = items[at + 1];
        return next && isScalar(next) ? replace(next, level) : null;
      }
      return replace(items[at] as Node, flag);
    }
    const run = words.indexOf('run');
    const runNode = items[run];
    if (!runNode) return null;
    const end = nodeRange(runNode).end;
    if (command.flow) return { file, range: { start: end, end }, newText: `, ${quoteLike(runNode, flag)}` };
    // A block list: a new item under `- run`, with the same indentation.
    const lineStart = lineStartAt(text, nodeRange(runNode).start);
    const prefix = /^\s*-\s*/.exec(text.slice(lineStart))?.[0] ?? '- ';
    const lineEnd = lineEndAt(text, end);
    return { file, range: { start: lineEnd, end: lineEnd }, newText: `${dominantLineEnding(text)}${prefix}${flag}` };
  }
  if (isScalar(command) && typeof command.value === 'string' && command.type !== 'BLOCK_FOLDED' && command.type !== 'BLOCK_LITERAL') {
    const range = nodeRange(command);
    const source = text.slice(range.start, range.end);
    const existing = /--stability\.level(=|\s+)([\w-]+)/.exec(source);
    if (existing) {
      const start = range.start + existing.index + existing[0].length - (existing[2] ?? '').length;
      return { file, range: { start, end: start + (existing[2] ?? '').length }, newText: level };
    }
    const run = /(^|["'\s])run(?=\s|["']|$)/.exec(source);
    if (!run) return null;
    const after = range.start + run.index + run[0].length;
    return { file, range: { start: after, end: after }, newText: ` ${flag}` };
  }
  return null;
}
