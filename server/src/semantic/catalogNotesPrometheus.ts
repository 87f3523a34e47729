/**
 * Notes on the generated bodies of the prometheus and discovery components: descriptions
 * in our words, and the defaults and value sets the generator cannot read. Keyed by
 * generated body id, then attribute or block name; a test keeps every key naming
 * something the generated catalog has.
 */
import { HTTP_CLIENT_AUTH, HTTP_CLIENT_CONNECTION, HTTP_CLIENT_REDIRECTS } from './catalogNotesHttpClient';
import type { BodyNote } from './catalogTypes';

/** The arguments of the `prometheus.operator.*` components, which share one Go type's fields. */
const PROMETHEUS_OPERATOR = {
  forward_to: 'Receivers to send scraped metrics to.',
  client: 'Kubernetes API client settings (in-cluster config when unset).',
  selector: 'Selects the custom resources to use.',
  clustering: 'Distribute the work across Alloy cluster peers.',
  rule: 'Relabeling rules applied to discovered targets.',
  scrape: 'Default scrape settings.',
} as const;

export const PROMETHEUS_BODY_NOTES: Readonly<Record<string, BodyNote>> = {
  'internal/component/discovery/aws.AWSArguments': {
    // Completion only: a plain Go string Alloy checks after decoding (Validate, or at run time), no set to read.
    role: { doc: 'Service to discover.', enum: ['ec2', 'ecs', 'elasticache', 'lightsail', 'msk', 'rds'] },
  },
  'internal/component/discovery/dns.Arguments': { names: 'DNS names to query.' },
  'internal/component/discovery/docker.Arguments': {
    host: 'Docker daemon address, for example `unix:///var/run/docker.sock`.',
    port: 'Port used when a container exposes none.',
    host_networking_host: 'Host used for containers in host networking mode.',
    refresh_interval: 'How often to refresh the container list.',
    match_first_network: 'Use only the first network of a container.',
    ...HTTP_CLIENT_CONNECTION,
    ...HTTP_CLIENT_REDIRECTS,
    http_headers: 'Custom HTTP headers sent with each request.',
    filter: 'A Docker API filter.',
    ...HTTP_CLIENT_AUTH,
  },
  'internal/component/discovery/docker.Filter': { name: 'Filter name, for example `label`.', values: 'Filter values.' },
  'internal/component/discovery/dockerswarm.Arguments': {
    host: 'Docker daemon address.',
    // Completion only: a plain Go string Alloy checks after decoding (Validate, or at run time), no set to read.
    role: { doc: 'What to discover.', enum: ['services', 'tasks', 'nodes'] },
  },
  'internal/component/discovery/eureka.Arguments': { server: 'Eureka server URL.' },
  'internal/component/discovery/file.Arguments': { files: 'Files (globs) to read.' },
  'internal/component/discovery/gce.Arguments': { project: 'GCP project.', zone: 'Zone.' },
  // Completion only: a plain Go string Alloy checks after decoding (Validate, or at run time), no set to read.
  'internal/component/discovery/hetzner.Arguments': { role: { doc: 'API to use.', enum: ['robot', 'hcloud'] } },
  'internal/component/discovery/http.Arguments': { url: 'URL returning targets.' },
  'internal/component/discovery/ionos.Arguments': { datacenter_id: 'Data center ID.' },
  'internal/component/discovery/kubernetes.Arguments': {
    // Completion only: a plain Go string Alloy checks after decoding (Validate, or at run time), no set to read.
    role: { doc: 'Kind of resource to discover.', enum: ['node', 'pod', 'service', 'endpoints', 'endpointslice', 'ingress'] },
  },
  'internal/component/discovery/kuma.Arguments': { server: 'Kuma control plane address.' },
  'internal/component/discovery/marathon.Arguments': { servers: 'Marathon servers.' },
  'internal/component/discovery/nerve.Arguments': { servers: 'Zookeeper servers.', paths: 'Zookeeper paths.' },
  'internal/component/discovery/openstack.Arguments': {
    // Completion only: a plain Go string Alloy checks after decoding (Validate, or at run time), no set to read.
    role: { doc: 'What to discover.', enum: ['hypervisor', 'instance'] },
    region: 'OpenStack region.',
  },
  'internal/component/discovery/ovhcloud.Arguments': {
    application_key: 'API application key.',
    application_secret: 'API application secret.',
    consumer_key: 'API consumer key.',
    // Completion only: a plain Go string Alloy checks after decoding (Validate, or at run time), no set to read.
    service: { doc: 'Service to discover.', enum: ['vps', 'dedicated_server'] },
  },
  'internal/component/discovery/puppetdb.Arguments': { url: 'PuppetDB URL.', query: 'PQL query.' },
  'internal/component/discovery/relabel.Arguments': {
    targets: 'Targets to relabel.',
    rule: 'A relabeling rule; rules apply top to bottom.',
  },
  'internal/component/discovery/scaleway.Arguments': { project_id: 'Project ID.', role: 'What to discover.', access_key: 'Access key.' },
  'internal/component/discovery/serverset.Arguments': { servers: 'Zookeeper servers.', paths: 'Zookeeper paths.' },
  'internal/component/discovery/triton.Arguments': { account: 'Account.', dns_suffix: 'DNS suffix.', endpoint: 'Endpoint.' },
  'internal/component/discovery/uyuni.Arguments': { server: 'Uyuni server URL.', username: 'User name.', password: 'Password.' },
  'internal/component/prometheus/echo.Arguments': { format: 'Output format.' },
  'internal/component/prometheus/enrich.Arguments': {
    targets: 'Discovered targets to copy labels from.',
    target_match_label: 'Target label to match on.',
    metrics_match_label: 'Metric label to match on (defaults to `target_match_label`).',
    labels_to_copy: 'Labels to copy (all when empty).',
    forward_to: 'Receivers to send enriched metrics to.',
  },
  'internal/component/prometheus/exporter/azure.Arguments': {
    subscriptions: 'Subscriptions to query.',
    resource_type: 'Resource type to query.',
    metrics: 'Metric names to collect.',
  },
  'internal/component/prometheus/exporter/cloudwatch.Arguments': { sts_region: 'AWS region for STS.' },
  'internal/component/prometheus/exporter/databricks.Arguments': {
    server_hostname: 'Workspace host name.',
    warehouse_http_path: 'SQL warehouse HTTP path.',
    client_id: 'Service principal client ID.',
    client_secret: 'Service principal secret.',
  },
  'internal/component/prometheus/exporter/gcp.Arguments': {
    project_ids: 'Projects to query.',
    metrics_prefixes: 'Metric type prefixes to collect.',
  },
  'internal/component/prometheus/exporter/mongodb.Arguments': { mongodb_uri: 'MongoDB connection URI.' },
  'internal/component/prometheus/exporter/mssql.Arguments': { connection_string: 'SQL Server connection string.' },
  'internal/component/prometheus/exporter/redis.Arguments': { redis_addr: 'Redis address.' },
  'internal/component/prometheus/exporter/snowflake.Arguments': {
    account_name: 'Account name.',
    username: 'User name.',
    warehouse: 'Warehouse to query.',
  },
  'internal/component/prometheus/exporter/squid.Arguments': { address: 'Squid address.' },
  'internal/component/prometheus/exporter/static.Arguments': { text: 'Metrics in Prometheus exposition format.' },
  'internal/component/prometheus/operator.Arguments': PROMETHEUS_OPERATOR,
  'internal/component/prometheus/operator/servicemonitors.Arguments': PROMETHEUS_OPERATOR,
  'internal/component/prometheus/receive_http.Arguments': {
    forward_to: 'Receivers to send received metrics to.',
    http: 'HTTP server settings.',
  },
  'internal/component/prometheus/relabel.Arguments': {
    forward_to: 'Receivers to send relabeled metrics to.',
    max_cache_size: 'Size of the LRU relabel cache (0 switches to TTL mode).',
    cache_ttl: { doc: 'TTL of cache entries; exclusive with a non-zero `max_cache_size`.', default: '0' },
    rule: 'A relabeling rule; rules apply top to bottom.',
  },
  'internal/component/prometheus/remotewrite.Arguments': {
    external_labels: 'Labels added to every sample sent.',
    endpoint: 'A remote-write destination (repeatable).',
    wal: 'Write-ahead log settings.',
  },
  'internal/component/prometheus/remotewrite.AzureADConfig': {
    // Completion only: a plain Go string Alloy checks after decoding (Validate, or at run time), no set to read.
    cloud: { doc: 'Azure cloud.', default: '"AzurePublic"', enum: ['AzurePublic', 'AzureChina', 'AzureGovernment'] },
    scope: 'Token scope.',
    managed_identity: 'Managed identity.',
    workload_identity: 'Workload identity.',
    oauth: 'OAuth client secret.',
    sdk: 'Azure SDK default credentials.',
  },
  'internal/component/prometheus/remotewrite.EndpointOptions': {
    name: 'Name of the endpoint in metrics and logs.',
    url: 'Full URL to send metrics to, for example `http://mimir:9009/api/v1/push`.',
    remote_timeout: { doc: 'Timeout of one request.', default: '"30s"' },
    headers: 'Extra headers sent with each request.',
    send_exemplars: { doc: 'Send exemplars.', default: 'true' },
    send_native_histograms: { doc: 'Send native histograms.', default: 'false' },
    // Completion only: a plain Go string Alloy checks after decoding (Validate, or at run time), no set to read.
    protobuf_message: { doc: 'Remote-write protocol message.', default: '"prometheus.WriteRequest"', enum: ['prometheus.WriteRequest', 'io.prometheus.write.v2.Request'] },
    ...HTTP_CLIENT_CONNECTION,
    follow_redirects: { doc: 'Whether to follow HTTP 3xx redirects.', default: 'true' },
    enable_http2: { doc: 'Whether HTTP/2 is supported.', default: 'false' },
    http_headers: 'Custom HTTP headers sent with each request.',
    round_robin_dns: { doc: 'Spread requests over all resolved IPs.', default: 'false' },
    ...HTTP_CLIENT_AUTH,
    queue_config: 'In-memory queue tuning.',
    metadata_config: 'Metric metadata sending.',
    write_relabel_config: 'Relabeling applied to samples before they are sent to this endpoint.',
    sigv4: 'AWS Signature Version 4 authentication.',
    azuread: 'Azure AD authentication; set exactly one of its blocks.',
    google_iam: 'Google Cloud IAM authentication.',
  },
  'internal/component/prometheus/remotewrite.GoogleIAMConfig': { credentials_file: 'Service account credentials file.' },
  'internal/component/prometheus/remotewrite.ManagedIdentityConfig': { client_id: 'Client ID of the identity.' },
  'internal/component/prometheus/remotewrite.MetadataOptions': {
    send: 'Send metric metadata.',
    send_interval: 'How often to send metadata.',
    max_samples_per_send: 'Maximum metadata entries per request.',
  },
  'internal/component/prometheus/remotewrite.OAuthConfig': {
    client_id: 'Client ID.',
    client_secret: 'Client secret.',
    tenant_id: 'Tenant ID.',
  },
  'internal/component/prometheus/remotewrite.QueueOptions': {
    capacity: 'Samples buffered per shard.',
    max_shards: 'Maximum concurrent shards.',
    min_shards: 'Minimum concurrent shards.',
    max_samples_per_send: 'Maximum samples per request.',
    batch_send_deadline: 'Send a partial batch after this long.',
    min_backoff: 'Initial retry backoff.',
    max_backoff: 'Maximum retry backoff.',
    retry_on_http_429: 'Retry on HTTP 429.',
    sample_age_limit: 'Drop samples older than this on retry (0 = never).',
  },
  'internal/component/prometheus/remotewrite.SDKConfig': { tenant_id: 'Tenant ID.' },
  'internal/component/prometheus/remotewrite.SigV4Config': {
    region: 'AWS region.',
    access_key: 'AWS access key ID.',
    secret_key: 'AWS secret access key.',
    profile: 'Named AWS profile.',
    role_arn: 'Role to assume.',
    external_id: 'External ID for the assumed role.',
    use_fips_sts_endpoint: { doc: 'Use the FIPS STS endpoint.', default: 'false' },
    service_name: { doc: 'Service to sign for.', default: '"aps"' },
  },
  'internal/component/prometheus/remotewrite.WALOptions': {
    truncate_frequency: 'How often to truncate the WAL.',
    min_keepalive_time: 'Minimum time samples stay in the WAL.',
    max_keepalive_time: 'Maximum time samples stay in the WAL.',
  },
  'internal/component/prometheus/remotewrite.WorkloadIdentityConfig': {
    client_id: 'Client ID.',
    tenant_id: 'Tenant ID.',
    token_file_path: 'Path of the projected token.',
  },
  'internal/component/prometheus/scrape.Arguments': {
    targets: 'Targets to scrape, for example `prometheus.exporter.self.X.targets`.',
    forward_to: 'Receivers to send scraped metrics to.',
    job_name: 'Job name; used only when a target has no `job` label. Defaults to the component id.',
    honor_labels: 'Keep labels from the scraped data on conflict.',
    honor_timestamps: 'Keep timestamps from the scraped data.',
    track_timestamps_staleness: 'Track staleness of samples with explicit timestamps.',
    params: 'Extra URL query parameters.',
    scrape_classic_histograms: { doc: 'Also scrape classic histograms when native ones exist.', default: 'false' },
    scrape_native_histograms: 'Scrape native histograms.',
    scrape_failure_log_file: { doc: 'File to log scrape failures to.', default: '""' },
    scrape_interval: 'How often to scrape each target.',
    scrape_timeout: 'Timeout of one scrape.',
    scrape_protocols: { doc: 'Preferred exposition protocols, in order.', default: '["OpenMetricsText1.0.0", "OpenMetricsText0.0.1", "PrometheusText1.0.0", "PrometheusText0.0.4"]' },
    metrics_path: 'HTTP path to scrape.',
    // Completion only: a plain Go string Alloy checks after decoding (Validate, or at run time), no set to read.
    scheme: { doc: 'URL scheme.', enum: ['http', 'https'] },
    body_size_limit: 'Maximum uncompressed response size in bytes (0 = none).',
    sample_limit: 'Maximum samples per scrape (0 = none).',
    target_limit: 'Maximum targets (0 = none).',
    label_limit: 'Maximum labels per sample (0 = none).',
    label_name_length_limit: 'Maximum label name length (0 = none).',
    label_value_length_limit: 'Maximum label value length (0 = none).',
    ...HTTP_CLIENT_CONNECTION,
    ...HTTP_CLIENT_REDIRECTS,
    http_headers: 'Custom HTTP headers sent with each request.',
    extra_metrics: { doc: 'Emit extra per-scrape metrics.', default: 'false' },
    enable_protobuf_negotiation: { doc: 'Negotiate the protobuf format.', default: 'false', deprecated: 'Use `scrape_protocols` with `PrometheusProto` first.' },
    // Completion only: a plain Go string Alloy checks after decoding (Validate, or at run time), no set to read.
    metric_name_validation_scheme: { doc: 'Metric name validation scheme.', default: '"legacy"', enum: ['legacy', 'utf8'] },
    // Completion only: a plain Go string Alloy checks after decoding (Validate, or at run time), no set to read.
    metric_name_escaping_scheme: { doc: 'Metric name escaping scheme.', default: '"underscores"', enum: ['underscores', 'dots', 'values', 'allow-utf-8'] },
    // Completion only: a plain Go string Alloy checks after decoding (Validate, or at run time), no set to read.
    scrape_fallback_protocol: { doc: 'Protocol used when the Content-Type is missing or invalid.', default: '"PrometheusText0.0.4"', enum: ['PrometheusProto', 'OpenMetricsText1.0.0', 'OpenMetricsText0.0.1', 'PrometheusText1.0.0', 'PrometheusText0.0.4'] },
    convert_classic_histograms_to_nhcb: 'Convert classic histograms to custom-bucket native histograms.',
    enable_compression: 'Ask targets for compressed responses.',
    native_histogram_bucket_limit: 'Bucket limit of native histograms (0 = none).',
    native_histogram_min_bucket_factor: 'Minimum bucket growth factor of native histograms.',
    honor_metadata: { doc: 'Send metric metadata downstream (experimental).', default: 'false' },
    enable_type_and_unit_labels: { doc: 'Add `__type__`/`__unit__` labels (experimental).', default: 'false' },
    start_timestamp_zero_ingestion: { doc: 'Ingest zero samples at created timestamps (experimental).', default: 'false' },
    ...HTTP_CLIENT_AUTH,
    clustering: 'Distribute the work across Alloy cluster peers.',
  },
};
