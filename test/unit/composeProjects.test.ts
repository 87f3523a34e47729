/**
 * Compose projects as Compose builds them: only the main file and its
 * override merge, every other compose file is its own project with its own
 * report; a missing env_file is one finding (with its template), not one per
 * variable; and the facts of the Alloy service the self-monitoring checks use.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkComposeEnvironment } from '../../server/src/compose/checkComposeEnvironment';
import type { EnvUsage } from '../../server/src/compose/composeFindings';
import { memoryFileSystem } from '../../server/src/compose/fileSystem';
import { analyzeConfiguration, parseFile } from '../../server/src/languageService';
import { resolveSettings } from '../../server/src/settings';

const CONFIG = '/repo/alloy/config.alloy';
const SECRET = 'pa55-W0RD-do-not-leak';

function usages(...names: string[]): EnvUsage[] {
  return names.map((name, i) => ({ name, file: CONFIG, range: { start: i * 10, end: i * 10 + 5 } }));
}

function check(fileMap: Record<string, string>, names: string[]) {
  return checkComposeEnvironment({ configFiles: [CONFIG], usages: usages(...names), fs: memoryFileSystem(fileMap), hostEnv: {} });
}

const service = (name: string, extra: string[] = []) =>
  ['services:', `  ${name}:`, '    image: grafana/alloy:v1.8.0', '    volumes:', '      - ./alloy/config.alloy:/etc/alloy/config.alloy', ...extra, ''].join('\n');

describe('compose projects', () => {
  it('alternative compose files in one folder are not merged: one report each', () => {
    const result = check(
      {
        '/repo/.git/HEAD': '',
        '/repo/docker-compose.example.yml': service('alloy', ['    environment:', '      LOKI_URL: http://loki:3100']),
        '/repo/docker-compose.test.yml': service('alloy-test'),
        [CONFIG]: '',
      },
      ['LOKI_URL'],
    );
    assert.deepEqual(
      result.reports.map((r) => [r.service, r.composeFiles, r.variables.map((v) => `${v.name}:${v.status}`)]),
      [
        ['alloy', ['docker-compose.example.yml'], ['LOKI_URL:provided']],
        ['alloy-test', ['docker-compose.test.yml'], ['LOKI_URL:missing']],
      ],
    );
    assert.deepEqual(result.env, result.reports[0]);
    // Each project speaks for itself: the test project does not pass LOKI_URL.
    assert.deepEqual(
      result.findings.map((f) => [f.code, f.message.slice(0, 67)]),
      [['env/missing', 'LOKI_URL is not passed to the Alloy container: service "alloy-test"']],
    );
  });

  it('the main file and its override still merge', () => {
    const result = check(
      {
        '/repo/compose.yaml': service('alloy'),
        '/repo/compose.override.yaml': ['services:', '  alloy:', '    environment:', '      TEAM: platform', ''].join('\n'),
        [CONFIG]: '',
      },
      ['TEAM'],
    );
    assert.deepEqual(result.reports.map((r) => [r.composeFiles, r.variables.map((v) => v.status)]), [[['compose.yaml', 'compose.override.yaml'], ['provided']]]);
  });

  it('the same finding from two projects is reported once', () => {
    const result = check({ '/repo/docker-compose.a.yml': service('alloy'), '/repo/docker-compose.b.yml': service('alloy'), [CONFIG]: '' }, ['TEAM']);
    assert.equal(result.reports.length, 2);
    assert.equal(result.findings.filter((f) => f.code === 'env/missing').length, 1);
  });

  it('a project no service of which runs the configuration gives no report', () => {
    const result = check({ '/repo/compose.yaml': service('alloy'), '/repo/docker-compose.db.yml': 'services:\n  db:\n    image: postgres\n', [CONFIG]: '' }, []);
    assert.deepEqual(result.reports.map((r) => r.composeFiles), [['compose.yaml']]);
  });
});

describe('a declared env_file that does not exist', () => {
  const compose = service('alloy', ['    env_file:', '      - ./alloy.env']);

  it('is one finding on the compose file, naming the template beside it and what it would provide; the variables are unknown, not missing', () => {
    const result = check(
      { '/repo/compose.yaml': compose, '/repo/alloy.env.example': `LOKI_URL=\nLOKI_PASSWORD=${SECRET}\nOTHER=\n`, [CONFIG]: '' },
      ['LOKI_URL', 'LOKI_PASSWORD', 'TEAM'],
    );
    assert.deepEqual(result.findings.map((f) => f.code), ['compose/env-file-missing']);
    const message = result.findings[0]?.message ?? '';
    assert.match(message, /docker compose refuses to start without it/);
    assert.match(message, / alloy\.env\.example beside it is a template for it and would provide LOKI_URL, LOKI_PASSWORD, which the configuration reads with sys\.env\.$/);
    assert.doesNotMatch(message, new RegExp(SECRET));
    assert.deepEqual(
      result.env?.variables.map((v) => [v.name, v.status, v.via, v.source]),
      [
        ['LOKI_URL', 'unknown', 'env_file', 'compose.yaml:7'],
        ['LOKI_PASSWORD', 'unknown', 'env_file', 'compose.yaml:7'],
        ['TEAM', 'unknown', 'env_file', 'compose.yaml:7'],
      ],
    );
  });

  it('a .env.example in the folder counts as its template too', () => {
    const result = check({ '/repo/compose.yaml': compose, '/repo/.env.example': 'TEAM=\n', [CONFIG]: '' }, ['TEAM']);
    assert.match(result.findings[0]?.message ?? '', / \.env\.example beside it is a template for it and would provide TEAM, /);
  });

  it('without a template, the finding says only what is wrong', () => {
    const result = check({ '/repo/compose.yaml': compose, [CONFIG]: '' }, ['TEAM']);
    assert.deepEqual(result.findings.map((f) => f.code), ['compose/env-file-missing']);
    assert.doesNotMatch(result.findings[0]?.message ?? '', /template/);
  });

  it('with required: false, Compose skips it: the variables are missing as usual', () => {
    const optional = service('alloy', ['    env_file:', '      - path: ./alloy.env', '        required: false']);
    const result = check({ '/repo/compose.yaml': optional, [CONFIG]: '' }, ['TEAM']);
    assert.deepEqual(result.findings.map((f) => f.code), ['env/missing']);
    assert.equal(result.env?.variables[0]?.status, 'missing');
  });
});

describe('the Alloy service as the self-monitoring checks see it', () => {
  it('names, the --server.http.listen-addr port and the Docker socket', () => {
    const compose = service('alloy', [
      '    container_name: alloy-main',
      '    hostname: monitor',
      '    command: ["run", "--server.http.listen-addr=0.0.0.0:9000", "/etc/alloy/config.alloy"]',
      '    volumes:',
      '      - ./alloy/config.alloy:/etc/alloy/config.alloy',
      '      - /var/run/docker.sock:/var/run/docker.sock:ro',
    ]).replace('    volumes:\n      - ./alloy/config.alloy:/etc/alloy/config.alloy\n', '');
    const result = check({ '/repo/compose.yaml': compose, [CONFIG]: '' }, []);
    assert.deepEqual(result.hosts, [{ description: 'compose service "alloy"', names: ['alloy', 'alloy-main', 'monitor'], port: 9000, dockerSocket: true }]);
  });

  it('feed the self-monitoring checks: a scrape of the service on its port, container logs only with the socket', () => {
    const config = [
      'prometheus.scrape "alloy" {',
      '\ttargets    = [{"__address__" = "alloy-main:9000"}]',
      '\tforward_to = [prometheus.remote_write.default.receiver]',
      '}',
      '',
      'prometheus.remote_write "default" {',
      '\tendpoint {',
      '\t\turl = "http://mimir:9009/api/v1/push"',
      '\t}',
      '}',
      '',
      'discovery.docker "all" {',
      '\thost = "unix:///var/run/docker.sock"',
      '}',
      '',
      'loki.source.docker "all" {',
      '\thost       = "unix:///var/run/docker.sock"',
      '\ttargets    = discovery.docker.all.targets',
      '\tforward_to = [loki.write.default.receiver]',
      '}',
      '',
      'loki.write "default" {',
      '\tendpoint {',
      '\t\turl = "http://loki:3100/loki/api/v1/push"',
      '\t}',
      '}',
      '',
    ].join('\n');
    const run = (socket: boolean) => {
      let compose = service('alloy', ['    container_name: alloy-main', '    command: run --server.http.listen-addr=0.0.0.0:9000 /etc/alloy/config.alloy']);
      if (socket) compose = compose.replace('/etc/alloy/config.alloy\n', '/etc/alloy/config.alloy\n      - /var/run/docker.sock:/var/run/docker.sock\n');
      const fs = memoryFileSystem({ '/repo/compose.yaml': compose, [CONFIG]: config });
      const settings = resolveSettings({ selfMonitoring: { traces: false } }).settings;
      return analyzeConfiguration([parseFile(CONFIG, config)], settings, { fs, hostEnv: {} }).findings.map((f) => f.code).filter((c) => c.startsWith('selfmon/'));
    };
    assert.deepEqual(run(true), []);
    assert.deepEqual(run(false), ['selfmon/logs-missing']);
  });
});
