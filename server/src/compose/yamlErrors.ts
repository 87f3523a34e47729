/**
 * Messages for YAML parse errors that never quote the file. The `yaml`
 * package's own messages include the offending text, and in a compose file
 * that text can be a password (a value starting with `|`, `>` or a tag
 * handle is enough to make it an error). Only the error's code is used.
 */
import type { ErrorCode } from 'yaml';

const KINDS: Record<ErrorCode, string> = {
  ALIAS_PROPS: 'an alias cannot have a tag or anchor',
  BAD_ALIAS: 'bad alias',
  BAD_DIRECTIVE: 'bad directive',
  BAD_DQ_ESCAPE: 'bad escape in a double-quoted string',
  BAD_INDENT: 'bad indentation',
  BAD_PROP_ORDER: 'anchor and tag in the wrong order',
  BAD_SCALAR_START: 'a plain value cannot start with this character',
  BLOCK_AS_IMPLICIT_KEY: 'a block cannot be a key',
  BLOCK_IN_FLOW: 'a block inside a flow collection',
  DUPLICATE_KEY: 'duplicate key',
  IMPOSSIBLE: 'unexpected input',
  KEY_OVER_1024_CHARS: 'key longer than 1024 characters',
  MISSING_CHAR: 'missing character',
  MULTILINE_IMPLICIT_KEY: 'a key spans several lines',
  MULTIPLE_ANCHORS: 'more than one anchor',
  MULTIPLE_DOCS: 'more than one document',
  MULTIPLE_TAGS: 'more than one tag',
  NON_STRING_KEY: 'a key that is not a string',
  RESOURCE_EXHAUSTION: 'too many alias expansions',
  TAB_AS_INDENT: 'tab used for indentation',
  TAG_RESOLVE_FAILED: 'unknown or unresolved tag',
  UNEXPECTED_TOKEN: 'unexpected token',
  BAD_COLLECTION_TYPE: 'wrong collection type for its tag',
};

/** "line L, column C: kind" for a YAML error (1-based line and column). */
export function describeYamlError(code: ErrorCode | string, line: number, column: number): string {
  const kind = (KINDS as Record<string, string | undefined>)[code] ?? 'invalid YAML';
  return `line ${line}, column ${column}: ${kind}`;
}
