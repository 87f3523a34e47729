/**
 * `alloy-selfmon fmt [--check | --write | --diff] PATH…`: `alloy fmt` on the command
 * line, with the editor's formatter (byte-identical to Alloy's printer). Without a flag
 * the formatted text goes to stdout. `--check` lists the files that would change and
 * exits 1 if any would (for CI); `--write` rewrites them; `--diff` prints a unified diff.
 * A file with syntax errors is left alone: its errors go to stderr and the exit status is
 * 2, as for any input problem.
 */
import { writeFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { parse } from '../syntax/parser';
import { format } from '../syntax/printer';
import { configurationFiles, readTextFile } from './inputs';

const FMT_USAGE = `Usage: alloy-selfmon fmt [--check | --write | --diff] PATH...

Formats Alloy configuration files exactly as \`alloy fmt\` does. A directory
stands for the .alloy files directly in it.

  (no flag)   print the formatted text
  --check     list the files that are not formatted; exit 1 if there are any
  --write     rewrite the files that are not formatted, and list them
  --diff      print what would change as a unified diff

Files with syntax errors are left alone; their errors go to stderr (exit 2).
`;

type Mode = 'print' | 'check' | 'write' | 'diff';

function shown(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : resolve(path);
}

/** Runs `fmt` with the arguments after the command name; returns the exit status. */
export function runFmt(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { check: { type: 'boolean' }, write: { type: 'boolean' }, diff: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    err(`alloy-selfmon: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(FMT_USAGE);
    return 0;
  }
  const modes = (['check', 'write', 'diff'] as const).filter((m) => values[m] === true);
  if (modes.length > 1) {
    err('alloy-selfmon: --check, --write and --diff exclude each other\n');
    return 2;
  }
  if (positionals.length === 0) {
    err('alloy-selfmon: no PATH given (try: alloy-selfmon fmt --check config.alloy)\n');
    return 2;
  }
  const mode: Mode = modes[0] ?? 'print';
  let status = 0;
  const problem = (message: string): void => {
    err(`${message}\n`);
    status = 2;
  };
  for (const arg of positionals) {
    const input = configurationFiles(arg);
    if (!input.ok) {
      problem(`alloy-selfmon: ${arg}: ${input.reason}`);
      continue;
    }
    for (const path of input.files) {
      const read = readTextFile(path);
      if (!read.ok) {
        problem(`alloy-selfmon: ${path}: ${read.reason}`);
        continue;
      }
      const result = parse(read.text);
      const formatted = format(result);
      if (formatted === undefined) {
        // Alloy's own form: path:line:col: message, with byte columns.
        for (const d of result.diagnostics) {
          const at = result.lineIndex.alloyPosition(d.start);
          problem(`${shown(path)}:${at.line}:${at.column}: ${d.message}`);
        }
        continue;
      }
      const changed = formatted !== read.text;
      if (mode === 'print') out(formatted);
      else if (!changed) continue;
      else if (mode === 'check') {
        out(`${shown(path)}\n`);
        if (status === 0) status = 1;
      } else if (mode === 'diff') {
        out(createTwoFilesPatch(`a/${shown(path)}`, `b/${shown(path)}`, read.text, formatted, undefined, undefined, { context: 3 }).replace(/^=+\n/, ''));
      } else {
        try {
          writeFileSync(path, formatted);
          out(`${shown(path)}\n`);
        } catch (error) {
          problem(`alloy-selfmon: ${shown(path)}: cannot write: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  }
  return status;
}
