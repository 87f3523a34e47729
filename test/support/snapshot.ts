/**
 * A tiny snapshot helper for node:test (Node 20's runner has none).
 *
 * A snapshot is a JSON file. `assertSnapshot` compares a value with it:
 *  - with `UPDATE_SNAPSHOTS=1` in the environment it (re)writes the file;
 *  - otherwise a missing file is a FAILURE (a new snapshot must be created on
 *    purpose, then reviewed), and any difference fails with a structural diff.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Where the syntax fixtures' snapshots live. */
export const SYNTAX_SNAPSHOT_DIR = resolve(__dirname, '../fixtures/syntax/__snapshots__');

export function updatingSnapshots(): boolean {
  return process.env.UPDATE_SNAPSHOTS === '1';
}

/** The exact text a snapshot file holds for `value`. */
export function serializeSnapshot(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** Compares `value` with the snapshot file `file` (an absolute path), or writes it when updating. */
export function assertSnapshotFile(file: string, value: unknown): void {
  const actual = serializeSnapshot(value);
  if (updatingSnapshots()) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== actual) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, actual);
    }
    return;
  }
  if (!existsSync(file)) {
    assert.fail(`snapshot ${file} does not exist: run the tests with UPDATE_SNAPSHOTS=1 to write it, then review it`);
  }
  const expected = readFileSync(file, 'utf8');
  if (actual === expected) return;
  const hint = `snapshot ${file} differs (after reviewing the change, UPDATE_SNAPSHOTS=1 accepts it)`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(expected);
  } catch {
    assert.fail(`${hint}: the snapshot file is not valid JSON`);
  }
  assert.deepStrictEqual(JSON.parse(actual), parsed, hint);
  // Same data, different text (hand-edited formatting): still a mismatch.
  assert.equal(actual, expected, hint);
}

/** `assertSnapshotFile` for `<dir>/<name>.json`. */
export function assertSnapshot(name: string, value: unknown, dir: string = SYNTAX_SNAPSHOT_DIR): void {
  assertSnapshotFile(join(dir, `${name}.json`), value);
}
