/**
 * Builders for catalog entries and the blocks many components share (HTTP client
 * options, TLS, relabel rules, the otelcol client/queue/retry/output blocks). Each shared
 * block is defined once here and reused by the namespace files.
 */

import type {
  AttributeSchema,
  BlockSchema,
  CapsuleKind,
  ComponentSchema,
  ExportSchema,
  Flow,
  Signal,
  Stability,
} from './catalogTypes';

const CAPSULE_KINDS: ReadonlySet<string> = new Set<CapsuleKind>([
  'MetricsReceiver',
  'LogsReceiver',
  'ProfilesReceiver',
  'otelcol.Consumer',
  'otelcol.Handler',
  'Targets',
  'RelabelRules',
]);

/** The capsule kind named by a doc type such as `list(LogsReceiver)` or `capsule(otelcol.Handler)`. */
export function capsuleKindOfType(type: string): CapsuleKind | undefined {
  const inner = type.replace(/^list\(/, '').replace(/^capsule\(/, '').replace(/\)+$/, '');
  return CAPSULE_KINDS.has(inner) ? (inner as CapsuleKind) : undefined;
}

// ---------------------------------------------------------------------------------------
// Builders

export interface AttrOptions {
  default?: string;
  enum?: readonly string[];
  accepts?: CapsuleKind;
  deprecated?: string;
}

function attribute(name: string, type: string, required: boolean, doc: string, o: AttrOptions): AttributeSchema {
  const a: AttributeSchema = { name, type, required, doc };
  if (o.default !== undefined) a.default = o.default;
  const accepts = o.accepts ?? capsuleKindOfType(type);
  if (accepts) a.accepts = accepts;
  if (o.enum) a.enum = o.enum;
  if (o.deprecated) a.deprecated = o.deprecated;
  return a;
}

/** An optional attribute. */
export function opt(name: string, type: string, doc: string, o: AttrOptions = {}): AttributeSchema {
  return attribute(name, type, false, doc, o);
}

/** A required attribute. */
export function req(name: string, type: string, doc: string, o: AttrOptions = {}): AttributeSchema {
  return attribute(name, type, true, doc, o);
}

export interface BlockOptions {
  required?: boolean;
  repeatable?: boolean;
  attributes?: readonly AttributeSchema[];
  blocks?: readonly BlockSchema[];
  labelled?: boolean;
  partial?: boolean;
  nestedConfig?: boolean;
}

/** A nested block. */
export function block(name: string, doc: string, o: BlockOptions = {}): BlockSchema {
  const b: BlockSchema = {
    name,
    required: o.required ?? false,
    repeatable: o.repeatable ?? false,
    doc,
    attributes: o.attributes ?? [],
    blocks: o.blocks ?? [],
  };
  if (o.labelled) b.labelled = true;
  if (o.partial) b.partial = true;
  if (o.nestedConfig) b.nestedConfig = true;
  return b;
}

/** A copy of `b` with other properties (name, required, repeatable, doc). */
export function variant(b: BlockSchema, o: Partial<Pick<BlockSchema, 'name' | 'required' | 'repeatable' | 'doc'>>): BlockSchema {
  return { ...b, ...o };
}

/** An export; the capsule kind is derived from the type unless given. */
export function exp(name: string, type: string, doc: string, kind?: CapsuleKind): ExportSchema {
  const e: ExportSchema = { name, type, doc };
  const k = kind ?? capsuleKindOfType(type);
  if (k) e.kind = k;
  return e;
}

export interface ComponentSpec {
  doc: string;
  note?: string;
  attributes?: readonly AttributeSchema[];
  blocks?: readonly BlockSchema[];
  exports?: readonly ExportSchema[];
  complete?: boolean;
  sinks?: readonly Signal[];
  localSink?: boolean;
  flows?: readonly Flow[];
}

/** A component entry. `complete` defaults to false (names-only entry). */
export function component(name: string, stability: Stability, spec: ComponentSpec): ComponentSchema {
  const c: ComponentSchema = {
    name,
    namespace: name.split('.')[0] ?? name,
    stability,
    doc: spec.doc,
    attributes: spec.attributes ?? [],
    blocks: spec.blocks ?? [],
    exports: spec.exports ?? [],
    complete: spec.complete ?? false,
  };
  if (stability === 'community') c.community = true;
  if (spec.note) c.note = spec.note;
  if (spec.sinks) c.sinks = spec.sinks;
  if (spec.localSink) c.localSink = true;
  if (spec.flows) c.flows = spec.flows;
  return c;
}

// ---------------------------------------------------------------------------------------
// Flows

/** Data the component produces itself, leaving through `output`. */
export function sourceFlow(signal: Signal, output = 'forward_to'): Flow {
  return { output, outSignal: signal };
}

/** Data entering through the `input` export and leaving through `output`, same signal. */
export function passFlow(signal: Signal, input = 'receiver', output = 'forward_to'): Flow {
  return { input, inSignal: signal, output, outSignal: signal };
}

/** Data entering as `inSignal` and leaving converted to `outSignal`. */
export function convertFlow(input: string, inSignal: Signal, output: string, outSignal: Signal): Flow {
  return { input, inSignal, output, outSignal };
}

/** otelcol processors: signal S entering `input` leaves via `output.S`. */
export function otelPassFlows(signals: readonly Signal[]): Flow[] {
  return signals.map((s) => passFlow(s, 'input', `output.${s}`));
}

/** otelcol receivers: signal S produced by the component leaves via `output.S`. */
export function otelSourceFlows(signals: readonly Signal[]): Flow[] {
  return signals.map((s) => sourceFlow(s, `output.${s}`));
}

export const ALL_OTEL: readonly Signal[] = ['metrics', 'logs', 'traces'];

// ---------------------------------------------------------------------------------------
// Common exports and reference arguments

export const TARGETS_EXPORT = exp('targets', 'list(map(string))', 'Targets to scrape or to pass to other components.', 'Targets');
export const METRICS_RECEIVER_EXPORT = exp('receiver', 'MetricsReceiver', 'Where other components send metrics to.');
export const LOGS_RECEIVER_EXPORT = exp('receiver', 'LogsReceiver', 'Where other components send log entries to.');
export const PROFILES_RECEIVER_EXPORT = exp('receiver', 'ProfilesReceiver', 'Where other components send profiles to.');
export const OTEL_INPUT_EXPORT = exp('input', 'otelcol.Consumer', 'Where other otelcol components send telemetry to.');
export const HANDLER_EXPORT = exp('handler', 'capsule(otelcol.Handler)', 'Authenticator or extension other otelcol components reference.');
export const RULES_EXPORT = exp('rules', 'RelabelRules', 'The currently configured relabeling rules.');

export const forwardTo = (kind: 'MetricsReceiver' | 'LogsReceiver' | 'ProfilesReceiver', what: string): AttributeSchema =>
  req('forward_to', `list(${kind})`, `Receivers to send ${what} to.`);
export const targetsArg = (doc = 'Targets to read from.'): AttributeSchema =>
  req('targets', 'list(map(string))', doc, { accepts: 'Targets' });
export const RELABEL_RULES_ARG = opt('relabel_rules', 'RelabelRules', 'Relabeling rules to apply to entries, usually from a relabel component.', {
  default: '{}',
});

// ---------------------------------------------------------------------------------------
// Prometheus-style HTTP client options

export const BASIC_AUTH = block('basic_auth', 'Basic authentication.', {
  attributes: [
    opt('username', 'string', 'Username.'),
    opt('password', 'secret', 'Password (exclusive with `password_file`).'),
    opt('password_file', 'string', 'File holding the password.'),
  ],
});

export const AUTHORIZATION = block('authorization', 'Generic `Authorization` header credentials.', {
  attributes: [
    opt('type', 'string', 'Authorization type, for example `Bearer`.'),
    opt('credentials', 'secret', 'Secret value.'),
    opt('credentials_file', 'string', 'File holding the secret value.'),
  ],
});

export const TLS_CONFIG = block('tls_config', 'TLS settings for the connection.', {
  attributes: [
    opt('ca_pem', 'string', 'CA PEM-encoded text.'),
    opt('ca_file', 'string', 'CA certificate file.'),
    opt('cert_pem', 'string', 'Client certificate PEM text.'),
    opt('cert_file', 'string', 'Client certificate file.'),
    opt('key_pem', 'secret', 'Client key PEM text.'),
    opt('key_file', 'string', 'Client key file.'),
    opt('server_name', 'string', 'Server name (SNI) to verify.'),
    opt('insecure_skip_verify', 'bool', 'Disable certificate verification.'),
    opt('min_version', 'string', 'Minimum TLS version, for example `TLS12`.'),
  ],
});

const PROXY_ATTRS: readonly AttributeSchema[] = [
  opt('proxy_url', 'string', 'HTTP proxy to send requests through.'),
  opt('no_proxy', 'string', 'Comma-separated hosts, IPs and CIDRs excluded from proxying.'),
  opt('proxy_from_environment', 'bool', 'Use the proxy from HTTP_PROXY/HTTPS_PROXY/NO_PROXY.', { default: 'false' }),
  opt('proxy_connect_header', 'map(list(secret))', 'Headers sent to the proxy on CONNECT.'),
];

export const OAUTH2 = block('oauth2', 'OAuth 2.0 client credentials.', {
  attributes: [
    opt('client_id', 'string', 'OAuth2 client ID.'),
    opt('client_secret', 'secret', 'OAuth2 client secret.'),
    opt('client_secret_file', 'string', 'File holding the client secret.'),
    opt('scopes', 'list(string)', 'Scopes to request.'),
    opt('token_url', 'string', 'URL to fetch the token from.'),
    opt('endpoint_params', 'map(string)', 'Extra parameters for the token URL.'),
    ...PROXY_ATTRS,
  ],
  blocks: [TLS_CONFIG],
});

/** The HTTP client attributes of Prometheus/Loki components (`HTTPClientConfig`). */
export function httpClientAttrs(enableHttp2Default = 'true'): AttributeSchema[] {
  return [
    opt('bearer_token', 'secret', 'Bearer token sent in the `Authorization` header.'),
    opt('bearer_token_file', 'string', 'File holding the bearer token.'),
    opt('enable_http2', 'bool', 'Whether HTTP/2 is supported.', { default: enableHttp2Default }),
    opt('follow_redirects', 'bool', 'Whether to follow HTTP 3xx redirects.', { default: 'true' }),
    opt('http_headers', 'map(list(secret))', 'Custom HTTP headers sent with each request.'),
    ...PROXY_ATTRS,
  ];
}

/** The auth/TLS blocks that go with `httpClientAttrs`. */
export const HTTP_CLIENT_BLOCKS: readonly BlockSchema[] = [BASIC_AUTH, AUTHORIZATION, OAUTH2, TLS_CONFIG];

/** A block holding the whole HTTP client configuration (`client`, `http_client_config`). */
export function httpClientBlock(name: string, doc: string): BlockSchema {
  return block(name, doc, { attributes: httpClientAttrs(), blocks: HTTP_CLIENT_BLOCKS });
}

/** Kubernetes API client settings (`client` block of Kubernetes-aware components). */
export function kubernetesClientBlock(): BlockSchema {
  return block('client', 'Kubernetes API client settings (in-cluster config when unset).', {
    attributes: [
      opt('api_server', 'string', 'URL of the Kubernetes API server.'),
      opt('kubeconfig_file', 'string', 'Path of a kubeconfig file.'),
      ...httpClientAttrs(),
    ],
    blocks: HTTP_CLIENT_BLOCKS,
  });
}

export const RELABEL_ACTIONS: readonly string[] = [
  'replace', 'keep', 'drop', 'hashmod', 'labelmap', 'labeldrop', 'labelkeep',
  'lowercase', 'uppercase', 'keepequal', 'dropequal',
];

const RULE_ATTRS: readonly AttributeSchema[] = [
  opt('source_labels', 'list(string)', 'Labels whose values are concatenated and matched.'),
  opt('separator', 'string', 'Separator between concatenated source label values.', { default: '";"' }),
  opt('regex', 'string', 'RE2 expression matched against the concatenated value.', { default: '"(.*)"' }),
  opt('modulus', 'uint', 'Modulus for the `hashmod` action.'),
  opt('target_label', 'string', 'Label the result is written to.'),
  opt('replacement', 'string', 'Replacement value; may use capture groups.', { default: '"$1"' }),
  opt('action', 'string', 'Relabeling action.', { default: '"replace"', enum: RELABEL_ACTIONS }),
];

/** A relabeling `rule` block (applied in order). */
export const RELABEL_RULE = block('rule', 'A relabeling rule; rules apply top to bottom.', {
  repeatable: true,
  attributes: RULE_ATTRS,
});

export const CLUSTERING = block('clustering', 'Distribute the work across Alloy cluster peers.', {
  attributes: [req('enabled', 'bool', 'Enable clustering for this component.')],
});

export const SELECTOR_BLOCK = (name: string, doc: string): BlockSchema =>
  block(name, doc, {
    attributes: [opt('match_labels', 'map(string)', 'Labels that must match exactly.')],
    blocks: [
      block('match_expression', 'A label selector expression.', {
        repeatable: true,
        attributes: [
          req('key', 'string', 'Label key.'),
          req('operator', 'string', 'Operator.', { enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'] }),
          opt('values', 'list(string)', 'Values for `In`/`NotIn`.'),
        ],
      }),
    ],
  });

// ---------------------------------------------------------------------------------------
// otelcol shared blocks

export const OTEL_OUTPUT = block('output', 'Where to send the telemetry this component emits.', {
  required: true,
  attributes: [
    opt('metrics', 'list(otelcol.Consumer)', 'Consumers to send metrics to.', { default: '[]' }),
    opt('logs', 'list(otelcol.Consumer)', 'Consumers to send logs to.', { default: '[]' }),
    opt('traces', 'list(otelcol.Consumer)', 'Consumers to send traces to.', { default: '[]' }),
  ],
});

export const OTEL_DEBUG_METRICS = block('debug_metrics', 'Metrics this component generates about itself.', {
  attributes: [
    opt('disable_high_cardinality_metrics', 'bool', 'Drop attributes that make internal metrics high cardinality.', {
      default: 'true',
    }),
    opt('level', 'string', 'No-op, kept for compatibility.', {
      enum: ['none', 'basic', 'normal', 'detailed'],
      deprecated: 'The level can no longer be set per component; remove it.',
    }),
  ],
});

export const OTEL_TPM = block('tpm', 'Load the TLS key from a Trusted Platform Module.', {
  attributes: [
    opt('enabled', 'bool', 'Load the key from the TPM.', { default: 'false' }),
    opt('path', 'string', 'Path to the TPM device.', { default: '""' }),
    opt('owner_auth', 'string', 'TPM owner authorization.', { default: '""' }),
    opt('auth', 'string', 'TPM key authorization.', { default: '""' }),
  ],
});

const OTEL_TLS_COMMON: readonly AttributeSchema[] = [
  opt('ca_file', 'string', 'CA certificate file.'),
  opt('ca_pem', 'string', 'CA PEM-encoded text.'),
  opt('cert_file', 'string', 'Certificate file.'),
  opt('cert_pem', 'string', 'Certificate PEM text.'),
  opt('key_file', 'string', 'Key file.'),
  opt('key_pem', 'secret', 'Key PEM text.'),
  opt('min_version', 'string', 'Minimum TLS version.', { default: '"TLS 1.2"' }),
  opt('max_version', 'string', 'Maximum TLS version.', { default: '"TLS 1.3"' }),
  opt('reload_interval', 'duration', 'How often to reload certificates (0 disables).', { default: '"0s"' }),
  opt('cipher_suites', 'list(string)', 'Allowed cipher suites.', { default: '[]' }),
  opt('curve_preferences', 'list(string)', 'Elliptic curves for the handshake.', { default: '[]' }),
  opt('include_insecure_cipher_suites', 'bool', 'Allow insecure cipher suites.', { default: 'false' }),
  opt('include_system_ca_certs_pool', 'bool', 'Also trust the system CA pool.', { default: 'false' }),
];

/** Client-side TLS of otelcol exporters. */
export const OTEL_TLS_CLIENT = block('tls', 'TLS settings for the connection.', {
  attributes: [
    ...OTEL_TLS_COMMON,
    opt('insecure', 'bool', 'Disable TLS (plain-text connection).', { default: 'false' }),
    opt('insecure_skip_verify', 'bool', 'Skip certificate verification.', { default: 'false' }),
    opt('server_name', 'string', 'Server name to verify.'),
  ],
  blocks: [OTEL_TPM],
});

/** Server-side TLS of otelcol receivers. */
export const OTEL_TLS_SERVER = block('tls', 'TLS settings for the server.', {
  attributes: [...OTEL_TLS_COMMON, opt('client_ca_file', 'string', 'CA file to verify client certificates.')],
  blocks: [OTEL_TPM],
});

export const OTEL_RETRY = block('retry_on_failure', 'Retry failed requests.', {
  attributes: [
    opt('enabled', 'bool', 'Retry failed requests.', { default: 'true' }),
    opt('initial_interval', 'duration', 'Wait before the first retry.', { default: '"5s"' }),
    opt('max_interval', 'duration', 'Maximum wait between retries.', { default: '"30s"' }),
    opt('max_elapsed_time', 'duration', 'Give up after this long (0 = never).', { default: '"5m"' }),
    opt('multiplier', 'number', 'Backoff multiplier.', { default: '1.5' }),
    opt('randomization_factor', 'number', 'Jitter factor.', { default: '0.5' }),
  ],
});

export const OTEL_SENDING_QUEUE = block('sending_queue', 'Buffer batches in memory (or storage) before sending.', {
  attributes: [
    opt('enabled', 'bool', 'Enable the queue.', { default: 'true' }),
    opt('num_consumers', 'number', 'Parallel senders.', { default: '10' }),
    opt('queue_size', 'number', 'Maximum queue size (unit given by `sizer`).', { default: '1000' }),
    opt('sizer', 'string', 'Unit of `queue_size`.', { default: '"requests"', enum: ['requests', 'items', 'bytes'] }),
    opt('block_on_overflow', 'bool', 'Block instead of dropping when full.', { default: 'false' }),
    opt('wait_for_result', 'bool', 'Wait for the export result before acknowledging.', { default: 'false' }),
    opt('storage', 'capsule(otelcol.Handler)', 'Persistent storage, for example `otelcol.storage.file`.'),
  ],
  blocks: [
    block('batch', 'Batch queued data before export.', {
      attributes: [
        opt('flush_timeout', 'duration', 'Send a batch after this long.', { default: '"200ms"' }),
        opt('min_size', 'number', 'Minimum batch size.', { default: '2000' }),
        opt('max_size', 'number', 'Maximum batch size.', { default: '3000' }),
        opt('sizer', 'string', 'Unit of the sizes.', { default: '"items"', enum: ['items', 'bytes'] }),
      ],
    }),
  ],
});

export const OTEL_COMPRESSIONS: readonly string[] = ['gzip', 'zlib', 'deflate', 'snappy', 'zstd', 'none', ''];

/** otelcol gRPC client (`client` of otelcol.exporter.otlp). */
export const OTEL_GRPC_CLIENT = block('client', 'gRPC client settings for the destination.', {
  required: true,
  attributes: [
    req('endpoint', 'string', '`host:port` to send to.'),
    opt('auth', 'capsule(otelcol.Handler)', 'Authenticator, for example `otelcol.auth.basic.X.handler`.'),
    opt('compression', 'string', 'Compression of requests.', { default: '"gzip"', enum: OTEL_COMPRESSIONS }),
    opt('headers', 'map(string)', 'Extra headers sent with each request.', { default: '{}' }),
    opt('balancer_name', 'string', 'gRPC client-side load balancer.', { default: '"round_robin"', enum: ['pick_first', 'round_robin'] }),
    opt('authority', 'string', 'Overrides the `:authority` pseudo-header.'),
    opt('wait_for_ready', 'bool', 'Wait for the connection to be ready before sending.', { default: 'false' }),
    opt('read_buffer_size', 'string', 'Read buffer size.'),
    opt('write_buffer_size', 'string', 'Write buffer size.', { default: '"512KiB"' }),
  ],
  blocks: [
    OTEL_TLS_CLIENT,
    block('keepalive', 'gRPC keepalive pings.', {
      attributes: [
        opt('ping_wait', 'duration', 'Ping after this long without activity.'),
        opt('ping_response_timeout', 'duration', 'Close the connection if no ping reply within this time.'),
        opt('ping_without_stream', 'bool', 'Send pings even without active streams.'),
      ],
    }),
  ],
});

/** otelcol HTTP client (`client` of otelcol.exporter.otlphttp and others). */
export const OTEL_HTTP_CLIENT = block('client', 'HTTP client settings for the destination.', {
  required: true,
  attributes: [
    req('endpoint', 'string', 'Base URL to send to, for example `https://otlp-gateway-prod-eu-west-0.grafana.net/otlp`.'),
    opt('auth', 'capsule(otelcol.Handler)', 'Authenticator, for example `otelcol.auth.basic.X.handler`.'),
    opt('compression', 'string', 'Compression of requests.', { default: '"gzip"', enum: OTEL_COMPRESSIONS }),
    opt('headers', 'map(string)', 'Extra headers sent with each request.', { default: '{}' }),
    opt('timeout', 'duration', 'Request timeout.', { default: '"30s"' }),
    opt('proxy_url', 'string', 'HTTP proxy URL.'),
    opt('read_buffer_size', 'string', 'Read buffer size.', { default: '0' }),
    opt('write_buffer_size', 'string', 'Write buffer size.', { default: '"512KiB"' }),
    opt('max_idle_conns', 'int', 'Maximum idle connections overall.', { default: '100' }),
    opt('max_idle_conns_per_host', 'int', 'Maximum idle connections per host (0 = default).', { default: '0' }),
    opt('max_conns_per_host', 'int', 'Maximum connections per host (0 = unlimited).', { default: '0' }),
    opt('idle_conn_timeout', 'duration', 'Close idle connections after this long.', { default: '"90s"' }),
    opt('disable_keep_alives', 'bool', 'Disable HTTP keep-alive.', { default: 'false' }),
    opt('http2_read_idle_timeout', 'duration', 'Health-check HTTP/2 connections idle this long.', { default: '"0s"' }),
    opt('http2_ping_timeout', 'duration', 'Timeout of the HTTP/2 health-check ping.', { default: '"15s"' }),
    opt('force_attempt_http2', 'bool', 'Try HTTP/2 even with a custom dialer or TLS config.', { default: 'true' }),
  ],
  blocks: [
    OTEL_TLS_CLIENT,
    block('compression_params', 'Compression tuning.', { attributes: [req('level', 'int', 'Compression level.')] }),
    block('cookies', 'Cookie handling.', { attributes: [opt('enabled', 'bool', 'Store and resend cookies.', { default: 'false' })] }),
  ],
});

/** otelcol gRPC server settings (receivers). */
export function otelGrpcServer(endpoint: string): BlockSchema {
  return block('grpc', 'Accept data over gRPC.', {
    attributes: [
      opt('endpoint', 'string', '`host:port` to listen on.', { default: `"${endpoint}"` }),
      opt('transport', 'string', 'Transport to listen on.', { default: '"tcp"' }),
      opt('auth', 'capsule(otelcol.Handler)', 'Authenticator for incoming requests.'),
      opt('max_recv_msg_size', 'string', 'Maximum received message size.', { default: '"4MiB"' }),
      opt('max_concurrent_streams', 'number', 'Limit of concurrent streams per connection.'),
      opt('read_buffer_size', 'string', 'Read buffer size.', { default: '"512KiB"' }),
      opt('write_buffer_size', 'string', 'Write buffer size.'),
      opt('include_metadata', 'bool', 'Propagate request metadata to the pipeline.', { default: 'false' }),
    ],
    blocks: [
      OTEL_TLS_SERVER,
      block('keepalive', 'Server keepalive settings.', {
        blocks: [
          block('server_parameters', 'Keepalive parameters.', {
            attributes: [
              opt('max_connection_idle', 'duration', 'Close idle connections after this long.', { default: '"infinity"' }),
              opt('max_connection_age', 'duration', 'Maximum connection age.', { default: '"infinity"' }),
              opt('max_connection_age_grace', 'duration', 'Grace period after the maximum age.', { default: '"infinity"' }),
              opt('time', 'duration', 'Ping after this long without activity.', { default: '"2h"' }),
              opt('timeout', 'duration', 'Wait this long for a ping reply.', { default: '"20s"' }),
            ],
          }),
          block('enforcement_policy', 'Keepalive enforcement for clients.', {
            attributes: [
              opt('min_time', 'duration', 'Minimum time between client pings.', { default: '"5m"' }),
              opt('permit_without_stream', 'bool', 'Allow pings without active streams.', { default: 'false' }),
            ],
          }),
        ],
      }),
    ],
  });
}

export const OTEL_CORS = block('cors', 'CORS settings for browsers.', {
  attributes: [
    opt('allowed_origins', 'list(string)', 'Allowed origins (wildcards allowed).'),
    opt('allowed_headers', 'list(string)', 'Allowed request headers.', { default: '["X-Requested-With"]' }),
    opt('exposed_headers', 'list(string)', 'Headers exposed to the browser.'),
    opt('max_age', 'number', 'Seconds browsers may cache the preflight response.'),
  ],
});

/** otelcol HTTP server attributes shared by receivers (`HTTPServerArguments`). */
export function otelHttpServerAttrs(endpoint: string): AttributeSchema[] {
  return [
    opt('endpoint', 'string', '`host:port` to listen on.', { default: `"${endpoint}"` }),
    opt('auth', 'capsule(otelcol.Handler)', 'Authenticator for incoming requests.'),
    opt('max_request_body_size', 'string', 'Maximum request body size.', { default: '"20MiB"' }),
    opt('include_metadata', 'bool', 'Propagate request metadata to the pipeline.', { default: 'false' }),
    opt('compression_algorithms', 'list(string)', 'Accepted request compressions.', {
      default: '["", "gzip", "zstd", "zlib", "snappy", "deflate", "lz4"]',
    }),
    opt('keep_alives_enabled', 'bool', 'Enable HTTP keep-alive.', { default: 'true' }),
    opt('idle_timeout', 'duration', 'Idle connection timeout.', { default: '"1m"' }),
    opt('read_timeout', 'duration', 'Read timeout.'),
    opt('read_header_timeout', 'duration', 'Header read timeout.', { default: '"1m"' }),
    opt('write_timeout', 'duration', 'Write timeout.', { default: '"30s"' }),
  ];
}

/** otelcol include/exclude match properties (attributes and span processors). */
export function otelMatchBlock(name: 'include' | 'exclude'): BlockSchema {
  const kv = (n: string, doc: string): BlockSchema =>
    block(n, doc, {
      repeatable: true,
      attributes: [req('key', 'string', 'Attribute key.'), opt('value', 'any', 'Value to match.')],
    });
  return block(name, name === 'include' ? 'Only process data matching these properties.' : 'Skip data matching these properties.', {
    attributes: [
      req('match_type', 'string', 'How values are matched.', { enum: ['strict', 'regexp'] }),
      opt('services', 'list(string)', 'Service names.', { default: '[]' }),
      opt('span_names', 'list(string)', 'Span names.', { default: '[]' }),
      opt('span_kinds', 'list(string)', 'Span kinds.', { default: '[]' }),
      opt('log_bodies', 'list(string)', 'Log bodies.', { default: '[]' }),
      opt('log_severity_texts', 'list(string)', 'Log severity texts.', { default: '[]' }),
      opt('metric_names', 'list(string)', 'Metric names.', { default: '[]' }),
    ],
    blocks: [
      kv('attribute', 'Match on a span/log/metric attribute.'),
      kv('resource', 'Match on a resource attribute.'),
      block('library', 'Match on the instrumentation scope.', {
        repeatable: true,
        attributes: [req('name', 'string', 'Scope name.'), opt('version', 'string', 'Scope version.')],
      }),
      block('log_severity', 'Match on the log severity number.', {
        attributes: [req('min', 'string', 'Lowest matching severity, for example `"INFO"`.'), req('match_undefined', 'bool', 'Whether unset severities match.')],
      }),
      block('regexp', 'Regular expression cache settings.', {
        attributes: [
          opt('cache_enabled', 'bool', 'Cache match results.', { default: 'false' }),
          opt('cache_max_num_entries', 'int', 'Cache size (0 = unlimited).', { default: '0' }),
        ],
      }),
    ],
  });
}
