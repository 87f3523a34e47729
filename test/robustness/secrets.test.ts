/**
 * Secrets stay secret: distinctive values (`S3CR3T-…`) are planted in every
 * place a secret can live — the project .env, an env_file, a compose
 * `environment`, the process environment, invalid YAML around them, a path
 * built from a variable, a .env given as `--config` — and every output of the
 * bundled CLI is searched for them: text, JSON (with the compose report),
 * SARIF, `--fix --dry-run` diffs, and stderr.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { locateJsonError } from '../../server/src/cli/settingsFile';

const CLI = resolve(__dirname, '../../dist/cli.js');
const PLANTED = /S3CR3T/;

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    cwd,
    env: { ...process.env, HOST_TOKEN: 'S3CR3T-host-7' },
  });
  return { status: r.status, output: r.stdout + r.stderr, stdout: r.stdout, stderr: r.stderr };
}

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'alloy-secrets-'));
  mkdirSync(join(root, '.git'));
  writeFileSync(join(root, '.env'), 'DB_PASSWORD=S3CR3T-dotenv-1\nENV_NAME=S3CR3T-path-2\n');
  writeFileSync(
    join(root, 'compose.yaml'),
    [
      'services:',
      '  alloy:',
      '    image: grafana/alloy:latest',
      '    volumes:',
      '      - ./config.alloy:/etc/alloy/config.alloy',
      '    env_file:',
      '      - ./app.env',
      '      - ${ENV_NAME}.env',
      '    environment:',
      '      API_KEY: S3CR3T-environment-3',
      '      DB_PASSWORD: ${DB_PASSWORD}',
      '      HOST_TOKEN: ${HOST_TOKEN}',
      '      UNUSED_TOKEN: S3CR3T-unused-4',
      '',
    ].join('\n'),
  );
  writeFileSync(join(root, 'app.env'), 'APP_SECRET=S3CR3T-envfile-5\nnot a line S3CR3T-envfile-6\n');
  // Reads every planted variable, one that is set nowhere, and has no tracing block (so --fix has a diff).
  writeFileSync(
    join(root, 'config.alloy'),
    `prometheus.exporter.self "alloy" { }

prometheus.scrape "alloy" {
	targets    = prometheus.exporter.self.alloy.targets
	forward_to = [prometheus.remote_write.default.receiver]
}

prometheus.remote_write "default" {
	endpoint {
		url = sys.env("API_KEY")

		basic_auth {
			username = sys.env("APP_SECRET")
			password = sys.env("DB_PASSWORD")
		}

		headers = {
			"X-Token" = sys.env("HOST_TOKEN"),
			"X-Other" = sys.env("NOT_SET"),
		}
	}
}

logging {
	format   = "json"
	write_to = [loki.write.default.receiver]
}

loki.write "default" {
	endpoint {
		url = env("ENV_NAME")
	}
}
`,
  );
  // Invalid YAML whose parser messages quote the secret: a block scalar header, a folded one, a tag handle.
  const broken = (value: string) => `services:\n  alloy:\n    image: grafana/alloy\n    environment:\n      PASSWORD: ${value}\n`;
  writeFileSync(join(root, 'literal.yaml'), broken('|S3CR3T-yaml-8'));
  writeFileSync(join(root, 'folded.yaml'), broken('>S3CR3T-yaml-9 more'));
  writeFileSync(join(root, 'tagged.yaml'), broken('!e!S3CR3T-yaml-10'));
  return root;
}

describe('no planted secret in any output of the CLI', () => {
  const root = project();

  it('check, in every format, with the compose report', () => {
    for (const format of ['text', 'json', 'sarif']) {
      const r = cli(['check', '--format', format, 'config.alloy'], root);
      assert.equal(r.status, 1, `${format}: the missing env_file is an error\n${r.output}`);
      assert.doesNotMatch(r.output, PLANTED, format);
    }
    const json = JSON.parse(cli(['check', '--format', 'json', 'config.alloy'], root).stdout);
    const messages: string[] = json.files.flatMap((f: { diagnostics: { message: string }[] }) => f.diagnostics.map((d) => d.message));
    // The findings are there, naming variables and files but no value.
    assert.ok(messages.some((m) => m.includes('The env_file ${ENV_NAME}.env does not exist')), messages.join('\n'));
    assert.ok(messages.some((m) => /^UNUSED_TOKEN is passed/.test(m)));
    assert.ok(messages.some((m) => /^HOST_TOKEN reaches service "alloy" only from the shell that runs `docker compose`/.test(m)));
    assert.deepEqual(
      json.configs[0].env.variables.map((v: { name: string; status: string }) => [v.name, v.status]),
      [
        ['API_KEY', 'provided'],
        ['APP_SECRET', 'provided'],
        ['DB_PASSWORD', 'provided'],
        ['HOST_TOKEN', 'host'],
        // A required env_file is missing: the variables it might provide are unknown, not missing.
        ['NOT_SET', 'unknown'],
        ['ENV_NAME', 'unknown'],
      ],
    );
  });

  it('--fix --dry-run diffs', () => {
    const r = cli(['check', '--fix', '--dry-run', 'config.alloy'], root);
    assert.match(r.stdout, /^\+tracing \{/m);
    assert.doesNotMatch(r.output, PLANTED);
  });

  it('invalid YAML around a secret is reported by position and kind', () => {
    for (const file of ['literal.yaml', 'folded.yaml', 'tagged.yaml']) {
      for (const format of ['text', 'json', 'sarif']) {
        const r = cli(['check', '--format', format, '--compose', file, 'config.alloy'], root);
        assert.match(r.stdout, /compose\/invalid/, `${file} ${format}`);
        assert.doesNotMatch(r.output, PLANTED, `${file} ${format}`);
      }
      const text = cli(['check', '--compose', file, 'config.alloy'], root).stdout;
      assert.match(text, new RegExp(`${file.replace('.', '\\.')}:5:\\d+: error compose/invalid: Invalid YAML: line 5, column \\d+: [a-z ]+\\.`));
      assert.doesNotMatch(cli(['check', '--fix', '--dry-run', '--compose', file, 'config.alloy'], root).output, PLANTED);
    }
  });

  it('a .env given as --config: exit 2, a position, no content', () => {
    for (const config of ['.env', 'app.env']) {
      const r = cli(['check', '--config', config, 'config.alloy'], root);
      assert.equal(r.status, 2);
      assert.match(r.stderr, new RegExp(`^alloy-selfmon: ${config.replace('.', '\\.')}: invalid JSON: line 1, column 1: expected a value\\n$`));
      assert.equal(r.stdout, '');
    }
  });
});

describe('settings-file errors name a position and a kind', () => {
  it('for every way JSON can break around a secret', () => {
    const cases: [string, string][] = [
      ['TOKEN=S3CR3T-a\n', 'line 1, column 1: expected a value'],
      ['{"a": "S3CR3T-b', 'line 1, column 16: unterminated string'],
      ['{"a": "S3CR3T-\tc"}', 'line 1, column 15: control character in a string'],
      ['{"a": "S3CR3T-\\x"}', 'line 1, column 15: bad escape in a string'],
      ['{"a": 1,}', 'line 1, column 9: expected a property name in double quotes'],
      ['{"a" 1}', "line 1, column 6: expected ':' after a property name"],
      ['[1 2]', "line 1, column 4: expected ',' or ']'"],
      ['{"a": 1}\nS3CR3T-d', 'line 2, column 1: unexpected content after the JSON value'],
      ['{"a": [1,\n', 'line 2, column 1: unexpected end of the file'],
    ];
    for (const [text, expected] of cases) {
      assert.throws(() => JSON.parse(text));
      assert.equal(locateJsonError(text), expected, text);
    }
  });
});
