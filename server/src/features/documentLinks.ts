/**
 * Document links: the `filename` of an `import.file` or `local.file` block to
 * that file, and each built-in component's name to its page in the Alloy
 * documentation.
 */
import type { Stmt } from '../syntax/ast';
import type { TextRange } from '../syntax/diagnostic';
import { classifyTopLevelBlock } from '../semantic/blockKinds';
import { getComponent } from '../semantic/catalog';
import type { ConfigModel, SourceFile } from '../semantic/model';
import { filenameLinks } from './project';
import { isCustomComponentName } from './scopes';

export type LinkTarget = { kind: 'file'; path: string } | { kind: 'url'; url: string };

export interface DocumentLinkResult {
  range: TextRange;
  target: LinkTarget;
  tooltip: string;
}

const DOCS = 'https://grafana.com/docs/alloy/latest/reference/components';

/** The documentation page of a built-in component, e.g. `…/components/prometheus/prometheus.scrape/`. */
export function componentDocUrl(name: string): string {
  return `${DOCS}/${name.split('.')[0] ?? name}/${name}/`;
}

/** The links of one file of `model`. Never throws. */
export function getDocumentLinks(model: ConfigModel, file: SourceFile): DocumentLinkResult[] {
  try {
    return documentLinks(model, file);
  } catch {
    return [];
  }
}

function documentLinks(model: ConfigModel, file: SourceFile): DocumentLinkResult[] {
  const out: DocumentLinkResult[] = [];
  for (const link of filenameLinks(file)) {
    // The link covers the path, not the quotes.
    out.push({ range: { start: link.range.start + 1, end: link.range.end - 1 }, target: { kind: 'file', path: link.path }, tooltip: `Open ${link.path}` });
  }
  // Component names at the top level and in declare bodies (a loop: declares nest).
  const stack: (readonly Stmt[])[] = [file.parse.file.body];
  while (stack.length > 0) {
    for (const s of stack.pop() ?? []) {
      if (s.kind !== 'Block') continue;
      if (s.name === 'declare') {
        stack.push(s.body);
        continue;
      }
      if (classifyTopLevelBlock(s.name).kind !== 'component' || isCustomComponentName(model, s.name) || !getComponent(s.name)) continue;
      const first = s.nameParts[0];
      const last = s.nameParts[s.nameParts.length - 1];
      if (!first || !last) continue;
      out.push({ range: { start: first.start, end: last.end }, target: { kind: 'url', url: componentDocUrl(s.name) }, tooltip: `${s.name} in the Alloy documentation` });
    }
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}
