/**
 * The shape of `catalog.json`: what `npm run catalog` writes and the catalog
 * reads. One definition for both sides of the file.
 */

/**
 * The strings a text-decoded Go type accepts, and Alloy's error for any other: its
 * format string, with one verb (`%q`, `%s` or `%v`) for the value.
 */
export interface GenValueSet {
  values: string[];
  /** The value is lower-cased before the comparison (and named lower-cased). */
  foldCase?: boolean;
  message: string;
}

/** One attribute: its Alloy type, whether it is required, its default in Alloy syntax when literal. */
export interface GenAttribute {
  name: string;
  type: string;
  required: boolean;
  /** The default in Alloy syntax, when the Go code sets a literal one. */
  default?: string;
  /** The closed set of values, when Alloy's code lists it. */
  valueSet?: GenValueSet;
}

/** One block; `body` is a key of the bodies table, null when the generator could not resolve it. */
export interface GenBlock {
  name: string;
  required: boolean;
  repeatable: boolean;
  body: string | null;
}

/** The attributes and blocks of one Go struct. */
export interface GenBody {
  attributes: GenAttribute[];
  blocks: GenBlock[];
  /** False when part of the body comes from a type the checkout does not define. */
  closed: boolean;
  /** The block takes a label (the struct has a `,label` field). */
  label?: boolean;
}

/** One registered component. */
export interface GenComponent {
  name: string;
  stability: string;
  community?: boolean;
  docs?: string;
  added?: string;
  removed?: string;
  /** Body id of the arguments; null when unknown (removed component, unresolvable type). */
  arguments: string | null;
  /** Body id of the exports; null when the component exports nothing. */
  exports: string | null;
}

/** One stdlib identifier; functions carry their arity, or the Go standard-library function they are. */
export interface GenStdlib {
  name: string;
  stability: string;
  deprecated?: boolean;
  /** Arguments taken; no `max` when any number from `min`. */
  arity?: { min: number; max?: number };
  /** A function of Go's standard library (`strings.Join`), whose source is not in Alloy's checkout. */
  goFunction?: string;
}

/** The whole file. */
export interface GenCatalog {
  alloy: { newestRelease: string; nextRelease: string; releases: string[] };
  components: GenComponent[];
  configBlocks: { name: string; kind: string; stability: string; body: string | null }[];
  stdlib: GenStdlib[];
  bodies: Record<string, GenBody>;
}
