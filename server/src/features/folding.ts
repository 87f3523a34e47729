/**
 * Folding ranges: multi-line blocks, arrays, objects, calls and comments.
 */
import { walk, type FileNode } from '../syntax/ast';
import type { LineIndex } from '../syntax/lineIndex';
import { Tok } from '../syntax/tokens';
import type { TokenStream } from '../syntax/scanner';

export interface FoldingRegion {
  /** 0-based first line. */
  startLine: number;
  /** 0-based last line folded away (the closer's line stays visible). */
  endLine: number;
  kind?: 'comment';
}

export function getFoldingRanges(file: FileNode, tokens: TokenStream, lines: LineIndex): FoldingRegion[] {
  const regions: FoldingRegion[] = [];
  const add = (start: number, closer: number) => {
    const startLine = lines.lineOf(start);
    const endLine = lines.lineOf(closer) - 1;
    if (endLine > startLine) regions.push({ startLine, endLine });
  };
  walk(file, (node) => {
    switch (node.kind) {
      case 'Block':
        if (node.rbrace >= 0) add(node.lbrace, node.rbrace);
        break;
      case 'Array':
      case 'Object':
      case 'Call':
        add(node.start, node.end - 1);
        break;
      default:
        break;
    }
  });
  // Block comments over several lines, and runs of line comments.
  let run: { start: number; end: number } | undefined;
  const flush = () => {
    if (run && run.end > run.start) regions.push({ startLine: run.start, endLine: run.end, kind: 'comment' });
    run = undefined;
  };
  for (let i = 0; i < tokens.count; i++) {
    if (tokens.kinds[i] !== Tok.Comment) continue;
    const start = tokens.starts[i] as number;
    const end = (tokens.starts[i + 1] as number) - 1;
    const startLine = lines.lineOf(start);
    const endLine = lines.lineOf(end);
    if (tokens.text.startsWith('/*', start)) {
      flush();
      if (endLine > startLine) regions.push({ startLine, endLine, kind: 'comment' });
      continue;
    }
    const ownLine = start === lines.lineStart(startLine) || /^[ \t]*$/.test(tokens.text.slice(lines.lineStart(startLine), start));
    if (!ownLine) continue;
    if (run && startLine === run.end + 1) run.end = startLine;
    else {
      flush();
      run = { start: startLine, end: startLine };
    }
  }
  flush();
  return regions;
}
