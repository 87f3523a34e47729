import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadComposeProject } from '../../server/src/compose/composeProject';
import { resolveServiceEnvironment, type VariableResolution } from '../../server/src/compose/envResolution';
import { memoryFileSystem, type FileReadError } from '../../server/src/compose/fileSystem';

function resolve(files: Record<string, string | FileReadError>, names: string[], host: Record<string, string> = {}, composeFiles = ['/p/compose.yaml']) {
  const fs = memoryFileSystem(files);
  const project = loadComposeProject({ composeFiles, fs, hostEnv: host });
  const service = project.services.get('alloy');
  assert.ok(service);
  const result = resolveServiceEnvironment(project, service, names, fs);
  const byName = new Map(result.variables.map((variable) => [variable.name, variable]));
  const get = (name: string): VariableResolution => {
    const variable = byName.get(name);
    assert.ok(variable, name);
    return variable;
  };
  return { ...result, get, project };
}

const where = (variable: VariableResolution): string | null => (variable.location ? `${variable.location.file}:${variable.location.line}` : null);

describe('resolveServiceEnvironment', () => {
  it('classifies environment values: provided, empty, host', () => {
    const compose = [
      'services:', //                           1
      '  alloy:', //                            2
      '    image: grafana/alloy', //            3
      '    environment:', //                    4
      '      LITERAL: loki:3100', //            5
      '      EMPTY: ""', //                     6
      '      FROM_DOTENV: ${TOKEN}', //         7
      '      DOTENV_EMPTY: ${BLANK}', //        8
      '      FROM_HOST: ${HOST_ONLY}', //       9
      '      REQUIRED: ${NEEDED:?set it}', //  10
      '      DEFAULTED: ${OPT:-fallback}', //  11
      '      BARE:', //                        12
      '      BARE_DOTENV:', //                 13
      '      ESCAPED: "$$notavar"', //         14
      '      MIXED: http://${TOKEN}:${PORT}', // 15
    ].join('\n');
    const { get, problems } = resolve(
      { '/p/compose.yaml': compose, '/p/.env': 'TOKEN=abc\nBLANK=\nBARE_DOTENV=x\n' },
      ['LITERAL', 'EMPTY', 'FROM_DOTENV', 'DOTENV_EMPTY', 'FROM_HOST', 'REQUIRED', 'DEFAULTED', 'BARE', 'BARE_DOTENV', 'ESCAPED', 'MIXED'],
      { HOST_ONLY: 'set' },
    );
    assert.deepEqual(problems, []);
    assert.deepEqual([get('LITERAL').status, where(get('LITERAL')), get('LITERAL').via], ['provided', '/p/compose.yaml:5', 'environment']);
    assert.equal(get('EMPTY').status, 'empty');
    assert.equal(get('FROM_DOTENV').status, 'provided');
    assert.equal(get('FROM_DOTENV').dotEnv?.line, 1);
    assert.equal(get('DOTENV_EMPTY').status, 'empty');
    assert.deepEqual(
      [get('FROM_HOST').status, get('FROM_HOST').hostVariables, get('FROM_HOST').requiredByCompose, get('FROM_HOST').hasDefault],
      ['host', ['HOST_ONLY'], false, false],
    );
    assert.deepEqual([get('REQUIRED').status, get('REQUIRED').requiredByCompose], ['host', true]);
    assert.deepEqual([get('DEFAULTED').status, get('DEFAULTED').hasDefault], ['host', true]);
    assert.deepEqual([get('BARE').status, get('BARE').hostVariables, where(get('BARE'))], ['host', ['BARE'], '/p/compose.yaml:12']);
    assert.deepEqual([get('BARE_DOTENV').status, get('BARE_DOTENV').dotEnv?.line], ['provided', 3]);
    assert.equal(get('ESCAPED').status, 'provided');
    assert.deepEqual([get('MIXED').status, get('MIXED').hostVariables], ['host', ['PORT']]);
  });

  it('classifies list-style environment the same way', () => {
    const { get } = resolve(
      { '/p/compose.yaml': 'services:\n  alloy:\n    environment:\n      - A=1\n      - B=\n      - C\n      - D=${X-}\n' },
      ['A', 'B', 'C', 'D'],
    );
    assert.deepEqual(
      ['A', 'B', 'C', 'D'].map((name) => get(name).status),
      ['provided', 'empty', 'host', 'host'],
    );
    assert.equal(get('D').hasDefault, true);
  });

  it('reads env_file lines, later files over earlier, environment over env_file', () => {
    const { get, problems } = resolve(
      {
        '/p/compose.yaml': [
          'services:',
          '  alloy:',
          '    env_file:',
          '      - ./first.env',
          '      - path: ./second.env',
          '      - path: ./optional.env',
          '        required: false',
          '    environment:',
          '      OVERRIDDEN: from-environment',
        ].join('\n'),
        '/p/first.env': '# first\nSHARED=first\nONLY_FIRST=1\nOVERRIDDEN=first\nEMPTY_ONE=\nINHERITED\nREF=${DOTENV_VAR}/x\nLOCAL_REF=${ONLY_FIRST}\nHOST_REF=${SOMETHING}\n',
        '/p/second.env': 'SHARED=second\n',
        '/p/.env': 'DOTENV_VAR=y\n',
      },
      ['SHARED', 'ONLY_FIRST', 'OVERRIDDEN', 'EMPTY_ONE', 'INHERITED', 'REF', 'LOCAL_REF', 'HOST_REF'],
    );
    assert.deepEqual(problems, []);
    assert.deepEqual([get('SHARED').status, where(get('SHARED')), get('SHARED').via], ['provided', '/p/second.env:1', 'env_file']);
    assert.equal(where(get('ONLY_FIRST')), '/p/first.env:3');
    assert.deepEqual([get('OVERRIDDEN').via, where(get('OVERRIDDEN'))], ['environment', '/p/compose.yaml:9']);
    assert.equal(get('EMPTY_ONE').status, 'empty');
    assert.equal(get('INHERITED').status, 'host');
    assert.deepEqual([get('REF').status, get('REF').dotEnv?.file], ['provided', '/p/.env']);
    assert.equal(get('LOCAL_REF').status, 'provided');
    assert.deepEqual([get('HOST_REF').status, get('HOST_REF').hostVariables], ['host', ['SOMETHING']]);
  });

  it('reports missing required env files, not optional ones, and unreadable ones', () => {
    const { problems } = resolve(
      {
        '/p/compose.yaml': [
          'services:',
          '  alloy:',
          '    env_file:',
          '      - missing.env',
          '      - path: optional.env',
          '        required: false',
          '      - binary.env',
          '      - broken.env',
        ].join('\n'),
        '/p/binary.env': { error: '/p/binary.env looks like a binary file (it contains NUL bytes), so it was not read' },
        '/p/broken.env': 'GOOD=1\nnot valid at all\n',
      },
      [],
    );
    assert.deepEqual(
      problems.map((problem) => [problem.code, problem.severity, problem.file]),
      [
        ['compose/env-file-missing', 'error', '/p/compose.yaml'],
        ['compose/env-file-unreadable', 'error', '/p/compose.yaml'],
        ['compose/dotenv', 'warning', '/p/broken.env'],
      ],
    );
    assert.match(problems[0]?.message ?? '', /missing\.env does not exist/);
  });

  it('tells why a variable is missing: other services, .env only', () => {
    const { get } = resolve(
      {
        '/p/compose.yaml': 'services:\n  alloy:\n    image: grafana/alloy\n  grafana:\n    environment:\n      API_KEY: x\n',
        '/p/.env': 'DOTENV_ONLY=set\n',
      },
      ['API_KEY', 'DOTENV_ONLY', 'NOWHERE'],
    );
    assert.deepEqual([get('API_KEY').status, get('API_KEY').otherServices], ['missing', ['grafana']]);
    assert.deepEqual([get('DOTENV_ONLY').status, get('DOTENV_ONLY').inDotEnv], ['missing', true]);
    assert.deepEqual([get('NOWHERE').status, get('NOWHERE').inDotEnv, get('NOWHERE').otherServices], ['missing', false, []]);
  });

  it('knows what Docker sets in every container', () => {
    const { get } = resolve({ '/p/compose.yaml': 'services:\n  alloy:\n    image: grafana/alloy\n' }, ['HOSTNAME']);
    assert.deepEqual([get('HOSTNAME').status, get('HOSTNAME').via], ['provided', 'runtime']);
  });

  it('resolves variables set by a merged override and by extends', () => {
    const { get } = resolve(
      {
        '/p/docker-compose.base.yml': 'services:\n  common:\n    environment:\n      FROM_EXTENDS: "1"\n  alloy:\n    extends: common\n    environment:\n      FROM_BASE: "1"\n',
        '/p/docker-compose.override.yml': 'services:\n  alloy:\n    environment:\n      - FROM_OVERRIDE=1\n',
      },
      ['FROM_EXTENDS', 'FROM_BASE', 'FROM_OVERRIDE'],
      {},
      ['/p/docker-compose.base.yml', '/p/docker-compose.override.yml'],
    );
    assert.equal(where(get('FROM_EXTENDS')), '/p/docker-compose.base.yml:4');
    assert.equal(where(get('FROM_BASE')), '/p/docker-compose.base.yml:8');
    assert.equal(where(get('FROM_OVERRIDE')), '/p/docker-compose.override.yml:4');
  });

  it('lists environment entries the configuration does not read, except implicit ones', () => {
    const { unused } = resolve(
      { '/p/compose.yaml': 'services:\n  alloy:\n    environment:\n      USED: a\n      UNUSED: b\n      GOMEMLIMIT: 1GiB\n      HTTPS_PROXY: http://proxy\n      HOST_PROC: /host/proc\n' },
      ['USED'],
    );
    assert.deepEqual(
      unused.map((entry) => entry.name),
      ['UNUSED'],
    );
  });

  it('reports invalid interpolation and a required variable left empty by .env', () => {
    const { problems, get } = resolve(
      { '/p/compose.yaml': 'services:\n  alloy:\n    environment:\n      BAD: "cost $ 5"\n      REQ: ${BLANK:?needed}\n', '/p/.env': 'BLANK=\n' },
      ['BAD', 'REQ'],
    );
    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['compose/interpolation', 'compose/required-variable'],
    );
    assert.equal(get('REQ').status, 'empty');
  });
});
