import assert from 'node:assert/strict';
import { relative } from 'node:path';
import { describe, it } from 'node:test';
import { memoryFileSystem } from '../../server/src/compose/fileSystem';
import {
  documentEnvironment,
  renderEnvironmentDotenv,
  renderEnvironmentJson,
  renderEnvironmentMarkdown,
  renderEnvironmentText,
  updateEnvExample,
  type EnvironmentDocument,
} from '../../server/src/environmentDocs';
import { analyzeConfiguration, parseFile } from '../../server/src/languageService';
import { buildModel } from '../../server/src/semantic/model';
import { defaultSettings } from '../../server/src/settings';

const SECRET = 'S3CR3T-planted-value';

// Shaped like the user's project: five variables, one missing, one from an env_file, one with a default.
const CONFIG = [
  'otelcol.auth.basic "cloud" {',
  '\tclient_auth {',
  '\t\tusername = sys.env("OTLP_USER")',
  '\t\tpassword = sys.env("OTLP_API_KEY")',
  '\t}',
  '}',
  '',
  'otelcol.exporter.otlphttp "cloud" {',
  '\tclient {',
  '\t\tendpoint = sys.env("OTLP_ENDPOINT")',
  '\t\tauth     = otelcol.auth.basic.cloud.handler',
  '\t}',
  '}',
  '',
  'loki.write "cloud" {',
  '\tendpoint {',
  '\t\turl = sys.env("LOKI_URL")',
  '',
  '\t\tbasic_auth {',
  '\t\t\tusername = sys.env("OTLP_USER")',
  '\t\t\tpassword = sys.env("LOKI_SECRET")',
  '\t\t}',
  '\t}',
  '}',
  '',
].join('\n');

const COMPOSE = [
  'services:',
  '  alloy:',
  '    image: grafana/alloy:v1.9.1',
  '    volumes:',
  '      - ./alloy/config.alloy:/etc/alloy/config.alloy',
  '    env_file: alloy.env',
  '    environment:',
  `      OTLP_USER: "${SECRET}"`,
  '      OTLP_ENDPOINT: ${OTLP_ENDPOINT:-https://otlp.example.com}',
  '      LOKI_URL: ${LOKI_URL}',
  '',
].join('\n');

const FILES = {
  '/repo/.git': '',
  '/repo/alloy/config.alloy': CONFIG,
  '/repo/docker-compose.yml': COMPOSE,
  '/repo/alloy.env': `OTLP_API_KEY=${SECRET}\n`,
};

function documented(): EnvironmentDocument {
  const files = [parseFile('/repo/alloy/config.alloy', CONFIG)];
  const { env } = analyzeConfiguration(files, defaultSettings, { fs: memoryFileSystem(FILES), hostEnv: { LOKI_URL: SECRET }, rootDir: '/repo' });
  return documentEnvironment(buildModel(files), env, (path) => relative('/repo', path));
}

describe('documenting the environment a configuration needs', () => {
  it('lists each variable once, where it is read, how compose passes it, and whether it is a credential', () => {
    const doc = documented();
    assert.equal(doc.service, 'alloy');
    assert.deepEqual(doc.composeFiles, ['docker-compose.yml']);
    assert.deepEqual(
      doc.variables.map((v) => [v.name, v.status, v.via, v.source, v.credential, v.hasDefault, v.reads.map((r) => `${r.file}:${r.line} ${r.component} ${r.attribute}`)]),
      [
        ['OTLP_USER', 'provided', 'environment', 'docker-compose.yml:8', null, false, ['alloy/config.alloy:3 otelcol.auth.basic "cloud" client_auth.username', 'alloy/config.alloy:20 loki.write "cloud" endpoint.basic_auth.username']],
        ['OTLP_API_KEY', 'provided', 'env_file', 'alloy.env:1', 'attribute password', false, ['alloy/config.alloy:4 otelcol.auth.basic "cloud" client_auth.password']],
        ['OTLP_ENDPOINT', 'host', 'environment', 'docker-compose.yml:9', null, true, ['alloy/config.alloy:10 otelcol.exporter.otlphttp "cloud" client.endpoint']],
        ['LOKI_URL', 'host', 'environment', 'docker-compose.yml:10', null, false, ['alloy/config.alloy:17 loki.write "cloud" endpoint.url']],
        ['LOKI_SECRET', 'missing', null, null, 'attribute password', false, ['alloy/config.alloy:21 loki.write "cloud" endpoint.basic_auth.password']],
      ],
    );
  });

  it('renders text', () => {
    assert.equal(
      renderEnvironmentText([documented()]),
      [
        'alloy/config.alloy: 5 variables, service "alloy" in docker-compose.yml',
        '  OTLP_USER: passed by compose (docker-compose.yml:8)',
        '    read at alloy/config.alloy:3 (otelcol.auth.basic "cloud" client_auth.username)',
        '    read at alloy/config.alloy:20 (loki.write "cloud" endpoint.basic_auth.username)',
        '  OTLP_API_KEY [credential]: passed by compose (alloy.env:1)',
        '    read at alloy/config.alloy:4 (otelcol.auth.basic "cloud" client_auth.password)',
        '  OTLP_ENDPOINT: left to the shell that runs docker compose (a default applies) (docker-compose.yml:9)',
        '    read at alloy/config.alloy:10 (otelcol.exporter.otlphttp "cloud" client.endpoint)',
        '  LOKI_URL: left to the shell that runs docker compose (docker-compose.yml:10)',
        '    read at alloy/config.alloy:17 (loki.write "cloud" endpoint.url)',
        '  LOKI_SECRET [credential]: not passed by compose',
        '    read at alloy/config.alloy:21 (loki.write "cloud" endpoint.basic_auth.password)',
        '',
      ].join('\n'),
    );
  });

  it('renders a .env.example grouped by the component that reads each variable, with names only', () => {
    assert.equal(
      renderEnvironmentDotenv([documented()]),
      [
        '# Environment variables the Alloy configuration reads with sys.env.',
        '',
        '## otelcol.auth.basic "cloud"',
        '# Read at alloy/config.alloy:3 (otelcol.auth.basic "cloud" client_auth.username).',
        '# Read at alloy/config.alloy:20 (loki.write "cloud" endpoint.basic_auth.username).',
        'OTLP_USER=',
        '# Read at alloy/config.alloy:4 (otelcol.auth.basic "cloud" client_auth.password).',
        '# A credential: set it in your own .env, never commit its value.',
        'OTLP_API_KEY=',
        '',
        '## otelcol.exporter.otlphttp "cloud"',
        '# Read at alloy/config.alloy:10 (otelcol.exporter.otlphttp "cloud" client.endpoint).',
        'OTLP_ENDPOINT=',
        '',
        '## loki.write "cloud"',
        '# Read at alloy/config.alloy:17 (loki.write "cloud" endpoint.url).',
        'LOKI_URL=',
        '# Read at alloy/config.alloy:21 (loki.write "cloud" endpoint.basic_auth.password).',
        '# A credential: set it in your own .env, never commit its value.',
        'LOKI_SECRET=',
        '',
      ].join('\n'),
    );
  });

  it('renders a Markdown table', () => {
    const lines = renderEnvironmentMarkdown([documented()]).split('\n');
    assert.deepEqual(lines.slice(0, 4), ['### alloy/config.alloy', '', '| Variable | Read at | Compose | Credential |', '| --- | --- | --- | --- |']);
    assert.equal(lines[4], '| `OTLP_USER` | `alloy/config.alloy:3 (otelcol.auth.basic "cloud" client_auth.username)`<br>`alloy/config.alloy:20 (loki.write "cloud" endpoint.basic_auth.username)` | passed by compose (docker-compose.yml:8) | no |');
    assert.equal(lines[8], '| `LOKI_SECRET` | `alloy/config.alloy:21 (loki.write "cloud" endpoint.basic_auth.password)` | not passed by compose | yes |');
    assert.equal(lines.length, 10);
  });

  it('never puts a value in any format', () => {
    const doc = documented();
    for (const text of [renderEnvironmentText([doc]), renderEnvironmentJson([doc]), renderEnvironmentDotenv([doc]), renderEnvironmentMarkdown([doc])]) {
      assert.ok(!text.includes(SECRET), 'a planted value leaked');
      assert.ok(!text.includes('otlp.example.com'), 'a compose default leaked');
    }
  });

  it('says "no compose service" when none applies', () => {
    const files = [parseFile('/solo/config.alloy', 'logging {\n\tlevel = sys.env("LEVEL")\n}\n')];
    const doc = documentEnvironment(buildModel(files), null, (p) => p);
    assert.equal(renderEnvironmentText([doc]), ['/solo/config.alloy: 1 variable, no compose service', '  LEVEL: no compose service', '    read at /solo/config.alloy:2 (logging level)', ''].join('\n'));
  });

  it('marks credentials by name when the attribute does not tell', () => {
    const files = [parseFile('/c.alloy', 'prometheus.remote_write "x" {\n\texternal_labels = { a = sys.env("MY_API_TOKEN"), b = sys.env("REGION") }\n}\n')];
    const doc = documentEnvironment(buildModel(files), null, (p) => p);
    assert.deepEqual(doc.variables.map((v) => [v.name, v.credential]), [['MY_API_TOKEN', 'name'], ['REGION', null]]);
  });
});

describe('updating a .env.example', () => {
  it('writes a new one when there is none', () => {
    assert.equal(updateEnvExample('', [documented()]), renderEnvironmentDotenv([documented()]));
  });

  it('keeps what is there and adds only the missing names, at the end, in the file line endings', () => {
    const existing = '# my notes\r\nLOKI_URL=\r\nOTHER=kept-as-is\r\n# OTLP_USER=\r\n';
    const updated = updateEnvExample(existing, [documented()]);
    assert.ok(updated.startsWith(existing), 'the existing text changed');
    assert.equal(
      updated.slice(existing.length),
      [
        '',
        '# Read by the Alloy configuration with sys.env (added by alloy-selfmon).',
        '## otelcol.auth.basic "cloud"',
        '# Read at alloy/config.alloy:4 (otelcol.auth.basic "cloud" client_auth.password).',
        '# A credential: set it in your own .env, never commit its value.',
        'OTLP_API_KEY=',
        '',
        '## otelcol.exporter.otlphttp "cloud"',
        '# Read at alloy/config.alloy:10 (otelcol.exporter.otlphttp "cloud" client.endpoint).',
        'OTLP_ENDPOINT=',
        '',
        '## loki.write "cloud"',
        '# Read at alloy/config.alloy:21 (loki.write "cloud" endpoint.basic_auth.password).',
        '# A credential: set it in your own .env, never commit its value.',
        'LOKI_SECRET=',
        '',
      ].join('\r\n'),
    );
  });

  it('is idempotent', () => {
    const once = updateEnvExample('A=1', [documented()]);
    assert.equal(updateEnvExample(once, [documented()]), once);
  });
});
