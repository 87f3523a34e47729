/**
 * Writes new blocks the way `alloy fmt` writes them: one indent per level,
 * `=` aligned across each run of attributes, a blank line before every block
 * that is not the first statement of its body, `name "label" { }` when empty.
 * Quick fixes build their insertions with it, in the file's own indent unit.
 */

export interface NewBlock {
  name: string;
  label?: string;
  /** Lines of a `//` comment written right above the block (without the slashes). */
  comment?: string[];
  /** Attributes as [name, value written in Alloy syntax]. */
  attributes?: [string, string][];
  blocks?: NewBlock[];
}

/** Renders `block` at `level` levels of `indent` (a tab, or the file's spaces). */
export function renderBlock(block: NewBlock, indent = '\t', level = 0): string {
  const pad = indent.repeat(level);
  const header = block.label !== undefined ? `${block.name} ${JSON.stringify(block.label)}` : block.name;
  const attributes = block.attributes ?? [];
  const blocks = block.blocks ?? [];
  const comment = (block.comment ?? []).map((line) => `${pad}// ${line}\n`).join('');
  if (attributes.length === 0 && blocks.length === 0) return `${comment}${pad}${header} { }\n`;
  let out = `${comment}${pad}${header} {\n`;
  out += renderAttributes(attributes, indent, level + 1);
  blocks.forEach((child, i) => {
    if (i > 0 || attributes.length > 0) out += '\n';
    out += renderBlock(child, indent, level + 1);
  });
  return `${out}${pad}}\n`;
}

/** Renders a run of attributes with their `=` aligned. */
export function renderAttributes(attributes: [string, string][], indent: string, level: number): string {
  const width = Math.max(0, ...attributes.map(([name]) => name.length));
  const pad = indent.repeat(level);
  return attributes.map(([name, value]) => `${pad}${name.padEnd(width)} = ${value}\n`).join('');
}

/** Renders several top-level blocks separated by blank lines. */
export function renderBlocks(blocks: NewBlock[], indent = '\t'): string {
  return blocks.map((b) => renderBlock(b, indent)).join('\n');
}

/** An Alloy string literal. */
export function quote(value: string): string {
  return JSON.stringify(value);
}

/** An Alloy list of references. */
export function list(items: string[]): string {
  return `[${items.join(', ')}]`;
}

/** The call that reads an environment variable. */
export function envCall(name: string): string {
  return `sys.env(${quote(name)})`;
}
