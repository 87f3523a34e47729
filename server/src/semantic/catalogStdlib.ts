/**
 * The Alloy standard library: namespaced functions, constants, and the deprecated
 * top-level aliases (which still work but make `alloy validate` warn). Names, stability
 * and arity come from the generated catalog; signatures (parameter names), parameter
 * types and descriptions are ours.
 */
import { generatedStdlib, type GeneratedStdlib } from './catalogGenerated';

/** How many arguments a function takes; no `max` when it takes any number from `min`. */
export interface StdlibArity {
  min: number;
  max?: number;
}

/** A standard-library function. */
export interface StdlibFunction {
  /** Full name as written in a config: `string.format`, `coalesce`, `env`. */
  name: string;
  /** Signature in doc notation, for example `string.format(format, args...) → string`. */
  signature: string;
  doc: string;
  /** Needs `--stability.level=experimental`. */
  experimental?: boolean;
  /** How many arguments it takes, when the generated catalog knows. */
  arity?: StdlibArity;
  /** For deprecated aliases: the name to use instead. */
  replacement?: string;
}

/** A standard-library constant (a value, not a function). */
export interface StdlibConstant {
  name: string;
  type: string;
  doc: string;
}

/** A standard-library namespace and its members (short names). */
export interface StdlibNamespace {
  name: string;
  doc: string;
  members: readonly string[];
}

const generatedByName: ReadonlyMap<string, GeneratedStdlib> = new Map(generatedStdlib().map((s) => [s.name, s]));

/**
 * Arity of the Go standard-library functions Alloy binds directly (`string.join` is
 * `strings.Join`): their source is Go's, not in Alloy's checkout, so the generator names
 * them and their parameters are counted here, from Go's documented signatures.
 */
const GO_FUNCTION_ARITY: ReadonlyMap<string, StdlibArity> = new Map([
  ['os.Getenv', { min: 1, max: 1 }],
  ['filepath.Join', { min: 0 }],
  ['fmt.Sprintf', { min: 1 }],
  ['strings.Join', { min: 2, max: 2 }],
  ['strings.ReplaceAll', { min: 3, max: 3 }],
  ['strings.Split', { min: 2, max: 2 }],
  ['strings.ToLower', { min: 1, max: 1 }],
  ['strings.ToUpper', { min: 1, max: 1 }],
  ['strings.Trim', { min: 2, max: 2 }],
  ['strings.TrimPrefix', { min: 2, max: 2 }],
  ['strings.TrimSuffix', { min: 2, max: 2 }],
  ['strings.TrimSpace', { min: 1, max: 1 }],
]);

/** The arity of the stdlib function `name`: generated, or from Go's signature; undefined when neither knows. */
export function stdlibArity(name: string): StdlibArity | undefined {
  const g = generatedByName.get(name);
  if (!g) return undefined;
  return g.arity ?? (g.goFunction !== undefined ? GO_FUNCTION_ARITY.get(g.goFunction) : undefined);
}

/** A current function: stability and arity from the generated catalog, the rest ours. */
function fn(name: string, signature: string, doc: string): StdlibFunction {
  const out: StdlibFunction = { name, signature, doc };
  if (generatedByName.get(name)?.stability === 'experimental') out.experimental = true;
  const arity = stdlibArity(name);
  if (arity) out.arity = arity;
  return out;
}

const CURRENT: readonly StdlibFunction[] = [
  fn('sys.env', 'sys.env(name) → string', 'Value of an environment variable; empty string when unset.'),
  fn('coalesce', 'coalesce(values...) → any', 'First argument that is not null or empty; the last argument otherwise.'),
  fn('json_path', 'json_path(json, path) → list', 'Evaluates a JSONPath expression on a JSON string; always returns a list.'),
  fn('array.concat', 'array.concat(arrays...) → array', 'Concatenates arrays.'),
  fn('array.combine_maps', 'array.combine_maps(lhs, rhs, keys[, keep_unmatched]) → list(map)', 'Joins two lists of maps on `keys`.'),
  fn('array.group_by', 'array.group_by(array, key, drop_missing) → list(object)', 'Groups objects by the value of `key`.'),
  fn('convert.nonsensitive', 'convert.nonsensitive(secret) → string', 'Turns a secret into a plain string.'),
  fn('encoding.from_json', 'encoding.from_json(string) → any', 'Decodes JSON.'),
  fn('encoding.from_yaml', 'encoding.from_yaml(string) → any', 'Decodes YAML.'),
  fn('encoding.from_base64', 'encoding.from_base64(string) → string', 'Decodes standard base64.'),
  fn('encoding.from_URLbase64', 'encoding.from_URLbase64(string) → string', 'Decodes URL-safe base64.'),
  fn('encoding.to_base64', 'encoding.to_base64(string) → string', 'Encodes standard base64.'),
  fn('encoding.to_URLbase64', 'encoding.to_URLbase64(string) → string', 'Encodes URL-safe base64.'),
  fn('encoding.to_json', 'encoding.to_json(object) → string', 'Encodes a map/object as JSON.'),
  fn('encoding.url_encode', 'encoding.url_encode(string) → string', 'Escapes a string for a URL query.'),
  fn('encoding.url_decode', 'encoding.url_decode(string) → string', 'Unescapes a URL query string.'),
  fn('file.path_join', 'file.path_join(parts...) → string', 'Joins path elements with the OS separator.'),
  fn('string.format', 'string.format(format, args...) → string', 'Formats like Go `fmt.Sprintf` (`%s`, `%d`, `%q`, `%v`, ...).'),
  fn('string.join', 'string.join(list, separator) → string', 'Joins a list of strings.'),
  fn('string.replace', 'string.replace(string, old, new) → string', 'Replaces every occurrence of `old`.'),
  fn('string.split', 'string.split(string, separator) → list(string)', 'Splits a string.'),
  fn('string.to_lower', 'string.to_lower(string) → string', 'Lower-cases a string.'),
  fn('string.to_upper', 'string.to_upper(string) → string', 'Upper-cases a string.'),
  fn('string.trim', 'string.trim(string, cutset) → string', 'Removes leading and trailing characters in `cutset`.'),
  fn('string.trim_prefix', 'string.trim_prefix(string, prefix) → string', 'Removes a prefix.'),
  fn('string.trim_suffix', 'string.trim_suffix(string, suffix) → string', 'Removes a suffix.'),
  fn('string.trim_space', 'string.trim_space(string) → string', 'Removes leading and trailing whitespace.'),
];

/** Deprecated top-level aliases → their namespaced replacements. */
export const deprecatedStdlib: ReadonlyMap<string, string> = new Map([
  ['env', 'sys.env'],
  ['nonsensitive', 'convert.nonsensitive'],
  ['concat', 'array.concat'],
  ['json_decode', 'encoding.from_json'],
  ['yaml_decode', 'encoding.from_yaml'],
  ['base64_decode', 'encoding.from_base64'],
  ['format', 'string.format'],
  ['join', 'string.join'],
  ['replace', 'string.replace'],
  ['split', 'string.split'],
  ['to_lower', 'string.to_lower'],
  ['to_upper', 'string.to_upper'],
  ['trim', 'string.trim'],
  ['trim_prefix', 'string.trim_prefix'],
  ['trim_suffix', 'string.trim_suffix'],
  ['trim_space', 'string.trim_space'],
]);

const byName: ReadonlyMap<string, StdlibFunction> = new Map(CURRENT.map((f) => [f.name, f]));

const DEPRECATED: readonly StdlibFunction[] = [...deprecatedStdlib].map(([alias, target]) => {
  const current = byName.get(target);
  const signature = current ? current.signature.replace(target, alias) : `${alias}(...)`;
  const out: StdlibFunction = { name: alias, signature, doc: `Deprecated alias of \`${target}\`.`, replacement: target };
  const arity = stdlibArity(alias);
  if (arity) out.arity = arity;
  return out;
});

/** Every function, current ones first, then the deprecated aliases. */
export const stdlibFunctions: readonly StdlibFunction[] = [...CURRENT, ...DEPRECATED];

export const stdlibConstants: readonly StdlibConstant[] = [
  { name: 'constants.hostname', type: 'string', doc: 'Host name of the machine running Alloy.' },
  { name: 'constants.os', type: 'string', doc: 'Operating system (Go `GOOS`), for example `linux`.' },
  { name: 'constants.arch', type: 'string', doc: 'CPU architecture (Go `GOARCH`), for example `amd64`.' },
  { name: 'constants.version', type: 'string', doc: 'Alloy version as `vX.Y.Z` (`v0.0.0` when unknown).' },
];

const members = (ns: string): string[] =>
  [...CURRENT.map((f) => f.name), ...stdlibConstants.map((c) => c.name)]
    .filter((n) => n.startsWith(`${ns}.`))
    .map((n) => n.slice(ns.length + 1));

export const stdlibNamespaces: readonly StdlibNamespace[] = [
  { name: 'array', doc: 'Functions on arrays.', members: members('array') },
  { name: 'constants', doc: 'Values describing the running Alloy.', members: members('constants') },
  { name: 'convert', doc: 'Type conversions.', members: members('convert') },
  { name: 'encoding', doc: 'Encoding and decoding (JSON, YAML, base64, URL).', members: members('encoding') },
  { name: 'file', doc: 'File path helpers.', members: members('file') },
  { name: 'string', doc: 'String functions.', members: members('string') },
  { name: 'sys', doc: 'System information (environment variables).', members: members('sys') },
];

const allByName: ReadonlyMap<string, StdlibFunction> = new Map(stdlibFunctions.map((f) => [f.name, f]));

/** The function called `name` (`string.format`, `env`, ...), if any. */
export function getStdlibFunction(name: string): StdlibFunction | undefined {
  return allByName.get(name);
}

/** The type of each parameter of the current functions, in order (from Alloy's stdlib implementation). */
const PARAMETER_TYPES: ReadonlyMap<string, readonly string[]> = new Map([
  ['sys.env', ['string']],
  ['coalesce', ['any']],
  ['json_path', ['string', 'string']],
  ['array.concat', ['array']],
  ['array.combine_maps', ['list(map)', 'list(map)', 'list(string)', 'bool']],
  ['array.group_by', ['list(object)', 'string', 'bool']],
  ['convert.nonsensitive', ['secret']],
  ['encoding.from_json', ['string']],
  ['encoding.from_yaml', ['string']],
  ['encoding.from_base64', ['string']],
  ['encoding.from_URLbase64', ['string']],
  ['encoding.to_base64', ['string']],
  ['encoding.to_URLbase64', ['string']],
  ['encoding.to_json', ['map(any)']],
  ['encoding.url_encode', ['string']],
  ['encoding.url_decode', ['string']],
  ['file.path_join', ['string']],
  ['string.format', ['string', 'any']],
  ['string.join', ['list(string)', 'string']],
  ['string.replace', ['string', 'string', 'string']],
  ['string.split', ['string', 'string']],
  ['string.to_lower', ['string']],
  ['string.to_upper', ['string']],
  ['string.trim', ['string', 'string']],
  ['string.trim_prefix', ['string', 'string']],
  ['string.trim_suffix', ['string', 'string']],
  ['string.trim_space', ['string']],
]);

/** One parameter of a stdlib function, as its signature names it. */
export interface StdlibParameter {
  name: string;
  type: string;
  /** `args...`: takes any number of values. */
  variadic: boolean;
  /** `[, keep_unmatched]`: may be left out. */
  optional: boolean;
}

/**
 * The parameters of the function called `name` (deprecated aliases take their
 * replacement's), named by its signature, typed by the table above; which ones may be
 * left out or repeated follows the generated arity when there is one, else the
 * signature's `[, x]` and `x...`. Undefined for an unknown function.
 */
export function getStdlibParameters(name: string): StdlibParameter[] | undefined {
  const f = allByName.get(name);
  if (!f) return undefined;
  const types = PARAMETER_TYPES.get(f.replacement ?? f.name) ?? [];
  const inside = /\(([^)]*)\)/.exec(f.signature)?.[1] ?? '';
  const names = inside.split(/,\s*|\[,\s*/).map((s) => s.replace(/[[\]]/g, '').trim()).filter((s) => s !== '');
  const arity = f.arity;
  return names.map((raw, i) => ({
    name: raw.replace(/\.\.\.$/, ''),
    type: types[i] ?? 'any',
    variadic: arity ? arity.max === undefined && i === names.length - 1 : raw.endsWith('...'),
    optional: arity ? arity.max !== undefined && i >= arity.min : inside.includes(`[, ${raw}]`),
  }));
}
