/**
 * The variables Compose interpolates compose files with: the host environment
 * of `docker compose` (injected, never read from `process.env` here), over the
 * project's `.env` (beside the first compose file) or the explicit `--env-file`
 * list. These fill in `${VAR}` in compose files; they never reach a container
 * by themselves.
 */
import * as path from 'node:path';
import type { TextRange } from '../syntax/diagnostic';
import type { ComposeProblem } from './composeModel';
import { dotEnvMap, parseDotEnv } from './dotenv';
import { isReadError, type FileSystem } from './fileSystem';
import type { Lookup } from './interpolation';
import { severityOf } from '../codes';

/** Environment variables of the process that runs `docker compose`. */
export type HostEnvironment = Readonly<Record<string, string | undefined>>;

/** A variable set in a project env file. The value stays internal. */
export interface ProjectVariable {
  name: string;
  value: string;
  file: string;
  line: number;
  range: TextRange;
}

export interface ProjectEnvironment {
  host: HostEnvironment;
  /** Variables of the project env files; later files and lines win. */
  variables: ReadonlyMap<string, ProjectVariable>;
  /** The env files that were read. */
  envFiles: string[];
  /** Compose's lookup: the host environment first, then the project env files. */
  lookup: Lookup;
  problems: ComposeProblem[];
}

export interface ProjectEnvironmentOptions {
  host: HostEnvironment;
  /** Env files given with `--env-file`: a missing one is an error. */
  explicitEnvFiles?: string[];
  /** The directory whose `.env` applies when no explicit env files are given. */
  projectDir: string;
  /** Variables inherited from an including project (for `include`). */
  parent?: ProjectEnvironment;
}

/** Reads the project env files and builds Compose's interpolation lookup. */
export function loadProjectEnvironment(fs: FileSystem, options: ProjectEnvironmentOptions): ProjectEnvironment {
  const { host } = options;
  const explicit = options.explicitEnvFiles !== undefined;
  const files = options.explicitEnvFiles ?? [path.join(options.projectDir, '.env')];
  const variables = new Map<string, ProjectVariable>(options.parent?.variables ?? []);
  const problems: ComposeProblem[] = [];
  const envFiles: string[] = [];
  const hostLookup: Lookup = (name) => host[name];

  for (const file of files) {
    const text = fs.readFile(file);
    if (text === undefined) {
      if (explicit) {
        problems.push({
          code: 'compose/env-file-missing',
          severity: severityOf('compose/env-file-missing'),
          message: `The env file ${file} does not exist; docker compose refuses to start without it.`,
          file,
          range: { start: 0, end: 0 },
        });
      }
      continue;
    }
    if (isReadError(text)) {
      problems.push({ code: 'compose/env-file-unreadable', severity: severityOf('compose/env-file-unreadable'), message: text.error, file, range: { start: 0, end: 0 } });
      continue;
    }
    envFiles.push(file);
    // Later lines may refer to earlier files' variables.
    const parsed = parseDotEnv(text, (name) => host[name] ?? variables.get(name)?.value);
    for (const problem of parsed.problems) {
      problems.push({
        code: 'compose/dotenv',
        severity: severityOf('compose/dotenv'),
        message: `${path.basename(file)}:${problem.line}: ${problem.message}`,
        file,
        range: problem.range,
      });
    }
    for (const entry of dotEnvMap(parsed).values()) {
      if (entry.value === undefined) continue;
      variables.set(entry.key, {
        name: entry.key,
        value: entry.value,
        file,
        line: entry.line,
        range: entry.range,
      });
    }
  }

  return {
    host,
    variables,
    envFiles,
    lookup: (name) => hostLookup(name) ?? variables.get(name)?.value,
    problems,
  };
}
