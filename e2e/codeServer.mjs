// code-server (the real VS Code server and web workbench, from npm) with a
// throw-away profile: every directory it or the browser writes to — user data,
// extensions, HOME, TMPDIR, XDG dirs — lives under one data dir.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ENTRY = join(here, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const FIXTURE_WORKSPACE = join(here, 'fixtures', 'workspace');
const START_TIMEOUT_MS = 30_000;

/** User settings that keep a fresh profile quiet and offline. */
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'window.commandCenter': false,
};

/** `code-server X (VS Code Y)`, or undefined when it is not installed. Read from the manifests: running it would write to ~/.config. */
export function codeServerVersion() {
  try {
    const version = (file) => JSON.parse(readFileSync(join(here, 'node_modules', 'code-server', file), 'utf8')).version;
    return `code-server ${version('package.json')} (VS Code ${version('lib/vscode/package.json')})`;
  } catch {
    return undefined;
  }
}

/**
 * Creates the data dir: profile dirs, copies of the fixture workspace (tests
 * may edit them) and the environment the server runs with.
 */
export function createDataDir(parent = tmpdir()) {
  const root = mkdtempSync(join(parent, 'alloy-e2e-'));
  const dirs = {
    root,
    user: join(root, 'user'),
    extensions: join(root, 'extensions'),
    workspace: join(root, 'workspace'),
    // The UI smoke gets its own copy: a window on the same folder would restore the test window's editors.
    smokeWorkspace: join(root, 'project'),
    home: join(root, 'home'),
    tmp: join(root, 'tmp'),
    xdg: join(root, 'xdg'),
    log: join(root, 'code-server.log'),
  };
  for (const dir of [join(dirs.user, 'User'), dirs.extensions, dirs.home, dirs.tmp, dirs.xdg]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(dirs.user, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  cpSync(FIXTURE_WORKSPACE, dirs.workspace, { recursive: true });
  cpSync(FIXTURE_WORKSPACE, dirs.smokeWorkspace, { recursive: true });
  const env = {
    ...process.env,
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: join(dirs.xdg, 'config'),
    XDG_DATA_HOME: join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: join(dirs.xdg, 'cache'),
  };
  return { ...dirs, env };
}

function profileArgs(data) {
  return ['--user-data-dir', data.user, '--extensions-dir', data.extensions];
}

/** Installs a .vsix into the data dir's extensions dir, offline. */
export function installVsix(data, vsix) {
  const run = spawnSync(process.execPath, [ENTRY, ...profileArgs(data), '--install-extension', vsix], { env: data.env, encoding: 'utf8' });
  const output = `${run.stdout}${run.stderr}`;
  if (run.status !== 0 || !/successfully installed/.test(output)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${run.status}): ${output.trim()}`);
  }
}

/**
 * Starts code-server on a free loopback port (the OS picks it) in its own
 * process group, so that stop() also ends the extension hosts and the
 * language servers it started. `extraEnv` reaches the extension host.
 */
export function startCodeServer(data, extraEnv = {}) {
  const child = spawn(
    process.execPath,
    [
      ENTRY,
      '--auth', 'none',
      '--bind-addr', '127.0.0.1:0',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      ...profileArgs(data),
    ],
    { env: { ...data.env, ...extraEnv }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log = createWriteStream(data.log);
  let stopped;
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  async function stop() {
    if (stopped) return stopped;
    stopped = (async () => {
      const group = -child.pid;
      const signal = (name) => {
        try {
          process.kill(group, name);
        } catch {
          // The group is already gone.
        }
      };
      signal('SIGTERM');
      const timer = new Promise((resolve) => setTimeout(resolve, 3000, 'timeout'));
      if ((await Promise.race([exited, timer])) === 'timeout') signal('SIGKILL');
      // Extension hosts outlive a polite server exit (they wait for a reconnection): end the whole group.
      signal('SIGKILL');
      log.end();
    })();
    return stopped;
  }

  const ready = new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`code-server did not start within ${START_TIMEOUT_MS} ms; see ${data.log}`)), START_TIMEOUT_MS);
    const onData = (chunk) => {
      log.write(chunk);
      buffered += chunk.toString();
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(buffered);
      if (match) {
        clearTimeout(timer);
        buffered = '';
        child.stdout.off('data', onData);
        child.stdout.on('data', (c) => log.write(c));
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c) => log.write(c));
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (code ${code}, signal ${signal}) before listening; see ${data.log}`));
    });
  });

  return ready.then(
    (baseUrl) => ({ baseUrl, pid: child.pid, stop }),
    async (error) => {
      await stop();
      throw error;
    },
  );
}

/** The last lines of the server log, for error reports. */
export function logTail(data, lines = 30) {
  try {
    return readFileSync(data.log, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
