/**
 * `alloy-selfmon`: the language service's findings for CI, as text, JSON or
 * SARIF. Exit status: 0 when no finding is an error, 1 when one is, 2 for a
 * usage or input problem (with a one-line message on stderr).
 */
import { relative, resolve, isAbsolute } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { createTwoFilesPatch } from 'diff';
import { nodeFileSystem } from '../compose/nodeFileSystem';
import { analyzeConfiguration, fixAll, parseFile, type EnvironmentContext, type ParsedFile } from '../languageService';
import { LineIndex } from '../syntax/lineIndex';
import { resolveSettings, type Settings } from '../settings';
import { configurationFiles, readTextFile } from './inputs';
import { renderJson, renderSarif, renderText, type Report } from './report';
import { documentEnvironment } from '../environmentDocs';
import { buildModel } from '../semantic/model';
import { isEnvironmentFormat, renderEnvironment } from './envCommand';
import { runFmt } from './fmtCommand';

const VERSION = '0.1.0';

const USAGE = `Usage: alloy-selfmon check [options] PATH...
       alloy-selfmon env [--format text|json|dotenv|markdown] [options] PATH...
       alloy-selfmon fmt [--check | --write | --diff] PATH...

Checks Grafana Alloy configurations: syntax as Alloy's own parser reads it,
what Alloy rejects after parsing, and self-monitoring (metrics, logs, traces).
Each file argument is one configuration; each directory argument is one
configuration made of the .alloy files directly in it.

Options:
  --format text|json|sarif   output format (default: text)
  --config FILE              settings file (JSON, same schema as the editor's
                             "alloySelfMonitoring" settings; see README)
  --compose FILE             a compose file to check the environment against
                             (repeatable, in merge order); without it, compose
                             files are looked for in the configuration's
                             directory and its parents, up to the repository root
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

function loadSettings(path: string | undefined): Settings {
  if (path === undefined) return resolveSettings(undefined).settings;
  const read = readTextFile(path);
  if (!read.ok) fail(`${path}: ${read.reason}`);
  let raw: unknown;
  try {
    raw = JSON.parse(read.text);
  } catch (error) {
    fail(`${path}: invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { settings, problems } = resolveSettings(raw);
  if (problems.length > 0) fail(`${path}: ${problems[0]}`);
  return settings;
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
    if (paths.length === 0) fail(`no PATH given (try: alloy-selfmon ${command} config.alloy)`);
    const format = values.format;
    if (command === 'env') {
      if (!isEnvironmentFormat(format)) fail(`unknown format "${format}" (expected text, json, dotenv or markdown)`);
      if (values.fix) fail('--fix only goes with check');
    } else if (format !== 'text' && format !== 'json' && format !== 'sarif') fail(`unknown format "${format}" (expected text, json or sarif)`);
    const settings = withRunningAlloy(loadSettings(values.config), values['alloy-version'], values['stability-level']);
    if (values['dry-run'] && !values.fix) fail('--dry-run only goes with --fix');

    const configurations: ParsedFile[][] = [];
    const diffs: string[] = [];
    for (const arg of paths) {
      const input = configurationFiles(arg);
      if (!input.ok) fail(`${arg}: ${input.reason}`);
      const texts: { path: string; text: string }[] = [];
      for (const path of input.files) {
        const read = readTextFile(path);
        if (!read.ok) fail(`${path}: ${read.reason}`);
        texts.push({ path: resolve(path), text: read.text });
      }
      if (values.fix) {
        const changed = fixAll(texts, settings);
        for (const file of texts) {
          const after = changed.get(file.path);
          if (after === undefined) continue;
          if (values['dry-run']) {
            const shown = displayPath(file.path);
            diffs.push(createTwoFilesPatch(`a/${shown}`, `b/${shown}`, file.text, after, undefined, undefined, { context: 3 }).replace(/^=+\n/, ''));
          } else {
            try {
              writeFileSync(file.path, after);
            } catch (error) {
              fail(`${displayPath(file.path)}: cannot write: ${error instanceof Error ? error.message : String(error)}`);
            }
          }
          file.text = after;
        }
      }
      configurations.push(texts.map((t) => parseFile(t.path, t.text)));
    }
    if (values['dry-run']) {
      out(diffs.join(''));
      return 0;
    }

    const report: Report = { files: [], configs: [] };
    let errors = 0;
    const envContext: EnvironmentContext = {
      fs: nodeFileSystem,
      hostEnv: process.env,
      rootDir: process.cwd(),
      ...(values.compose && values.compose.length > 0 ? { composeFiles: values.compose.map((f) => resolve(f)) } : {}),
    };
    if (command === 'env' && isEnvironmentFormat(format)) {
      const docs = configurations.map((files) => documentEnvironment(buildModel(files), analyzeConfiguration(files, settings, envContext).env, displayPath));
      out(renderEnvironment(format, docs));
      return 0;
    }
    for (const files of configurations) {
      const { findings, env } = analyzeConfiguration(files, settings, envContext);
      errors += findings.filter((f) => f.severity === 'error').length;
      for (const file of files) {
        report.files.push({
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
        report.files.push({
          displayPath: displayPath(path),
          path,
          lines: new LineIndex(read.ok ? read.text : ''),
          findings: findings.filter((f) => f.file === path),
        });
      }
      report.configs.push({ files: files.map((f) => displayPath(f.path)), env });
    }

    out(format === 'json' ? renderJson(report) : format === 'sarif' ? renderSarif(report, VERSION) : renderText(report));
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
