/**
 * Checks for any configuration: references to components that do not exist
 * (`undefined-reference`), component names Alloy does not know
 * (`unknown-component`, with "did you mean" fixes) and deprecated stdlib
 * functions (`deprecated-function`, fixed to the new name). Each: what
 * triggers it, what must not, and the exact text of its fix.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkConfiguration, fixAll, isAutoFixable, parseFile, type TextFile } from '../../server/src/languageService';
import { applyEdits } from '../../server/src/fixes/edits';
import { resolveSettings, type Settings } from '../../server/src/settings';
import type { Finding, Fix } from '../../server/src/syntax/diagnostic';

const DIR = '/work/project/alloy';
const FILE = `${DIR}/config.alloy`;

function lines(...ls: string[]): string {
  return `${ls.join('\n')}\n`;
}

/** Self-monitoring off: these checks are about any configuration. */
const SETTINGS: Settings = (() => {
  const { settings, problems } = resolveSettings({ selfMonitoring: { metrics: false, logs: false, traces: false } });
  assert.deepEqual(problems, []);
  return settings;
})();

function checkFiles(files: readonly TextFile[]): Finding[] {
  return checkConfiguration(
    files.map((f) => parseFile(f.path, f.text)),
    SETTINGS,
  );
}

function check(text: string): Finding[] {
  return checkFiles([{ path: FILE, text }]);
}

function ofCode(findings: readonly Finding[], code: string): Finding[] {
  return findings.filter((f) => f.code === code);
}

function only(findings: readonly Finding[], code: string): Finding {
  const found = ofCode(findings, code);
  assert.equal(found.length, 1, `expected one ${code}, got: ${JSON.stringify(findings.map((f) => `${f.code}: ${f.message}`))}`);
  return found[0] as Finding;
}

function preferred(finding: Finding): Fix {
  const fix = finding.fixes?.find((f) => f.isPreferred);
  assert.ok(fix, `${finding.code} has no preferred fix`);
  return fix;
}

/** Applies a fix; the result must parse, lose the finding, and give a fix-all nothing to do. */
function applySound(text: string, finding: Finding, fix: Fix): string {
  const after = applyEdits(
    text,
    fix.edits.filter((e) => e.file === FILE),
  );
  assert.deepEqual(parseFile(FILE, after).parse.diagnostics, []);
  const findings = check(after);
  assert.ok(!findings.some((f) => f.code === finding.code && f.range.start === finding.range.start), `${finding.code} still reported after "${fix.title}"`);
  assert.equal(fixAll([{ path: FILE, text: after }], SETTINGS).size, 0);
  return after;
}

const REMOTE_WRITE = lines(
  'prometheus.remote_write "default" {',
  '\tendpoint {',
  '\t\turl = "http://mimir:9009/api/v1/push"',
  '\t}',
  '}',
);

// ---------------------------------------------------------------------------------------

describe('undefined-reference', () => {
  const scrape = (forwardTo: string) =>
    lines('prometheus.scrape "app" {', '\ttargets    = [{"__address__" = "app:8080"}]', `\tforward_to = ${forwardTo}`, '}');

  test('a reference to a component that does not exist', () => {
    const text = scrape('[prometheus.remote_write.missing.receiver]') + '\n' + REMOTE_WRITE;
    const finding = only(check(text), 'undefined-reference');
    assert.equal(finding.severity, 'error');
    assert.equal(finding.message, 'component "prometheus.remote_write.missing.receiver" does not exist or is out of scope');
    const start = text.indexOf('prometheus.remote_write.missing');
    assert.deepEqual(finding.range, { start, end: start + 'prometheus.remote_write.missing.receiver'.length });
    assert.equal(isAutoFixable('undefined-reference'), false);
  });

  test('in the logging and tracing blocks too', () => {
    const text = lines('logging {', '\twrite_to = [loki.write.nowhere.receiver]', '}', '', 'tracing {', '\twrite_to = [otelcol.exporter.otlp.nowhere.input]', '}');
    assert.deepEqual(
      ofCode(check(text), 'undefined-reference').map((f) => f.message),
      [
        'component "loki.write.nowhere.receiver" does not exist or is out of scope',
        'component "otelcol.exporter.otlp.nowhere.input" does not exist or is out of scope',
      ],
    );
  });

  test('inside a call and a nested block', () => {
    const text = lines(
      'otelcol.exporter.otlphttp "cloud" {',
      '\tclient {',
      '\t\tendpoint = string.format("%s/otlp", local.file.endpoint.content)',
      '\t\tauth     = otelcol.auth.basic.creds.handler',
      '\t}',
      '}',
    );
    assert.deepEqual(
      ofCode(check(text), 'undefined-reference').map((f) => f.message),
      ['component "local.file.endpoint.content" does not exist or is out of scope', 'component "otelcol.auth.basic.creds.handler" does not exist or is out of scope'],
    );
  });

  test('an instance of a declared component that is not there', () => {
    const text = lines('declare "pipeline" {', '\texport "receiver" {', '\t\tvalue = []', '\t}', '}', '', scrape('pipeline.missing.receiver').trimEnd());
    assert.equal(only(check(text), 'undefined-reference').message, 'component "pipeline.missing.receiver" does not exist or is out of scope');
  });

  test('a component defined in another file of the directory is found', () => {
    const files = [
      { path: `${DIR}/config.alloy`, text: scrape('[prometheus.remote_write.default.receiver]') },
      { path: `${DIR}/exporters.alloy`, text: REMOTE_WRITE },
    ];
    assert.deepEqual(ofCode(checkFiles(files), 'undefined-reference'), []);
  });

  test('stdlib calls and constants are not references to components', () => {
    const text = lines(
      'prometheus.remote_write "default" {',
      '\texternal_labels = {',
      '\t\thost = constants.hostname,',
      '\t\tos   = constants.os,',
      '\t}',
      '',
      '\tendpoint {',
      '\t\turl     = sys.env("MIMIR_URL")',
      '\t\theaders = encoding.from_json(string.format("{\\"x\\": %q}", sys.env("X")))',
      '\t}',
      '}',
    );
    assert.deepEqual(check(text), []);
  });

  test('references to custom components, declared or imported, resolve', () => {
    const text = lines(
      'declare "pipeline" {',
      '\texport "receiver" {',
      '\t\tvalue = []',
      '\t}',
      '}',
      '',
      'pipeline "default" { }',
      '',
      'import.file "lib" {',
      '\tfilename = "lib.alloy"',
      '}',
      '',
      'lib.filter "default" { }',
      '',
      'prometheus.scrape "app" {',
      '\ttargets    = [{"__address__" = "app:8080"}]',
      '\tforward_to = [pipeline.default.receiver, lib.filter.default.receiver]',
      '}',
    );
    assert.deepEqual(check(text), []);
  });

  test('module arguments and names inside declare bodies are not checked at the root', () => {
    const text = lines(
      'declare "pipeline" {',
      '\targument "forward_to" { }',
      '',
      '\tloki.process "inner" {',
      '\t\tforward_to = argument.forward_to.value',
      '\t}',
      '',
      '\texport "receiver" {',
      '\t\tvalue = loki.process.inner.receiver',
      '\t}',
      '}',
      '',
      'pipeline "default" {',
      '\tforward_to = [loki.write.default.receiver]',
      '}',
      '',
      'loki.write "default" {',
      '\tendpoint {',
      '\t\turl = "http://loki:3100/loki/api/v1/push"',
      '\t}',
      '}',
    );
    assert.deepEqual(check(text), []);
  });

  test('a module file (with argument blocks) is not checked: its references may name what the caller passes', () => {
    const text = lines('argument "forward_to" { }', '', 'prometheus.scrape "app" {', '\ttargets    = discovery.kubernetes.pods.targets', '\tforward_to = argument.forward_to.value', '}');
    assert.deepEqual(check(text), []);
  });

  test('a file with a syntax error gets no reference findings', () => {
    const text = scrape('[prometheus.remote_write.missing.receiver]') + lines('prometheus.relabel "x" {', '\tforward_to = [');
    const findings = check(text);
    assert.ok(findings.some((f) => f.code === 'syntax'));
    assert.deepEqual(ofCode(findings, 'undefined-reference'), []);
  });

  test('a dotted name that is no component is left alone', () => {
    const text = lines('prometheus.scrape "app" {', '\ttargets    = some.thing.targets', '\tforward_to = []', '}');
    assert.deepEqual(check(text), []);
  });
});

// ---------------------------------------------------------------------------------------

describe('unknown-component', () => {
  test('a typo, with the fix to the right name', () => {
    const text = REMOTE_WRITE.replace('prometheus.remote_write', 'prometheus.remote_writ');
    const finding = only(check(text), 'unknown-component');
    assert.equal(finding.severity, 'error');
    assert.equal(finding.message, 'cannot find the definition of component name "prometheus.remote_writ" (did you mean "prometheus.remote_write"?)');
    assert.deepEqual(finding.range, { start: 0, end: 'prometheus.remote_writ'.length });
    assert.deepEqual(
      finding.fixes?.map((f) => f.title),
      ['Change to prometheus.remote_write'],
    );
    assert.equal(applySound(text, finding, preferred(finding)), REMOTE_WRITE);
  });

  test('old and upstream names lead to the Alloy name', () => {
    const text = lines('otelcol.exporter.logging "console" { }');
    const finding = only(check(text), 'unknown-component');
    assert.match(finding.message, /did you mean "otelcol\.exporter\.debug"/);
    assert.equal(applySound(text, finding, preferred(finding)), lines('otelcol.exporter.debug "console" { }'));
  });

  test('a spelling with an underscore finds the name without one', () => {
    const text = lines('otelcol.exporter.otlp_http "cloud" {', '\tclient {', '\t\tendpoint = "https://otlp.example.com/otlp"', '\t}', '}');
    const finding = only(check(text), 'unknown-component');
    assert.equal(applySound(text, finding, preferred(finding)), text.replace('otlp_http', 'otlphttp'));
  });

  test('a name nothing resembles gets no fix', () => {
    const finding = only(check(lines('foo.bar "x" { }')), 'unknown-component');
    assert.equal(finding.message, 'cannot find the definition of component name "foo.bar"');
    assert.deepEqual(finding.fixes, []);
  });

  test('is not fixed by fix-all: a person chooses the name', () => {
    assert.equal(isAutoFixable('unknown-component'), false);
    const text = REMOTE_WRITE.replace('prometheus.remote_write', 'prometheus.remote_writ');
    assert.equal(fixAll([{ path: FILE, text }], SETTINGS).size, 0);
  });

  // The registered names, recorded from grafana/alloy beside the project (not shipped with it).
  const componentsTxt = join(__dirname, '..', '..', '..', 'shared', 'reference', 'components.txt');
  test('every component Alloy registers is known', { skip: existsSync(componentsTxt) ? false : 'components.txt not found' }, () => {
    const list = readFileSync(componentsTxt, 'utf8');
    const names = list
      .split('\n')
      .map((l) => l.split('\t')[0]?.trim() ?? '')
      .filter((n) => n !== '');
    assert.ok(names.length >= 180, `only ${names.length} names read`);
    const text = names.map((n, i) => `${n} "c${i}" { }\n`).join('\n');
    assert.deepEqual(ofCode(check(text), 'unknown-component'), []);
  });

  test('custom components, declared or imported, are known', () => {
    const text = lines(
      'declare "pipeline" { }',
      '',
      'pipeline "default" { }',
      '',
      'import.git "modules" {',
      '\trepository = "https://github.com/grafana/alloy-modules.git"',
      '\tpath       = "modules/kubernetes/core/metrics.alloy"',
      '}',
      '',
      'modules.kubernetes.pods "default" { }',
    );
    assert.deepEqual(check(text), []);
  });

  test('configuration and service blocks are not components', () => {
    const text = lines(
      'logging {',
      '\tlevel = "info"',
      '}',
      '',
      'tracing {',
      '\tsampling_fraction = 0.1',
      '}',
      '',
      'livedebugging {',
      '\tenabled = true',
      '}',
      '',
      'http { }',
      '',
      'remotecfg { }',
    );
    assert.deepEqual(ofCode(check(text), 'unknown-component'), []);
  });
});

// ---------------------------------------------------------------------------------------

describe('deprecated-function', () => {
  test('env(...) becomes sys.env(...)', () => {
    const text = lines('local.file "token" {', '\tfilename = env("TOKEN_FILE")', '}');
    const finding = only(check(text), 'deprecated-function');
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.message, 'this stdlib function is deprecated; please refer to the documentation for updated usage and alternatives');
    const start = text.indexOf('env(');
    assert.deepEqual(finding.range, { start, end: start + 'env'.length });
    assert.deepEqual(
      finding.fixes?.map((f) => f.title),
      ['Use sys.env'],
    );
    assert.equal(applySound(text, finding, preferred(finding)), lines('local.file "token" {', '\tfilename = sys.env("TOKEN_FILE")', '}'));
    assert.ok(isAutoFixable('deprecated-function'));
  });

  for (const [old, replacement] of [
    ['json_decode', 'encoding.from_json'],
    ['base64_decode', 'encoding.from_base64'],
    ['concat', 'array.concat'],
    ['nonsensitive', 'convert.nonsensitive'],
    ['format', 'string.format'],
    ['to_lower', 'string.to_lower'],
  ] as const) {
    test(`${old} becomes ${replacement}`, () => {
      const text = lines('remote.http "config" {', `\turl = ${old}(sys.env("CONFIG_URL"))`, '}');
      const finding = only(check(text), 'deprecated-function');
      assert.equal(finding.fixes?.[0]?.title, `Use ${replacement}`);
      assert.equal(applySound(text, finding, preferred(finding)), text.replace(`${old}(`, `${replacement}(`));
    });
  }

  test('fix-all replaces every occurrence, nested ones too', () => {
    const text = lines(
      'prometheus.remote_write "default" {',
      '\tendpoint {',
      '\t\turl = format("%s/api/v1/push", env("MIMIR_URL"))',
      '',
      '\t\tbasic_auth {',
      '\t\t\tusername = env("MIMIR_USER")',
      '\t\t\tpassword = env("MIMIR_PASSWORD")',
      '\t\t}',
      '\t}',
      '}',
    );
    assert.equal(ofCode(check(text), 'deprecated-function').length, 4);
    const fixed = fixAll([{ path: FILE, text }], SETTINGS).get(FILE);
    assert.equal(
      fixed,
      lines(
        'prometheus.remote_write "default" {',
        '\tendpoint {',
        '\t\turl = string.format("%s/api/v1/push", sys.env("MIMIR_URL"))',
        '',
        '\t\tbasic_auth {',
        '\t\t\tusername = sys.env("MIMIR_USER")',
        '\t\t\tpassword = sys.env("MIMIR_PASSWORD")',
        '\t\t}',
        '\t}',
        '}',
      ),
    );
    assert.deepEqual(check(fixed ?? ''), []);
    assert.equal(fixAll([{ path: FILE, text: fixed ?? '' }], SETTINGS).size, 0);
  });

  test('fix-all replaces a dozen occurrences of the same function, each with the same message', () => {
    const body = Array.from({ length: 12 }, (_, i) => `\t\tk${i} = json_decode(local.file.f.content)["k${i}"],`);
    const text = lines('local.file "f" {', '\tfilename = "/etc/f.json"', '}', '', 'remote.http "x" {', '\turl     = "http://x"', '\theaders = {', ...body, '\t}', '}');
    const fixed = fixAll([{ path: FILE, text }], SETTINGS).get(FILE) ?? '';
    assert.equal(fixed, text.replaceAll('json_decode(', 'encoding.from_json('));
  });

  test('in a module file too', () => {
    const text = lines('argument "url" { }', '', 'remote.http "x" {', '\turl = env("URL")', '}');
    only(check(text), 'deprecated-function');
  });

  test('the new names, and names that are not calls, are left alone', () => {
    const text = lines(
      'declare "pipeline" {',
      '\targument "env" { }',
      '',
      '\tprometheus.relabel "x" {',
      '\t\tforward_to = []',
      '',
      '\t\trule {',
      '\t\t\ttarget_label = "env"',
      '\t\t\treplacement  = argument.env.value',
      '\t\t}',
      '\t}',
      '}',
      '',
      'pipeline "default" {',
      '\tenv = sys.env("ENVIRONMENT")',
      '}',
      '',
      'prometheus.remote_write "default" {',
      '\texternal_labels = {env = string.format("%s", sys.env("ENV"))}',
      '',
      '\tendpoint {',
      '\t\turl = encoding.from_json(sys.env("ENDPOINTS"))["mimir"]',
      '\t}',
      '}',
    );
    assert.deepEqual(check(text), []);
  });
});
