/**
 * Builders for the hand-written configuration blocks (`catalogConfigBlocks.ts`: the
 * module blocks, `import.*`, `foreach`, whose bodies the generator does not read), the
 * HTTP client block `import.http` takes, and the capsule kind a type names.
 */

import type { AttributeSchema, BlockSchema, CapsuleKind, ExportSchema } from './catalogTypes';

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
  // A list of `discovery.Target` capsules is what the `targets` exports hold.
  if (type === 'list(target)') return 'Targets';
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

/** An export; the capsule kind is derived from the type unless given. */
export function exp(name: string, type: string, doc: string, kind?: CapsuleKind): ExportSchema {
  const e: ExportSchema = { name, type, doc };
  const k = kind ?? capsuleKindOfType(type);
  if (k) e.kind = k;
  return e;
}

// ---------------------------------------------------------------------------------------
// Prometheus-style HTTP client options (the `client` block of `import.http`)

const BASIC_AUTH = block('basic_auth', 'Basic authentication.', {
  attributes: [
    opt('username', 'string', 'Username.'),
    opt('password', 'secret', 'Password (exclusive with `password_file`).'),
    opt('password_file', 'string', 'File holding the password.'),
  ],
});

const AUTHORIZATION = block('authorization', 'Generic `Authorization` header credentials.', {
  attributes: [
    opt('type', 'string', 'Authorization type, for example `Bearer`.'),
    opt('credentials', 'secret', 'Secret value.'),
    opt('credentials_file', 'string', 'File holding the secret value.'),
  ],
});

const TLS_CONFIG = block('tls_config', 'TLS settings for the connection.', {
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

const OAUTH2 = block('oauth2', 'OAuth 2.0 client credentials.', {
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
function httpClientAttrs(enableHttp2Default = 'true'): AttributeSchema[] {
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
const HTTP_CLIENT_BLOCKS: readonly BlockSchema[] = [BASIC_AUTH, AUTHORIZATION, OAUTH2, TLS_CONFIG];

/** A block holding the whole HTTP client configuration (`client`, `http_client_config`). */
export function httpClientBlock(name: string, doc: string): BlockSchema {
  return block(name, doc, { attributes: httpClientAttrs(), blocks: HTTP_CLIENT_BLOCKS });
}
