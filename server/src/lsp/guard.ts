/**
 * Every handler's safety net: an exception inside a feature is a bug, logged
 * with the feature and the URI, answered with an empty result; the server
 * keeps serving.
 */
import type { Connection } from 'vscode-languageserver/node';

export type Guard = <T>(feature: string, uri: string, fallback: T, fn: () => T) => T;

export function makeGuard(connection: Connection): Guard {
  return (feature, uri, fallback, fn) => {
    try {
      return fn();
    } catch (error) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      connection.console.error(`[${feature}] ${uri}: ${detail}`);
      return fallback;
    }
  };
}
