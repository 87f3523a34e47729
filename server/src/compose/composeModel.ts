/**
 * The compose model: what the checker needs to know about a Docker Compose
 * project, every piece located in the file (absolute path) and UTF-16 range it
 * came from. Values that may be secrets are kept only as raw, uninterpolated
 * text for the resolver to classify; nothing here is meant for display.
 */
import type { Severity, TextRange } from '../syntax/diagnostic';

/** A problem in a compose, `.env` or env_file file. */
export interface ComposeProblem {
  /** Stable code: `compose/invalid`, `compose/no-services`, `compose/env-file-missing`, ... */
  code: string;
  severity: Severity;
  /** Says what is wrong and where; never quotes a value. */
  message: string;
  file: string;
  range: TextRange;
}

/** Where something is written. */
export interface SourceLocation {
  /** Absolute path of the file. */
  file: string;
  range: TextRange;
  /** 1-based line of `range.start`. */
  line: number;
}

/** One variable of a service's `environment`. */
export interface EnvironmentEntry extends SourceLocation {
  name: string;
  /** The value before interpolation; `null` for a bare `KEY` (list) or `KEY:` (map). */
  raw: string | null;
  style: 'map' | 'list';
}

/** One `env_file` of a service. */
export interface EnvFileRef extends SourceLocation {
  /** Absolute path after interpolation and `~` expansion; `null` if it cannot be resolved. */
  path: string | null;
  /** The path as written in the compose file, before interpolation: what messages show. */
  written: string;
  /** Compose refuses to start when a required env file is missing (the default). */
  required: boolean;
}

/** One `volumes` entry of a service, short or long syntax. */
export interface VolumeMount extends SourceLocation {
  type: 'bind' | 'volume' | 'tmpfs' | 'other';
  /** Binds: the absolute host path. Volumes: the volume name. Anonymous volumes: null. */
  source: string | null;
  /** The path inside the container. */
  target: string;
  readOnly: boolean;
}

/** The `image` of a service, after interpolation. */
export interface ImageRef extends SourceLocation {
  name: string;
}

/** `extends: { service, file }`. */
export interface ExtendsRef extends SourceLocation {
  service: string;
  /** Absolute path of the `file` it names, or null for the same file. */
  fromFile: string | null;
}

/** One `include` entry of a compose file. */
export interface IncludeRef extends SourceLocation {
  /** Absolute paths of the included compose files (merged with each other). */
  paths: string[];
  /** Absolute paths of the include's own env files, or null for `.env` beside it. */
  envFiles: string[] | null;
  /** Absolute project directory of the include, or null for the first file's directory. */
  projectDirectory: string | null;
}

/** A service as one file declares it, before `extends` and merging. */
export interface ServiceDefinition {
  name: string;
  file: string;
  /** Range of the service's key under `services:`. */
  keyRange: TextRange;
  line: number;
  image: ImageRef | null;
  /** Whether the service has a `build:` section. */
  build: boolean;
  volumes: VolumeMount[];
  /** The command as a list of words, or null when absent. */
  command: string[] | null;
  /** The entrypoint as a list of words, or null when absent (it replaces the image's). */
  entrypoint: string[] | null;
  /** `container_name` and `hostname`, after interpolation: other names the container answers to. */
  aliases: string[];
  environment: EnvironmentEntry[];
  /** Whether the service has an `environment:` key (possibly empty). */
  hasEnvironmentKey: boolean;
  envFiles: EnvFileRef[];
  extends: ExtendsRef | null;
}

/** A service after `extends` is resolved and all compose files are merged. */
export interface ComposeService {
  name: string;
  /** The service's own declarations, in merge order. */
  declarations: ServiceDefinition[];
  /** Declarations of the services it extends (bases first). */
  extended: ServiceDefinition[];
  image: ImageRef | null;
  build: boolean;
  volumes: VolumeMount[];
  command: string[] | null;
  entrypoint: string[] | null;
  /** Per variable, the entry that wins. */
  environment: Map<string, EnvironmentEntry>;
  /** In order: later files win over earlier ones. */
  envFiles: EnvFileRef[];
}

/** The compose model of one file. */
export interface ComposeFileModel {
  path: string;
  text: string;
  /** Range of the `services` key, when present. */
  servicesKeyRange: TextRange | null;
  services: Map<string, ServiceDefinition>;
  includes: IncludeRef[];
  problems: ComposeProblem[];
}
