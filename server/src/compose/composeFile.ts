/**
 * Reads one compose file into the compose model: its services (image, build,
 * volumes, command, environment, env_file, extends) and its includes, with the
 * range of everything. Bad input becomes problems; whatever can be read is kept.
 */
import * as path from 'node:path';
import { isMap, isSeq, type Document, type Node } from 'yaml';
import type { TextRange } from '../syntax/diagnostic';
import type {
  ComposeFileModel,
  ComposeProblem,
  EnvFileRef,
  EnvironmentEntry,
  ExtendsRef,
  ImageRef,
  IncludeRef,
  ServiceDefinition,
  SourceLocation,
  VolumeMount,
} from './composeModel';
import { interpolate } from './interpolation';
import { resolveHostPath } from './paths';
import type { ProjectEnvironment } from './projectEnvironment';
import { LineIndex } from '../syntax/lineIndex';
import { entryOf, isNullNode, mapEntries, MAX_MERGE_DEPTH, mergeDepthReached, nodeRange, scalarText, seqItems, type MapEntry } from './yamlNodes';
import { parseVolume, splitCommand } from './serviceSyntax';
import { describeYamlError } from './yamlErrors';
import { parseComposeYaml, yamlBudgetProblem } from './yamlBudget';
import { severityOf, type Code } from '../codes';

/** Parses the compose file at `file` (absolute) whose text is `text`. */
export function parseComposeFile(file: string, text: string, env: ProjectEnvironment): ComposeFileModel {
  const reader = new ComposeFileReader(file, text, env);
  return reader.read();
}

class ComposeFileReader {
  private readonly problems: ComposeProblem[] = [];
  private readonly lines: LineIndex;
  private readonly dir: string;
  private doc!: Document;

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly env: ProjectEnvironment,
  ) {
    this.lines = new LineIndex(text);
    this.dir = path.dirname(file);
  }

  read(): ComposeFileModel {
    const model: ComposeFileModel = {
      path: this.file,
      text: this.text,
      servicesKeyRange: null,
      services: new Map(),
      includes: [],
      problems: this.problems,
    };
    const refused = yamlBudgetProblem(this.text);
    if (refused) {
      this.problem('compose/too-large', { start: 0, end: 0 }, refused);
      return model;
    }
    this.doc = parseComposeYaml(this.text);
    for (const error of this.doc.errors) {
      // The parser's own message quotes the text, which may be a secret: say where and what kind only.
      const start = error.pos[0];
      const line = this.lineAt(start);
      const column = start - this.lines.lineStart(line - 1) + 1;
      this.problem('compose/invalid', { start, end: error.pos[1] }, `Invalid YAML: ${describeYamlError(error.code, line, column)}.`);
    }
    const root = this.doc.contents;
    if (root === null || isNullNode(root)) {
      if (this.doc.errors.length === 0) this.problem('compose/no-services', { start: 0, end: 0 }, 'This compose file is empty: it defines no services.');
      return model;
    }
    if (!isMap(root)) {
      this.problem('compose/invalid', nodeRange(root), 'A compose file must be a mapping with a `services` key.');
      return model;
    }
    const top = mapEntries(this.doc, root);
    const include = entryOf(top, 'include');
    if (include) model.includes = this.readIncludes(include);
    const services = entryOf(top, 'services');
    if (!services) {
      if (!include) {
        this.problem('compose/no-services', nodeRange(root.items[0]?.key ?? root), 'This compose file has no `services` key.');
      }
      return model;
    }
    model.servicesKeyRange = nodeRange(services.keyNode);
    if (isNullNode(services.value)) return model;
    if (!isMap(services.value)) {
      this.problem('compose/invalid', services.range, '`services` must be a mapping of service names to service definitions.');
      return model;
    }
    for (const entry of mapEntries(this.doc, services.value)) {
      if (entry.key.startsWith('x-')) continue;
      const definition = this.readService(entry);
      if (definition) model.services.set(entry.key, definition);
    }
    if (mergeDepthReached(this.doc)) {
      this.problem('compose/too-deep', { start: 0, end: 0 }, `Merge keys (<<) chained deeper than ${MAX_MERGE_DEPTH} levels are not expanded further (limit: ${MAX_MERGE_DEPTH} levels).`);
    }
    return model;
  }

  private readService(entry: MapEntry): ServiceDefinition | null {
    if (!isMap(entry.value)) {
      this.problem(
        'compose/invalid-service',
        nodeRange(entry.keyNode),
        `Service "${entry.key}" must be a mapping (image, volumes, environment, ...).`,
      );
      return null;
    }
    const keyRange = nodeRange(entry.keyNode);
    const fields = mapEntries(this.doc, entry.value);
    const environment = entryOf(fields, 'environment');
    const build = entryOf(fields, 'build');
    return {
      name: entry.key,
      file: this.file,
      keyRange,
      line: this.lineAt(keyRange.start),
      image: this.readImage(entryOf(fields, 'image')),
      build: build !== undefined && !isNullNode(build.value),
      volumes: this.readVolumes(entryOf(fields, 'volumes')),
      command: this.readCommand(entryOf(fields, 'command')),
      entrypoint: this.readCommand(entryOf(fields, 'entrypoint')),
      aliases: ['container_name', 'hostname'].flatMap((key) => this.readName(entryOf(fields, key))),
      environment: environment ? this.readEnvironment(environment) : [],
      hasEnvironmentKey: environment !== undefined,
      envFiles: this.readEnvFiles(entryOf(fields, 'env_file')),
      extends: this.readExtends(entryOf(fields, 'extends')),
    };
  }

  private readName(entry: MapEntry | undefined): string[] {
    const raw = entry ? scalarText(entry.value) : undefined;
    return entry && typeof raw === 'string' ? [this.interpolated(raw, entry.value)] : [];
  }

  private readImage(entry: MapEntry | undefined): ImageRef | null {
    if (!entry) return null;
    const raw = scalarText(entry.value);
    if (typeof raw !== 'string') return null;
    return { ...this.location(entry.value), name: this.interpolated(raw, entry.value) };
  }

  private readVolumes(entry: MapEntry | undefined): VolumeMount[] {
    if (!entry || isNullNode(entry.value)) return [];
    if (!isSeq(entry.value)) {
      this.invalid(entry, '`volumes` must be a list.');
      return [];
    }
    const mounts: VolumeMount[] = [];
    for (const item of seqItems(this.doc, entry.value)) {
      const location = this.location(item.node, item.range);
      const raw = scalarText(item.node);
      if (typeof raw === 'string') {
        const parsed = parseVolume(this.interpolated(raw, item.node));
        if (parsed) mounts.push({ ...location, ...parsed, source: this.volumeSource(parsed.type, parsed.source) });
        continue;
      }
      if (!isMap(item.node)) continue;
      const fields = mapEntries(this.doc, item.node);
      const field = (name: string): string | null => {
        const found = entryOf(fields, name);
        const value = found ? scalarText(found.value) : null;
        return typeof value === 'string' ? this.interpolated(value, found?.value ?? null) : null;
      };
      const target = field('target');
      if (target === null) continue;
      const declaredType = field('type') ?? 'volume';
      const type = declaredType === 'bind' || declaredType === 'volume' || declaredType === 'tmpfs' ? declaredType : 'other';
      const readOnly = field('read_only');
      mounts.push({
        ...location,
        type,
        source: this.volumeSource(type, field('source')),
        target,
        readOnly: readOnly === 'true',
      });
    }
    return mounts;
  }

  private volumeSource(type: VolumeMount['type'], source: string | null): string | null {
    if (source === null || source === '') return null;
    return type === 'bind' ? resolveHostPath(source, this.dir, this.env.host) : source;
  }

  private readCommand(entry: MapEntry | undefined): string[] | null {
    if (!entry || isNullNode(entry.value)) return null;
    const raw = scalarText(entry.value);
    if (typeof raw === 'string') return splitCommand(raw);
    if (!isSeq(entry.value)) return null;
    const words: string[] = [];
    for (const item of seqItems(this.doc, entry.value)) {
      const word = scalarText(item.node);
      if (typeof word === 'string') words.push(word);
    }
    return words;
  }

  private readEnvironment(entry: MapEntry): EnvironmentEntry[] {
    const value = entry.value;
    if (isNullNode(value)) return [];
    const entries: EnvironmentEntry[] = [];
    if (isMap(value)) {
      for (const variable of mapEntries(this.doc, value)) {
        const raw = scalarText(variable.value);
        if (raw === undefined) {
          this.problem('compose/invalid-value', variable.range, `The value of ${variable.key} in \`environment\` must be a string, number, boolean or empty.`);
          continue;
        }
        entries.push({ ...this.location(variable.keyNode, variable.range), name: variable.key, raw, style: 'map' });
      }
      return entries;
    }
    if (isSeq(value)) {
      for (const item of seqItems(this.doc, value)) {
        const text = scalarText(item.node);
        if (typeof text !== 'string') {
          this.problem('compose/invalid-value', item.range, 'Each `environment` list item must be a string: KEY=value, KEY= or KEY.');
          continue;
        }
        const equals = text.indexOf('=');
        const name = equals < 0 ? text : text.slice(0, equals);
        entries.push({ ...this.location(item.node, item.range), name, raw: equals < 0 ? null : text.slice(equals + 1), style: 'list' });
      }
      return entries;
    }
    this.invalid(entry, '`environment` must be a mapping (KEY: value) or a list (- KEY=value).');
    return [];
  }

  private readEnvFiles(entry: MapEntry | undefined): EnvFileRef[] {
    if (!entry || isNullNode(entry.value)) return [];
    const items: { node: Node; range: TextRange }[] = isSeq(entry.value)
      ? seqItems(this.doc, entry.value)
      : entry.value
        ? [{ node: entry.value, range: nodeRange(entry.value) }]
        : [];
    const refs: EnvFileRef[] = [];
    for (const item of items) {
      let written = scalarText(item.node);
      let required = true;
      let pathNode: Node | null = item.node;
      if (isMap(item.node)) {
        const fields = mapEntries(this.doc, item.node);
        const pathEntry = entryOf(fields, 'path');
        pathNode = pathEntry?.value ?? null;
        written = pathEntry ? scalarText(pathEntry.value) : undefined;
        const requiredEntry = entryOf(fields, 'required');
        const requiredText = requiredEntry ? scalarText(requiredEntry.value) : null;
        if (typeof requiredText === 'string') required = requiredText !== 'false';
      }
      if (typeof written !== 'string' || written === '') {
        this.problem('compose/invalid-value', item.range, 'Each `env_file` entry must be a path or a mapping with `path` (and optional `required`).');
        continue;
      }
      const resolved = resolveHostPath(this.interpolated(written, pathNode), this.dir, this.env.host);
      refs.push({ ...this.location(item.node, item.range), path: resolved, written, required });
    }
    return refs;
  }

  private readExtends(entry: MapEntry | undefined): ExtendsRef | null {
    if (!entry || isNullNode(entry.value)) return null;
    const shorthand = scalarText(entry.value);
    if (typeof shorthand === 'string') return { ...this.location(entry.value), service: shorthand, fromFile: null };
    if (!isMap(entry.value)) {
      this.invalid(entry, '`extends` must be a service name or a mapping with `service` and optional `file`.');
      return null;
    }
    const fields = mapEntries(this.doc, entry.value);
    const serviceEntry = entryOf(fields, 'service');
    const service = serviceEntry ? scalarText(serviceEntry.value) : null;
    if (typeof service !== 'string') {
      this.invalid(entry, '`extends` needs a `service`.');
      return null;
    }
    const fileEntry = entryOf(fields, 'file');
    const fileText = fileEntry ? scalarText(fileEntry.value) : null;
    const file = typeof fileText === 'string' ? resolveHostPath(this.interpolated(fileText, fileEntry?.value ?? null), this.dir, this.env.host) : null;
    return { ...this.location(entry.value), service, fromFile: file };
  }

  private readIncludes(entry: MapEntry): IncludeRef[] {
    if (isNullNode(entry.value)) return [];
    if (!isSeq(entry.value)) {
      this.invalid(entry, '`include` must be a list.');
      return [];
    }
    const includes: IncludeRef[] = [];
    for (const item of seqItems(this.doc, entry.value)) {
      const location = this.location(item.node, item.range);
      const single = scalarText(item.node);
      if (typeof single === 'string') {
        includes.push({ ...location, paths: this.paths([single], item.node), envFiles: null, projectDirectory: null });
        continue;
      }
      if (!isMap(item.node)) continue;
      const fields = mapEntries(this.doc, item.node);
      const paths = this.stringList(entryOf(fields, 'path'));
      if (paths.length === 0) {
        this.problem('compose/include', item.range, 'An `include` entry needs a `path`.');
        continue;
      }
      const envFileEntry = entryOf(fields, 'env_file');
      const projectDirectory = this.stringList(entryOf(fields, 'project_directory'))[0];
      includes.push({
        ...location,
        paths: this.paths(paths, item.node),
        envFiles: envFileEntry ? this.paths(this.stringList(envFileEntry), item.node) : null,
        projectDirectory: projectDirectory === undefined ? null : this.paths([projectDirectory], item.node)[0] ?? null,
      });
    }
    return includes;
  }

  private stringList(entry: MapEntry | undefined): string[] {
    if (!entry) return [];
    const single = scalarText(entry.value);
    if (typeof single === 'string') return [single];
    if (!isSeq(entry.value)) return [];
    return seqItems(this.doc, entry.value)
      .map((item) => scalarText(item.node))
      .filter((text): text is string => typeof text === 'string');
  }

  private paths(written: string[], node: Node | null): string[] {
    return written
      .map((text) => resolveHostPath(this.interpolated(text, node), this.dir, this.env.host))
      .filter((resolved): resolved is string => resolved !== null);
  }

  /** Interpolates a non-secret field (image, path); reports invalid templates. */
  private interpolated(raw: string, node: Node | null): string {
    const result = interpolate(raw, this.env.lookup);
    for (const error of result.errors) {
      if (error.kind === 'invalid') this.problem('compose/interpolation', nodeRange(node), `${capitalize(error.message)}.`);
    }
    return result.value;
  }

  private location(node: Node | null, range: TextRange = nodeRange(node)): SourceLocation {
    const trimmed = this.trim(range);
    return { file: this.file, range: trimmed, line: this.lineAt(trimmed.start) };
  }

  /** Node ranges of block collections end after their newline; findings should not. */
  private trim(range: TextRange): TextRange {
    let end = range.end;
    while (end > range.start && /\s/.test(this.text[end - 1] ?? '')) end--;
    return { start: range.start, end };
  }

  private lineAt(offset: number): number {
    return this.lines.lineOf(offset) + 1;
  }

  private invalid(entry: MapEntry, message: string): void {
    this.problem('compose/invalid-value', entry.range, message);
  }

  private problem(code: Code, range: TextRange, message: string): void {
    this.problems.push({ code, severity: severityOf(code), message, file: this.file, range: this.trim(range) });
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
