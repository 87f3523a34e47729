/**
 * `selfmon/metrics-service-name`: the `service.name` Alloy's own metrics get
 * over OTLP comes from their `job` label, which relabel rules on the way may
 * set. Followed only through rules that plainly set it; anything cleverer
 * makes the check silent.
 */
import { blockHeaderSpan, type AttributeStmt, type BlockStmt } from '../syntax/ast';
import { quote, renderBlock, renderBlocks } from '../syntax/builder';
import type { FileEdit, Finding, Fix } from '../syntax/diagnostic';
import type { Settings } from '../settings';
import { getAttribute, getBlocks, stringValue, type ComponentNode, type ConfigModel, type SourceFile } from '../semantic/model';
import { referenceList, type PipelineGraph } from '../semantic/pipelineGraph';
import { resolveReference } from '../semantic/references';
import * as facts from '../semantic/selfMonitoringFacts';
import { fixStyle, freeLabel, withComments, type FixStyle } from '../fixes/selfMonitoringFixes';
import { appendToFile, indentUnit, insertAfterBlock, lineIndentAt } from '../fixes/edits';
import { finding } from './selfMonitoringFinding';

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

export function checkServiceName(model: ConfigModel, graph: PipelineGraph, scrape: ComponentNode, exporter: ComponentNode, settings: Settings): Finding[] {
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
