/**
 * Self-monitoring: does Alloy export its own metrics, logs and traces, and do
 * they arrive the way the user wants (service.name, log format, sampling)?
 * Every finding is made only where the model is sure; anything computed or
 * custom along a path makes the check silent.
 */
import { blockHeaderSpan, walk, type AttributeStmt, type BlockStmt, type Expr } from '../syntax/ast';
import { list, quote, renderBlock, renderBlocks } from '../syntax/builder';
import type { FileEdit, Finding, Fix } from '../syntax/diagnostic';
import type { Settings } from '../settings';
import { getAttribute, getBlocks, numberValue, stringValue, type ComponentNode, type ConfigModel, type SourceFile } from '../semantic/model';
import { referenceList, type PipelineGraph } from '../semantic/pipelineGraph';
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
  withComments,
  type FixStyle,
  type Target,
} from '../fixes/selfMonitoringFixes';
import { appendToFile, indentUnit, insertAfterBlock, lineIndentAt } from '../fixes/edits';
import { findSelfScrapes, type AlloyHost } from '../semantic/selfTelemetry';
import { checkLogs } from './selfMonitoringLogs';
import { checkWriteTo, finding, missingBlockAnchor } from './selfMonitoringFinding';

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
    out.push(finding(main, missingBlockAnchor(model, main, targets), 'selfmon/metrics-missing', 'warning', `Alloy does not export its own metrics: there is no ${facts.SELF_EXPORTER} component.`, fixes));
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
      out.push(finding(exporter.file, blockHeaderSpan(exporter.block), 'selfmon/metrics-not-scraped', 'warning', `No ${facts.SCRAPE} takes its targets from ${exporter.id}, so Alloy's own metrics are never collected.`, fixes));
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
  return finding(scrape.file, range, 'selfmon/metrics-not-exported', 'warning', `Alloy's own metrics scraped by ${scrape.id} never reach a component that sends them out of Alloy.`, fixes);
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

/** A `job` value, and the relabel rule that set it (none: the self exporter's own). */
interface Job {
  value: string;
  rule?: { component: ComponentNode; at: string };
}

/** `file:line` of a rule, the file named as the user sees it in the directory. */
function ruleLocation(component: ComponentNode, rule: BlockStmt): string {
  const name = component.file.path.split(/[\\/]/).pop() ?? component.file.path;
  return `${name}:${component.file.parse.lineIndex.lineOf(rule.start) + 1}`;
}

/**
 * The `job` value after a component's relabel rules: unchanged when no rule
 * touches `job`, the literal replacement (and that rule) when one simply sets
 * it, undefined when we cannot tell.
 */
function jobAfterRules(component: ComponentNode, job: Job): Job | undefined {
  let current = job;
  for (const rule of getBlocks(component.block, 'rule')) {
    const target = stringValue(getAttribute(rule, 'target_label')?.value);
    const action = stringValue(getAttribute(rule, 'action')?.value) ?? 'replace';
    if (target !== 'job' && action === 'replace') continue;
    if (action !== 'replace') return undefined; // labelmap, drop, …: too clever to follow
    if (getAttribute(rule, 'source_labels') || getAttribute(rule, 'regex')) return undefined;
    const replacement = stringValue(getAttribute(rule, 'replacement')?.value);
    if (replacement === undefined || replacement.includes('$')) return undefined;
    current = { value: replacement, rule: { component, at: ruleLocation(component, rule) } };
  }
  return current;
}

/**
 * The `service.name` values Alloy's metrics get on their way out over OTLP,
 * where `otelcol.receiver.prometheus` sets it from the `job` label, each with
 * where its job came from. Undefined when the path has no OTLP conversion or
 * when we cannot tell.
 */
function serviceNames(model: ConfigModel, graph: PipelineGraph, scrape: ComponentNode, job: Job): Map<string, Job> | undefined {
  const results = new Map<string, Job>();
  const seen = new Set<string>();
  let unknown = false;
  // Depth-first with an explicit stack: a chain of relabels is as long as the user writes it.
  const stack: { refs: ReturnType<typeof referenceList>['refs']; next: number; job: Job }[] = [];
  const visit = (block: BlockStmt, attrPath: string, currentJob: Job) => {
    const attr = getAttribute(block, attrPath);
    const { refs, dynamic } = referenceList(model, attr?.value);
    if (dynamic) unknown = true;
    stack.push({ refs, next: 0, job: currentJob });
  };
  visit(scrape.block, facts.SCRAPE_FORWARD_TO, job);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as (typeof stack)[number];
    const ref = top.refs[top.next++];
    if (!ref) {
      stack.pop();
      continue;
    }
    const currentJob = top.job;
    const c = ref.component;
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    if (c.name === facts.METRICS_TO_OTLP.name) {
      if (graph.reachesSink(c, ref.exportName, 'metrics') !== 'yes') continue;
      // Anything downstream that mentions service.name may rewrite it: stay silent then.
      if (downstreamMentionsServiceName(model, c)) unknown = true;
      else if (!results.has(currentJob.value)) results.set(currentJob.value, currentJob);
    } else if (c.name === facts.METRICS_RELABEL) {
      const next = jobAfterRules(c, currentJob);
      if (next === undefined) unknown = true;
      else visit(c.block, facts.SCRAPE_FORWARD_TO, next);
    }
  }
  return unknown ? undefined : results;
}

function downstreamMentionsServiceName(model: ConfigModel, start: ComponentNode): boolean {
  // An explicit stack: the otelcol pipeline after the conversion can be 10,000 processors long.
  const seen = new Set<string>();
  const stack = [start];
  for (let from = stack.pop(); from; from = stack.pop()) {
    if (seen.has(from.id)) continue;
    seen.add(from.id);
    const text = from.file.parse.text.slice(from.block.start, from.block.end);
    if (from.name !== facts.METRICS_TO_OTLP.name && /service\.name|service_name/.test(text)) return true;
    if (!from.schema) return true;
    for (const output of getBlocks(from.block, 'output')) {
      for (const stmt of output.body) {
        if (stmt.kind !== 'Attribute') continue;
        for (const r of referenceList(model, stmt.value).refs) stack.push(r.component);
      }
    }
  }
  return false;
}

/** A `rule` setting `job`, added as the last statement of a relabel block (whose `}` must be on its own line). */
function appendJobRule(relabel: ComponentNode, job: string, style: FixStyle): FileEdit | undefined {
  const { block, file } = relabel;
  const text = file.parse.text;
  if (block.rbrace < 0) return undefined;
  const lineStart = text.lastIndexOf('\n', block.rbrace - 1) + 1;
  if (text.slice(lineStart, block.rbrace).trim() !== '') return undefined;
  const indent = lineIndentAt(text, block.start) + indentUnit(text);
  const comment = style.comments ? [`Sets the job label to "${job}", which becomes service.name over OTLP.`] : undefined;
  const rule = renderBlock({ name: 'rule', ...(comment ? { comment } : {}), attributes: [['target_label', quote('job')], ['replacement', quote(job)]] }, indentUnit(text));
  const newText = (block.body.length > 0 ? '\n' : '') + rule.replace(/^(?=.)/gm, indent);
  return { file: file.path, range: { start: lineStart, end: lineStart }, newText };
}

/** New blocks go right after `after` (the component they read from), else at the end of the file. */
function insertNear(file: SourceFile, after: BlockStmt | undefined, text: string) {
  return after ? insertAfterBlock(file, after, text) : appendToFile(file, text);
}

function checkServiceName(model: ConfigModel, graph: PipelineGraph, scrape: ComponentNode, exporter: ComponentNode, settings: Settings): Finding[] {
  const want = settings.selfMonitoring.serviceName;
  const targetsAttr = getAttribute(scrape.block, facts.SCRAPE_TARGETS);
  if (!targetsAttr) return [];
  const r = resolveReference(model, targetsAttr.value);
  if (r.kind !== 'component') return [];
  let job: Job | undefined = { value: facts.SELF_EXPORTER_JOB };
  const viaRelabel = r.ref.component !== exporter;
  if (viaRelabel) job = jobAfterRules(r.ref.component, job);
  if (job === undefined) return [];
  const names = serviceNames(model, graph, scrape, job);
  if (!names || names.size === 0 || names.has(want)) return [];
  const got = [...names.keys()].join('", "');
  const rules = [...names.values()].flatMap((j) => (j.rule ? [j.rule] : []));
  const fixes = (): Fix[] => serviceNameFixes(model, scrape, exporter, targetsAttr, r.ref.component, viaRelabel, rules, want, settings);
  return [
    finding(
      scrape.file,
      blockHeaderSpan(scrape.block),
      'selfmon/metrics-service-name',
      'warning',
      rules.length === 0
        ? `Alloy's metrics reach OTLP with service.name "${got}" (from the job label ${exporter.id} sets; job_name does not override it), not "${want}".`
        : `Alloy's metrics reach OTLP with service.name "${got}" (from the job label set by the rule at ${rules.map((rule) => `${rule.at} in ${rule.component.id}`).join(' and ')}), not "${want}".`,
      fixes,
    ),
  ];
}

/** The fixes of `selfmon/metrics-service-name`: set the job label where it is decided. */
function serviceNameFixes(
  model: ConfigModel,
  scrape: ComponentNode,
  exporter: ComponentNode,
  targetsAttr: AttributeStmt,
  relabel: ComponentNode,
  viaRelabel: boolean,
  rules: readonly NonNullable<Job['rule']>[],
  want: string,
  settings: Settings,
): Fix[] {
  const out: Fix[] = [];
  // A rule downstream of the scrape (prometheus.relabel) wins over anything set before it: fix it there.
  const downstream = rules.find((rule) => rule.component.name === facts.METRICS_RELABEL);
  if (downstream) {
    const edit = appendJobRule(downstream.component, want, fixStyle(settings));
    if (edit) out.push({ title: `Add a rule to ${downstream.component.id} setting the job label to "${want}", so service.name is "${want}"`, isPreferred: true, edits: [edit] });
  } else if (!viaRelabel) {
    const label = freeLabel(model, facts.TARGET_RELABEL.name);
    out.push({
      title: `Set the job label to "${want}" with ${facts.TARGET_RELABEL.name}, so service.name is "${want}"`,
      isPreferred: true,
      edits: [
        { file: scrape.file.path, range: { start: targetsAttr.value.start, end: targetsAttr.value.end }, newText: `${facts.TARGET_RELABEL.name}.${label}.${facts.TARGET_RELABEL.export}` },
        insertNear(
          scrape.file,
          exporter.file === scrape.file ? exporter.block : undefined,
          renderBlocks(
            withComments(
              [
                {
                  name: facts.TARGET_RELABEL.name,
                  label,
                  attributes: [[facts.TARGET_RELABEL.input, `${exporter.id}.targets`]],
                  blocks: [{ name: 'rule', attributes: [['target_label', quote('job')], ['replacement', quote(want)]] }],
                },
              ],
              [],
              fixStyle(settings),
            ),
          ),
        ),
      ],
    });
  } else {
    const edit = appendJobRule(relabel, want, fixStyle(settings));
    if (edit) out.push({ title: `Add a rule to ${relabel.id} setting the job label to "${want}", so service.name is "${want}"`, isPreferred: true, edits: [edit] });
  }
  return out;
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
    out.push(finding(main, missingBlockAnchor(model, main, targets), 'selfmon/traces-missing', 'warning', 'Alloy does not export its own traces: there is no tracing block with write_to.', fixes));
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
    out.push(finding(file, range, 'selfmon/traces-sampling', 'error', `sampling_fraction must be between 0 and 1; ${infinite ?? value} is not.`, fix));
  } else if (value !== fraction && getBlocks(block, 'sampler').length === 0) {
    // With a `sampler` block the remote strategy decides; the fraction only applies until it is fetched.
    const why = value >= 1 ? ' (1 keeps every trace, with the overhead that brings)' : value === 0 ? ' (0 keeps no trace)' : '';
    out.push(finding(file, range, 'selfmon/traces-sampling', 'warning', `Alloy samples ${percent(value)}% of its own traces${attr ? '' : ' (the default)'}${why}; the target is ${percent(fraction)}%.`, fix));
  }
  return out;
}
