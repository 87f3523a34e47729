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

describe('arguments in every scope and of every block', () => {
  it('checks components inside declare bodies and foreach templates', () => {
    assert.deepEqual(
      messages('declare "m" {\n\tremote.http "r" { }\n}\n\nforeach "f" {\n\tcollection = []\n\tvar        = "each"\n\n\ttemplate {\n\t\tloki.source.file "x" {\n\t\t\ttest       = "t"\n\t\t\ttargets    = []\n\t\t\tforward_to = []\n\t\t}\n\t}\n}\n'),
      ['2 missing-required: missing required attribute "url"', '11 unknown-attribute: unrecognized attribute name "test"'],
    );
  });

  it('checks configuration, import and service blocks', () => {
    assert.deepEqual(
      messages('import.file "a" {}\n\nimport.git "g" {\n\trevision = "main"\n\tpath     = "m"\n}\n\nhttp {\n\ttest = "x"\n}\n\nforeach "f" { }\n'),
      [
        '1 missing-required: missing required attribute "filename"',
        '3 missing-required: missing required attribute "repository"',
        '9 unknown-attribute: unrecognized attribute name "test"',
        '12 missing-required: missing required attribute "collection"',
        '12 missing-required: missing required attribute "var"',
        '12 missing-required: missing required block "template"',
      ],
    );
  });

  it('checks instances of custom components against their argument blocks', () => {
    const declare = 'declare "mod" {\n\targument "need" {\n\t\toptional = false\n\t}\n\n\targument "may" {\n\t\toptional = true\n\t}\n}\n\n';
    assert.deepEqual(messages(declare + 'mod "a" {\n\ttest = "x"\n}\n'), ['12 unknown-attribute: unrecognized attribute name "test"', '11 missing-required: missing required attribute "need"']);
    assert.deepEqual(messages(declare + 'mod "b" {\n\tneed = 1\n}\n'), []);
    // An argument whose optional flag is computed: we cannot know, so nothing is said.
    assert.deepEqual(messages('declare "odd" {\n\targument "x" {\n\t\toptional = sys.env("X") == ""\n\t}\n}\n\nodd "c" { }\n'), []);
  });

  it('reports literal values of the wrong type with Alloy\'s message, and only certain ones', () => {
    assert.deepEqual(
      messages('loki.source.file "t" {\n\tforward_to = "wrong"\n\ttargets    = []\n\tencoding   = true\n}\n'),
      ['2 type: expected array, got string', '4 type: expected string, got bool'],
    );
    // Numbers become strings and numeric strings numbers; references and calls are not judged.
    assert.deepEqual(
      messages('loki.source.api "a" {\n\tforward_to = []\n\n\thttp {\n\t\tlisten_address = 10\n\t\tlisten_port    = "3100"\n\t}\n}\n\nloki.source.file "b" {\n\tforward_to = []\n\ttargets    = sys.env("T")\n}\n'),
      [],
    );
  });
});


describe('blocks an edit did not touch', () => {
  const TEXT = 'prometheus.scrape "a" {\n\ttargets = []\n\tscrape_intervall = "10s"\n}\n\nprometheus.scrape "b" {\n\ttargets    = []\n\tforward_to = []\n}\n';
  const render = (file: ReturnType<typeof parseFile>) => checkSchemas(buildModel([file])).map((f) => `${f.file} ${f.range.start}-${f.range.end} ${f.code}: ${f.message}`);

  it('give the findings a fresh check gives, each analysis its own objects', () => {
    const before = parseFile('/t/config.alloy', TEXT);
    const first = checkSchemas(buildModel([before]));
    // Typing inside the second block: the first is handed back by the reparse as it was.
    const text = TEXT.replace('forward_to = []', 'forward_to = [ ]');
    const after = parseFile('/t/config.alloy', text, before);
    assert.equal(after.parse.file.body[0], before.parse.file.body[0]);
    const second = checkSchemas(buildModel([after]));
    assert.deepEqual(render(after), render(parseFile('/t/config.alloy', text)));
    assert.deepEqual(second, first);
    assert.ok(second.every((f, i) => f !== first[i]), 'no finding object shared between analyses');
  });

  it('are checked again under another path, and an edited block is checked anew', () => {
    const before = parseFile('/t/config.alloy', TEXT);
    checkSchemas(buildModel([before]));
    const moved = { path: '/t/other.alloy', parse: before.parse };
    assert.deepEqual(render(moved), render(parseFile('/t/other.alloy', TEXT)));
    const fixed = parseFile('/t/config.alloy', TEXT.replace('scrape_intervall', 'scrape_interval'), before);
    assert.deepEqual(render(fixed), ['/t/config.alloy 0-21 missing-required: missing required attribute "forward_to"']);
  });
});
