/** Catalog entries of the `otelcol.*` namespace (OpenTelemetry Collector components). */

import type { AttributeSchema, BlockSchema, ComponentSchema, Signal, Stability } from './catalogTypes';
import {
  ALL_OTEL,
  block,
  component,
  convertFlow,
  forwardTo,
  HANDLER_EXPORT,
  OTEL_CORS,
  OTEL_DEBUG_METRICS,
  OTEL_GRPC_CLIENT,
  OTEL_HTTP_CLIENT,
  OTEL_INPUT_EXPORT,
  OTEL_OUTPUT,
  OTEL_RETRY,
  OTEL_SENDING_QUEUE,
  OTEL_TLS_SERVER,
  otelGrpcServer,
  otelHttpServerAttrs,
  otelMatchBlock,
  otelPassFlows,
  otelSourceFlows,
  opt,
  passFlow,
  req,
  targetsArg,
  METRICS_RECEIVER_EXPORT,
  LOGS_RECEIVER_EXPORT,
} from './catalogShared';

const EXPORTER_BLOCKS: readonly BlockSchema[] = [OTEL_SENDING_QUEUE, OTEL_RETRY, OTEL_DEBUG_METRICS];

/** Components whose arguments have no `debug_metrics` block (checked against the Go structs). */
const NO_DEBUG_METRICS: ReadonlySet<string> = new Set([
  'otelcol.receiver.awss3',
  'otelcol.receiver.cloudflare',
  'otelcol.processor.discovery',
  'otelcol.connector.spanlogs',
]);
const debugMetricsFor = (name: string): BlockSchema[] => (NO_DEBUG_METRICS.has(name) ? [] : [OTEL_DEBUG_METRICS]);

// ---------------------------------------------------------------------------------------
// Receivers

const RECEIVER_PROMETHEUS = component('otelcol.receiver.prometheus', 'generally-available', {
  doc: 'Converts Prometheus metrics to OTLP (`service.name` from `job`, `service.instance.id` from `instance`).',
  complete: true,
  blocks: [OTEL_OUTPUT, OTEL_DEBUG_METRICS],
  exports: [METRICS_RECEIVER_EXPORT],
  flows: [passFlow('metrics', 'receiver', 'output.metrics')],
});

const RECEIVER_LOKI = component('otelcol.receiver.loki', 'generally-available', {
  doc: 'Converts Loki log entries to OTLP logs (does not set `service.name`).',
  complete: true,
  blocks: [OTEL_OUTPUT],
  exports: [LOGS_RECEIVER_EXPORT],
  flows: [passFlow('logs', 'receiver', 'output.logs')],
});

const RECEIVER_OTLP = component('otelcol.receiver.otlp', 'generally-available', {
  doc: 'Receives OTLP data over gRPC (4317) and HTTP (4318).',
  complete: true,
  blocks: [
    OTEL_OUTPUT,
    OTEL_DEBUG_METRICS,
    otelGrpcServer('0.0.0.0:4317'),
    block('http', 'Accept data over OTLP/HTTP.', {
      attributes: [
        ...otelHttpServerAttrs('0.0.0.0:4318'),
        opt('traces_url_path', 'string', 'Path for traces.', { default: '"/v1/traces"' }),
        opt('metrics_url_path', 'string', 'Path for metrics.', { default: '"/v1/metrics"' }),
        opt('logs_url_path', 'string', 'Path for logs.', { default: '"/v1/logs"' }),
      ],
      blocks: [OTEL_TLS_SERVER, OTEL_CORS],
    }),
  ],
  flows: otelSourceFlows(ALL_OTEL),
});

/** Receivers entered by name, signals, required arguments/blocks. */
const RECEIVERS: readonly [string, Stability, string, readonly Signal[], readonly AttributeSchema[], readonly BlockSchema[]][] = [
  ['awscloudwatch', 'experimental', 'Receives logs from Amazon CloudWatch.', ['logs'], [req('region', 'string', 'AWS region.')], []],
  ['awsecscontainermetrics', 'experimental', 'Reads AWS ECS task and container metrics.', ['metrics'], [], []],
  ['awss3', 'experimental', 'Reads telemetry stored in S3 by `otelcol.exporter.awss3`.', ALL_OTEL, [],
    [block('s3downloader', 'S3 bucket to read from.', { required: true, partial: true })]],
  ['cloudflare', 'experimental', 'Receives logs from Cloudflare LogPush jobs.', ['logs'], [req('endpoint', 'string', '`host:port` to listen on.')], []],
  ['datadog', 'experimental', 'Receives Datadog metrics and traces.', ['metrics', 'traces'], [], []],
  ['faro', 'experimental', 'Receives Grafana Faro Web SDK telemetry as OTLP.', ['logs', 'traces'], [], []],
  ['file_stats', 'generally-available', 'Collects metrics about files and folders matching a glob.', ['metrics'],
    [req('include', 'string', 'Glob of files to watch.')], []],
  ['filelog', 'public-preview', 'Reads log lines from files.', ['logs'],
    [req('include', 'list(string)', 'Globs of files to read.'), opt('storage', 'capsule(otelcol.Handler)', 'Storage for file offsets.')], []],
  ['fluentforward', 'experimental', 'Receives logs over the Fluent Forward protocol.', ['logs'], [req('endpoint', 'string', '`host:port` to listen on.')], []],
  ['googlecloudpubsub', 'community', 'Receives OTLP data from a Google Cloud Pub/Sub subscription.', ALL_OTEL,
    [req('subscription', 'string', 'Subscription to read from.')], []],
  ['influxdb', 'generally-available', 'Receives InfluxDB line-protocol metrics.', ['metrics'], [], []],
  ['jaeger', 'generally-available', 'Receives Jaeger traces.', ['traces'], [],
    [block('protocols', 'Jaeger protocols to accept.', { required: true, partial: true })]],
  ['kafka', 'generally-available', 'Consumes telemetry from Kafka topics.', ALL_OTEL,
    [req('brokers', 'list(string)', 'Kafka brokers.'), req('protocol_version', 'string', 'Kafka protocol version.')], []],
  ['nginx', 'public-preview', 'Scrapes NGINX stub_status metrics.', ['metrics'], [req('endpoint', 'string', 'stub_status URL.')], []],
  ['solace', 'generally-available', 'Receives traces from a Solace PubSub+ broker.', ['traces'], [req('queue', 'string', 'Queue to consume.')],
    [block('auth', 'Broker authentication.', { required: true, partial: true })]],
  ['splunkhec', 'public-preview', 'Receives Splunk HEC events.', ['logs', 'metrics'], [], []],
  ['syslog', 'public-preview', 'Receives syslog messages over TCP or UDP.', ['logs'], [], []],
  ['tcplog', 'experimental', 'Receives log lines over TCP.', ['logs'], [req('listen_address', 'string', '`host:port` to listen on.')], []],
  ['vcenter', 'experimental', 'Collects metrics from vCenter or ESXi.', ['metrics'],
    [req('endpoint', 'string', 'vCenter URL.'), req('username', 'string', 'User name.'), req('password', 'secret', 'Password.')], []],
  ['zipkin', 'generally-available', 'Receives Zipkin traces.', ['traces'], [], []],
];

// ---------------------------------------------------------------------------------------
// Processors

const BATCH = component('otelcol.processor.batch', 'generally-available', {
  doc: 'Batches telemetry to improve compression and reduce requests.',
  complete: true,
  attributes: [
    opt('timeout', 'duration', 'Send a batch after this long regardless of size.', { default: '"200ms"' }),
    opt('send_batch_size', 'number', 'Batch size that triggers sending.', { default: '2000' }),
    opt('send_batch_max_size', 'number', 'Upper bound of a batch (0 = none).', { default: '3000' }),
    opt('metadata_keys', 'list(string)', 'Client metadata keys to batch separately by.', { default: '[]' }),
    opt('metadata_cardinality_limit', 'number', 'Maximum distinct metadata combinations.', { default: '1000' }),
  ],
  blocks: [OTEL_OUTPUT, OTEL_DEBUG_METRICS],
  exports: [OTEL_INPUT_EXPORT],
  flows: otelPassFlows(ALL_OTEL),
});

const MEMORY_LIMITER = component('otelcol.processor.memory_limiter', 'generally-available', {
  doc: 'Refuses data when memory use exceeds limits, to prevent out-of-memory crashes.',
  complete: true,
  attributes: [
    req('check_interval', 'duration', 'How often to check memory usage, for example `"1s"`.'),
    opt('limit', 'string', 'Hard memory limit, for example `"512MiB"`.', { default: '"0MiB"' }),
    opt('spike_limit', 'string', 'Headroom below `limit` (defaults to 20% of `limit`).'),
    opt('limit_percentage', 'int', 'Hard limit as a percentage of total memory.', { default: '0' }),
    opt('spike_limit_percentage', 'int', 'Headroom as a percentage of total memory.', { default: '0' }),
  ],
  blocks: [OTEL_OUTPUT, OTEL_DEBUG_METRICS],
  exports: [OTEL_INPUT_EXPORT],
  flows: otelPassFlows(ALL_OTEL),
});

const ERROR_MODES = ['ignore', 'silent', 'propagate'];
const statementsBlock = (name: string, signal: string, contexts: string[]): BlockSchema =>
  block(name, `OTTL statements for ${signal} in an explicit context.`, {
    repeatable: true,
    attributes: [
      req('context', 'string', 'OTTL context the statements run in.', { enum: contexts }),
      req('statements', 'list(string)', 'OTTL statements, for example `set(resource.attributes["service.name"], "alloy")`.'),
      opt('conditions', 'list(string)', 'Conditions (ORed) that must hold for the statements to run.'),
      opt('error_mode', 'string', 'Overrides the top-level `error_mode`.', { enum: ERROR_MODES }),
    ],
  });

const TRANSFORM = component('otelcol.processor.transform', 'generally-available', {
  doc: 'Modifies telemetry with OpenTelemetry Transformation Language (OTTL) statements.',
  complete: true,
  attributes: [opt('error_mode', 'string', 'How statement errors are handled.', { default: '"ignore"', enum: ERROR_MODES })],
  blocks: [
    OTEL_OUTPUT,
    OTEL_DEBUG_METRICS,
    statementsBlock('trace_statements', 'traces', ['resource', 'scope', 'span', 'spanevent']),
    statementsBlock('metric_statements', 'metrics', ['resource', 'scope', 'metric', 'datapoint']),
    statementsBlock('log_statements', 'logs', ['resource', 'scope', 'log']),
    block('statements', 'OTTL statements whose context is inferred.', {
      attributes: [
        opt('trace', 'list(string)', 'Statements for traces.', { default: '[]' }),
        opt('metric', 'list(string)', 'Statements for metrics.', { default: '[]' }),
        opt('log', 'list(string)', 'Statements for logs.', { default: '[]' }),
      ],
    }),
  ],
  exports: [OTEL_INPUT_EXPORT],
  flows: otelPassFlows(ALL_OTEL),
});

const ATTRIBUTES = component('otelcol.processor.attributes', 'generally-available', {
  doc: 'Inserts, updates, deletes, hashes or extracts attributes of spans, logs and metrics.',
  complete: true,
  blocks: [
    OTEL_OUTPUT,
    OTEL_DEBUG_METRICS,
    block('action', 'An attribute action; actions apply in order.', {
      repeatable: true,
      attributes: [
        // The docs call `key` required; the runtime accepts `pattern` instead for delete/hash.
        opt('key', 'string', 'Attribute to act on (required unless `pattern` is set).'),
        req('action', 'string', 'What to do.', { enum: ['insert', 'update', 'upsert', 'delete', 'hash', 'extract', 'convert'] }),
        opt('value', 'any', 'Value to set.'),
        opt('pattern', 'string', 'Regex selecting attributes (delete/hash) or capture groups (extract).', { default: '""' }),
        opt('from_attribute', 'string', 'Attribute to copy the value from.', { default: '""' }),
        opt('from_context', 'string', 'Request context key to copy the value from.', { default: '""' }),
        opt('converted_type', 'string', 'Target type of `convert`.', { default: '""', enum: ['int', 'double', 'string'] }),
      ],
    }),
    otelMatchBlock('include'),
    otelMatchBlock('exclude'),
  ],
  exports: [OTEL_INPUT_EXPORT],
  flows: otelPassFlows(ALL_OTEL),
});

const detector = (name: string, attributes: AttributeSchema[] = [], blocks: BlockSchema[] = []): BlockSchema =>
  block(name, `Settings of the \`${name}\` detector.`, { partial: true, attributes, blocks });

const RESOURCEDETECTION = component('otelcol.processor.resourcedetection', 'generally-available', {
  doc: 'Detects host/cloud resource attributes and adds them to telemetry.',
  // Detector blocks are listed without their `resource_attributes` sub-blocks.
  complete: false,
  attributes: [
    opt('detectors', 'list(string)', 'Detectors to run in order (`env`, `system`, `docker`, `ec2`, `gcp`, `azure`, ...).', {
      default: '["env"]',
    }),
    opt('override', 'bool', 'Overwrite existing resource attributes.', { default: 'true' }),
    opt('timeout', 'duration', 'Timeout of detection.', { default: '"5s"' }),
    opt('fail_on_missing_metadata', 'bool', 'Fail when a detector cannot find metadata.', { default: 'false' }),
  ],
  blocks: [
    OTEL_OUTPUT,
    OTEL_DEBUG_METRICS,
    detector('akamai'),
    detector('alibaba_ecs', [opt('fail_on_missing_metadata', 'bool', 'Fail when metadata is missing.', { default: 'false' })]),
    detector('aks'),
    detector('azure', [opt('tags', 'list(string)', 'Regexes of tags to add.', { default: '[]' })]),
    detector('consul', [
      opt('address', 'string', 'Consul address.', { default: '""' }),
      opt('datacenter', 'string', 'Datacenter.', { default: '""' }),
      opt('token', 'secret', 'ACL token.', { default: '""' }),
      opt('namespace', 'string', 'Namespace.', { default: '""' }),
      opt('meta', 'list(string)', 'Metadata keys to add.', { default: '[]' }),
    ]),
    detector('digitalocean'),
    detector('docker'),
    detector('dynatrace'),
    detector('ec2', [
      opt('tags', 'list(string)', 'Regexes of tags to add.', { default: '[]' }),
      opt('tags_from_imds', 'bool', 'Read tags from IMDS.', { default: 'false' }),
      opt('max_attempts', 'int', 'IMDS retry attempts.', { default: '3' }),
      opt('max_backoff', 'duration', 'Maximum IMDS retry backoff.', { default: '"20s"' }),
    ]),
    detector('ecs'),
    detector('eks', [opt('node_from_env_var', 'string', 'Environment variable holding the node name.', { default: '"K8S_NODE_NAME"' })]),
    detector('elasticbeanstalk'),
    detector('gcp'),
    detector('heroku'),
    detector('hetzner'),
    detector('kubeadm', [
      opt('auth_type', 'string', 'Kubernetes API authentication.', { default: '"none"' }),
      opt('context', 'string', 'kubeconfig context.', { default: '""' }),
    ]),
    detector('kubernetes_node', [
      opt('auth_type', 'string', 'Kubernetes API authentication.', { default: '"none"' }),
      opt('context', 'string', 'kubeconfig context.', { default: '""' }),
      opt('node_from_env_var', 'string', 'Environment variable holding the node name.', { default: '"K8S_NODE_NAME"' }),
    ]),
    detector('lambda'),
    detector('nova', [
      opt('fail_on_missing_metadata', 'bool', 'Fail when metadata is missing.', { default: 'false' }),
      opt('labels', 'list(string)', 'Metadata labels to add.', { default: '[]' }),
    ]),
    detector('openshift', [opt('address', 'string', 'API server address.'), opt('token', 'string', 'Service account token.', { default: '""' })]),
    detector('oraclecloud'),
    detector('scaleway'),
    detector('system'),
    detector('tencent_cvm', [opt('fail_on_missing_metadata', 'bool', 'Fail when metadata is missing.', { default: 'false' })]),
    detector('upcloud'),
    detector('vultr'),
  ],
  exports: [OTEL_INPUT_EXPORT],
  flows: otelPassFlows(ALL_OTEL),
});

const PROCESSORS: readonly [string, Stability, string, readonly Signal[], readonly AttributeSchema[], readonly BlockSchema[]][] = [
  ['cumulativetodelta', 'public-preview', 'Converts cumulative metrics to delta temporality.', ['metrics'], [], []],
  ['deltatocumulative', 'experimental', 'Converts delta metrics to cumulative temporality.', ['metrics'], [], []],
  ['discovery', 'generally-available', 'Adds resource attributes from discovered targets to spans.', ['traces'],
    [targetsArg('Discovered targets whose labels are added to matching spans.')], []],
  ['filter', 'generally-available', 'Drops telemetry matching OTTL conditions.', ALL_OTEL, [], []],
  ['groupbyattrs', 'generally-available', 'Regroups telemetry under resources built from attributes.', ALL_OTEL, [], []],
  ['interval', 'experimental', 'Aggregates metrics and forwards the latest values periodically.', ['metrics'], [], []],
  ['k8sattributes', 'generally-available', 'Adds Kubernetes metadata to resource attributes.', ALL_OTEL, [], []],
  ['metric_start_time', 'generally-available', 'Sets start times of cumulative points that lack one.', ['metrics'], [], []],
  ['probabilistic_sampler', 'generally-available', 'Samples logs and traces probabilistically.', ['logs', 'traces'], [], []],
  ['redaction', 'experimental', 'Removes or masks attributes by allow/block lists.', ALL_OTEL, [], []],
  ['span', 'generally-available', 'Renames spans and sets their status from attributes.', ['traces'], [], []],
  ['tail_sampling', 'generally-available', 'Samples whole traces by policies after they complete.', ['traces'], [],
    [block('policy', 'A sampling policy.', { required: true, repeatable: true, partial: true })]],
];

// ---------------------------------------------------------------------------------------
// Exporters

const EXPORTER_OTLP = component('otelcol.exporter.otlp', 'generally-available', {
  doc: 'Sends telemetry over OTLP/gRPC (for example to Tempo on port 4317).',
  complete: true,
  attributes: [opt('timeout', 'duration', 'Timeout of one export request.', { default: '"5s"' })],
  blocks: [OTEL_GRPC_CLIENT, ...EXPORTER_BLOCKS],
  exports: [OTEL_INPUT_EXPORT],
  sinks: ALL_OTEL,
});

const EXPORTER_OTLPHTTP = component('otelcol.exporter.otlphttp', 'generally-available', {
  doc: 'Sends telemetry over OTLP/HTTP (recommended for the Grafana Cloud OTLP gateway).',
  complete: true,
  attributes: [
    opt('traces_endpoint', 'string', 'Traces URL (defaults to `client.endpoint` + `/v1/traces`).'),
    opt('metrics_endpoint', 'string', 'Metrics URL (defaults to `client.endpoint` + `/v1/metrics`).'),
    opt('logs_endpoint', 'string', 'Logs URL (defaults to `client.endpoint` + `/v1/logs`).'),
    opt('encoding', 'string', 'Payload encoding.', { default: '"proto"', enum: ['proto', 'json'] }),
  ],
  blocks: [OTEL_HTTP_CLIENT, ...EXPORTER_BLOCKS],
  exports: [OTEL_INPUT_EXPORT],
  sinks: ALL_OTEL,
});

const EXPORTER_PROMETHEUS = component('otelcol.exporter.prometheus', 'generally-available', {
  doc: 'Converts OTLP metrics to Prometheus metrics and forwards them to `prometheus.*` receivers.',
  complete: true,
  attributes: [
    forwardTo('MetricsReceiver', 'converted metrics'),
    opt('include_target_info', 'bool', 'Emit a `target_info` metric from resource attributes.', { default: 'true' }),
    opt('include_scope_info', 'bool', 'Emit `otel_scope_info` metrics.', { default: 'false' }),
    opt('include_scope_labels', 'bool', 'Add `otel_scope_*` labels.', { default: 'true' }),
    opt('gc_frequency', 'duration', 'How often to forget stale series.', { default: '"5m"' }),
    opt('add_metric_suffixes', 'bool', 'Add type and unit suffixes to metric names.', { default: 'true' }),
    opt('resource_to_telemetry_conversion', 'bool', 'Copy all resource attributes to labels.', { default: 'false' }),
    opt('keep_identifying_resource_attributes', 'bool', 'Keep `service.*` attributes in `target_info`.', { default: 'false' }),
    opt('honor_metadata', 'bool', 'Forward metric metadata (experimental).', { default: 'false' }),
    opt('convert_classic_histograms_to_nhcb', 'bool', 'Convert classic histograms to custom-bucket native histograms.', { default: 'false' }),
    opt('start_timestamp_zero_ingestion', 'bool', 'Ingest zero samples at start timestamps (experimental).', { default: 'false' }),
  ],
  // The docs list a `debug_metrics` block, but the component's arguments have none.
  exports: [OTEL_INPUT_EXPORT],
  flows: [convertFlow('input', 'metrics', 'forward_to', 'metrics')],
});

const EXPORTER_LOKI = component('otelcol.exporter.loki', 'generally-available', {
  doc: 'Converts OTLP logs to Loki entries and forwards them to `loki.*` receivers.',
  complete: true,
  attributes: [forwardTo('LogsReceiver', 'converted log entries')],
  exports: [OTEL_INPUT_EXPORT],
  flows: [convertFlow('input', 'logs', 'forward_to', 'logs')],
});

const EXPORTER_DEBUG = component('otelcol.exporter.debug', 'experimental', {
  doc: 'Writes received telemetry to the console (debugging).',
  complete: true,
  attributes: [
    opt('verbosity', 'string', 'How much of each item to print.', { default: '"basic"', enum: ['basic', 'normal', 'detailed'] }),
    opt('sampling_initial', 'int', 'Messages logged per second before sampling.', { default: '2' }),
    opt('sampling_thereafter', 'int', 'Log every Nth message after the initial ones.', { default: '1' }),
    opt('use_internal_logger', 'bool', "Write through Alloy's logger instead of `output_paths`.", { default: 'true' }),
    opt('output_paths', 'list(string)', 'Where to write when not using the internal logger.', { default: '["stdout"]' }),
  ],
  blocks: [OTEL_DEBUG_METRICS],
  exports: [OTEL_INPUT_EXPORT],
  sinks: ALL_OTEL,
  localSink: true,
});

/** Exporters entered by name, signals delivered, required arguments/blocks. */
const EXPORTERS: readonly [string, Stability, string, readonly Signal[], readonly AttributeSchema[], readonly BlockSchema[]][] = [
  ['awss3', 'experimental', 'Writes telemetry to an AWS S3 bucket.', ALL_OTEL, [],
    [block('s3_uploader', 'S3 bucket to write to.', { required: true, partial: true })]],
  ['datadog', 'community', 'Sends telemetry to Datadog.', ALL_OTEL, [], [block('api', 'Datadog API settings.', { required: true, partial: true })]],
  ['faro', 'experimental', 'Sends logs and traces to a Faro endpoint.', ['logs', 'traces'], [], [OTEL_HTTP_CLIENT]],
  ['googlecloud', 'community', 'Sends telemetry to Google Cloud.', ALL_OTEL, [], []],
  ['googlecloudpubsub', 'community', 'Publishes telemetry to a Google Cloud Pub/Sub topic.', ALL_OTEL, [req('topic', 'string', 'Topic to publish to.')], []],
  ['kafka', 'generally-available', 'Publishes telemetry to Kafka.', ALL_OTEL, [req('protocol_version', 'string', 'Kafka protocol version.')], []],
  ['loadbalancing', 'generally-available', 'Load-balances telemetry over OTLP backends by trace ID or service.', ALL_OTEL, [],
    [
      block('resolver', 'How backends are discovered.', { required: true, partial: true }),
      block('protocol', 'Protocol used to reach backends.', { required: true, partial: true }),
    ]],
  ['splunkhec', 'community', 'Sends telemetry to Splunk HTTP Event Collector.', ALL_OTEL, [],
    [block('splunk', 'Splunk settings.', { required: true, partial: true }), block('client', 'HTTP client settings.', { required: true, partial: true })]],
  ['syslog', 'public-preview', 'Sends logs over the syslog protocol.', ['logs'], [req('endpoint', 'string', 'Syslog server host.')], []],
];

// ---------------------------------------------------------------------------------------
// Connectors

const SPANMETRICS_DIMENSION = block('dimension', 'A span or resource attribute to add as a metric dimension.', {
  repeatable: true,
  attributes: [
    opt('name', 'string', 'Attribute name.'),
    opt('default', 'string', 'Value used when the attribute is missing.'),
    opt('glob', 'string', 'Glob of attribute names to add.'),
  ],
});

const SPANMETRICS = component('otelcol.connector.spanmetrics', 'generally-available', {
  doc: 'Aggregates request, error and duration (RED) metrics from spans.',
  complete: true,
  attributes: [
    opt('aggregation_temporality', 'string', 'Temporality of the generated metrics.', { default: '"CUMULATIVE"', enum: ['CUMULATIVE', 'DELTA'] }),
    opt('dimensions_cache_size', 'number', 'Size of the dimensions cache (deprecated upstream).', { default: '0' }),
    opt('exclude_dimensions', 'list(string)', 'Default dimensions to leave out.', { default: '[]' }),
    opt('metric_timestamp_cache_size', 'number', 'Size of the metric timestamp cache.', { default: '1000' }),
    opt('metrics_expiration', 'duration', 'Stop exporting series not updated for this long (0 = never).', { default: '"0s"' }),
    opt('series_expiration', 'duration', 'Forget series not updated for this long (0 = never).', { default: '"0s"' }),
    opt('metrics_flush_interval', 'duration', 'How often to emit metrics.', { default: '"60s"' }),
    opt('namespace', 'string', 'Metric name prefix.', { default: '"traces.span.metrics"' }),
    opt('resource_metrics_cache_size', 'number', 'Size of the resource metrics cache.', { default: '1000' }),
    opt('resource_metrics_key_attributes', 'list(string)', 'Resource attributes identifying a resource.', { default: '[]' }),
    opt('aggregation_cardinality_limit', 'number', 'Maximum series per metric (0 = none).', { default: '0' }),
    opt('include_instrumentation_scope', 'list(string)', 'Scopes whose name is added as a dimension.', { default: '[]' }),
    opt('include_collector_instance_id', 'bool', 'Add the collector instance ID to resources.', { default: 'false' }),
  ],
  blocks: [
    block('histogram', 'Duration histogram settings.', {
      required: true,
      attributes: [
        opt('disable', 'bool', 'Do not emit the histogram.', { default: 'false' }),
        opt('unit', 'string', 'Duration unit.', { default: '"ms"', enum: ['ms', 's'] }),
      ],
      blocks: [
        SPANMETRICS_DIMENSION,
        block('explicit', 'Explicit bucket histogram.', {
          attributes: [
            opt('buckets', 'list(duration)', 'Bucket boundaries.', {
              default: '["2ms", "4ms", "6ms", "8ms", "10ms", "50ms", "100ms", "200ms", "400ms", "800ms", "1s", "1400ms", "2s", "5s", "10s", "15s"]',
            }),
          ],
        }),
        block('exponential', 'Exponential histogram.', {
          attributes: [opt('max_size', 'number', 'Maximum buckets per range.', { default: '160' })],
        }),
      ],
    }),
    OTEL_OUTPUT,
    OTEL_DEBUG_METRICS,
    SPANMETRICS_DIMENSION,
    { ...SPANMETRICS_DIMENSION, name: 'calls_dimension', doc: 'An extra dimension of the calls metric only.' },
    block('events', 'Count span events.', {
      attributes: [opt('enabled', 'bool', 'Emit the events metric.', { default: 'false' })],
      blocks: [SPANMETRICS_DIMENSION],
    }),
    block('exemplars', 'Attach exemplars to metrics.', {
      attributes: [
        opt('enabled', 'bool', 'Attach exemplars.', { default: 'false' }),
        opt('max_per_data_point', 'number', 'Maximum exemplars per data point.', { default: '5' }),
      ],
    }),
  ],
  exports: [OTEL_INPUT_EXPORT],
  flows: [convertFlow('input', 'traces', 'output.metrics', 'metrics')],
});

const CONNECTORS: readonly [string, Stability, string, readonly Signal[], Signal][] = [
  ['count', 'experimental', 'Counts spans, span events, data points and log records as metrics.', ALL_OTEL, 'metrics'],
  ['host_info', 'generally-available', 'Generates host usage metrics from spans.', ['traces'], 'metrics'],
  ['servicegraph', 'generally-available', 'Builds service-graph metrics from spans.', ['traces'], 'metrics'],
  ['signaltometrics', 'experimental', 'Generates metrics from spans, data points and logs with OTTL.', ALL_OTEL, 'metrics'],
  ['spanlogs', 'generally-available', 'Emits a log line per span, root or process.', ['traces'], 'logs'],
];

// ---------------------------------------------------------------------------------------
// Auth, extensions, storage

const AUTH_BASIC = component('otelcol.auth.basic', 'generally-available', {
  doc: 'Basic authentication handler for otelcol exporters (`client_auth`) and receivers (`htpasswd`).',
  complete: true,
  attributes: [
    opt('username', 'string', 'Username.', { deprecated: 'Use the `client_auth` block.' }),
    opt('password', 'secret', 'Password.', { deprecated: 'Use the `client_auth` block.' }),
  ],
  blocks: [
    block('client_auth', 'Credentials sent by exporters.', {
      attributes: [
        opt('username', 'string', 'Username, for example a Grafana Cloud instance ID.', { default: '""' }),
        opt('username_file', 'string', 'File holding the username (watched).', { default: '""' }),
        opt('password', 'secret', 'Password or API token.', { default: '""' }),
        opt('password_file', 'string', 'File holding the password (watched).', { default: '""' }),
      ],
    }),
    block('htpasswd', 'Credentials accepted by receivers.', {
      attributes: [
        opt('file', 'string', 'htpasswd file.', { default: '""' }),
        opt('inline', 'string', 'htpasswd content.', { default: '""' }),
      ],
    }),
    OTEL_DEBUG_METRICS,
  ],
  exports: [HANDLER_EXPORT],
});

const AUTH_BEARER = component('otelcol.auth.bearer', 'generally-available', {
  doc: 'Bearer token authentication handler for otelcol components.',
  complete: true,
  attributes: [
    req('token', 'secret', 'The bearer token.'),
    opt('scheme', 'string', 'Scheme prefixed to the token.', { default: '"Bearer"' }),
    opt('header', 'string', 'Header carrying the token.', { default: '"Authorization"' }),
  ],
  blocks: [OTEL_DEBUG_METRICS],
  exports: [HANDLER_EXPORT],
});

const AUTH_HEADERS = component('otelcol.auth.headers', 'generally-available', {
  doc: 'Attaches custom headers to outgoing otelcol requests.',
  complete: true,
  blocks: [
    block('header', 'A header to set (the docs call it required; the runtime does not).', {
      repeatable: true,
      attributes: [
        req('key', 'string', 'Header name.'),
        opt('value', 'secret', 'Header value (string or secret).'),
        opt('from_context', 'string', 'Request metadata key to take the value from.'),
        opt('from_attribute', 'string', 'Auth attribute to take the value from.'),
        opt('action', 'string', 'How to apply the header.', { default: '"upsert"', enum: ['insert', 'update', 'upsert', 'delete'] }),
      ],
    }),
    OTEL_DEBUG_METRICS,
  ],
  exports: [HANDLER_EXPORT],
});

const AUTHS: readonly [string, Stability, string, readonly AttributeSchema[]][] = [
  ['google', 'public-preview', 'Google Application Default Credentials handler.', []],
  ['oauth2', 'generally-available', 'OAuth 2.0 client credentials handler.', [req('token_url', 'string', 'Token endpoint.')]],
  ['sigv4', 'generally-available', 'AWS SigV4 request signing handler.', []],
];

// ---------------------------------------------------------------------------------------

export const OTELCOL_COMPONENTS: readonly ComponentSchema[] = [
  RECEIVER_PROMETHEUS,
  RECEIVER_LOKI,
  RECEIVER_OTLP,
  ...RECEIVERS.map(([leaf, stability, doc, signals, attributes, blocks]) =>
    component(`otelcol.receiver.${leaf}`, stability, {
      doc,
      attributes,
      blocks: [OTEL_OUTPUT, ...debugMetricsFor(`otelcol.receiver.${leaf}`), ...blocks],
      flows: otelSourceFlows(signals),
    }),
  ),
  BATCH,
  MEMORY_LIMITER,
  TRANSFORM,
  ATTRIBUTES,
  RESOURCEDETECTION,
  ...PROCESSORS.map(([leaf, stability, doc, signals, attributes, blocks]) =>
    component(`otelcol.processor.${leaf}`, stability, {
      doc,
      attributes,
      blocks: [OTEL_OUTPUT, ...debugMetricsFor(`otelcol.processor.${leaf}`), ...blocks],
      exports: [OTEL_INPUT_EXPORT],
      flows: otelPassFlows(signals),
    }),
  ),
  EXPORTER_OTLP,
  EXPORTER_OTLPHTTP,
  EXPORTER_PROMETHEUS,
  EXPORTER_LOKI,
  EXPORTER_DEBUG,
  ...EXPORTERS.map(([leaf, stability, doc, signals, attributes, blocks]) =>
    component(`otelcol.exporter.${leaf}`, stability, {
      doc,
      attributes,
      blocks: [...blocks, OTEL_DEBUG_METRICS],
      exports: [OTEL_INPUT_EXPORT],
      sinks: signals,
    }),
  ),
  component('otelcol.exporter.file', 'public-preview', {
    doc: 'Writes telemetry to files on disk (JSON or proto).',
    attributes: [req('path', 'string', 'File to write to.')],
    blocks: [OTEL_DEBUG_METRICS],
    // The exporter registers no `input` export in the docs, but it is built like every
    // otelcol exporter and is referenced as `otelcol.exporter.file.X.input`.
    exports: [OTEL_INPUT_EXPORT],
    sinks: ALL_OTEL,
    localSink: true,
  }),
  SPANMETRICS,
  ...CONNECTORS.map(([leaf, stability, doc, inputs, out]) =>
    component(`otelcol.connector.${leaf}`, stability, {
      doc,
      blocks: [OTEL_OUTPUT, ...debugMetricsFor(`otelcol.connector.${leaf}`)],
      exports: [OTEL_INPUT_EXPORT],
      flows: inputs.map((s) => convertFlow('input', s, `output.${out}`, out)),
    }),
  ),
  AUTH_BASIC,
  AUTH_BEARER,
  AUTH_HEADERS,
  ...AUTHS.map(([leaf, stability, doc, attributes]) =>
    component(`otelcol.auth.${leaf}`, stability, { doc, attributes, blocks: [OTEL_DEBUG_METRICS], exports: [HANDLER_EXPORT] }),
  ),
  component('otelcol.extension.jaeger_remote_sampling', 'generally-available', {
    doc: 'Serves a Jaeger remote sampling document over HTTP/gRPC.',
    blocks: [block('source', 'Where the sampling document comes from.', { required: true, partial: true }), OTEL_DEBUG_METRICS],
  }),
  component('otelcol.storage.file', 'public-preview', {
    doc: 'File-backed storage (bbolt) for otelcol queues and offsets.',
    blocks: [OTEL_DEBUG_METRICS],
    exports: [HANDLER_EXPORT],
  }),
];
