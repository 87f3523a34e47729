import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { typeFindings } from '../support/typeFindings';
import generated from '../../server/src/semantic/generated/catalog.json';
import type { GenCatalog } from '../../server/src/semantic/generated/catalogFormat';


const headers = (action: string) => `otelcol.auth.headers "h" {\n\theader {\n\t\tkey = "test"\n\t\taction = ${action}\n\t}\n}\n`;
const relabel = (action: string) =>
  `discovery.relabel "r" {\n\ttargets = []\n\n\trule {\n\t\tsource_labels = ["a"]\n\t\taction = ${action}\n\t}\n}\n`;

describe('closed value sets Alloy enforces', () => {
  it('reports an unknown otelcol.auth.headers action with Alloy\'s message at the value', () => {
    assert.deepEqual(typeFindings(headers('"random"')), ['4:12 unknown action random']);
    // Alloy lower-cases before comparing, and names the value lower-cased.
    assert.deepEqual(typeFindings(headers('"RANDOM"')), ['4:12 unknown action random']);
    assert.deepEqual(typeFindings(headers('"INSERT"')), []);
  });

  it('reports an unknown relabel rule action, case-sensitively, in every component sharing the rule', () => {
    assert.deepEqual(typeFindings(relabel('"keepp"')), ['6:12 unrecognized action type "keepp"']);
    assert.deepEqual(typeFindings(relabel('"Keep"')), ['6:12 unrecognized action type "Keep"']);
    assert.deepEqual(typeFindings(relabel('"labeldrop"')), []);
    assert.deepEqual(
      typeFindings('prometheus.relabel "p" {\n\tforward_to = []\n\n\trule {\n\t\taction = "nope"\n\t}\n}\n'),
      ['5:12 unrecognized action type "nope"'],
    );
  });

  it('stays silent on computed values and on values Go would quote differently', () => {
    assert.deepEqual(typeFindings(headers('sys.env("ACTION")')), []);
    assert.deepEqual(typeFindings(headers('"in" + "sert"')), []);
    assert.deepEqual(typeFindings(relabel('"a\\"b"')), []);
    assert.deepEqual(typeFindings(relabel('"é"')), []);
  });

  it('reads every set from the generated catalog, on string attributes, with one verb for the value', () => {
    const bodies = (generated as GenCatalog).bodies;
    let count = 0;
    for (const [id, body] of Object.entries(bodies)) {
      for (const a of body.attributes) {
        if (!a.valueSet) continue;
        count++;
        assert.equal(a.type, 'string', `${id}.${a.name}`);
        assert.match(a.valueSet.message, /^[^%]*%[qsv][^%]*$/, `${id}.${a.name}`);
        assert.ok(a.valueSet.values.length > 0, `${id}.${a.name}`);
      }
    }
    assert.ok(count >= 20, `${count} attributes with a generated set`);
  });

  it('reports the sets the generator read beyond relabel and headers, in Alloy\'s words', () => {
    assert.deepEqual(typeFindings('logging {\n\tlevel = "verbose"\n}\n'), ['2:10 unrecognized log level "verbose"']);
    assert.deepEqual(typeFindings('logging {\n\tlevel = "debug"\n\tformat = "json"\n}\n'), []);
    assert.deepEqual(
      typeFindings('otelcol.processor.transform "t" {\n\tmetric_statements {\n\t\tcontext = "Gauge"\n\t\tstatements = []\n\t}\n\toutput {}\n}\n'),
      ['3:13 unknown context gauge'],
    );
    assert.deepEqual(
      typeFindings('loki.source.syslog "s" {\n\tforward_to = []\n\tlistener {\n\t\taddress = ":514"\n\t\tsyslog_format = "rfc9999"\n\t}\n}\n'),
      ['5:19 unknown syslog format: rfc9999'],
    );
  });
});
