import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryFileSystem, type FileReadError } from '../../server/src/compose/fileSystem';
import { analyzeConfiguration, parseFile } from '../../server/src/languageService';
import { defaultSettings, resolveSettings } from '../../server/src/settings';
import type { Finding } from '../../server/src/syntax/diagnostic';
import { unionFindings, withConfigurationReason } from '../../server/src/workspace/configurationFindings';
import { withLazyFixes } from '../../server/src/fixes/lazyFixes';
import { hostPathOf, runPath } from '../../server/src/workspace/composeRuns';
import { configurationsOf, discoverConfigurations, type WorkspaceConfigurations } from '../../server/src/workspace/configurations';
import { globToRegExp } from '../../server/src/workspace/globs';

function discover(files: Record<string, string | FileReadError>, patterns?: string[]): WorkspaceConfigurations {
  return discoverConfigurations({ root: '/w', fs: memoryFileSystem(files), hostEnv: {}, ...(patterns ? { patterns } : {}) });
}

/** Each configuration as `kind: file + file`, paths relative to /w. */
function shape(found: WorkspaceConfigurations): string[] {
  return found.configurations.map((c) => `${c.reason.kind}: ${c.files.map((f) => f.slice('/w/'.length)).join(' + ')}`);
}

const WRITE = 'prometheus.remote_write "default" {\n  endpoint {\n    url = "http://mimir:9009/api/v1/push"\n  }\n}\n';
const SCRAPE = 'prometheus.scrape "app" {\n  targets    = [{"__address__" = "app:8080"}]\n  forward_to = [prometheus.remote_write.default.receiver]\n}\n';
const LIVEDEBUGGING = 'livedebugging {\n  enabled = true\n}\n';

describe('discoverConfigurations', () => {
  it('keeps alternatives side by side apart: each file is its own configuration', () => {
    const files = {
      '/w/config.alloy': LIVEDEBUGGING + WRITE + SCRAPE,
      '/w/config-cloud.alloy': LIVEDEBUGGING + WRITE,
    };
    const found = discover(files);
    assert.deepEqual(shape(found), ['file: config-cloud.alloy', 'file: config.alloy']);
    assert.match(found.configurations[0]?.reason.detail ?? '', /stands alone: config-cloud\.alloy and config\.alloy both declare livedebugging/);
    // Checked one by one, neither gets a duplicate-block error.
    for (const c of found.configurations) {
      const parsed = c.files.map((f) => parseFile(f, files[f as keyof typeof files]));
      assert.deepEqual(analyzeConfiguration(parsed, defaultSettings).findings.filter((f) => f.severity === 'error'), []);
    }
  });

  it('checks one file per container: each compose service runs its own file', () => {
    const compose = [
      'services:',
      '  alloy-lb:',
      '    image: grafana/alloy:v1.18.1',
      '    volumes:',
      '      - ./config-lb.alloy:/etc/alloy/config.alloy',
      '    command: run --server.http.listen-addr=0.0.0.0:12345 --storage.path=/var/lib/alloy/data /etc/alloy/config.alloy',
      '  alloy-downstream:',
      '    image: grafana/alloy:v1.18.1',
      '    volumes:',
      '      - ./config-downstream.alloy:/etc/alloy/config.alloy',
      '    command: ["run", "/etc/alloy/config.alloy"]',
      '',
    ].join('\n');
    const found = discover({ '/w/docker-compose.yml': compose, '/w/config-lb.alloy': LIVEDEBUGGING + WRITE, '/w/config-downstream.alloy': LIVEDEBUGGING + SCRAPE });
    assert.deepEqual(shape(found), ['compose-command: config-downstream.alloy', 'compose-command: config-lb.alloy']);
    assert.equal(
      found.configurations[1]?.reason.detail,
      'service "alloy-lb" runs alloy run /etc/alloy/config.alloy (mounted from ./config-lb.alloy)',
    );
  });

  it('treats a folder imported with import.file as modules, each file on its own, never as configurations', () => {
    const found = discover({
      '/w/config.alloy': 'import.file "lib" {\n  filename = "modules"\n}\n\nlib.helper "x" { }\n',
      '/w/modules/a.alloy': 'declare "helper" {\n  argument "in" { }\n}\n',
      '/w/modules/b.alloy': 'declare "other" { }\n',
    });
    assert.deepEqual(shape(found), ['file: config.alloy', 'module: modules/a.alloy', 'module: modules/b.alloy']);
    assert.equal(found.configurations[1]?.reason.detail, 'imported by import.file "lib" in config.alloy');
  });

  it('follows import.file with file.path_join(module_path, …) from the importing file', () => {
    const found = discover({
      '/w/main.alloy': 'import.file "lib" {\n  filename = file.path_join(module_path, "lib", "util.alloy")\n}\n',
      '/w/lib/util.alloy': 'declare "util" { }\n',
    });
    assert.deepEqual(shape(found), ['module: lib/util.alloy', 'file: main.alloy']);
  });

  it('maps an import.file container path through the mounts of the service that runs the importer', () => {
    const compose = 'services:\n  alloy:\n    image: grafana/alloy\n    volumes:\n      - ./alloy/:/etc/alloy/\n    command: run /etc/alloy/config.alloy\n';
    const found = discover({
      '/w/docker-compose.yml': compose,
      '/w/alloy/config.alloy': 'import.file "helper" {\n  filename = "/etc/alloy/helper.alloy"\n}\n',
      '/w/alloy/helper.alloy': 'declare "parse" { }\n',
    });
    assert.deepEqual(shape(found), ['compose-command: alloy/config.alloy', 'module: alloy/helper.alloy']);
  });

  it('loads a folder when a compose service runs alloy run on a mounted folder', () => {
    const compose = 'services:\n  alloy:\n    image: grafana/alloy:latest\n    volumes:\n      - ./alloy:/etc/alloy\n    command: run /etc/alloy\n';
    const found = discover({ '/w/compose.yaml': compose, '/w/alloy/a.alloy': LIVEDEBUGGING, '/w/alloy/b.alloy': LIVEDEBUGGING });
    assert.deepEqual(shape(found), ['compose-command: alloy/a.alloy + alloy/b.alloy']);
    assert.equal(found.configurations[0]?.reason.detail, 'service "alloy" runs alloy run /etc/alloy (mounted from ./alloy)');
  });

  it("uses the grafana/alloy image's default command when the service sets none", () => {
    const compose = 'services:\n  agent:\n    image: grafana/alloy:v1.18.1\n    volumes:\n      - ./monitoring.alloy:/etc/alloy/config.alloy:ro\n';
    const found = discover({ '/w/docker-compose.yml': compose, '/w/monitoring.alloy': WRITE, '/w/other.alloy': WRITE });
    assert.deepEqual(shape(found), ['compose-default: monitoring.alloy', 'file: other.alloy']);
    assert.match(found.configurations[0]?.reason.detail ?? '', /default alloy run \/etc\/alloy\/config\.alloy \(mounted from \.\/monitoring\.alloy\)/);
  });

  it('reads alloy run from an entrypoint, and drops the default command when the entrypoint is something else', () => {
    const compose = [
      'services:',
      '  custom:',
      '    image: myorg/collector',
      '    entrypoint: ["/bin/alloy", "run"]',
      '    command: ["/etc/alloy/main.alloy"]',
      '    volumes: ["./main.alloy:/etc/alloy/main.alloy"]',
      '  otel:',
      '    image: grafana/alloy',
      '    entrypoint: ["/bin/otelcol", "--config=/etc/alloy/config.yaml"]',
      '    volumes: ["./other.alloy:/etc/alloy/config.alloy"]',
      '',
    ].join('\n');
    const found = discover({ '/w/docker-compose.yml': compose, '/w/main.alloy': WRITE, '/w/other.alloy': SCRAPE });
    assert.deepEqual(shape(found), ['compose-command: main.alloy', 'file: other.alloy']);
  });

  it('checks a file mounted into two services once when both load the same files, and for each otherwise', () => {
    const compose = [
      'services:',
      '  one:',
      '    image: grafana/alloy',
      '    volumes: ["./shared.alloy:/etc/alloy/config.alloy"]',
      '  two:',
      '    image: grafana/alloy',
      '    volumes: ["./shared.alloy:/etc/alloy/config.alloy"]',
      '  three:',
      '    image: grafana/alloy',
      '    volumes: ["./:/etc/alloy"]',
      '    command: run /etc/alloy',
      '',
    ].join('\n');
    const found = discover({ '/w/docker-compose.yml': compose, '/w/shared.alloy': WRITE, '/w/extra.alloy': SCRAPE });
    assert.deepEqual(shape(found), ['compose-command: extra.alloy + shared.alloy', 'compose-default: shared.alloy']);
    assert.match(found.configurations[1]?.reason.detail ?? '', /service "one" .*; also service "two"$/);
    assert.equal(configurationsOf(found, '/w/shared.alloy').length, 2);
  });

  it('makes one configuration of a folder whose files use each other and declare nothing twice', () => {
    const found = discover({ '/w/a-scrape.alloy': SCRAPE, '/w/b-write.alloy': WRITE, '/w/sub/alone.alloy': WRITE });
    assert.deepEqual(shape(found), ['folder: a-scrape.alloy + b-write.alloy', 'file: sub/alone.alloy']);
    assert.equal(
      found.configurations[0]?.reason.detail,
      "the files of the folder use each other's components: a-scrape.alloy uses prometheus.remote_write.default from b-write.alloy",
    );
  });

  it('follows the configurations setting first: a folder, or a glob where each match is one configuration', () => {
    const files = { '/w/a/x.alloy': LIVEDEBUGGING, '/w/a/y.alloy': LIVEDEBUGGING, '/w/envs/dev.alloy': WRITE, '/w/envs/prod.alloy': WRITE };
    assert.deepEqual(shape(discover(files, ['a'])), ['setting: a/x.alloy + a/y.alloy', 'file: envs/dev.alloy', 'file: envs/prod.alloy']);
    const byGlob = discover(files, ['envs/*.alloy']);
    assert.deepEqual(shape(byGlob), ['file: a/x.alloy', 'file: a/y.alloy', 'setting: envs/dev.alloy', 'setting: envs/prod.alloy']);
    assert.equal(byGlob.configurations[2]?.reason.detail, 'matches "envs/*.alloy" in the configurations setting');
  });

  it('skips hidden and dependency folders, and never throws on unreadable files', () => {
    const found = discover({
      '/w/node_modules/pkg/x.alloy': WRITE,
      '/w/.git/x.alloy': WRITE,
      '/w/ok.alloy': WRITE,
      '/w/big.alloy': { error: 'too large' },
    });
    assert.deepEqual(shape(found), ['file: ok.alloy']);
    assert.deepEqual(found.skipped, [{ path: '/w/big.alloy', reason: 'too large' }]);
  });
});

describe('compose run helpers', () => {
  it('finds the path of alloy run, only for Alloy', () => {
    assert.equal(runPath(['run', '--server.http.listen-addr', '0.0.0.0:12345', '/etc/alloy/config.alloy'], true), '/etc/alloy/config.alloy');
    assert.equal(runPath(['/bin/alloy', 'run', '/etc/alloy'], false), '/etc/alloy');
    assert.equal(runPath(['run', '-o', 'experimental-prometheus-rw', '/scripts/load.js'], false), undefined, 'k6 is not Alloy');
    assert.equal(runPath(['otel', '--config=/etc/alloy/config.yaml'], true), undefined);
    assert.equal(runPath(['run', '${CONFIG}'], true), undefined);
  });

  it('maps a container path through the deepest bind mount', () => {
    const mount = (source: string, target: string) => ({ file: '/w/c.yml', range: { start: 0, end: 0 }, line: 1, type: 'bind' as const, source, target, readOnly: false });
    const mounts = [mount('/w', '/etc/alloy'), mount('/w/special.alloy', '/etc/alloy/config.alloy')];
    assert.equal(hostPathOf('/etc/alloy/config.alloy', mounts), '/w/special.alloy');
    assert.equal(hostPathOf('/etc/alloy/sub/x.alloy', mounts), '/w/sub/x.alloy');
    assert.equal(hostPathOf('/var/lib/x.alloy', mounts), undefined);
  });

  it('matches globs by segment', () => {
    assert.ok(globToRegExp('**/*.alloy').test('a/b/c.alloy'));
    assert.ok(globToRegExp('**/*.alloy').test('c.alloy'));
    assert.ok(!globToRegExp('*.alloy').test('a/c.alloy'));
    assert.ok(globToRegExp('envs/{dev,prod}.alloy').test('envs/prod.alloy'));
  });
});

describe('the configurations setting', () => {
  it('is read from the editor settings or the --config file, with a problem for a bad value', () => {
    assert.deepEqual(resolveSettings({ configurations: ['alloy/*.alloy', 'deploy'] }).settings.configurations, ['alloy/*.alloy', 'deploy']);
    assert.deepEqual(resolveSettings(undefined).settings.configurations, []);
    assert.deepEqual(resolveSettings({ configurations: 'alloy' }).problems, ['configurations must be a list of globs or folders']);
  });
});

describe('findings of a file in several configurations', () => {
  const finding = (code: string, start: number): Finding => ({ file: '/w/a.alloy', range: { start, end: start + 1 }, code, severity: 'error', message: `m${start}`, source: 'alloy' });

  it('shows the union, each finding once', () => {
    const union = unionFindings([[finding('duplicate-block', 1), finding('syntax', 2)], [finding('syntax', 2), finding('undefined-reference', 3)]]);
    assert.deepEqual(union.map((f) => `${f.code}@${f.range.start}`), ['duplicate-block@1', 'syntax@2', 'undefined-reference@3']);
  });

  it("names the configuration's reason on findings that depend on its boundary only", () => {
    const reason = { kind: 'folder' as const, detail: "the files of the folder use each other's components" };
    assert.deepEqual(withConfigurationReason(finding('duplicate-block', 1), reason).related?.map((r) => r.message), [
      "configuration (folder): the files of the folder use each other's components",
    ]);
    assert.equal(withConfigurationReason(finding('syntax', 1), reason).related, undefined);
  });

  it('adds the reason without building the finding\'s fixes, which stay readable', () => {
    const reason = { kind: 'folder' as const, detail: 'the folder' };
    let built = 0;
    const lazy = withLazyFixes(finding('undefined-reference', 1), () => {
      built++;
      return [{ title: 'Did you mean b?', edits: [] }];
    });
    const noted = withConfigurationReason(lazy, reason);
    assert.equal(built, 0); // a diagnostics pull never pays for "did you mean"
    assert.equal(noted.fixes?.[0]?.title, 'Did you mean b?');
    assert.equal(built, 1);
  });
});
