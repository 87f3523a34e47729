import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkVersions, compareVersions, runningAlloy, stabilityOfCommand, versionOfImage } from '../../server/src/checks/versions';
import { run } from '../../server/src/cli/main';
import { memoryFileSystem } from '../../server/src/compose/fileSystem';
import { analyzeConfiguration, parseFile } from '../../server/src/languageService';
import { newestRelease } from '../../server/src/semantic/catalogGenerated';
import { buildModel } from '../../server/src/semantic/model';
import { resolveSettings } from '../../server/src/settings';

const settings = (input: object = {}) => resolveSettings(input).settings;

function findings(text: string, running: ReturnType<typeof runningAlloy>): string[] {
  const file = parseFile('/t/main.alloy', text);
  return checkVersions(buildModel([file]), running).map((f) => {
    const at = file.parse.lineIndex.alloyPosition(f.range.start);
    return `${at.line}:${at.column} ${f.severity} ${f.message}`;
  });
}

const WRITE_QUEUE = 'prometheus.write.queue "q" {\n}\n';

describe('the Alloy that runs', () => {
  it('reads the version from the image tag: a release, latest, none, or something else', () => {
    assert.equal(versionOfImage('grafana/alloy:v1.9.1'), '1.9.1');
    assert.equal(versionOfImage('docker.io/grafana/alloy:v1.10.0-boringcrypto'), '1.10.0');
    assert.equal(versionOfImage('grafana/alloy:latest'), newestRelease);
    assert.equal(versionOfImage('grafana/alloy'), newestRelease);
    assert.equal(versionOfImage('localhost:5000/grafana/alloy'), newestRelease, 'a registry port is not a tag');
    assert.equal(versionOfImage('grafana/alloy:main-3f2a1b'), undefined);
    assert.equal(newestRelease, '1.18.0');
  });

  it('reads --stability.level in both spellings', () => {
    assert.equal(stabilityOfCommand(['run', '--stability.level=experimental', '/etc/alloy']), 'experimental');
    assert.equal(stabilityOfCommand(['run', '--stability.level', 'public-preview']), 'public-preview');
    assert.equal(stabilityOfCommand(['run', '/etc/alloy']), undefined);
  });

  it('lets a setting win over the compose service, and the service over the defaults', () => {
    const service = { image: 'grafana/alloy:v1.9.1', command: ['run', '--stability.level=experimental'] };
    assert.deepEqual(runningAlloy(settings(), service), { version: '1.9.1', versionFrom: 'compose', stability: 'experimental', stabilityFrom: 'compose' });
    assert.deepEqual(runningAlloy(settings({ alloyVersion: 'v1.4', stabilityLevel: 'public-preview' }), service), {
      version: '1.4.0',
      versionFrom: 'setting',
      stability: 'public-preview',
      stabilityFrom: 'setting',
    });
    assert.deepEqual(runningAlloy(settings(), null), { version: newestRelease, versionFrom: 'newest', stability: 'generally-available', stabilityFrom: 'default' });
    assert.ok(compareVersions('1.10.0', '1.9.1') > 0);
  });
});

describe('what the running Alloy lacks or refuses', () => {
  it('says when a component came later or was removed', () => {
    const at = (version: string) => runningAlloy(settings({ alloyVersion: version, stabilityLevel: 'experimental' }), null);
    assert.deepEqual(findings(WRITE_QUEUE, at('1.4.0')), ['1:1 error component "prometheus.write.queue" is not in Alloy v1.4.0: added in v1.5.0']);
    assert.deepEqual(findings(WRITE_QUEUE, at('1.18.0')), []);
    assert.deepEqual(findings(WRITE_QUEUE, at('1.19.0')), ['1:1 error component "prometheus.write.queue" is not in Alloy v1.19.0: removed in v1.19.0']);
    // A component there since v1.0.0 is never reported.
    assert.deepEqual(findings('prometheus.scrape "s" {\n\ttargets    = []\n\tforward_to = []\n}\n', at('1.0.0')), []);
  });

  it('reports components, foreach and stdlib functions below the level, as errors only when the level is known', () => {
    const text = 'otelcol.exporter.debug "d" { }\n\nforeach "f" {\n\tcollection = array.combine_maps([], [], "k")\n\tvar        = "x"\n\n\ttemplate { }\n}\n';
    const ga = findings(text, runningAlloy(settings({ stabilityLevel: 'generally-available' }), null));
    assert.deepEqual(ga, [
      '1:1 error component "otelcol.exporter.debug" is at stability level "experimental", which is below the minimum allowed stability level "generally-available". Use --stability.level command-line flag to enable "experimental" features',
      '3:1 error foreach block "foreach" is at stability level "experimental", which is below the minimum allowed stability level "generally-available". Use --stability.level command-line flag to enable "experimental" features',
      '4:15 error array.combine_maps is at stability level "experimental", which is below the minimum allowed stability level "generally-available". Use --stability.level command-line flag to enable "experimental" features',
    ]);
    const unknown = findings(text, runningAlloy(settings(), null));
    assert.deepEqual(unknown.map((f) => f.split(' ')[1]), ['information', 'information', 'information']);
    assert.deepEqual(findings(text, runningAlloy(settings({ stabilityLevel: 'experimental' }), null)), []);
  });

  it('takes --alloy-version and --stability-level on the CLI, and refuses bad values', () => {
    let err = '';
    assert.equal(run(['check', '--alloy-version', 'soon', '/nonexistent.alloy'], () => {}, (s) => (err += s)), 2);
    assert.match(err, /--alloy-version must be a version/);
    assert.equal(run(['check', '--stability-level', 'beta', '/nonexistent.alloy'], () => {}, () => {}), 2);
  });
});

describe('the compose service decides', () => {
  function analyze(command: string): string[] {
    const compose = `services:\n  alloy:\n    image: grafana/alloy:v1.9.1\n    command: ${command}\n    volumes:\n      - ./config.alloy:/etc/alloy/config.alloy\n`;
    const text = 'prometheus.enrich "e" {\n\ttargets    = []\n\tforward_to = []\n}\n';
    const fs = memoryFileSystem({ '/repo/.git/HEAD': 'ref: refs/heads/main\n', '/repo/docker-compose.yml': compose, '/repo/config.alloy': text });
    const { findings } = analyzeConfiguration([parseFile('/repo/config.alloy', text)], settings(), { fs, hostEnv: {}, rootDir: '/repo' });
    return findings.filter((f) => /^(version|stability)\//.test(f.code)).map((f) => `${f.severity} ${f.message.split(',')[0]}`);
  }

  it('reads the image tag and the --stability.level flag of the service', () => {
    assert.deepEqual(analyze('["run", "/etc/alloy/config.alloy"]'), [
      'error component "prometheus.enrich" is not in Alloy v1.9.1: added in v1.11.0',
      'error component "prometheus.enrich" is at stability level "experimental"',
    ]);
    assert.deepEqual(analyze('["run", "--stability.level=experimental", "/etc/alloy/config.alloy"]'), [
      'error component "prometheus.enrich" is not in Alloy v1.9.1: added in v1.11.0',
    ]);
  });

  it('offers to add the flag to the service\'s command', () => {
    const compose = 'services:\n  alloy:\n    image: grafana/alloy:v1.18.0\n    command: ["run", "/etc/alloy/config.alloy"]\n    volumes:\n      - ./config.alloy:/etc/alloy/config.alloy\n';
    const text = 'otelcol.exporter.debug "d" { }\n';
    const fs = memoryFileSystem({ '/repo/.git/HEAD': 'ref: refs/heads/main\n', '/repo/docker-compose.yml': compose, '/repo/config.alloy': text });
    const { findings } = analyzeConfiguration([parseFile('/repo/config.alloy', text)], settings(), { fs, hostEnv: {}, rootDir: '/repo' });
    const finding = findings.find((f) => f.code === 'stability/below-level');
    assert.equal(finding?.severity, 'error');
    const edit = finding?.fixes?.[0]?.edits[0];
    assert.equal(edit?.file, '/repo/docker-compose.yml');
    assert.ok(edit);
    assert.match(compose.slice(0, edit.range.start) + edit.newText + compose.slice(edit.range.end), /command: \["run", "--stability.level=experimental", "\/etc\/alloy\/config.alloy"\]/);
  });
});
