/**
 * Compose setups kept per configuration (`compose/composeSetup.ts`: the
 * compose projects found, loaded, their Alloy service and its env_files).
 * Every analysis of a configuration needs one, and on a keystroke none of the
 * files it was made from has changed: a setup is reused while every file and
 * folder it read keeps its stamp and the options that decide it (paths,
 * settings, the host environment object) are the same.
 */
import { Serials } from '../syntax/serials';
import type { ComposeSetup, ComposeSetupCache, ComposeSetupOptions } from '../compose/composeSetup';
import { composeSetupKey } from '../compose/composeSetup';
import type { FileSystem } from '../compose/fileSystem';
import { recordingFileSystem, unchanged, type StampOf } from './dependencies';

interface KeptSetup {
  setup: ComposeSetup;
  /** Every path the setup read, with its stamp then. */
  dependencies: ReadonlyMap<string, string>;
  configFiles: readonly string[];
}

/** The compose setups of the configurations analysed lately, at most `capacity`, least recently used dropped first. */
export class ComposeSetups {
  /** Insertion order is use order: the first entry is the least recently used. */
  private readonly entries = new Map<string, KeptSetup>();
  /** The host environment by identity: its values are never copied into a key. */
  private readonly hostEnvs = new Serials<object>();

  constructor(
    private readonly stampOf: StampOf,
    private readonly capacity: number,
  ) {}

  /**
   * The cache one analysis uses: setups are loaded through `fs`, and the paths
   * a setup read (loaded now or kept) are added to `dependencies`, so the
   * analysis is kept no longer than the setup it used would be.
   */
  forAnalysis(fs: FileSystem, dependencies: Map<string, string>): ComposeSetupCache {
    return {
      get: (options, load) => {
        const kept = this.setupFor(options, fs, load);
        for (const [path, stamp] of kept.dependencies) if (!dependencies.has(path)) dependencies.set(path, stamp);
        return kept.setup;
      },
    };
  }

  /** Drops every setup of a configuration holding `path`, or that read it (a closed document, a changed file). */
  forget(path: string): void {
    for (const [key, entry] of this.entries) if (entry.configFiles.includes(path) || entry.dependencies.has(path)) this.entries.delete(key);
  }

  /** Drops every setup (files changed on disk, settings changed). */
  clear(): void {
    this.entries.clear();
  }

  private setupFor(options: ComposeSetupOptions, fs: FileSystem, load: (fs: FileSystem) => ComposeSetup): KeptSetup {
    const key = `${this.hostEnvs.of(options.hostEnv)}\u0001${composeSetupKey(options)}`;
    const entry = this.entries.get(key);
    this.entries.delete(key);
    if (entry && unchanged(entry.dependencies, this.stampOf)) {
      this.entries.set(key, entry);
      return entry;
    }
    const recorded = recordingFileSystem(fs, this.stampOf);
    const made: KeptSetup = { setup: load(recorded.fs), dependencies: recorded.dependencies, configFiles: [...options.configFiles] };
    this.entries.set(key, made);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return made;
  }
}
