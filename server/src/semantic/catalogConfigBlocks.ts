/**
 * Top-level blocks that are not components: configuration blocks (`logging`, `tracing`,
 * `argument`, `export`, `import.*`, `foreach`), `declare`, and service blocks (`http`,
 * `livedebugging`, `remotecfg`, `labelstore`). Placement rules follow Alloy's loader and
 * validator (`logging not allowed in module`, `argument blocks only allowed inside a
 * module`, `service blocks not allowed inside a module`, ...).
 */

import type { AttributeSchema, BlockSchema, ConfigBlockKind, ConfigBlockSchema, ExportSchema, Flow, Stability } from './catalogTypes';
import {
  block,
  exp,
  HTTP_CLIENT_BLOCKS,
  httpClientAttrs,
  httpClientBlock,
  opt,
  req,
  sourceFlow,
} from './catalogShared';

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

const LOGGING = configBlock('logging', {
  kind: 'config',
  doc: "Configures Alloy's own logging; `write_to` sends Alloy's logs (label `component=\"alloy\"`) into a pipeline.",
  label: 'forbidden',
  once: true,
  root: true,
  module: false,
  foreach: false,
  attributes: [
    opt('level', 'string', 'Minimum level to log.', { default: '"info"', enum: ['error', 'warn', 'info', 'debug'] }),
    opt('format', 'string', 'Log line format.', { default: '"logfmt"', enum: ['logfmt', 'json'] }),
    opt('destination', 'string', 'Where logs are written (`windows_event_log` by default when running as a Windows service).', {
      default: '"stderr"',
      enum: ['stderr', 'windows_event_log'],
    }),
    opt('write_to', 'list(LogsReceiver)', "Receivers that also get Alloy's logs, for example `loki.write.X.receiver`.", {
      default: '[]',
    }),
  ],
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
  attributes: [
    opt('sampling_fraction', 'number', 'Fraction of traces kept (>= 1 keeps all, <= 0 none).', { default: '0.1' }),
    opt('send_traceparent', 'bool', 'Send the W3C `traceparent` header on outgoing requests.', { default: 'false' }),
    opt('write_to', 'list(otelcol.Consumer)', "Consumers of Alloy's traces, for example `otelcol.exporter.otlp.X.input`.", {
      default: '[]',
    }),
  ],
  blocks: [
    block('sampler', 'Alternative sampler (only one may be set).', {
      blocks: [
        block('jaeger_remote', 'Sample by strategies fetched from a Jaeger remote sampling endpoint.', {
          attributes: [
            opt('url', 'string', 'Sampling strategy endpoint.', { default: '"http://127.0.0.1:5778/sampling"' }),
            opt('max_operations', 'number', 'Maximum operations tracked by the sampler.', { default: '256' }),
            opt('refresh_interval', 'duration', 'How often to refresh the strategies.', { default: '"1m"' }),
          ],
        }),
      ],
    }),
  ],
  flows: [sourceFlow('traces', 'write_to')],
});

const service = (name: string, doc: string, attributes: AttributeSchema[] = [], blocks: BlockSchema[] = []): ConfigBlockSchema =>
  configBlock(name, { kind: 'service', doc, label: 'forbidden', once: true, root: true, module: false, foreach: false, attributes, blocks });

const HTTP = service('http', "Configures Alloy's HTTP server (UI, `/metrics`, APIs): authentication and TLS.", [], [
  block('auth', 'Authentication of requests.', {
    blocks: [
      block('basic', 'Basic authentication.', {
        attributes: [req('username', 'string', 'Username.'), req('password', 'secret', 'Password.')],
      }),
      block('filter', 'Which paths need authentication.', {
        attributes: [
          opt('paths', 'list(string)', 'Path prefixes the filter applies to.', { default: '[]' }),
          opt('authenticate_matching_paths', 'bool', 'Authenticate matching paths (true) or all other paths (false).', {
            default: 'true',
          }),
        ],
      }),
    ],
  }),
  block('tls', 'Serve HTTPS.', {
    attributes: [
      opt('cert_pem', 'string', 'Server certificate PEM (or `cert_file`).', { default: '""' }),
      opt('cert_file', 'string', 'Server certificate file (or `cert_pem`).', { default: '""' }),
      opt('key_pem', 'secret', 'Server key PEM (or `key_file`).', { default: '""' }),
      opt('key_file', 'string', 'Server key file (or `key_pem`).', { default: '""' }),
      opt('client_ca_pem', 'string', 'CA to verify client certificates.', { default: '""' }),
      opt('client_ca_file', 'string', 'CA file to verify client certificates.', { default: '""' }),
      opt('client_auth_type', 'string', 'Client certificate policy.', {
        default: '"NoClientCert"',
        enum: ['NoClientCert', 'RequestClientCert', 'RequireAnyClientCert', 'VerifyClientCertIfGiven', 'RequireAndVerifyClientCert'],
      }),
      opt('cipher_suites', 'list(string)', 'Allowed cipher suites.', { default: '[]' }),
      opt('curve_preferences', 'list(string)', 'Allowed elliptic curves.', { default: '[]' }),
      opt('min_version', 'string', 'Minimum TLS version.', { default: '""' }),
      opt('max_version', 'string', 'Maximum TLS version.', { default: '""' }),
    ],
    blocks: [
      block('windows_certificate_filter', 'Use certificates from the Windows certificate store.', {
        blocks: [
          block('server', 'Server certificate selection.', {
            required: true,
            attributes: [
              opt('store', 'string', 'Certificate store.', { default: '""' }),
              opt('system_store', 'string', 'System store.', { default: '""' }),
              opt('issuer_common_names', 'list(string)', 'Issuer common names.'),
              opt('template_id', 'string', 'Certificate template ID.', { default: '""' }),
              opt('refresh_interval', 'string', 'How often to re-read the store.', { default: '"5m"' }),
            ],
          }),
          block('client', 'Client certificate verification.', {
            required: true,
            attributes: [
              opt('issuer_common_names', 'list(string)', 'Issuer common names.'),
              opt('subject_regex', 'string', 'Regex the client subject must match.', { default: '""' }),
              opt('template_id', 'string', 'Certificate template ID.', { default: '""' }),
            ],
          }),
        ],
      }),
    ],
  }),
]);

const LIVEDEBUGGING = service('livedebugging', 'Enables live debugging of component data in the UI.', [
  opt('enabled', 'bool', 'Enable live debugging.', { default: 'false' }),
]);

const REMOTECFG = service(
  'remotecfg',
  'Fetches additional configuration from a remote (Fleet Management) server.',
  [
    opt('url', 'string', 'Server URL (empty disables remote configuration).', { default: '""' }),
    opt('id', 'string', 'Collector ID (defaults to a generated, persisted ID).'),
    opt('name', 'string', 'Human-readable collector name.', { default: '""' }),
    opt('attributes', 'map(string)', 'Attributes used to select configurations.', { default: '{}' }),
    opt('poll_frequency', 'duration', 'How often to poll (minimum `"10s"`).', { default: '"1m"' }),
    ...httpClientAttrs(),
  ],
  [...HTTP_CLIENT_BLOCKS],
);

const LABELSTORE = service('labelstore', 'Undocumented label store service; takes no settings.');

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
