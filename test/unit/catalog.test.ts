import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import {
  allComponents,
  capsuleKindOfType,
  componentNames,
  componentNamesWithPrefix,
  componentsExporting,
  configBlocks,
  deprecatedStdlib,
  editDistance,
  getComponent,
  getConfigBlock,
  getExport,
  getStdlibFunction,
  isComponentName,
  resolveBody,
  signalOfKind,
  sinksFor,
  stdlibConstants,
  stdlibFunctions,
  stdlibNamespaces,
  suggestComponentNames,
  unconfigurableServices,
  type AttributeSchema,
  type BlockSchema,
  type ComponentSchema,
} from '../../server/src/semantic/catalog';

/** The reference list lives outside the repository; it may be absent. */
const COMPONENTS_TXT = resolve(__dirname, '../../../shared/reference/components.txt');

function component(name: string): ComponentSchema {
  const c = getComponent(name);
  assert.ok(c, `${name} is in the catalog`);
  return c;
}

function attr(list: readonly AttributeSchema[], name: string): AttributeSchema {
  const a = list.find((x) => x.name === name);
  assert.ok(a, `attribute ${name}`);
  return a;
}

function blk(list: readonly BlockSchema[], name: string): BlockSchema {
  const b = list.find((x) => x.name === name);
  assert.ok(b, `block ${name}`);
  return b;
}

/** Visits every block of a schema tree once (stage.match nests the stages in a cycle). */
function everyBlock(blocks: readonly BlockSchema[], visit: (b: BlockSchema, path: string) => void, path = '', seen = new Set<BlockSchema>()): void {
  for (const b of blocks) {
    if (seen.has(b)) continue;
    seen.add(b);
    visit(b, `${path}${b.name}`);
    everyBlock(b.blocks, visit, `${path}${b.name} > `, seen);
  }
}

describe('component names', () => {
  it('knows all 184 registered components and the removed prometheus.write.queue, sorted and unique', () => {
    const names = componentNames();
    assert.equal(names.length, 185);
    assert.equal(new Set(names).size, 185);
    assert.equal(component('prometheus.write.queue').removed, '1.19.0');
    assert.equal(allComponents().filter((c) => c.removed === undefined).length, 184);
    assert.deepEqual([...names], [...names].sort());
    for (const n of ['prometheus.exporter.self', 'otelcol.exporter.otlphttp', 'loki.source.journal', 'beyla.ebpf', 'remote.vault', 'faro.receiver']) {
      assert.ok(isComponentName(n), n);
    }
    assert.equal(isComponentName('otelcol.receiver.opencensus'), false, 'removed component');
    assert.equal(isComponentName('logging'), false, 'config blocks are not components');
  });

  it('counts per namespace match the reference', () => {
    const count = (ns: string): number => allComponents().filter((c) => c.namespace === ns).length;
    assert.deepEqual(
      ['otelcol', 'prometheus', 'discovery', 'loki', 'pyroscope', 'remote', 'database_observability', 'local', 'mimir', 'beyla', 'faro'].map(count),
      [69, 40, 32, 23, 7, 5, 3, 2, 2, 1, 1],
    );
  });

  it('has the stability levels of the reference (144 GA, 10 preview, 25 experimental, 5 community)', () => {
    const by = (s: string): number => allComponents().filter((c) => c.stability === s && c.removed === undefined).length;
    assert.deepEqual([by('generally-available'), by('public-preview'), by('experimental'), by('community')], [144, 10, 25, 5]);
    assert.equal(component('otelcol.exporter.datadog').community, true);
    assert.equal(component('otelcol.exporter.debug').stability, 'experimental');
    assert.equal(component('loki.secretfilter').stability, 'public-preview');
    assert.match(component('discovery.process').note ?? '', /Linux/);
  });

  it('matches ../shared/reference/components.txt when it is present', (t) => {
    if (!existsSync(COMPONENTS_TXT)) {
      t.skip('reference file not available');
      return;
    }
    const rows = readFileSync(COMPONENTS_TXT, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => l.split('\t'));
    assert.equal(rows.length, allComponents().filter((c) => c.removed === undefined).length);
    for (const [name, stability] of rows) {
      assert.ok(name && isComponentName(name), `${name} known`);
      assert.equal(component(name).stability, stability, name);
    }
  });

  it('gives every component a one-line doc and exports with kinds where they are references', () => {
    for (const c of allComponents()) {
      assert.ok(c.doc.length > 10 && !c.doc.includes('\n'), c.name);
      for (const e of c.exports) {
        if (/Receiver|Consumer|Handler|RelabelRules/.test(e.type)) assert.ok(e.kind, `${c.name}.${e.name} kind`);
      }
    }
  });

  it('completes names by prefix', () => {
    const auth = componentNamesWithPrefix('otelcol.auth.');
    assert.deepEqual([...auth], ['otelcol.auth.basic', 'otelcol.auth.bearer', 'otelcol.auth.google', 'otelcol.auth.headers', 'otelcol.auth.oauth2', 'otelcol.auth.sigv4']);
  });
});

describe('schemas', () => {
  it('prometheus.scrape requires targets and forward_to, with the references they accept', () => {
    const scrape = component('prometheus.scrape');
    assert.equal(scrape.complete, true);
    const targets = attr(scrape.attributes, 'targets');
    assert.equal(targets.required, true);
    assert.equal(targets.accepts, 'Targets');
    const forward = attr(scrape.attributes, 'forward_to');
    assert.equal(forward.required, true);
    assert.equal(forward.type, 'list(MetricsReceiver)');
    assert.equal(forward.accepts, 'MetricsReceiver');
    // Generated from the Go default (60 * time.Second), written with the largest whole unit.
    assert.equal(attr(scrape.attributes, 'scrape_interval').default, '"1m"');
    assert.equal(attr(scrape.attributes, 'scrape_timeout').default, '"10s"');
    assert.equal(attr(scrape.attributes, 'job_name').required, false);
    assert.ok(attr(scrape.attributes, 'enable_protobuf_negotiation').deprecated);
    assert.deepEqual(scrape.blocks.map((b) => b.name).sort(), ['authorization', 'basic_auth', 'clustering', 'oauth2', 'tls_config']);
    assert.deepEqual(scrape.exports, []);
  });

  it('has full schemas for the self-monitoring components', () => {
    const full = [
      'prometheus.exporter.self', 'prometheus.scrape', 'prometheus.remote_write', 'prometheus.relabel',
      'otelcol.receiver.prometheus', 'otelcol.receiver.otlp', 'otelcol.receiver.loki', 'otelcol.processor.batch',
      'otelcol.processor.transform', 'otelcol.processor.attributes', 'otelcol.processor.memory_limiter',
      'otelcol.exporter.otlp', 'otelcol.exporter.otlphttp', 'otelcol.exporter.prometheus', 'otelcol.exporter.loki',
      'otelcol.exporter.debug', 'otelcol.auth.basic', 'otelcol.auth.headers', 'otelcol.auth.bearer',
      'otelcol.connector.spanmetrics', 'loki.write', 'loki.source.docker', 'loki.source.file', 'loki.process',
      'loki.relabel', 'local.file_match', 'discovery.docker', 'discovery.relabel', 'local.file', 'remote.http', 'pyroscope.write',
    ];
    for (const n of full) assert.equal(component(n).complete, true, n);
    // The generated catalog reads the detector blocks too.
    const rd = component('otelcol.processor.resourcedetection');
    assert.equal(rd.complete, true);
    assert.equal(blk(rd.blocks, 'ec2').partial, undefined);
    assert.equal(blk(rd.blocks, 'output').required, true);
    assert.ok(allComponents().filter((c) => c.complete).length >= full.length);
  });

  it('describes components the hand-written catalog only named, with their references', () => {
    const k8s = component('discovery.kubernetes');
    assert.equal(k8s.complete, true);
    assert.ok(blk(k8s.blocks, 'namespaces'));
    assert.equal(attr(k8s.attributes, 'role').required, true);
    const api = component('loki.source.api');
    assert.equal(attr(api.attributes, 'forward_to').accepts, 'LogsReceiver');
    assert.equal(attr(api.attributes, 'relabel_rules').accepts, 'RelabelRules');
    assert.equal(blk(component('otelcol.receiver.zipkin').blocks, 'output').required, true);
  });

  it('requires the otelcol output block and lets it take consumers', () => {
    for (const n of ['otelcol.receiver.prometheus', 'otelcol.receiver.loki', 'otelcol.receiver.otlp', 'otelcol.processor.batch']) {
      const output = blk(component(n).blocks, 'output');
      assert.equal(output.required, true, n);
      for (const s of ['metrics', 'logs', 'traces']) assert.equal(attr(output.attributes, s).accepts, 'otelcol.Consumer');
    }
  });

  it('describes the otlp exporters and auth handlers', () => {
    const otlphttp = component('otelcol.exporter.otlphttp');
    const client = blk(otlphttp.blocks, 'client');
    assert.equal(client.required, true);
    assert.equal(attr(client.attributes, 'endpoint').required, true);
    assert.equal(attr(client.attributes, 'auth').accepts, 'otelcol.Handler');
    assert.equal(attr(client.attributes, 'compression').default, '"gzip"');
    assert.deepEqual(attr(otlphttp.attributes, 'encoding').enum, ['proto', 'json']);
    assert.deepEqual(otlphttp.blocks.map((b) => b.name).sort(), ['client', 'debug_metrics', 'retry_on_failure', 'sending_queue']);
    assert.equal(attr(blk(blk(otlphttp.blocks, 'sending_queue').blocks, 'batch').attributes, 'flush_timeout').default, '"200ms"');
    const grpcClient = blk(component('otelcol.exporter.otlp').blocks, 'client');
    assert.ok(grpcClient.blocks.some((b) => b.name === 'keepalive'));
    assert.equal(blk(grpcClient.blocks, 'tls').attributes.some((a) => a.name === 'insecure'), true);

    const basic = component('otelcol.auth.basic');
    assert.ok(attr(basic.attributes, 'username').deprecated);
    assert.equal(attr(blk(basic.blocks, 'client_auth').attributes, 'password').type, 'secret');
    assert.equal(attr(component('otelcol.auth.bearer').attributes, 'token').required, true);
    assert.equal(blk(component('otelcol.auth.headers').blocks, 'header').repeatable, true);
  });

  it('shares blocks: one definition reused across components', () => {
    // One Go type, one body: the block entries differ, their attribute lists are the same object.
    const scrapeTls = blk(component('prometheus.scrape').blocks, 'tls_config');
    const dockerTls = blk(component('discovery.docker').blocks, 'tls_config');
    assert.equal(scrapeTls.attributes, dockerTls.attributes);
    assert.equal(blk(component('otelcol.exporter.otlp').blocks, 'retry_on_failure').attributes, blk(component('otelcol.exporter.otlphttp').blocks, 'retry_on_failure').attributes);
    const rule = blk(component('prometheus.relabel').blocks, 'rule');
    assert.equal(rule.attributes, blk(component('loki.relabel').blocks, 'rule').attributes);
    assert.equal(attr(rule.attributes, 'action').default, '"replace"');
    assert.ok(attr(rule.attributes, 'action').enum?.includes('labeldrop'));
  });

  it('follows the Go struct tags where the docs disagree', () => {
    // The docs list a debug_metrics block for otelcol.exporter.prometheus; the arguments have none.
    assert.equal(component('otelcol.exporter.prometheus').blocks.some((b) => b.name === 'debug_metrics'), false);
    // loki.source.docker: docs say `labels` is required, the runtime does not.
    assert.equal(attr(component('loki.source.docker').attributes, 'labels').required, false);
    // pyroscope.write has a `tracing` block the docs do not mention.
    assert.ok(blk(component('pyroscope.write').blocks, 'tracing'));
  });

  it('describes loki.process stages as blocks, with nested stages inside stage.match', () => {
    const process = component('loki.process');
    assert.equal(blk(process.blocks, 'stage.json').repeatable, true);
    const match = blk(process.blocks, 'stage.match');
    assert.equal(attr(match.attributes, 'selector').required, true);
    assert.ok(blk(match.blocks, 'stage.labels'));
    const body = resolveBody(process, ['stage.match', 'stage.match', 'stage.metrics', 'metric.counter']);
    assert.ok(body);
    assert.equal(attr(body.attributes, 'action').required, true);
    assert.equal(body.closed, true);
  });

  it('gives defaults and enums as written in Alloy syntax', () => {
    assert.equal(attr(component('otelcol.processor.batch').attributes, 'timeout').default, '"200ms"');
    assert.equal(attr(component('otelcol.processor.memory_limiter').attributes, 'check_interval').required, true);
    assert.deepEqual(attr(component('local.file').attributes, 'detector').enum, ['fsnotify', 'poll']);
    const write = blk(component('loki.write').blocks, 'endpoint');
    assert.equal(write.repeatable, true);
    assert.equal(attr(write.attributes, 'url').required, true);
    const rw = blk(component('prometheus.remote_write').blocks, 'endpoint');
    assert.equal(attr(rw.attributes, 'enable_http2').default, 'false', 'remote_write turns HTTP/2 off');
    assert.equal(attr(blk(component('prometheus.scrape').blocks, 'clustering').attributes, 'enabled').required, true);
  });

  it('lists every attribute once per body', () => {
    for (const c of allComponents()) {
      const check = (attrs: readonly AttributeSchema[], blocks: readonly BlockSchema[], where: string): void => {
        const names = attrs.map((a) => a.name);
        assert.equal(new Set(names).size, names.length, `duplicate attribute in ${where}: ${names.join(',')}`);
        const blockNames = blocks.map((b) => b.name);
        assert.equal(new Set(blockNames).size, blockNames.length, `duplicate block in ${where}`);
      };
      check(c.attributes, c.blocks, c.name);
      everyBlock(c.blocks, (b, path) => check(b.attributes, b.blocks, `${c.name} ${path}`));
    }
  });

  it('resolves bodies and says whether unknown names may be reported', () => {
    const otlp = component('otelcol.exporter.otlp');
    const tls = resolveBody(otlp, ['client', 'tls']);
    assert.ok(tls?.closed);
    assert.ok(tls.blocks.some((b) => b.name === 'tpm'));
    assert.equal(resolveBody(otlp, ['nope']), undefined);
    assert.equal(resolveBody(component('otelcol.processor.resourcedetection'), ['output'])?.closed, true);
    // A removed component has no schema: nothing inside it may be reported.
    assert.equal(resolveBody(component('prometheus.write.queue'), [])?.closed, false);
  });
});

describe('exports, sinks and flows', () => {
  it('exports carry their capsule kind', () => {
    assert.equal(getExport('prometheus.exporter.self', 'targets')?.kind, 'Targets');
    assert.equal(getExport('prometheus.remote_write', 'receiver')?.kind, 'MetricsReceiver');
    assert.equal(getExport('prometheus.relabel', 'receiver')?.kind, 'MetricsReceiver');
    assert.equal(getExport('prometheus.relabel', 'rules')?.kind, 'RelabelRules');
    assert.equal(getExport('otelcol.receiver.prometheus', 'receiver')?.kind, 'MetricsReceiver');
    assert.equal(getExport('otelcol.receiver.loki', 'receiver')?.kind, 'LogsReceiver');
    assert.equal(getExport('loki.write', 'receiver')?.kind, 'LogsReceiver');
    assert.equal(getExport('loki.relabel', 'receiver')?.kind, 'LogsReceiver');
    assert.equal(getExport('loki.process', 'receiver')?.kind, 'LogsReceiver');
    assert.equal(getExport('pyroscope.write', 'receiver')?.kind, 'ProfilesReceiver');
    assert.equal(getExport('otelcol.processor.batch', 'input')?.kind, 'otelcol.Consumer');
    assert.equal(getExport('otelcol.exporter.otlphttp', 'input')?.kind, 'otelcol.Consumer');
    assert.equal(getExport('otelcol.auth.basic', 'handler')?.kind, 'otelcol.Handler');
    assert.equal(getExport('discovery.relabel', 'output')?.kind, 'Targets');
    assert.equal(getExport('discovery.docker', 'targets')?.kind, 'Targets');
    assert.equal(getExport('local.file_match', 'targets')?.kind, 'Targets');
    assert.equal(getExport('local.file', 'content')?.kind, undefined);
    assert.equal(getExport('otelcol.receiver.otlp', 'input'), undefined);
    assert.equal(getExport('prometheus.scrape', 'targets'), undefined);
  });

  it('finds components by exported kind', () => {
    const logsReceivers = componentsExporting('LogsReceiver').map((c) => c.name);
    for (const n of ['loki.write', 'loki.process', 'loki.relabel', 'otelcol.receiver.loki', 'loki.echo']) assert.ok(logsReceivers.includes(n), n);
    assert.equal(logsReceivers.includes('prometheus.remote_write'), false);
  });

  it('knows which components deliver telemetry out of Alloy', () => {
    assert.deepEqual(component('prometheus.remote_write').sinks, ['metrics']);
    assert.deepEqual(component('loki.write').sinks, ['logs']);
    assert.deepEqual(component('pyroscope.write').sinks, ['profiles']);
    assert.deepEqual([...(component('otelcol.exporter.otlp').sinks ?? [])].sort(), ['logs', 'metrics', 'traces']);
    assert.deepEqual([...(component('otelcol.exporter.otlphttp').sinks ?? [])].sort(), ['logs', 'metrics', 'traces']);
    assert.deepEqual(component('otelcol.exporter.syslog').sinks, ['logs']);
    // Converters forward into Alloy pipelines: not sinks.
    assert.equal(component('otelcol.exporter.loki').sinks, undefined);
    assert.equal(component('otelcol.exporter.prometheus').sinks, undefined);
    assert.equal(component('otelcol.processor.batch').sinks, undefined);
    // Console/file writers are sinks, flagged local.
    assert.equal(component('otelcol.exporter.debug').localSink, true);
    assert.equal(component('loki.echo').localSink, true);
    assert.equal(component('prometheus.remote_write').localSink, undefined);
    const metricsSinks = sinksFor('metrics').map((c) => c.name);
    assert.ok(metricsSinks.indexOf('prometheus.remote_write') < metricsSinks.indexOf('otelcol.exporter.debug'));
  });

  it('describes how data flows through components', () => {
    assert.deepEqual(component('prometheus.scrape').flows, [{ output: 'forward_to', outSignal: 'metrics' }]);
    assert.deepEqual(component('prometheus.relabel').flows, [{ input: 'receiver', inSignal: 'metrics', output: 'forward_to', outSignal: 'metrics' }]);
    assert.deepEqual(component('otelcol.receiver.prometheus').flows, [
      { input: 'receiver', inSignal: 'metrics', output: 'output.metrics', outSignal: 'metrics' },
    ]);
    assert.deepEqual(component('otelcol.receiver.loki').flows, [{ input: 'receiver', inSignal: 'logs', output: 'output.logs', outSignal: 'logs' }]);
    const batch = component('otelcol.processor.batch').flows ?? [];
    assert.deepEqual(batch.map((f) => `${f.input}:${f.inSignal}->${f.output}:${f.outSignal}`).sort(), [
      'input:logs->output.logs:logs',
      'input:metrics->output.metrics:metrics',
      'input:traces->output.traces:traces',
    ]);
    assert.deepEqual(component('otelcol.connector.spanmetrics').flows, [
      { input: 'input', inSignal: 'traces', output: 'output.metrics', outSignal: 'metrics' },
    ]);
    assert.deepEqual(component('otelcol.connector.spanlogs').flows, [{ input: 'input', inSignal: 'traces', output: 'output.logs', outSignal: 'logs' }]);
    assert.deepEqual(component('otelcol.exporter.prometheus').flows, [{ input: 'input', inSignal: 'metrics', output: 'forward_to', outSignal: 'metrics' }]);
    assert.deepEqual(component('otelcol.exporter.loki').flows, [{ input: 'input', inSignal: 'logs', output: 'forward_to', outSignal: 'logs' }]);
    assert.deepEqual(
      (component('otelcol.processor.span').flows ?? []).map((f) => f.inSignal),
      ['traces'],
    );
    assert.deepEqual(
      (component('otelcol.receiver.otlp').flows ?? []).map((f) => f.output).sort(),
      ['output.logs', 'output.metrics', 'output.traces'],
    );
    assert.equal(component('prometheus.exporter.self').flows, undefined);
  });

  it('every flow leaves through an attribute the component has, and enters through an export it has', () => {
    for (const c of allComponents()) {
      for (const f of c.flows ?? []) {
        const [first, second] = f.output.split('.');
        assert.ok(first);
        const body = second === undefined ? resolveBody(c, []) : resolveBody(c, [first]);
        const name = second ?? first;
        assert.ok(body?.attributes.some((a) => a.name === name), `${c.name}: ${f.output}`);
        if (f.input) assert.ok(c.exports.some((e) => e.name === f.input), `${c.name}: ${f.input}`);
      }
    }
  });

  it('maps capsule types and receiver kinds', () => {
    assert.equal(capsuleKindOfType('list(LogsReceiver)'), 'LogsReceiver');
    assert.equal(capsuleKindOfType('capsule(otelcol.Handler)'), 'otelcol.Handler');
    assert.equal(capsuleKindOfType('list(otelcol.Consumer)'), 'otelcol.Consumer');
    assert.equal(capsuleKindOfType('list(map(string))'), undefined);
    assert.equal(signalOfKind('MetricsReceiver'), 'metrics');
    assert.equal(signalOfKind('otelcol.Consumer'), undefined);
  });
});

describe('suggestions', () => {
  it('suggests close component names', () => {
    assert.equal(suggestComponentNames('prometheus.exporter.selfs')[0], 'prometheus.exporter.self');
    assert.equal(suggestComponentNames('otelcol.exporter.otlp_http')[0], 'otelcol.exporter.otlphttp');
    assert.equal(suggestComponentNames('otelcol.reciever.otlp')[0], 'otelcol.receiver.otlp');
    assert.equal(suggestComponentNames('prometheus.remotewrite')[0], 'prometheus.remote_write');
    assert.equal(suggestComponentNames('otelcol.processor.memorylimiter')[0], 'otelcol.processor.memory_limiter');
    assert.equal(suggestComponentNames('OTELCOL.EXPORTER.OTLP')[0], 'otelcol.exporter.otlp');
  });

  it('matches the last fragment across namespaces and a few known aliases', () => {
    assert.deepEqual(suggestComponentNames('loki.remote_write'), ['prometheus.remote_write']);
    assert.deepEqual(suggestComponentNames('remote_write'), ['prometheus.remote_write']);
    assert.equal(suggestComponentNames('self')[0], 'prometheus.exporter.self');
    assert.equal(suggestComponentNames('otelcol.exporter.logging')[0], 'otelcol.exporter.debug');
  });

  it('does not suggest unrelated names, and honours max', () => {
    assert.deepEqual(suggestComponentNames('xyz'), []);
    assert.deepEqual(suggestComponentNames(''), []);
    assert.ok(suggestComponentNames('prom.scrape', 1).length <= 1);
    assert.equal(suggestComponentNames('prometheus.scrape').includes('prometheus.scrape'), false);
  });

  it('computes edit distance with transpositions', () => {
    assert.equal(editDistance('abc', 'abc'), 0);
    assert.equal(editDistance('abc', 'acb'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
  });
});

describe('config blocks', () => {
  it('describes logging and tracing for self-monitoring', () => {
    const logging = getConfigBlock('logging');
    assert.ok(logging);
    assert.equal(logging.label, 'forbidden');
    assert.equal(logging.once, true);
    assert.equal(logging.allowedInModule, false);
    assert.equal(attr(logging.attributes, 'write_to').accepts, 'LogsReceiver');
    // The generated set, in the order Alloy's code lists it.
    assert.deepEqual(attr(logging.attributes, 'level').enum, ['debug', 'info', 'warn', 'error']);
    assert.deepEqual(attr(logging.attributes, 'format').enum, ['logfmt', 'json']);
    assert.deepEqual(logging.flows, [{ output: 'write_to', outSignal: 'logs' }]);

    const tracing = getConfigBlock('tracing');
    assert.ok(tracing);
    assert.equal(attr(tracing.attributes, 'write_to').accepts, 'otelcol.Consumer');
    assert.equal(attr(tracing.attributes, 'sampling_fraction').default, '0.1');
    const jaeger = resolveBody(tracing, ['sampler', 'jaeger_remote']);
    assert.equal(attr(jaeger?.attributes ?? [], 'url').default, '"http://127.0.0.1:5778/sampling"');
    assert.deepEqual(tracing.flows, [{ output: 'write_to', outSignal: 'traces' }]);
  });

  it('knows labels and placement of every top-level block', () => {
    const names = configBlocks().map((b) => b.name).sort();
    assert.deepEqual(names, [
      'argument', 'declare', 'export', 'foreach', 'http', 'import.file', 'import.git', 'import.http', 'import.string',
      'labelstore', 'livedebugging', 'logging', 'remotecfg', 'tracing',
    ]);
    for (const n of ['declare', 'argument', 'export', 'import.file', 'import.string', 'import.http', 'import.git', 'foreach']) {
      assert.equal(getConfigBlock(n)?.label, 'required', n);
    }
    for (const n of ['logging', 'tracing', 'http', 'livedebugging', 'remotecfg']) {
      const b = getConfigBlock(n);
      assert.equal(b?.label, 'forbidden', n);
      assert.equal(b?.once, true, n);
      assert.equal(b?.allowedAtRoot, true, n);
      assert.equal(b?.allowedInModule, false, n);
      assert.equal(b?.allowedInForeach, false, n);
    }
    assert.equal(getConfigBlock('argument')?.allowedAtRoot, false);
    assert.equal(getConfigBlock('export')?.allowedAtRoot, false);
    assert.equal(attr(getConfigBlock('export')?.attributes ?? [], 'value').required, true);
    assert.equal(getConfigBlock('argument')?.exports[0]?.name, 'value');
    assert.equal(getConfigBlock('declare')?.nestedConfig, true);
    const foreach = getConfigBlock('foreach');
    assert.equal(foreach?.stability, 'experimental');
    assert.equal(foreach && blk(foreach.blocks, 'template').nestedConfig, true);
    assert.equal(foreach && resolveBody(foreach, ['template'])?.nestedConfig, true);
    assert.deepEqual([...unconfigurableServices], ['cluster', 'otel', 'ui']);
    assert.equal(getConfigBlock('prometheus.scrape'), undefined);
  });

  it('describes http, remotecfg and the import sources', () => {
    const http = getConfigBlock('http');
    assert.ok(http);
    const basic = resolveBody(http, ['auth', 'basic']);
    assert.equal(attr(basic?.attributes ?? [], 'password').type, 'secret');
    assert.equal(attr(resolveBody(http, ['tls'])?.attributes ?? [], 'client_auth_type').default, '"NoClientCert"');
    const remotecfg = getConfigBlock('remotecfg');
    assert.equal(attr(remotecfg?.attributes ?? [], 'poll_frequency').default, '"1m"');
    assert.ok(remotecfg?.blocks.some((b) => b.name === 'basic_auth'));
    const git = getConfigBlock('import.git');
    assert.equal(attr(git?.attributes ?? [], 'revision').default, '"HEAD"');
    assert.equal(attr(getConfigBlock('import.file')?.attributes ?? [], 'filename').required, true);
  });
});

describe('standard library', () => {
  it('maps deprecated aliases to their replacements', () => {
    assert.equal(deprecatedStdlib.get('env'), 'sys.env');
    assert.equal(deprecatedStdlib.get('concat'), 'array.concat');
    assert.equal(deprecatedStdlib.get('format'), 'string.format');
    assert.equal(deprecatedStdlib.get('nonsensitive'), 'convert.nonsensitive');
    assert.equal(deprecatedStdlib.get('json_decode'), 'encoding.from_json');
    assert.equal(deprecatedStdlib.get('base64_decode'), 'encoding.from_base64');
    assert.equal(deprecatedStdlib.size, 16);
    assert.equal(deprecatedStdlib.has('coalesce'), false);
    assert.equal(deprecatedStdlib.has('json_path'), false);
    for (const target of deprecatedStdlib.values()) assert.ok(getStdlibFunction(target), target);
  });

  it('lists functions, constants and namespaces for completion and hover', () => {
    const env = getStdlibFunction('sys.env');
    assert.ok(env?.signature.startsWith('sys.env('));
    assert.equal(getStdlibFunction('array.group_by')?.experimental, true);
    assert.equal(getStdlibFunction('array.combine_maps')?.experimental, true);
    assert.equal(getStdlibFunction('string.format')?.experimental, undefined);
    assert.equal(getStdlibFunction('env')?.replacement, 'sys.env');
    assert.ok(getStdlibFunction('env')?.signature.startsWith('env('));
    assert.equal(getStdlibFunction('nope'), undefined);
    assert.equal(new Set(stdlibFunctions.map((f) => f.name)).size, stdlibFunctions.length);
    assert.deepEqual(stdlibConstants.map((c) => c.name), ['constants.hostname', 'constants.os', 'constants.arch', 'constants.version']);
    const ns = new Map(stdlibNamespaces.map((n) => [n.name, n.members]));
    assert.deepEqual([...ns.keys()].sort(), ['array', 'constants', 'convert', 'encoding', 'file', 'string', 'sys']);
    assert.deepEqual(ns.get('sys'), ['env']);
    assert.ok(ns.get('encoding')?.includes('from_URLbase64'));
    assert.ok(ns.get('constants')?.includes('hostname'));
  });
});
