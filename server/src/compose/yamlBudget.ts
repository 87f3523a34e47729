/**
 * Compose files parsed within fixed budgets. The `yaml` package is the cost:
 * its duplicate-key check compares every key of a mapping with every other
 * (50,000 services took minutes), it takes seconds per megabyte, and deeply
 * nested flow collections exhaust its memory. So the size and nesting are
 * checked before parsing, and duplicate keys are found here with a set.
 * (Aliases and `<<` merges are expanded by `yamlNodes`, once per mapping.)
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, YAMLParseError, type Document } from 'yaml';

/** Compose files larger than this (in characters) are not read; real ones are a few kilobytes. */
export const MAX_COMPOSE_FILE_CHARS = 1024 * 1024;

/** Flow collections (`[`, `{`) nested deeper than this are not parsed. */
const MAX_YAML_NESTING = 500;

/** Why `text` is not parsed at all, naming the limit; undefined when it is within budget. */
export function yamlBudgetProblem(text: string): string | undefined {
  if (text.length > MAX_COMPOSE_FILE_CHARS) {
    return `This compose file is larger than ${MAX_COMPOSE_FILE_CHARS / (1024 * 1024)} MB and is not read (limit: ${MAX_COMPOSE_FILE_CHARS.toLocaleString('en')} characters).`;
  }
  if (flowNesting(text) > MAX_YAML_NESTING) {
    return `This compose file nests brackets deeper than ${MAX_YAML_NESTING} levels and is not read (limit: ${MAX_YAML_NESTING} levels).`;
  }
  return undefined;
}

/** Parses a compose file; duplicate keys are reported as `yaml` reports them, at linear cost. */
export function parseComposeYaml(text: string): Document {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  const duplicates = duplicateKeyErrors(doc);
  if (duplicates.length > 0) {
    for (const error of duplicates) doc.errors.push(error);
    doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
  }
  return doc;
}

/** The deepest nesting of `[`/`{` outside quotes and comments (a rough count: it only has to catch the hostile). */
function flowNesting(text: string): number {
  let depth = 0;
  let max = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== '') {
      if (c === quote) quote = '';
      else if (c === '\n') quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === '[' || c === '{') {
      depth++;
      if (depth > max) max = depth;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return max;
}

/** Keys written twice in one mapping, walked with an explicit stack. */
function duplicateKeyErrors(doc: Document): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key: unknown = pair.key;
        // As the `yaml` package compares keys: scalars by value.
        if (isScalar(key)) {
          if (seen.has(key.value)) {
            const start = key.range?.[0] ?? 0;
            errors.push(new YAMLParseError([start, start + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
          }
          seen.add(key.value);
        } else if (key) stack.push(key);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(isPair(item) ? item.value : item);
    }
  }
  return errors;
}
