/**
 * The large generated configurations several parts share: the 3.4 MB one
 * (sized from the bytes per line of the 2,000-line one, as navigation always
 * did) and a ~30 MB one written as a directory of files, because the CLI and
 * the server refuse any single file over 8 MB (`MAX_TEXT_FILE_BYTES`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateModel, jsonStmts, printAlloy, type Stmt } from '../benchData';
import { bytes } from './stats';

type Value = Extract<Stmt, { t: 'attr' }>['value'];

/** Bytes per line of the generated 2,000-line configuration. */
function bytesPerLine(): number {
  const small = printAlloy(generateModel(2_000, 7));
  return bytes(small) / small.split('\n').length;
}

/** The model of the ~`size`-byte configuration with the given seed. */
export function modelOfSize(size: number, seed: number): Stmt[] {
  return generateModel(Math.round(size / bytesPerLine()), seed);
}

let large: Stmt[] | undefined;

/** The 3.4 MB reference configuration of issue 12: `generateModel(Math.round(3.4e6 / perLine), 11)`. */
export function largeModel(): Stmt[] {
  large ??= modelOfSize(3.4e6, 11);
  return large;
}

/** `path` with the label segment (the one before the export name) suffixed. */
function relabelPath(path: string, suffix: string): string {
  const parts = path.split('.');
  if (parts.length < 3) return path;
  parts[parts.length - 2] += suffix;
  return parts.join('.');
}

function relabelValue(v: Value, suffix: string): Value {
  switch (v.t) {
    case 'ref':
      return { t: 'ref', path: relabelPath(v.path, suffix) };
    case 'call':
      return { ...v, args: v.args.map((a) => relabelValue(a, suffix)) };
    case 'arr':
      return { ...v, items: v.items.map((x) => relabelValue(x, suffix)) };
    case 'obj':
      return { ...v, fields: v.fields.map(([k, x]): [string, Value] => [k, relabelValue(x, suffix)]) };
    case 'bin':
      return { ...v, left: relabelValue(v.left, suffix), right: relabelValue(v.right, suffix) };
    default:
      return v;
  }
}

function relabelStmt(s: Stmt, suffix: string, top: boolean): Stmt {
  if (s.t === 'attr') return { ...s, value: relabelValue(s.value, suffix) };
  const body = s.body.map((b) => relabelStmt(b, suffix, false));
  return top && s.label !== undefined ? { ...s, label: s.label + suffix, body } : { ...s, body };
}

/**
 * A copy of a configuration whose component labels, and the references to
 * them, end in `suffix`, without its unlabelled root blocks (`logging`): the
 * copies can sit in one directory without declaring anything twice, and their
 * references resolve as in the original.
 */
export function relabelled(model: readonly Stmt[], suffix: string): Stmt[] {
  return model.filter((s) => s.t === 'attr' || s.label !== undefined).map((s) => relabelStmt(s, suffix, true));
}

/** A configuration written as a directory of files, and the same data as one JSON file. */
export interface WrittenConfiguration {
  /** What to pass to `alloy-selfmon check`: the file, or the directory. */
  alloyPath: string;
  jsonPath: string;
  alloyBytes: number;
  jsonBytes: number;
  files: number;
}

/** Writes the 3.4 MB configuration as `config.alloy` and `config.json` under `dir`. */
export function writeLarge(dir: string): WrittenConfiguration {
  const model = largeModel();
  const alloy = printAlloy(model);
  const json = JSON.stringify(jsonStmts(model), null, 2);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.alloy'), alloy);
  writeFileSync(join(dir, 'config.json'), json);
  return { alloyPath: join(dir, 'config.alloy'), jsonPath: join(dir, 'config.json'), alloyBytes: bytes(alloy), jsonBytes: bytes(json), files: 1 };
}

/**
 * Writes about `totalBytes` of configuration as `dir/alloy/part-K.alloy`
 * (copies of the 3.4 MB one, relabelled per file, the first keeping its
 * `logging` block) and every statement of them as one JSON array in
 * `dir/config.json`.
 */
export function writeSplit(dir: string, totalBytes: number): WrittenConfiguration {
  const model = largeModel();
  const alloyDir = join(dir, 'alloy');
  mkdirSync(alloyDir, { recursive: true });
  const all: unknown[] = [];
  let alloyBytes = 0;
  let files = 0;
  for (let k = 0; alloyBytes < totalBytes * 0.99; k++) {
    const copy = k === 0 ? model : relabelled(model, `_f${k}`);
    const text = printAlloy(copy);
    writeFileSync(join(alloyDir, `part-${k}.alloy`), text);
    alloyBytes += bytes(text);
    files++;
    for (const s of jsonStmts(copy)) all.push(s);
  }
  const json = JSON.stringify(all, null, 2);
  writeFileSync(join(dir, 'config.json'), json);
  return { alloyPath: alloyDir, jsonPath: join(dir, 'config.json'), alloyBytes, jsonBytes: bytes(json), files };
}
