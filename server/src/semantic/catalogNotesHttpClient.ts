/**
 * Runs of notes that several HTTP client bodies share word for word (the fields of
 * `common/config.HTTPClientConfig` as embedded in write endpoints, discovery and scrape
 * arguments, the Kubernetes client, remote configuration): said once here and spread
 * where a body has them, so a fix to one description reaches every body.
 */

/** The proxy settings: also in `OAuth2Config`, which has no bearer token of its own. */
export const HTTP_CLIENT_PROXY = {
  proxy_url: 'HTTP proxy to send requests through.',
  no_proxy: 'Comma-separated hosts, IPs and CIDRs excluded from proxying.',
  proxy_from_environment: { doc: 'Use the proxy from HTTP_PROXY/HTTPS_PROXY/NO_PROXY.', default: 'false' },
  proxy_connect_header: 'Headers sent to the proxy on CONNECT.',
} as const;

/** The bearer token and proxy settings that open every embedded HTTP client config. */
export const HTTP_CLIENT_CONNECTION = {
  bearer_token: 'Bearer token sent in the `Authorization` header.',
  bearer_token_file: 'File holding the bearer token.',
  ...HTTP_CLIENT_PROXY,
} as const;

/**
 * Redirects and HTTP/2 with Alloy's usual defaults; `prometheus.remote_write` turns
 * HTTP/2 off and the bare `HTTPClientConfig` notes no defaults, so those say theirs.
 */
export const HTTP_CLIENT_REDIRECTS = {
  follow_redirects: { doc: 'Whether to follow HTTP 3xx redirects.', default: 'true' },
  enable_http2: { doc: 'Whether HTTP/2 is supported.', default: 'true' },
} as const;

/** The authentication blocks and TLS settings that close every embedded HTTP client config. */
export const HTTP_CLIENT_AUTH = {
  basic_auth: 'Basic authentication.',
  authorization: 'Generic `Authorization` header credentials.',
  oauth2: 'OAuth 2.0 client credentials.',
  tls_config: 'TLS settings for the connection.',
} as const;

/** The retry backoff of the Loki and Pyroscope write endpoints (same defaults in both). */
export const WRITE_BACKOFF = {
  min_backoff_period: { doc: 'Initial retry backoff.', default: '"500ms"' },
  max_backoff_period: { doc: 'Maximum retry backoff.', default: '"5m"' },
  max_backoff_retries: { doc: 'Maximum retries.', default: '10' },
} as const;
