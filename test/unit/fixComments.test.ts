/**
 * Every block a self-monitoring fix inserts starts with a comment of our own:
 * what it does and where Alloy's telemetry goes from it. Exact texts, as
 * `alloy fmt` leaves them; a second fix-all changes nothing; the setting
 * `fixes.comments` turns them off.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkConfiguration, fixAll, parseFile } from '../../server/src/languageService';
import { commentLines, route } from '../../server/src/fixes/fixComments';
import { resolveSettings, type Settings } from '../../server/src/settings';
import { parse } from '../../server/src/syntax/parser';
import { format } from '../../server/src/syntax/printer';

const FILE = '/project/config.alloy';

function settingsFrom(raw: unknown): Settings {
  const { settings, problems } = resolveSettings(raw);
  assert.deepEqual(problems, []);
  return settings;
}

const DEFAULTS = settingsFrom({});

/** fixAll's text for FILE, checked to be formatted, clean of self-monitoring findings, and stable. */
function fixed(text: string, settings: Settings = DEFAULTS): string {
  const out = fixAll([{ path: FILE, text }], settings).get(FILE);
  assert.ok(out !== undefined, 'fix-all changed nothing');
  // alloy fmt writes LF; apart from that, it would leave the fixed file as it is.
  assert.equal(format(parse(out)), out.replace(/\r\n/g, '\n'), 'the fixed file is not as alloy fmt writes it');
  const left = checkConfiguration([parseFile(FILE, out)], settings).filter((f) => f.code.startsWith('selfmon/'));
  assert.deepEqual(left.map((f) => f.code), []);
  assert.equal(fixAll([{ path: FILE, text: out }], settings).size, 0, 'a second fix-all changed the file');
  return out;
}

const OTLP = `otelcol.processor.batch "default" {
	output {
		traces  = [otelcol.exporter.otlphttp.cloud.input]
		metrics = [otelcol.exporter.otlphttp.cloud.input]
		logs    = [otelcol.exporter.otlphttp.cloud.input]
	}
}

otelcol.exporter.otlphttp "cloud" {
	client {
		endpoint = "https://otlp.example.com"
	}
}
`;

describe('commented fixes', () => {
  it('over OTLP: each comment names the way through the batch processor to the exporter', () => {
    assert.equal(
      fixed(OTLP),
      `${OTLP}
// Alloy's own metrics, as a target to scrape.
prometheus.exporter.self "alloy" { }

// Sets the job label of Alloy's metrics to "alloy", which becomes service.name over OTLP.
discovery.relabel "alloy" {
	targets = prometheus.exporter.self.alloy.targets

	rule {
		target_label = "job"
		replacement  = "alloy"
	}
}

// Scrapes Alloy's own metrics and sends them through otelcol.receiver.prometheus.alloy and
// otelcol.processor.batch.default to otelcol.exporter.otlphttp.cloud.
prometheus.scrape "alloy" {
	targets    = discovery.relabel.alloy.output
	forward_to = [otelcol.receiver.prometheus.alloy.receiver]
}

// Converts Alloy's metrics to OTLP and passes them through otelcol.processor.batch.default to
// otelcol.exporter.otlphttp.cloud.
otelcol.receiver.prometheus "alloy" {
	output {
		metrics = [otelcol.processor.batch.default.input]
	}
}

// Alloy's own logs, written as JSON, sent through otelcol.receiver.loki.alloy and
// otelcol.processor.batch.default to otelcol.exporter.otlphttp.cloud.
logging {
	level    = "info"
	format   = "json"
	write_to = [otelcol.receiver.loki.alloy.receiver]
}

// Samples 10% of Alloy's own traces and sends them through otelcol.processor.batch.default to
// otelcol.exporter.otlphttp.cloud.
tracing {
	sampling_fraction = 0.1
	write_to          = [otelcol.processor.batch.default.input]
}

// Converts Alloy's logs to OTLP and passes them through otelcol.processor.batch.default to
// otelcol.exporter.otlphttp.cloud.
otelcol.receiver.loki "alloy" {
	output {
		logs = [otelcol.processor.batch.default.input]
	}
}
`,
    );
  });

  it('with nowhere to send anything: the new exporters say where their settings come from', () => {
    const text = 'prometheus.exporter.unix "host" { }\n';
    assert.equal(
      fixed(text),
      `${text}
// Alloy's own metrics, as a target to scrape.
prometheus.exporter.self "alloy" { }

// Scrapes Alloy's own metrics and sends them to prometheus.remote_write.alloy.
prometheus.scrape "alloy" {
	targets    = prometheus.exporter.self.alloy.targets
	forward_to = [prometheus.remote_write.alloy.receiver]
}

// Sends metrics to a Prometheus remote-write endpoint; its URL and credentials come from the
// environment.
prometheus.remote_write "alloy" {
	endpoint {
		url = sys.env("PROMETHEUS_REMOTE_WRITE_URL")

		basic_auth {
			username = sys.env("PROMETHEUS_USERNAME")
			password = sys.env("PROMETHEUS_PASSWORD")
		}
	}
}

// Alloy's own logs, written as JSON, sent to loki.write.alloy.
logging {
	level    = "info"
	format   = "json"
	write_to = [loki.write.alloy.receiver]
}

// Samples 10% of Alloy's own traces and sends them to otelcol.exporter.otlphttp.alloy.
tracing {
	sampling_fraction = 0.1
	write_to          = [otelcol.exporter.otlphttp.alloy.input]
}

// Credentials for the OTLP exporter, from the environment.
otelcol.auth.basic "alloy" {
	client_auth {
		username = sys.env("OTLP_USERNAME")
		password = sys.env("OTLP_API_KEY")
	}
}

// Sends telemetry over OTLP/HTTP; its endpoint comes from the environment.
otelcol.exporter.otlphttp "alloy" {
	client {
		endpoint = sys.env("OTLP_ENDPOINT")
		auth     = otelcol.auth.basic.alloy.handler
	}
}

// Sends logs to Loki; its URL and credentials come from the environment.
loki.write "alloy" {
	endpoint {
		url = sys.env("LOKI_URL")

		basic_auth {
			username = sys.env("LOKI_USERNAME")
			password = sys.env("LOKI_PASSWORD")
		}
	}
}
`,
    );
  });

  it('a rule added to an existing relabel says what it sets', () => {
    const before = `prometheus.exporter.self "alloy" { }

discovery.relabel "alloy" {
	targets = prometheus.exporter.self.alloy.targets
}

prometheus.scrape "alloy" {
	targets    = discovery.relabel.alloy.output
	forward_to = [otelcol.receiver.prometheus.alloy.receiver]
}

otelcol.receiver.prometheus "alloy" {
	output {
		metrics = [otelcol.exporter.otlphttp.cloud.input]
	}
}

otelcol.exporter.otlphttp "cloud" {
	client {
		endpoint = "https://otlp.example.com"
	}
}
`;
    const after = fixed(before, settingsFrom({ selfMonitoring: { logs: false, traces: false } }));
    assert.equal(
      after,
      before.replace(
        '\ttargets = prometheus.exporter.self.alloy.targets\n}',
        '\ttargets = prometheus.exporter.self.alloy.targets\n\n\t// Sets the job label to "alloy", which becomes service.name over OTLP.\n\trule {\n\t\ttarget_label = "job"\n\t\treplacement  = "alloy"\n\t}\n}',
      ),
    );
  });

  it('the sampling target and log format of the settings are what the comments say', () => {
    const out = fixed(OTLP, settingsFrom({ selfMonitoring: { metrics: false, samplingFraction: 0.05, logFormat: 'logfmt' } }));
    assert.match(out, /^\/\/ Samples 5% of Alloy's own traces and sends them through /m);
    assert.match(out, /^\/\/ Alloy's own logs, written as logfmt, sent through /m);
  });

  it('keeps a CRLF file CRLF, comments included', () => {
    const out = fixed(OTLP.replace(/\n/g, '\r\n'), settingsFrom({ selfMonitoring: { metrics: false, logs: false } }));
    assert.ok(out.includes("\r\n// Samples 10% of Alloy's own traces and sends them through otelcol.processor.batch.default to\r\n// otelcol.exporter.otlphttp.cloud.\r\ntracing {\r\n"));
    assert.ok(!/[^\r]\n/.test(out), 'a bare LF');
  });

  it('fixes.comments = false inserts the same blocks without comments', () => {
    const on = fixed(OTLP);
    const off = fixed(OTLP, settingsFrom({ fixes: { comments: false } }));
    assert.equal(off, on.replace(/^\/\/ .*\n/gm, ''));
    assert.ok(!off.slice(OTLP.length).includes('//'));
  });

  it('refuses a fixes.comments that is not a boolean', () => {
    assert.deepEqual(resolveSettings({ fixes: { comments: 'yes' } }).problems, ['fixes.comments must be true or false']);
  });
});

describe('comment wording', () => {
  it('names the way the signal goes', () => {
    assert.equal(route([]), undefined);
    assert.equal(route(['a.b.c']), 'to a.b.c');
    assert.equal(route(['a', 'b']), 'through a to b');
    assert.equal(route(['a', 'b', 'c', 'd']), 'through a, b and c to d');
  });

  it('wraps long sentences at word boundaries, never splitting a word', () => {
    const long = `Sends them ${'x'.repeat(120)} onward.`;
    assert.deepEqual(commentLines(long), ['Sends them', 'x'.repeat(120), 'onward.']);
    assert.ok(commentLines('word '.repeat(60).trim()).every((line) => line.length <= 96));
  });
});
