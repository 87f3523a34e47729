/**
 * The language service object: what it keeps between requests and when it
 * lets go of it. Dependencies are stamped by a fake `stampOf` over a memory
 * file system (as the server stamps open buffers by version), and once over
 * the disk (mtime and size).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../server/src/service/languageService';
import { analyzeConfiguration, fixAll, parseFile } from '../../server/src/languageService';
import { memoryFileSystem } from '../../server/src/compose/fileSystem';
import { nodeFileSystem } from '../../server/src/compose/nodeFileSystem';
import { defaultSettings, resolveSettings } from '../../server/src/settings';
import type { Finding, Fix } from '../../server/src/syntax/diagnostic';
import { format, formatUnit } from '../../server/src/syntax/printer';
import { parse } from '../../server/src/syntax/parser';

const CONFIG = '/repo/config.alloy';
const TEXT = 'logging {\n\tlevel = sys.env("LEVEL")\n}\n';
const composeWith = (environment: string) =>
  ['services:', '  alloy:', '    image: grafana/alloy:v1.9.1', '    volumes:', '      - ./config.alloy:/etc/alloy/config.alloy', environment, ''].join('\n');
const MISSING = composeWith('');
const PASSED = composeWith('    environment:\n      LEVEL: info');

/** A memory file system whose files carry versions, as open buffers do. */
function versionedFiles(files: Record<string, string>) {
  const versions = new Map<string, number>(Object.keys(files).map((p) => [p, 1]));
  // The host environment is the same object from request to request, as the server's process.env is.
  const hostEnv = {};
  return {
    files,
    // A directory's stamp changes when entries come and go, as its mtime does on disk.
    stampOf: (path: string) =>
      versions.has(path)
        ? `v${versions.get(path)}`
        : `dir:${Object.keys(files)
            .filter((p) => p.startsWith(`${path}/`))
            .sort()
            .join(',')}`,
    edit(path: string, text: string) {
      files[path] = text;
      versions.set(path, (versions.get(path) ?? 0) + 1);
    },
    env: () => ({ fs: memoryFileSystem(files), hostEnv, rootDir: '/repo' }),
  };
}

const envCodes = (findings: readonly Finding[]) => findings.filter((f) => f.code.startsWith('env/')).map((f) => f.code);

describe('createLanguageService: the analysis cache', () => {
  it('answers a second request on the same parse with the same analysis', () => {
    const world = versionedFiles({ '/repo/.git': '', [CONFIG]: TEXT, '/repo/compose.yaml': MISSING });
    const service = createLanguageService({ stampOf: world.stampOf });
    const files = [service.parseFile(CONFIG, TEXT)];
    const first = service.analyze(files, defaultSettings, { env: world.env() });
    const second = service.analyze(files, defaultSettings, { env: world.env() });
    assert.equal(second, first);
    assert.deepEqual(envCodes(first.findings), ['env/missing']);
  });

  it('analyses again when a compose file it read changes, and only then', () => {
    const world = versionedFiles({ '/repo/.git': '', [CONFIG]: TEXT, '/repo/compose.yaml': MISSING });
    const service = createLanguageService({ stampOf: world.stampOf });
    const files = [service.parseFile(CONFIG, TEXT)];
    const before = service.analyze(files, defaultSettings, { env: world.env() });
    world.edit('/repo/compose.yaml', PASSED);
    const after = service.analyze(files, defaultSettings, { env: world.env() });
    assert.notEqual(after, before);
    assert.deepEqual(envCodes(after.findings), []);
    assert.equal(service.analyze(files, defaultSettings, { env: world.env() }), after);
  });

  it('notices a compose file that appears where the analysis looked for one', () => {
    const world = versionedFiles({ '/repo/.git': '', [CONFIG]: TEXT });
    const service = createLanguageService({ stampOf: world.stampOf });
    const files = [service.parseFile(CONFIG, TEXT)];
    assert.deepEqual(envCodes(service.analyze(files, defaultSettings, { env: world.env() }).findings), []);
    world.edit('/repo/compose.yaml', MISSING);
    assert.deepEqual(envCodes(service.analyze(files, defaultSettings, { env: world.env() }).findings), ['env/missing']);
  });

  it('stamps files on disk by mtime and size by default', () => {
    const dir = mkdtempSync(join(tmpdir(), 'alloy-service-'));
    try {
      writeFileSync(join(dir, '.git'), '');
      writeFileSync(join(dir, 'compose.yaml'), MISSING);
      const service = createLanguageService();
      const files = [service.parseFile(join(dir, 'config.alloy'), TEXT)];
      const env = { fs: nodeFileSystem, hostEnv: {}, rootDir: dir };
      const before = service.analyze(files, defaultSettings, { env });
      assert.equal(service.analyze(files, defaultSettings, { env }), before);
      writeFileSync(join(dir, 'compose.yaml'), PASSED);
      assert.deepEqual(envCodes(service.analyze(files, defaultSettings, { env }).findings), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('analyses a new parse, other settings and another role apart', () => {
    const service = createLanguageService();
    const files = [service.parseFile(CONFIG, TEXT)];
    const base = service.analyze(files, defaultSettings);
    assert.equal(service.analyze(files, resolveSettings({}).settings), base, 'equal settings in another object are the same settings');
    assert.notEqual(service.analyze(files, resolveSettings({ severity: { 'selfmon/logs-missing': 'off' } }).settings), base);
    assert.notEqual(service.analyze(files, defaultSettings, { role: 'root' }), base);
    const edited = [service.parseFile(CONFIG, `${TEXT}// more\n`)];
    assert.notEqual(service.analyze(edited, defaultSettings), base);
  });

  it('drops what it kept about a file it is told to forget', () => {
    const service = createLanguageService();
    const files = [service.parseFile(CONFIG, TEXT)];
    const first = service.analyze(files, defaultSettings);
    service.forget(CONFIG);
    assert.notEqual(service.analyze(files, defaultSettings), first);
    const again = service.analyze(files, defaultSettings);
    service.clear();
    assert.notEqual(service.analyze(files, defaultSettings), again);
  });

  it('reports what analyzeConfiguration reports, so the CLI and the editor agree', () => {
    const world = versionedFiles({ '/repo/.git': '', [CONFIG]: TEXT, '/repo/compose.yaml': MISSING });
    const service = createLanguageService({ stampOf: world.stampOf });
    const files = [service.parseFile(CONFIG, TEXT)];
    const cached = service.analyze(files, defaultSettings, { env: world.env(), role: 'root' });
    const direct = analyzeConfiguration([parseFile(CONFIG, TEXT)], defaultSettings, world.env(), { role: 'root' });
    assert.deepEqual(JSON.parse(JSON.stringify(cached)), JSON.parse(JSON.stringify(direct)));
  });
});

describe('createLanguageService: parsing, models and features', () => {
  it('keeps the tree of an unchanged text given its previous parse, and parses a changed text again', () => {
    const service = createLanguageService();
    const first = service.parseFile(CONFIG, TEXT);
    assert.equal(service.parseFile(CONFIG, TEXT, first), first);
    const changed = service.parseFile(CONFIG, `${TEXT}\n`, first);
    assert.notEqual(changed, first);
    assert.equal(changed.parse.text, `${TEXT}\n`);
  });

  it('gives hover and completion the model its analysis built', () => {
    const service = createLanguageService();
    const files = [service.parseFile(CONFIG, TEXT)];
    service.analyze(files, defaultSettings);
    const model = service.model(files);
    assert.equal(service.model(files), model);
    assert.equal(service.model([service.parseFile('/other.alloy', TEXT)]) === model, false);
    const hover = service.hover(files, TEXT.indexOf('logging') + 2);
    assert.match(hover?.contents ?? '', /logging/);
    assert.ok(service.complete(files, TEXT.indexOf('level')).length > 0);
  });

  it('formats as alloy fmt, as one edit, and keeps the edit of a parse', () => {
    const service = createLanguageService();
    const text = 'logging {\n  level = "info"\n  format   = "json"\n}\n';
    const file = service.parseFile(CONFIG, text);
    const edits = service.format(file);
    const edit = edits[0];
    assert.equal(edits.length, 1);
    assert.ok(edit);
    assert.equal(text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end), 'logging {\n\tlevel  = "info"\n\tformat = "json"\n}\n');
    // Minimal: the unchanged start and end of the file are not part of the edit.
    assert.ok(edit.range.start >= 'logging {\n'.length && !edit.newText.endsWith('}\n'));
    assert.equal(service.format(file), edits);
    assert.deepEqual(service.format(service.parseFile('/broken.alloy', 'logging {\n')), []);
  });

  it('formats again only the units an edit touched, per path, until the path is forgotten or everything cleared', () => {
    const formattedUnits: string[] = [];
    const service = createLanguageService({
      formatUnit: (text, continued) => {
        formattedUnits.push(text);
        return formatUnit(text, continued);
      },
    });
    const text = Array.from({ length: 10 }, (_, i) => `// block ${i}\nb_${i} {\n  x   = ${i}\n}\n`).join('\n');
    const apply = (t: string, edits: { range: { start: number; end: number }; newText: string }[]) =>
      edits.reduceRight((acc, e) => acc.slice(0, e.range.start) + e.newText + acc.slice(e.range.end), t);
    let file = service.parseFile(CONFIG, text);
    service.format(file);
    assert.equal(formattedUnits.length, 10);
    formattedUnits.length = 0;
    const edited = text.replace('x   = 4', 'x   = 40');
    file = service.parseFile(CONFIG, edited, file);
    const edits = service.format(file);
    assert.deepEqual(formattedUnits, ['// block 4\nb_4 {\n  x   = 40\n}\n\n']);
    assert.equal(apply(edited, edits), format(parse(edited)));
    // Another path has its own units.
    formattedUnits.length = 0;
    service.format(service.parseFile('/other.alloy', edited));
    assert.equal(formattedUnits.length, 10);
    // A closed document's units are dropped: its next format formats every unit.
    formattedUnits.length = 0;
    service.forget(CONFIG);
    service.format(service.parseFile(CONFIG, edited));
    assert.equal(formattedUnits.length, 10);
    formattedUnits.length = 0;
    service.clear();
    service.format(service.parseFile('/other.alloy', edited));
    assert.equal(formattedUnits.length, 10);
  });
});

describe('createLanguageService: code actions', () => {
  /** A finding whose fixes count how often they are built. */
  function counted(start: number, end: number, built: string[]): Finding {
    const finding: Finding = { file: CONFIG, range: { start, end }, code: 'test/x', severity: 'warning', message: `at ${start}`, source: 'test' };
    Object.defineProperty(finding, 'fixes', {
      enumerable: true,
      get: (): Fix[] => {
        built.push(`at ${start}`);
        return [{ title: `fix at ${start}`, edits: [] }];
      },
    });
    return finding;
  }

  it('builds the fixes of the findings on the range only', () => {
    const service = createLanguageService();
    const text = 'a = 1\nb = 2\nc = 3\n';
    const file = service.parseFile(CONFIG, text);
    const built: string[] = [];
    const findings = [counted(0, 1, built), counted(6, 7, built), counted(12, 13, built)];
    const fixes = service.quickFixes(findings, file, 7, 7);
    assert.deepEqual(fixes.map((f) => f.fix.title), ['fix at 6']);
    assert.deepEqual(built, ['at 6']);
  });

  it('matches a finding at a point to a cursor on its line, and ignores other files', () => {
    const service = createLanguageService();
    const file = service.parseFile(CONFIG, 'a = 1\nb = 2\n');
    const built: string[] = [];
    const other = { ...counted(6, 6, built), file: '/elsewhere.alloy' };
    const fixes = service.quickFixes([counted(6, 6, built), other], file, 10, 11);
    assert.deepEqual(fixes.map((f) => f.fix.title), ['fix at 6']);
  });

  it('gives fix-all as minimal edits that make the texts fixAll makes', () => {
    const service = createLanguageService();
    const text = 'logging {\n\tlevel = env("LEVEL")\n}\n';
    const files = [service.parseFile(CONFIG, text)];
    const edits = service.fixAllEdits(files, defaultSettings);
    assert.ok(edits.length > 0);
    const expected = fixAll([{ path: CONFIG, text }], defaultSettings).get(CONFIG);
    const edit = edits[0];
    assert.ok(edit);
    assert.equal(text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end), expected);
    assert.deepEqual(service.fixAllEdits([service.parseFile('/clean.alloy', 'a = 1\n')], defaultSettings), []);
  });
});

describe('parseFile with the previous parse', () => {
  const before = 'logging {\n\tlevel = "info"\n}\n\ntracing {\n\tsampling_fraction = 0.1\n}\n';
  const after = before.replace('0.1', '0.25');

  it('parses again only the statement the edit touched, with the result of a full parse', () => {
    const first = parseFile('/c/config.alloy', before);
    const second = parseFile('/c/config.alloy', after, first);
    const full = parseFile('/c/config.alloy', after);
    assert.equal(second.parse.file.body[0], first.parse.file.body[0]); // logging: reused as it was
    assert.notEqual(second.parse.file.body[1], first.parse.file.body[1]);
    assert.deepEqual(second.parse.file, full.parse.file);
    assert.deepEqual(second.parse.diagnostics, full.parse.diagnostics);
  });

  it('ignores a previous parse of another file, and returns the same parse for the same text', () => {
    const other = parseFile('/c/other.alloy', before);
    assert.notEqual(parseFile('/c/config.alloy', before, other).parse.file.body[0], other.parse.file.body[0]);
    assert.equal(parseFile('/c/other.alloy', before, other), other);
  });
});
