import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import type { FileEdit } from '../../server/src/syntax/diagnostic';
import { addEnvExampleEdit, addEnvironmentVariableEdit } from '../../server/src/compose/environmentFix';

function apply(text: string, edit: FileEdit | null): string {
  assert.ok(edit, 'an edit');
  return text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end);
}

function fix(text: string, name = 'LOKI_PASSWORD', service = 'alloy'): string {
  return apply(text, addEnvironmentVariableEdit('/p/docker-compose.yml', text, service, name));
}

interface Compose {
  services: Record<string, { environment?: unknown }>;
}

function environmentOf(text: string, service = 'alloy'): unknown {
  return (parse(text) as Compose).services[service]?.environment;
}

describe('addEnvironmentVariableEdit', () => {
  it('adds NAME: ${NAME} to a map-style environment, keeping comments, order and indentation', () => {
    const text = [
      '# Stack for local testing',
      'services:',
      '  alloy:',
      '    image: grafana/alloy:v1.5.0  # pinned',
      '    environment:',
      '      # where to send data',
      '      LOKI_URL: http://loki:3100   # logs',
      '      TEMPO_URL: tempo:4317',
      '',
      '    # expose the UI',
      '    ports:',
      '      - "12345:12345"',
      '  loki:',
      '    image: grafana/loki',
      '',
    ].join('\n');
    assert.equal(
      fix(text),
      [
        '# Stack for local testing',
        'services:',
        '  alloy:',
        '    image: grafana/alloy:v1.5.0  # pinned',
        '    environment:',
        '      # where to send data',
        '      LOKI_URL: http://loki:3100   # logs',
        '      TEMPO_URL: tempo:4317',
        '      LOKI_PASSWORD: ${LOKI_PASSWORD}',
        '',
        '    # expose the UI',
        '    ports:',
        '      - "12345:12345"',
        '  loki:',
        '    image: grafana/loki',
        '',
      ].join('\n'),
    );
    assert.deepEqual(environmentOf(fix(text)), {
      LOKI_URL: 'http://loki:3100',
      TEMPO_URL: 'tempo:4317',
      LOKI_PASSWORD: '${LOKI_PASSWORD}',
    });
  });

  it('adds after a trailing comment on the last entry and follows its quoting', () => {
    const text = 'services:\n  alloy:\n    environment:\n      "A": "1" # note\n    image: x\n';
    assert.equal(fix(text), 'services:\n  alloy:\n    environment:\n      "A": "1" # note\n      "LOKI_PASSWORD": "${LOKI_PASSWORD}"\n    image: x\n');
  });

  it('adds - NAME=${NAME} to a list-style environment, in its style', () => {
    const text = [
      'services:',
      '  alloy:',
      '    environment:',
      '    - A=1 # first',
      '    # B is optional',
      '    - B=2',
      '    volumes:',
      '    - ./config.alloy:/etc/alloy/config.alloy',
    ].join('\n');
    const fixed = fix(text);
    assert.equal(
      fixed,
      [
        'services:',
        '  alloy:',
        '    environment:',
        '    - A=1 # first',
        '    # B is optional',
        '    - B=2',
        '    - LOKI_PASSWORD=${LOKI_PASSWORD}',
        '    volumes:',
        '    - ./config.alloy:/etc/alloy/config.alloy',
      ].join('\n'),
    );
    assert.deepEqual(environmentOf(fixed), ['A=1', 'B=2', 'LOKI_PASSWORD=${LOKI_PASSWORD}']);
    const quoted = 'services:\n  alloy:\n    environment:\n      - "A=1"\n';
    assert.equal(fix(quoted), 'services:\n  alloy:\n    environment:\n      - "A=1"\n      - "LOKI_PASSWORD=${LOKI_PASSWORD}"\n');
  });

  it('adds an environment key when the service has none, after its last key', () => {
    const text = [
      'services:',
      '  # the agent',
      '  alloy:',
      '    image: grafana/alloy',
      '    command:',
      '      - run',
      '      - /etc/alloy/config.alloy # main config',
      '',
      '  # storage',
      '  loki:',
      '    image: grafana/loki',
    ].join('\n');
    const fixed = fix(text);
    assert.equal(
      fixed,
      [
        'services:',
        '  # the agent',
        '  alloy:',
        '    image: grafana/alloy',
        '    command:',
        '      - run',
        '      - /etc/alloy/config.alloy # main config',
        '    environment:',
        '      LOKI_PASSWORD: ${LOKI_PASSWORD}',
        '',
        '  # storage',
        '  loki:',
        '    image: grafana/loki',
      ].join('\n'),
    );
    assert.deepEqual(environmentOf(fixed), { LOKI_PASSWORD: '${LOKI_PASSWORD}' });
    assert.equal((parse(fixed) as Compose).services['loki'] !== undefined, true);
  });

  it('uses the file indentation (4 spaces) and a file without a final newline', () => {
    const text = 'services:\n    alloy:\n        image: grafana/alloy';
    assert.equal(fix(text), 'services:\n    alloy:\n        image: grafana/alloy\n        environment:\n            LOKI_PASSWORD: ${LOKI_PASSWORD}');
  });

  it('fills an empty environment key', () => {
    const text = 'services:\n  alloy:\n    environment: # to do\n    image: x\n';
    const fixed = fix(text);
    assert.equal(fixed, 'services:\n  alloy:\n    environment: # to do\n      LOKI_PASSWORD: ${LOKI_PASSWORD}\n    image: x\n');
    assert.deepEqual(environmentOf(fixed), { LOKI_PASSWORD: '${LOKI_PASSWORD}' });
  });

  it('adds to flow collections with quotes, since { and } end plain scalars there', () => {
    assert.equal(fix('services:\n  alloy:\n    environment: {A: 1}\n'), 'services:\n  alloy:\n    environment: {A: 1, LOKI_PASSWORD: "${LOKI_PASSWORD}"}\n');
    assert.equal(fix('services:\n  alloy:\n    environment: []\n'), 'services:\n  alloy:\n    environment: ["LOKI_PASSWORD=${LOKI_PASSWORD}"]\n');
    const service = fix('services:\n  alloy: {image: grafana/alloy}\n');
    assert.equal(service, 'services:\n  alloy: {image: grafana/alloy, environment: {LOKI_PASSWORD: "${LOKI_PASSWORD}"}}\n');
    assert.deepEqual(environmentOf(service), { LOKI_PASSWORD: '${LOKI_PASSWORD}' });
  });

  it('keeps CRLF line endings', () => {
    const text = 'services:\r\n  alloy:\r\n    environment:\r\n      A: 1\r\n    image: x\r\n';
    assert.equal(fix(text), 'services:\r\n  alloy:\r\n    environment:\r\n      A: 1\r\n      LOKI_PASSWORD: ${LOKI_PASSWORD}\r\n    image: x\r\n');
  });

  it('declines when editing would be unsafe or impossible', () => {
    const cases = [
      'services:\n  alloy:\n    environment: [broken\n',
      'services:\n  other:\n    image: x\n',
      'x-env: &env\n  A: 1\nservices:\n  alloy:\n    environment: *env\n',
      'services:\n  alloy: grafana/alloy\n',
    ];
    for (const text of cases) assert.equal(addEnvironmentVariableEdit('/p/c.yml', text, 'alloy', 'X'), null, text);
  });
});

describe('addEnvExampleEdit', () => {
  it('appends NAME= to .env.example', () => {
    const text = '# copy to .env\nLOKI_URL=http://loki:3100\n';
    assert.deepEqual(addEnvExampleEdit('/p/.env.example', text, 'LOKI_PASSWORD'), {
      file: '/p/.env.example',
      range: { start: text.length, end: text.length },
      newText: 'LOKI_PASSWORD=\n',
    });
    assert.equal(apply('A=1', addEnvExampleEdit('/p/.env.example', 'A=1', 'B')), 'A=1\nB=\n');
    assert.equal(apply('', addEnvExampleEdit('/p/.env.example', '', 'B')), 'B=\n');
  });

  it('does nothing when the variable is already listed', () => {
    assert.equal(addEnvExampleEdit('/p/.env.example', 'export LOKI_PASSWORD=changeme\n', 'LOKI_PASSWORD'), null);
  });
});
