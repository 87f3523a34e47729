/** Catalog entries of the `prometheus.*` namespace. */

import type { AttributeSchema, ComponentSchema } from './catalogTypes';
import {
  block,
  CLUSTERING,
  component,
  forwardTo,
  HTTP_CLIENT_BLOCKS,
  httpClientAttrs,
  kubernetesClientBlock,
  METRICS_RECEIVER_EXPORT,
  opt,
  passFlow,
  RELABEL_RULE,
  req,
  RULES_EXPORT,
  SELECTOR_BLOCK,
  sourceFlow,
  TARGETS_EXPORT,
  targetsArg,
  variant,
} from './catalogShared';

const SCRAPE_PROTOCOLS = ['PrometheusProto', 'OpenMetricsText1.0.0', 'OpenMetricsText0.0.1', 'PrometheusText1.0.0', 'PrometheusText0.0.4'];

const SCRAPE = component('prometheus.scrape', 'generally-available', {
  doc: 'Scrapes Prometheus metrics from `targets` and forwards them to `forward_to`.',
  complete: true,
  attributes: [
    targetsArg('Targets to scrape, for example `prometheus.exporter.self.X.targets`.'),
    forwardTo('MetricsReceiver', 'scraped metrics'),
    opt('job_name', 'string', 'Job name; used only when a target has no `job` label. Defaults to the component id.'),
    opt('scrape_interval', 'duration', 'How often to scrape each target.', { default: '"60s"' }),
    opt('scrape_timeout', 'duration', 'Timeout of one scrape.', { default: '"10s"' }),
    opt('metrics_path', 'string', 'HTTP path to scrape.', { default: '"/metrics"' }),
    opt('scheme', 'string', 'URL scheme.', { enum: ['http', 'https'] }),
    opt('params', 'map(list(string))', 'Extra URL query parameters.'),
    opt('honor_labels', 'bool', 'Keep labels from the scraped data on conflict.', { default: 'false' }),
    opt('honor_timestamps', 'bool', 'Keep timestamps from the scraped data.', { default: 'true' }),
    opt('honor_metadata', 'bool', 'Send metric metadata downstream (experimental).', { default: 'false' }),
    opt('track_timestamps_staleness', 'bool', 'Track staleness of samples with explicit timestamps.', { default: 'false' }),
    opt('scrape_protocols', 'list(string)', 'Preferred exposition protocols, in order.', {
      default: '["OpenMetricsText1.0.0", "OpenMetricsText0.0.1", "PrometheusText1.0.0", "PrometheusText0.0.4"]',
    }),
    opt('scrape_fallback_protocol', 'string', 'Protocol used when the Content-Type is missing or invalid.', {
      default: '"PrometheusText0.0.4"',
      enum: SCRAPE_PROTOCOLS,
    }),
    opt('scrape_native_histograms', 'bool', 'Scrape native histograms.', { default: 'false' }),
    opt('scrape_classic_histograms', 'bool', 'Also scrape classic histograms when native ones exist.', { default: 'false' }),
    opt('convert_classic_histograms_to_nhcb', 'bool', 'Convert classic histograms to custom-bucket native histograms.', { default: 'false' }),
    opt('native_histogram_bucket_limit', 'uint', 'Bucket limit of native histograms (0 = none).', { default: '0' }),
    opt('native_histogram_min_bucket_factor', 'float64', 'Minimum bucket growth factor of native histograms.', { default: '0' }),
    opt('enable_compression', 'bool', 'Ask targets for compressed responses.', { default: 'true' }),
    opt('enable_protobuf_negotiation', 'bool', 'Negotiate the protobuf format.', {
      default: 'false',
      deprecated: 'Use `scrape_protocols` with `PrometheusProto` first.',
    }),
    opt('enable_type_and_unit_labels', 'bool', 'Add `__type__`/`__unit__` labels (experimental).', { default: 'false' }),
    opt('start_timestamp_zero_ingestion', 'bool', 'Ingest zero samples at created timestamps (experimental).', { default: 'false' }),
    opt('extra_metrics', 'bool', 'Emit extra per-scrape metrics.', { default: 'false' }),
    opt('body_size_limit', 'int', 'Maximum uncompressed response size in bytes (0 = none).'),
    opt('sample_limit', 'uint', 'Maximum samples per scrape (0 = none).'),
    opt('target_limit', 'uint', 'Maximum targets (0 = none).'),
    opt('label_limit', 'uint', 'Maximum labels per sample (0 = none).'),
    opt('label_name_length_limit', 'uint', 'Maximum label name length (0 = none).'),
    opt('label_value_length_limit', 'uint', 'Maximum label value length (0 = none).'),
    opt('metric_name_validation_scheme', 'string', 'Metric name validation scheme.', { default: '"legacy"', enum: ['legacy', 'utf8'] }),
    opt('metric_name_escaping_scheme', 'string', 'Metric name escaping scheme.', {
      default: '"underscores"',
      enum: ['underscores', 'dots', 'values', 'allow-utf-8'],
    }),
    opt('scrape_failure_log_file', 'string', 'File to log scrape failures to.', { default: '""' }),
    ...httpClientAttrs(),
  ],
  blocks: [...HTTP_CLIENT_BLOCKS, CLUSTERING],
  flows: [sourceFlow('metrics')],
});

const WRITE_RELABEL = variant(RELABEL_RULE, {
  name: 'write_relabel_config',
  doc: 'Relabeling applied to samples before they are sent to this endpoint.',
});

const REMOTE_WRITE_ENDPOINT = block('endpoint', 'A remote-write destination (repeatable).', {
  repeatable: true,
  attributes: [
    req('url', 'string', 'Full URL to send metrics to, for example `http://mimir:9009/api/v1/push`.'),
    opt('name', 'string', 'Name of the endpoint in metrics and logs.'),
    opt('remote_timeout', 'duration', 'Timeout of one request.', { default: '"30s"' }),
    opt('headers', 'map(string)', 'Extra headers sent with each request.'),
    opt('send_exemplars', 'bool', 'Send exemplars.', { default: 'true' }),
    opt('send_native_histograms', 'bool', 'Send native histograms.', { default: 'false' }),
    opt('round_robin_dns', 'bool', 'Spread requests over all resolved IPs.', { default: 'false' }),
    opt('protobuf_message', 'string', 'Remote-write protocol message.', {
      default: '"prometheus.WriteRequest"',
      enum: ['prometheus.WriteRequest', 'io.prometheus.write.v2.Request'],
    }),
    ...httpClientAttrs('false'),
  ],
  blocks: [
    ...HTTP_CLIENT_BLOCKS,
    block('sigv4', 'AWS Signature Version 4 authentication.', {
      attributes: [
        opt('region', 'string', 'AWS region.'),
        opt('access_key', 'string', 'AWS access key ID.'),
        opt('secret_key', 'secret', 'AWS secret access key.'),
        opt('profile', 'string', 'Named AWS profile.'),
        opt('role_arn', 'string', 'Role to assume.'),
        opt('external_id', 'string', 'External ID for the assumed role.'),
        opt('service_name', 'string', 'Service to sign for.', { default: '"aps"' }),
        opt('use_fips_sts_endpoint', 'bool', 'Use the FIPS STS endpoint.', { default: 'false' }),
      ],
    }),
    block('azuread', 'Azure AD authentication; set exactly one of its blocks.', {
      attributes: [
        opt('cloud', 'string', 'Azure cloud.', { default: '"AzurePublic"', enum: ['AzurePublic', 'AzureChina', 'AzureGovernment'] }),
        opt('scope', 'string', 'Token scope.'),
      ],
      blocks: [
        block('managed_identity', 'Managed identity.', { attributes: [req('client_id', 'string', 'Client ID of the identity.')] }),
        block('oauth', 'OAuth client secret.', {
          attributes: [
            req('client_id', 'string', 'Client ID.'),
            req('client_secret', 'secret', 'Client secret.'),
            req('tenant_id', 'string', 'Tenant ID.'),
          ],
        }),
        block('sdk', 'Azure SDK default credentials.', { attributes: [req('tenant_id', 'string', 'Tenant ID.')] }),
        block('workload_identity', 'Workload identity.', {
          attributes: [
            req('client_id', 'string', 'Client ID.'),
            req('tenant_id', 'string', 'Tenant ID.'),
            opt('token_file_path', 'string', 'Path of the projected token.'),
          ],
        }),
      ],
    }),
    block('google_iam', 'Google Cloud IAM authentication.', {
      attributes: [opt('credentials_file', 'string', 'Service account credentials file.')],
    }),
    block('queue_config', 'In-memory queue tuning.', {
      attributes: [
        opt('capacity', 'number', 'Samples buffered per shard.', { default: '10000' }),
        opt('min_shards', 'number', 'Minimum concurrent shards.', { default: '1' }),
        opt('max_shards', 'number', 'Maximum concurrent shards.', { default: '50' }),
        opt('max_samples_per_send', 'number', 'Maximum samples per request.', { default: '2000' }),
        opt('batch_send_deadline', 'duration', 'Send a partial batch after this long.', { default: '"5s"' }),
        opt('min_backoff', 'duration', 'Initial retry backoff.', { default: '"30ms"' }),
        opt('max_backoff', 'duration', 'Maximum retry backoff.', { default: '"5s"' }),
        opt('retry_on_http_429', 'bool', 'Retry on HTTP 429.', { default: 'true' }),
        opt('sample_age_limit', 'duration', 'Drop samples older than this on retry (0 = never).', { default: '"0s"' }),
      ],
    }),
    block('metadata_config', 'Metric metadata sending.', {
      attributes: [
        opt('send', 'bool', 'Send metric metadata.', { default: 'true' }),
        opt('send_interval', 'duration', 'How often to send metadata.', { default: '"1m"' }),
        opt('max_samples_per_send', 'number', 'Maximum metadata entries per request.', { default: '2000' }),
      ],
    }),
    WRITE_RELABEL,
  ],
});

const REMOTE_WRITE = component('prometheus.remote_write', 'generally-available', {
  doc: 'Buffers metrics in a WAL and sends them to remote-write endpoints (Mimir, Prometheus, Grafana Cloud).',
  complete: true,
  attributes: [opt('external_labels', 'map(string)', 'Labels added to every sample sent.')],
  blocks: [
    REMOTE_WRITE_ENDPOINT,
    block('wal', 'Write-ahead log settings.', {
      attributes: [
        opt('truncate_frequency', 'duration', 'How often to truncate the WAL.', { default: '"2h"' }),
        opt('min_keepalive_time', 'duration', 'Minimum time samples stay in the WAL.', { default: '"5m"' }),
        opt('max_keepalive_time', 'duration', 'Maximum time samples stay in the WAL.', { default: '"8h"' }),
      ],
    }),
  ],
  exports: [METRICS_RECEIVER_EXPORT],
  sinks: ['metrics'],
});

const RELABEL = component('prometheus.relabel', 'generally-available', {
  doc: 'Rewrites, keeps or drops metrics by relabeling rules and forwards them.',
  complete: true,
  attributes: [
    forwardTo('MetricsReceiver', 'relabeled metrics'),
    opt('max_cache_size', 'int', 'Size of the LRU relabel cache (0 switches to TTL mode).', { default: '100000' }),
    opt('cache_ttl', 'duration', 'TTL of cache entries; exclusive with a non-zero `max_cache_size`.', { default: '0' }),
  ],
  blocks: [RELABEL_RULE],
  exports: [METRICS_RECEIVER_EXPORT, RULES_EXPORT],
  flows: [passFlow('metrics')],
});

const SELF = component('prometheus.exporter.self', 'generally-available', {
  doc: "Exposes Alloy's own metrics as a scrape target (`job=\"integrations/self\"`).",
  complete: true,
  exports: [TARGETS_EXPORT],
});

const ECHO = component('prometheus.echo', 'generally-available', {
  doc: 'Prints received metrics to stdout (debugging).',
  complete: true,
  attributes: [opt('format', 'string', 'Output format.', { default: '"text"' })],
  exports: [METRICS_RECEIVER_EXPORT],
  sinks: ['metrics'],
  localSink: true,
});

/** `prometheus.exporter.*` entries that only list their required arguments. */
const EXPORTERS: readonly [string, 'generally-available' | 'experimental', string, ...AttributeSchema[]][] = [
  ['apache', 'generally-available', 'Collects Apache `mod_status` metrics.'],
  ['azure', 'generally-available', 'Collects Azure Monitor metrics.',
    req('subscriptions', 'list(string)', 'Subscriptions to query.'),
    req('resource_type', 'string', 'Resource type to query.'),
    req('metrics', 'list(string)', 'Metric names to collect.')],
  ['blackbox', 'generally-available', 'Probes endpoints over HTTP, TCP, ICMP or DNS (blackbox_exporter).'],
  ['cadvisor', 'generally-available', 'Collects container metrics with cAdvisor.'],
  ['catchpoint', 'experimental', 'Collects statistics from a Catchpoint account.'],
  ['cloudwatch', 'generally-available', 'Collects Amazon CloudWatch metrics.', req('sts_region', 'string', 'AWS region for STS.')],
  ['consul', 'generally-available', 'Collects metrics from Consul.'],
  ['databricks', 'generally-available', 'Collects Databricks billing, jobs, pipelines and warehouse metrics.',
    req('server_hostname', 'string', 'Workspace host name.'),
    req('warehouse_http_path', 'string', 'SQL warehouse HTTP path.'),
    req('client_id', 'string', 'Service principal client ID.'),
    req('client_secret', 'secret', 'Service principal secret.')],
  ['dnsmasq', 'generally-available', 'Collects dnsmasq statistics.'],
  ['elasticsearch', 'generally-available', 'Collects Elasticsearch metrics.'],
  ['gcp', 'generally-available', 'Collects Google Cloud Monitoring metrics.',
    req('project_ids', 'list(string)', 'Projects to query.'),
    req('metrics_prefixes', 'list(string)', 'Metric type prefixes to collect.')],
  ['github', 'generally-available', 'Collects GitHub repository and organisation statistics.'],
  ['kafka', 'generally-available', 'Collects Kafka metrics.'],
  ['memcached', 'generally-available', 'Collects Memcached metrics.'],
  ['mongodb', 'generally-available', 'Collects MongoDB metrics.', req('mongodb_uri', 'secret', 'MongoDB connection URI.')],
  ['mssql', 'generally-available', 'Collects Microsoft SQL Server metrics.', req('connection_string', 'secret', 'SQL Server connection string.')],
  ['mysql', 'generally-available', 'Collects MySQL server metrics.'],
  ['oracledb', 'generally-available', 'Collects OracleDB metrics.'],
  ['postgres', 'generally-available', 'Collects PostgreSQL metrics.'],
  ['process', 'generally-available', 'Collects per-process statistics from /proc.'],
  ['redis', 'generally-available', 'Collects Redis metrics.', req('redis_addr', 'string', 'Redis address.')],
  ['snmp', 'generally-available', 'Collects SNMP data as Prometheus metrics.'],
  ['snowflake', 'generally-available', 'Collects Snowflake account statistics.',
    req('account_name', 'string', 'Account name.'),
    req('username', 'string', 'User name.'),
    req('warehouse', 'string', 'Warehouse to query.')],
  ['squid', 'generally-available', 'Collects Squid proxy metrics.', req('address', 'string', 'Squid address.')],
  ['static', 'experimental', 'Exposes metrics given as text in exposition format.', req('text', 'string', 'Metrics in Prometheus exposition format.')],
  ['statsd', 'generally-available', 'Receives StatsD metrics and exposes them as Prometheus metrics.'],
  ['unix', 'generally-available', 'Collects host metrics of Unix systems (node_exporter).'],
  ['windows', 'generally-available', 'Collects host metrics of Windows systems (windows_exporter).'],
];

const OPERATOR_ARGS = [forwardTo('MetricsReceiver', 'scraped metrics')];
const OPERATOR_BLOCKS = [
  kubernetesClientBlock(),
  CLUSTERING,
  variant(RELABEL_RULE, { doc: 'Relabeling rules applied to discovered targets.' }),
  block('scrape', 'Default scrape settings.', { partial: true }),
  SELECTOR_BLOCK('selector', 'Selects the custom resources to use.'),
];

const OPERATORS: readonly [string, 'generally-available' | 'experimental', string][] = [
  ['podmonitors', 'generally-available', 'Discovers PodMonitor resources and scrapes the targets they describe.'],
  ['probes', 'generally-available', 'Discovers Probe resources and scrapes the targets they describe.'],
  ['scrapeconfigs', 'experimental', 'Discovers ScrapeConfig resources and scrapes the targets they describe.'],
  ['servicemonitors', 'generally-available', 'Discovers ServiceMonitor resources and scrapes the targets they describe.'],
];

export const PROMETHEUS_COMPONENTS: readonly ComponentSchema[] = [
  SCRAPE,
  REMOTE_WRITE,
  RELABEL,
  SELF,
  ECHO,
  component('prometheus.enrich', 'experimental', {
    doc: 'Adds labels from discovered targets to metrics whose labels match.',
    attributes: [
      targetsArg('Discovered targets to copy labels from.'),
      forwardTo('MetricsReceiver', 'enriched metrics'),
      opt('target_match_label', 'string', 'Target label to match on.'),
      opt('metrics_match_label', 'string', 'Metric label to match on (defaults to `target_match_label`).'),
      opt('labels_to_copy', 'list(string)', 'Labels to copy (all when empty).'),
    ],
    exports: [METRICS_RECEIVER_EXPORT],
    flows: [passFlow('metrics')],
  }),
  // Removed from Alloy after v1.18; kept so configurations pinned to older releases are understood.
  component('prometheus.write.queue', 'experimental', {
    doc: 'Sends metrics to remote-write endpoints through a write-ahead queue (removed after v1.18).',
    attributes: [],
    exports: [METRICS_RECEIVER_EXPORT],
  }),
  component('prometheus.receive_http', 'generally-available', {
    doc: 'Receives Prometheus remote-write requests over HTTP and forwards the metrics.',
    attributes: [forwardTo('MetricsReceiver', 'received metrics')],
    blocks: [block('http', 'HTTP server settings.', { partial: true })],
    flows: [sourceFlow('metrics')],
  }),
  ...EXPORTERS.map(([leaf, stability, doc, ...attributes]) =>
    component(`prometheus.exporter.${leaf}`, stability, { doc, attributes, exports: [TARGETS_EXPORT] }),
  ),
  ...OPERATORS.map(([leaf, stability, doc]) =>
    component(`prometheus.operator.${leaf}`, stability, {
      doc,
      attributes: OPERATOR_ARGS,
      blocks: OPERATOR_BLOCKS,
      flows: [sourceFlow('metrics')],
    }),
  ),
];
