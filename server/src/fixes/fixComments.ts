/**
 * The comment that starts each block a self-monitoring fix inserts: what the
 * block does, and where Alloy's telemetry goes from it, in a sentence of our
 * own. `alloy fmt` leaves `//` comments as they are written.
 */
import type { NewBlock } from '../syntax/builder';
import * as facts from '../semantic/selfMonitoringFacts';

/** Comment lines are wrapped at this width (the slashes and indent aside). */
const WIDTH = 96;

/** Where the signal goes, in words: "to A", "through A to B", "through A and B to C". */
export function route(path: readonly string[]): string | undefined {
  const last = path[path.length - 1];
  if (last === undefined) return undefined;
  const via = path.slice(0, -1);
  if (via.length === 0) return `to ${last}`;
  const through = via.length === 1 ? via[0] : `${via.slice(0, -1).join(', ')} and ${via[via.length - 1]}`;
  return `through ${through} to ${last}`;
}

/** A sentence as comment lines of at most WIDTH characters (a longer word stays whole). */
export function commentLines(sentence: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of sentence.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

function attribute(block: NewBlock, name: string): string | undefined {
  return block.attributes?.find(([n]) => n === name)?.[1];
}

/**
 * The comment of `block`, inserted so that Alloy's telemetry goes along
 * `path` (the components from the fix's target on). Undefined for a block
 * that needs none.
 */
export function describeBlock(block: NewBlock, path: readonly string[]): string[] | undefined {
  const onward = route(path) ?? 'out of Alloy';
  switch (block.name) {
    case facts.SELF_EXPORTER:
      return commentLines("Alloy's own metrics, as a target to scrape.");
    case facts.SCRAPE:
      return commentLines(`Scrapes Alloy's own metrics and sends them ${onward}.`);
    case facts.LOGGING: {
      const format = attribute(block, 'format') === '"json"' ? 'JSON' : 'logfmt';
      return commentLines(`Alloy's own logs, written as ${format}, sent ${onward}.`);
    }
    case facts.TRACING: {
      const fraction = Number(attribute(block, 'sampling_fraction') ?? '0.1');
      const percent = Number.isFinite(fraction) ? `${Math.round(fraction * 1000) / 10}%` : 'a share';
      return commentLines(`Samples ${percent} of Alloy's own traces and sends them ${onward}.`);
    }
    case facts.METRICS_TO_OTLP.name:
      return commentLines(`Converts Alloy's metrics to OTLP and passes them ${route(path.slice(1)) ?? 'on'}.`);
    case facts.LOGS_TO_OTLP.name:
      return commentLines(`Converts Alloy's logs to OTLP and passes them ${route(path.slice(1)) ?? 'on'}.`);
    case facts.TARGET_RELABEL.name: {
      const job = block.blocks?.map((rule) => attribute(rule, 'replacement')).find((v) => v !== undefined);
      return commentLines(`Sets the job label of Alloy's metrics${job ? ` to ${job}` : ''}, which becomes service.name over OTLP.`);
    }
    case 'prometheus.remote_write':
      return commentLines('Sends metrics to a Prometheus remote-write endpoint; its URL and credentials come from the environment.');
    case 'loki.write':
      return commentLines('Sends logs to Loki; its URL and credentials come from the environment.');
    case 'otelcol.auth.basic':
      return commentLines('Credentials for the OTLP exporter, from the environment.');
    case 'otelcol.exporter.otlphttp':
      return commentLines('Sends telemetry over OTLP/HTTP; its endpoint comes from the environment.');
    default:
      return undefined;
  }
}
