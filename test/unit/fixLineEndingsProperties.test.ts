/**
 * Property tests (fast-check): `fixAll` keeps a file's BOM and line endings.
 * Configurations that need fixes are mutated line by line to CRLF or LF (any
 * mix), with or without a BOM. Whatever the mix:
 *  - the fixes are the same as on the LF file (same text once endings are normalised);
 *  - every line break that was there is still there, byte for byte (the text
 *    that was not inserted is unchanged but for edits within a line);
 *  - every inserted line break is the file's majority ending (LF on a tie);
 *  - no CR is left alone (no CR CR LF), and the BOM stays exactly when it was there.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diffChars } from 'diff';
import fc from 'fast-check';
import { fixAll } from '../../server/src/languageService';
import { defaultSettings } from '../../server/src/settings';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);
const FILE = '/work/project/config.alloy';

/** Configurations that each need several fixes: blocks appended, attributes inserted, text replaced. */
const CONFIGS = [
  'logging {\n\tlevel = "info"\n}\n',
  `prometheus.exporter.self "alloy" { }

prometheus.scrape "alloy" {
	targets    = prometheus.exporter.self.alloy.targets
	forward_to = [prometheus.remote_write.default.receiver]
}

prometheus.remote_write "default" {
	endpoint {
		url = env("MIMIR_URL")
	}
}

logging {
	format   = "logfmt"
	write_to = [loki.write.default.receiver]
}

loki.write "default" {
	endpoint {
		url = "http://loki:3100/loki/api/v1/push"
	}
}

tracing {
	sampling_fraction = 1
}

otelcol.exporter.otlp "tempo" {
	client {
		endpoint = "tempo:4317"
	}
}`,
];

/** Lines with their endings: the last may have none. */
function splitLines(text: string): { content: string; ending: string }[] {
  const out: { content: string; ending: string }[] = [];
  const re = /([^\r\n]*)(\r\n|\n|$)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '' && m.index >= text.length) break;
    out.push({ content: m[1] ?? '', ending: m[2] ?? '' });
  }
  return out;
}

const BOM = '\uFEFF';

function check(lf: string, crlfLines: boolean[], bom: boolean): void {
  const source = splitLines(lf);
  const mutated = (bom ? BOM : '') + source.map((l, i) => l.content + (l.ending === '' ? '' : crlfLines[i] ? '\r\n' : '\n')).join('');
  const crlfCount = source.filter((l, i) => l.ending !== '' && crlfLines[i]).length;
  const lfCount = source.filter((l, i) => l.ending !== '' && !crlfLines[i]).length;
  const majority = crlfCount > lfCount ? '\r\n' : '\n';

  const expected = fixAll([{ path: FILE, text: lf }], defaultSettings).get(FILE);
  const actual = fixAll([{ path: FILE, text: mutated }], defaultSettings).get(FILE);
  assert.ok(expected !== undefined && actual !== undefined, 'the configuration needs fixes');
  assert.equal(actual.startsWith(BOM), bom, 'the BOM is kept exactly when it was there');
  const body = bom ? actual.slice(1) : actual;
  assert.equal(body.replace(/\r\n/g, '\n'), expected, 'the same fixes as on the LF file');
  assert.doesNotMatch(body, /\r(?!\n)/, 'no lone CR');

  // Inserted line breaks all take the majority ending: the count of the other kind does not change.
  const before = mutated.slice(bom ? 1 : 0);
  const count = (text: string) => ({ crlf: (text.match(/\r\n/g) ?? []).length, lf: (text.match(/(?<!\r)\n/g) ?? []).length });
  const was = count(before);
  const now = count(body);
  if (majority === '\r\n') assert.equal(now.lf, was.lf, 'no LF line is added to a mostly CRLF file');
  else assert.equal(now.crlf, was.crlf, 'no CRLF line is added to a mostly LF file');
  // Every line break of the file is still there, byte for byte: fixes insert and replace within lines only.
  for (const part of diffChars(before, body)) {
    if (part.removed) assert.doesNotMatch(part.value, /[\r\n]/, `a line break was removed: ${JSON.stringify(part.value)}`);
  }
}

describe('fixAll keeps BOM and line endings', () => {
  for (const [index, lf] of CONFIGS.entries()) {
    const lineCount = splitLines(lf).length;
    test(`configuration ${index + 1}: any mix of CRLF and LF, with or without a BOM`, () => {
      fc.assert(
        fc.property(fc.array(fc.boolean(), { minLength: lineCount, maxLength: lineCount }), fc.boolean(), (crlfLines, bom) => check(lf, crlfLines, bom)),
        { numRuns: RUNS },
      );
    });

    test(`configuration ${index + 1}: all CRLF with a BOM, all LF`, () => {
      check(lf, new Array<boolean>(lineCount).fill(true), true);
      check(lf, new Array<boolean>(lineCount).fill(false), false);
    });
  }
});
