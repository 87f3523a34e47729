import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryFileSystem, type FileSystem } from '../../server/src/compose/fileSystem';
import { ConfigurationIndex } from '../../server/src/workspace/configurationIndex';
import { discoverConfigurations, type Configuration } from '../../server/src/workspace/configurations';

const WRITE = 'prometheus.remote_write "default" {\n  endpoint {\n    url = "http://mimir:9009/api/v1/push"\n  }\n}\n';
const SCRAPE = 'prometheus.scrape "app" {\n  targets    = [{"__address__" = "app:8080"}]\n  forward_to = [prometheus.remote_write.default.receiver]\n}\n';
const OTHER_SCRAPE = SCRAPE.replace('remote_write.default', 'remote_write.elsewhere');
const LIVEDEBUGGING = 'livedebugging {\n  enabled = true\n}\n';
const COMPOSE = 'services:\n  alloy:\n    image: grafana/alloy:latest\n    command: run /etc/alloy/b.alloy\n    volumes:\n      - ./team:/etc/alloy\n';

/** A file system over `files` as they are now, counting reads. */
function liveFs(files: Record<string, string>): FileSystem & { reads: number } {
  const fs = {
    reads: 0,
    readFile(path: string) {
      fs.reads++;
      return memoryFileSystem(files).readFile(path);
    },
    listDir: (path: string) => memoryFileSystem(files).listDir(path),
  };
  return fs;
}

function shape(configurations: readonly Configuration[]): string[] {
  return configurations.map((c) => `${c.reason.kind}: ${c.files.map((f) => f.slice('/w/'.length)).join(' + ')} (${c.reason.detail})`);
}

/** The index must answer what a discovery from scratch answers, for every file. */
function assertLikeFresh(index: ConfigurationIndex, files: Record<string, string>): void {
  const fresh = discoverConfigurations({ root: '/w', fs: memoryFileSystem(files), hostEnv: {} });
  assert.deepEqual(shape(index.all().configurations), shape(fresh.configurations));
  for (const file of Object.keys(files).filter((f) => f.endsWith('.alloy'))) {
    assert.deepEqual(shape(index.configurationsOf(file)), shape(fresh.configurations.filter((c) => c.files.includes(file))), file);
  }
}

describe('ConfigurationIndex', () => {
  it('answers like a discovery from scratch after edits, creations, deletions and compose changes', () => {
    const files: Record<string, string> = {
      '/w/team/a.alloy': OTHER_SCRAPE,
      '/w/team/b.alloy': WRITE,
      '/w/team/c.alloy': LIVEDEBUGGING,
      '/w/solo/config.alloy': LIVEDEBUGGING + WRITE,
    };
    const fs = liveFs(files);
    const index = new ConfigurationIndex({ root: '/w', fs, hostEnv: {} });
    assertLikeFresh(index, files);

    // a.alloy now uses b.alloy's remote_write: one folder configuration.
    files['/w/team/a.alloy'] = SCRAPE;
    index.changed('/w/team/a.alloy', 'changed');
    assertLikeFresh(index, files);
    assert.deepEqual(shape(index.configurationsOf('/w/team/b.alloy')).map((s) => s.split(' (')[0]), ['folder: team/a.alloy + team/b.alloy']);

    // A new file declaring what c.alloy declares: they are alternatives.
    files['/w/team/d.alloy'] = LIVEDEBUGGING;
    index.changed('/w/team/d.alloy', 'created');
    assertLikeFresh(index, files);

    delete files['/w/team/b.alloy'];
    index.changed('/w/team/b.alloy', 'deleted');
    assertLikeFresh(index, files);

    files['/w/team/b.alloy'] = WRITE;
    index.changed('/w/team/b.alloy', 'created');
    files['/w/docker-compose.yml'] = COMPOSE;
    index.changed('/w/docker-compose.yml', 'created');
    assertLikeFresh(index, files);
    assert.equal(index.configurationsOf('/w/team/b.alloy')[0]?.reason.kind, 'compose-command');

    // An import makes the imported file a module.
    files['/w/solo/config.alloy'] = `import.file "lib" {\n  filename = "lib.alloy"\n}\n${WRITE}`;
    files['/w/solo/lib.alloy'] = 'declare "x" { }\n';
    index.changed('/w/solo/config.alloy', 'changed');
    index.changed('/w/solo/lib.alloy', 'created');
    assertLikeFresh(index, files);
    assert.equal(index.configurationsOf('/w/solo/lib.alloy')[0]?.reason.kind, 'module');
    // New folders were seen by walking again; nothing else was.
    assert.ok(index.stats().walks <= 2);
  });

  it('reads only the edited file when an edit changes no import, block or reference', () => {
    const files: Record<string, string> = { '/w/team/a.alloy': SCRAPE, '/w/team/b.alloy': WRITE };
    for (let i = 0; i < 50; i++) files[`/w/f${i}/config.alloy`] = LIVEDEBUGGING;
    const fs = liveFs(files);
    const index = new ConfigurationIndex({ root: '/w', fs, hostEnv: {} });
    const first = shape(index.configurationsOf('/w/team/a.alloy'));
    const { reads, walks } = { reads: fs.reads, walks: index.stats().walks };
    files['/w/team/a.alloy'] = `// typing\n${SCRAPE.replace('8080', '9090')}`;
    index.changed('/w/team/a.alloy', 'changed');
    assert.deepEqual(shape(index.configurationsOf('/w/team/a.alloy')), first);
    assert.equal(fs.reads - reads, 1);
    assert.equal(index.stats().walks, walks);
  });

  it('follows an editor buffer by its version stamp, and the disk again once it closes', () => {
    const files: Record<string, string> = { '/w/a.alloy': SCRAPE, '/w/b.alloy': WRITE };
    const buffers = new Map<string, { version: number; text: string }>();
    const base = liveFs(files);
    const fs: FileSystem = { readFile: (p) => buffers.get(p)?.text ?? base.readFile(p), listDir: (p) => base.listDir(p) };
    const index = new ConfigurationIndex({ root: '/w', fs, hostEnv: {}, stampOf: (p) => (buffers.has(p) ? `v${buffers.get(p)?.version}` : undefined) });
    assert.equal(index.configurationsOf('/w/a.alloy')[0]?.reason.kind, 'folder');
    // The unsaved buffer stops using b.alloy.
    buffers.set('/w/a.alloy', { version: 2, text: OTHER_SCRAPE });
    index.changed('/w/a.alloy');
    assert.deepEqual(shape(index.configurationsOf('/w/a.alloy')).map((s) => s.split(' (')[0]), ['file: a.alloy']);
    // Closed without saving: the disk's text counts again.
    buffers.delete('/w/a.alloy');
    index.changed('/w/a.alloy');
    assert.equal(index.configurationsOf('/w/a.alloy')[0]?.reason.kind, 'folder');
  });

  it('groups a folder of 2,000 files: a chain of uses is one configuration, a clash splits it', () => {
    const files: Record<string, string> = {};
    const name = (i: number) => `/w/big/f${String(i).padStart(4, '0')}.alloy`;
    for (let i = 0; i < 2000; i++) {
      const uses = i < 1999 ? `  forward_to = [prometheus.remote_write.w${i + 1}.receiver]\n` : '';
      files[name(i)] = `prometheus.remote_write "w${i}" {\n  endpoint {\n    url = "http://x"\n  }\n}\nprometheus.scrape "s${i}" {\n  targets = []\n${uses}}\n`;
    }
    const chain = discoverConfigurations({ root: '/w', fs: memoryFileSystem(files), hostEnv: {} });
    assert.equal(chain.configurations.length, 1);
    assert.equal(chain.configurations[0]?.files.length, 2000);
    assert.match(chain.configurations[0]?.reason.detail ?? '', /f0000\.alloy uses prometheus\.remote_write\.w1 from f0001\.alloy/);

    files[name(1500)] = `${files[name(1500)]}${LIVEDEBUGGING}`;
    files[name(1700)] = `${files[name(1700)]}${LIVEDEBUGGING}`;
    const split = discoverConfigurations({ root: '/w', fs: memoryFileSystem(files), hostEnv: {} });
    assert.equal(split.configurations.length, 2000);
    assert.match(split.configurations[0]?.reason.detail ?? '', /stands alone: f1500\.alloy and f1700\.alloy both declare livedebugging/);
  });

  it('never throws on a file that cannot be read or a change to a path it never saw', () => {
    const fs: FileSystem = {
      readFile: (p) => (p === '/w/bad.alloy' ? { error: 'binary' } : memoryFileSystem({ '/w/ok.alloy': WRITE }).readFile(p)),
      listDir: (p) => (p === '/w' ? ['bad.alloy', 'ok.alloy'] : undefined),
    };
    const index = new ConfigurationIndex({ root: '/w', fs, hostEnv: {} });
    assert.deepEqual(index.all().skipped, [{ path: '/w/bad.alloy', reason: 'binary' }]);
    index.changed('/elsewhere/x.alloy', 'created');
    index.changed('/w/ok.alloy');
    assert.deepEqual(shape(index.configurationsOf('/w/ok.alloy')).map((s) => s.split(' (')[0]), ['file: ok.alloy']);
  });
});
