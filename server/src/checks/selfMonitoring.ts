/**
 * Self-monitoring: does Alloy export its own metrics, logs and traces, and do
 * they arrive the way the user wants (service.name, log format, sampling)?
 * Every finding is made only where the model is sure; anything computed or
 * custom along a path makes the check silent.
 */
import { blockHeaderSpan, walk, type AttributeStmt, type BlockStmt } from '../syntax/ast';
import { list, quote, renderBlock } from '../syntax/builder';
import type { FileEdit, Finding, Fix, Severity, TextRange } from '../syntax/diagnostic';
import type { Settings } from '../settings';
import { getAttribute, getBlocks, numberValue, stringValue, type ComponentNode, type ConfigBlockNode, type ConfigModel, type SourceFile } from '../semantic/model';
import { referenceList, type PipelineGraph } from '../semantic/pipelineGraph';
import { referenceExpressions, resolveReference } from '../semantic/references';
import { classifyTopLevelBlock } from '../semantic/blockKinds';
import * as facts from '../semantic/selfMonitoringFacts';
import {
  appendFixes,
  attributeFixes,
  freeLabel,
  insertFixes,
  logsTargets,
  mainFile,
  metricsTargets,
  setAttributeFix,
  tracesTargets,
  type Target,
} from '../fixes/selfMonitoringFixes';
import { appendToFile, indentUnit, insertAfterBlock, lineIndentAt } from '../fixes/edits';

const SOURCE = 'alloy-selfmon';

function finding(file: SourceFile, range: TextRange, code: string, severity: Severity, message: string, fixes: Fix[]): Finding {
  return { file: file.path, range, code, severity, message, source: SOURCE, fixes };
}

/** A fraction as a percentage without binary noise: 0.07 → "7", not "7.000000000000001". */
function percent(fraction: number): string {
  return String(Math.round(fraction * 1e6) / 1e4);
}

function isEmptyList(attr: AttributeStmt | undefined): boolean {
  return !attr || (attr.value.kind === 'Array' && attr.value.elements.length === 0);
}

export function checkSelfMonitoring(model: ConfigModel, graph: PipelineGraph, settings: Settings): Finding[] {
  // A module, or a file with nothing but declarations, is not where Alloy monitors itself.
  if (model.isModule || model.files.length === 0) return [];
  const findings: Finding[] = [];
  if (settings.selfMonitoring.metrics) findings.push(...checkMetrics(model, graph, settings));
  if (settings.selfMonitoring.logs) findings.push(...checkLogs(model, graph, settings));
  if (settings.selfMonitoring.traces) findings.push(...checkTraces(model, graph, settings));
  return findings;
}

function componentsNamed(model: ConfigModel, name: string): ComponentNode[] {
  return [...model.components.values()].filter((c) => c.name === name);
}

function checkMetrics(model: ConfigModel, graph: PipelineGraph, settings: Settings): Finding[] {
  const out: Finding[] = [];
  const exporters = componentsNamed(model, facts.SELF_EXPORTER);
  const main = mainFile(model);
  if (!main) return out;
  if (exporters.length === 0) {
    if (selfExporterOutOfSight(model)) return out;
    const exporterLabel = freeLabel(model, facts.SELF_EXPORTER);
    const scrapeLabel = freeLabel(model, facts.SCRAPE);
    const targets = metricsTargets(graph);
    const fixes = insertFixes(
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
    );
    out.push(finding(main, { start: 0, end: 0 }, 'selfmon/metrics-missing', 'warning', `Alloy does not export its own metrics: there is no ${facts.SELF_EXPORTER} component.`, fixes));
    return out;
  }

  const scrapes = componentsNamed(model, facts.SCRAPE);
  for (const exporter of exporters) {
    const mine = scrapes.filter((s) => scrapesExporter(model, s, exporter));
    if (mine.length === 0) {
      // Referenced by something else (a computed `targets`, a custom component, a chain of
      // relabels): it may well be scraped. Nothing can scrape it without naming it.
      if (isReferenced(model, exporter)) continue;
      const scrapeLabel = freeLabel(model, facts.SCRAPE);
      const fixes = insertFixes(
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
      );
      out.push(finding(exporter.file, blockHeaderSpan(exporter.block), 'selfmon/metrics-not-scraped', 'warning', `No ${facts.SCRAPE} takes its targets from ${exporter.id}, so Alloy's own metrics are never collected.`, fixes));
      continue;
    }
    for (const scrape of mine) {
      const forward = getAttribute(scrape.block, facts.SCRAPE_FORWARD_TO);
      const reach = graph.attributeReach(scrape.block, facts.SCRAPE_FORWARD_TO, 'metrics');
      if (reach === 'no') {
        const exclude = new Set([scrape.id]);
        const targets = metricsTargets(graph, exclude);
        const fixes = forward
          ? appendFixes(scrape.file, forward, targets, (t) => `Forward Alloy's metrics ${t.description}`)
          : attributeFixes(scrape.file, scrape.block, facts.SCRAPE_FORWARD_TO, targets, (t) => `Forward Alloy's metrics ${t.description}`);
        const range = forward ? { start: forward.start, end: forward.end } : blockHeaderSpan(scrape.block);
        out.push(finding(scrape.file, range, 'selfmon/metrics-not-exported', 'warning', `Alloy's own metrics scraped by ${scrape.id} never reach a component that sends them out of Alloy.`, fixes));
        continue;
      }
      if (reach === 'yes') out.push(...checkServiceName(model, graph, scrape, exporter, settings));
    }
  }
  return out;
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
  for (const file of model.files) {
    for (const stmt of file.parse.file.body) {
      if (stmt.kind !== 'Block' || stmt === target.block) continue;
      for (const expr of referenceExpressions(stmt)) {
        const r = resolveReference(model, expr);
        if (r.kind === 'component' && r.ref.component === target) return true;
      }
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

/**
 * The `job` value after a component's relabel rules: unchanged when no rule
 * touches `job`, the literal replacement when one simply sets it, undefined
 * when we cannot tell.
 */
function jobAfterRules(block: BlockStmt, job: string): string | undefined {
  let current = job;
  for (const rule of getBlocks(block, 'rule')) {
    const target = stringValue(getAttribute(rule, 'target_label')?.value);
    const action = stringValue(getAttribute(rule, 'action')?.value) ?? 'replace';
    if (target !== 'job' && action === 'replace') continue;
    if (action !== 'replace') return undefined; // labelmap, drop, …: too clever to follow
    if (getAttribute(rule, 'source_labels') || getAttribute(rule, 'regex')) return undefined;
    const replacement = stringValue(getAttribute(rule, 'replacement')?.value);
    if (replacement === undefined || replacement.includes('$')) return undefined;
    current = replacement;
  }
  return current;
}

/**
 * The `service.name` Alloy's metrics get on their way out over OTLP, where
 * `otelcol.receiver.prometheus` sets it from the `job` label. Undefined when
 * the path has no OTLP conversion or when we cannot tell.
 */
function serviceNames(model: ConfigModel, graph: PipelineGraph, scrape: ComponentNode, job: string): Set<string> | undefined {
  const results = new Set<string>();
  const seen = new Set<string>();
  let unknown = false;
  // Depth-first with an explicit stack: a chain of relabels is as long as the user writes it.
  const stack: { refs: ReturnType<typeof referenceList>['refs']; next: number; job: string }[] = [];
  const visit = (block: BlockStmt, attrPath: string, currentJob: string) => {
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
      else results.add(currentJob);
    } else if (c.name === facts.METRICS_RELABEL) {
      const next = jobAfterRules(c.block, currentJob);
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
function appendJobRule(relabel: ComponentNode, job: string): FileEdit | undefined {
  const { block, file } = relabel;
  const text = file.parse.text;
  if (block.rbrace < 0) return undefined;
  const lineStart = text.lastIndexOf('\n', block.rbrace - 1) + 1;
  if (text.slice(lineStart, block.rbrace).trim() !== '') return undefined;
  const indent = lineIndentAt(text, block.start) + indentUnit(text);
  const rule = renderBlock({ name: 'rule', attributes: [['target_label', quote('job')], ['replacement', quote(job)]] }, indentUnit(text));
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
  let job: string | undefined = facts.SELF_EXPORTER_JOB;
  const viaRelabel = r.ref.component !== exporter;
  if (viaRelabel) job = jobAfterRules(r.ref.component.block, job);
  if (job === undefined) return [];
  const names = serviceNames(model, graph, scrape, job);
  if (!names || names.size === 0 || names.has(want)) return [];
  const got = [...names].join('", "');
  const fixes: Fix[] = [];
  if (!viaRelabel) {
    const label = freeLabel(model, facts.TARGET_RELABEL.name);
    fixes.push({
      title: `Set the job label to "${want}" with ${facts.TARGET_RELABEL.name}, so service.name is "${want}"`,
      isPreferred: true,
      edits: [
        { file: scrape.file.path, range: { start: targetsAttr.value.start, end: targetsAttr.value.end }, newText: `${facts.TARGET_RELABEL.name}.${label}.${facts.TARGET_RELABEL.export}` },
        insertNear(
          scrape.file,
          exporter.file === scrape.file ? exporter.block : undefined,
          renderBlock(
            {
              name: facts.TARGET_RELABEL.name,
              label,
              attributes: [[facts.TARGET_RELABEL.input, `${exporter.id}.targets`]],
              blocks: [{ name: 'rule', attributes: [['target_label', quote('job')], ['replacement', quote(want)]] }],
            },
            indentUnit(scrape.file.parse.text),
          ),
        ),
      ],
    });
  } else {
    const relabel = r.ref.component;
    const edit = appendJobRule(relabel, want);
    if (edit) fixes.push({ title: `Add a rule to ${relabel.id} setting the job label to "${want}", so service.name is "${want}"`, isPreferred: true, edits: [edit] });
  }
  return [
    finding(
      scrape.file,
      blockHeaderSpan(scrape.block),
      'selfmon/metrics-service-name',
      'warning',
      `Alloy's metrics reach OTLP with service.name "${got}" (from the job label ${exporter.id} sets; job_name does not override it), not "${want}".`,
      fixes,
    ),
  ];
}

function checkLogs(model: ConfigModel, graph: PipelineGraph, settings: Settings): Finding[] {
  const out: Finding[] = [];
  const format = settings.selfMonitoring.logFormat;
  const logging = model.logging;
  if (!logging) {
    const main = mainFile(model);
    if (!main) return out;
    const fixes = insertFixes(
      main,
      logsTargets(graph),
      (t) => `Add a logging block sending Alloy's logs ${t.description}`,
      (t) => [{ name: facts.LOGGING, attributes: [['level', quote('info')], ['format', quote(format)], [facts.WRITE_TO, list([t.ref])]] }],
    );
    out.push(finding(main, { start: 0, end: 0 }, 'selfmon/logs-missing', 'warning', "Alloy does not export its own logs: there is no logging block with write_to.", fixes));
    return out;
  }
  const { block, file } = logging;
  out.push(
    ...checkWriteTo(graph, logging, 'logs', () => logsTargets(graph), {
      missing: "The logging block has no write_to, so Alloy's own logs only go to its standard error.",
      notExported: "Alloy's own logs written to write_to never reach a component that sends them out of Alloy.",
      title: (t) => `Send Alloy's logs ${t.description}`,
    }),
  );
  const formatAttr = getAttribute(block, 'format');
  const current = formatAttr ? stringValue(formatAttr.value) : 'logfmt';
  if (current !== undefined && current !== format) {
    const range = formatAttr ? { start: formatAttr.value.start, end: formatAttr.value.end } : blockHeaderSpan(block);
    out.push(
      finding(file, range, 'selfmon/logs-format', 'warning', `Alloy writes its own logs as ${current}${formatAttr ? '' : ' (the default)'}, not ${format}.`, [
        setAttributeFix(file, block, formatAttr, 'format', quote(format), `Set format = ${quote(format)}`),
      ]),
    );
  }
  return out;
}

/**
 * The `write_to` of a `logging` or `tracing` block: missing or empty
 * (`<signal>-missing`), or leading nowhere out of Alloy (`<signal>-not-exported`).
 */
function checkWriteTo(
  graph: PipelineGraph,
  node: ConfigBlockNode,
  signal: 'logs' | 'traces',
  targets: () => Target[],
  text: { missing: string; notExported: string; title: (t: Target) => string },
): Finding[] {
  const { block, file } = node;
  const writeTo = getAttribute(block, facts.WRITE_TO);
  if (isEmptyList(writeTo)) {
    const fixes = writeTo ? appendFixes(file, writeTo, targets(), text.title) : attributeFixes(file, block, facts.WRITE_TO, targets(), text.title);
    return [finding(file, blockHeaderSpan(block), `selfmon/${signal}-missing`, 'warning', text.missing, fixes)];
  }
  if (writeTo && graph.attributeReach(block, facts.WRITE_TO, signal) === 'no') {
    const fixes = appendFixes(file, writeTo, targets(), text.title);
    return [finding(file, { start: writeTo.start, end: writeTo.end }, `selfmon/${signal}-not-exported`, 'warning', text.notExported, fixes)];
  }
  return [];
}

function checkTraces(model: ConfigModel, graph: PipelineGraph, settings: Settings): Finding[] {
  const out: Finding[] = [];
  const fraction = settings.selfMonitoring.samplingFraction;
  const tracing = model.tracing;
  if (!tracing) {
    const near = model.logging?.file;
    const main = mainFile(model, near);
    if (!main) return out;
    const fixes = insertFixes(
      main,
      tracesTargets(graph),
      (t) => `Add a tracing block sending ${percent(fraction)}% of Alloy's traces ${t.description}`,
      (t) => [{ name: facts.TRACING, attributes: [['sampling_fraction', String(fraction)], [facts.WRITE_TO, list([t.ref])]] }],
      // Beside the logging block: Alloy's own telemetry settings stay together.
      model.logging && model.logging.file === main ? model.logging.block : undefined,
    );
    out.push(finding(main, { start: 0, end: 0 }, 'selfmon/traces-missing', 'warning', 'Alloy does not export its own traces: there is no tracing block with write_to.', fixes));
    return out;
  }
  const { block, file } = tracing;
  out.push(
    ...checkWriteTo(graph, tracing, 'traces', () => tracesTargets(graph), {
      missing: "The tracing block has no write_to, so Alloy's own traces are dropped.",
      notExported: "Alloy's own traces written to write_to never reach a component that sends them out of Alloy.",
      title: (t) => `Send Alloy's traces ${t.description}`,
    }),
  );
  const attr = getAttribute(block, 'sampling_fraction');
  const value = attr ? numberValue(attr.value) : 0.1;
  if (value === undefined) return out; // computed: cannot tell
  const fix = setAttributeFix(file, block, attr, 'sampling_fraction', String(fraction), `Set sampling_fraction = ${fraction}`);
  const range = attr ? { start: attr.value.start, end: attr.value.end } : blockHeaderSpan(block);
  if (value < 0 || value > 1) {
    out.push(finding(file, range, 'selfmon/traces-sampling', 'error', `sampling_fraction must be between 0 and 1; ${value} is not.`, [fix]));
  } else if (value !== fraction && getBlocks(block, 'sampler').length === 0) {
    // With a `sampler` block the remote strategy decides; the fraction only applies until it is fetched.
    const why = value >= 1 ? ' (1 keeps every trace, with the overhead that brings)' : value === 0 ? ' (0 keeps no trace)' : '';
    out.push(finding(file, range, 'selfmon/traces-sampling', 'warning', `Alloy samples ${percent(value)}% of its own traces${attr ? '' : ' (the default)'}${why}; the target is ${percent(fraction)}%.`, [fix]));
  }
  return out;
}
