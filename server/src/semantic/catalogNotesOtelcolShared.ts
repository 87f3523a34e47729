/**
 * Descriptions of the blocks nearly every otelcol component takes, said once for the
 * three otelcol notes files (`catalogNotesOtelcol*.ts`) that note them body by body.
 */

/** The `debug_metrics` block that most otelcol components take, described once. */
export const OTELCOL_DEBUG_METRICS = 'Metrics this component generates about itself.';

/** The `output` block of the otelcol receivers, processors and connectors, described once. */
export const OTELCOL_OUTPUT = 'Where to send the telemetry this component emits.';
