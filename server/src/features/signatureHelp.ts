/**
 * Signature help inside a standard-library call (`sys.env(…)`,
 * `string.format(…)`, …): the signature with each parameter's name and type,
 * and which parameter the cursor is on.
 */
import { referencePath, walk, type CallExpr } from '../syntax/ast';
import { getStdlibFunction } from '../semantic/catalog';
import { getStdlibParameters } from '../semantic/catalogStdlib';
import type { SourceFile } from '../semantic/model';

export interface SignatureParameter {
  /** Offsets of the parameter's text within `label`. */
  label: [number, number];
  /** Its type, e.g. `string`, `list(string)`. */
  type: string;
}

export interface SignatureHelpResult {
  /** `string.format(format: string, args: any...) → string`. */
  label: string;
  /** Markdown. */
  documentation: string;
  parameters: SignatureParameter[];
  activeParameter: number;
}

/** Signature help at `offset`, or undefined outside the parentheses of a known stdlib call. Never throws. */
export function getSignatureHelp(file: SourceFile, offset: number): SignatureHelpResult | undefined {
  try {
    return signatureHelp(file, offset);
  } catch {
    return undefined;
  }
}

function signatureHelp(file: SourceFile, offset: number): SignatureHelpResult | undefined {
  const text = file.parse.text;
  const call = innermostCall(file, offset);
  if (!call) return undefined;
  const name = referencePath(call.callee)?.join('.');
  const fn = name ? getStdlibFunction(name) : undefined;
  const params = name ? getStdlibParameters(name) : undefined;
  if (!fn || !params || !name) return undefined;
  const returns = / → (.*)$/.exec(fn.signature)?.[1];
  let label = `${name}(`;
  const parameters: SignatureParameter[] = [];
  params.forEach((p, i) => {
    if (i > 0) label += ', ';
    const piece = `${p.name}: ${p.type}${p.variadic ? '...' : ''}`;
    if (p.optional) label += '[';
    parameters.push({ label: [label.length, label.length + piece.length], type: p.type });
    label += piece;
    if (p.optional) label += ']';
  });
  label += `)${returns ? ` → ${returns}` : ''}`;

  // The parameter the cursor is on: the first argument that ends at or after it.
  let active = call.args.findIndex((a) => offset <= a.end);
  if (active < 0) {
    const last = call.args[call.args.length - 1];
    active = !last ? 0 : text.slice(last.end, offset).includes(',') ? call.args.length : call.args.length - 1;
  }
  const lastParam = params[params.length - 1];
  if (lastParam?.variadic) active = Math.min(active, params.length - 1);
  const docs = [fn.doc];
  if (fn.replacement) docs.push(`**Deprecated:** use \`${fn.replacement}\` instead.`);
  return { label, documentation: docs.join('\n\n'), parameters, activeParameter: active };
}

/** The innermost call whose parentheses hold `offset` (an unclosed call holds everything after its `(`). */
function innermostCall(file: SourceFile, offset: number): CallExpr | undefined {
  const text = file.parse.text;
  let found: CallExpr | undefined;
  walk(file.parse.file, (node) => {
    if (offset < node.start || offset > node.end) return false;
    if (node.kind === 'Call') {
      const open = text.indexOf('(', node.callee.end);
      const closed = text[node.end - 1] === ')' && node.end - 1 > open;
      if (open >= 0 && offset > open && (!closed || offset < node.end)) found = node;
    }
    return true;
  });
  return found;
}
