/**
 * What Alloy's own documentation says about self-monitoring ("meta-monitoring"),
 * as data: which components carry Alloy's own telemetry, the labels they set,
 * and the environment variable names Grafana's material uses for new exporters.
 */
import type { NewBlock } from '../syntax/builder';
import { envCall, list } from '../syntax/builder';

/** Exposes Alloy's own metrics as a scrape target. */
export const SELF_EXPORTER = 'prometheus.exporter.self';
/** The `job` label the self exporter's target carries (job_name does not override it). */
export const SELF_EXPORTER_JOB = 'integrations/self';
export const SCRAPE = 'prometheus.scrape';
export const SCRAPE_TARGETS = 'targets';
export const SCRAPE_FORWARD_TO = 'forward_to';

/** Config blocks for Alloy's own logs and traces. */
export const LOGGING = 'logging';
export const TRACING = 'tracing';
export const WRITE_TO = 'write_to';

/** Prometheus metrics → OTLP; sets `service.name` from the `job` label. */
export const METRICS_TO_OTLP = { name: 'otelcol.receiver.prometheus', export: 'receiver', output: 'output.metrics' };
/** Loki logs → OTLP. */
export const LOGS_TO_OTLP = { name: 'otelcol.receiver.loki', export: 'receiver', output: 'output.logs' };
/** Relabelling targets before a scrape, to set the `job` label. */
export const TARGET_RELABEL = { name: 'discovery.relabel', input: 'targets', export: 'output' };
/** Relabelling metrics on their way, which may set `job` too. */
export const METRICS_RELABEL = 'prometheus.relabel';

/** New exporters, for configurations that have none for a signal; credentials come from the environment. */
export function newMetricsExporter(label: string): NewBlock[] {
  return [
    {
      name: 'prometheus.remote_write',
      label,
      blocks: [
        {
          name: 'endpoint',
          attributes: [['url', envCall('PROMETHEUS_REMOTE_WRITE_URL')]],
          blocks: [{ name: 'basic_auth', attributes: [['username', envCall('PROMETHEUS_USERNAME')], ['password', envCall('PROMETHEUS_PASSWORD')]] }],
        },
      ],
    },
  ];
}

export const NEW_METRICS_EXPORTER_ENTRY = { name: 'prometheus.remote_write', export: 'receiver' };

export function newLogsExporter(label: string): NewBlock[] {
  return [
    {
      name: 'loki.write',
      label,
      blocks: [
        {
          name: 'endpoint',
          attributes: [['url', envCall('LOKI_URL')]],
          blocks: [{ name: 'basic_auth', attributes: [['username', envCall('LOKI_USERNAME')], ['password', envCall('LOKI_PASSWORD')]] }],
        },
      ],
    },
  ];
}

export const NEW_LOGS_EXPORTER_ENTRY = { name: 'loki.write', export: 'receiver' };

export function newTracesExporter(label: string): NewBlock[] {
  return [
    {
      name: 'otelcol.auth.basic',
      label,
      blocks: [{ name: 'client_auth', attributes: [['username', envCall('OTLP_USERNAME')], ['password', envCall('OTLP_API_KEY')]] }],
    },
    {
      name: 'otelcol.exporter.otlphttp',
      label,
      blocks: [{ name: 'client', attributes: [['endpoint', envCall('OTLP_ENDPOINT')], ['auth', `otelcol.auth.basic.${label}.handler`]] }],
    },
  ];
}

export const NEW_TRACES_EXPORTER_ENTRY = { name: 'otelcol.exporter.otlphttp', export: 'input' };

/** The converter block for metrics into an OTLP consumer. */
export function metricsToOtlp(label: string, consumer: string): NewBlock {
  return { name: METRICS_TO_OTLP.name, label, blocks: [{ name: 'output', attributes: [['metrics', list([consumer])]] }] };
}

export function logsToOtlp(label: string, consumer: string): NewBlock {
  return { name: LOGS_TO_OTLP.name, label, blocks: [{ name: 'output', attributes: [['logs', list([consumer])]] }] };
}

/** Alloy's HTTP server (`--server.http.listen-addr`), which also serves its own metrics at `/metrics`. */
export const DEFAULT_HTTP_PORT = 12345;
/** Host names under which a process reaches its own HTTP server. */
export const LOCAL_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '0.0.0.0', '[::1]', '::1'];

/** Where log sources send what they read. */
export const FORWARD_TO = 'forward_to';
/** Reads logs from the Docker daemon: Alloy's own when it runs in a container. */
export const DOCKER_LOG_SOURCE = 'loki.source.docker';
export const DOCKER_DISCOVERY = 'discovery.docker';
/** Labels of `discovery.docker` targets that name a container, and how their value is written. */
export const DOCKER_NAME_LABELS: readonly { label: string; value: (name: string) => string[] }[] = [
  // Docker names containers `/<name>`; Compose names them `<project>-<service>-<n>` unless `container_name` is set.
  { label: '__meta_docker_container_name', value: (name) => [`/${name}`, `/${name}-1`, `/project-${name}-1`, `/project_${name}_1`] },
  { label: '__meta_docker_container_label_com_docker_compose_service', value: (name) => [name] },
];

/** Reads the systemd journal: Alloy's own logs when it runs as the `alloy` unit. */
export const JOURNAL_LOG_SOURCE = 'loki.source.journal';
export const JOURNAL_UNIT_FIELD = '_SYSTEMD_UNIT';
/** The relabel label under which `loki.source.journal` exposes the unit. */
export const JOURNAL_UNIT_LABEL = '__journal__systemd_unit';
export const ALLOY_SYSTEMD_UNIT = 'alloy.service';

/** Reads Windows event logs; a Windows service's logs go to the Application log by default. */
export const WINDOWS_EVENT_SOURCE = 'loki.source.windowsevent';
export const WINDOWS_SERVICE_EVENT_LOG = 'Application';
/** Components that only make sense on Windows. */
export const WINDOWS_COMPONENTS: readonly string[] = ['loki.source.windowsevent', 'prometheus.exporter.windows'];
/** `logging.destination` value that sends Alloy's logs to the event log. */
export const WINDOWS_EVENT_LOG_DESTINATION = 'windows_event_log';
