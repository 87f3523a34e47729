import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeConfiguration, parseFile } from '../../server/src/languageService';
import { applyEdits } from '../../server/src/fixes/edits';
import { defaultSettings } from '../../server/src/settings';
import type { Finding } from '../../server/src/syntax/diagnostic';
import { withLazyFixes } from '../../server/src/checks/references';

const WRITE = 'prometheus.remote_write "default" {\n\tendpoint {\n\t\turl = "http://mimir:9009/api/v1/push"\n\t}\n}\n';

function undefinedReferences(main: string, other = WRITE): Finding[] {
  const files = [parseFile('/cfg/main.alloy', main), parseFile('/cfg/write.alloy', other)];
  return analyzeConfiguration(files, defaultSettings).findings.filter((f) => f.code === 'undefined-reference');
}

/** Each fix of the one undefined reference: title, preferred mark, and the main file after it. */
function fixesOf(main: string, other = WRITE): { title: string; preferred: boolean; after: string }[] {
  const [finding, ...rest] = undefinedReferences(main, other);
  assert.ok(finding);
  assert.equal(rest.length, 0);
  return (finding.fixes ?? []).map((fix) => ({
    title: fix.title,
    preferred: fix.isPreferred === true,
    after: applyEdits(main, fix.edits.filter((e) => e.file === '/cfg/main.alloy')),
  }));
}

const scrape = (ref: string) => `prometheus.exporter.self "alloy" { }\n\nprometheus.scrape "alloy" {\n\ttargets    = prometheus.exporter.self.alloy.targets\n\tforward_to = [${ref}]\n}\n`;

describe('quick fixes for undefined references', () => {
  it('offers the nearest label of a component of the same name (preferred) and creating the component', () => {
    const fixes = fixesOf(scrape('prometheus.remote_write.defualt.receiver'));
    assert.deepEqual(fixes.map((f) => [f.title, f.preferred]), [
      ['Change to prometheus.remote_write.default', true],
      ['Create prometheus.remote_write "defualt"', false],
    ]);
    assert.equal(fixes[0]?.after, scrape('prometheus.remote_write.default.receiver'));
    assert.equal(fixes[1]?.after, `${scrape('prometheus.remote_write.defualt.receiver')}\nprometheus.remote_write "defualt" { }\n`);
    // The fixed configuration has no undefined reference left.
    assert.deepEqual(undefinedReferences(fixes[0]?.after ?? ''), []);
    assert.deepEqual(undefinedReferences(fixes[1]?.after ?? ''), []);
  });

  it('offers an existing export of the kind the attribute takes when no label is close', () => {
    const fixes = fixesOf(scrape('prometheus.relabel.filter.receiver'));
    assert.deepEqual(fixes.map((f) => f.title), ['Change to prometheus.remote_write.default.receiver', 'Create prometheus.relabel "filter"']);
    assert.equal(fixes[0]?.after, scrape('prometheus.remote_write.default.receiver'));
  });

  it('offers only creation when no label is close and no export fits; never creates a custom component', () => {
    const logs = 'loki.source.file "x" {\n\ttargets    = []\n\tforward_to = [loki.write.zzzzzz.receiver]\n}\n';
    assert.deepEqual(fixesOf(logs).map((f) => f.title), ['Create loki.write "zzzzzz"']);
    const custom = 'declare "pipe" { }\n\nprometheus.scrape "s" {\n\ttargets    = []\n\tforward_to = [pipe.nope.out]\n}\n';
    assert.deepEqual(fixesOf(custom).map((f) => f.title), ['Change to prometheus.remote_write.default.receiver']);
  });
});

describe('the "did you mean" budget', () => {
  it('suggests for the first 100 undefined references of a file, then offers only "create"', () => {
    let main = '';
    for (let i = 0; i < 101; i++) main += `prometheus.scrape "s${i}" {\n\ttargets    = []\n\tforward_to = [prometheus.remote_write.defualt.receiver]\n}\n`;
    const findings = undefinedReferences(main);
    assert.equal(findings.length, 101);
    assert.deepEqual(findings[0]?.fixes?.map((f) => f.title), ['Change to prometheus.remote_write.default', 'Create prometheus.remote_write "defualt"']);
    assert.deepEqual(findings[99]?.fixes?.map((f) => f.title), ['Change to prometheus.remote_write.default', 'Create prometheus.remote_write "defualt"']);
    assert.deepEqual(findings[100]?.fixes?.map((f) => f.title), ['Create prometheus.remote_write "defualt"']);
  });
});

describe('fixes worked out on demand', () => {
  it('computes them on first read only, once, and reads like a plain property', () => {
    let calls = 0;
    const finding = withLazyFixes({ file: '/f.alloy', range: { start: 0, end: 1 }, code: 'undefined-reference', severity: 'error', message: 'm', source: 'alloy' }, () => {
      calls++;
      return [{ title: 'Create it', edits: [] }];
    });
    assert.equal(calls, 0, 'computed before anyone asked');
    assert.deepEqual(finding.fixes?.map((f) => f.title), ['Create it']);
    assert.deepEqual({ ...finding }.fixes?.map((f) => f.title), ['Create it']);
    assert.match(JSON.stringify(finding), /"title":"Create it"/);
    assert.equal(calls, 1);
  });
});
