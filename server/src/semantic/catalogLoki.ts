/** Catalog entries of the `loki.*` namespace. */

import type { AttributeSchema, BlockSchema, ComponentSchema, Stability } from './catalogTypes';
import {
  block,
  CLUSTERING,
  component,
  forwardTo,
  HTTP_CLIENT_BLOCKS,
  httpClientAttrs,
  httpClientBlock,
  kubernetesClientBlock,
  LOGS_RECEIVER_EXPORT,
  opt,
  passFlow,
  RELABEL_RULE,
  RELABEL_RULES_ARG,
  req,
  RULES_EXPORT,
  sourceFlow,
  targetsArg,
} from './catalogShared';

const LOGS_FORWARD = forwardTo('LogsReceiver', 'log entries');

// ---------------------------------------------------------------------------------------
// loki.write

const LOKI_WRITE = component('loki.write', 'generally-available', {
  doc: 'Sends log entries to Loki endpoints over the network.',
  complete: true,
  attributes: [
    opt('external_labels', 'map(string)', 'Labels added to every entry sent.', { default: '{}' }),
    opt('max_streams', 'int', 'Maximum active streams (0 = unlimited).', { default: '0' }),
  ],
  blocks: [
    block('endpoint', 'A Loki push endpoint (repeatable).', {
      repeatable: true,
      attributes: [
        req('url', 'string', 'Push URL, for example `http://loki:3100/loki/api/v1/push`.'),
        opt('name', 'string', 'Name of the endpoint in metrics and logs.'),
        opt('tenant_id', 'string', 'Tenant ID sent as `X-Scope-OrgID`.'),
        opt('batch_size', 'string', 'Maximum batch size before sending.', { default: '"1MiB"' }),
        opt('batch_wait', 'duration', 'Maximum wait before sending a batch.', { default: '"1s"' }),
        opt('remote_timeout', 'duration', 'Timeout of one request.', { default: '"10s"' }),
        opt('headers', 'map(string)', 'Extra headers sent with each request.'),
        opt('min_backoff_period', 'duration', 'Initial retry backoff.', { default: '"500ms"' }),
        opt('max_backoff_period', 'duration', 'Maximum retry backoff.', { default: '"5m"' }),
        opt('max_backoff_retries', 'int', 'Maximum retries.', { default: '10' }),
        opt('retry_on_http_429', 'bool', 'Retry on HTTP 429.', { default: 'true' }),
        ...httpClientAttrs(),
      ],
      blocks: [
        ...HTTP_CLIENT_BLOCKS,
        block('queue_config', 'Sending queue settings.', {
          attributes: [
            opt('capacity', 'string', 'Queue capacity in bytes.', { default: '"10MiB"' }),
            opt('min_shards', 'number', 'Minimum concurrent senders.', { default: '1' }),
            opt('drain_timeout', 'duration', 'Time to flush the queue on shutdown.', { default: '"1m"' }),
            opt('block_on_overflow', 'bool', 'Block instead of dropping when full.', { default: 'true' }),
          ],
        }),
      ],
    }),
    block('wal', 'Write-ahead log for entries.', {
      attributes: [
        opt('enabled', 'bool', 'Enable the WAL.', { default: 'false' }),
        opt('max_segment_age', 'duration', 'Maximum age of a WAL segment.', { default: '"1h"' }),
        opt('min_read_frequency', 'duration', 'Minimum WAL read backoff.', { default: '"250ms"' }),
        opt('max_read_frequency', 'duration', 'Maximum WAL read backoff.', { default: '"1s"' }),
        opt('drain_timeout', 'duration', 'Time to drain the WAL on shutdown.', { default: '"30s"' }),
      ],
    }),
  ],
  exports: [LOGS_RECEIVER_EXPORT],
  sinks: ['logs'],
});

// ---------------------------------------------------------------------------------------
// loki.process stages

/** Nested stages of `stage.match`; filled below because a match may contain matches. */
const matchStages: BlockSchema[] = [];

const stage = (name: string, doc: string, attributes: AttributeSchema[] = [], blocks: BlockSchema[] = []): BlockSchema =>
  block(`stage.${name}`, doc, { repeatable: true, attributes, blocks });

const source = (doc = 'Extracted field to read (the log line when empty).'): AttributeSchema =>
  opt('source', 'string', doc, { default: '""' });

const metricCommon = (): AttributeSchema[] => [
  req('name', 'string', 'Metric name (prefixed with `prefix`).'),
  opt('description', 'string', 'Metric help text.', { default: '""' }),
  opt('source', 'string', 'Extracted field to use (defaults to the metric name).', { default: '""' }),
  opt('prefix', 'string', 'Metric name prefix.', { default: '"loki_process_custom_"' }),
  opt('max_idle_duration', 'duration', 'Drop series not updated for this long.', { default: '"5m"' }),
  opt('value', 'string', 'Only count entries whose source equals this value.', { default: '""' }),
];

const STAGES: BlockSchema[] = [
  stage('cri', 'Parses CRI container runtime log lines.', [
    opt('max_partial_lines', 'number', 'Partial lines kept before flushing.', { default: '100' }),
    opt('max_partial_line_size', 'number', 'Maximum size of a partial line (0 = none).', { default: '0' }),
    opt('max_partial_line_size_truncate', 'bool', 'Truncate partial lines over the limit.', { default: 'false' }),
  ]),
  stage('decolorize', 'Strips ANSI color codes from log lines.'),
  stage('docker', 'Parses Docker JSON log lines.'),
  stage('drop', 'Drops entries matching conditions.', [
    source(),
    opt('separator', 'string', 'Separator between source values.', { default: '";"' }),
    opt('expression', 'string', 'RE2 expression matched against the source.', { default: '""' }),
    opt('value', 'string', 'Exact value to match.', { default: '""' }),
    opt('older_than', 'duration', 'Drop entries older than this.'),
    opt('longer_than', 'string', 'Drop lines longer than this size.', { default: '""' }),
    opt('drop_counter_reason', 'string', 'Reason label of the dropped counter.', { default: '"drop_stage"' }),
  ]),
  stage('eventlogmessage', 'Extracts fields from Windows event log messages.', [
    source('Field holding the message.'),
    opt('drop_invalid_labels', 'bool', 'Drop fields that are not valid label names.', { default: 'false' }),
    opt('overwrite_existing', 'bool', 'Overwrite existing extracted fields.', { default: 'false' }),
  ]),
  stage('geoip', 'Adds GeoIP fields for an IP address.', [
    req('db', 'string', 'Path of the MaxMind database.'),
    req('source', 'string', 'Extracted field holding the IP.'),
    opt('db_type', 'string', 'Database type.', { enum: ['city', 'asn', 'country'] }),
    opt('custom_lookups', 'map(string)', 'Extra fields to extract (JMESPath).'),
  ]),
  stage('json', 'Extracts fields from JSON log lines.', [
    opt('expressions', 'map(string)', 'Field name to JMESPath expression.'),
    opt('regex', 'string', 'Regex of top-level keys to extract.'),
    source(),
    opt('drop_malformed', 'bool', 'Drop lines that are not valid JSON.', { default: 'false' }),
  ]),
  stage('label_drop', 'Removes labels.', [req('values', 'list(string)', 'Labels to remove.')]),
  stage('label_keep', 'Keeps only the listed labels.', [req('values', 'list(string)', 'Labels to keep.')]),
  stage('labels', 'Sets labels from extracted fields.', [
    req('values', 'map(string)', 'Label name to source field (empty = same name).'),
    opt('source_type', 'string', 'Where values come from.', { default: '"extracted"', enum: ['extracted', 'structured_metadata'] }),
  ]),
  stage('limit', 'Rate-limits entries.', [
    req('rate', 'number', 'Entries per second.'),
    req('burst', 'number', 'Burst size.'),
    opt('drop', 'bool', 'Drop instead of delaying.', { default: 'false' }),
    opt('by_label_name', 'string', 'Apply the limit per value of this label.', { default: '""' }),
    opt('max_distinct_labels', 'number', 'Maximum tracked label values.', { default: '10000' }),
  ]),
  stage('logfmt', 'Extracts fields from logfmt log lines.', [
    opt('mapping', 'map(string)', 'Field name to logfmt key.'),
    opt('regex', 'string', 'Regex of keys to extract.'),
    source(),
  ]),
  stage('luhn', 'Redacts credit-card numbers (Luhn check).', [
    opt('replacement', 'string', 'Replacement text.', { default: '"**REDACTED**"' }),
    source(),
    opt('min_length', 'int', 'Minimum digits.', { default: '13' }),
    opt('delimiters', 'string', 'Characters allowed between digits.', { default: '""' }),
    opt('skip_regex', 'string', 'Skip numbers matching this regex.', { default: '""' }),
  ]),
  stage('match', 'Runs nested stages for entries matching a LogQL selector.', [
    req('selector', 'string', 'LogQL stream selector, for example `{app="alloy"}`.'),
    opt('action', 'string', 'Keep (run stages) or drop matching entries.', { default: '"keep"', enum: ['keep', 'drop'] }),
    opt('pipeline_name', 'string', 'Name used in metrics.', { default: '""' }),
    opt('drop_counter_reason', 'string', 'Reason label of the dropped counter.', { default: '"match_stage"' }),
  ], matchStages),
  stage('metrics', 'Creates metrics from extracted fields.', [], [
    block('metric.counter', 'A counter.', {
      repeatable: true,
      attributes: [
        ...metricCommon(),
        req('action', 'string', 'How to update the counter.', { enum: ['inc', 'add'] }),
        opt('match_all', 'bool', 'Count every entry.', { default: 'false' }),
        opt('count_entry_bytes', 'bool', 'Count bytes instead of entries (with `match_all`).', { default: 'false' }),
      ],
    }),
    block('metric.gauge', 'A gauge.', {
      repeatable: true,
      attributes: [...metricCommon(), req('action', 'string', 'How to update the gauge.', { enum: ['set', 'inc', 'dec', 'add', 'sub'] })],
    }),
    block('metric.histogram', 'A histogram.', {
      repeatable: true,
      attributes: [...metricCommon(), req('buckets', 'list(float)', 'Bucket boundaries.')],
    }),
  ]),
  stage('multiline', 'Merges multiline entries into one.', [
    req('firstline', 'string', 'RE2 expression matching the first line of an entry.'),
    opt('max_lines', 'number', 'Maximum lines per entry.', { default: '128' }),
    opt('max_wait_time', 'duration', 'Flush after waiting this long.', { default: '"3s"' }),
    opt('trim_newlines', 'bool', 'Trim trailing newlines.', { default: 'true' }),
  ]),
  stage('output', 'Replaces the log line with an extracted field.', [req('source', 'string', 'Extracted field to output.')]),
  stage('pack', 'Packs labels into a JSON log line.', [
    req('labels', 'list(string)', 'Labels to pack.'),
    opt('ingest_timestamp', 'bool', 'Use the ingestion time as timestamp.', { default: 'true' }),
  ]),
  stage('pattern', 'Extracts fields with a LogQL pattern.', [
    req('pattern', 'string', 'LogQL pattern, for example `<ip> - <_>`.'),
    source(),
    opt('labels_from_groups', 'bool', 'Also set labels from the named captures.', { default: 'false' }),
  ]),
  stage('regex', 'Extracts fields with an RE2 expression.', [
    req('expression', 'string', 'RE2 expression with named capture groups.'),
    source(),
    opt('labels_from_groups', 'bool', 'Also set labels from the named groups.', { default: 'false' }),
  ]),
  stage('replace', 'Replaces text matched by an RE2 expression.', [
    req('expression', 'string', 'RE2 expression.'),
    source(),
    opt('replace', 'string', 'Replacement (may use templates).'),
  ]),
  stage('sampling', 'Keeps a fraction of entries.', [
    req('rate', 'float', 'Fraction of entries to keep (0 to 1).'),
    opt('drop_counter_reason', 'string', 'Reason label of the dropped counter.', { default: '"sampling_stage"' }),
  ]),
  stage('split_json', 'Splits a JSON array into separate entries.', [source()]),
  stage('static_labels', 'Adds fixed labels.', [req('values', 'map(string)', 'Labels to add.')]),
  stage('structured_metadata', 'Moves extracted fields to structured metadata.', [
    opt('values', 'map(string)', 'Metadata name to source field.', { default: '{}' }),
    opt('regex', 'string', 'Regex of field names to move.', { default: '""' }),
  ]),
  stage('structured_metadata_drop', 'Removes structured metadata keys.', [req('values', 'list(string)', 'Keys to remove.')]),
  stage('template', 'Sets a field from a Go template.', [
    req('source', 'string', 'Field to set.'),
    req('template', 'string', 'Go template.'),
  ]),
  stage('tenant', 'Sets the tenant ID of entries.', [
    opt('label', 'string', 'Label holding the tenant.', { default: '""' }),
    source('Extracted field holding the tenant.'),
    opt('value', 'string', 'Fixed tenant.', { default: '""' }),
  ]),
  stage('timestamp', 'Sets the entry timestamp from an extracted field.', [
    req('source', 'string', 'Field holding the timestamp.'),
    req('format', 'string', 'Go layout or name (`RFC3339`, `Unix`, `UnixMs`, ...).'),
    opt('fallback_formats', 'list(string)', 'Formats tried after `format`.', { default: '[]' }),
    opt('location', 'string', 'IANA time zone.', { default: '""' }),
    opt('action_on_failure', 'string', 'What to do when parsing fails.', { default: '"fudge"', enum: ['fudge', 'skip'] }),
    opt('action_on_duplicate_timestamp', 'string', 'What to do with equal timestamps.', { default: '"fudge"', enum: ['fudge', 'keep'] }),
  ]),
  stage('truncate', 'Truncates lines, labels or metadata.', [], [
    block('rule', 'A truncation rule.', {
      required: true,
      repeatable: true,
      attributes: [
        req('limit', 'string', 'Maximum size, for example `"1KiB"`.'),
        opt('suffix', 'string', 'Text appended to truncated values.', { default: '""' }),
        opt('sources', 'list(string)', 'Names to truncate (all when empty).'),
        opt('source_type', 'string', 'What to truncate.', { default: '"line"', enum: ['line', 'label', 'structured_metadata', 'extracted'] }),
      ],
    }),
  ]),
  stage('windowsevent', 'Extracts fields from Windows event messages.', [
    source('Field holding the message.'),
    opt('drop_invalid_labels', 'bool', 'Drop fields that are not valid label names.', { default: 'false' }),
    opt('overwrite_existing', 'bool', 'Overwrite existing extracted fields.', { default: 'false' }),
  ]),
];
matchStages.push(...STAGES);

const LOKI_PROCESS = component('loki.process', 'generally-available', {
  doc: 'Runs log entries through processing stages (parse, label, filter, metrics) and forwards them.',
  complete: true,
  attributes: [forwardTo('LogsReceiver', 'processed log entries')],
  blocks: STAGES,
  exports: [LOGS_RECEIVER_EXPORT],
  flows: [passFlow('logs')],
});

// ---------------------------------------------------------------------------------------

const LOKI_RELABEL = component('loki.relabel', 'generally-available', {
  doc: 'Rewrites labels of log entries by relabeling rules and forwards them.',
  complete: true,
  attributes: [
    forwardTo('LogsReceiver', 'relabeled log entries'),
    opt('max_cache_size', 'int', 'Size of the relabel cache.', { default: '10000' }),
  ],
  blocks: [RELABEL_RULE],
  exports: [LOGS_RECEIVER_EXPORT, RULES_EXPORT],
  flows: [passFlow('logs')],
});

const LOKI_SOURCE_DOCKER = component('loki.source.docker', 'generally-available', {
  doc: 'Reads logs of Docker containers from one Docker daemon.',
  complete: true,
  attributes: [
    req('host', 'string', 'Docker daemon address, for example `unix:///var/run/docker.sock`.'),
    targetsArg('Containers to read, usually `discovery.docker.X.targets`.'),
    LOGS_FORWARD,
    // The docs mark `labels` required (default `{}`); the runtime treats it as optional.
    opt('labels', 'map(string)', 'Labels added to every entry.', { default: '{}' }),
    RELABEL_RULES_ARG,
    opt('refresh_interval', 'duration', 'How often to refresh the container list.', { default: '"60s"' }),
  ],
  blocks: [httpClientBlock('http_client_config', 'HTTP client settings for the Docker daemon.')],
  flows: [sourceFlow('logs')],
});

const LOKI_SOURCE_FILE = component('loki.source.file', 'generally-available', {
  doc: 'Tails files named by `targets` (`__path__`) and forwards their lines.',
  complete: true,
  attributes: [
    targetsArg('Files to read, usually `local.file_match.X.targets`.'),
    LOGS_FORWARD,
    opt('encoding', 'string', 'Character encoding of the files.', { default: '""' }),
    opt('tail_from_end', 'bool', 'Start at the end of files without a saved position.', { default: 'false' }),
    opt('legacy_positions_file', 'string', 'Promtail positions file to import.', { default: '""' }),
    opt('on_positions_file_error', 'string', 'What to do when the positions file is corrupt.', { default: '"restart_from_beginning"' }),
  ],
  blocks: [
    block('decompression', 'Read compressed files.', {
      attributes: [
        req('enabled', 'bool', 'Enable decompression.'),
        req('format', 'string', 'Compression format.', { enum: ['gz', 'z', 'bz2'] }),
        opt('initial_delay', 'duration', 'Wait before reading new compressed files.', { default: '"0s"' }),
      ],
    }),
    block('file_watch', 'Polling of files for changes.', {
      attributes: [
        opt('min_poll_frequency', 'duration', 'Minimum poll interval.', { default: '"250ms"' }),
        opt('max_poll_frequency', 'duration', 'Maximum poll interval.', { default: '"250ms"' }),
      ],
    }),
    block('file_match', 'Expand `__path__` globs in the component itself.', {
      attributes: [
        opt('enabled', 'bool', 'Enable glob matching.', { default: 'false' }),
        opt('sync_period', 'duration', 'How often to re-evaluate globs.', { default: '"10s"' }),
        opt('ignore_older_than', 'duration', 'Ignore files not modified for this long.', { default: '"0s"' }),
      ],
    }),
  ],
  flows: [sourceFlow('logs')],
});

/** `loki.source.*` entries that list only required and reference arguments. */
const SOURCES: readonly [string, Stability, string, readonly AttributeSchema[], readonly BlockSchema[]][] = [
  ['api', 'generally-available', 'Receives log entries over the Loki push API (HTTP and gRPC).', [RELABEL_RULES_ARG], []],
  ['awsfirehose', 'generally-available', 'Receives log records from Amazon Data Firehose over HTTP.', [RELABEL_RULES_ARG], []],
  ['azure_event_hubs', 'generally-available', 'Consumes Azure Event Hubs through their Kafka endpoint.',
    [
      req('fully_qualified_namespace', 'string', 'Event Hubs namespace host and port.'),
      req('event_hubs', 'list(string)', 'Event Hubs to read.'),
      RELABEL_RULES_ARG,
    ],
    [block('authentication', 'Event Hubs authentication.', { required: true, partial: true })]],
  ['cloudflare', 'generally-available', 'Pulls logs from the Cloudflare Logpull API.',
    [req('api_token', 'secret', 'Cloudflare API token.'), req('zone_id', 'string', 'Zone to pull logs for.')], []],
  ['gcplog', 'generally-available', 'Reads GCP logs from Pub/Sub (pull or push).', [RELABEL_RULES_ARG], []],
  ['gelf', 'generally-available', 'Receives GELF messages over UDP.', [RELABEL_RULES_ARG], []],
  ['heroku', 'generally-available', 'Receives Heroku log drains over HTTP.', [RELABEL_RULES_ARG], []],
  ['journal', 'generally-available', 'Reads the systemd journal.', [RELABEL_RULES_ARG], []],
  ['kafka', 'generally-available', 'Consumes log messages from Kafka topics.',
    [req('brokers', 'list(string)', 'Kafka brokers.'), req('topics', 'list(string)', 'Topics to consume.'), RELABEL_RULES_ARG], []],
  ['kubernetes', 'generally-available', 'Tails container logs through the Kubernetes API.',
    [targetsArg('Pods/containers to tail, usually from `discovery.kubernetes`.')], [kubernetesClientBlock(), CLUSTERING]],
  ['kubernetes_events', 'generally-available', 'Turns Kubernetes events into log entries.', [], [kubernetesClientBlock()]],
  ['podlogs', 'generally-available', 'Tails pods selected by PodLogs custom resources.', [], [kubernetesClientBlock(), CLUSTERING]],
  ['syslog', 'generally-available', 'Receives RFC5424/RFC3164 syslog messages over TCP or UDP.', [RELABEL_RULES_ARG],
    [block('listener', 'A syslog listener.', { required: true, repeatable: true, partial: true })]],
  ['windowsevent', 'generally-available', 'Reads Windows Event Log channels.', [], []],
];

const SOURCE_NOTES: Readonly<Record<string, string>> = {
  journal: 'Needs a Linux build with journal support (stub elsewhere).',
  windowsevent: 'Windows only (stub elsewhere).',
};

export const LOKI_COMPONENTS: readonly ComponentSchema[] = [
  LOKI_WRITE,
  LOKI_PROCESS,
  LOKI_RELABEL,
  LOKI_SOURCE_DOCKER,
  LOKI_SOURCE_FILE,
  ...SOURCES.map(([leaf, stability, doc, attributes, blocks]) => {
    const note = SOURCE_NOTES[leaf];
    return component(`loki.source.${leaf}`, stability, {
      doc,
      ...(note ? { note } : {}),
      attributes: [LOGS_FORWARD, ...attributes],
      blocks,
      flows: [sourceFlow('logs')],
    });
  }),
  component('loki.echo', 'generally-available', {
    doc: 'Prints received log entries to stdout (debugging).',
    complete: true,
    exports: [LOGS_RECEIVER_EXPORT],
    sinks: ['logs'],
    localSink: true,
  }),
  component('loki.enrich', 'experimental', {
    doc: 'Adds labels from discovered targets to log entries whose labels match.',
    attributes: [
      targetsArg('Discovered targets to copy labels from.'),
      req('target_match_label', 'string', 'Target label to match on.'),
      forwardTo('LogsReceiver', 'enriched log entries'),
    ],
    exports: [LOGS_RECEIVER_EXPORT],
    flows: [passFlow('logs')],
  }),
  component('loki.secretfilter', 'public-preview', {
    doc: 'Redacts secrets detected in log lines (Gitleaks patterns).',
    attributes: [forwardTo('LogsReceiver', 'redacted log entries')],
    exports: [LOGS_RECEIVER_EXPORT],
    flows: [passFlow('logs')],
  }),
  component('loki.rules.kubernetes', 'generally-available', {
    doc: 'Loads PrometheusRule resources into the Loki ruler.',
    attributes: [req('address', 'string', 'Loki ruler URL.')],
  }),
];
