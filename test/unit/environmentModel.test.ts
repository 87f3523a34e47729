import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { environmentSections } from '../../client/src/pipeline/environmentModel';
import type { ComposeReportResult } from '../../server/src/protocol';

const report: ComposeReportResult = {
  entries: [
    {
      files: ['file:///w/grafana-alloy/config.alloy'],
      directory: '/w/grafana-alloy',
      notes: [],
      counts: { 'env/missing': 1 },
      env: {
        service: 'alloy',
        reason: 'mount',
        explanation: 'service "alloy" mounts grafana-alloy/config.alloy',
        composeFiles: ['docker-compose.base.yml'],
        variables: [
          { name: 'LOKI_URL', status: 'provided', source: 'docker-compose.base.yml:8', via: 'environment' },
          { name: 'API_KEY', status: 'host', source: 'docker-compose.base.yml:9', via: 'environment', requiredByCompose: true },
          { name: 'LOKI_USER', status: 'missing', source: null, via: null },
        ],
      },
    },
  ],
};

describe('compose environment table', () => {
  it('gives one row per variable, names the service once, and points at the quick fix', () => {
    const [section] = environmentSections({ report, names: { 'file:///w/grafana-alloy/config.alloy': 'grafana-alloy/config.alloy' } });
    assert.equal(section?.title, 'grafana-alloy/config.alloy');
    assert.equal(section?.service, 'service "alloy" mounts grafana-alloy/config.alloy');
    assert.deepEqual(section?.rows, [
      ['LOKI_URL', 'provided', 'docker-compose.base.yml:8'],
      ['API_KEY', 'from the shell, required', 'docker-compose.base.yml:9'],
      ['LOKI_USER', 'missing', '—'],
    ]);
    assert.deepEqual(section?.statuses, ['provided', 'host', 'missing']);
    assert.match(section?.footer ?? '', /^1 variable is missing/);
  });

  it('says why there is no table when no compose service runs the configuration', () => {
    const [section] = environmentSections({ report: { entries: [{ files: ['file:///w/a.alloy'], directory: '/w', notes: ['No compose file applies.'], counts: {}, env: null }] }, names: {} });
    assert.equal(section?.service, undefined);
    assert.deepEqual(section?.notes, ['No compose file applies.']);
    assert.deepEqual(environmentSections({ report: { entries: [] }, names: {} }), []);
  });
});
