/**
 * Other ways Alloy's own telemetry is collected than the documented
 * `prometheus.exporter.self` and `logging { write_to }`: a scrape of Alloy's
 * own HTTP address, or a log source that reads Alloy's container or journald
 * unit. Each answer is `yes` (the model sees it), or `unknown` (it may, so the
 * checks stay silent); what is not listed is not collected that way.
 */
import { Slot } from '../syntax/slot';
import type { BlockStmt, Expr } from '../syntax/ast';
import { getAttribute, getBlocks, stringValue, type ComponentNode, type ConfigModel } from './model';
import { resolveReference } from './references';
import * as facts from './selfMonitoringFacts';

/** What is known about where Alloy runs, from the compose service that runs it. */
export interface AlloyHost {
  /** How to name it in sentences, e.g. `compose service "alloy"`. */
  description: string;
  /** Names Alloy's HTTP server is reachable under from itself besides localhost: service name, container_name, hostname. */
  names: string[];
  /** The port of Alloy's HTTP server (`--server.http.listen-addr`), default 12345. */
  port: number;
  /** Whether the Docker socket is mounted into the container. */
  dockerSocket: boolean;
}

export type Certainty = 'yes' | 'unknown';

/** A `prometheus.scrape` whose targets include Alloy's own HTTP address. */
export interface SelfScrape {
  scrape: ComponentNode;
  /** The `__address__` as written. */
  address: string;
}

/** A log source that reads Alloy's own logs. */
export interface SelfLogSource {
  source: ComponentNode;
  /** `from its container`, `from the alloy.service journald unit`, … */
  how: string;
  certainty: Certainty;
}

/** How far chains of `discovery.relabel` are followed; real configurations use one or two. */
const MAX_CHAIN = 16;

/**
 * Answers kept per model for the `hosts` they were asked with: the checks and
 * the explanation of one analysis ask the same questions with the same hosts.
 */
class PerModel<T> {
  private readonly answers = new Slot<ConfigModel, { hosts: readonly AlloyHost[]; value: T }>('answers');

  constructor(private readonly compute: (model: ConfigModel, hosts: readonly AlloyHost[]) => T) {}

  get(model: ConfigModel, hosts: readonly AlloyHost[]): T {
    const known = this.answers.get(model);
    if (known && known.hosts === hosts) return known.value;
    const value = this.compute(model, hosts);
    this.answers.set(model, { hosts, value });
    return value;
  }
}

const selfScrapes = new PerModel(scrapesOfAlloy);
const selfLogSources = new PerModel(logSourcesOfAlloy);
const windowsConfigurations = new PerModel(isForWindows);

/** The scrapes whose literal targets include Alloy's own HTTP address, as seen from Alloy. */
export function findSelfScrapes(model: ConfigModel, hosts: readonly AlloyHost[]): readonly SelfScrape[] {
  return selfScrapes.get(model, hosts);
}

function scrapesOfAlloy(model: ConfigModel, hosts: readonly AlloyHost[]): SelfScrape[] {
  const out: SelfScrape[] = [];
  const isAlloys = (address: string) => isAlloyAddress(address, hosts);
  for (const scrape of model.components.values()) {
    if (scrape.name !== facts.SCRAPE) continue;
    const targets = getAttribute(scrape.block, facts.SCRAPE_TARGETS);
    if (!targets) continue;
    const address = firstLiteralAddress(model, targets.value, isAlloys);
    if (address !== undefined) out.push({ scrape, address });
  }
  return out;
}

/**
 * The first `__address__` string of literal targets under `expr` that `wanted`
 * accepts, following `discovery.relabel` inputs (depth first, last element first).
 * It stops at the first: most scrapes list a handful of targets, none of them Alloy.
 */
function firstLiteralAddress(model: ConfigModel, root: Expr, wanted: (address: string) => boolean): string | undefined {
  // Expressions and their relabel depths side by side: no object per element.
  const exprs: Expr[] = [root];
  const depths: number[] = [0];
  let seen: Set<string> | undefined;
  while (exprs.length > 0) {
    const expr = exprs.pop() as Expr;
    const depth = depths.pop() as number;
    if (expr.kind === 'Array') for (const e of expr.elements) (exprs.push(e), depths.push(depth));
    else if (expr.kind === 'Call') for (const e of expr.args) (exprs.push(e), depths.push(depth)); // array.concat(…)
    else if (expr.kind === 'Paren') (exprs.push(expr.inner), depths.push(depth));
    else if (expr.kind === 'Object') {
      const address = stringValue(expr.fields.find((f) => f.key === '__address__')?.value);
      if (address !== undefined && wanted(address)) return address;
    } else if (depth < MAX_CHAIN) {
      const r = resolveReference(model, expr);
      if (r.kind !== 'component' || r.ref.component.name !== facts.TARGET_RELABEL.name || seen?.has(r.ref.component.id)) continue;
      (seen ??= new Set()).add(r.ref.component.id);
      const input = getAttribute(r.ref.component.block, facts.TARGET_RELABEL.input);
      if (input) (exprs.push(input.value), depths.push(depth + 1));
    }
  }
  return undefined;
}

/** Line terminators, which `.` in the path pattern below does not cross. */
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/** An address without its scheme and path: `http://alloy:12345/metrics` → `alloy:12345`. */
function hostAndPort(address: string): string {
  // The common case (no scheme, no line break) needs no pattern: cut at the first slash.
  if (!address.includes('://') && !LINE_TERMINATOR.test(address)) {
    const slash = address.indexOf('/');
    return slash === -1 ? address : address.slice(0, slash);
  }
  return address.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
}

/** Whether `host:port` (optionally with a scheme) is Alloy's own HTTP server. */
function isAlloyAddress(address: string, hosts: readonly AlloyHost[]): boolean {
  const bare = hostAndPort(address);
  const colon = bare.lastIndexOf(':');
  if (colon <= 0) return false;
  const port = Number(bare.slice(colon + 1));
  // The port first: most targets are other services, and their host need not be lower-cased.
  if (hosts.length > 0 ? !hosts.some((h) => h.port === port) : port !== facts.DEFAULT_HTTP_PORT) return false;
  const host = bare.slice(0, colon).toLowerCase();
  if (facts.LOCAL_HOSTS.includes(host)) return true;
  return hosts.some((h) => h.port === port && h.names.some((n) => n.toLowerCase() === host));
}

/** The log sources that read Alloy's own logs (container logs, journald, the Windows event log). */
export function findSelfLogSources(model: ConfigModel, hosts: readonly AlloyHost[]): readonly SelfLogSource[] {
  return selfLogSources.get(model, hosts);
}

function logSourcesOfAlloy(model: ConfigModel, hosts: readonly AlloyHost[]): SelfLogSource[] {
  const out: SelfLogSource[] = [];
  const windows = isWindowsConfiguration(model);
  for (const source of model.components.values()) {
    let found: SelfLogSource | undefined;
    if (source.name === facts.DOCKER_LOG_SOURCE) found = dockerSource(model, source, hosts);
    else if (source.name === facts.JOURNAL_LOG_SOURCE) found = journalSource(model, source);
    else if (source.name === facts.WINDOWS_EVENT_SOURCE && windows) found = windowsEventSource(source);
    if (found) out.push(found);
  }
  return out;
}

type Verdict = 'yes' | 'no' | 'unknown';

function both(a: Verdict, b: Verdict): Verdict {
  if (a === 'no' || b === 'no') return 'no';
  return a === 'unknown' || b === 'unknown' ? 'unknown' : 'yes';
}

function asSource(source: ComponentNode, how: string, verdict: Verdict): SelfLogSource | undefined {
  return verdict === 'no' ? undefined : { source, how, certainty: verdict };
}

/**
 * `loki.source.docker` reads Alloy's container when its targets include every
 * container (or one named like the Alloy service) and the Docker socket is in reach.
 */
function dockerSource(model: ConfigModel, source: ComponentNode, hosts: readonly AlloyHost[]): SelfLogSource | undefined {
  const hostAttr = stringValue(getAttribute(source.block, 'host')?.value);
  const viaSocket = hostAttr === undefined || hostAttr.startsWith('unix://');
  // In compose, a unix socket is only in reach when it is mounted into the Alloy container.
  if (viaSocket && hosts.length > 0 && !hosts.some((h) => h.dockerSocket)) return undefined;
  const names = hosts.length > 0 ? hosts.flatMap((h) => h.names) : ['alloy'];
  const candidates = new Map(facts.DOCKER_NAME_LABELS.map((l) => [l.label, names.flatMap((n) => l.value(n))]));
  const targets = getAttribute(source.block, 'targets');
  let verdict: Verdict = targets ? dockerTargets(model, targets.value, candidates) : 'no';
  verdict = both(verdict, relabelRulesVerdict(model, getAttribute(source.block, 'relabel_rules')?.value, candidates));
  return asSource(source, 'from its container', verdict);
}

/** Whether targets of a `loki.source.docker` include the Alloy container. */
function dockerTargets(model: ConfigModel, expr: Expr, candidates: ReadonlyMap<string, string[]>): Verdict {
  let verdict: Verdict = 'no';
  const stack: { expr: Expr; depth: number; rules: Verdict }[] = [{ expr, depth: 0, rules: 'yes' }];
  while (stack.length > 0) {
    const item = stack.pop() as { expr: Expr; depth: number; rules: Verdict };
    const e = item.expr;
    if (e.kind === 'Array') for (const x of e.elements) stack.push({ ...item, expr: x });
    else if (e.kind === 'Call') for (const x of e.args) stack.push({ ...item, expr: x });
    else if (e.kind === 'Object') continue; // a literal target names one container, never Alloy's by chance
    else {
      const r = resolveReference(model, e);
      if (r.kind !== 'component' || item.depth >= MAX_CHAIN) {
        verdict = verdict === 'yes' ? 'yes' : 'unknown';
        continue;
      }
      const c = r.ref.component;
      if (c.name === facts.DOCKER_DISCOVERY) {
        const found = both(item.rules, dockerFilters(c.block, candidates));
        if (found === 'yes') return 'yes';
        if (found === 'unknown') verdict = 'unknown';
      } else if (c.name === facts.TARGET_RELABEL.name) {
        const input = getAttribute(c.block, facts.TARGET_RELABEL.input);
        const rules = both(item.rules, rulesVerdict(c.block, candidates));
        if (input && rules !== 'no') stack.push({ expr: input.value, depth: item.depth + 1, rules });
      } else if (!c.schema || !c.name.startsWith('discovery.')) {
        // A custom component or an unknown export may hold any container.
        verdict = verdict === 'yes' ? 'yes' : 'unknown';
      }
    }
  }
  return verdict;
}

/** `discovery.docker { filter { name = "name", values = [...] } }`: which containers are listed at all. */
function dockerFilters(block: BlockStmt, candidates: ReadonlyMap<string, string[]>): Verdict {
  let verdict: Verdict = 'yes';
  for (const filter of getBlocks(block, 'filter')) {
    const name = stringValue(getAttribute(filter, 'name')?.value);
    const values = getAttribute(filter, 'values')?.value;
    const list = values?.kind === 'Array' ? values.elements.map((v) => stringValue(v)) : undefined;
    if (name !== 'name' || !list || list.some((v) => v === undefined)) {
      verdict = both(verdict, 'unknown');
      continue;
    }
    // Docker matches name filters as unanchored regular expressions.
    const names = (candidates.get('__meta_docker_container_name') ?? []).map((n) => n.slice(1));
    const matches = list.some((v) => names.some((n) => safeTest(v as string, n, false) !== false));
    verdict = both(verdict, matches ? 'yes' : 'no');
  }
  return verdict;
}

/** The `rules` export of a `discovery.relabel` or `loki.relabel` given as `relabel_rules`. */
function relabelRulesVerdict(model: ConfigModel, expr: Expr | undefined, candidates: ReadonlyMap<string, string[]>): Verdict {
  if (!expr) return 'yes';
  const r = resolveReference(model, expr);
  if (r.kind !== 'component' || r.ref.exportName !== 'rules') return 'unknown';
  return rulesVerdict(r.ref.component.block, candidates);
}

/**
 * Whether `keep`/`drop` rules let Alloy's entry through. A rule on a label we
 * know the value of is evaluated; a rule on any other label makes it unknown.
 */
function rulesVerdict(block: BlockStmt, candidates: ReadonlyMap<string, string[]>): Verdict {
  let verdict: Verdict = 'yes';
  for (const rule of getBlocks(block, 'rule')) {
    const action = stringValue(getAttribute(rule, 'action')?.value) ?? 'replace';
    if (action !== 'keep' && action !== 'drop') continue;
    const sources = getAttribute(rule, 'source_labels')?.value;
    const labels = sources?.kind === 'Array' ? sources.elements.map((e) => stringValue(e)) : undefined;
    const regexAttr = getAttribute(rule, 'regex');
    const regex = regexAttr ? stringValue(regexAttr.value) : '(.*)';
    const values = labels?.length === 1 ? candidates.get(labels[0] ?? '') : undefined;
    if (!values || regex === undefined) {
      verdict = both(verdict, 'unknown');
      continue;
    }
    const results = values.map((v) => safeTest(regex, v, true));
    if (results.includes(undefined)) verdict = both(verdict, 'unknown');
    const matched = results.includes(true);
    verdict = both(verdict, (action === 'keep') === matched ? 'yes' : 'no');
  }
  return verdict;
}

/** Tests a Go regular expression (anchored like Prometheus relabelling when `anchored`); undefined when JavaScript cannot read it. */
function safeTest(regex: string, value: string, anchored: boolean): boolean | undefined {
  try {
    return new RegExp(anchored ? `^(?:${regex})$` : regex).test(value);
  } catch {
    return undefined;
  }
}

/** `loki.source.journal` reads Alloy's unit when its matches and rules let `alloy.service` through. */
function journalSource(model: ConfigModel, source: ComponentNode): SelfLogSource | undefined {
  const matchesAttr = getAttribute(source.block, 'matches');
  const matches = matchesAttr ? stringValue(matchesAttr.value) : '';
  let verdict: Verdict = matches === undefined ? 'unknown' : journalMatches(matches);
  const candidates = new Map([[facts.JOURNAL_UNIT_LABEL, [facts.ALLOY_SYSTEMD_UNIT]]]);
  verdict = both(verdict, relabelRulesVerdict(model, getAttribute(source.block, 'relabel_rules')?.value, candidates));
  return asSource(source, `from the ${facts.ALLOY_SYSTEMD_UNIT} journald unit`, verdict);
}

/**
 * journald match syntax: `FIELD=value` terms; terms on the same field are
 * alternatives, different fields must all match, `+` separates alternatives.
 */
function journalMatches(matches: string): Verdict {
  const groups = matches.split('+').map((g) => g.trim().split(/\s+/).filter((t) => t !== ''));
  let verdict: Verdict = 'no';
  for (const terms of groups) {
    const units = terms.filter((t) => t.startsWith(`${facts.JOURNAL_UNIT_FIELD}=`)).map((t) => t.slice(facts.JOURNAL_UNIT_FIELD.length + 1));
    const others = terms.length - units.length;
    if (units.length > 0 && !units.includes(facts.ALLOY_SYSTEMD_UNIT)) continue;
    // Filters on other fields (priority, identifier) may keep some of Alloy's lines or none.
    if (others === 0) return 'yes';
    verdict = 'unknown';
  }
  return verdict;
}

/** A Windows service logs to the Application event log by default; reading it may take Alloy's lines. */
function windowsEventSource(source: ComponentNode): SelfLogSource | undefined {
  const name = stringValue(getAttribute(source.block, 'eventlog_name')?.value);
  if (name !== facts.WINDOWS_SERVICE_EVENT_LOG) return undefined;
  return { source, how: `from the ${facts.WINDOWS_SERVICE_EVENT_LOG} event log`, certainty: 'unknown' };
}

/**
 * Whether the configuration is plainly for Windows: a Windows-only component,
 * `logging { destination = "windows_event_log" }`, or a `C:\` path.
 */
export function isWindowsConfiguration(model: ConfigModel): boolean {
  // The text search reads every file whole: once per model.
  return windowsConfigurations.get(model, NO_HOSTS);
}

const NO_HOSTS: readonly AlloyHost[] = [];

function isForWindows(model: ConfigModel): boolean {
  for (const c of model.components.values()) if (facts.WINDOWS_COMPONENTS.includes(c.name)) return true;
  const destination = model.logging ? stringValue(getAttribute(model.logging.block, 'destination')?.value) : undefined;
  if (destination === facts.WINDOWS_EVENT_LOG_DESTINATION) return true;
  // A Windows path is `X:\` in a string: a file without `:\` anywhere (nearly all) is settled by one fast search.
  return model.files.some((f) => f.parse.text.includes(':\\') && (/"[A-Za-z]:\\\\/.test(f.parse.text) || /`[A-Za-z]:\\/.test(f.parse.text)));
}
