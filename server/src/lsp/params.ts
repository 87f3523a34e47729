/**
 * Checks of request parameters. A request whose parameters lack what the
 * method needs is answered with `InvalidParams` and a message saying what is
 * missing, instead of failing deep inside a handler as an internal error.
 */
import { ErrorCodes, ResponseError, type Position, type Range } from 'vscode-languageserver/node';

/** The error answered for bad parameters of `method`. */
export function invalidParams(method: string, message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `${method}: ${message}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPosition(value: unknown): value is Position {
  return isObject(value) && isCount(value.line) && isCount(value.character);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** The parameters as an object; throws InvalidParams when they are not one. */
export function requireObject(method: string, params: unknown): Record<string, unknown> {
  if (!isObject(params)) throw invalidParams(method, 'expected an object of parameters');
  return params;
}

/** `params.textDocument.uri`; throws InvalidParams when it is not a string. */
export function requireDocumentUri(method: string, params: unknown): string {
  const object = requireObject(method, params);
  const document = object.textDocument;
  if (!isObject(document) || typeof document.uri !== 'string') throw invalidParams(method, 'expected textDocument.uri to be a string');
  return document.uri;
}

/** `params.position`: a line and a character, both non-negative integers. */
export function requirePosition(method: string, params: unknown): Position {
  const position = requireObject(method, params).position;
  if (!isPosition(position)) throw invalidParams(method, 'expected position to be { line, character } with non-negative integers');
  return position;
}

/** `params.range`: two positions. */
export function requireRange(method: string, params: unknown): Range {
  const range = requireObject(method, params).range;
  if (!isObject(range) || !isPosition(range.start) || !isPosition(range.end)) {
    throw invalidParams(method, 'expected range to be { start, end } positions with non-negative integers');
  }
  return { start: range.start, end: range.end };
}

/** `params.context.only` of a code action request: absent, or a list of strings. */
export function requireCodeActionOnly(method: string, params: unknown): string[] | undefined {
  const context = requireObject(method, params).context;
  if (!isObject(context)) throw invalidParams(method, 'expected context to be an object');
  const only = context.only;
  if (only === undefined || only === null) return undefined;
  if (!Array.isArray(only) || !only.every((k): k is string => typeof k === 'string')) throw invalidParams(method, 'expected context.only to be a list of strings');
  return only;
}

/** `params.uris` of the compose report: a list of strings. */
export function requireUris(method: string, params: unknown): string[] {
  const uris = requireObject(method, params).uris;
  if (!Array.isArray(uris) || !uris.every((u): u is string => typeof u === 'string')) throw invalidParams(method, 'expected uris to be a list of strings');
  return uris;
}
