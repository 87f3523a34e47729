/**
 * A configuration together with the modules it imports through `import.file`:
 * what navigation (definition, references, rename) works across. The core
 * reads no files: the adapter passes a loader that returns a module's parsed
 * files (open buffers first), or undefined when it cannot.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import type { BlockStmt } from '../syntax/ast';
import { getAttribute, stringValue, type SourceFile } from '../semantic/model';

/**
 * The parsed files of a module at an absolute `path`: the file itself, or the
 * `.alloy` files of a directory (as `import.file` reads one). Undefined when
 * the path cannot be read.
 */
export type ModuleLoader = (path: string) => readonly SourceFile[] | undefined;

export interface Project {
  /** The configuration's own files. */
  files: readonly SourceFile[];
  /** The module files each `import.file` block loads (only the ones we could read). */
  imports: ReadonlyMap<BlockStmt, readonly SourceFile[]>;
  /** Every file: the configuration's, then each module file once. */
  allFiles: readonly SourceFile[];
}

/** Modules importing modules: deeper chains than this are not followed (and cycles stop). */
const MAX_IMPORT_DEPTH = 8;

/**
 * The file an `import.file`/`local.file` `filename` names, resolved against
 * the directory of the file that names it (as the editor sees the project).
 * Undefined for computed filenames and files that have no path on disk.
 */
export function importTarget(file: SourceFile, block: BlockStmt): string | undefined {
  const attr = getAttribute(block, 'filename');
  const value = stringValue(attr?.value);
  if (value === undefined || value === '' || !isAbsolute(file.path)) return undefined;
  return resolve(dirname(file.path), value);
}

/** Builds the project of `files`, following `import.file` blocks with `load`. Never throws. */
export function buildProject(files: readonly SourceFile[], load?: ModuleLoader): Project {
  const imports = new Map<BlockStmt, readonly SourceFile[]>();
  const allFiles: SourceFile[] = [...files];
  const own = new Set(files.map((f) => f.path));
  const seen = new Set(own);
  const loaded = new Map<string, readonly SourceFile[] | undefined>();
  let frontier: readonly SourceFile[] = files;
  for (let depth = 0; load && depth < MAX_IMPORT_DEPTH && frontier.length > 0; depth++) {
    const next: SourceFile[] = [];
    for (const file of frontier) {
      for (const block of importBlocks(file)) {
        const target = importTarget(file, block);
        if (!target) continue;
        if (!loaded.has(target)) {
          let module: readonly SourceFile[] | undefined;
          try {
            module = load(target);
          } catch {
            module = undefined;
          }
          loaded.set(target, module);
        }
        const module = loaded.get(target);
        // A module that is the configuration itself is a cycle Alloy refuses: not followed.
        if (!module || module.length === 0 || module.some((m) => own.has(m.path))) continue;
        imports.set(block, module);
        for (const m of module) {
          if (seen.has(m.path)) continue;
          seen.add(m.path);
          allFiles.push(m);
          next.push(m);
        }
      }
    }
    frontier = next;
  }
  return { files, imports, allFiles };
}

/** `import.file` blocks anywhere a declaration may sit: the top level and `declare` bodies. */
function importBlocks(file: SourceFile): BlockStmt[] {
  const out: BlockStmt[] = [];
  const stack = [file.parse.file.body];
  while (stack.length > 0) {
    const body = stack.pop() ?? [];
    for (const s of body) {
      if (s.kind !== 'Block') continue;
      if (s.name === 'import.file' && s.label) out.push(s);
      else if (s.name === 'declare') stack.push(s.body);
    }
  }
  return out;
}

/** A `filename` string of an `import.file` or `local.file` block and the path it names. */
export interface FilenameLink {
  block: BlockStmt;
  /** The string literal, quotes included. */
  range: { start: number; end: number };
  path: string;
}

/**
 * The `filename`s of `import.file` blocks (at the top level and in `declare`
 * bodies) and of top-level `local.file` components in one file.
 */
export function filenameLinks(file: SourceFile): FilenameLink[] {
  const blocks = importBlocks(file);
  for (const s of file.parse.file.body) if (s.kind === 'Block' && s.name === 'local.file' && s.label) blocks.push(s);
  const out: FilenameLink[] = [];
  for (const block of blocks) {
    const value = getAttribute(block, 'filename')?.value;
    const path = importTarget(file, block);
    if (value && path) out.push({ block, range: { start: value.start, end: value.end }, path });
  }
  return out;
}
