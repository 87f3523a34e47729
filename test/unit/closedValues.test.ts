import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { typeFindings } from '../support/typeFindings';
import { CLOSED_VALUE_SETS } from '../../server/src/semantic/catalogValueSets';
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

  it('names only generated bodies and their string attributes', () => {
    const bodies = (generated as GenCatalog).bodies;
    for (const [id, sets] of CLOSED_VALUE_SETS) {
      for (const name of sets.keys()) {
        assert.equal(bodies[id]?.attributes.find((a) => a.name === name)?.type, 'string', `${id}.${name}`);
      }
    }
  });
});
