/**
 * The configurations the benchmark reads: a deterministic model of a
 * self-monitoring configuration, printed as Alloy and as JSON holding the same
 * statements and values (comments have no JSON form).
 */
type Value =
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'bool'; v: boolean }
  | { t: 'null' }
  | { t: 'ref'; path: string }
  | { t: 'call'; fn: string; args: Value[] }
  | { t: 'arr'; items: Value[] }
  | { t: 'obj'; fields: Array<[string, Value]> }
  | { t: 'bin'; op: string; left: Value; right: Value };

export type Stmt =
  | { t: 'attr'; name: string; value: Value; comment?: string }
  | { t: 'block'; name: string; label?: string; body: Stmt[]; comment?: string };

/** Deterministic pseudo-random numbers (mulberry32), so every run benchmarks the same files. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const str = (v: string): Value => ({ t: 'str', v });
const num = (v: number): Value => ({ t: 'num', v });
const ref = (path: string): Value => ({ t: 'ref', path });
const env = (name: string): Value => ({ t: 'call', fn: 'sys.env', args: [str(name)] });
const attr = (name: string, value: Value, comment?: string): Stmt => (comment ? { t: 'attr', name, value, comment } : { t: 'attr', name, value });
const block = (name: string, label: string | undefined, body: Stmt[], comment?: string): Stmt => ({
  t: 'block',
  name,
  ...(label !== undefined ? { label } : {}),
  body,
  ...(comment ? { comment } : {}),
});

/** One component, chosen among the kinds a self-monitoring configuration has. */
function component(i: number, next: () => number): Stmt {
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)] as T;
  const host = () => `${pick(['node', 'api', 'db', 'cache', 'web'])}-${Math.floor(next() * 1000)}.svc.cluster.local:${pick([9100, 9090, 12345, 8080])}`;
  switch (i % 6) {
    case 0: {
      const targets: Value[] = [];
      for (let k = 0, n = 2 + Math.floor(next() * 4); k < n; k++) {
        targets.push({ t: 'obj', fields: [['__address__', str(host())], ['job', str(`integrations/job_${i}`)], ['env', str(pick(['dev', 'staging', 'prod']))]] });
      }
      return block('prometheus.scrape', `scrape_${i}`, [
        attr('targets', { t: 'arr', items: targets }),
        attr('forward_to', { t: 'arr', items: [ref('prometheus.relabel.common.receiver'), ref(`prometheus.remote_write.rw_${i % 7}.receiver`)] }),
        attr('scrape_interval', str(pick(['15s', '30s', '1m'])), 'how often to scrape'),
        attr('scrape_timeout', str('10s')),
        attr('honor_labels', { t: 'bool', v: next() < 0.5 }),
        block('clustering', undefined, [attr('enabled', { t: 'bool', v: true })]),
      ], `Component ${i}: scrape the ${pick(['node', 'api', 'db'])} exporters.`);
    }
    case 1: {
      const rules: Stmt[] = [];
      for (let k = 0, n = 1 + Math.floor(next() * 3); k < n; k++) {
        rules.push(
          block('rule', undefined, [
            attr('source_labels', { t: 'arr', items: [str('__meta_kubernetes_namespace'), str(`__meta_kubernetes_pod_label_app_${k}`)] }),
            attr('separator', str('/')),
            attr('regex', str('(.+)/(.+)')),
            attr('target_label', str(pick(['app', 'namespace', 'pod', 'container']))),
            attr('action', str(pick(['replace', 'keep', 'drop', 'labelmap']))),
          ]),
        );
      }
      return block('discovery.relabel', `relabel_${i}`, [attr('targets', ref('discovery.kubernetes.pods.targets')), ...rules]);
    }
    case 2:
      return block('loki.process', `process_${i}`, [
        attr('forward_to', { t: 'arr', items: [ref('loki.write.default.receiver')] }),
        block('stage.json', undefined, [attr('expressions', { t: 'obj', fields: [['level', str('')], ['msg', str('message')], ['ts', str('timestamp')]] })]),
        block('stage.labels', undefined, [attr('values', { t: 'obj', fields: [['level', { t: 'null' }], ['service', str('service_name')]] })]),
        block('stage.timestamp', undefined, [attr('source', str('ts')), attr('format', str('RFC3339Nano'))]),
      ], 'Parse JSON logs and promote the level to a label.');
    case 3:
      return block('prometheus.remote_write', `rw_${i}`, [
        block('endpoint', undefined, [
          attr('url', { t: 'bin', op: '+', left: env('PROMETHEUS_URL'), right: str('/api/v1/write') }),
          block('basic_auth', undefined, [
            attr('username', env('PROMETHEUS_USER')),
            attr('password', { t: 'call', fn: 'coalesce', args: [env('PROMETHEUS_PASSWORD'), str('')] }),
          ]),
          block('queue_config', undefined, [attr('capacity', num(10000)), attr('max_shards', num(50)), attr('min_backoff', str('30ms'))]),
        ]),
        attr('external_labels', { t: 'obj', fields: [['cluster', str(`cluster-${i % 13}`)], ['region', str(pick(['eu-west-1', 'us-east-1']))], ['replica', num(i % 3)]] }),
      ]);
    case 4:
      return block('otelcol.exporter.otlp', `traces_${i}`, [
        block('client', undefined, [
          attr('endpoint', str(`tempo-${i % 5}.observability.svc:4317`)),
          block('tls', undefined, [attr('insecure', { t: 'bool', v: true }), attr('insecure_skip_verify', { t: 'bool', v: false })]),
          attr('compression', str('gzip'), 'smaller payloads'),
        ]),
      ]);
    default:
      return block('prometheus.relabel', `filter_${i}`, [
        attr('forward_to', { t: 'arr', items: [ref('prometheus.remote_write.default.receiver')] }),
        block('rule', undefined, [
          attr('source_labels', { t: 'arr', items: [str('__name__')] }),
          attr('regex', str('go_gc_.*|process_.*|alloy_build_info')),
          attr('action', str('drop')),
        ]),
        attr('max_cache_size', num(100000 + i)),
      ]);
  }
}

export function generateModel(targetLines: number, seed: number): Stmt[] {
  const next = random(seed);
  const stmts: Stmt[] = [block('logging', undefined, [attr('level', str('info')), attr('format', str('logfmt'))], 'Generated configuration for benchmarks.')];
  let lines = 5;
  for (let i = 0; lines < targetLines; i++) {
    const c = component(i, next);
    stmts.push(c);
    lines += printAlloy([c]).split('\n').length - 1;
  }
  return stmts;
}

function alloyValue(v: Value, indent: string): string {
  switch (v.t) {
    case 'str':
      return JSON.stringify(v.v);
    case 'num':
      return String(v.v);
    case 'bool':
      return String(v.v);
    case 'null':
      return 'null';
    case 'ref':
      return v.path;
    case 'call':
      return `${v.fn}(${v.args.map((a) => alloyValue(a, indent)).join(', ')})`;
    case 'bin':
      return `${alloyValue(v.left, indent)} ${v.op} ${alloyValue(v.right, indent)}`;
    case 'arr': {
      const items = v.items.map((x) => alloyValue(x, indent + '\t'));
      const oneLine = `[${items.join(', ')}]`;
      if (oneLine.length <= 80) return oneLine;
      return `[\n${items.map((x) => `${indent}\t${x},\n`).join('')}${indent}]`;
    }
    case 'obj': {
      const fields = v.fields.map(([k, x]) => `${/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : JSON.stringify(k)} = ${alloyValue(x, indent + '\t')}`);
      const oneLine = `{${fields.join(', ')}}`;
      if (oneLine.length <= 80) return oneLine;
      return `{\n${fields.map((x) => `${indent}\t${x},\n`).join('')}${indent}}`;
    }
  }
}

export function printAlloy(stmts: Stmt[], indent = ''): string {
  let out = '';
  for (const s of stmts) {
    if (s.t === 'attr') {
      out += `${indent}${s.name} = ${alloyValue(s.value, indent)}${s.comment ? ` // ${s.comment}` : ''}\n`;
    } else {
      if (s.comment) out += `${indent}// ${s.comment}\n`;
      out += `${indent}${s.name}${s.label !== undefined ? ` ${JSON.stringify(s.label)}` : ''} {\n${printAlloy(s.body, indent + '\t')}${indent}}\n`;
      if (indent === '') out += '\n';
    }
  }
  return out;
}

/** The same statements and values as JSON (comments have no JSON form and are left out). */
function jsonValue(v: Value): unknown {
  switch (v.t) {
    case 'str':
    case 'num':
    case 'bool':
      return v.v;
    case 'null':
      return null;
    case 'ref':
      return { ref: v.path };
    case 'call':
      return { call: v.fn, args: v.args.map(jsonValue) };
    case 'bin':
      return { op: v.op, left: jsonValue(v.left), right: jsonValue(v.right) };
    case 'arr':
      return v.items.map(jsonValue);
    case 'obj':
      return Object.fromEntries(v.fields.map(([k, x]) => [k, jsonValue(x)]));
  }
}

export function jsonStmts(stmts: Stmt[]): unknown[] {
  return stmts.map((s) =>
    s.t === 'attr'
      ? { attribute: s.name, value: jsonValue(s.value) }
      : { block: s.name, ...(s.label !== undefined ? { label: s.label } : {}), body: jsonStmts(s.body) },
  );
}

