/**
 * The "Document Environment Variables" request: the configuration's variables
 * and the text its `.env.example` should have. The client writes the file, so
 * the edit is the user's to see and undo.
 */
import { dirname, join, relative, resolve } from 'node:path';
import { documentEnvironment, updateEnvExample } from '../environmentDocs';
import type { Analysis, ParsedFile } from '../languageService';
import type { EnvironmentDocsResult } from '../protocol';
import type { ConfigModel } from '../semantic/model';
import { pathToUri } from './convert';

/**
 * `model` and `analysis` are the configuration's (its `files`), `rootDir` the
 * workspace folder paths in the report are relative to; `textOf` reads a file
 * (an open buffer first), undefined when it does not exist.
 */
export function environmentDocs(
  model: ConfigModel,
  analysis: Analysis,
  files: readonly ParsedFile[],
  rootDir: string | undefined,
  textOf: (path: string) => string | undefined,
): EnvironmentDocsResult {
  const configDir = dirname(files[0]?.path ?? '.');
  const base = rootDir ?? configDir;
  const show = (path: string) => relative(base, path) || path;
  const document = documentEnvironment(model, analysis.env, show);
  const compose = analysis.env?.composeFiles[0];
  const path = join(compose !== undefined ? dirname(resolve(base, compose)) : configDir, '.env.example');
  const existing = textOf(path);
  const text = updateEnvExample(existing ?? '', [document]);
  return { document, envExample: { uri: pathToUri(path), exists: existing !== undefined, text, changed: text !== (existing ?? '') } };
}
