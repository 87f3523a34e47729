import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { componentDocUrl, getDocumentLinks } from '../../server/src/features/documentLinks';
import { buildModel, type SourceFile } from '../../server/src/semantic/model';
import { parse } from '../../server/src/syntax/parser';
import { LIB, MAIN } from '../support/navigationFixture';

function links(text: string, path = '/cfg/main.alloy'): string[] {
  const file: SourceFile = { path, parse: parse(text) };
  return getDocumentLinks(buildModel([file]), file).map((l) => `${text.slice(l.range.start, l.range.end)} → ${l.target.kind === 'file' ? l.target.path : l.target.url}`);
}

describe('document links', () => {
  it('links the import.file filename to the file and each built-in component to its documentation page', () => {
    assert.deepEqual(links(MAIN), [
      '../mods/lib.alloy → /mods/lib.alloy',
      'prometheus.exporter.self → https://grafana.com/docs/alloy/latest/reference/components/prometheus/prometheus.exporter.self/',
      'prometheus.scrape → https://grafana.com/docs/alloy/latest/reference/components/prometheus/prometheus.scrape/',
    ]);
  });

  it('links components inside declare bodies, and local.file filenames; not custom components', () => {
    assert.deepEqual(links(LIB, '/mods/lib.alloy'), ['prometheus.relabel → https://grafana.com/docs/alloy/latest/reference/components/prometheus/prometheus.relabel/']);
    assert.deepEqual(links('local.file "token" {\n\tfilename = "secrets/token"\n}\n'), [
      'local.file → https://grafana.com/docs/alloy/latest/reference/components/local/local.file/',
      'secrets/token → /cfg/secrets/token',
    ]);
    assert.deepEqual(links('declare "prometheus_thing" { }\nprometheus_thing "a" { }\n'), []);
  });

  it('stays silent on computed filenames, unknown components and files without a path', () => {
    assert.deepEqual(links('import.file "m" {\n\tfilename = file.path_join(module_path, "x.alloy")\n}\nprometheus.scrapy "a" { }\n'), []);
    assert.deepEqual(links('import.file "m" {\n\tfilename = "x.alloy"\n}\n', 'untitled:Untitled-1'), []);
  });

  it('builds the documentation URL from the namespace and the name', () => {
    assert.equal(componentDocUrl('otelcol.exporter.otlphttp'), 'https://grafana.com/docs/alloy/latest/reference/components/otelcol/otelcol.exporter.otlphttp/');
  });
});
