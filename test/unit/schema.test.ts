import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSchemas } from '../../server/src/checks/schema';
import { parseFile } from '../../server/src/languageService';
import { buildModel } from '../../server/src/semantic/model';

function messages(text: string): string[] {
  const file = parseFile('/t/config.alloy', text);
  assert.deepEqual(file.parse.diagnostics, []);
  return checkSchemas(buildModel([file])).map((f) => `${file.parse.lineIndex.alloyPosition(f.range.start).line} ${f.code}: ${f.message}`);
}

describe('arguments checked against the catalog', () => {
  it('reports unknown attributes and blocks with Alloy\'s messages', () => {
    assert.deepEqual(
      messages('prometheus.scrape "a" {\n\ttargets    = []\n\tforward_to = []\n\tscrape_intervall = "10s"\n\n\tclustring {\n\t\tenabled = true\n\t}\n}\n'),
      ['4 unknown-attribute: unrecognized attribute name "scrape_intervall"', '6 unknown-block: unrecognized block name "clustring"'],
    );
  });

  it('reports missing required attributes and blocks', () => {
    assert.deepEqual(messages('prometheus.scrape "a" {\n\ttargets = []\n}\n\notelcol.receiver.prometheus "b" { }\n'), [
      '1 missing-required: missing required attribute "forward_to"',
      '5 missing-required: missing required block "output"',
    ]);
  });

  it('reports an attribute given twice, a block used as an attribute, and a label where none is allowed', () => {
    assert.deepEqual(
      messages('logging {\n\tlevel = "info"\n\tlevel = "warn"\n}\n\notelcol.exporter.otlp "c" {\n\tclient = {}\n}\n\nloki.write "d" {\n\tendpoint "x" {\n\t\turl = "http://loki"\n\t}\n}\n'),
      [
        // Components first, then the config blocks.
        '7 schema: "client" must be a block, but is used as an attribute',
        '6 missing-required: missing required block "client"',
        '11 schema: block "endpoint" does not support specifying labels',
        '3 schema: attribute "level" may only be provided once',
      ],
    );
  });

  it('stays silent on a correct configuration, and where the catalog is incomplete', () => {
    assert.deepEqual(
      messages(
        'prometheus.exporter.self "a" { }\n\nprometheus.scrape "b" {\n\ttargets    = prometheus.exporter.self.a.targets\n\tforward_to = [prometheus.remote_write.c.receiver]\n}\n\nprometheus.remote_write "c" {\n\tendpoint {\n\t\turl = "http://mimir/api/v1/push"\n\n\t\tbasic_auth {\n\t\t\tusername = "u"\n\t\t}\n\t}\n}\n',
      ),
      [],
    );
    // No schema (a removed component the code no longer describes): unknown names are not ours to judge.
    assert.deepEqual(messages('prometheus.write.queue "n" {\n\tsome_future_option = true\n}\n'), []);
    // A schema the hand-written catalog never had, now generated: Alloy rejects this.
    assert.deepEqual(messages('prometheus.exporter.unix "n" {\n\tsome_future_option = true\n}\n'), ['2 unknown-attribute: unrecognized attribute name "some_future_option"']);
  });
});
