/**
 * Self-monitoring: does Alloy export its own metrics, logs and traces, and do
 * they arrive the way the user wants (service.name, log format, sampling)?
 * Every finding is made only where the model is sure; anything computed or
 * custom along a path makes the check silent.
 */
import { blockHeaderSpan, walk, type Expr } from '../syntax/ast';
import { list } from '../syntax/builder';
import type { Finding, Fix } from '../syntax/diagnostic';
import type { Settings } from '../settings';
import { getAttribute, getBlocks, numberValue, type ComponentNode, type ConfigModel, type SourceFile } from '../semantic/model';
import type { PipelineGraph } from '../semantic/pipelineGraph';
import { resolveReference } from '../semantic/references';
import { walkModel } from '../semantic/modelWalk';
import { classifyTopLevelBlock } from '../semantic/blockKinds';
import * as facts from '../semantic/selfMonitoringFacts';
import {
  appendFixes,
  attributeFixes,
  fixStyle,
  freeLabel,
  insertFixes,
  mainFile,
  metricsTargets,
  setAttributeFix,
  tracesTargets,
  type Target,
} from '../fixes/selfMonitoringFixes';
import { findSelfScrapes, type AlloyHost } from '../semantic/selfTelemetry';
import { checkLogs } from './selfMonitoringLogs';
import { checkWriteTo, finding, missingBlockAnchor } from './selfMonitoringFinding';
import { checkServiceName } from './selfMonitoringServiceName';
import { severityOf } from '../codes';

/** A fraction as a percentage without binary noise: 0.07 → "7", not "7.000000000000001". */
function percent(fraction: number): string {
  return String(Math.round(fraction * 1e6) / 1e4);
}

/**
 * The text of a number literal too large for a float (`1e999`, `-1e999`): the
 * model reads it as no number at all, yet it is plainly out of any range.
 */
function infiniteLiteral(file: SourceFile, expr: Expr): string | undefined {
  const inner = expr.kind === 'Unary' && expr.op === '-' ? expr.operand : expr;
  if (inner.kind !== 'Literal' || (inner.literal !== 'number' && inner.literal !== 'float')) return undefined;
  return Number.isFinite(Number(inner.raw)) ? undefined : file.parse.text.slice(expr.start, expr.end);
}

/**
 * The `selfmon/*` findings of one configuration. `hosts` describes where Alloy
 * runs (its compose services), for recognising a scrape of its own address or
 * a read of its container's logs; empty when unknown.
 */
export function checkSelfMonitoring(model: ConfigModel, graph: PipelineGraph, settings: Settings, hosts: readonly AlloyHost[] = []): Finding[] {
  // A module, or a file with nothing but declarations, is not where Alloy monitors itself.
  if (model.isModule || model.files.length === 0) return [];
  const findings: Finding[] = [];
  if (settings.selfMonitoring.metrics) findings.push(...checkMetrics(model, graph, settings, hosts));
  if (settings.selfMonitoring.logs) findings.push(...checkLogs(model, graph, settings, hosts));
  if (settings.selfMonitoring.traces) findings.push(...checkTraces(model, graph, settings));
  return findings;
}

function componentsNamed(model: ConfigModel, name: string): ComponentNode[] {
  return [...model.components.values()].filter((c) => c.name === name);
}

function checkMetrics(model: ConfigModel, graph: PipelineGraph, settings: Settings, hosts: readonly AlloyHost[]): Finding[] {
  const out: Finding[] = [];
  const exporters = componentsNamed(model, facts.SELF_EXPORTER);
  const main = mainFile(model);
  if (!main) return out;
  // A scrape of Alloy's own HTTP address collects the same metrics as the self exporter.
  const selfScrapes = findSelfScrapes(model, hosts);
  for (const { scrape } of selfScrapes) {
    const finding = notExported(graph, scrape, settings);
    if (finding) out.push(finding);
  }
  if (exporters.length === 0) {
    if (selfScrapes.length > 0 || selfExporterOutOfSight(model)) return out;
    // The finding sits on the preferred target: the targets are needed now, their edits only when read.
    const targets = metricsTargets(graph);
    const fixes = (): Fix[] => {
      const exporterLabel = freeLabel(model, facts.SELF_EXPORTER);
      const scrapeLabel = freeLabel(model, facts.SCRAPE);
      return insertFixes(
        main,
        targets,
        (t) => `Add ${facts.SELF_EXPORTER} and ${facts.SCRAPE}, sending Alloy's metrics ${t.description}`,
        (t) => [
          { name: facts.SELF_EXPORTER, label: exporterLabel },
          {
            name: facts.SCRAPE,
            label: scrapeLabel,
            attributes: [
              [facts.SCRAPE_TARGETS, `${facts.SELF_EXPORTER}.${exporterLabel}.targets`],
              [facts.SCRAPE_FORWARD_TO, list([t.ref])],
            ],
          },
        ],
        fixStyle(settings),
      );
    };
    out.push(finding(main, missingBlockAnchor(model, main, targets), 'selfmon/metrics-missing', `Alloy does not export its own metrics: there is no ${facts.SELF_EXPORTER} component.`, fixes));
    return out;
  }

  const scrapes = componentsNamed(model, facts.SCRAPE);
  for (const exporter of exporters) {
    const mine = scrapes.filter((s) => scrapesExporter(model, s, exporter));
    if (mine.length === 0) {
      // Referenced by something else (a computed `targets`, a custom component, a chain of
      // relabels): it may well be scraped. Nothing can scrape it without naming it.
      if (isReferenced(model, exporter) || selfScrapes.length > 0) continue;
      const fixes = (): Fix[] => {
        const scrapeLabel = freeLabel(model, facts.SCRAPE);
        return insertFixes(
          exporter.file,
          metricsTargets(graph),
          (t) => `Add a ${facts.SCRAPE} of ${exporter.id}, sending its metrics ${t.description}`,
          (t) => [
            {
              name: facts.SCRAPE,
              label: scrapeLabel,
              attributes: [
                [facts.SCRAPE_TARGETS, `${exporter.id}.targets`],
                [facts.SCRAPE_FORWARD_TO, list([t.ref])],
              ],
            },
          ],
          fixStyle(settings),
        );
      };
      out.push(finding(exporter.file, blockHeaderSpan(exporter.block), 'selfmon/metrics-not-scraped', `No ${facts.SCRAPE} takes its targets from ${exporter.id}, so Alloy's own metrics are never collected.`, fixes));
      continue;
    }
    for (const scrape of mine) {
      const reach = graph.attributeReach(scrape.block, facts.SCRAPE_FORWARD_TO, 'metrics');
      if (reach === 'no') {
        const finding = notExported(graph, scrape, settings);
        if (finding) out.push(finding);
        continue;
      }
      if (reach === 'yes') out.push(...checkServiceName(model, graph, scrape, exporter, settings));
    }
  }
  return out;
}

/** `selfmon/metrics-not-exported` for a scrape of Alloy's metrics whose `forward_to` leads nowhere out. */
function notExported(graph: PipelineGraph, scrape: ComponentNode, settings: Settings): Finding | undefined {
  if (graph.attributeReach(scrape.block, facts.SCRAPE_FORWARD_TO, 'metrics') !== 'no') return undefined;
  const forward = getAttribute(scrape.block, facts.SCRAPE_FORWARD_TO);
  const title = (t: Target) => `Forward Alloy's metrics ${t.description}`;
  const fixes = (): Fix[] => {
    const targets = metricsTargets(graph, new Set([scrape.id]));
    const style = fixStyle(settings);
    return forward ? appendFixes(scrape.file, forward, targets, title, style) : attributeFixes(scrape.file, scrape.block, facts.SCRAPE_FORWARD_TO, targets, title, style);
  };
  const range = forward ? { start: forward.start, end: forward.end } : blockHeaderSpan(scrape.block);
  return finding(scrape.file, range, 'selfmon/metrics-not-exported', `Alloy's own metrics scraped by ${scrape.id} never reach a component that sends them out of Alloy.`, fixes);
}

/**
 * Whether a self exporter may exist where the model cannot see it: inside a
 * `declare` or `foreach` body, or in an imported module that is instantiated.
 */
function selfExporterOutOfSight(model: ConfigModel): boolean {
  for (const c of model.components.values()) if (c.custom && !model.declares.has(c.name)) return true;
  for (const file of model.files) {
    for (const stmt of file.parse.file.body) {
      if (stmt.kind !== 'Block' || classifyTopLevelBlock(stmt.name).kind === 'component') continue;
      let found = false;
      walk(stmt, (node) => {
        if (node.kind === 'Block' && node.name === facts.SELF_EXPORTER) found = true;
        return !found;
      });
      if (found) return true;
    }
  }
  return false;
}

/** Whether any other top-level block (component, config block, foreach, …) references `target`. */
function isReferenced(model: ConfigModel, target: ComponentNode): boolean {
  const walk = walkModel(model);
  for (const file of model.files) {
    for (const stmt of file.parse.file.body) {
      if (stmt.kind !== 'Block' || stmt === target.block) continue;
      for (const r of walk.resolutions(stmt)) if (r.kind === 'component' && r.ref.component === target) return true;
    }
  }
  return false;
}

/** Whether a scrape's targets come from the exporter, directly or through a discovery.relabel. */
function scrapesExporter(model: ConfigModel, scrape: ComponentNode, exporter: ComponentNode): boolean {
  const attr = getAttribute(scrape.block, facts.SCRAPE_TARGETS);
  if (!attr) return false;
  const r = resolveReference(model, attr.value);
  if (r.kind !== 'component') return false;
  if (r.ref.component === exporter) return true;
  if (r.ref.component.name === facts.TARGET_RELABEL.name) {
    const inner = getAttribute(r.ref.component.block, facts.TARGET_RELABEL.input);
    const r2 = inner ? resolveReference(model, inner.value) : undefined;
    return r2?.kind === 'component' && r2.ref.component === exporter;
  }
  return false;
}

function checkTraces(model: ConfigModel, graph: PipelineGraph, settings: Settings): Finding[] {
  const out: Finding[] = [];
  const fraction = settings.selfMonitoring.samplingFraction;
  const tracing = model.tracing;
  if (!tracing) {
    const near = model.logging?.file;
    const main = mainFile(model, near);
    if (!main) return out;
    // The finding sits on the preferred target: the targets are needed now, their edits only when read.
    const targets = tracesTargets(graph);
    const fixes = (): Fix[] =>
      insertFixes(
        main,
        targets,
        (t) => `Add a tracing block sending ${percent(fraction)}% of Alloy's traces ${t.description}`,
        (t) => [{ name: facts.TRACING, attributes: [['sampling_fraction', String(fraction)], [facts.WRITE_TO, list([t.ref])]] }],
        fixStyle(settings),
        // Beside the logging block: Alloy's own telemetry settings stay together.
        model.logging && model.logging.file === main ? model.logging.block : undefined,
      );
    out.push(finding(main, missingBlockAnchor(model, main, targets), 'selfmon/traces-missing', 'Alloy does not export its own traces: there is no tracing block with write_to.', fixes));
    return out;
  }
  const { block, file } = tracing;
  out.push(
    ...checkWriteTo(graph, tracing, 'traces', () => tracesTargets(graph), settings, {
      missing: "The tracing block has no write_to, so Alloy's own traces are dropped.",
      notExported: "Alloy's own traces written to write_to never reach a component that sends them out of Alloy.",
      title: (t) => `Send Alloy's traces ${t.description}`,
    }),
  );
  const attr = getAttribute(block, 'sampling_fraction');
  const infinite = attr ? infiniteLiteral(file, attr.value) : undefined;
  const value = attr ? (numberValue(attr.value) ?? (infinite ? Infinity : undefined)) : 0.1;
  if (value === undefined) return out; // computed: cannot tell
  const fix = (): Fix[] => [setAttributeFix(file, block, attr, 'sampling_fraction', String(fraction), `Set sampling_fraction = ${fraction}`)];
  const range = attr ? { start: attr.value.start, end: attr.value.end } : blockHeaderSpan(block);
  if (infinite !== undefined || value < 0 || value > 1) {
    out.push(finding(file, range, 'selfmon/traces-sampling', `sampling_fraction must be between 0 and 1; ${infinite ?? value} is not.`, fix, severityOf('selfmon/traces-sampling', 'alternate')));
  } else if (value !== fraction && getBlocks(block, 'sampler').length === 0) {
    // With a `sampler` block the remote strategy decides; the fraction only applies until it is fetched.
    const why = value >= 1 ? ' (1 keeps every trace, with the overhead that brings)' : value === 0 ? ' (0 keeps no trace)' : '';
    out.push(finding(file, range, 'selfmon/traces-sampling', `Alloy samples ${percent(value)}% of its own traces${attr ? '' : ' (the default)'}${why}; the target is ${percent(fraction)}%.`, fix));
  }
  return out;
}
