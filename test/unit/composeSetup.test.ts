/**
 * The compose setup of a configuration, kept between analyses: a keystroke
 * reads no compose file, `.env` or folder again, and whatever changes (a
 * compose file edited in an open buffer, saved, deleted, created; `.env` or an
 * env_file changed; a compose file appearing in a parent folder; settings
 * changed) the findings are those of a check that keeps nothing. Each case is
 * run through the compose check and through the language service.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkComposeEnvironment, type CheckComposeEnvironmentOptions } from '../../server/src/compose/checkComposeEnvironment';
import { composeSetupKey, loadComposeSetup, type ComposeSetup, type ComposeSetupCache } from '../../server/src/compose/composeSetup';
import type { EnvUsage } from '../../server/src/compose/composeFindings';
import { memoryFileSystem, overlayFileSystem, type FileSystem } from '../../server/src/compose/fileSystem';
import { analyzeConfiguration, parseFile } from '../../server/src/languageService';
import { ComposeSetups } from '../../server/src/service/composeSetups';
import { createLanguageService } from '../../server/src/service/languageService';
import { resolveSettings, type Settings } from '../../server/src/settings';
import type { Finding } from '../../server/src/syntax/diagnostic';

const CONFIG = '/repo/app/config.alloy';
const TEXT = [
  'logging {',
  '\tlevel = sys.env("LEVEL")',
  '}',
  'prometheus.remote_write "rw" {',
  '\tendpoint {',
  '\t\turl = sys.env("REMOTE_URL")',
  '\t\tbearer_token = sys.env("TOKEN")',
  '\t}',
  '}',
  '',
].join('\n');

/** The usages the configuration's text has, as the model finds them (offsets do not matter here). */
const usagesOf = (...names: string[]): EnvUsage[] => names.map((name, i) => ({ name, file: CONFIG, range: { start: i, end: i + 1 } }));
const USAGES = usagesOf('LEVEL', 'REMOTE_URL', 'TOKEN');

const compose = (mount: string, environment: string[]) =>
  ['services:', '  alloy:', '    image: grafana/alloy:v1.9.1', '    volumes:', `      - ${mount}:/etc/alloy/config.alloy`, '    env_file:', '      - alloy.env', '    environment:', ...environment.map((line) => `      ${line}`), ''].join('\n');
const APP_COMPOSE = compose('./config.alloy', ['LEVEL: ${LEVEL_VALUE}']);

/**
 * Files on disk and open buffers, each with a version, as the server sees
 * them: a buffer is stamped by its version, a file by its content's version,
 * a folder by its entries on disk (as its mtime changes when entries come and
 * go; an unsaved buffer does not change it).
 */
function world() {
  const disk: Record<string, string> = {
    '/repo/.git/HEAD': 'ref: refs/heads/main\n',
    [CONFIG]: TEXT,
    '/repo/app/compose.yaml': APP_COMPOSE,
    '/repo/app/.env': 'LEVEL_VALUE=info\n',
    '/repo/app/alloy.env': 'TOKEN=abc\n',
    '/repo/app/.env.example': 'LEVEL_VALUE=\n',
  };
  const buffers = new Map<string, string>();
  const versions = new Map<string, number>();
  const bump = (path: string) => versions.set(path, (versions.get(path) ?? 0) + 1);
  const hostEnv = {};
  let reads = 0;
  const counted = (fs: FileSystem): FileSystem => ({
    readFile: (path) => (reads++, fs.readFile(path)),
    listDir: (path) => (reads++, fs.listDir(path)),
    exists: (path) => (reads++, fs.exists?.(path) ?? false),
  });
  return {
    stampOf(path: string): string {
      if (buffers.has(path)) return `buffer:${versions.get(path) ?? 0}`;
      if (path in disk) return `disk:${versions.get(path) ?? 0}`;
      const entries = Object.keys(disk).filter((p) => p.startsWith(`${path}/`));
      return entries.length > 0 ? `dir:${entries.sort().join(',')}` : 'absent';
    },
    fs: () => counted(overlayFileSystem(buffers, memoryFileSystem(disk))),
    hostEnv,
    write(path: string, text: string) {
      disk[path] = text;
      bump(path);
    },
    remove(path: string) {
      delete disk[path];
      bump(path);
    },
    type(path: string, text: string) {
      buffers.set(path, text);
      bump(path);
    },
    close(path: string) {
      buffers.delete(path);
      bump(path);
    },
    /** Reads through the file system since the last call. */
    reads() {
      const n = reads;
      reads = 0;
      return n;
    },
  };
}
type World = ReturnType<typeof world>;

/** One change, the settings after it, and the env and compose codes it leads to. */
interface Step {
  name: string;
  change(w: World): void;
  settings?: { compose: { files?: string[]; service?: string } };
  codes: string[];
}

const STEPS: Step[] = [
  { name: 'nothing changed (a keystroke)', change: () => {}, codes: ['env/missing'] },
  {
    name: 'the compose file edited in an open buffer',
    change: (w) => w.type('/repo/app/compose.yaml', compose('./config.alloy', ['LEVEL: ${LEVEL_VALUE}', 'REMOTE_URL: http://mimir:9009'])),
    codes: [],
  },
  {
    name: 'the buffer typed on: the variable dropped again',
    change: (w) => w.type('/repo/app/compose.yaml', APP_COMPOSE),
    codes: ['env/missing'],
  },
  {
    name: 'the buffer saved with the variable, and closed',
    change: (w) => {
      w.write('/repo/app/compose.yaml', compose('./config.alloy', ['LEVEL: ${LEVEL_VALUE}', 'REMOTE_URL: http://mimir:9009']));
      w.close('/repo/app/compose.yaml');
    },
    codes: [],
  },
  { name: '.env changed: the value interpolated is now empty', change: (w) => w.write('/repo/app/.env', 'LEVEL_VALUE=\n'), codes: ['env/empty'] },
  { name: 'the env_file changed', change: (w) => w.write('/repo/app/alloy.env', 'TOKEN=\n'), codes: ['env/empty', 'env/empty'] },
  { name: 'the env_file deleted', change: (w) => w.remove('/repo/app/alloy.env'), codes: ['compose/env-file-missing', 'env/empty'] },
  { name: 'the compose file deleted', change: (w) => w.remove('/repo/app/compose.yaml'), codes: [] },
  {
    name: 'a compose file appears in a parent folder',
    change: (w) => w.write('/repo/compose.yaml', compose('./app/config.alloy', ['LEVEL: debug'])),
    codes: ['compose/env-file-missing'],
  },
  {
    name: 'the parent compose file gets its env_file',
    change: (w) => w.write('/repo/alloy.env', 'REMOTE_URL=http://mimir:9009\n'),
    codes: ['env/missing'],
  },
  { name: 'a compose file created in the configuration\'s folder again', change: (w) => w.write('/repo/app/compose.yaml', APP_COMPOSE), codes: ['compose/env-file-missing', 'env/empty'] },
  { name: 'the service setting names a service that does not exist', change: () => {}, settings: { compose: { service: 'agent' } }, codes: ['compose/service-not-found'] },
  { name: 'the compose files setting picks the parent file', change: () => {}, settings: { compose: { files: ['compose.yaml'] } }, codes: ['env/missing'] },
  { name: 'the settings back to none', change: () => {}, codes: ['compose/env-file-missing', 'env/empty'] },
];

const codesOf = (findings: readonly Finding[]) => findings.map((f) => f.code).filter((code) => code.startsWith('env/') || code.startsWith('compose/'));
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function settingsOf(step: Step): Settings {
  const { settings } = resolveSettings(step.settings ?? {});
  return settings;
}

describe('the compose setup kept per configuration: through the compose check', () => {
  const options = (w: World, fs: FileSystem, step: Step): CheckComposeEnvironmentOptions => {
    const settings = settingsOf(step);
    return {
      configFiles: [CONFIG],
      usages: USAGES,
      fs,
      hostEnv: w.hostEnv,
      rootDir: '/repo',
      ...(settings.compose.files.length > 0 ? { composeFiles: settings.compose.files } : {}),
      ...(settings.compose.service ? { serviceName: settings.compose.service } : {}),
    };
  };

  it('gives the findings and reports of a check that keeps nothing, whatever changed', () => {
    const w = world();
    const setups = new ComposeSetups(w.stampOf, 8);
    for (const step of STEPS) {
      step.change(w);
      const fs = w.fs();
      const kept = checkComposeEnvironment({ ...options(w, fs, step), setups: setups.forAnalysis(fs, new Map()) });
      const fresh = checkComposeEnvironment(options(w, w.fs(), step));
      assert.deepEqual(plain(kept), plain(fresh), step.name);
      assert.deepEqual(codesOf(kept.findings), step.codes, step.name);
    }
  });

  it('reads no file or folder again while none of them changed', () => {
    const w = world();
    const setups = new ComposeSetups(w.stampOf, 8);
    const step = STEPS[0] as Step;
    const first = w.fs();
    checkComposeEnvironment({ ...options(w, first, step), setups: setups.forAnalysis(first, new Map()) });
    assert.ok(w.reads() > 0);
    const again = w.fs();
    const dependencies = new Map<string, string>();
    checkComposeEnvironment({ ...options(w, again, step), setups: setups.forAnalysis(again, dependencies) });
    assert.equal(w.reads(), 0);
    // What the kept setup read is what the analysis depends on.
    for (const path of ['/repo/app', '/repo/app/compose.yaml', '/repo/app/.env', '/repo/app/alloy.env', '/repo/app/.env.example']) {
      assert.ok(dependencies.has(path), path);
    }
    // Another host environment may set COMPOSE_FILE or fill in other values: its own setup.
    const other = w.fs();
    const hostEnv = { COMPOSE_FILE: 'compose.yaml:compose.extra.yaml' };
    const withOther = checkComposeEnvironment({ ...options(w, other, step), hostEnv, setups: setups.forAnalysis(other, new Map()) });
    assert.ok(w.reads() > 0);
    assert.deepEqual(plain(withOther), plain(checkComposeEnvironment({ ...options(w, w.fs(), step), hostEnv })));
    assert.deepEqual(codesOf(withOther.findings), ['compose/file-missing', 'env/missing']);
  });

  it('resolves the variables each check reads against the kept setup', () => {
    const w = world();
    w.remove('/repo/app/alloy.env');
    w.write('/repo/app/alloy.env.example', 'TOKEN=\nREMOTE_URL=\n');
    const kept = new Map<string, ComposeSetup>();
    // A cache that never lets go: every check below uses the setup the first one loaded.
    const forever: ComposeSetupCache = {
      get(setupOptions, load) {
        const key = composeSetupKey(setupOptions);
        const setup = kept.get(key) ?? load(setupOptions.fs);
        kept.set(key, setup);
        return setup;
      },
    };
    for (const usages of [USAGES, usagesOf('TOKEN'), usagesOf('LEVEL', 'OTHER'), usagesOf('REMOTE_URL', 'REMOTE_URL')]) {
      const base = { configFiles: [CONFIG], usages, fs: w.fs(), hostEnv: w.hostEnv, rootDir: '/repo' };
      const withKept = checkComposeEnvironment({ ...base, setups: forever });
      assert.deepEqual(plain(withKept), plain(checkComposeEnvironment(base)), usages.map((u) => u.name).join(','));
    }
    assert.equal(kept.size, 1);
    // The template note names the variables this check reads, not those of the check that loaded the setup.
    const note = checkComposeEnvironment({ configFiles: [CONFIG], usages: usagesOf('TOKEN'), fs: w.fs(), hostEnv: w.hostEnv, rootDir: '/repo', setups: forever });
    assert.match(note.findings.find((f) => f.code === 'compose/env-file-missing')?.message ?? '', /would provide TOKEN, which/);
  });

  it('makes each missing variable its own fix, a new copy for every check', () => {
    const w = world();
    const setup = loadComposeSetup({ configFiles: [CONFIG], fs: w.fs(), hostEnv: w.hostEnv, rootDir: '/repo' });
    const project = setup.projects[0];
    assert.ok(project);
    const one = project.missingFix('REMOTE_URL');
    const two = project.missingFix('REMOTE_URL');
    assert.ok(one && two);
    assert.notEqual(one.fix, two.fix);
    assert.deepEqual(one.fix, two.fix);
    assert.deepEqual(
      one.fix.edits.map((e) => [e.file, e.newText]),
      [
        ['/repo/app/compose.yaml', '\n      REMOTE_URL: ${REMOTE_URL}'],
        ['/repo/app/.env.example', 'REMOTE_URL=\n'],
      ],
    );
    assert.notDeepEqual(project.missingFix('OTHER')?.fix.edits, one.fix.edits);
  });
});

describe('the compose setup kept per configuration: through the language service', () => {
  it('gives the analyses of a service that keeps nothing, whatever changed, one keystroke after another', () => {
    const w = world();
    const service = createLanguageService({ stampOf: w.stampOf });
    let text = TEXT;
    for (const [i, step] of STEPS.entries()) {
      step.change(w);
      // A keystroke: a new parse, so the analysis is made again and the kept setup is asked for.
      text += `// ${i}\n`;
      const settings = settingsOf(step);
      const env = { fs: w.fs(), hostEnv: w.hostEnv, rootDir: '/repo' };
      const kept = service.analyze([service.parseFile(CONFIG, text)], settings, { env, role: 'root' });
      const fresh = analyzeConfiguration([parseFile(CONFIG, text)], settings, { fs: w.fs(), hostEnv: w.hostEnv, rootDir: '/repo' }, { role: 'root' });
      assert.deepEqual(plain(kept), plain(fresh), step.name);
      assert.deepEqual(codesOf(kept.findings), step.codes, step.name);
    }
  });

  it('reads nothing on a keystroke, and an analysis made on a kept setup still sees the compose file change', () => {
    const w = world();
    const service = createLanguageService({ stampOf: w.stampOf });
    const settings = settingsOf(STEPS[0] as Step);
    const env = () => ({ fs: w.fs(), hostEnv: w.hostEnv, rootDir: '/repo' });
    service.analyze([service.parseFile(CONFIG, TEXT)], settings, { env: env() });
    assert.ok(w.reads() > 0);
    const typed = [service.parseFile(CONFIG, `${TEXT}// typed\n`)];
    const onKept = service.analyze(typed, settings, { env: env() });
    assert.equal(w.reads(), 0, 'the keystroke read no compose file, .env or folder');
    assert.deepEqual(codesOf(onKept.findings), ['env/missing']);
    assert.equal(service.analyze(typed, settings, { env: env() }), onKept);

    w.write('/repo/app/compose.yaml', compose('./config.alloy', ['LEVEL: ${LEVEL_VALUE}', 'REMOTE_URL: http://mimir:9009']));
    const after = service.analyze(typed, settings, { env: env() });
    assert.notEqual(after, onKept);
    assert.deepEqual(codesOf(after.findings), []);
  });

  it('lets go of the setup of a configuration whose document closed, and of a folder a buffer opened in', () => {
    const w = world();
    const service = createLanguageService({ stampOf: w.stampOf });
    const settings = settingsOf(STEPS[0] as Step);
    const env = () => ({ fs: w.fs(), hostEnv: w.hostEnv, rootDir: '/repo' });
    service.analyze([service.parseFile(CONFIG, TEXT)], settings, { env: env() });
    w.reads();
    service.forget(CONFIG);
    service.analyze([service.parseFile(CONFIG, `${TEXT}// a\n`)], settings, { env: env() });
    assert.ok(w.reads() > 0, 'loaded again after the document closed');
    service.forget('/repo/app');
    service.analyze([service.parseFile(CONFIG, `${TEXT}// b\n`)], settings, { env: env() });
    assert.ok(w.reads() > 0, 'loaded again after a buffer opened in its folder');
    service.clear();
    service.analyze([service.parseFile(CONFIG, `${TEXT}// c\n`)], settings, { env: env() });
    assert.ok(w.reads() > 0, 'loaded again after everything was dropped');
  });
});
