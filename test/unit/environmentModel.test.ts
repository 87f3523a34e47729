import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { environmentSections } from '../../client/src/pipeline/environmentModel';
import type { EnvReport } from '../../server/src/compose/checkComposeEnvironment';
import type { ComposeReportResult } from '../../server/src/protocol';

const base: EnvReport = {
  service: 'alloy',
  reason: 'mount',
  explanation: 'service "alloy" mounts grafana-alloy/config.alloy',
  composeFiles: ['docker-compose.base.yml'],
  variables: [
    { name: 'LOKI_URL', status: 'provided', source: 'docker-compose.base.yml:8', via: 'environment' },
    { name: 'API_KEY', status: 'host', source: 'docker-compose.base.yml:9', via: 'environment', requiredByCompose: true },
    { name: 'LOKI_USER', status: 'missing', source: null, via: null },
  ],
};

const report: ComposeReportResult = {
  entries: [
    {
      files: ['file:///w/grafana-alloy/config.alloy'],
      directory: '/w/grafana-alloy',
      reason: { kind: 'compose-command', detail: 'service "alloy" runs alloy run /etc/alloy/config.alloy (mounted from ./grafana-alloy/config.alloy)' },
      notes: [],
      counts: { 'env/missing': 1 },
      env: base,
      envReports: [base],
      explanation: ["Alloy's own logs leave through loki.write.default."],
    },
  ],
};

describe('compose environment table', () => {
  it('says why the files form a configuration, how the telemetry leaves, one row per variable, the service once', () => {
    const [section] = environmentSections({ report, names: { 'file:///w/grafana-alloy/config.alloy': 'grafana-alloy/config.alloy' } });
    assert.equal(section?.title, 'grafana-alloy/config.alloy');
    assert.equal(section?.configuration, 'service "alloy" runs alloy run /etc/alloy/config.alloy (mounted from ./grafana-alloy/config.alloy)');
    assert.deepEqual(section?.telemetry, ["Alloy's own logs leave through loki.write.default."]);
    assert.equal(section?.tables.length, 1);
    const [table] = section?.tables ?? [];
    assert.equal(table?.service, 'service "alloy" mounts grafana-alloy/config.alloy');
    assert.deepEqual(table?.rows, [
      ['LOKI_URL', 'provided', 'docker-compose.base.yml:8'],
      ['API_KEY', 'from the shell, required', 'docker-compose.base.yml:9'],
      ['LOKI_USER', 'missing', '—'],
    ]);
    assert.deepEqual(table?.statuses, ['provided', 'host', 'missing']);
    assert.match(table?.footer ?? '', /^1 variable is missing/);
  });

  it('gives one table per compose project, and names an unknown variable', () => {
    const other: EnvReport = { ...base, composeFiles: ['docker-compose.test.yml'], variables: [{ name: 'TEAM', status: 'unknown', source: 'docker-compose.test.yml:7', via: 'env_file' }] };
    const entry = { ...report.entries[0]!, envReports: [base, other] };
    const [section] = environmentSections({ report: { entries: [entry] }, names: {} });
    assert.deepEqual(section?.tables.map((t) => t.composeFiles), ['docker-compose.base.yml', 'docker-compose.test.yml']);
    assert.deepEqual(section?.tables[1]?.rows, [['TEAM', 'unknown: its env_file is missing', 'docker-compose.test.yml:7']]);
  });

  it('says why there is no table when no compose service runs the configuration', () => {
    const entry = { files: ['file:///w/a.alloy'], directory: '/w', reason: { kind: 'file' as const, detail: 'a.alloy stands alone' }, notes: ['No compose file applies.'], counts: {}, env: null, envReports: [], explanation: [] };
    const [section] = environmentSections({ report: { entries: [entry] }, names: {} });
    assert.deepEqual(section?.tables, []);
    assert.deepEqual(section?.notes, ['No compose file applies.']);
    assert.deepEqual(environmentSections({ report: { entries: [] }, names: {} }), []);
  });
});
