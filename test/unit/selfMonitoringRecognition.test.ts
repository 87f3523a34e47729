/**
 * Alloy's own telemetry collected another way than prometheus.exporter.self
 * and logging { write_to }: a scrape of Alloy's own HTTP address, its container
 * logs read through the Docker socket, its journald unit. Each rule has a
 * configuration that must now be silent and one that must still warn; the
 * `explanation` and hover say how the telemetry leaves.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeConfiguration, parseFile } from '../../server/src/languageService';
import { checkSelfMonitoring } from '../../server/src/checks/selfMonitoring';
import { getHover } from '../../server/src/features/hover';
import { buildModel } from '../../server/src/semantic/model';
import { PipelineGraph } from '../../server/src/semantic/pipelineGraph';
import type { AlloyHost } from '../../server/src/semantic/selfTelemetry';
import { resolveSettings, type Settings } from '../../server/src/settings';

const FILE = '/work/project/alloy/config.alloy';

function lines(...ls: string[]): string {
  return `${ls.join('\n')}\n`;
}

function settingsFrom(raw: unknown): Settings {
  const { settings, problems } = resolveSettings(raw);
  assert.deepEqual(problems, []);
  return settings;
}

const METRICS = settingsFrom({ selfMonitoring: { logs: false, traces: false } });
const LOGS = settingsFrom({ selfMonitoring: { metrics: false, traces: false } });

/** `code: message` of the self-monitoring findings, with `hosts` as a compose service would give them. */
function selfmon(text: string, settings: Settings, hosts: AlloyHost[] = []): string[] {
  const model = buildModel([parseFile(FILE, text)]);
  return checkSelfMonitoring(model, new PipelineGraph(model), settings, hosts).map((f) => `${f.code}: ${f.message}`);
}

const host = (over: Partial<AlloyHost> = {}): AlloyHost => ({ description: 'compose service "alloy"', names: ['alloy'], port: 12345, dockerSocket: true, ...over });

const REMOTE_WRITE = lines('prometheus.remote_write "default" {', '\tendpoint {', '\t\turl = "http://mimir:9009/api/v1/push"', '\t}', '}');
const LOKI_WRITE = lines('loki.write "default" {', '\tendpoint {', '\t\turl = "http://loki:3100/loki/api/v1/push"', '\t}', '}');

const scrapeOf = (targets: string, forwardTo = '[prometheus.remote_write.default.receiver]') =>
  lines('prometheus.scrape "alloy" {', `\ttargets    = ${targets}`, `\tforward_to = ${forwardTo}`, '}') + '\n' + REMOTE_WRITE;

const METRICS_MISSING = 'selfmon/metrics-missing: Alloy does not export its own metrics: there is no prometheus.exporter.self component.';
const LOGS_MISSING = 'selfmon/logs-missing: Alloy does not export its own logs: there is no logging block with write_to.';

describe("a scrape of Alloy's own HTTP address collects its metrics", () => {
  for (const address of ['localhost:12345', '127.0.0.1:12345', '0.0.0.0:12345']) {
    test(`${address}: silent`, () => {
      assert.deepEqual(selfmon(scrapeOf(`[{"__address__" = "${address}", service = "alloy"}]`), METRICS), []);
    });
  }

  test('inside array.concat beside other targets (the packaged config): its forward_to is still checked', () => {
    const text = scrapeOf('array.concat(prometheus.exporter.unix.default.targets, [{job = "alloy", __address__ = "127.0.0.1:12345"}])', '[]') + lines('', 'prometheus.exporter.unix "default" { }');
    assert.deepEqual(selfmon(text, METRICS), [
      "selfmon/metrics-not-exported: Alloy's own metrics scraped by prometheus.scrape.alloy never reach a component that sends them out of Alloy.",
    ]);
  });

  test('through a discovery.relabel of a literal target list: silent', () => {
    const relabel = lines('discovery.relabel "alloy" {', '\ttargets = [{"__address__" = "localhost:12345"}]', '', '\trule {', '\t\ttarget_label = "instance"', '\t\treplacement  = "alloy"', '\t}', '}');
    assert.deepEqual(selfmon(scrapeOf('discovery.relabel.alloy.output') + '\n' + relabel, METRICS), []);
  });

  test('another port or another host still warns', () => {
    assert.deepEqual(selfmon(scrapeOf('[{"__address__" = "localhost:9090"}]'), METRICS), [METRICS_MISSING]);
    assert.deepEqual(selfmon(scrapeOf('[{"__address__" = "grafana:12345"}]'), METRICS), [METRICS_MISSING]);
  });

  test("the compose service's names and its --server.http.listen-addr port", () => {
    const alloy = host({ names: ['alloy', 'alloy-main'], port: 9000 });
    assert.deepEqual(selfmon(scrapeOf('[{"__address__" = "alloy-main:9000"}]'), METRICS, [alloy]), []);
    assert.deepEqual(selfmon(scrapeOf('[{"__address__" = "localhost:9000"}]'), METRICS, [alloy]), []);
    // Alloy listens on 9000 there, so 12345 is something else.
    assert.deepEqual(selfmon(scrapeOf('[{"__address__" = "localhost:12345"}]'), METRICS, [alloy]), [METRICS_MISSING]);
    // Without a compose service, a service name says nothing.
    assert.deepEqual(selfmon(scrapeOf('[{"__address__" = "alloy-main:9000"}]'), METRICS), [METRICS_MISSING]);
  });

  test('a scheme, a path and upper case around the address; a line break or another target first', () => {
    for (const address of ['http://LocalHost:12345/metrics', 'HTTPS://localhost:12345', 'localhost:12345/metrics?x=1']) {
      assert.deepEqual(selfmon(scrapeOf(`[{"__address__" = "${address}"}]`), METRICS), [], address);
    }
    // The path is cut at the first slash after the last line break: before one it is kept (the port is then no number),
    // after one it is cut (and the port, line break and all, reads as a number).
    assert.deepEqual(selfmon(scrapeOf('[{"__address__" = "localhost:12345/a\\nb"}]'), METRICS), [METRICS_MISSING]);
    assert.deepEqual(selfmon(scrapeOf('[{"__address__" = "localhost:12345\\n/a"}]'), METRICS), []);
    // Alloy's address after others (and after a relabel that leads nowhere) is still found.
    assert.deepEqual(selfmon(scrapeOf('[{"__address__" = "localhost:12345"}, discovery.relabel.none.output, {"__address__" = "api:8080"}]'), METRICS), []);
  });

  test('a self exporter nobody scrapes is no problem when Alloy is scraped by address', () => {
    const text = lines('prometheus.exporter.self "alloy" { }', '') + scrapeOf('[{"__address__" = "localhost:12345"}]');
    assert.deepEqual(selfmon(text, METRICS), []);
  });
});

const DOCKER_LOGS = (relabelRules: string[] = [], forwardTo = '[loki.write.default.receiver]') =>
  [
    lines('discovery.docker "linux" {', '\thost = "unix:///var/run/docker.sock"', '}'),
    lines('discovery.relabel "logs" {', '\ttargets = []', '', ...relabelRules, '}'),
    lines(
      'loki.source.docker "default" {',
      '\thost          = "unix:///var/run/docker.sock"',
      '\ttargets       = discovery.docker.linux.targets',
      '\trelabel_rules = discovery.relabel.logs.rules',
      `\tforward_to    = ${forwardTo}`,
      '}',
    ),
    LOKI_WRITE,
  ].join('\n');

const rule = (action: string, regex: string, label = '__meta_docker_container_name') => [
  '\trule {',
  `\t\tsource_labels = ["${label}"]`,
  `\t\tregex         = "${regex}"`,
  `\t\taction        = "${action}"`,
  '\t}',
];

describe("a log source reading Alloy's container collects its logs", () => {
  test('loki.source.docker over all containers (the self-monitoring scenario): silent', () => {
    const rename = ['\trule {', '\t\tsource_labels = ["__meta_docker_container_name"]', '\t\tregex         = "^/(.*)"', '\t\ttarget_label  = "container"', '\t}'];
    assert.deepEqual(selfmon(DOCKER_LOGS(rename), LOGS), []);
    assert.deepEqual(selfmon(DOCKER_LOGS(rename), LOGS, [host()]), []);
  });

  test('the Docker socket not mounted in the Alloy service: still warns', () => {
    assert.deepEqual(selfmon(DOCKER_LOGS(), LOGS, [host({ dockerSocket: false })]), [LOGS_MISSING]);
  });

  test('a keep rule on other containers does not count; one matching the Alloy service does', () => {
    assert.deepEqual(selfmon(DOCKER_LOGS(rule('keep', '/(nginx|redis)')), LOGS), [LOGS_MISSING]);
    assert.deepEqual(selfmon(DOCKER_LOGS(rule('keep', '.*alloy.*')), LOGS), []);
    assert.deepEqual(selfmon(DOCKER_LOGS(rule('keep', 'alloy', '__meta_docker_container_label_com_docker_compose_service')), LOGS, [host()]), []);
    assert.deepEqual(selfmon(DOCKER_LOGS(rule('drop', '.*alloy.*')), LOGS), [LOGS_MISSING]);
  });

  test('a keep rule on a label whose value is unknown: silent', () => {
    assert.deepEqual(selfmon(DOCKER_LOGS(rule('keep', 'true', '__meta_docker_container_label_logging')), LOGS), []);
  });

  test('a docker source reading named literal targets does not count', () => {
    const text = lines('loki.source.docker "app" {', '\thost       = "unix:///var/run/docker.sock"', '\ttargets    = [{"__meta_docker_container_name" = "/app"}]', '\tforward_to = [loki.write.default.receiver]', '}') + '\n' + LOKI_WRITE;
    assert.deepEqual(selfmon(text, LOGS), [LOGS_MISSING]);
  });

  test('read but forwarded nowhere: logs-not-exported on its forward_to', () => {
    assert.deepEqual(selfmon(DOCKER_LOGS([], '[]'), LOGS), [
      "selfmon/logs-not-exported: Alloy's own logs, read by loki.source.docker.default from its container, never reach a component that sends them out of Alloy.",
    ]);
  });
});

describe("a journald source reading Alloy's unit collects its logs", () => {
  const journal = (attrs: string[]) => lines('loki.source.journal "host" {', ...attrs, '\tforward_to = [loki.write.default.receiver]', '}') + '\n' + LOKI_WRITE;

  test('every unit (no matches), or a match on alloy.service: silent', () => {
    assert.deepEqual(selfmon(journal([]), LOGS), []);
    assert.deepEqual(selfmon(journal(['\tmatches    = "_SYSTEMD_UNIT=alloy.service"']), LOGS), []);
    assert.deepEqual(selfmon(journal(['\tmatches    = "_SYSTEMD_UNIT=docker.service + _SYSTEMD_UNIT=alloy.service"']), LOGS), []);
  });

  test('a match on other units only: still warns', () => {
    assert.deepEqual(selfmon(journal(['\tmatches    = "_SYSTEMD_UNIT=docker.service"']), LOGS), [LOGS_MISSING]);
  });

  test('a relabel keep rule on the unit is evaluated', () => {
    const relabel = (regex: string) => lines('', 'loki.relabel "journal" {', '\tforward_to = []', '', ...rule('keep', regex, '__journal__systemd_unit'), '}');
    assert.deepEqual(selfmon(journal(['\trelabel_rules = loki.relabel.journal.rules']) + relabel('alloy.service'), LOGS), []);
    assert.deepEqual(selfmon(journal(['\trelabel_rules = loki.relabel.journal.rules']) + relabel('(docker|sshd).service'), LOGS), [LOGS_MISSING]);
  });
});

describe("where Alloy's logs go by default", () => {
  test('a Windows configuration: the Windows event log', () => {
    const text = lines('prometheus.exporter.windows "default" { }');
    assert.deepEqual(selfmon(text, LOGS), [`${LOGS_MISSING} As a Windows service, Alloy writes them to the Windows event log by default.`]);
    assert.deepEqual(selfmon(lines('logging {', '\tformat = "json"', '}') + '\n' + text, LOGS), [
      "selfmon/logs-missing: The logging block has no write_to, so no component sends Alloy's own logs on; as a Windows service, Alloy writes them to the Windows event log by default.",
    ]);
  });

  test('a C:\\ path marks a Windows configuration too', () => {
    const text = lines('local.file "token" {', '\tfilename = "C:\\\\ProgramData\\\\token"', '}');
    assert.match(selfmon(text, LOGS)[0] ?? '', /Windows event log by default/);
  });

  test('reading the Application event log on Windows may read Alloy\'s lines: silent', () => {
    const text = lines('loki.source.windowsevent "application" {', '\teventlog_name = "Application"', '\tforward_to    = [loki.write.default.receiver]', '}') + '\n' + LOKI_WRITE;
    assert.deepEqual(selfmon(text, LOGS), []);
  });
});

describe('the explanation of how Alloy\'s own telemetry leaves', () => {
  test('in the analysis result, one sentence per way, and on hover over the block', () => {
    const text = [scrapeOf('[{"__address__" = "localhost:12345"}]'), DOCKER_LOGS(), lines('tracing {', '\twrite_to = []', '}')].join('\n');
    const analysis = analyzeConfiguration([parseFile(FILE, text)], resolveSettings({}).settings);
    assert.deepEqual(analysis.explanation, [
      "Alloy's own metrics are scraped from its HTTP server (localhost:12345/metrics) by prometheus.scrape.alloy and leave Alloy.",
      "Alloy's own logs are read by loki.source.docker.default from its container and leave Alloy.",
      "Alloy's own traces are not exported: there is no tracing block with write_to, so they are dropped.",
    ]);
    const file = parseFile(FILE, text);
    const hover = getHover(buildModel([file]), file, text.indexOf('loki.source.docker') + 3);
    assert.match(hover?.contents ?? '', /\*\*Alloy's own telemetry:\*\* Alloy's own logs are read by loki\.source\.docker\.default from its container and leave Alloy\./);
    const plain = getHover(buildModel([file]), file, text.indexOf('loki.write') + 3);
    assert.doesNotMatch(plain?.contents ?? '', /Alloy's own telemetry/);
  });

  test('the self exporter through discovery.relabel inside array.concat (the self-monitoring scenario)', () => {
    const text = [
      lines('prometheus.exporter.self "health" { }'),
      lines('discovery.relabel "health" {', '\ttargets = prometheus.exporter.self.health.targets', '}'),
      lines('prometheus.scrape "health" {', '\ttargets    = array.concat(discovery.relabel.health.output)', '\tforward_to = [prometheus.remote_write.default.receiver]', '}'),
      REMOTE_WRITE,
    ].join('\n');
    const analysis = analyzeConfiguration([parseFile(FILE, text)], METRICS);
    assert.deepEqual(analysis.findings.filter((f) => f.code.startsWith('selfmon/')), []);
    assert.equal(analysis.explanation[0], "Alloy's own metrics come from prometheus.exporter.self.health, are scraped by prometheus.scrape.health and leave Alloy.");
  });

  test('logs with no write_to and no source: where they go by default', () => {
    const analysis = analyzeConfiguration([parseFile(FILE, lines('logging {', '\tlevel = "info"', '}'))], resolveSettings({}).settings);
    assert.ok(analysis.explanation.includes("Alloy's own logs are not exported: they go where Alloy writes them by default (its standard error, or the Windows event log for a Windows service)."));
  });
});
