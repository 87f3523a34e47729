/**
 * Draws the pipeline as SVG: a layered layout from dagre (left to right, the
 * way data flows), nodes coloured by namespace, edges labelled with their
 * signal, Alloy's own telemetry paths highlighted, broken links in red.
 * Everything is built with DOM calls (no HTML strings), so configuration text
 * can never become markup.
 */
import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { PipelineEdge, PipelineNode, PipelineViewData } from '../../../../server/src/features/pipelineView';
import type { RenderSummary } from '../messages';

const SVG = 'http://www.w3.org/2000/svg';
const NODE_HEIGHT = 46;
const CHAR_WIDTH = 7.2;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  parent?.appendChild(el);
  return el;
}

/** Whether a node is drawn as broken: a placeholder for a missing block, or a block with a self-monitoring finding. */
export function isBroken(node: PipelineNode): boolean {
  return node.kind === 'missing' || node.findings.some((f) => f.code.startsWith('selfmon/'));
}

function nodeTitle(node: PipelineNode): string {
  if (node.kind === 'missing') return `${node.name} (missing)`;
  return node.label ? `${node.name} "${node.label}"` : node.name;
}

const edgeText = (e: PipelineEdge) => (e.kind === 'dependency' ? e.attribute : e.kind);

/**
 * Renders `data` into `host` (replacing what was there) and returns what it drew.
 * `onClick` receives the clicked node.
 */
/** The layered layout of `data`, left to right or top to bottom. */
function layout(data: PipelineViewData, rankdir: 'LR' | 'TB'): InstanceType<typeof dagre.graphlib.Graph> {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir, nodesep: 18, ranksep: rankdir === 'LR' ? 70 : 50, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of data.nodes) {
    const width = Math.max(nodeTitle(node).length, node.namespace.length + 2) * CHAR_WIDTH + 24;
    g.setNode(node.id, { width, height: NODE_HEIGHT });
  }
  data.edges.forEach((e, i) => g.setEdge(e.from, e.to, { width: edgeText(e).length * 6.5, height: 14, labelpos: 'c' }, `e${i}`));
  dagre.layout(g);
  return g;
}

/** Below this scale the text is too small to read: the graph scrolls instead. */
const MIN_SCALE = 0.7;

export function drawPipeline(host: HTMLElement, data: PipelineViewData, onClick: (node: PipelineNode) => void): RenderSummary {
  host.replaceChildren();
  // Data flows left to right; in a panel too narrow for that, top to bottom reads better.
  const available = Math.max(host.clientWidth, 200);
  let g = layout(data, 'LR');
  const wide = (g.graph() as GraphLabel).width ?? 0;
  if (wide * MIN_SCALE > available) {
    const tall = layout(data, 'TB');
    if (((tall.graph() as GraphLabel).width ?? 0) < wide) g = tall;
  }

  const graph = g.graph() as GraphLabel;
  const width = Math.ceil(graph.width ?? 0);
  const height = Math.ceil(graph.height ?? 0);
  const scale = Math.max(MIN_SCALE, Math.min(1, available / Math.max(width, 1)));
  const root = svg('svg', { width: Math.ceil(width * scale), height: Math.ceil(height * scale), viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Pipeline graph' }, host);
  const defs = svg('defs', {}, root);
  for (const kind of ['plain', 'self', 'broken']) {
    const marker = svg('marker', { id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
    svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: `arrow ${kind}` }, marker);
  }

  const edgeLayer = svg('g', { class: 'edges' }, root);
  data.edges.forEach((e, i) => {
    const layout = g.edge({ v: e.from, w: e.to, name: `e${i}` }) as (EdgeLabel & { x?: number; y?: number }) | undefined;
    const points = layout?.points ?? [];
    if (points.length === 0) return;
    const kind = e.self.length > 0 ? 'self' : 'plain';
    const d = points.map((p, j) => `${j === 0 ? 'M' : 'L'} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');
    const path = svg('path', { d, class: `edge ${kind} kind-${e.kind}`, 'marker-end': `url(#arrow-${kind})` }, edgeLayer);
    svg('title', {}, path).textContent = `${e.from} → ${e.to} (${e.attribute})`;
    if (layout?.x !== undefined && layout.y !== undefined) {
      const label = svg('text', { x: layout.x, y: layout.y + 4, class: `edge-label ${kind}`, 'text-anchor': 'middle' }, edgeLayer);
      label.textContent = edgeText(e);
    }
  });

  const nodeLayer = svg('g', { class: 'nodes' }, root);
  for (const node of data.nodes) {
    const box = g.node(node.id) as (NodeLabel & { x: number; y: number; width: number; height: number }) | undefined;
    if (!box) continue;
    const broken = isBroken(node);
    const classes = ['node', `ns-${node.namespace.replace(/[^a-z0-9_-]/gi, '')}`, `kind-${node.kind}`];
    if (node.self.length > 0 || node.selfSource) classes.push('self');
    if (broken) classes.push('broken');
    const group = svg('g', { class: classes.join(' '), transform: `translate(${box.x - box.width / 2}, ${box.y - box.height / 2})`, tabindex: 0, role: 'button', 'data-id': node.id }, nodeLayer);
    svg('rect', { width: box.width, height: box.height, rx: 6, ry: 6 }, group);
    svg('text', { x: 10, y: 17, class: 'namespace' }, group).textContent = node.kind === 'missing' ? 'missing' : node.namespace;
    svg('text', { x: 10, y: 35, class: 'title' }, group).textContent = nodeTitle(node);
    const tip = [nodeTitle(node), ...node.findings.map((f) => `${f.code}: ${f.message}`)];
    if (node.self.length > 0) tip.push(`Alloy's own ${node.self.join(', ')}`);
    svg('title', {}, group).textContent = tip.join('\n');
    group.addEventListener('click', () => onClick(node));
    group.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') onClick(node);
    });
  }

  return {
    view: 'pipeline',
    nodes: data.nodes.map((n) => n.id),
    edges: data.edges.map((e) => `${e.from} -${e.kind}-> ${e.to}`),
    broken: data.nodes.filter(isBroken).map((n) => n.id),
    self: data.nodes.filter((n) => n.self.length > 0).map((n) => n.id),
    rows: [],
  };
}
