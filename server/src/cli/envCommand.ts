/**
 * `alloy-selfmon env`: the variables the configurations read, in the format
 * asked for. Names, places and statuses only: never a value.
 */
import {
  renderEnvironmentDotenv,
  renderEnvironmentJson,
  renderEnvironmentMarkdown,
  renderEnvironmentText,
  type EnvironmentDocument,
} from '../environmentDocs';

const RENDERERS = {
  text: renderEnvironmentText,
  json: renderEnvironmentJson,
  dotenv: renderEnvironmentDotenv,
  markdown: renderEnvironmentMarkdown,
} as const;

export type EnvironmentFormat = keyof typeof RENDERERS;

export function isEnvironmentFormat(format: string | undefined): format is EnvironmentFormat {
  return format !== undefined && Object.hasOwn(RENDERERS, format);
}

export function renderEnvironment(format: EnvironmentFormat, docs: readonly EnvironmentDocument[]): string {
  return RENDERERS[format](docs);
}
