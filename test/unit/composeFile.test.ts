import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseComposeFile } from '../../server/src/compose/composeFile';
import { memoryFileSystem } from '../../server/src/compose/fileSystem';
import { loadProjectEnvironment } from '../../server/src/compose/projectEnvironment';

const FILE = '/p/docker-compose.yml';

function parse(text: string, dotEnv = '', host: Record<string, string> = { HOME: '/home/me' }) {
  const env = loadProjectEnvironment(memoryFileSystem({ '/p/.env': dotEnv }), { host, projectDir: '/p' });
  return parseComposeFile(FILE, text, env);
}

function service(text: string, name = 'alloy') {
  const model = parse(text);
  const found = model.services.get(name);
  assert.ok(found, `service ${name}`);
  return found;
}

describe('parseComposeFile', () => {
  it('reads image, build and command', () => {
    const alloy = service(
      'services:\n  alloy:\n    image: grafana/alloy:${TAG:-v1.5.0}\n    build: .\n    command: run --server.http.listen-addr=0.0.0.0:12345 "/etc/alloy/my config.alloy"\n',
    );
    assert.equal(alloy.image?.name, 'grafana/alloy:v1.5.0');
    assert.equal(alloy.image?.line, 3);
    assert.equal(alloy.build, true);
    assert.deepEqual(alloy.command, ['run', '--server.http.listen-addr=0.0.0.0:12345', '/etc/alloy/my config.alloy']);
    const listed = service('services:\n  alloy:\n    command: [run, /etc/alloy/config.alloy]\n');
    assert.deepEqual(listed.command, ['run', '/etc/alloy/config.alloy']);
    assert.equal(listed.build, false);
  });

  it('reads short and long volume syntax, resolving host paths', () => {
    const alloy = service(
      [
        'services:',
        '  alloy:',
        '    volumes:',
        '      - ./grafana-alloy/config.alloy:/etc/alloy/config.alloy:ro',
        '      - ../shared:/etc/shared',
        '      - ~/certs:/certs',
        '      - data:/var/lib/alloy',
        '      - /var/lib/anon',
        '      - type: bind',
        '        source: ./modules',
        '        target: /etc/alloy/modules',
        '        read_only: true',
        '      - type: volume',
        '        source: cache',
        '        target: /cache',
      ].join('\n'),
    );
    assert.deepEqual(
      alloy.volumes.map((mount) => [mount.type, mount.source, mount.target, mount.readOnly, mount.line]),
      [
        ['bind', '/p/grafana-alloy/config.alloy', '/etc/alloy/config.alloy', true, 4],
        ['bind', '/shared', '/etc/shared', false, 5],
        ['bind', '/home/me/certs', '/certs', false, 6],
        ['volume', 'data', '/var/lib/alloy', false, 7],
        ['volume', null, '/var/lib/anon', false, 8],
        ['bind', '/p/modules', '/etc/alloy/modules', true, 9],
        ['volume', 'cache', '/cache', false, 13],
      ],
    );
  });

  it('reads environment as a map, with empty, null, number and boolean values', () => {
    const text = 'services:\n  alloy:\n    environment:\n      A: one\n      EMPTY: ""\n      FROM_HOST:\n      NUM: 3\n      BOOL: true\n';
    const alloy = service(text);
    assert.deepEqual(
      alloy.environment.map((entry) => [entry.name, entry.raw, entry.style, entry.line]),
      [
        ['A', 'one', 'map', 4],
        ['EMPTY', '', 'map', 5],
        ['FROM_HOST', null, 'map', 6],
        ['NUM', '3', 'map', 7],
        ['BOOL', 'true', 'map', 8],
      ],
    );
    const first = alloy.environment[0];
    assert.equal(text.slice(first?.range.start, first?.range.end), 'A: one');
    assert.equal(alloy.hasEnvironmentKey, true);
  });

  it('reads environment as a list: KEY=value, KEY= and bare KEY', () => {
    const alloy = service('services:\n  alloy:\n    environment:\n      - A=one=two\n      - "EMPTY="\n      - FROM_HOST\n');
    assert.deepEqual(
      alloy.environment.map((entry) => [entry.name, entry.raw, entry.style]),
      [
        ['A', 'one=two', 'list'],
        ['EMPTY', '', 'list'],
        ['FROM_HOST', null, 'list'],
      ],
    );
  });

  it('reads environment through anchors and merge keys', () => {
    const text = [
      'x-common-env: &common',
      '  SHARED: yes',
      '  OVERRIDDEN: base',
      'services:',
      '  alloy:',
      '    environment:',
      '      <<: *common',
      '      OVERRIDDEN: local',
    ].join('\n');
    const alloy = service(text);
    assert.deepEqual(
      alloy.environment.map((entry) => [entry.name, entry.raw, entry.line]),
      [
        ['SHARED', 'yes', 2],
        ['OVERRIDDEN', 'local', 8],
      ],
    );
  });

  it('reads every env_file shape, relative to the compose file', () => {
    const one = service('services:\n  alloy:\n    env_file: alloy.env\n');
    assert.deepEqual(
      one.envFiles.map((ref) => [ref.path, ref.required]),
      [['/p/alloy.env', true]],
    );
    const many = service(
      [
        'services:',
        '  alloy:',
        '    env_file:',
        '      - ./a.env',
        '      - path: ../b.env',
        '      - path: ./optional.env',
        '        required: false',
        '      - path: ~/.secrets',
        '        required: true',
      ].join('\n'),
    );
    assert.deepEqual(
      many.envFiles.map((ref) => [ref.path, ref.required, ref.line]),
      [
        ['/p/a.env', true, 4],
        ['/b.env', true, 5],
        ['/p/optional.env', false, 6],
        ['/home/me/.secrets', true, 8],
      ],
    );
  });

  it('reads extends in both forms, and includes', () => {
    const model = parse(
      [
        'include:',
        '  - ./grafana.yaml',
        '  - path: [../db/a.yaml, ../db/b.yaml]',
        '    env_file: ../db/db.env',
        'services:',
        '  alloy:',
        '    extends:',
        '      service: base',
        '      file: common/base.yml',
        '  short:',
        '    extends: alloy',
      ].join('\n'),
    );
    assert.deepEqual(model.services.get('alloy')?.extends?.service, 'base');
    assert.deepEqual(model.services.get('alloy')?.extends?.fromFile, '/p/common/base.yml');
    assert.deepEqual(model.services.get('short')?.extends?.fromFile, null);
    assert.deepEqual(
      model.includes.map((include) => [include.paths, include.envFiles]),
      [
        [['/p/grafana.yaml'], null],
        [['/db/a.yaml', '/db/b.yaml'], ['/db/db.env']],
      ],
    );
  });

  it('reports invalid YAML with the file and offset, without quoting the text, and keeps what it can', () => {
    const text = 'services:\n  alloy:\n    image: grafana/alloy\n    environment: [SECRET=hunter2\n  other:\n    image: x\n';
    const model = parse(text);
    const invalid = model.problems.filter((problem) => problem.code === 'compose/invalid');
    assert.ok(invalid.length > 0);
    for (const problem of invalid) {
      assert.equal(problem.file, FILE);
      assert.equal(problem.severity, 'error');
      assert.ok(problem.range.start >= 0 && problem.range.start <= text.length);
      assert.doesNotMatch(problem.message, /hunter2/);
      assert.doesNotMatch(problem.message, /\n/);
    }
  });

  it('reports a compose file without services', () => {
    const model = parse('version: "3"\nvolumes:\n  data: {}\n');
    assert.deepEqual(
      model.problems.map((problem) => [problem.code, problem.range.start]),
      [['compose/no-services', 0]],
    );
    assert.equal(parse('').problems[0]?.code, 'compose/no-services');
    assert.deepEqual(parse('include:\n  - other.yaml\n').problems, []);
  });

  it('reports a non-mapping top level, services or service and keeps the other services', () => {
    assert.equal(parse('- a\n- b\n').problems[0]?.code, 'compose/invalid');
    assert.equal(parse('services: [a, b]\n').problems[0]?.code, 'compose/invalid');
    const text = 'services:\n  broken: just-a-string\n  empty:\n  alloy:\n    image: grafana/alloy\n';
    const model = parse(text);
    assert.deepEqual(
      model.problems.map((problem) => [problem.code, text.slice(problem.range.start, problem.range.end)]),
      [
        ['compose/invalid-service', 'broken'],
        ['compose/invalid-service', 'empty'],
      ],
    );
    assert.deepEqual([...model.services.keys()], ['alloy']);
  });

  it('reports wrongly shaped fields', () => {
    const model = parse('services:\n  alloy:\n    environment: just-text\n    volumes: ./a:/b\n    env_file: [{required: false}]\n');
    assert.deepEqual(
      model.problems.map((problem) => problem.code),
      ['compose/invalid-value', 'compose/invalid-value', 'compose/invalid-value'],
    );
  });

  it('interpolates paths from the project .env and reports invalid templates', () => {
    const alloy = parse('services:\n  alloy:\n    image: grafana/alloy:$TAG\n    volumes:\n      - ${CONFIG_DIR}:/etc/alloy\n', 'TAG=v1\nCONFIG_DIR=./cfg\n')
      .services.get('alloy');
    assert.equal(alloy?.image?.name, 'grafana/alloy:v1');
    assert.equal(alloy?.volumes[0]?.source, '/p/cfg');
    const bad = parse('services:\n  alloy:\n    image: grafana/alloy:$\n');
    assert.equal(bad.problems[0]?.code, 'compose/interpolation');
  });

  it('ignores x- extension services', () => {
    assert.deepEqual([...parse('services:\n  x-template:\n    image: y\n  alloy:\n    image: z\n').services.keys()], ['alloy']);
  });
});
