/**
 * The settings of each document, pulled from the client with
 * `workspace/configuration` once per URI and kept until the client says they
 * changed (the lsp-sample pattern). Clients that cannot answer get the defaults.
 */
import type { Connection } from 'vscode-languageserver/node';
import { defaultSettings, resolveSettings, type Settings } from '../settings';

export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  /** Whether the client answers `workspace/configuration` (from `initialize`). */
  supported = false;

  constructor(private readonly connection: Connection) {}

  /** The settings for a document; the same object until they change, so analyses keyed on them are reused. */
  get(uri: string): Promise<Settings> {
    if (!this.supported) return Promise.resolve(defaultSettings);
    let pending = this.cache.get(uri);
    if (!pending) {
      pending = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'alloySelfMonitoring' })
        .then((raw: unknown) => {
          const { settings, problems } = resolveSettings(raw);
          for (const p of problems) this.connection.console.warn(`settings: ${p}`);
          return settings;
        })
        .catch(() => defaultSettings);
      this.cache.set(uri, pending);
    }
    return pending;
  }

  /** Forgets one document's settings (it closed). */
  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** Forgets every document's settings (the client said they changed). */
  clear(): void {
    this.cache.clear();
  }
}
