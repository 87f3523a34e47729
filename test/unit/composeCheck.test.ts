import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { checkComposeEnvironment, type CheckComposeEnvironmentOptions } from '../../server/src/compose/checkComposeEnvironment';
import type { EnvUsage } from '../../server/src/compose/composeFindings';
import { memoryFileSystem, type FileReadError } from '../../server/src/compose/fileSystem';
import type { FileEdit } from '../../server/src/syntax/diagnostic';

const CONFIG = '/repo/deploy/alloy/config.alloy';
const ALLOY_TEXT = [
  'prometheus.remote_write "default" {',
  '  endpoint {',
  '    url = sys.env("REMOTE_WRITE_URL")',
  '    basic_auth {',
  '      username = sys.env("RW_USER")',
  '      password = sys.env("RW_PASSWORD")',
  '    }',
  '  }',
  '}',
  'loki.write "default" {',
  '  endpoint { url = env("LOKI_URL") }',
  '  external_labels = { host = sys.env("HOSTNAME"), team = sys.env("TEAM"), region = sys.env("REGION") }',
  '}',
].join('\n');

/** Usages the way the Alloy parser would report them: the range of each call. */
function usagesOf(text: string, file = CONFIG): EnvUsage[] {
  return [...text.matchAll(/(?:sys\.)?env\("([A-Z_]+)"\)/g)].map((match) => ({
    name: match[1] ?? '',
    file,
    range: { start: match.index, end: match.index + match[0].length },
  }));
}

const SECRET = 'pa55-W0RD-do-not-leak';

const BASE = [
  'services:',
  '  alloy:',
  '    image: docker.io/grafana/alloy:v1.5.0',
  '    volumes:',
  '      - ./deploy/alloy/config.alloy:/etc/alloy/config.alloy:ro',
  '    env_file:',
  '      - path: ./alloy.env',
  '      - path: ./local.env',
  '        required: false',
  '    environment:',
  '      # where metrics go',
  '      REMOTE_WRITE_URL: https://prom.example.com/api/v1/write',
  '      RW_USER: ${RW_USER}',
  `      UNREAD: "${SECRET}"`,
  '      GOMEMLIMIT: 512MiB',
  '  grafana:',
  '    image: grafana/grafana',
  '    environment:',
  '      - TEAM=platform',
  '',
].join('\n');

const OVERRIDE = ['services:', '  alloy:', '    environment:', '      - REGION=${REGION:?set the region}', ''].join('\n');

function files(overrides: Record<string, string | FileReadError> = {}): Record<string, string | FileReadError> {
  return {
    '/repo/.git/HEAD': 'ref: refs/heads/main\n',
    '/repo/docker-compose.yml': BASE,
    '/repo/docker-compose.override.yml': OVERRIDE,
    '/repo/.env': `RW_USER=admin\nLOKI_URL=http://loki:3100\nTOKEN=${SECRET}\n`,
    '/repo/.env.example': '# Copy to .env and fill in\nRW_USER=\n',
    '/repo/alloy.env': `RW_PASSWORD=${SECRET}\n`,
    [CONFIG]: ALLOY_TEXT,
    ...overrides,
  };
}

function check(fileMap: Record<string, string | FileReadError>, options: Partial<CheckComposeEnvironmentOptions> = {}) {
  const alloyText = fileMap[CONFIG];
  return checkComposeEnvironment({
    configFiles: [CONFIG],
    usages: usagesOf(typeof alloyText === 'string' ? alloyText : ALLOY_TEXT),
    fs: memoryFileSystem(fileMap),
    hostEnv: { HOME: '/home/me', REGION: 'eu-west-1' },
    ...options,
  });
}

function applyEdits(fileMap: Record<string, string | FileReadError>, edits: readonly FileEdit[]): Record<string, string | FileReadError> {
  const next = { ...fileMap };
  // Apply from the end so earlier offsets stay valid.
  for (const edit of [...edits].sort((a, b) => b.range.start - a.range.start)) {
    const text = next[edit.file];
    assert.equal(typeof text, 'string');
    const source = text as string;
    next[edit.file] = source.slice(0, edit.range.start) + edit.newText + source.slice(edit.range.end);
  }
  return next;
}

describe('checkComposeEnvironment', () => {
  it('reports the service, the merged compose files and a status per variable', () => {
    const { env } = check(files());
    assert.deepEqual(env, {
      service: 'alloy',
      reason: 'mount',
      explanation: 'service "alloy" mounts deploy/alloy/config.alloy at /etc/alloy/config.alloy (docker-compose.yml:5)',
      composeFiles: ['docker-compose.yml', 'docker-compose.override.yml'],
      variables: [
        { name: 'REMOTE_WRITE_URL', status: 'provided', source: 'docker-compose.yml:12', via: 'environment' },
        { name: 'RW_USER', status: 'provided', source: 'docker-compose.yml:13', via: 'environment' },
        { name: 'RW_PASSWORD', status: 'provided', source: 'alloy.env:1', via: 'env_file' },
        { name: 'LOKI_URL', status: 'missing', source: null, via: null },
        { name: 'HOSTNAME', status: 'provided', source: null, via: 'runtime' },
        { name: 'TEAM', status: 'missing', source: null, via: null },
        { name: 'REGION', status: 'host', source: 'docker-compose.override.yml:4', via: 'environment', requiredByCompose: true, hasDefault: false },
      ],
    });
  });

  it('places findings on the sys.env usages, pointing at the compose service', () => {
    const { findings } = check(files());
    const summary = findings.map((finding) => [finding.code, finding.severity, finding.file, ALLOY_TEXT.slice(finding.range.start, finding.range.end)]);
    assert.deepEqual(summary, [
      ['env/missing', 'warning', CONFIG, 'env("LOKI_URL")'],
      ['env/missing', 'warning', CONFIG, 'sys.env("TEAM")'],
      ['env/host', 'warning', CONFIG, 'sys.env("REGION")'],
      ['env/unused', 'information', '/repo/docker-compose.yml', ''],
    ]);
    const [loki, team, region, unused] = findings;
    assert.match(loki?.message ?? '', /^LOKI_URL is not passed to the Alloy container/);
    assert.match(loki?.message ?? '', /\. The project \.env sets it, but \.env only fills in \$\{\.\.\.\} in compose files\.$/);
    assert.match(team?.message ?? '', / nor in an env_file \(only service "grafana" gets it\), so sys\.env\("TEAM"\) returns an empty string\.$/);
    assert.match(region?.message ?? '', /^REGION reaches service "alloy" only from the shell that runs `docker compose` \(docker-compose\.override\.yml:\d+\)\. docker compose refuses to start without it\.$/);
    // At most two sentences each; which service runs Alloy is said once, on the first finding.
    for (const f of [loki, team, region]) assert.ok((f?.message.match(/\. /g) ?? []).length <= 1, f?.message);
    assert.deepEqual(
      loki?.related?.map((related) => [related.file, related.message]),
      [['/repo/docker-compose.override.yml', 'The Alloy service: service "alloy" mounts deploy/alloy/config.alloy at /etc/alloy/config.alloy (docker-compose.yml:5)']],
    );
    assert.deepEqual(
      region?.related?.map((related) => [related.file, related.message]),
      [['/repo/docker-compose.override.yml', 'REGION is set here']],
    );
    const serviceKey = loki?.related?.[0]?.range;
    assert.equal(OVERRIDE.slice(serviceKey?.start, serviceKey?.end), 'alloy');
    assert.equal(BASE.slice(unused?.range.start, unused?.range.end), `UNREAD: "${SECRET}"`);
    assert.ok(findings.every((finding) => finding.source === 'alloy-selfmon'));
  });

  it('offers a fix for env/missing that edits the compose file and .env.example, and disappears once applied', () => {
    const fileMap = files();
    const { findings } = check(fileMap);
    const loki = findings.find((finding) => finding.code === 'env/missing' && finding.message.startsWith('LOKI_URL'));
    const fix = loki?.fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Pass LOKI_URL to service "alloy" in docker-compose.override.yml and list it in .env.example');
    assert.equal(fix.isPreferred, true);
    const fixed = applyEdits(fileMap, fix.edits);
    assert.equal(fixed['/repo/docker-compose.override.yml'], 'services:\n  alloy:\n    environment:\n      - REGION=${REGION:?set the region}\n      - LOKI_URL=${LOKI_URL}\n');
    assert.equal(fixed['/repo/.env.example'], '# Copy to .env and fill in\nRW_USER=\nLOKI_URL=\n');
    assert.deepEqual((parse(fixed['/repo/docker-compose.override.yml'] as string) as { services: { alloy: { environment: string[] } } }).services.alloy.environment, [
      'REGION=${REGION:?set the region}',
      'LOKI_URL=${LOKI_URL}',
    ]);

    const again = check(fixed);
    assert.equal(again.env?.variables.find((variable) => variable.name === 'LOKI_URL')?.status, 'provided');
    assert.equal(again.findings.some((finding) => finding.message.startsWith('LOKI_URL')), false);
  });

  it('adds the environment key to the declaring file when no file has one', () => {
    const fileMap = {
      '/repo/.git/HEAD': '',
      '/repo/compose.yaml': 'services:\n  alloy:\n    image: grafana/alloy # agent\n\n  db:\n    image: postgres\n',
      [CONFIG]: 'x = sys.env("DB_PASSWORD")',
    };
    const { findings } = check(fileMap);
    const fix = findings[0]?.fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Pass DB_PASSWORD to service "alloy" in compose.yaml');
    const fixed = applyEdits(fileMap, fix.edits);
    assert.equal(fixed['/repo/compose.yaml'], 'services:\n  alloy:\n    image: grafana/alloy # agent\n    environment:\n      DB_PASSWORD: ${DB_PASSWORD}\n\n  db:\n    image: postgres\n');
    const again = check(fixed);
    assert.deepEqual(
      again.findings.map((finding) => [finding.code, finding.severity, finding.fixes]),
      [['env/host', 'information', undefined]],
    );
    assert.equal(again.findings[0]?.message, 'DB_PASSWORD reaches service "alloy" only from the shell that runs `docker compose` (compose.yaml:5). Unset there, sys.env("DB_PASSWORD") returns an empty string.');
  });

  it('never puts a value into any output', () => {
    const fileMap = files({
      '/repo/broken.yml': `services:\n  alloy: [${SECRET}\n`,
      '/repo/alloy.env': `RW_PASSWORD=${SECRET}\nexport OTHER="${SECRET}"\nbad line ${SECRET}\n`,
      '/repo/.env': `RW_USER=${SECRET}\nLOKI_URL=${SECRET}\nBAD=$ ${SECRET}\n`,
    });
    const results = [
      check(fileMap),
      check(fileMap, { composeFiles: ['/repo/docker-compose.yml', '/repo/broken.yml'] }),
      check(fileMap, { serviceName: 'grafana' }),
      check(fileMap, { hostEnv: { RW_USER: SECRET, REGION: SECRET } }),
    ];
    for (const result of results) {
      const json = JSON.stringify(result);
      assert.ok(json.length > 100);
      assert.equal(json.includes(SECRET), false, json);
      assert.equal(json.includes('pa55'), false);
    }
  });

  it('returns null without findings when there is no compose file', () => {
    assert.deepEqual(check({ '/repo/.git/HEAD': '', [CONFIG]: ALLOY_TEXT }), { env: null, reports: [], findings: [], hosts: [] });
  });

  it('returns null when no service runs Alloy, still reporting broken compose files', () => {
    const result = check({
      '/repo/.git/HEAD': '',
      '/repo/docker-compose.yml': 'services:\n  web:\n    image: nginx\n  bad: 3\n',
      [CONFIG]: ALLOY_TEXT,
    });
    assert.equal(result.env, null);
    assert.deepEqual(
      result.findings.map((finding) => [finding.code, finding.file]),
      [['compose/invalid-service', '/repo/docker-compose.yml']],
    );
  });

  it('reports invalid YAML and a missing required env file on the compose file', () => {
    const result = check(files({ '/repo/docker-compose.override.yml': 'services:\n  alloy:\n    environment: [REGION\n', '/repo/alloy.env': { error: 'unused' } }));
    const alloyEnvMissing = check(files({ '/repo/alloy.env': '' }));
    assert.ok(result.findings.some((finding) => finding.code === 'compose/invalid' && finding.file === '/repo/docker-compose.override.yml'));
    assert.ok(result.findings.some((finding) => finding.code === 'compose/env-file-unreadable' && finding.file === '/repo/docker-compose.yml'));
    assert.equal(result.env?.service, 'alloy');
    assert.equal(alloyEnvMissing.env?.variables.find((variable) => variable.name === 'RW_PASSWORD')?.status, 'missing');
    const noFile = { ...files() };
    delete noFile['/repo/alloy.env'];
    const missing = check(noFile).findings.find((finding) => finding.code === 'compose/env-file-missing');
    assert.equal(missing?.severity, 'error');
    assert.equal(BASE.slice(missing?.range.start, missing?.range.end), 'path: ./alloy.env');
  });

  it('honours explicit compose files, env files and service names', () => {
    const explicit = check(files({ '/repo/other/compose.yaml': 'services:\n  agent:\n    image: grafana/alloy\n    environment:\n      TEAM: x\n' }), {
      composeFiles: ['other/compose.yaml'],
      rootDir: '/repo',
    });
    assert.equal(explicit.env?.service, 'agent');
    assert.deepEqual(explicit.env?.composeFiles, ['other/compose.yaml']);
    assert.equal(explicit.env?.variables.find((variable) => variable.name === 'TEAM')?.status, 'provided');

    const named = check(files(), { serviceName: 'grafana' });
    assert.equal(named.env?.service, 'grafana');
    assert.equal(named.env?.reason, 'configured');

    const unknown = check(files(), { serviceName: 'nope' });
    assert.equal(unknown.env, null);
    assert.deepEqual(
      unknown.findings.map((finding) => finding.code),
      ['compose/service-not-found'],
    );

    const withEnvFile = check(files({ '/repo/prod.env': 'RW_USER=\n' }), { envFiles: ['/repo/prod.env'] });
    assert.equal(withEnvFile.env?.variables.find((variable) => variable.name === 'RW_USER')?.status, 'empty');
  });

  it('follows COMPOSE_FILE from the project .env', () => {
    const result = check(
      files({
        '/repo/.env': 'COMPOSE_FILE=docker-compose.yml:extra.yml\n',
        '/repo/extra.yml': 'services:\n  alloy:\n    environment:\n      TEAM: x\n',
      }),
    );
    assert.deepEqual(result.env?.composeFiles, ['docker-compose.yml', 'extra.yml']);
    assert.equal(result.env?.variables.find((variable) => variable.name === 'TEAM')?.status, 'provided');
  });
});
