/**
 * How Alloy's own metrics, logs and traces leave Alloy, in short sentences,
 * each tied to the block it is about: the analysis result lists them all, and
 * hover shows the ones about the block under the cursor.
 */
import type { BlockStmt, Expr } from '../syntax/ast';
import { getAttribute, numberValue, type ComponentNode, type ConfigModel } from './model';
import type { PipelineGraph, Reach } from './pipelineGraph';
import { resolveReference } from './references';
import * as facts from './selfMonitoringFacts';
import { findSelfLogSources, findSelfScrapes, isWindowsConfiguration, type AlloyHost } from './selfTelemetry';

export interface SelfTelemetrySentence {
  signal: 'metrics' | 'logs' | 'traces';
  text: string;
  /** The blocks the sentence is about (hover shows it on each). */
  blocks: BlockStmt[];
}

/** How far chains of `discovery.relabel` between an exporter and a scrape are followed. */
const MAX_CHAIN = 16;

function leaves(reach: Reach): string {
  if (reach === 'yes') return 'and leave Alloy';
  if (reach === 'no') return 'but never leave Alloy';
  return 'and may leave Alloy (the path cannot be followed)';
}

/** The sentences for one configuration; `hosts` describes where Alloy runs, when a compose service is known. */
export function explainSelfTelemetry(model: ConfigModel, graph: PipelineGraph, hosts: readonly AlloyHost[]): SelfTelemetrySentence[] {
  if (model.isModule || model.files.length === 0) return [];
  return [...metricsSentences(model, graph, hosts), ...logsSentences(model, graph, hosts), ...tracesSentences(model, graph)];
}

/** Whether a scrape's targets come from `exporter`, directly, through `discovery.relabel` or inside `array.concat`. */
export function scrapesExporter(model: ConfigModel, scrape: ComponentNode, exporter: ComponentNode): boolean {
  const root = getAttribute(scrape.block, facts.SCRAPE_TARGETS)?.value;
  const stack: { expr: Expr; depth: number }[] = root ? [{ expr: root, depth: 0 }] : [];
  while (stack.length > 0) {
    const { expr, depth } = stack.pop() as { expr: Expr; depth: number };
    if (expr.kind === 'Array') for (const e of expr.elements) stack.push({ expr: e, depth });
    else if (expr.kind === 'Call') for (const e of expr.args) stack.push({ expr: e, depth });
    else {
      const r = resolveReference(model, expr);
      if (r.kind !== 'component') continue;
      if (r.ref.component === exporter) return true;
      const input = r.ref.component.name === facts.TARGET_RELABEL.name ? getAttribute(r.ref.component.block, facts.TARGET_RELABEL.input) : undefined;
      if (input && depth < MAX_CHAIN) stack.push({ expr: input.value, depth: depth + 1 });
    }
  }
  return false;
}

function metricsSentences(model: ConfigModel, graph: PipelineGraph, hosts: readonly AlloyHost[]): SelfTelemetrySentence[] {
  const out: SelfTelemetrySentence[] = [];
  const components = [...model.components.values()];
  const scrapes = components.filter((c) => c.name === facts.SCRAPE);
  for (const exporter of components.filter((c) => c.name === facts.SELF_EXPORTER)) {
    for (const scrape of scrapes.filter((s) => scrapesExporter(model, s, exporter))) {
      const reach = graph.attributeReach(scrape.block, facts.SCRAPE_FORWARD_TO, 'metrics');
      out.push({ signal: 'metrics', text: `Alloy's own metrics come from ${exporter.id}, are scraped by ${scrape.id} ${leaves(reach)}.`, blocks: [exporter.block, scrape.block] });
    }
  }
  for (const { scrape, address } of findSelfScrapes(model, hosts)) {
    const reach = graph.attributeReach(scrape.block, facts.SCRAPE_FORWARD_TO, 'metrics');
    out.push({ signal: 'metrics', text: `Alloy's own metrics are scraped from its HTTP server (${address}/metrics) by ${scrape.id} ${leaves(reach)}.`, blocks: [scrape.block] });
  }
  return out;
}

function logsSentences(model: ConfigModel, graph: PipelineGraph, hosts: readonly AlloyHost[]): SelfTelemetrySentence[] {
  const out: SelfTelemetrySentence[] = [];
  const logging = model.logging;
  const windows = isWindowsConfiguration(model);
  const byDefault = windows
    ? 'go to the Windows event log by default when Alloy runs as a Windows service'
    : 'go where Alloy writes them by default (its standard error, or the Windows event log for a Windows service)';
  const writeTo = logging ? getAttribute(logging.block, facts.WRITE_TO) : undefined;
  const hasWriteTo = writeTo !== undefined && !(writeTo.value.kind === 'Array' && writeTo.value.elements.length === 0);
  if (logging && hasWriteTo) {
    const reach = graph.attributeReach(logging.block, facts.WRITE_TO, 'logs');
    out.push({ signal: 'logs', text: `Alloy's own logs are written to the logging block's write_to ${leaves(reach)}.`, blocks: [logging.block] });
  }
  const sources = findSelfLogSources(model, hosts);
  for (const { source, how, certainty } of sources) {
    const reach = graph.attributeReach(source.block, facts.FORWARD_TO, 'logs');
    const verb = certainty === 'yes' ? 'are read' : 'may be read';
    out.push({ signal: 'logs', text: `Alloy's own logs ${verb} by ${source.id} ${how} ${leaves(reach)}.`, blocks: [source.block, ...(logging ? [logging.block] : [])] });
  }
  if (!hasWriteTo && sources.length === 0) {
    out.push({ signal: 'logs', text: `Alloy's own logs are not exported: they ${byDefault}.`, blocks: logging ? [logging.block] : [] });
  }
  return out;
}

function tracesSentences(model: ConfigModel, graph: PipelineGraph): SelfTelemetrySentence[] {
  const tracing = model.tracing;
  const writeTo = tracing ? getAttribute(tracing.block, facts.WRITE_TO) : undefined;
  if (!tracing || !writeTo || (writeTo.value.kind === 'Array' && writeTo.value.elements.length === 0)) {
    return [{ signal: 'traces', text: "Alloy's own traces are not exported: there is no tracing block with write_to, so they are dropped.", blocks: tracing ? [tracing.block] : [] }];
  }
  const attr = getAttribute(tracing.block, 'sampling_fraction');
  const fraction = attr ? numberValue(attr.value) : 0.1;
  const sampled = fraction === undefined ? '' : ` (${Math.round(fraction * 1e6) / 1e4}% sampled)`;
  const reach = graph.attributeReach(tracing.block, facts.WRITE_TO, 'traces');
  return [{ signal: 'traces', text: `Alloy's own traces${sampled} are written to the tracing block's write_to ${leaves(reach)}.`, blocks: [tracing.block] }];
}
