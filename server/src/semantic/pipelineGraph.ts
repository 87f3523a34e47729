/**
 * The pipeline graph: where telemetry that enters a component can go. An edge
 * runs wherever an attribute (`forward_to`, `write_to`, `output { metrics }`)
 * references another component's export. Reachability answers "does data of
 * this signal get out of Alloy from here?" with yes, no, or unknown — unknown
 * wherever the model cannot know (custom components, computed values), so that
 * checks stay silent rather than guess.
 */
import { Slot } from '../syntax/slot';
import type { BlockStmt, Expr } from '../syntax/ast';
import type { ComponentSchema, Signal } from './catalog';
import { getAttributeAtPath, type ComponentNode, type ConfigModel } from './model';
import { resolveUncached, type ComponentReference } from './references';

export type Reach = 'yes' | 'no' | 'unknown';

/** What `referenceList` answers: the component references of a value, and whether anything else is in it. */
export interface ReferenceList {
  readonly refs: readonly ComponentReference[];
  readonly dynamic: boolean;
}

const NO_REFERENCES: ReferenceList = { refs: [], dynamic: false };

/** Answers by model and expression: the carriers, entry points and reach of each signal ask about the same `forward_to`s. */
const referenceLists = new Slot<ConfigModel, Map<Expr, ReferenceList>>('referenceLists');
const newLists = (): Map<Expr, ReferenceList> => new Map();

/** The references of an attribute value that is a list of references (or one reference). */
export function referenceList(model: ConfigModel, expr: Expr | undefined): ReferenceList {
  if (!expr) return NO_REFERENCES;
  const known = referenceLists.ensure(model, newLists);
  let list = known.get(expr);
  if (!list) {
    list = listReferences(model, expr);
    known.set(expr, list);
  }
  return list;
}

function listReferences(model: ConfigModel, expr: Expr): ReferenceList {
  // Each list is made once per model (above), so its items need no cache of their own.
  if (expr.kind !== 'Array') {
    const r = resolveUncached(model, expr);
    return r.kind === 'component' ? { refs: [r.ref], dynamic: false } : { refs: NO_REFS, dynamic: true };
  }
  let refs: ComponentReference[] | undefined;
  let dynamic = false;
  for (const item of expr.elements) {
    const r = resolveUncached(model, item);
    if (r.kind === 'component') (refs ??= []).push(r.ref);
    else dynamic = true;
  }
  return { refs: refs ?? NO_REFS, dynamic };
}

const NO_REFS: readonly ComponentReference[] = [];

/**
 * A component's export being walked for one signal: where its flows lead (the
 * references of its outputs, all of the same signal), and what is known so far.
 * The answer is `yes` if anything says yes, else `unknown` if anything does, else
 * `no`: two flags hold it, and the references are the reference lists themselves.
 */
interface Frame {
  /** Where the target's answer goes: its component's answers for the signal, by export. */
  memo: Answers;
  exportName: string;
  signal: Signal;
  children: readonly ComponentReference[];
  next: number;
  yes: boolean;
  unknown: boolean;
}

const NO_CHILDREN: readonly ComponentReference[] = [];

/**
 * One component's answers for one signal, by export. Nearly always a single
 * export is asked about (`receiver`, `input`): it is held in place, and a map
 * is made only for a second one. Thousands of components each had a map before.
 */
class Answers {
  private firstExport: string | undefined;
  private firstAnswer: Reach | undefined;
  private others: Map<string, Reach> | undefined;

  get(exportName: string): Reach | undefined {
    return exportName === this.firstExport ? this.firstAnswer : this.others?.get(exportName);
  }

  set(exportName: string, reach: Reach): void {
    if (this.firstExport === undefined || exportName === this.firstExport) {
      this.firstExport = exportName;
      this.firstAnswer = reach;
    } else (this.others ??= new Map()).set(exportName, reach);
  }
}

/** Records one answer in a frame. */
function note(frame: Frame, reach: Reach): void {
  if (reach === 'yes') frame.yes = true;
  else if (reach === 'unknown') frame.unknown = true;
}

/** A component export that leads a signal out of Alloy. */
export interface EntryPoint {
  component: ComponentNode;
  exportName: string;
}


/** The inputs of each catalog schema through which `signal` can enter, by signal: the catalog is fixed, so worked out once per process. */
const inputsBySchema = new WeakMap<ComponentSchema, Map<Signal, readonly string[]>>();

/** The exports of `schema` that take `signal` in (a sink's typed exports, then the inputs of its flows), each once, in that order. */
function entryInputs(schema: ComponentSchema, signal: Signal): readonly string[] {
  let bySignal = inputsBySchema.get(schema);
  if (!bySignal) {
    bySignal = new Map();
    inputsBySchema.set(schema, bySignal);
  }
  let inputs = bySignal.get(signal);
  if (!inputs) {
    const found = new Set<string>();
    if (schema.sinks?.includes(signal) && !schema.localSink) {
      for (const e of schema.exports) if (e.kind) found.add(e.name);
    }
    for (const f of schema.flows ?? []) if (f.input && (f.inSignal ?? f.outSignal) === signal) found.add(f.input);
    inputs = [...found];
    bySignal.set(signal, inputs);
  }
  return inputs;
}

export class PipelineGraph {
  /** Answers by signal, component and export: found without building a key per question. */
  private readonly memo = new Map<Signal, Map<ComponentNode, Answers>>();
  // Whole-configuration answers per signal: the checks, their fixes and the explanation ask the same questions.
  private readonly carriersBySignal = new Map<Signal, ReadonlySet<string>>();
  private readonly entryPointsBySignal = new Map<Signal, readonly EntryPoint[]>();

  constructor(readonly model: ConfigModel) {}

  /**
   * Whether `signal` data sent to `component`'s export `exportName` leaves Alloy.
   * The walk keeps its own stack: a chain of 10,000 processors is as deep as
   * the user makes it, and must not depend on the JavaScript call stack.
   */
  reachesSink(component: ComponentNode, exportName: string, signal: Signal): Reach {
    const rootMemo = this.answersOf(component, signal);
    const known = rootMemo.get(exportName);
    if (known !== undefined) return known;
    const stack: Frame[] = [this.open(component, exportName, signal, rootMemo)];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as Frame;
      const child = top.children[top.next];
      if (child !== undefined) {
        top.next++;
        const childMemo = this.answersOf(child.component, top.signal);
        const memo = childMemo.get(child.exportName);
        // A target still on the stack reads as 'no' (its memo says so): a cycle alone delivers nothing.
        if (memo !== undefined) note(top, memo);
        else stack.push(this.open(child.component, child.exportName, top.signal, childMemo));
        continue;
      }
      stack.pop();
      const result: Reach = top.yes ? 'yes' : top.unknown ? 'unknown' : 'no';
      top.memo.set(top.exportName, result);
      const parent = stack[stack.length - 1];
      if (parent) note(parent, result);
    }
    return rootMemo.get(exportName) ?? 'unknown';
  }

  /** The answers known for `component`'s exports and `signal`. */
  private answersOf(component: ComponentNode, signal: Signal): Answers {
    let bySignal = this.memo.get(signal);
    if (!bySignal) {
      bySignal = new Map();
      this.memo.set(signal, bySignal);
    }
    let byExport = bySignal.get(component);
    if (!byExport) {
      byExport = new Answers();
      bySignal.set(component, byExport);
    }
    return byExport;
  }

  /** Starts walking `target`: marks it in progress and lists where its data goes next. */
  private open(component: ComponentNode, exportName: string, signal: Signal, memo: Answers): Frame {
    // Cycles: assume no until proven otherwise.
    memo.set(exportName, 'no');
    const frame: Frame = { memo, exportName, signal, children: NO_CHILDREN, next: 0, yes: false, unknown: false };
    const schema = component.schema;
    if (!schema) {
      frame.unknown = true;
      return frame;
    }
    if (schema.sinks?.includes(signal)) {
      frame.yes = !schema.localSink;
      return frame;
    }
    let flows = 0;
    for (const flow of schema.flows ?? []) {
      if (flow.input !== exportName || (flow.inSignal ?? flow.outSignal) !== signal) continue;
      flows++;
      // A connector that turns the signal into another (spans into metrics, logs into
      // counts) delivers the new signal, not this one (an answer of no): spans that become metrics never leave.
      if (flow.outSignal !== signal) continue;
      const attr = getAttributeAtPath(component.block, flow.output);
      if (!attr) continue; // no output: no
      const { refs, dynamic } = referenceList(this.model, attr.value);
      // Usually one flow: its list is walked as it is, without a copy.
      frame.children = frame.children.length === 0 ? refs : [...frame.children, ...refs];
      if (dynamic) frame.unknown = true;
    }
    if (flows === 0 && !schema.complete) frame.unknown = true;
    return frame;
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
    let yes = false;
    let unknown = dynamic;
    for (const r of refs) {
      const reach = this.reachesSink(r.component, r.exportName, signal);
      if (reach === 'yes') yes = true;
      else if (reach === 'unknown') unknown = true;
    }
    return yes ? 'yes' : unknown ? 'unknown' : 'no';
  }

  /**
   * Components already handling `signal`: some other part of the configuration
   * sends it to them, or they pass it on (a processor whose `output` lists
   * consumers for it). The natural place to send more of it — a traces
   * exporter is not where logs should go, even if it could take them.
   */
  carriers(signal: Signal): ReadonlySet<string> {
    let known = this.carriersBySignal.get(signal);
    if (!known) {
      known = this.findCarriers(signal);
      this.carriersBySignal.set(signal, known);
    }
    return known;
  }

  private findCarriers(signal: Signal): Set<string> {
    const out = new Set<string>();
    /** Adds the components the references at `path` name; returns how many references there are. */
    const add = (block: BlockStmt, path: string): number => {
      const attr = getAttributeAtPath(block, path);
      const { refs } = referenceList(this.model, attr?.value);
      for (const ref of refs) out.add(ref.component.id);
      return refs.length;
    };
    for (const component of this.model.components.values()) {
      for (const flow of component.schema?.flows ?? []) {
        if (flow.outSignal !== signal) continue;
        const passesOn = add(component.block, flow.output) > 0;
        if (flow.input && passesOn) out.add(component.id);
      }
    }
    if (signal === 'logs' && this.model.logging) add(this.model.logging.block, 'write_to');
    if (signal === 'traces' && this.model.tracing) add(this.model.tracing.block, 'write_to');
    return out;
  }

  /** Components whose export `exportName` leads `signal` out of Alloy, for wiring new components. */
  entryPoints(signal: Signal): readonly EntryPoint[] {
    let known = this.entryPointsBySignal.get(signal);
    if (!known) {
      known = this.findEntryPoints(signal);
      this.entryPointsBySignal.set(signal, known);
    }
    return known;
  }

  private findEntryPoints(signal: Signal): EntryPoint[] {
    const out: EntryPoint[] = [];
    for (const component of this.model.components.values()) {
      const schema = component.schema;
      if (!schema) continue;
      for (const input of entryInputs(schema, signal)) {
        if (this.reachesSink(component, input, signal) === 'yes') out.push({ component, exportName: input });
      }
    }
    return out;
  }
}
