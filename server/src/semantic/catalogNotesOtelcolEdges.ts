/**
 * Notes on the generated bodies of the otelcol receivers and exporters: descriptions in
 * our words, and the defaults and value sets the generator cannot read. Keyed by
 * generated body id, then attribute or block name; a test keeps every key naming
 * something the generated catalog has.
 */
import { OTELCOL_DEBUG_METRICS, OTELCOL_OUTPUT } from './catalogNotesOtelcolShared';
import type { BodyNote } from './catalogTypes';

export const OTELCOL_EDGES_BODY_NOTES: Readonly<Record<string, BodyNote>> = {
  'internal/component/otelcol/exporter/awss3.Arguments': {
    s3_uploader: 'S3 bucket to write to.',
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/exporter/datadog.Arguments': {
    api: 'Datadog API settings.',
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/exporter/debug.Arguments': {
    // Completion only: a plain Go string Alloy checks after decoding (Validate, or at run time), no set to read.
    verbosity: { doc: 'How much of each item to print.', enum: ['basic', 'normal', 'detailed'] },
    sampling_initial: 'Messages logged per second before sampling.',
    sampling_thereafter: 'Log every Nth message after the initial ones.',
    use_internal_logger: 'Write through Alloy\'s logger instead of `output_paths`.',
    output_paths: { doc: 'Where to write when not using the internal logger.', default: '["stdout"]' },
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/exporter/faro.Arguments': {
    client: 'HTTP client settings for the destination.',
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/exporter/file.Arguments': {
    path: 'File to write to.',
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/exporter/googlecloud.Arguments': { debug_metrics: OTELCOL_DEBUG_METRICS },
  'internal/component/otelcol/exporter/googlecloudpubsub.Arguments': {
    topic: 'Topic to publish to.',
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/exporter/kafka.Arguments': {
    protocol_version: 'Kafka protocol version.',
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/exporter/loadbalancing.Arguments': {
    protocol: 'Protocol used to reach backends.',
    resolver: 'How backends are discovered.',
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/exporter/loki.Arguments': { forward_to: 'Receivers to send converted log entries to.' },
  'internal/component/otelcol/exporter/otlp.Arguments': {
    timeout: { doc: 'Timeout of one export request.', default: '"5s"' },
    sending_queue: 'Buffer batches in memory (or storage) before sending.',
    retry_on_failure: 'Retry failed requests.',
    debug_metrics: OTELCOL_DEBUG_METRICS,
    client: 'gRPC client settings for the destination.',
  },
  'internal/component/otelcol/exporter/otlphttp.Arguments': {
    traces_endpoint: 'Traces URL (defaults to `client.endpoint` + `/v1/traces`).',
    metrics_endpoint: 'Metrics URL (defaults to `client.endpoint` + `/v1/metrics`).',
    logs_endpoint: 'Logs URL (defaults to `client.endpoint` + `/v1/logs`).',
    // Completion only: a plain Go string Alloy checks after decoding (Validate, or at run time), no set to read.
    encoding: { doc: 'Payload encoding.', default: '"proto"', enum: ['proto', 'json'] },
    client: 'HTTP client settings for the destination.',
    sending_queue: 'Buffer batches in memory (or storage) before sending.',
    retry_on_failure: 'Retry failed requests.',
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/exporter/prometheus.Arguments': {
    include_target_info: 'Emit a `target_info` metric from resource attributes.',
    include_scope_info: 'Emit `otel_scope_info` metrics.',
    include_scope_labels: 'Add `otel_scope_*` labels.',
    gc_frequency: 'How often to forget stale series.',
    forward_to: 'Receivers to send converted metrics to.',
    add_metric_suffixes: 'Add type and unit suffixes to metric names.',
    resource_to_telemetry_conversion: 'Copy all resource attributes to labels.',
    honor_metadata: 'Forward metric metadata (experimental).',
    convert_classic_histograms_to_nhcb: { doc: 'Convert classic histograms to custom-bucket native histograms.', default: 'false' },
    keep_identifying_resource_attributes: 'Keep `service.*` attributes in `target_info`.',
    start_timestamp_zero_ingestion: { doc: 'Ingest zero samples at start timestamps (experimental).', default: 'false' },
  },
  'internal/component/otelcol/exporter/splunkhec/config.SplunkHecArguments': {
    client: 'HTTP client settings.',
    splunk: 'Splunk settings.',
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/exporter/syslog.Arguments': {
    endpoint: 'Syslog server host.',
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/receiver/awscloudwatch.Arguments': {
    region: 'AWS region.',
    debug_metrics: OTELCOL_DEBUG_METRICS,
    output: OTELCOL_OUTPUT,
  },
  'internal/component/otelcol/receiver/awsecscontainermetrics.Arguments': {
    debug_metrics: OTELCOL_DEBUG_METRICS,
    output: OTELCOL_OUTPUT,
  },
  'internal/component/otelcol/receiver/awss3.Arguments': {
    s3downloader: 'S3 bucket to read from.',
    output: OTELCOL_OUTPUT,
  },
  'internal/component/otelcol/receiver/cloudflare.Arguments': {
    endpoint: '`host:port` to listen on.',
    output: OTELCOL_OUTPUT,
  },
  'internal/component/otelcol/receiver/datadog.Arguments': {
    debug_metrics: OTELCOL_DEBUG_METRICS,
    output: OTELCOL_OUTPUT,
  },
  'internal/component/otelcol/receiver/faro.Arguments': {
    debug_metrics: OTELCOL_DEBUG_METRICS,
    output: OTELCOL_OUTPUT,
  },
  'internal/component/otelcol/receiver/file_stats.Arguments': {
    include: 'Glob of files to watch.',
    debug_metrics: OTELCOL_DEBUG_METRICS,
    output: OTELCOL_OUTPUT,
  },
  'internal/component/otelcol/receiver/filelog.Arguments': {
    include: 'Globs of files to read.',
    storage: 'Storage for file offsets.',
    debug_metrics: OTELCOL_DEBUG_METRICS,
    output: OTELCOL_OUTPUT,
  },
  'internal/component/otelcol/receiver/fluentforward.Arguments': {
    endpoint: '`host:port` to listen on.',
    debug_metrics: OTELCOL_DEBUG_METRICS,
    output: OTELCOL_OUTPUT,
  },
  'internal/component/otelcol/receiver/fluentforward.ConsumerArguments': { logs: { doc: 'Consumers to send logs to.', default: '[]' } },
  'internal/component/otelcol/receiver/googlecloudpubsub.Arguments': {
    subscription: 'Subscription to read from.',
    debug_metrics: OTELCOL_DEBUG_METRICS,
    output: OTELCOL_OUTPUT,
  },
  'internal/component/otelcol/receiver/influxdb.Arguments': {
    debug_metrics: OTELCOL_DEBUG_METRICS,
    output: OTELCOL_OUTPUT,
  },
  'internal/component/otelcol/receiver/jaeger.Arguments': {
    protocols: 'Jaeger protocols to accept.',
    debug_metrics: OTELCOL_DEBUG_METRICS,
    output: OTELCOL_OUTPUT,
  },
  'internal/component/otelcol/receiver/kafka.Arguments': {
    brokers: 'Kafka brokers.',
    protocol_version: 'Kafka protocol version.',
    debug_metrics: OTELCOL_DEBUG_METRICS,
    output: OTELCOL_OUTPUT,
  },
  'internal/component/otelcol/receiver/loki.Arguments': { output: OTELCOL_OUTPUT },
  'internal/component/otelcol/receiver/nginx.Arguments': {
    endpoint: 'stub_status URL.',
    debug_metrics: OTELCOL_DEBUG_METRICS,
    output: OTELCOL_OUTPUT,
  },
  'internal/component/otelcol/receiver/otlp.Arguments': {
    grpc: 'Accept data over gRPC.',
    http: 'Accept data over OTLP/HTTP.',
    debug_metrics: OTELCOL_DEBUG_METRICS,
    output: OTELCOL_OUTPUT,
  },
  'internal/component/otelcol/receiver/otlp.HTTPConfigArguments': {
    endpoint: { doc: '`host:port` to listen on.', default: '"0.0.0.0:4318"' },
    auth: 'Authenticator for incoming requests.',
    max_request_body_size: { doc: 'Maximum request body size.', default: '"20MiB"' },
    include_metadata: { doc: 'Propagate request metadata to the pipeline.', default: 'false' },
    compression_algorithms: { doc: 'Accepted request compressions.', default: '["", "gzip", "zstd", "zlib", "snappy", "deflate", "lz4"]' },
    keep_alives_enabled: { doc: 'Enable HTTP keep-alive.', default: 'true' },
    idle_timeout: { doc: 'Idle connection timeout.', default: '"1m"' },
    read_timeout: 'Read timeout.',
    write_timeout: { doc: 'Write timeout.', default: '"30s"' },
    read_header_timeout: { doc: 'Header read timeout.', default: '"1m"' },
    traces_url_path: 'Path for traces.',
    metrics_url_path: 'Path for metrics.',
    logs_url_path: 'Path for logs.',
    tls: 'TLS settings for the server.',
    cors: 'CORS settings for browsers.',
  },
  'internal/component/otelcol/receiver/prometheus.Arguments': {
    output: OTELCOL_OUTPUT,
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/receiver/solace.Arguments': {
    queue: 'Queue to consume.',
    debug_metrics: OTELCOL_DEBUG_METRICS,
    auth: 'Broker authentication.',
    output: OTELCOL_OUTPUT,
  },
  'internal/component/otelcol/receiver/splunkhec.Arguments': {
    debug_metrics: OTELCOL_DEBUG_METRICS,
    output: OTELCOL_OUTPUT,
  },
  'internal/component/otelcol/receiver/splunkhec.ConsumerArguments': {
    metrics: { doc: 'Consumers to send metrics to.', default: '[]' },
    logs: { doc: 'Consumers to send logs to.', default: '[]' },
  },
  'internal/component/otelcol/receiver/syslog.Arguments': {
    debug_metrics: OTELCOL_DEBUG_METRICS,
    output: OTELCOL_OUTPUT,
  },
  'internal/component/otelcol/receiver/tcplog.Arguments': {
    listen_address: '`host:port` to listen on.',
    debug_metrics: OTELCOL_DEBUG_METRICS,
    output: OTELCOL_OUTPUT,
  },
  'internal/component/otelcol/receiver/vcenter.Arguments': {
    endpoint: 'vCenter URL.',
    username: 'User name.',
    password: 'Password.',
    debug_metrics: OTELCOL_DEBUG_METRICS,
    output: OTELCOL_OUTPUT,
  },
  'internal/component/otelcol/receiver/zipkin.Arguments': {
    debug_metrics: OTELCOL_DEBUG_METRICS,
    output: OTELCOL_OUTPUT,
  },
};
