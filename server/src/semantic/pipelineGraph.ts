/**
 * The pipeline graph: where telemetry that enters a component can go. An edge
 * runs wherever an attribute (`forward_to`, `write_to`, `output { metrics }`)
 * references another component's export. Reachability answers "does data of
 * this signal get out of Alloy from here?" with yes, no, or unknown — unknown
 * wherever the model cannot know (custom components, computed values), so that
 * checks stay silent rather than guess.
 */
import type { BlockStmt, Expr } from '../syntax/ast';
import type { Signal } from './catalog';
import { getAttributeAtPath, type ComponentNode, type ConfigModel } from './model';
import { resolveReference, type ComponentReference } from './references';

export type Reach = 'yes' | 'no' | 'unknown';

/** The references of an attribute value that is a list of references (or one reference). */
export function referenceList(model: ConfigModel, expr: Expr | undefined): { refs: ComponentReference[]; dynamic: boolean } {
  if (!expr) return { refs: [], dynamic: false };
  const items = expr.kind === 'Array' ? expr.elements : [expr];
  const refs: ComponentReference[] = [];
  let dynamic = false;
  for (const item of items) {
    const r = resolveReference(model, item);
    if (r.kind === 'component') refs.push(r.ref);
    else dynamic = true;
  }
  return { refs, dynamic };
}

function combine(results: Reach[]): Reach {
  if (results.includes('yes')) return 'yes';
  if (results.includes('unknown')) return 'unknown';
  return 'no';
}

export class PipelineGraph {
  private readonly memo = new Map<string, Reach>();

  constructor(readonly model: ConfigModel) {}

  /** Whether `signal` data sent to `component`'s export `exportName` leaves Alloy. */
  reachesSink(component: ComponentNode, exportName: string, signal: Signal): Reach {
    const key = `${component.id}|${exportName}|${signal}`;
    const memo = this.memo.get(key);
    if (memo !== undefined) return memo;
    // Cycles: assume no until proven otherwise; a cycle alone delivers nothing.
    this.memo.set(key, 'no');
    const result = this.computeReach(component, exportName, signal);
    this.memo.set(key, result);
    return result;
  }

  private computeReach(component: ComponentNode, exportName: string, signal: Signal): Reach {
    const schema = component.schema;
    if (!schema) return 'unknown';
    if (schema.sinks?.includes(signal)) return schema.localSink ? 'no' : 'yes';
    const flows = (schema.flows ?? []).filter((f) => f.input === exportName && (f.inSignal ?? f.outSignal) === signal);
    if (flows.length === 0) return schema.complete ? 'no' : 'unknown';
    // A connector that turns the signal into another (spans into metrics, logs into
    // counts) delivers the new signal, not this one: spans that become metrics never leave.
    return combine(flows.map((f) => (f.outSignal === signal ? this.attributeReach(component.block, f.output, f.outSignal) : 'no')));
  }

  /**
   * One way `signal` data sent to `component`'s export `exportName` leaves
   * Alloy: the components it passes, this one first, ending at the one that
   * sends it out. Empty when it does not leave, or when that cannot be told.
   */
  pathOut(component: ComponentNode, exportName: string, signal: Signal): ComponentNode[] {
    const path: ComponentNode[] = [];
    const seen = new Set<string>();
    let at: { component: ComponentNode; exportName: string } | undefined = { component, exportName };
    while (at && !seen.has(at.component.id)) {
      seen.add(at.component.id);
      path.push(at.component);
      const schema = at.component.schema;
      if (!schema) return [];
      if (schema.sinks?.includes(signal)) return schema.localSink ? [] : path;
      let next: { component: ComponentNode; exportName: string } | undefined;
      for (const flow of schema.flows ?? []) {
        if (flow.input !== at.exportName || (flow.inSignal ?? flow.outSignal) !== signal || flow.outSignal !== signal) continue;
        const refs = referenceList(this.model, getAttributeAtPath(at.component.block, flow.output)?.value).refs;
        next = refs.find((r) => this.reachesSink(r.component, r.exportName, signal) === 'yes');
        if (next) break;
      }
      at = next;
    }
    return [];
  }

  /** Whether data sent through the references at `path` in `block` leaves Alloy. */
  attributeReach(block: BlockStmt, path: string, signal: Signal): Reach {
    const attr = getAttributeAtPath(block, path);
    if (!attr) return 'no';
    const { refs, dynamic } = referenceList(this.model, attr.value);
    const results = refs.map((r) => this.reachesSink(r.component, r.exportName, signal));
    if (dynamic) results.push('unknown');
    return combine(results);
  }

  /**
   * Components already handling `signal`: some other part of the configuration
   * sends it to them, or they pass it on (a processor whose `output` lists
   * consumers for it). The natural place to send more of it — a traces
   * exporter is not where logs should go, even if it could take them.
   */
  carriers(signal: Signal): Set<string> {
    const out = new Set<string>();
    const add = (block: BlockStmt, path: string) => {
      const attr = getAttributeAtPath(block, path);
      for (const ref of referenceList(this.model, attr?.value).refs) out.add(ref.component.id);
    };
    for (const component of this.model.components.values()) {
      for (const flow of component.schema?.flows ?? []) {
        if (flow.outSignal !== signal) continue;
        add(component.block, flow.output);
        const passesOn = referenceList(this.model, getAttributeAtPath(component.block, flow.output)?.value).refs.length > 0;
        if (flow.input && passesOn) out.add(component.id);
      }
    }
    if (signal === 'logs' && this.model.logging) add(this.model.logging.block, 'write_to');
    if (signal === 'traces' && this.model.tracing) add(this.model.tracing.block, 'write_to');
    return out;
  }

  /** Components whose export `exportName` leads `signal` out of Alloy, for wiring new components. */
  entryPoints(signal: Signal): { component: ComponentNode; exportName: string }[] {
    const out: { component: ComponentNode; exportName: string }[] = [];
    for (const component of this.model.components.values()) {
      const schema = component.schema;
      if (!schema) continue;
      const inputs = new Set<string>();
      if (schema.sinks?.includes(signal) && !schema.localSink) {
        for (const e of schema.exports) if (e.kind) inputs.add(e.name);
      }
      for (const f of schema.flows ?? []) if (f.input && (f.inSignal ?? f.outSignal) === signal) inputs.add(f.input);
      for (const input of inputs) {
        if (this.reachesSink(component, input, signal) === 'yes') out.push({ component, exportName: input });
      }
    }
    return out;
  }
}
