/**
 * Notes on the generated bodies of the loki components: descriptions in our words, and
 * the defaults and value sets the generator cannot read. Keyed by generated body id,
 * then attribute or block name; a test keeps every key naming something the generated
 * catalog has.
 */
import { HTTP_CLIENT_AUTH, HTTP_CLIENT_CONNECTION, HTTP_CLIENT_REDIRECTS, WRITE_BACKOFF } from './catalogNotesHttpClient';
import type { BodyNote } from './catalogTypes';

/** The stage blocks, said once: `loki.process` and its `stage.match` take the same stages. */
const LOKI_STAGES = {
  'stage.cri': 'Parses CRI container runtime log lines.',
  'stage.decolorize': 'Strips ANSI color codes from log lines.',
  'stage.docker': 'Parses Docker JSON log lines.',
  'stage.drop': 'Drops entries matching conditions.',
  'stage.eventlogmessage': 'Extracts fields from Windows event log messages.',
  'stage.geoip': 'Adds GeoIP fields for an IP address.',
  'stage.json': 'Extracts fields from JSON log lines.',
  'stage.label_keep': 'Keeps only the listed labels.',
  'stage.label_drop': 'Removes labels.',
  'stage.labels': 'Sets labels from extracted fields.',
  'stage.limit': 'Rate-limits entries.',
  'stage.logfmt': 'Extracts fields from logfmt log lines.',
  'stage.luhn': 'Redacts credit-card numbers (Luhn check).',
  'stage.match': 'Runs nested stages for entries matching a LogQL selector.',
  'stage.metrics': 'Creates metrics from extracted fields.',
  'stage.multiline': 'Merges multiline entries into one.',
  'stage.output': 'Replaces the log line with an extracted field.',
  'stage.pack': 'Packs labels into a JSON log line.',
  'stage.pattern': 'Extracts fields with a LogQL pattern.',
  'stage.regex': 'Extracts fields with an RE2 expression.',
  'stage.replace': 'Replaces text matched by an RE2 expression.',
  'stage.split_json': 'Splits a JSON array into separate entries.',
  'stage.static_labels': 'Adds fixed labels.',
  'stage.structured_metadata': 'Moves extracted fields to structured metadata.',
  'stage.structured_metadata_drop': 'Removes structured metadata keys.',
  'stage.sampling': 'Keeps a fraction of entries.',
  'stage.template': 'Sets a field from a Go template.',
  'stage.tenant': 'Sets the tenant ID of entries.',
  'stage.truncate': 'Truncates lines, labels or metadata.',
  'stage.timestamp': 'Sets the entry timestamp from an extracted field.',
  'stage.windowsevent': 'Extracts fields from Windows event messages.',
} as const;

/** What the counter, gauge and histogram of `stage.metrics` share. */
const LOKI_METRIC_COMMON = {
  name: 'Metric name (prefixed with `prefix`).',
  description: { doc: 'Metric help text.', default: '""' },
  source: { doc: 'Extracted field to use (defaults to the metric name).', default: '""' },
  prefix: { doc: 'Metric name prefix.', default: '"loki_process_custom_"' },
  max_idle_duration: 'Drop series not updated for this long.',
  value: { doc: 'Only count entries whose source equals this value.', default: '""' },
} as const;

/** What `stage.eventlogmessage` and `stage.windowsevent` share. */
const LOKI_EVENT_MESSAGE = {
  source: { doc: 'Field holding the message.', default: '""' },
  drop_invalid_labels: { doc: 'Drop fields that are not valid label names.', default: 'false' },
  overwrite_existing: { doc: 'Overwrite existing extracted fields.', default: 'false' },
} as const;

export const LOKI_BODY_NOTES: Readonly<Record<string, BodyNote>> = {
  'internal/component/loki/enrich.Arguments': {
    targets: 'Discovered targets to copy labels from.',
    target_match_label: 'Target label to match on.',
    forward_to: 'Receivers to send enriched log entries to.',
  },
  'internal/component/loki/process.Arguments': {
    forward_to: 'Receivers to send processed log entries to.',
    ...LOKI_STAGES,
  },
  'internal/component/loki/process/metric.CounterConfig': {
    ...LOKI_METRIC_COMMON,
    // Completion only: a plain Go string Alloy checks after decoding (Validate, or at run time), no set to read.
    action: { doc: 'How to update the counter.', enum: ['inc', 'add'] },
    match_all: { doc: 'Count every entry.', default: 'false' },
    count_entry_bytes: { doc: 'Count bytes instead of entries (with `match_all`).', default: 'false' },
  },
  'internal/component/loki/process/metric.GaugeConfig': {
    ...LOKI_METRIC_COMMON,
    // Completion only: a plain Go string Alloy checks after decoding (Validate, or at run time), no set to read.
    action: { doc: 'How to update the gauge.', enum: ['set', 'inc', 'dec', 'add', 'sub'] },
  },
  'internal/component/loki/process/metric.HistogramConfig': {
    ...LOKI_METRIC_COMMON,
    buckets: 'Bucket boundaries.',
  },
  'internal/component/loki/process/stages.CRIConfig': {
    max_partial_lines: 'Partial lines kept before flushing.',
    max_partial_line_size: 'Maximum size of a partial line (0 = none).',
    max_partial_line_size_truncate: 'Truncate partial lines over the limit.',
  },
  'internal/component/loki/process/stages.DropConfig': {
    drop_counter_reason: { doc: 'Reason label of the dropped counter.', default: '"drop_stage"' },
    source: { doc: 'Extracted field to read (the log line when empty).', default: '""' },
    value: { doc: 'Exact value to match.', default: '""' },
    separator: { doc: 'Separator between source values.', default: '";"' },
    expression: { doc: 'RE2 expression matched against the source.', default: '""' },
    older_than: 'Drop entries older than this.',
    longer_than: { doc: 'Drop lines longer than this size.', default: '""' },
  },
  'internal/component/loki/process/stages.EventLogMessageConfig': {
    ...LOKI_EVENT_MESSAGE,
  },
  'internal/component/loki/process/stages.GeoIPConfig': {
    db: 'Path of the MaxMind database.',
    source: 'Extracted field holding the IP.',
    // Completion only: a plain Go string Alloy checks after decoding (Validate, or at run time), no set to read.
    db_type: { doc: 'Database type.', enum: ['city', 'asn', 'country'] },
    custom_lookups: 'Extra fields to extract (JMESPath).',
  },
  'internal/component/loki/process/stages.JSONConfig': {
    expressions: 'Field name to JMESPath expression.',
    regex: 'Regex of top-level keys to extract.',
    source: { doc: 'Extracted field to read (the log line when empty).', default: '""' },
    drop_malformed: { doc: 'Drop lines that are not valid JSON.', default: 'false' },
  },
  'internal/component/loki/process/stages.LabelAllowConfig': { values: 'Labels to keep.' },
  'internal/component/loki/process/stages.LabelDropConfig': { values: 'Labels to remove.' },
  'internal/component/loki/process/stages.LabelsConfig': {
    values: 'Label name to source field (empty = same name).',
    source_type: { doc: 'Where values come from.', default: '"extracted"' },
  },
  'internal/component/loki/process/stages.LimitConfig': {
    rate: 'Entries per second.',
    burst: 'Burst size.',
    drop: { doc: 'Drop instead of delaying.', default: 'false' },
    by_label_name: { doc: 'Apply the limit per value of this label.', default: '""' },
    max_distinct_labels: { doc: 'Maximum tracked label values.', default: '10000' },
  },
  'internal/component/loki/process/stages.LogfmtConfig': {
    mapping: 'Field name to logfmt key.',
    source: { doc: 'Extracted field to read (the log line when empty).', default: '""' },
    regex: 'Regex of keys to extract.',
  },
  'internal/component/loki/process/stages.LuhnFilterConfig': {
    replacement: { doc: 'Replacement text.', default: '"**REDACTED**"' },
    source: { doc: 'Extracted field to read (the log line when empty).', default: '""' },
    min_length: { doc: 'Minimum digits.', default: '13' },
    delimiters: { doc: 'Characters allowed between digits.', default: '""' },
    skip_regex: { doc: 'Skip numbers matching this regex.', default: '""' },
  },
  'internal/component/loki/process/stages.MatchConfig': {
    selector: 'LogQL stream selector, for example `{app="alloy"}`.',
    // Completion only: a plain Go string Alloy checks after decoding (Validate, or at run time), no set to read.
    action: { doc: 'Keep (run stages) or drop matching entries.', default: '"keep"', enum: ['keep', 'drop'] },
    pipeline_name: { doc: 'Name used in metrics.', default: '""' },
    drop_counter_reason: { doc: 'Reason label of the dropped counter.', default: '"match_stage"' },
    ...LOKI_STAGES,
  },
  'internal/component/loki/process/stages.MetricsConfig': {
    'metric.counter': 'A counter.',
    'metric.gauge': 'A gauge.',
    'metric.histogram': 'A histogram.',
  },
  'internal/component/loki/process/stages.MultilineConfig': {
    firstline: 'RE2 expression matching the first line of an entry.',
    max_lines: 'Maximum lines per entry.',
    max_wait_time: 'Flush after waiting this long.',
    trim_newlines: 'Trim trailing newlines.',
  },
  'internal/component/loki/process/stages.OutputConfig': { source: 'Extracted field to output.' },
  'internal/component/loki/process/stages.PackConfig': {
    labels: 'Labels to pack.',
    ingest_timestamp: 'Use the ingestion time as timestamp.',
  },
  'internal/component/loki/process/stages.PatternConfig': {
    pattern: 'LogQL pattern, for example `<ip> - <_>`.',
    source: { doc: 'Extracted field to read (the log line when empty).', default: '""' },
    labels_from_groups: { doc: 'Also set labels from the named captures.', default: 'false' },
  },
  'internal/component/loki/process/stages.RegexConfig': {
    expression: 'RE2 expression with named capture groups.',
    source: { doc: 'Extracted field to read (the log line when empty).', default: '""' },
    labels_from_groups: { doc: 'Also set labels from the named groups.', default: 'false' },
  },
  'internal/component/loki/process/stages.ReplaceConfig': {
    expression: 'RE2 expression.',
    source: { doc: 'Extracted field to read (the log line when empty).', default: '""' },
    replace: 'Replacement (may use templates).',
  },
  'internal/component/loki/process/stages.RuleConfig': {
    limit: 'Maximum size, for example `"1KiB"`.',
    suffix: { doc: 'Text appended to truncated values.', default: '""' },
    sources: 'Names to truncate (all when empty).',
    source_type: { doc: 'What to truncate.', default: '"line"' },
  },
  'internal/component/loki/process/stages.SamplingConfig': {
    drop_counter_reason: { doc: 'Reason label of the dropped counter.', default: '"sampling_stage"' },
    rate: 'Fraction of entries to keep (0 to 1).',
  },
  'internal/component/loki/process/stages.SplitJSONConfig': {
    source: { doc: 'Extracted field to read (the log line when empty).', default: '""' },
  },
  'internal/component/loki/process/stages.StaticLabelsConfig': { values: 'Labels to add.' },
  'internal/component/loki/process/stages.StructuredMetadataConfig': {
    values: { doc: 'Metadata name to source field.', default: '{}' },
    regex: { doc: 'Regex of field names to move.', default: '""' },
  },
  'internal/component/loki/process/stages.StructuredMetadataDropConfig': { values: 'Keys to remove.' },
  'internal/component/loki/process/stages.TemplateConfig': { source: 'Field to set.', template: 'Go template.' },
  'internal/component/loki/process/stages.TenantConfig': {
    label: { doc: 'Label holding the tenant.', default: '""' },
    source: { doc: 'Extracted field holding the tenant.', default: '""' },
    value: { doc: 'Fixed tenant.', default: '""' },
  },
  'internal/component/loki/process/stages.TimestampConfig': {
    source: 'Field holding the timestamp.',
    format: 'Go layout or name (`RFC3339`, `Unix`, `UnixMs`, ...).',
    fallback_formats: { doc: 'Formats tried after `format`.', default: '[]' },
    location: { doc: 'IANA time zone.', default: '""' },
    // Completion only: a plain Go string Alloy checks after decoding (Validate, or at run time), no set to read.
    action_on_failure: { doc: 'What to do when parsing fails.', default: '"fudge"', enum: ['fudge', 'skip'] },
    // Completion only: a plain Go string Alloy checks after decoding (Validate, or at run time), no set to read.
    action_on_duplicate_timestamp: { doc: 'What to do with equal timestamps.', default: '"fudge"', enum: ['fudge', 'keep'] },
  },
  'internal/component/loki/process/stages.TruncateConfig': { rule: 'A truncation rule.' },
  'internal/component/loki/process/stages.WindowsEventConfig': {
    ...LOKI_EVENT_MESSAGE,
  },
  'internal/component/loki/relabel.Arguments': {
    forward_to: 'Receivers to send relabeled log entries to.',
    max_cache_size: 'Size of the relabel cache.',
    rule: 'A relabeling rule; rules apply top to bottom.',
  },
  'internal/component/loki/rules/kubernetes.Arguments': { address: 'Loki ruler URL.' },
  'internal/component/loki/secretfilter.Arguments': { forward_to: 'Receivers to send redacted log entries to.' },
  'internal/component/loki/source/api.Arguments': {
    forward_to: 'Receivers to send log entries to.',
    relabel_rules: { doc: 'Relabeling rules to apply to entries, usually from a relabel component.', default: '{}' },
  },
  'internal/component/loki/source/aws_firehose.Arguments': {
    forward_to: 'Receivers to send log entries to.',
    relabel_rules: { doc: 'Relabeling rules to apply to entries, usually from a relabel component.', default: '{}' },
  },
  'internal/component/loki/source/azure_event_hubs.Arguments': {
    fully_qualified_namespace: 'Event Hubs namespace host and port.',
    event_hubs: 'Event Hubs to read.',
    relabel_rules: { doc: 'Relabeling rules to apply to entries, usually from a relabel component.', default: '{}' },
    forward_to: 'Receivers to send log entries to.',
    authentication: 'Event Hubs authentication.',
  },
  'internal/component/loki/source/cloudflare.Arguments': {
    api_token: 'Cloudflare API token.',
    zone_id: 'Zone to pull logs for.',
    forward_to: 'Receivers to send log entries to.',
  },
  'internal/component/loki/source/docker.Arguments': {
    host: 'Docker daemon address, for example `unix:///var/run/docker.sock`.',
    targets: 'Containers to read, usually `discovery.docker.X.targets`.',
    forward_to: 'Receivers to send log entries to.',
    labels: { doc: 'Labels added to every entry.', default: '{}' },
    relabel_rules: { doc: 'Relabeling rules to apply to entries, usually from a relabel component.', default: '{}' },
    refresh_interval: { doc: 'How often to refresh the container list.', default: '"60s"' },
    http_client_config: 'HTTP client settings for the Docker daemon.',
  },
  'internal/component/loki/source/file.Arguments': {
    targets: 'Files to read, usually `local.file_match.X.targets`.',
    forward_to: 'Receivers to send log entries to.',
    encoding: { doc: 'Character encoding of the files.', default: '""' },
    tail_from_end: { doc: 'Start at the end of files without a saved position.', default: 'false' },
    legacy_positions_file: { doc: 'Promtail positions file to import.', default: '""' },
    on_positions_file_error: { doc: 'What to do when the positions file is corrupt.', default: '"restart_from_beginning"' },
    decompression: 'Read compressed files.',
    file_watch: 'Polling of files for changes.',
    file_match: 'Expand `__path__` globs in the component itself.',
  },
  'internal/component/loki/source/file.DecompressionConfig': {
    enabled: 'Enable decompression.',
    initial_delay: { doc: 'Wait before reading new compressed files.', default: '"0s"' },
    // Completion only: Alloy computes this set (supportedCompressedFormats), the generator reads listed ones.
    format: { doc: 'Compression format.', enum: ['gz', 'z', 'bz2'] },
  },
  'internal/component/loki/source/file.FileMatch': {
    enabled: 'Enable glob matching.',
    sync_period: 'How often to re-evaluate globs.',
    ignore_older_than: { doc: 'Ignore files not modified for this long.', default: '"0s"' },
  },
  'internal/component/loki/source/file.FileWatch': {
    min_poll_frequency: 'Minimum poll interval.',
    max_poll_frequency: 'Maximum poll interval.',
  },
  'internal/component/loki/source/gcplog.Arguments': {
    forward_to: 'Receivers to send log entries to.',
    relabel_rules: { doc: 'Relabeling rules to apply to entries, usually from a relabel component.', default: '{}' },
  },
  'internal/component/loki/source/gelf.Arguments': {
    relabel_rules: { doc: 'Relabeling rules to apply to entries, usually from a relabel component.', default: '{}' },
    forward_to: 'Receivers to send log entries to.',
  },
  'internal/component/loki/source/heroku.Arguments': {
    forward_to: 'Receivers to send log entries to.',
    relabel_rules: { doc: 'Relabeling rules to apply to entries, usually from a relabel component.', default: '{}' },
  },
  'internal/component/loki/source/journal.Arguments': {
    relabel_rules: { doc: 'Relabeling rules to apply to entries, usually from a relabel component.', default: '{}' },
    forward_to: 'Receivers to send log entries to.',
  },
  'internal/component/loki/source/kafka.Arguments': {
    brokers: 'Kafka brokers.',
    topics: 'Topics to consume.',
    forward_to: 'Receivers to send log entries to.',
    relabel_rules: { doc: 'Relabeling rules to apply to entries, usually from a relabel component.', default: '{}' },
  },
  'internal/component/loki/source/kubernetes.Arguments': {
    targets: 'Pods/containers to tail, usually from `discovery.kubernetes`.',
    forward_to: 'Receivers to send log entries to.',
    client: 'Kubernetes API client settings (in-cluster config when unset).',
    clustering: 'Distribute the work across Alloy cluster peers.',
  },
  'internal/component/loki/source/kubernetes_events.Arguments': {
    forward_to: 'Receivers to send log entries to.',
    client: 'Kubernetes API client settings (in-cluster config when unset).',
  },
  'internal/component/loki/source/podlogs.Arguments': {
    forward_to: 'Receivers to send log entries to.',
    client: 'Kubernetes API client settings (in-cluster config when unset).',
    clustering: 'Distribute the work across Alloy cluster peers.',
  },
  'internal/component/loki/source/syslog.Arguments': {
    forward_to: 'Receivers to send log entries to.',
    relabel_rules: { doc: 'Relabeling rules to apply to entries, usually from a relabel component.', default: '{}' },
    listener: 'A syslog listener.',
  },
  'internal/component/loki/source/windowsevent.Arguments': { forward_to: 'Receivers to send log entries to.' },
  'internal/component/loki/write.Arguments': {
    external_labels: { doc: 'Labels added to every entry sent.', default: '{}' },
    max_streams: { doc: 'Maximum active streams (0 = unlimited).', default: '0' },
    endpoint: 'A Loki push endpoint (repeatable).',
    wal: 'Write-ahead log for entries.',
  },
  'internal/component/loki/write.EndpointOptions': {
    name: 'Name of the endpoint in metrics and logs.',
    url: 'Push URL, for example `http://loki:3100/loki/api/v1/push`.',
    batch_wait: { doc: 'Maximum wait before sending a batch.', default: '"1s"' },
    batch_size: { doc: 'Maximum batch size before sending.', default: '"1MiB"' },
    remote_timeout: { doc: 'Timeout of one request.', default: '"10s"' },
    headers: 'Extra headers sent with each request.',
    ...WRITE_BACKOFF,
    tenant_id: 'Tenant ID sent as `X-Scope-OrgID`.',
    retry_on_http_429: { doc: 'Retry on HTTP 429.', default: 'true' },
    ...HTTP_CLIENT_CONNECTION,
    ...HTTP_CLIENT_REDIRECTS,
    http_headers: 'Custom HTTP headers sent with each request.',
    ...HTTP_CLIENT_AUTH,
    queue_config: 'Sending queue settings.',
  },
  'internal/component/loki/write.QueueConfig': {
    capacity: { doc: 'Queue capacity in bytes.', default: '"10MiB"' },
    min_shards: { doc: 'Minimum concurrent senders.', default: '1' },
    drain_timeout: { doc: 'Time to flush the queue on shutdown.', default: '"1m"' },
    block_on_overflow: { doc: 'Block instead of dropping when full.', default: 'true' },
  },
  'internal/component/loki/write.WalArguments': {
    enabled: 'Enable the WAL.',
    max_segment_age: { doc: 'Maximum age of a WAL segment.', default: '"1h"' },
    min_read_frequency: { doc: 'Minimum WAL read backoff.', default: '"250ms"' },
    max_read_frequency: { doc: 'Maximum WAL read backoff.', default: '"1s"' },
    drain_timeout: { doc: 'Time to drain the WAL on shutdown.', default: '"30s"' },
  },
};
