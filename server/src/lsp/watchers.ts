/**
 * Every client learns of compose, `.env` and `.alloy` files changing on disk:
 * the server registers its own file watchers when the client can watch for it
 * (`workspace/didChangeWatchedFiles` with dynamic registration), and otherwise
 * watches the directories of the open configurations itself. Clients such as
 * Neovim 0.7 neither watch files nor let the server ask them to.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type ClientCapabilities,
  type Connection,
  type DidChangeWatchedFilesParams,
} from 'vscode-languageserver/node';
import { uriToPath } from './convert';
import type { WatchedFileChange } from './workspace';

/** The files whose changes can change a configuration's findings. */
const WATCHED_GLOBS = ['**/*.alloy', '**/{compose,docker-compose}*.{yml,yaml}', '**/.env*'] as const;

/** Whether a file name is one of WATCHED_GLOBS (for the server's own watchers, which see names only). */
function isWatchedName(name: string): boolean {
  return name.endsWith('.alloy') || /^(compose|docker-compose)[^/]*\.ya?ml$/.test(name) || name.startsWith('.env');
}

/**
 * The changes of a `workspace/didChangeWatchedFiles` notification as paths;
 * undefined (everything may have changed) when one is not a `file:` URI or has
 * an unknown type.
 */
export function watchedChanges(params: DidChangeWatchedFilesParams | undefined): WatchedFileChange[] | undefined {
  const raw: unknown = params?.changes;
  if (!Array.isArray(raw)) return undefined;
  const out: WatchedFileChange[] = [];
  for (const change of raw as unknown[]) {
    if (typeof change !== 'object' || change === null) return undefined;
    const { uri, type } = change as { uri?: unknown; type?: unknown };
    if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
    const kind = type === FileChangeType.Created ? 'created' : type === FileChangeType.Changed ? 'changed' : type === FileChangeType.Deleted ? 'deleted' : undefined;
    if (!kind) return undefined;
    out.push({ path: uriToPath(uri), kind });
  }
  return out;
}

/** How many directories up from a configuration compose files are looked for (discovery stops at the repository root anyway). */
const PARENT_LEVELS = 4;

/** Bounds the server's own watchers: inotify handles are a shared, limited resource. */
const MAX_OWN_WATCHERS = 64;

export class FileWatchers {
  private mode: 'client' | 'own' | 'none' = 'none';
  private readonly own = new Map<string, FSWatcher>();

  constructor(
    private readonly connection: Connection,
    /** Called after a watched file changed, with which (the server debounces the re-check). */
    private readonly changed: (changes: WatchedFileChange[]) => void,
  ) {}

  /**
   * After `initialized`: asks the client to watch when it supports dynamic
   * registration; otherwise the server watches for itself (see `follow`).
   */
  async start(capabilities: ClientCapabilities): Promise<void> {
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      try {
        await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
        this.mode = 'client';
        return;
      } catch (error) {
        this.connection.console.warn(`the client refused file watchers (${error instanceof Error ? error.message : String(error)}); watching for it`);
      }
    }
    this.mode = 'own';
  }

  /** Which side watches: the client (registered), the server itself, or nobody yet. */
  get watchedBy(): 'client' | 'own' | 'none' {
    return this.mode;
  }

  /**
   * Server-side watching: keeps one watcher on each directory of an open
   * configuration and a few of its parents (where compose files live), and
   * drops the others. No-op when the client watches.
   */
  follow(openFiles: readonly string[]): void {
    if (this.mode !== 'own') return;
    const wanted = new Set<string>();
    for (const file of openFiles) {
      let dir = dirname(file);
      for (let i = 0; i <= PARENT_LEVELS && wanted.size < MAX_OWN_WATCHERS; i++) {
        wanted.add(dir);
        const up = dirname(dir);
        if (up === dir) break;
        dir = up;
      }
    }
    for (const [dir, watcher] of this.own) {
      if (!wanted.has(dir)) {
        watcher.close();
        this.own.delete(dir);
      }
    }
    for (const dir of wanted) {
      if (this.own.has(dir)) continue;
      try {
        const watcher = watch(dir, { persistent: false }, (event, name) => {
          if (!name || !isWatchedName(String(name))) return;
          // fs.watch says "rename" for both creation and deletion: which one is on disk now.
          const path = join(dir, String(name));
          this.changed([{ path, kind: event === 'change' ? 'changed' : existsSync(path) ? 'created' : 'deleted' }]);
        });
        // A directory that goes away (or a watch limit reached) must not bring the server down.
        watcher.on('error', () => {
          watcher.close();
          this.own.delete(dir);
        });
        this.own.set(dir, watcher);
      } catch {
        // Not watchable (gone, no permission, no inotify handles left): that directory is not followed.
      }
    }
  }

  dispose(): void {
    for (const watcher of this.own.values()) watcher.close();
    this.own.clear();
  }
}
