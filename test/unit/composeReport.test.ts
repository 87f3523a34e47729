import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderComposeReport } from '../../client/src/composeReport';

describe('compose report rendering', () => {
  it('lists the service, the files and every variable with its status and source', () => {
    const text = renderComposeReport(
      {
        entries: [
          {
            files: ['file:///w/grafana-alloy/config.alloy'],
            directory: '/w/grafana-alloy',
            reason: { kind: 'compose-command', detail: 'service "alloy" runs alloy run /etc/alloy/config.alloy (mounted from ./config.alloy)' },
            notes: [],
            counts: { 'env/missing': 1 },
            envReports: [],
            explanation: ["Alloy's own traces are not exported: there is no tracing block with write_to, so they are dropped."],
            env: {
              service: 'alloy',
              reason: 'mount',
              explanation: 'service "alloy" mounts grafana-alloy/config.alloy',
              composeFiles: ['docker-compose.base.yml'],
              variables: [
                { name: 'LOKI_URL', status: 'provided', source: 'docker-compose.base.yml:12', via: 'environment' },
                { name: 'API_KEY', status: 'host', source: 'docker-compose.base.yml:13', via: 'environment', requiredByCompose: true, hasDefault: false },
                { name: 'LOKI_USER', status: 'missing', source: null, via: null },
              ],
            },
          },
        ],
      },
      (uri) => uri.replace('file:///w/', ''),
    );
    assert.match(text, /^## grafana-alloy\/config\.alloy$/m);
    assert.match(text, /\*\*Configuration:\*\* service "alloy" runs alloy run \/etc\/alloy\/config\.alloy \(mounted from \.\/config\.alloy\)/);
    assert.match(text, /\*\*Service:\*\* `alloy` — service "alloy" mounts/);
    assert.match(text, /\| `LOKI_URL` \| ✅ provided \| `docker-compose\.base\.yml:12` \|/);
    assert.match(text, /\| `API_KEY` \| ↪️ left to the host at `docker compose up` \(compose refuses to start without it\) \|/);
    assert.match(text, /\| `LOKI_USER` \| ❌ missing \| — \|/);
    assert.match(text, /1 variable is missing/);
    assert.match(text, /^- Alloy's own traces are not exported: /m);
    assert.doesNotMatch(text, /^### /m);
  });

  it('one section per compose project, and variables left unknown by a missing env_file', () => {
    const report = (files: string[], status: 'unknown' | 'provided') => ({
      service: 'alloy',
      reason: 'mount' as const,
      explanation: 'service "alloy" mounts config.alloy',
      composeFiles: files,
      variables: [{ name: 'TEAM', status, source: 'compose.yaml:7', via: 'env_file' as const }],
    });
    const first = report(['compose.yaml'], 'unknown');
    const text = renderComposeReport(
      { entries: [{ files: ['file:///w/a/config.alloy'], directory: '/w/a', reason: { kind: 'file', detail: 'config.alloy is the only .alloy file of its folder' }, env: first, envReports: [first, report(['docker-compose.test.yml'], 'provided')], explanation: [], notes: [], counts: {} }] },
      (uri) => uri,
    );
    assert.match(text, /^### `compose\.yaml`$/m);
    assert.match(text, /^### `docker-compose\.test\.yml`$/m);
    assert.match(text, /\| `TEAM` \| ❔ unknown \(its env_file is missing\) \| `compose\.yaml:7` \|/);
  });

  it('says plainly when there is no compose file or no Alloy service', () => {
    const text = renderComposeReport(
      { entries: [{ files: ['file:///w/a/config.alloy'], directory: '/w/a', reason: { kind: 'file', detail: 'config.alloy is the only .alloy file of its folder' }, env: null, envReports: [], explanation: [], notes: ['No compose file applies to this configuration.'], counts: {} }] },
      (uri) => uri,
    );
    assert.match(text, /> No compose file applies to this configuration\./);
    assert.equal(renderComposeReport({ entries: [] }, (u) => u).includes('No `.alloy` configuration was found'), true);
  });
});
