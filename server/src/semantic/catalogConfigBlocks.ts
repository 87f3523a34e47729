/**
 * Top-level blocks that are not components: configuration blocks (`logging`, `tracing`,
 * `argument`, `export`, `import.*`, `foreach`), `declare`, and service blocks (`http`,
 * `livedebugging`, `remotecfg`, `labelstore`). Placement rules follow Alloy's loader and
 * validator (`logging not allowed in module`, `argument blocks only allowed inside a
 * module`, `service blocks not allowed inside a module`, ...).
 */

import type { AttributeSchema, BlockSchema, ConfigBlockKind, ConfigBlockSchema, ExportSchema, Flow, Stability } from './catalogTypes';
import { sourceFlow } from './catalogFlows';
import { block, exp, httpClientBlock, opt, req } from './catalogShared';

interface Spec {
  kind: ConfigBlockKind;
  doc: string;
  stability?: Stability;
  label: 'required' | 'forbidden';
  once?: boolean;
  root: boolean;
  module: boolean;
  foreach: boolean;
  attributes?: readonly AttributeSchema[];
  blocks?: readonly BlockSchema[];
  exports?: readonly ExportSchema[];
  nestedConfig?: boolean;
  flows?: readonly Flow[];
}

function configBlock(name: string, s: Spec): ConfigBlockSchema {
  const b: ConfigBlockSchema = {
    name,
    kind: s.kind,
    stability: s.stability ?? 'generally-available',
    doc: s.doc,
    label: s.label,
    once: s.once ?? false,
    allowedAtRoot: s.root,
    allowedInModule: s.module,
    allowedInForeach: s.foreach,
    attributes: s.attributes ?? [],
    blocks: s.blocks ?? [],
    exports: s.exports ?? [],
    complete: true,
  };
  if (s.nestedConfig) b.nestedConfig = true;
  if (s.flows) b.flows = s.flows;
  return b;
}

// The bodies of these six come from the generated catalog (Alloy's service and runtime
// option structs), with their descriptions in the notes; what stays here is where they
// may appear, which Alloy's loader decides.
const LOGGING = configBlock('logging', {
  kind: 'config',
  doc: "Configures Alloy's own logging; `write_to` sends Alloy's logs (label `component=\"alloy\"`) into a pipeline.",
  label: 'forbidden',
  once: true,
  root: true,
  module: false,
  foreach: false,
  flows: [sourceFlow('logs', 'write_to')],
});

const TRACING = configBlock('tracing', {
  kind: 'config',
  doc: "Configures Alloy's own traces; `write_to` sends them to otelcol consumers.",
  label: 'forbidden',
  once: true,
  root: true,
  module: false,
  foreach: false,
  flows: [sourceFlow('traces', 'write_to')],
});

const service = (name: string, doc: string): ConfigBlockSchema =>
  configBlock(name, { kind: 'service', doc, label: 'forbidden', once: true, root: true, module: false, foreach: false });

const HTTP = service('http', "Configures Alloy's HTTP server (UI, `/metrics`, APIs): authentication and TLS.");
const LIVEDEBUGGING = service('livedebugging', 'Enables live debugging of component data in the UI.');
const REMOTECFG = service('remotecfg', 'Fetches additional configuration from a remote (Fleet Management) server.');
const LABELSTORE = service('labelstore', 'Undocumented label store service; takes no settings.');

// The module blocks, `import.*` and `foreach` are Alloy's runtime grammar, not registered
// components or services: the generator does not read them, so their bodies are written here.
const DECLARE = configBlock('declare', {
  kind: 'declare',
  doc: 'Defines a custom component named by the label; its body holds `argument`, `export` and components.',
  label: 'required',
  root: true,
  module: true,
  foreach: true,
  nestedConfig: true,
});

const ARGUMENT = configBlock('argument', {
  kind: 'module',
  doc: 'Declares an argument of a module; read it as `argument.NAME.value`.',
  label: 'required',
  root: false,
  module: true,
  foreach: true,
  attributes: [
    opt('optional', 'bool', 'Whether callers may omit the argument.', { default: 'false' }),
    opt('default', 'any', 'Value when the argument is omitted.', { default: 'null' }),
    opt('comment', 'string', 'Description of the argument.', { default: '""' }),
  ],
  exports: [exp('value', 'any', 'The value passed by the caller (or the default).')],
});

const EXPORT = configBlock('export', {
  kind: 'module',
  doc: 'Exposes a value of a module to its caller.',
  label: 'required',
  root: false,
  module: true,
  foreach: true,
  attributes: [req('value', 'any', 'Value to export.')],
});

const importBlock = (name: string, doc: string, attributes: AttributeSchema[], blocks: BlockSchema[] = []): ConfigBlockSchema =>
  configBlock(name, { kind: 'import', doc, label: 'required', root: true, module: true, foreach: true, attributes, blocks });

const IMPORTS: readonly ConfigBlockSchema[] = [
  importBlock('import.file', 'Imports custom components from a file or directory; the label is the namespace.', [
    req('filename', 'string', 'File or directory to import.'),
    opt('detector', 'string', 'How changes are detected.', { default: '"fsnotify"', enum: ['fsnotify', 'poll'] }),
    opt('poll_frequency', 'duration', 'Polling interval.', { default: '"1m"' }),
  ]),
  importBlock('import.string', 'Imports custom components from a string.', [
    req('content', 'secret', 'Module source (string or secret).'),
  ]),
  importBlock(
    'import.http',
    'Imports custom components fetched over HTTP.',
    [
      req('url', 'string', 'URL of the module.'),
      opt('method', 'string', 'HTTP method.', { default: '"GET"' }),
      opt('headers', 'map(string)', 'Request headers.', { default: '{}' }),
      opt('body', 'string', 'Request body.'),
      opt('poll_frequency', 'duration', 'Polling interval.', { default: '"1m"' }),
      opt('poll_timeout', 'duration', 'Timeout of one poll.', { default: '"10s"' }),
    ],
    [httpClientBlock('client', 'HTTP client settings.')],
  ),
  importBlock(
    'import.git',
    'Imports custom components from a Git repository.',
    [
      req('repository', 'string', 'Repository URL.'),
      req('path', 'string', 'File or directory inside the repository.'),
      opt('revision', 'string', 'Branch, tag or commit.', { default: '"HEAD"' }),
      opt('pull_frequency', 'duration', 'How often to pull (0 disables).', { default: '"60s"' }),
    ],
    [
      block('basic_auth', 'HTTP basic authentication.', {
        attributes: [req('username', 'string', 'Username.'), req('password', 'secret', 'Password.')],
      }),
      block('ssh_key', 'SSH key authentication.', {
        attributes: [
          req('username', 'string', 'SSH user.'),
          opt('key', 'secret', 'Private key.'),
          opt('key_file', 'string', 'Private key file.'),
          opt('passphrase', 'secret', 'Key passphrase.'),
        ],
      }),
    ],
  ),
];

const FOREACH = configBlock('foreach', {
  kind: 'config',
  stability: 'experimental',
  doc: 'Runs the `template` pipeline once per item of `collection` (needs `--stability.level=experimental`).',
  label: 'required',
  root: true,
  module: true,
  foreach: true,
  attributes: [
    req('collection', 'list(any)', 'Items to iterate over.'),
    req('var', 'string', 'Name of the variable holding the current item inside `template`.'),
    opt('id', 'string', 'Item field used to name instances.', { default: '""' }),
    opt('enable_metrics', 'bool', 'Expose metrics of the inner components.', { default: 'false' }),
    opt('hash_string_id', 'bool', 'Hash string IDs in instance names.', { default: 'false' }),
  ],
  blocks: [block('template', 'The components to instantiate per item.', { required: true, nestedConfig: true })],
});

export const CONFIG_BLOCKS: readonly ConfigBlockSchema[] = [
  LOGGING,
  TRACING,
  HTTP,
  LIVEDEBUGGING,
  REMOTECFG,
  LABELSTORE,
  DECLARE,
  ARGUMENT,
  EXPORT,
  ...IMPORTS,
  FOREACH,
];

/** Services that exist but reject a configuration block. */
export const UNCONFIGURABLE_SERVICES: readonly string[] = ['cluster', 'otel', 'ui'];
