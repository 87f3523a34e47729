/**
 * The data behind the pipeline view: the configuration as a graph of
 * components (nodes) and the references between them (edges), with the paths
 * Alloy's own metrics, logs and traces take marked, and the self-monitoring
 * findings placed on the node they are about (or on a placeholder for a block
 * that is missing). Plain data: any client can draw it.
 */
import type { BlockStmt, Node, Stmt } from '../syntax/ast';
import type { Finding, Severity } from '../syntax/diagnostic';
import type { Position } from '../syntax/lineIndex';
import type { Signal } from '../semantic/catalog';
import type { ConfigModel, SourceFile } from '../semantic/model';
import { referenceExpressions, resolveReference } from '../semantic/references';
import * as facts from '../semantic/selfMonitoringFacts';

/** Alloy's own telemetry. */
export type SelfSignal = 'metrics' | 'logs' | 'traces';

/** What travels along an edge: a signal, discovery targets, or (for any other reference) a dependency. */
export type EdgeKind = Signal | 'targets' | 'dependency';

export interface PipelineLocation {
  /** Absolute path of the file. */
  file: string;
  /** Zero-based line and UTF-16 character, as LSP counts. */
  start: Position;
  end: Position;
}

export interface PipelineFinding {
  code: string;
  severity: Severity;
  message: string;
  location: PipelineLocation;
}

export interface PipelineNode {
  /** Alloy's id (`prometheus.scrape.alloy`), `logging`/`tracing`, or `missing:<signal>` for a placeholder. */
  id: string;
  /** `component`; `config` for the logging and tracing blocks; `missing` for a block self-monitoring lacks. */
  kind: 'component' | 'config' | 'missing';
  /** The block name (`prometheus.scrape`), or the name of the missing block. */
  name: string;
  label: string;
  /** The first name fragment (`prometheus`, `otelcol`, `loki`); `alloy` for config blocks. */
  namespace: string;
  /** Where the block's header is; absent for placeholders. */
  location?: PipelineLocation;
  /** Alloy's own signals that are produced here (`prometheus.exporter.self`, `logging`, `tracing`). */
  selfSource?: SelfSignal;
  /** Alloy's own signals that pass through this node. */
  self: SelfSignal[];
  /** Signals this component delivers out of Alloy (a remote exporter). */
  exports: Signal[];
  /** Findings that start inside this block (all codes), or the self-monitoring finding a placeholder stands for. */
  findings: PipelineFinding[];
}

export interface PipelineEdge {
  from: string;
  to: string;
  /** The attribute holding the reference, as a dotted path (`forward_to`, `output.metrics`, `targets`). */
  attribute: string;
  kind: EdgeKind;
  /** Alloy's own signals that travel along this edge. */
  self: SelfSignal[];
}

export interface PipelineViewData {
  nodes: PipelineNode[];
  edges: PipelineEdge[];
  /** The self-monitoring findings of the configuration, for a list beside the graph. */
  findings: PipelineFinding[];
  /** While a file does not parse, the graph is a best guess and self-monitoring says nothing. */
  hasSyntaxErrors: boolean;
  /** Modules get no self-monitoring findings. */
  isModule: boolean;
}

/** Attributes whose references send data from the block holding them to the referenced component. */
const OUTPUT_ATTRIBUTES = new Set(['forward_to', 'write_to']);

/** The self-monitoring codes of each signal's "there is no such block" finding, drawn as a placeholder. */
const MISSING: Record<string, { signal: SelfSignal; name: string }> = {
  'selfmon/metrics-missing': { signal: 'metrics', name: facts.SELF_EXPORTER },
  'selfmon/logs-missing': { signal: 'logs', name: facts.LOGGING },
  'selfmon/traces-missing': { signal: 'traces', name: facts.TRACING },
};

/**
 * Builds the view's data from the model and the configuration's findings.
 * Never throws on any model; edges only for references the model resolves.
 */
export function getPipelineView(model: ConfigModel, findings: readonly Finding[]): PipelineViewData {
  const nodes = new Map<string, PipelineNode>();
  const blocks: { node: PipelineNode; block: BlockStmt; file: SourceFile }[] = [];
  const locate = (file: SourceFile, start: number, end: number): PipelineLocation => ({
    file: file.path,
    start: file.parse.lineIndex.positionAt(start),
    end: file.parse.lineIndex.positionAt(end),
  });

  for (const c of model.components.values()) {
    const header = c.block.label ? c.block.label.end : c.block.start + c.name.length;
    const node: PipelineNode = {
      id: c.id,
      kind: 'component',
      name: c.name,
      label: c.label,
      namespace: c.name.split('.')[0] ?? c.name,
      location: locate(c.file, c.block.start, header),
      self: [],
      exports: c.schema?.localSink ? [] : [...(c.schema?.sinks ?? [])],
      findings: [],
    };
    if (c.name === facts.SELF_EXPORTER) node.selfSource = 'metrics';
    nodes.set(c.id, node);
    blocks.push({ node, block: c.block, file: c.file });
  }
  for (const [config, signal] of [
    [model.logging, 'logs'],
    [model.tracing, 'traces'],
  ] as const) {
    if (!config) continue;
    const name = config.block.name;
    const node: PipelineNode = {
      id: name,
      kind: 'config',
      name,
      label: '',
      namespace: 'alloy',
      location: locate(config.file, config.block.start, config.block.start + name.length),
      selfSource: signal,
      self: [],
      exports: [],
      findings: [],
    };
    nodes.set(name, node);
    blocks.push({ node, block: config.block, file: config.file });
  }

  const edges: PipelineEdge[] = [];
  const seen = new Set<string>();
  for (const { node, block } of blocks) {
    const flows = model.components.get(node.id)?.schema?.flows ?? [];
    for (const { path, value } of attributesOf(block)) {
      const flow = flows.find((f) => f.output === path);
      const outgoing = !!flow || OUTPUT_ATTRIBUTES.has(path.split('.').pop() ?? '');
      for (const expr of referenceExpressions(value)) {
        const r = resolveReference(model, expr);
        if (r.kind !== 'component' || r.ref.component.id === node.id) continue;
        const other = r.ref.component.id;
        const kind: EdgeKind = flow ? flow.outSignal : outgoing ? outputSignal(node) : r.ref.exportName === 'targets' || r.ref.exportName === 'output' ? 'targets' : 'dependency';
        const [from, to] = outgoing ? [node.id, other] : [other, node.id];
        const key = `${from}>${to}>${path}`;
        if (seen.has(key)) continue;
        seen.add(key);
        edges.push({ from, to, attribute: path, kind, self: [] });
      }
    }
  }

  markSelfPaths(nodes, edges);

  const viewFindings: PipelineFinding[] = [];
  for (const f of findings) {
    const owner = blocks.find((b) => b.file.path === f.file && b.block.start <= f.range.start && f.range.start < b.block.end);
    const file = model.files.find((x) => x.path === f.file);
    if (!file) continue;
    const pf: PipelineFinding = { code: f.code, severity: f.severity, message: f.message, location: locate(file, f.range.start, f.range.end) };
    if (f.code.startsWith('selfmon/')) viewFindings.push(pf);
    const missing = MISSING[f.code];
    // A source block that is not there: a placeholder carries the finding, wherever its range sits.
    if (missing && ![...nodes.values()].some((n) => n.selfSource === missing.signal)) {
      const id = `missing:${missing.signal}`;
      const placeholder = nodes.get(id) ?? { id, kind: 'missing', name: missing.name, label: '', namespace: 'alloy', self: [], exports: [], findings: [] };
      placeholder.findings.push(pf);
      nodes.set(id, placeholder);
      continue;
    }
    owner?.node.findings.push(pf);
  }

  return { nodes: [...nodes.values()], edges, findings: viewFindings, hasSyntaxErrors: model.hasSyntaxErrors, isModule: model.isModule };
}

/** The attributes of a block and its nested blocks, with dotted paths (`output.metrics`). */
function attributesOf(block: BlockStmt): { path: string; value: Node }[] {
  const out: { path: string; value: Node }[] = [];
  // Explicit stack: nesting is bounded by the parser, but recursion is not needed.
  const stack: { prefix: string; body: Stmt[] }[] = [{ prefix: '', body: block.body }];
  while (stack.length > 0) {
    const { prefix, body } = stack.pop() as { prefix: string; body: Stmt[] };
    for (const stmt of body) {
      if (stmt.kind === 'Attribute') out.push({ path: prefix + stmt.name.name, value: stmt.value });
      else if (stmt.kind === 'Block') stack.push({ prefix: `${prefix}${stmt.name}.`, body: stmt.body });
    }
  }
  return out;
}

/** The signal a `write_to`/`forward_to` outside the catalog's flows carries: what the block itself produces. */
function outputSignal(node: PipelineNode): EdgeKind {
  if (node.selfSource === 'logs' || node.namespace === 'loki') return 'logs';
  if (node.selfSource === 'traces') return 'traces';
  if (node.namespace === 'prometheus') return 'metrics';
  if (node.namespace === 'pyroscope') return 'profiles';
  return 'dependency';
}

/**
 * Marks where each of Alloy's own signals goes: downstream from its source
 * along data edges (signals and discovery targets, not other dependencies).
 */
function markSelfPaths(nodes: Map<string, PipelineNode>, edges: PipelineEdge[]): void {
  const outgoing = new Map<string, PipelineEdge[]>();
  for (const e of edges) {
    if (e.kind === 'dependency') continue;
    const list = outgoing.get(e.from) ?? [];
    list.push(e);
    outgoing.set(e.from, list);
  }
  for (const source of nodes.values()) {
    const signal = source.selfSource;
    if (!signal) continue;
    const stack = [source.id];
    const visited = new Set<string>();
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (visited.has(id)) continue;
      visited.add(id);
      const node = nodes.get(id);
      if (node && !node.self.includes(signal)) node.self.push(signal);
      for (const e of outgoing.get(id) ?? []) {
        if (!e.self.includes(signal)) e.self.push(signal);
        stack.push(e.to);
      }
    }
  }
}
