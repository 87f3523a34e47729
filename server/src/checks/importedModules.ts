/**
 * Local modules: an `import.file "ns" { filename = "…" }` whose file can be read gives
 * the custom components `ns.<declare label>`, whose arguments can then be checked like
 * those of a local `declare`. Only a literal path to a readable file that parses
 * cleanly counts; directories, computed paths and remote imports (`import.git`,
 * `import.http`, `import.string`) stay unknown, so nothing is said about them.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import type { BlockStmt } from '../syntax/ast';
import { parse } from '../syntax/parser';
import { getAttribute, stringValue, type ConfigModel } from '../semantic/model';

/** Reads a file's text; undefined when it cannot be read (missing, a directory, an error). */
export type ReadText = (path: string) => string | undefined;

/** Custom components of readable local modules, by full name (`ns.label`). */
export function importedDeclares(model: ConfigModel, readText: ReadText): Map<string, BlockStmt> {
  const out = new Map<string, BlockStmt>();
  for (const file of model.files) {
    for (const stmt of file.parse.file.body) {
      if (stmt.kind !== 'Block' || stmt.name !== 'import.file' || !stmt.label) continue;
      const filename = stringValue(getAttribute(stmt, 'filename')?.value);
      if (filename === undefined || filename === '') continue;
      // Alloy resolves a relative path against its working directory, which the configuration's directory stands in for.
      const path = isAbsolute(filename) ? filename : resolve(dirname(file.path), filename);
      const text = readText(path);
      if (text === undefined) continue;
      const module = parse(text);
      if (module.diagnostics.length > 0) continue;
      for (const decl of module.file.body) {
        if (decl.kind === 'Block' && decl.name === 'declare' && decl.label) out.set(`${stmt.label.value}.${decl.label.value}`, decl);
      }
    }
  }
  return out;
}
