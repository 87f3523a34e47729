/**
 * Cursor-marked fixtures for the navigation features: a configuration of two
 * files in /cfg and a module in /mods imported with `import.file`. A `|` in
 * one file's text marks the cursor.
 */
import assert from 'node:assert/strict';
import { parse } from '../../server/src/syntax/parser';
import type { SourceFile } from '../../server/src/semantic/model';
import { buildProject } from '../../server/src/features/project';
import { buildSymbolIndex, type SymbolIndex } from '../../server/src/features/symbolIndex';

export const MAIN = `import.file "lib" {
	filename = "../mods/lib.alloy"
}

prometheus.exporter.self "alloy" { }

prometheus.scrape "alloy" {
	targets    = prometheus.exporter.self.alloy.targets
	forward_to = [lib.relabel.default.receiver]
}

lib.relabel "default" {
	forward_to = [prometheus.remote_write.default.receiver]
}
`;

export const WRITE = `prometheus.remote_write "default" {
	endpoint {
		url = "http://mimir:9009/api/v1/push"
	}
}

prometheus.scrape "other" {
	targets    = prometheus.exporter.self.alloy.targets
	forward_to = [prometheus.remote_write.default.receiver]
}
`;

export const LIB = `declare "relabel" {
	argument "forward_to" {
		optional = false
	}

	prometheus.relabel "inner" {
		forward_to = argument.forward_to.value
	}

	export "receiver" {
		value = prometheus.relabel.inner.receiver
	}
}
`;

export interface Fixture {
  index: SymbolIndex;
  /** The file holding the cursor. */
  file: SourceFile;
  offset: number;
  /** Every file by path, cursor marker removed. */
  texts: Map<string, string>;
  files: Map<string, SourceFile>;
}

/**
 * The project of `config` (paths in /cfg) and `modules` (any absolute paths),
 * with the cursor at the one `|` among all texts.
 */
export function fixture(config: Record<string, string>, modules: Record<string, string> = {}): Fixture {
  const texts = new Map<string, string>();
  let cursor: { path: string; offset: number } | undefined;
  const all = { ...Object.fromEntries(Object.entries(config).map(([k, v]) => [`/cfg/${k}`, v])), ...modules };
  for (const [path, raw] of Object.entries(all)) {
    const at = raw.indexOf('|');
    if (at >= 0) {
      assert.equal(cursor, undefined, 'one cursor only');
      cursor = { path, offset: at };
      texts.set(path, raw.slice(0, at) + raw.slice(at + 1));
    } else texts.set(path, raw);
  }
  assert.ok(cursor, 'the fixture has a cursor');
  const files = new Map([...texts].map(([path, text]) => [path, { path, parse: parse(text) } as SourceFile]));
  const configFiles = [...files.values()].filter((f) => f.path.startsWith('/cfg/'));
  // Open the cursor's file first, as the server does.
  configFiles.sort((a, b) => (a.path === cursor?.path ? -1 : b.path === cursor?.path ? 1 : 0));
  const project = buildProject(configFiles, (path) => {
    const found = files.get(path);
    return found ? [found] : undefined;
  });
  const file = files.get(cursor.path);
  assert.ok(file);
  return { index: buildSymbolIndex(project), file, offset: cursor.offset, texts, files };
}

/** `text` with `|` at `needle`'s first occurrence (plus `shift` characters). */
export function at(text: string, needle: string, shift = 0): string {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `fixture lacks ${needle}`);
  return text.slice(0, i + shift) + '|' + text.slice(i + shift);
}

/** The text a range covers in a fixture file. */
export function slice(f: Fixture, path: string, range: { start: number; end: number }): string {
  return (f.texts.get(path) ?? '').slice(range.start, range.end);
}
