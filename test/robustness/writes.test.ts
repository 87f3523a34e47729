/**
 * Writes that cannot lose data: `replaceFile` (temp file, fsync, rename) under
 * failures and a kill, `writeChanges` (all targets checked before any write,
 * restore on failure), and `--fix` through the bundled CLI on BOM and CRLF
 * files, symlinks that escape their directory, and a folder given file by file.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { replaceFile, type WriteIo } from '../../server/src/fileWrites';
import { writeChanges, type InputConfiguration } from '../../server/src/cli/fixFiles';
import * as nodeFs from 'node:fs';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');

function cli(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'alloy-writes-'));
}

/** Temporary files `replaceFile` may have left in `dir`. */
function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.tmp'));
}

const io: WriteIo = {
  openSync: nodeFs.openSync,
  writeSync: (fd, buffer, offset, length) => nodeFs.writeSync(fd, buffer, offset, length),
  fsyncSync: nodeFs.fsyncSync,
  renameSync: nodeFs.renameSync,
};

/** Everything self-monitoring needs but the tracing block, so `--fix` inserts one. */
const NO_TRACES = `prometheus.exporter.self "alloy" { }

discovery.relabel "alloy" {
	targets = prometheus.exporter.self.alloy.targets

	rule {
		target_label = "job"
		replacement  = "alloy"
	}
}

prometheus.scrape "alloy" {
	targets    = discovery.relabel.alloy.output
	forward_to = [prometheus.remote_write.default.receiver]
}

prometheus.remote_write "default" {
	endpoint {
		url = "http://mimir:9009/api/v1/push"
	}
}

logging {
	format   = "json"
	write_to = [loki.write.default.receiver]
}

loki.write "default" {
	endpoint {
		url = "http://loki:3100/loki/api/v1/push"
	}
}

otelcol.exporter.otlp "tempo" {
	client {
		endpoint = "tempo:4317"
	}
}
`;

describe('replaceFile', () => {
  it('replaces the text, keeps the mode and leaves no temporary file', () => {
    const dir = scratch();
    const file = join(dir, 'config.alloy');
    writeFileSync(file, 'logging { }\n');
    chmodSync(file, 0o640);
    const result = replaceFile(file, { text: 'logging { }\n', bom: false }, { text: 'logging {\n}\n', bom: true });
    assert.deepEqual(result, { ok: true });
    assert.equal(readFileSync(file, 'utf8'), '\uFEFFlogging {\n}\n');
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(leftovers(dir), []);
  });

  it('leaves the original untouched and removes the temporary file when writing it fails half-way', () => {
    const dir = scratch();
    const file = join(dir, 'config.alloy');
    writeFileSync(file, 'logging { }\n');
    let calls = 0;
    const full: WriteIo = {
      ...io,
      writeSync: (fd, buffer, offset, length) => {
        if (calls++ > 0) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
        return nodeFs.writeSync(fd, buffer, offset, Math.min(length, 4));
      },
    };
    const result = replaceFile(file, { text: 'logging { }\n', bom: false }, { text: 'tracing { }\n'.repeat(100), bom: false }, full);
    assert.deepEqual(result, { ok: false, reason: 'failed', message: 'no space left on device' });
    assert.equal(readFileSync(file, 'utf8'), 'logging { }\n');
    assert.deepEqual(leftovers(dir), []);
  });

  it('leaves the original untouched when the rename fails', () => {
    const dir = scratch();
    const file = join(dir, 'config.alloy');
    writeFileSync(file, 'logging { }\n');
    const failing: WriteIo = { ...io, renameSync: () => { throw Object.assign(new Error('read-only'), { code: 'EROFS' }); } };
    const result = replaceFile(file, { text: 'logging { }\n', bom: false }, { text: 'x\n', bom: false }, failing);
    assert.equal(result.ok, false);
    assert.equal(readFileSync(file, 'utf8'), 'logging { }\n');
    assert.deepEqual(leftovers(dir), []);
  });

  it('keeps the original whole when the process is killed in the middle of writing', () => {
    const dir = scratch();
    const file = join(dir, 'config.alloy');
    const original = NO_TRACES;
    writeFileSync(file, original);
    // A child process starts the write and is killed (SIGKILL) after half of the new text.
    const script = join(dir, 'kill.ts');
    writeFileSync(
      script,
      `import * as fs from 'node:fs';
import { replaceFile } from ${JSON.stringify(join(ROOT, 'server/src/fileWrites'))};
const original = fs.readFileSync(${JSON.stringify(file)}, 'utf8');
replaceFile(${JSON.stringify(file)}, { text: original, bom: false }, { text: original + 'tracing { }\\n'.repeat(1000), bom: false }, {
  openSync: fs.openSync,
  writeSync: (fd, buffer, offset, length) => {
    fs.writeSync(fd, buffer, offset, Math.floor(length / 2));
    process.kill(process.pid, 'SIGKILL');
    return 0;
  },
  fsyncSync: fs.fsyncSync,
  renameSync: fs.renameSync,
});
`,
    );
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.signal, 'SIGKILL', r.stderr);
    assert.equal(readFileSync(file, 'utf8'), original);
  });

  it('refuses to overwrite a file that changed since it was read', () => {
    const dir = scratch();
    const file = join(dir, 'config.alloy');
    writeFileSync(file, 'logging { level = "debug" }\n');
    const result = replaceFile(file, { text: 'logging { }\n', bom: false }, { text: 'x\n', bom: false });
    assert.equal(result.ok, false);
    assert.equal(result.ok === false && result.reason, 'changed');
    assert.equal(readFileSync(file, 'utf8'), 'logging { level = "debug" }\n');
    assert.deepEqual(leftovers(dir), []);
  });
});

describe('writeChanges', () => {
  function twoFiles() {
    const dir = scratch();
    const a = join(dir, 'a.alloy');
    const b = join(dir, 'b.alloy');
    writeFileSync(a, 'a\n');
    writeFileSync(b, 'b\n');
    const configuration: InputConfiguration = {
      arg: dir,
      root: dir,
      reason: { kind: 'argument', detail: `the directory ${dir} is given on the command line` },
      files: [
        { path: a, text: 'a\n', bom: false },
        { path: b, text: 'b\n', bom: false },
      ],
    };
    const [fa, fb] = configuration.files as [InputConfiguration['files'][number], InputConfiguration['files'][number]];
    const changes = [
      { configuration, file: fa, after: 'a fixed\n' },
      { configuration, file: fb, after: 'b fixed\n' },
    ];
    return { dir, a, b, changes };
  }

  it('writes nothing when a later target changed since it was read (an edit saved meanwhile)', () => {
    const { a, b, changes } = twoFiles();
    writeFileSync(b, 'b saved in the editor\n');
    const problem = writeChanges(changes, (p) => p);
    assert.match(problem ?? '', /b\.alloy: changed on disk since it was read; nothing was written/);
    assert.equal(readFileSync(a, 'utf8'), 'a\n');
    assert.equal(readFileSync(b, 'utf8'), 'b saved in the editor\n');
  });

  it('puts back the files already written when a later write fails', () => {
    const { dir, a, b, changes } = twoFiles();
    const failOnB: WriteIo = {
      ...io,
      renameSync: (from, to) => {
        if (String(to) === b) throw Object.assign(new Error('io'), { code: 'EIO' });
        renameSync(from, to);
      },
    };
    const problem = writeChanges(changes, (p) => p, failOnB);
    assert.match(problem ?? '', /b\.alloy: cannot write: EIO; the files already written were restored/);
    assert.equal(readFileSync(a, 'utf8'), 'a\n');
    assert.equal(readFileSync(b, 'utf8'), 'b\n');
    assert.deepEqual(leftovers(dir), []);
  });
});

describe('--fix on disk (bundled CLI)', () => {
  it('keeps the BOM and CRLF endings; inserted lines use CRLF, the rest is byte-identical', () => {
    const dir = scratch();
    const lfFile = join(dir, 'lf.alloy');
    writeFileSync(lfFile, NO_TRACES);
    assert.equal(cli(['check', '--fix', lfFile]).status, 0);
    const lfFixed = readFileSync(lfFile, 'utf8');

    const crlfFile = join(dir, 'crlf.alloy');
    writeFileSync(crlfFile, '\uFEFF' + NO_TRACES.replace(/\n/g, '\r\n'));
    const r = cli(['check', '--fix', crlfFile]);
    assert.equal(r.status, 0, r.stderr);
    const bytes = readFileSync(crlfFile);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM is kept');
    assert.equal(bytes.toString('utf8'), '\uFEFF' + lfFixed.replace(/\n/g, '\r\n'));
  });

  it('gives new lines the majority ending of a mixed file and leaves the others as they were', () => {
    const dir = scratch();
    const file = join(dir, 'mixed.alloy');
    // Every line CRLF but the last two.
    const lines = NO_TRACES.split('\n');
    const mixed = lines.map((line, i) => (i < lines.length - 3 ? `${line}\r\n` : i < lines.length - 1 ? `${line}\n` : line)).join('');
    writeFileSync(file, mixed);
    assert.equal(cli(['check', '--fix', file]).status, 0);
    const after = readFileSync(file, 'utf8');
    assert.equal(after.includes('\r\r\n'), false);
    assert.ok(after.includes('tracing {\r\n\tsampling_fraction = 0.1\r\n'), 'inserted lines use CRLF');
    assert.ok(after.endsWith('\t}\n}\n'), 'the LF lines stay LF');
  });

  it('refuses to write through a symlink that leaves the directory argument, and writes nothing else', () => {
    const dir = scratch();
    const inside = join(dir, 'config');
    mkdirSync(inside);
    const outside = join(dir, 'outside.alloy');
    writeFileSync(outside, 'logging { format = "logfmt" }\n');
    symlinkSync(outside, join(inside, 'a.alloy'));
    writeFileSync(join(inside, 'b.alloy'), NO_TRACES.replace(/logging \{[^}]*\}\n/, ''));
    const before = readFileSync(join(inside, 'b.alloy'), 'utf8');
    const r = cli(['check', '--fix', inside]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /a\.alloy: is a symlink to a file outside .*; refusing to write there/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.equal(readFileSync(outside, 'utf8'), 'logging { format = "logfmt" }\n');
    assert.equal(readFileSync(join(inside, 'b.alloy'), 'utf8'), before);
  });

  it('fixes the files of a folder given one by one as the one configuration Alloy loads', () => {
    const dir = scratch();
    const [first, second] = NO_TRACES.split('\nlogging {');
    writeFileSync(join(dir, 'a.alloy'), first ?? '');
    writeFileSync(join(dir, 'b.alloy'), `logging {${second ?? ''}`);
    const r = cli(['check', '--fix', 'a.alloy', 'b.alloy'], dir);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const both = readFileSync(join(dir, 'a.alloy'), 'utf8') + readFileSync(join(dir, 'b.alloy'), 'utf8');
    assert.equal(both.match(/^tracing \{/gm)?.length, 1, 'one tracing block for the folder');
    assert.equal(cli(['check', dir]).status, 0, 'Alloy would load the folder without a duplicate block');
  });
});
