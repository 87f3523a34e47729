/**
 * The catalog's types: the shapes of components, blocks, attributes, exports and flows
 * that the generated data, the hand-written overlay and every feature share. A module
 * of its own so the data modules import types from here and `catalog.ts` imports the
 * data: no import cycle among the catalog files.
 */

/** How one attribute's value is checked, with Alloy's own message for a value outside the set. */
export interface ClosedValueSet {
  values: readonly string[];
  /** Alloy lower-cases the value before comparing (and names it lower-cased). */
  foldCase: boolean;
  /** Alloy's error for a value outside the set, given the value as Alloy names it. */
  message: (value: string) => string;
}

/** Stability level a component or block is registered with. */
export type Stability = 'generally-available' | 'public-preview' | 'experimental' | 'community';

/** A kind of telemetry. */
export type Signal = 'metrics' | 'logs' | 'traces' | 'profiles';

/** Capsule kinds: the opaque values that wire components together. */
export type CapsuleKind =
  | 'MetricsReceiver'
  | 'LogsReceiver'
  | 'ProfilesReceiver'
  | 'otelcol.Consumer'
  | 'otelcol.Handler'
  | 'Targets'
  | 'RelabelRules';

/** One attribute (`name = value`) of a component or block body. */
export interface AttributeSchema {
  name: string;
  /** Type in doc notation: `string`, `duration`, `secret`, `list(MetricsReceiver)`, `capsule(otelcol.Handler)`, ... */
  type: string;
  required: boolean;
  /** Default value as written in Alloy syntax (`"60s"`, `true`, `[]`); absent when computed or none. */
  default?: string;
  doc: string;
  /** The capsule kind of the references this attribute takes (for `list(X)`, `capsule(X)`, targets). */
  accepts?: CapsuleKind;
  /** Allowed string values, for completion and hover (generated, or from the notes when Alloy checks them later). */
  enum?: readonly string[];
  /** The set Alloy itself enforces while decoding, with its message (generated from Alloy's code). */
  closedValues?: ClosedValueSet;
  /** Set when the attribute still works but should not be used; says what to use instead. */
  deprecated?: string;
}

/** A nested block of a component or configuration block. */
export interface BlockSchema {
  /** Block name, possibly dotted (`stage.json`, `metric.counter`). */
  name: string;
  required: boolean;
  repeatable: boolean;
  doc: string;
  attributes: readonly AttributeSchema[];
  blocks: readonly BlockSchema[];
  /** Whether the block takes a label. */
  labelled?: boolean;
  /** The body is not fully listed here: unknown names inside must not be reported. */
  partial?: boolean;
  /** The body is itself a configuration (components, declare, ...), not an argument list. */
  nestedConfig?: boolean;
}

/** A field other components can reference as `<name>.<label>.<field>`. */
export interface ExportSchema {
  name: string;
  type: string;
  /** The capsule kind, when the export is a reference other components consume. */
  kind?: CapsuleKind;
  doc: string;
}

/**
 * How telemetry moves through a component. `input` is the export through which data
 * enters (absent when the component produces the data itself: scrapes, listeners, file
 * tails); `output` is the attribute path through which it leaves (`forward_to`,
 * `output.metrics`, `write_to`).
 */
export interface Flow {
  input?: string;
  inSignal?: Signal;
  output: string;
  outSignal: Signal;
}

/** Everything known about one component. */
export interface ComponentSchema {
  name: string;
  /** First name fragment (`otelcol`, `prometheus`, ...). */
  namespace: string;
  stability: Stability;
  /** Community component: needs `--feature.community-components.enabled`. */
  community?: boolean;
  /** One-line description. */
  doc: string;
  /** The component's page in Alloy's reference documentation. */
  docsUrl?: string;
  /** The release that introduced it (absent: there since v1.0.0). */
  added?: string;
  /** The release that removed it, for the few removed components. */
  removed?: string;
  /** Platform or build remark (for example "Linux only"). */
  note?: string;
  attributes: readonly AttributeSchema[];
  blocks: readonly BlockSchema[];
  exports: readonly ExportSchema[];
  /**
   * True when attributes and blocks are the complete list, so unknown names may be
   * reported (except inside blocks marked `partial`). False for entries that only list
   * the required arguments, the references and the exports.
   */
  complete: boolean;
  /** Signals this component delivers out of Alloy (a sink/exporter). */
  sinks?: readonly Signal[];
  /** Set on sinks that only write locally (console, file) rather than to a backend. */
  localSink?: boolean;
  flows?: readonly Flow[];
}

/** Where a top-level non-component block comes from. */
export type ConfigBlockKind = 'config' | 'service' | 'declare' | 'import' | 'module';

/** A top-level block that is not a component (`logging`, `tracing`, `http`, `declare`, ...). */
export interface ConfigBlockSchema {
  name: string;
  kind: ConfigBlockKind;
  stability: Stability;
  doc: string;
  label: 'required' | 'forbidden';
  /** At most one per configuration (all files of a directory together). */
  once: boolean;
  allowedAtRoot: boolean;
  /** Allowed in a `declare` body or an imported module. */
  allowedInModule: boolean;
  /** Allowed inside a `foreach` template (the enclosing context's rules still apply). */
  allowedInForeach: boolean;
  attributes: readonly AttributeSchema[];
  blocks: readonly BlockSchema[];
  exports: readonly ExportSchema[];
  complete: boolean;
  /** The body is itself a configuration (true for `declare`). */
  nestedConfig?: boolean;
  flows?: readonly Flow[];
}

/** The attributes and blocks allowed at one place inside a component or block. */
export interface BodySchema {
  attributes: readonly AttributeSchema[];
  blocks: readonly BlockSchema[];
  /** Whether the lists are complete, so unknown names there may be reported. */
  closed: boolean;
  nestedConfig: boolean;
}

/**
 * What people know about one attribute that Alloy's code does not say: a description in
 * our words, a default the generator cannot read (computed in Go), a value set for
 * completion where Alloy's code lists none we can read, a deprecation, the capsule kind
 * of the references it takes.
 */
export interface AttributeNote {
  doc?: string;
  default?: string;
  enum?: readonly string[];
  deprecated?: string;
  accepts?: CapsuleKind;
}

/**
 * Notes on one generated body, by the name of an attribute (its description, or a
 * note) or of a block (its description). Names are unique within a body in Alloy.
 */
export type BodyNote = Readonly<Record<string, string | AttributeNote>>;

/** What people know about an export: a description, and the capsule kind when the type does not say. */
export interface ExportNote {
  doc?: string;
  kind?: CapsuleKind;
}

/** What people know about a component: a description, platform remarks, whether it is a sink, how telemetry flows through it. */
export interface ComponentNote {
  doc: string;
  note?: string;
  sinks?: readonly Signal[];
  localSink?: boolean;
  flows?: readonly Flow[];
}

/** The hand-written overlay: by component name, by generated body id, by generated exports body id. */
export interface CatalogNotes {
  components: Readonly<Record<string, ComponentNote>>;
  bodies: Readonly<Record<string, BodyNote>>;
  exports: Readonly<Record<string, Readonly<Record<string, string | ExportNote>>>>;
}
