/**
 * Which `.alloy` files form a configuration, the way Alloy will load them, and
 * why. Evidence, strongest first: what the user said (the `configurations`
 * setting); what runs Alloy (a compose service's `alloy run PATH`); what is
 * imported (`import.file` targets are modules, never configurations of their
 * own); otherwise each file stands alone, unless the files of a folder use each
 * other's components and declare nothing twice. Pure: reads through a
 * `FileSystem`.
 */
import type { FileSystem } from '../compose/fileSystem';
import type { HostEnvironment } from '../compose/projectEnvironment';
import type { SourceFile } from '../semantic/model';
import { ConfigurationIndex } from './configurationIndex';
import type { WalkLimits } from './workspaceWalk';

/** A short stable name for the evidence that decided a configuration. */
export type ConfigurationKind = 'argument' | 'setting' | 'compose-command' | 'compose-default' | 'module' | 'folder' | 'file';

export interface ConfigurationReason {
  kind: ConfigurationKind;
  /** One sentence for people, paths relative to the workspace folder (or the compose directory). */
  detail: string;
}

export interface Configuration {
  /** Absolute paths, sorted (Alloy's load order). */
  files: string[];
  reason: ConfigurationReason;
}

export interface DiscoveryOptions {
  /** The workspace folder (absolute). */
  root: string;
  fs: FileSystem;
  /** Interpolates compose files (values are never shown). */
  hostEnv: HostEnvironment;
  /** The `configurations` setting: globs or folders relative to `root`. */
  patterns?: readonly string[];
  /** Parses a file; the editor passes one backed by its cache. */
  parseFile?: (path: string, text: string) => SourceFile;
  limits?: WalkLimits;
}

export interface WorkspaceConfigurations {
  configurations: Configuration[];
  /** `.alloy` files that could not be read (too large, binary, …): no configuration holds them. */
  skipped: { path: string; reason: string }[];
  /** Whether the walk stopped at a limit before seeing every folder. */
  truncated: boolean;
}

/**
 * Finds every configuration under `options.root`. Never throws on bad input.
 * The editor keeps a `ConfigurationIndex` instead, to be asked again cheaply.
 */
export function discoverConfigurations(options: DiscoveryOptions): WorkspaceConfigurations {
  return new ConfigurationIndex(options).all();
}

/** The configurations that hold `file`. */
export function configurationsOf(found: WorkspaceConfigurations, file: string): Configuration[] {
  return found.configurations.filter((c) => c.files.includes(file));
}
