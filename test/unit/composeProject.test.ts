import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadComposeProject } from '../../server/src/compose/composeProject';
import { memoryFileSystem, type FileReadError } from '../../server/src/compose/fileSystem';
import { loadProjectEnvironment } from '../../server/src/compose/projectEnvironment';

function load(files: Record<string, string | FileReadError>, composeFiles: string[], host: Record<string, string> = {}, envFiles?: string[]) {
  return loadComposeProject({ composeFiles, fs: memoryFileSystem(files), hostEnv: host, ...(envFiles ? { envFiles } : {}) });
}

describe('loadProjectEnvironment', () => {
  it('reads .env beside the project and looks up the host first', () => {
    const fs = memoryFileSystem({ '/p/.env': 'A=from-file\nB=only-file\n' });
    const env = loadProjectEnvironment(fs, { host: { A: 'from-host' }, projectDir: '/p' });
    assert.equal(env.lookup('A'), 'from-host');
    assert.equal(env.lookup('B'), 'only-file');
    assert.equal(env.lookup('C'), undefined);
    assert.equal(env.variables.get('B')?.line, 2);
    assert.deepEqual(env.envFiles, ['/p/.env']);
  });

  it('replaces .env by explicit env files, later ones winning, and reports missing ones', () => {
    const fs = memoryFileSystem({ '/p/.env': 'A=dotenv\n', '/p/one.env': 'A=one\nB=one\n', '/p/two.env': 'B=two\n' });
    const env = loadProjectEnvironment(fs, { host: {}, projectDir: '/p', explicitEnvFiles: ['/p/one.env', '/p/two.env', '/p/none.env'] });
    assert.equal(env.lookup('A'), 'one');
    assert.equal(env.lookup('B'), 'two');
    assert.deepEqual(
      env.problems.map((problem) => [problem.code, problem.file]),
      [['compose/env-file-missing', '/p/none.env']],
    );
  });

  it('is fine without a .env', () => {
    const env = loadProjectEnvironment(memoryFileSystem({}), { host: {}, projectDir: '/p' });
    assert.deepEqual(env.problems, []);
    assert.equal(env.variables.size, 0);
  });
});

describe('loadComposeProject', () => {
  it('merges base and override files the way Compose does', () => {
    const project = load(
      {
        '/p/docker-compose.base.yml': [
          'services:',
          '  alloy:',
          '    image: grafana/alloy:v1.4.0',
          '    command: run /etc/alloy/config.alloy',
          '    volumes:',
          '      - ./config.alloy:/etc/alloy/config.alloy',
          '      - data:/var/lib/alloy',
          '    environment:',
          '      A: base',
          '      B: base',
          '    env_file: base.env',
        ].join('\n'),
        '/p/docker-compose.override.yml': [
          'services:',
          '  alloy:',
          '    image: grafana/alloy:v1.5.0',
          '    volumes:',
          '      - ./other.alloy:/etc/alloy/config.alloy',
          '    environment:',
          '      - B=override',
          '      - C=override',
          '    env_file:',
          '      - override.env',
          '  extra:',
          '    image: busybox',
        ].join('\n'),
      },
      ['/p/docker-compose.base.yml', '/p/docker-compose.override.yml'],
    );
    assert.deepEqual(project.problems, []);
    const alloy = project.services.get('alloy');
    assert.equal(alloy?.image?.name, 'grafana/alloy:v1.5.0');
    assert.deepEqual(alloy?.command, ['run', '/etc/alloy/config.alloy']);
    assert.deepEqual(
      alloy?.volumes.map((mount) => [mount.source, mount.target]),
      [
        ['/p/other.alloy', '/etc/alloy/config.alloy'],
        ['data', '/var/lib/alloy'],
      ],
    );
    assert.deepEqual(
      [...(alloy?.environment.values() ?? [])].map((entry) => [entry.name, entry.raw, entry.file]),
      [
        ['A', 'base', '/p/docker-compose.base.yml'],
        ['B', 'override', '/p/docker-compose.override.yml'],
        ['C', 'override', '/p/docker-compose.override.yml'],
      ],
    );
    assert.deepEqual(
      alloy?.envFiles.map((ref) => ref.path),
      ['/p/base.env', '/p/override.env'],
    );
    assert.deepEqual(
      alloy?.declarations.map((declaration) => declaration.file),
      ['/p/docker-compose.base.yml', '/p/docker-compose.override.yml'],
    );
    assert.deepEqual([...project.services.keys()], ['alloy', 'extra']);
  });

  it('resolves extends in the same file and from another file, relative to that file', () => {
    const project = load(
      {
        '/p/compose.yaml': [
          'services:',
          '  base:',
          '    image: grafana/alloy',
          '    environment:',
          '      FROM_BASE: "1"',
          '  alloy:',
          '    extends: base',
          '    environment:',
          '      OWN: "2"',
          '  remote:',
          '    extends:',
          '      service: template',
          '      file: common/templates.yml',
        ].join('\n'),
        '/p/common/templates.yml': 'services:\n  template:\n    image: grafana/alloy:v1\n    env_file: template.env\n    environment:\n      - T=1\n',
      },
      ['/p/compose.yaml'],
    );
    assert.deepEqual(project.problems, []);
    const alloy = project.services.get('alloy');
    assert.equal(alloy?.image?.name, 'grafana/alloy');
    assert.deepEqual([...(alloy?.environment.keys() ?? [])], ['FROM_BASE', 'OWN']);
    assert.deepEqual(alloy?.declarations.map((d) => d.name), ['alloy']);
    assert.deepEqual(alloy?.extended.map((d) => d.name), ['base']);
    const remote = project.services.get('remote');
    assert.equal(remote?.image?.name, 'grafana/alloy:v1');
    assert.deepEqual(remote?.envFiles.map((ref) => ref.path), ['/p/common/template.env']);
    assert.deepEqual([...(remote?.environment.keys() ?? [])], ['T']);
  });

  it('reports broken extends: unknown service, missing file, cycles', () => {
    const project = load(
      {
        '/p/compose.yaml': [
          'services:',
          '  a:',
          '    extends: nowhere',
          '  b:',
          '    extends: { service: x, file: missing.yml }',
          '  c:',
          '    extends: d',
          '  d:',
          '    extends: c',
        ].join('\n'),
      },
      ['/p/compose.yaml'],
    );
    assert.deepEqual(
      project.problems.map((problem) => problem.code),
      ['compose/extends', 'compose/file-missing', 'compose/extends', 'compose/extends'],
    );
    assert.deepEqual([...project.services.keys()], ['a', 'b', 'c', 'd']);
  });

  it('adds included services, interpolated with their own .env, and reports conflicts and missing files', () => {
    const project = load(
      {
        '/p/compose.yaml': 'include:\n  - sub/grafana.yaml\n  - missing.yaml\nservices:\n  alloy:\n    image: grafana/alloy\n',
        '/p/sub/grafana.yaml': 'services:\n  grafana:\n    image: grafana/grafana:${GRAFANA_TAG}\n',
        '/p/sub/.env': 'GRAFANA_TAG=12.0.0\n',
      },
      ['/p/compose.yaml'],
    );
    assert.deepEqual([...project.services.keys()].sort(), ['alloy', 'grafana']);
    assert.equal(project.services.get('grafana')?.image?.name, 'grafana/grafana:12.0.0');
    assert.deepEqual(
      project.problems.map((problem) => [problem.code, problem.file]),
      [['compose/file-missing', '/p/compose.yaml']],
    );

    const conflict = load(
      { '/p/compose.yaml': 'include:\n  - other.yaml\nservices:\n  alloy:\n    image: a\n', '/p/other.yaml': 'services:\n  alloy:\n    image: b\n' },
      ['/p/compose.yaml'],
    );
    assert.equal(conflict.problems[0]?.code, 'compose/include');
    assert.equal(conflict.services.get('alloy')?.image?.name, 'a');

    const cycle = load({ '/p/compose.yaml': 'include:\n  - compose.yaml\nservices: {}\n' }, ['/p/compose.yaml']);
    assert.equal(cycle.problems[0]?.code, 'compose/include');
  });

  it('keeps going past unreadable, invalid and empty compose files', () => {
    const project = load(
      {
        '/p/docker-compose.yml': 'services:\n  alloy:\n    image: grafana/alloy\n',
        '/p/docker-compose.override.yml': 'services:\n  alloy: [not, a, map\n',
        '/p/docker-compose.bin.yml': { error: '/p/docker-compose.bin.yml looks like a binary file' },
      },
      ['/p/docker-compose.yml', '/p/docker-compose.bin.yml', '/p/docker-compose.override.yml', '/p/nope.yml'],
    );
    assert.deepEqual(
      [...new Set(project.problems.map((problem) => problem.code))],
      ['compose/file-unreadable', 'compose/invalid', 'compose/invalid-service', 'compose/file-missing'],
    );
    assert.equal(project.services.get('alloy')?.image?.name, 'grafana/alloy');
  });

  it('interpolates compose files with --env-file instead of .env', () => {
    const project = load(
      { '/p/compose.yaml': 'services:\n  alloy:\n    image: grafana/alloy:${TAG}\n', '/p/.env': 'TAG=dotenv\n', '/p/prod.env': 'TAG=prod\n' },
      ['/p/compose.yaml'],
      {},
      ['/p/prod.env'],
    );
    assert.equal(project.services.get('alloy')?.image?.name, 'grafana/alloy:prod');
  });
});
