/**
 * All component entries, assembled from the namespace files, plus the small namespaces
 * (`pyroscope`, `beyla`, `database_observability`, `faro`, `mimir`) that fit here.
 */

import type { ComponentSchema } from './catalogTypes';
import { DISCOVERY_COMPONENTS } from './catalogDiscovery';
import { LOKI_COMPONENTS } from './catalogLoki';
import { OTELCOL_COMPONENTS } from './catalogOtelcol';
import { PROMETHEUS_COMPONENTS } from './catalogPrometheus';
import {
  block,
  component,
  exp,
  forwardTo,
  HTTP_CLIENT_BLOCKS,
  httpClientAttrs,
  opt,
  passFlow,
  PROFILES_RECEIVER_EXPORT,
  RELABEL_RULE,
  req,
  RULES_EXPORT,
  sourceFlow,
  TARGETS_EXPORT,
  targetsArg,
} from './catalogShared';

const PROFILES_FORWARD = forwardTo('ProfilesReceiver', 'profiles');

const PYROSCOPE_WRITE = component('pyroscope.write', 'generally-available', {
  doc: 'Sends profiles to Pyroscope endpoints.',
  complete: true,
  attributes: [opt('external_labels', 'map(string)', 'Labels added to every profile sent.')],
  blocks: [
    block('endpoint', 'A Pyroscope endpoint (repeatable).', {
      repeatable: true,
      attributes: [
        req('url', 'string', 'Base URL of the Pyroscope server.'),
        opt('name', 'string', 'Name of the endpoint in metrics and logs.'),
        opt('remote_timeout', 'duration', 'Timeout of one request.', { default: '"10s"' }),
        opt('debug_info_upload_timeout', 'duration', 'Timeout of debug-info uploads.', { default: '"2m"' }),
        opt('headers', 'map(string)', 'Extra headers sent with each request.'),
        opt('min_backoff_period', 'duration', 'Initial retry backoff.', { default: '"500ms"' }),
        opt('max_backoff_period', 'duration', 'Maximum retry backoff.', { default: '"5m"' }),
        opt('max_backoff_retries', 'int', 'Maximum retries.', { default: '10' }),
        opt('retry_on_http_429', 'bool', 'Retry on HTTP 429.', { default: 'true' }),
        ...httpClientAttrs(),
      ],
      blocks: HTTP_CLIENT_BLOCKS,
    }),
    block('tracing', 'Propagate trace context on requests.', {
      attributes: [
        opt('jaeger_propagator', 'bool', 'Use the Jaeger propagator.'),
        opt('trace_context_propagator', 'bool', 'Use the W3C trace-context propagator.'),
      ],
    }),
  ],
  exports: [PROFILES_RECEIVER_EXPORT],
  sinks: ['profiles'],
});

const PYROSCOPE: readonly ComponentSchema[] = [
  PYROSCOPE_WRITE,
  component('pyroscope.scrape', 'generally-available', {
    doc: 'Scrapes pprof profiles from HTTP targets.',
    attributes: [targetsArg('Targets to profile.'), PROFILES_FORWARD],
    flows: [sourceFlow('profiles')],
  }),
  component('pyroscope.relabel', 'generally-available', {
    doc: 'Rewrites labels of profiles by relabeling rules and forwards them.',
    attributes: [PROFILES_FORWARD],
    blocks: [RELABEL_RULE],
    exports: [PROFILES_RECEIVER_EXPORT, RULES_EXPORT],
    flows: [passFlow('profiles')],
  }),
  component('pyroscope.ebpf', 'generally-available', {
    doc: 'Profiles processes of the host with eBPF.',
    note: 'Linux amd64/arm64 only (placeholder elsewhere).',
    attributes: [PROFILES_FORWARD, opt('targets', 'list(map(string))', 'Processes to profile.', { accepts: 'Targets' })],
    flows: [sourceFlow('profiles')],
  }),
  component('pyroscope.java', 'generally-available', {
    doc: 'Profiles Java processes with async-profiler.',
    note: 'Linux amd64/arm64 and macOS; the stub registered on other platforms says public-preview.',
    attributes: [targetsArg('Java processes to profile, usually from `discovery.process`.'), PROFILES_FORWARD],
    flows: [sourceFlow('profiles')],
  }),
  component('pyroscope.receive_http', 'generally-available', {
    doc: 'Receives profiles over HTTP and forwards them.',
    attributes: [PROFILES_FORWARD],
    blocks: [block('http', 'HTTP server settings.', { partial: true })],
    flows: [sourceFlow('profiles')],
  }),
  component('pyroscope.enrich', 'experimental', {
    doc: 'Adds labels from discovered targets to profiles whose labels match.',
    attributes: [
      targetsArg('Discovered targets to copy labels from.'),
      req('target_match_label', 'string', 'Target label to match on.'),
      PROFILES_FORWARD,
    ],
    exports: [PROFILES_RECEIVER_EXPORT],
    flows: [passFlow('profiles')],
  }),
];

const databaseObservability = (
  engine: 'mysql' | 'postgres' | 'sql_server',
  stability: 'generally-available' | 'experimental',
  doc: string,
): ComponentSchema =>
  component(`database_observability.${engine}`, stability, {
    doc,
    attributes: [
      forwardTo('LogsReceiver', 'collected query and schema information'),
      ...(engine === 'mysql' ? [] : [req('data_source_name', 'secret', 'Connection string of the database.')]),
      opt('targets', 'list(map(string))', 'External exporter targets to scrape.', { accepts: 'Targets' }),
    ],
    exports: [
      TARGETS_EXPORT,
      ...(engine === 'postgres'
        ? [exp('logs_receiver', 'LogsReceiver', 'Receives PostgreSQL server logs to derive error metrics.')]
        : []),
    ],
    flows: [sourceFlow('logs')],
  });

const OTHERS: readonly ComponentSchema[] = [
  component('beyla.ebpf', 'generally-available', {
    doc: 'Instruments applications with eBPF (Grafana Beyla) for RED metrics and traces.',
    note: 'Linux amd64/arm64 only (placeholder elsewhere).',
    blocks: [
      block('output', 'Where to send traces.', {
        required: true,
        attributes: [opt('traces', 'list(otelcol.Consumer)', 'Consumers to send traces to.', { default: '[]' })],
      }),
    ],
    exports: [TARGETS_EXPORT],
    flows: [sourceFlow('traces', 'output.traces')],
  }),
  databaseObservability('mysql', 'generally-available', 'Collects query, schema and lock information from MySQL.'),
  databaseObservability('postgres', 'generally-available', 'Collects query, schema and process information from PostgreSQL.'),
  databaseObservability('sql_server', 'experimental', 'Collects query and schema information from Microsoft SQL Server.'),
  component('faro.receiver', 'generally-available', {
    doc: 'Receives Grafana Faro Web SDK telemetry (logs to Loki receivers, traces to otelcol).',
    blocks: [
      block('output', 'Where to send received telemetry.', {
        required: true,
        attributes: [
          opt('logs', 'list(LogsReceiver)', 'Receivers to send logs to.', { default: '[]' }),
          opt('traces', 'list(otelcol.Consumer)', 'Consumers to send traces to.', { default: '[]' }),
        ],
      }),
    ],
    flows: [sourceFlow('logs', 'output.logs'), sourceFlow('traces', 'output.traces')],
  }),
  component('mimir.rules.kubernetes', 'generally-available', {
    doc: 'Loads PrometheusRule resources into the Mimir ruler.',
    attributes: [req('address', 'string', 'Mimir ruler URL.')],
  }),
  component('mimir.alerts.kubernetes', 'experimental', {
    doc: 'Loads AlertmanagerConfig resources into the Mimir Alertmanager.',
    attributes: [req('address', 'string', 'Mimir URL.'), req('global_config', 'secret', 'Global Alertmanager configuration.')],
  }),
];

/** Every built-in component, sorted by name. */
export const COMPONENTS: readonly ComponentSchema[] = [
  ...PROMETHEUS_COMPONENTS,
  ...OTELCOL_COMPONENTS,
  ...LOKI_COMPONENTS,
  ...DISCOVERY_COMPONENTS,
  ...PYROSCOPE,
  ...OTHERS,
].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
