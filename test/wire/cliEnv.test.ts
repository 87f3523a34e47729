/**
 * `alloy-selfmon env` from the bundled CLI: every format on the example
 * project, usage errors, and no value of any variable in the output.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const CLI = resolve(__dirname, '../../dist/cli.js');
const SECRET = 'S3CR3T-wire-value';

function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, env: { PATH: process.env.PATH, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const root = mkdtempSync(join(tmpdir(), 'alloy-env-'));
mkdirSync(join(root, '.git'));
mkdirSync(join(root, 'alloy'));
writeFileSync(
  join(root, 'alloy', 'config.alloy'),
  'loki.write "cloud" {\n\tendpoint {\n\t\turl = sys.env("LOKI_URL")\n\n\t\tbasic_auth {\n\t\t\tusername = sys.env("LOKI_USER")\n\t\t\tpassword = sys.env("LOKI_PASSWORD")\n\t\t}\n\t}\n}\n',
);
writeFileSync(
  join(root, 'docker-compose.yml'),
  `services:\n  alloy:\n    image: grafana/alloy\n    volumes:\n      - ./alloy:/etc/alloy\n    env_file: .env.alloy\n    environment:\n      LOKI_URL: "${SECRET}"\n`,
);
writeFileSync(join(root, '.env.alloy'), `LOKI_PASSWORD=${SECRET}\n`);

describe('alloy-selfmon env', () => {
  it('lists the variables as text, names and places only', () => {
    const r = cli(['env', 'alloy/config.alloy'], root, { LOKI_USER: SECRET });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(
      r.stdout,
      [
        'alloy/config.alloy: 3 variables, service "alloy" in docker-compose.yml',
        '  LOKI_URL: passed by compose (docker-compose.yml:8)',
        '    read at alloy/config.alloy:3 (loki.write "cloud" endpoint.url)',
        '  LOKI_USER: not passed by compose',
        '    read at alloy/config.alloy:6 (loki.write "cloud" endpoint.basic_auth.username)',
        '  LOKI_PASSWORD [credential]: passed by compose (.env.alloy:1)',
        '    read at alloy/config.alloy:7 (loki.write "cloud" endpoint.basic_auth.password)',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON, a .env.example and Markdown, none with a value', () => {
    const json = cli(['env', '--format', 'json', 'alloy'], root, { LOKI_USER: SECRET });
    assert.equal(json.status, 0, json.stderr);
    const parsed = JSON.parse(json.stdout);
    assert.equal(parsed.version, 1);
    assert.deepEqual(parsed.configs[0].variables.map((v: { name: string; status: string }) => `${v.name}:${v.status}`), ['LOKI_URL:provided', 'LOKI_USER:missing', 'LOKI_PASSWORD:provided']);
    const dotenv = cli(['env', '--format', 'dotenv', 'alloy'], root);
    assert.match(dotenv.stdout, /^LOKI_URL=$/m);
    assert.match(dotenv.stdout, /^LOKI_PASSWORD=$/m);
    const markdown = cli(['env', '--format', 'markdown', 'alloy'], root);
    assert.match(markdown.stdout, /^\| `LOKI_USER` \| .* \| not passed by compose \| no \|$/m);
    for (const output of [json, dotenv, markdown]) assert.ok(!`${output.stdout}${output.stderr}`.includes(SECRET), 'a value leaked');
  });

  it('refuses formats of check and --fix, with exit 2', () => {
    const sarif = cli(['env', '--format', 'sarif', 'alloy'], root);
    assert.equal(sarif.status, 2);
    assert.equal(sarif.stderr, 'alloy-selfmon: unknown format "sarif" (expected text, json, dotenv or markdown)\n');
    const fix = cli(['env', '--fix', 'alloy'], root);
    assert.equal(fix.status, 2);
    assert.equal(fix.stderr, 'alloy-selfmon: --fix only goes with check\n');
    const none = cli(['env'], root);
    assert.equal(none.status, 2);
    assert.equal(none.stderr, 'alloy-selfmon: no PATH given (try: alloy-selfmon env config.alloy)\n');
  });
});
