/**
 * `alloy-selfmon`: the language service's findings for CI, as text, JSON or
 * SARIF. Exit status: 0 when no finding is an error, 1 when one is, 2 for a
 * usage or input problem (with a one-line message on stderr).
 */
import { relative, resolve, isAbsolute } from 'node:path';
import { parseArgs } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { nodeFileSystem } from '../compose/nodeFileSystem';
import { configurationRole } from '../checks/rootBlocks';
import type { EnvironmentContext, ParsedFile } from '../languageService';
import { createLanguageService } from '../service/languageService';
import { LineIndex } from '../syntax/lineIndex';
import { defaultSettings, resolveSettings, type Settings } from '../settings';
import { groupFolders, writeChanges, type FileChange, type InputConfiguration } from './fixFiles';
import { readTextFile } from './inputs';
import { loadSettingsFile } from './settingsFile';
import { addReportedFile, renderJson, renderSarif, renderText, type Report } from './report';
import { argumentInputs, workspaceInputs } from './workspaceInputs';
import { documentEnvironment } from '../environmentDocs';
import { isEnvironmentFormat, renderEnvironment } from './envCommand';
import { runFmt } from './fmtCommand';

const VERSION = '0.1.0';

const USAGE = `Usage: alloy-selfmon check [options] PATH...
       alloy-selfmon check [options] --workspace [ROOT]
       alloy-selfmon env [--format text|json|dotenv|markdown] [options] PATH...
       alloy-selfmon fmt [--check | --write | --diff] PATH...

Checks Grafana Alloy configurations: syntax as Alloy's own parser reads it,
what Alloy rejects after parsing, and self-monitoring (metrics, logs, traces).
Each file argument is one configuration; each directory argument is one
configuration made of the .alloy files directly in it. With --workspace, every
configuration under ROOT (default: the current directory) is found as the
editor finds them: the "configurations" setting, compose services that run
alloy run, import.file modules, then each file alone unless the files of a
folder use each other's components.

Options:
  --format text|json|sarif   output format (default: text)
  --config FILE              settings file (JSON, same schema as the editor's
                             "alloySelfMonitoring" settings; see README)
  --compose FILE             a compose file to check the environment against
                             (repeatable, in merge order); without it, compose
                             files are looked for in the configuration's
                             directory and its parents, up to the repository root
  --workspace                find and check every configuration under ROOT
  --alloy-version X.Y.Z      the Alloy version that runs (default: the compose
                             service's image tag, else the newest release)
  --stability-level LEVEL    Alloy's --stability.level (default: the compose
                             service's flag, else generally-available)
  --fix                      apply the self-monitoring and deprecation fixes
                             to the files, then report what is left
  --dry-run                  with --fix: print the fixes as a unified diff
                             instead of writing them
  -h, --help                 show this help
  -v, --version              show the version

env lists every variable the configurations read with sys.env: where, whether
the compose service passes it, whether it looks like a credential. Never values.
--format dotenv prints a .env.example, markdown a table for a README.

Exit status: 0 no errors, 1 at least one error finding, 2 usage or input problem.
`;

class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : resolve(path);
}

/** The settings with the CLI's --alloy-version and --stability-level laid over them. */
function withRunningAlloy(settings: Settings, alloyVersion: string | undefined, stabilityLevel: string | undefined): Settings {
  if (alloyVersion === undefined && stabilityLevel === undefined) return settings;
  const { settings: flags, problems } = resolveSettings({ alloyVersion: alloyVersion ?? '', stabilityLevel: stabilityLevel ?? '' });
  if (problems.length > 0) fail(problems[0]?.replace(/^alloyVersion/, '--alloy-version').replace(/^stabilityLevel/, '--stability-level') ?? '');
  return { ...settings, alloyVersion: alloyVersion === undefined ? settings.alloyVersion : flags.alloyVersion, stabilityLevel: stabilityLevel === undefined ? settings.stabilityLevel : flags.stabilityLevel };
}

/** Runs the CLI; returns the exit status. Output goes through the given writers. */
export function run(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  if (argv[0] === 'fmt') return runFmt(argv.slice(1), out, err);
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          format: { type: 'string', default: 'text' },
          config: { type: 'string' },
          compose: { type: 'string', multiple: true },
          fix: { type: 'boolean' },
          workspace: { type: 'boolean' },
          'dry-run': { type: 'boolean' },
          'alloy-version': { type: 'string' },
          'stability-level': { type: 'string' },
          help: { type: 'boolean', short: 'h' },
          version: { type: 'boolean', short: 'v' },
        },
      });
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
    const { values, positionals } = parsed;
    if (values.help) {
      out(USAGE);
      return 0;
    }
    if (values.version) {
      out(`${VERSION}\n`);
      return 0;
    }
    const [command, ...paths] = positionals;
    if (command !== 'check' && command !== 'env') fail(command === undefined ? 'missing command (try: alloy-selfmon check PATH)' : `unknown command "${command}"`);
    if (paths.length === 0 && !values.workspace) fail(`no PATH given (try: alloy-selfmon ${command} config.alloy)`);
    const format = values.format;
    if (command === 'env') {
      if (!isEnvironmentFormat(format)) fail(`unknown format "${format}" (expected text, json, dotenv or markdown)`);
      if (values.fix) fail('--fix only goes with check');
    } else if (format !== 'text' && format !== 'json' && format !== 'sarif') fail(`unknown format "${format}" (expected text, json or sarif)`);
    let settings = defaultSettings;
    if (values.config !== undefined) {
      const loaded = loadSettingsFile(values.config);
      if (!loaded.ok) fail(`${values.config}: ${loaded.reason}`);
      settings = loaded.settings;
    }
    settings = withRunningAlloy(settings, values['alloy-version'], values['stability-level']);
    if (values['dry-run'] && !values.fix) fail('--dry-run only goes with --fix');

    const found = values.workspace ? workspaceInputs(paths.length > 0 ? paths : ['.'], settings.configurations, process.env) : argumentInputs(paths);
    if (!found.ok) fail(`${found.arg}: ${found.reason}`);
    for (const note of found.notes) err(`alloy-selfmon: ${note}\n`);
    let inputs: InputConfiguration[] = [];
    for (const input of found.inputs) {
      const configuration: InputConfiguration = { arg: input.arg, root: input.root, reason: input.reason, files: [] };
      for (const path of input.files) {
        const read = readTextFile(path);
        if (!read.ok) fail(`${path}: ${read.reason}`);
        configuration.files.push({ path: resolve(path), text: read.text, bom: read.bom });
      }
      inputs.push(configuration);
    }

    // The same service as the editor's, so CI and the editor report identical findings.
    const service = createLanguageService();
    const diffs: string[] = [];
    if (values.fix) {
      inputs = groupFolders(inputs);
      // A file in several configurations (--workspace) is fixed in each, in turn, and written once.
      const latest = new Map<string, FileChange>();
      for (const configuration of inputs) {
        const texts = configuration.files.map((f) => ({ path: f.path, text: latest.get(f.path)?.after ?? f.text }));
        const changed = service.fixAll(texts, settings);
        for (const file of configuration.files) {
          const after = changed.get(file.path);
          const prior = latest.get(file.path);
          if (after !== undefined) latest.set(file.path, { configuration: prior?.configuration ?? configuration, file: prior?.file ?? file, after });
        }
      }
      const changes = [...latest.values()];
      if (values['dry-run']) {
        for (const { file, after } of changes) {
          const shown = displayPath(file.path);
          diffs.push(createTwoFilesPatch(`a/${shown}`, `b/${shown}`, file.text, after, undefined, undefined, { context: 3 }).replace(/^=+\n/, ''));
        }
      } else {
        const problem = writeChanges(changes, displayPath);
        if (problem !== undefined) fail(problem);
      }
      // What is reported next is what the files hold (or would hold) after the fixes.
      for (const configuration of inputs) for (const file of configuration.files) file.text = latest.get(file.path)?.after ?? file.text;
    }
    const configurations: ParsedFile[][] = inputs.map((c) => c.files.map((f) => service.parseFile(f.path, f.text)));

    const report: Report = { files: [], configs: [] };
    const envContext: EnvironmentContext = {
      fs: nodeFileSystem,
      hostEnv: process.env,
      rootDir: process.cwd(),
      ...(values.compose && values.compose.length > 0 ? { composeFiles: values.compose.map((f) => resolve(f)) } : {}),
    };
    if (command === 'env' && isEnvironmentFormat(format)) {
      const docs = configurations.map((files) => documentEnvironment(service.model(files), service.analyze(files, settings, { env: envContext }).env, displayPath));
      out(renderEnvironment(format, docs));
      return 0;
    }
    for (const [index, files] of configurations.entries()) {
      const { findings, env, envReports, explanation } = service.analyze(files, settings, { env: envContext, role: configurationRole(inputs[index]?.reason) });
      for (const file of files) {
        addReportedFile(report, {
          displayPath: displayPath(file.path),
          path: file.path,
          lines: file.parse.lineIndex,
          findings: findings.filter((f) => f.file === file.path),
        });
      }
      // Findings on compose and env files (unused variables, invalid YAML…).
      const others = [...new Set(findings.map((f) => f.file))].filter((p) => !files.some((f) => f.path === p));
      for (const path of others) {
        const read = readTextFile(path);
        addReportedFile(report, {
          displayPath: displayPath(path),
          path,
          lines: new LineIndex(read.ok ? read.text : ''),
          findings: findings.filter((f) => f.file === path),
        });
      }
      report.configs.push({ files: files.map((f) => displayPath(f.path)), reason: inputs[index]?.reason ?? null, env, envReports, explanation });
    }

    // A file in several configurations (or a compose file several share) is reported once.
    const errors = report.files.reduce((n, file) => n + file.findings.filter((f) => f.severity === 'error').length, 0);

    // A dry run shows the diff, and exits as a check of the fixed files would.
    if (values['dry-run']) out(diffs.join(''));
    else out(format === 'json' ? renderJson(report) : format === 'sarif' ? renderSarif(report, VERSION) : renderText(report));
    return errors > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      err(`alloy-selfmon: ${error.message}\n`);
      return 2;
    }
    err(`alloy-selfmon: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

if (require.main === module) {
  const status = run(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
  process.exitCode = status;
}
