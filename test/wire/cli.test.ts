/**
 * The bundled CLI (`dist/cli.js`) run as a user runs it: every exit status and
 * output format.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { CODES } from '../../server/src/codes';

const CLI = resolve(__dirname, '../../dist/cli.js');

function cli(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'alloy-cli-'));
const valid = join(dir, 'valid.alloy');
// Complete self-monitoring: metrics, JSON logs and 10% of traces leave Alloy.
writeFileSync(
  valid,
  `prometheus.exporter.self "alloy" { }

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

tracing {
	sampling_fraction = 0.1
	write_to          = [otelcol.exporter.otlp.tempo.input]
}

otelcol.exporter.otlp "tempo" {
	client {
		endpoint = "tempo:4317"
	}
}
`,
);
const broken = join(dir, 'broken.alloy');
writeFileSync(broken, 'logging {\n\tlevel = "info";\n}\n');

describe('alloy-selfmon check', () => {
  it('exits 0 and prints nothing for a clean file', () => {
    const r = cli(['check', valid]);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '');
  });

  it('exits 1 with path:line:col: severity code: message lines for errors', () => {
    const r = cli(['check', 'broken.alloy'], dir);
    assert.equal(r.status, 1);
    // While a file does not parse, only syntax is reported.
    assert.equal(
      r.stdout,
      "broken.alloy:2:16: error syntax: illegal character U+003B ';'\nbroken.alloy:2:16: error syntax: expected TERMINATOR, got ILLEGAL\n",
    );
  });

  it('writes the JSON contract with LSP ranges', () => {
    const r = cli(['check', '--format', 'json', 'broken.alloy'], dir);
    assert.equal(r.status, 1);
    const json = JSON.parse(r.stdout);
    assert.equal(json.version, 1);
    assert.equal(json.files.length, 1);
    assert.equal(json.files[0].path, 'broken.alloy');
    assert.deepEqual(json.files[0].diagnostics[0], {
      code: 'syntax',
      severity: 'error',
      message: "illegal character U+003B ';'",
      range: { start: { line: 1, character: 15 }, end: { line: 1, character: 16 } },
      source: 'alloy',
    });
    assert.deepEqual(json.configs[0].files, ['broken.alloy']);
  });

  it('writes SARIF 2.1.0 with rules and 1-based regions', () => {
    const r = cli(['check', '--format', 'sarif', 'broken.alloy'], dir);
    assert.equal(r.status, 1);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'alloy-selfmon');
    // Every registered code is a rule, in the registry's order; results point at theirs.
    assert.deepEqual(run.tool.driver.rules.map((x: { id: string }) => x.id), CODES.map((c) => c.code));
    const rule = run.tool.driver.rules[run.results[0].ruleIndex];
    assert.equal(rule.id, 'syntax');
    assert.match(rule.shortDescription.text, /does not parse/);
    assert.deepEqual(rule.defaultConfiguration, { level: 'error' });
    assert.equal(run.results.length, 2);
    assert.equal(run.results[0].level, 'error');
    assert.deepEqual(run.results[0].locations[0].physicalLocation, {
      artifactLocation: { uri: 'broken.alloy' },
      region: { startLine: 2, startColumn: 16, endLine: 2, endColumn: 17 },
    });
  });

  it('treats a directory as one configuration of the .alloy files directly in it', () => {
    const d = mkdtempSync(join(tmpdir(), 'alloy-cli-dir-'));
    writeFileSync(join(d, 'a.alloy'), 'logging { }\n');
    writeFileSync(join(d, 'b.alloy'), 'logging { }\n');
    mkdirSync(join(d, 'nested'));
    writeFileSync(join(d, 'nested', 'c.alloy'), 'logging { }\n');
    const r = cli(['check', '--format', 'json', d]);
    assert.equal(r.status, 1);
    const json = JSON.parse(r.stdout);
    assert.equal(json.files.length, 2);
    assert.equal(json.configs.length, 1);
    assert.deepEqual(
      json.files[1].diagnostics.filter((x: { code: string }) => x.code === 'duplicate-block').map((x: { message: string }) => x.message),
      ['block logging already declared at a.alloy:1:1'],
    );
  });

  it('with --workspace, finds every configuration under the current directory as the editor does, each with its reason', () => {
    const d = mkdtempSync(join(tmpdir(), 'alloy-cli-ws-'));
    writeFileSync(join(d, 'config.alloy'), 'livedebugging {\n\tenabled = true\n}\n');
    writeFileSync(join(d, 'config-cloud.alloy'), 'livedebugging {\n\tenabled = false\n}\n');
    mkdirSync(join(d, 'lb'));
    writeFileSync(join(d, 'lb', 'docker-compose.yml'), 'services:\n  alloy:\n    image: grafana/alloy:v1.18.1\n    volumes:\n      - ./lb.alloy:/etc/alloy/config.alloy\n    command: run --storage.path=/var/lib/alloy/data /etc/alloy/config.alloy\n');
    writeFileSync(join(d, 'lb', 'lb.alloy'), 'livedebugging {\n\tenabled = true\n}\n');
    mkdirSync(join(d, 'node_modules', 'x'), { recursive: true });
    writeFileSync(join(d, 'node_modules', 'x', 'vendored.alloy'), 'broken {');
    const r = cli(['check', '--format', 'json', '--workspace'], d);
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(
      json.configs.map((c: { files: string[]; reason: { kind: string } }) => [c.files.join(' + '), c.reason.kind]),
      [
        ['config-cloud.alloy', 'file'],
        ['config.alloy', 'file'],
        [join('lb', 'lb.alloy'), 'compose-command'],
      ],
    );
    assert.equal(json.configs[2].reason.detail, 'service "alloy" runs alloy run /etc/alloy/config.alloy (mounted from ./lb.alloy)');
    assert.ok(!r.stdout.includes('duplicate-block'));
    // A path argument keeps meaning what Alloy loads: the folder is one configuration.
    const folder = cli(['check', '--format', 'json', d]);
    assert.equal(folder.status, 1);
    assert.equal(JSON.parse(folder.stdout).configs[0].reason.kind, 'argument');
    assert.match(cli(['check', '--workspace', join(d, 'config.alloy')]).stderr, /not a directory/);
  });

  it('reports argument blocks in what Alloy is given to run, never in a file that may be a module', () => {
    const d = mkdtempSync(join(tmpdir(), 'alloy-cli-root-'));
    writeFileSync(join(d, 'root.alloy'), 'argument "a" { }\n');
    const given = cli(['check', 'root.alloy'], d);
    assert.equal(given.status, 1);
    assert.match(given.stdout, /^root\.alloy:1:1: error not-allowed: argument blocks only allowed inside a module$/m);
    // Found by --workspace, a lone file may be a module imported over git or http.
    const found = cli(['check', '--workspace'], d);
    assert.ok(!found.stdout.includes('only allowed inside a module'), found.stdout);
  });

  it('exits 2 with a one-line message for input and usage problems', () => {
    const binary = join(dir, 'binary.alloy');
    writeFileSync(binary, Buffer.from([0x6c, 0x00, 0x01, 0x02]));
    const latin1 = join(dir, 'latin1.alloy');
    writeFileSync(latin1, Buffer.from('logging { level = "caf\xe9" }\n', 'latin1'));
    const empty = mkdtempSync(join(tmpdir(), 'alloy-cli-empty-'));
    const cases: [string[], RegExp][] = [
      [['check', join(dir, 'missing.alloy')], /missing\.alloy: no such file or directory/],
      [['check', binary], /binary file/],
      [['check', latin1], /not valid UTF-8/],
      [['check', empty], /no \.alloy files/],
      [['check', '--format', 'xml', valid], /unknown format "xml"/],
      [['check'], /no PATH given/],
      [['lint', valid], /unknown command "lint"/],
      [[], /missing command/],
      [['check', '--bogus', valid], /bogus/],
    ];
    // A FIFO would block a plain read forever.
    const fifo = join(dir, 'fifo.alloy');
    if (spawnSync('mkfifo', [fifo]).status === 0) cases.push([['check', fifo], /not a regular file/]);
    if (process.getuid?.() !== 0) {
      const unreadable = join(dir, 'unreadable.alloy');
      writeFileSync(unreadable, 'logging { }\n');
      chmodSync(unreadable, 0o000);
      cases.push([['check', unreadable], /permission denied/]);
    }
    for (const [args, message] of cases) {
      const r = cli(args);
      assert.equal(r.status, 2, `exit status for ${args.join(' ')}`);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, `one line for ${args.join(' ')}`);
      assert.equal(r.stdout, '');
    }
  });

  it('--fix --dry-run prints a unified diff and writes nothing; --fix writes, and a second run changes nothing', () => {
    const d = mkdtempSync(join(tmpdir(), 'alloy-cli-fix-'));
    const file = join(d, 'config.alloy');
    const original = readFileSync(valid, 'utf8').replace(/\ntracing \{[^}]*\}\n/, '\n');
    writeFileSync(file, original);
    const before = cli(['check', '--format', 'json', file]);
    assert.deepEqual(JSON.parse(before.stdout).files[0].diagnostics.map((x: { code: string }) => x.code), ['selfmon/traces-missing']);

    const dry = cli(['check', '--fix', '--dry-run', 'config.alloy'], d);
    assert.equal(dry.status, 0);
    assert.match(dry.stdout, /^--- a\/config\.alloy\n\+\+\+ b\/config\.alloy\n@@ /);
    assert.match(dry.stdout, /\n\+\/\/ Samples 10% of Alloy's own traces and sends them to otelcol\.exporter\.otlp\.tempo\.\n\+tracing \{\n\+\tsampling_fraction = 0\.1\n\+\twrite_to          = \[otelcol\.exporter\.otlp\.tempo\.input\]\n\+\}\n/);
    assert.equal(readFileSync(file, 'utf8'), original);

    const fixed = cli(['check', '--fix', file]);
    assert.equal(fixed.status, 0);
    assert.equal(fixed.stdout, '');
    const after = readFileSync(file, 'utf8');
    // The tracing block goes beside the logging block.
    assert.ok(after.includes('\tformat   = "json"\n\twrite_to = [loki.write.default.receiver]\n}\n\n// Samples 10% of Alloy\'s own traces and sends them to otelcol.exporter.otlp.tempo.\ntracing {\n\tsampling_fraction = 0.1\n\twrite_to          = [otelcol.exporter.otlp.tempo.input]\n}\n\nloki.write "default" {'));
    assert.equal(cli(['check', '--fix', '--dry-run', file]).stdout, '');
    assert.equal(readFileSync(file, 'utf8'), after);
  });

  it('--fix --dry-run exits as check would on the fixed files: 1 while an error finding remains', () => {
    const r = cli(['check', '--fix', '--dry-run', 'broken.alloy'], dir);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '', 'a file with syntax errors gets no fixes');
  });

  it('reports an invalid --config file by position and kind, quoting nothing from it', () => {
    const config = join(dir, 'settings.json');
    writeFileSync(config, '{\n  "severity": { "env/unused": off }\n}\n');
    const r = cli(['check', '--config', config, valid]);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, `alloy-selfmon: ${config}: invalid JSON: line 2, column 31: expected a value\n`);
  });

  it('refuses --dry-run without --fix', () => {
    const r = cli(['check', '--dry-run', valid]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--dry-run only goes with --fix/);
  });

  it('prints help and version', () => {
    assert.match(cli(['--help']).stdout, /Usage: alloy-selfmon check/);
    assert.match(cli(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
  });
});
