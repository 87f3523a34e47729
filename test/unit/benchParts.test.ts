/**
 * The pieces of `npm run bench` that decide what is measured: statistics,
 * the command line, the generated configurations (the 30 MB one's relabelled
 * copies, the 20,000-file workspace's folders) and where the cursor stops.
 * The measurements themselves are never asserted: speed belongs to the bench.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryFileSystem } from '../../server/src/compose/fileSystem';
import { analyzeConfiguration, parseFile } from '../../server/src/languageService';
import { defaultSettings } from '../../server/src/settings';
import { parse } from '../../server/src/syntax/parser';
import { discoverConfigurations } from '../../server/src/workspace/configurations';
import { selectedParts } from '../../scripts/bench/args';
import { relabelled } from '../../scripts/bench/configs';
import { cursorLines } from '../../scripts/bench/lsp';
import { median, percentile } from '../../scripts/bench/stats';
import { PARTS } from '../../scripts/bench/summary';
import { inValue, typingFile } from '../../scripts/bench/typing';
import { serviceFile } from '../../scripts/bench/workspace';
import { generateModel, jsonStmts, printAlloy } from '../../scripts/benchData';

describe('bench statistics', () => {
  it('takes the median of odd and even counts, and the nearest-rank percentile', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    assert.equal(percentile(hundred, 50), 50);
    assert.equal(percentile(hundred, 99), 99);
    assert.equal(percentile(hundred, 100), 100);
    assert.equal(percentile([7], 99), 7);
  });

  it('gives NaN, not a crash, for no samples', () => {
    assert.ok(Number.isNaN(median([])));
    assert.ok(Number.isNaN(percentile([], 99)));
  });
});

describe('bench command line', () => {
  it('runs every part without arguments, in the order of a full run', () => {
    assert.deepEqual(selectedParts([]), [...PARTS]);
  });

  it('runs the parts --only names, repeated or comma-separated, in run order', () => {
    assert.deepEqual(selectedParts(['--only', 'lsp']), ['lsp']);
    assert.deepEqual(selectedParts(['--only=memory,check']), ['check', 'memory']);
    assert.deepEqual(selectedParts(['--only', 'hostile', '--only', 'parse']), ['parse', 'hostile']);
  });

  it('maps the older --parser-only, --navigation-only and --hostile-only to their parts', () => {
    assert.deepEqual(selectedParts(['--parser-only']), ['parse']);
    assert.deepEqual(selectedParts(['--navigation-only']), ['navigation']);
    assert.deepEqual(selectedParts(['--hostile-only']), ['hostile']);
  });

  it('refuses an unknown part or argument with the list of parts', () => {
    assert.throws(() => selectedParts(['--only', 'speed']), /unknown part "speed": choose among parse, check, lsp/);
    assert.throws(() => selectedParts(['--fast']), /unknown argument --fast/);
  });
});

describe('the 30 MB configuration: relabelled copies of one model', () => {
  const model = generateModel(400, 3);
  const copy = relabelled(model, '_f1');

  it('declares every labelled component again under its suffixed label, and drops the unlabelled logging block', () => {
    const labels = (stmts: typeof model) => stmts.flatMap((s) => (s.t === 'block' && s.label !== undefined ? [`${s.name}.${s.label}`] : []));
    assert.deepEqual(labels(copy), labels(model).map((l) => `${l}_f1`));
    assert.ok(model.some((s) => s.t === 'block' && s.name === 'logging'));
    assert.ok(!copy.some((s) => s.t === 'block' && s.name === 'logging'));
  });

  it('checked together with the original: no duplicate blocks, and the copy finds what the original finds', () => {
    const original = parseFile('/c/part-0.alloy', printAlloy(model));
    const second = parseFile('/c/part-1.alloy', printAlloy(copy));
    assert.deepEqual(second.parse.diagnostics, []);
    const codes = (findings: { file: string; code: string }[], file: string) => findings.filter((f) => f.file === file).map((f) => f.code).sort();
    const together = analyzeConfiguration([original, second], defaultSettings).findings;
    const alone = analyzeConfiguration([original], defaultSettings).findings;
    assert.ok(!together.some((f) => f.code === 'duplicate-block'));
    const referenceErrors = (list: string[]) => list.filter((c) => c === 'undefined-reference');
    assert.ok(referenceErrors(codes(alone, original.path)).length > 0, 'the generated model references components it does not define');
    assert.deepEqual(referenceErrors(codes(together, second.path)), referenceErrors(codes(alone, original.path)));
  });

  it('has the same data as JSON: labels and references suffixed, nothing else changed', () => {
    const named = (json: string) => [...json.matchAll(/"(label|ref)":"([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
    const labelled = model.filter((s) => s.t === 'block' && s.label !== undefined);
    const expected = named(JSON.stringify(jsonStmts(labelled))).map((n) => (n.startsWith('label ') ? `${n}_f1` : n.replace(/\.([^.]+)\.([^.]+)$/, '.$1_f1.$2')));
    const actual = JSON.stringify(jsonStmts(copy));
    assert.deepEqual(named(actual), expected);
    assert.equal(actual.replace(/_f1"/g, '"').replace(/_f1\./g, '.'), JSON.stringify(jsonStmts(labelled)));
  });
});

describe('the 20,000-file workspace: one service folder', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 10; i++) files[`/w/team-1/svc-2/part-${i}.alloy`] = serviceFile(1, 2, i);

  it('is one configuration by the folder rule: its files use each other\'s components', () => {
    const found = discoverConfigurations({ root: '/w', fs: memoryFileSystem(files), hostEnv: {} });
    assert.equal(found.configurations.length, 1);
    assert.equal(found.configurations[0]?.reason.kind, 'folder');
    assert.equal(found.configurations[0]?.files.length, 10);
  });

  it('has no syntax or reference errors', () => {
    const parsed = Object.entries(files).map(([path, text]) => parseFile(path, text));
    for (const f of parsed) assert.deepEqual(f.parse.diagnostics, []);
    const errors = analyzeConfiguration(parsed, defaultSettings).findings.filter((f) => f.severity === 'error');
    assert.deepEqual(errors, []);
  });
});

describe('where the bench types and moves the cursor', () => {
  it('types into a comment line between the two halves, and typing there keeps the file valid', () => {
    const file = typingFile(generateModel(200, 9));
    const line = file.text.split('\n')[file.at.line] ?? '';
    assert.equal(line.slice(0, file.at.character), '// typing here: ');
    const lines = file.text.split('\n');
    lines[file.at.line] = `${line}abc`;
    assert.deepEqual(parse(lines.join('\n')).diagnostics, []);
  });

  it('types into a string value after the comment line, for the keystroke that changes meaning', () => {
    const file = typingFile(generateModel(200, 9));
    const value = inValue(file);
    assert.ok(value.at.line > file.at.line);
    const line = file.text.split('\n')[value.at.line] ?? '';
    assert.match(line.slice(0, value.at.character), /endpoint = "$/);
  });

  it('alternates lines with findings and lines without', () => {
    const at = (line: number) => ({ range: { start: { line, character: 0 }, end: { line, character: 1 } } });
    const lines = cursorLines([at(3), at(3), at(10), at(20)], 30, 6);
    assert.equal(lines.length, 6);
    const flagged = new Set([3, 10, 20]);
    assert.deepEqual(lines.map((l) => flagged.has(l)), [true, false, true, false, true, false]);
  });
});
