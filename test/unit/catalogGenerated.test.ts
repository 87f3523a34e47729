import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { packageDefaults } from '../../scripts/catalog/goDefaults';
import { catalogText, catalogUpToDate, generateCatalog } from '../../scripts/catalog/main';
import { getCompletions } from '../../server/src/features/completion';
import { getHover } from '../../server/src/features/hover';
import { allComponents, getComponent, getConfigBlock, resolveBody } from '../../server/src/semantic/catalog';
import { CATALOG_NOTES } from '../../server/src/semantic/catalogNotes';
import { overlayMismatches } from '../../server/src/semantic/catalogOverlay';
import { buildModel, type SourceFile } from '../../server/src/semantic/model';
import generated from '../../server/src/semantic/generated/catalog.json';
import type { GenCatalog } from '../../server/src/semantic/generated/catalogFormat';
import { parse } from '../../server/src/syntax/parser';

/** A copy of `../shared/reference/components.txt` (name, stability), so a fresh clone can run this. */
const REFERENCE = resolve(__dirname, '../fixtures/catalog/components.txt');

function at(main: string): { file: SourceFile; offset: number; model: ReturnType<typeof buildModel> } {
  const offset = main.indexOf('|');
  const file: SourceFile = { path: '/cfg/main.alloy', parse: parse(main.slice(0, offset) + main.slice(offset + 1)) };
  return { file, offset, model: buildModel([file]) };
}

describe('generated catalog', () => {
  it('has every component of the reference list, with its stability', () => {
    const rows = readFileSync(REFERENCE, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => l.split('\t'));
    assert.equal(rows.length, 184);
    for (const [name, stability] of rows) {
      assert.ok(name !== undefined && getComponent(name), `${name} in the catalog`);
      assert.equal(getComponent(name)?.stability, stability, name);
    }
  });

  it('has an overlay that names only what the generated catalog has', () => {
    assert.deepEqual(overlayMismatches(generated as GenCatalog, CATALOG_NOTES), []);
    assert.ok(Object.keys(CATALOG_NOTES.components).length >= 184, 'every component is described');
  });

  it('has configuration blocks whose flows name arguments of their generated bodies', () => {
    for (const name of (generated as GenCatalog).configBlocks.map((b) => b.name)) {
      const block = getConfigBlock(name);
      assert.ok(block, name);
      for (const flow of block.flows ?? []) {
        const path = flow.output.split('.');
        const body = resolveBody(block, path.slice(0, -1));
        const last = path[path.length - 1];
        assert.ok(body?.attributes.some((a) => a.name === last) || body?.blocks.some((b) => b.name === last), `${name}: ${flow.output}`);
      }
    }
  });

  it('reports every kind of name the overlay could get wrong', () => {
    const found = overlayMismatches(generated as GenCatalog, {
      components: {
        'loki.nope': { doc: 'x' },
        'loki.write': { doc: 'x', flows: [{ input: 'receiverr', inSignal: 'logs', output: 'endpoint.nope', outSignal: 'logs' }] },
      },
      bodies: {
        'internal/component/nope.Arguments': { a: 'x' },
        'internal/component/common/relabel.Config': {
          nope: 'x',
          action: { doc: 'x', enum: ['keep'] },
          regex: { doc: 'x', default: '"(.*)"' },
        },
        'internal/component/loki/write.Arguments': { endpoint: { doc: 'x' } },
      },
      exports: {
        'internal/component/loki/write.Exports': { nope: 'x' },
        'internal/component/common/relabel.Config': { action: 'x' },
      },
    });
    assert.deepEqual(found, [
      'loki.nope: no such component',
      'loki.write: flow output endpoint.nope is not an argument',
      'loki.write: flow input receiverr is not an export',
      'internal/component/nope.Arguments: no such body',
      'internal/component/common/relabel.Config: no attribute or block nope',
      'internal/component/common/relabel.Config: action has a generated value set',
      'internal/component/loki/write.Arguments: block endpoint takes a description only',
      'internal/component/loki/write.Exports: no export nope',
      'internal/component/common/relabel.Config: no component exports this body',
    ]);
  });

  it('knows releases: when components appeared and the one removed', () => {
    assert.equal(getComponent('prometheus.write.queue')?.added, '1.5.0');
    assert.equal(getComponent('prometheus.write.queue')?.removed, '1.19.0');
    assert.equal(getComponent('otelcol.receiver.filelog')?.added, '1.7.0');
    assert.equal(getComponent('prometheus.scrape')?.added, undefined, 'there since v1.0.0');
    assert.match(getComponent('loki.write')?.docsUrl ?? '', /^https:\/\/grafana\.com\/docs\/alloy\/latest\/reference\/components\/loki\/loki\.write\/$/);
  });

  it('carries the literal defaults of the Go code', () => {
    const batch = getComponent('otelcol.processor.batch');
    assert.equal(batch?.attributes.find((a) => a.name === 'send_batch_size')?.default, '2000');
    assert.equal(batch?.attributes.find((a) => a.name === 'timeout')?.default, '"200ms"');
  });

  it('describes every component, with closed bodies wherever the Go types resolve', () => {
    const closed = allComponents().filter((c) => c.complete).length;
    assert.equal(closed, 184, 'all but the removed component');
    const unix = getComponent('prometheus.exporter.unix');
    assert.ok(unix?.blocks.some((b) => b.name === 'filesystem'));
    // Types from other Go modules stay unknown rather than guessed.
    assert.equal(unix?.attributes.find((a) => a.name === 'set_collectors')?.type, 'unknown');
  });

  it('gives the configuration blocks their generated bodies and keeps the overlay docs', () => {
    const logging = getConfigBlock('logging');
    assert.ok(logging?.attributes.some((a) => a.name === 'write_to'));
    assert.match(logging?.attributes.find((a) => a.name === 'format')?.doc ?? '', /./);
    assert.ok(resolveBody(getConfigBlock('http') ?? logging!, ['tls']));
  });
});

describe('completion and hover on components only the generated catalog describes', () => {
  it('completes the blocks and attributes of discovery.kubernetes', () => {
    const { model, file, offset } = at('discovery.kubernetes "k" {\n\t|\n}\n');
    const labels = getCompletions(model, file, offset).map((i) => i.label);
    for (const name of ['role', 'namespaces', 'selectors', 'api_server']) assert.ok(labels.includes(name), `${name} offered (${labels.join(', ')})`);
  });

  it('completes inside a block of prometheus.exporter.unix', () => {
    const { model, file, offset } = at('prometheus.exporter.unix "u" {\n\tfilesystem {\n\t\t|\n\t}\n}\n');
    const labels = getCompletions(model, file, offset).map((i) => i.label);
    assert.ok(labels.includes('mount_points_exclude'), labels.join(', '));
  });

  it('hovers an attribute of otelcol.receiver.filelog with its generated type', () => {
    const { model, file, offset } = at('otelcol.receiver.filelog "f" {\n\tinc|lude = ["/var/log/*.log"]\n\toutput {}\n}\n');
    const h = getHover(model, file, offset);
    assert.match(h?.contents ?? '', /\*\*include\*\* `list\(string\)`/);
    assert.match(h?.contents ?? '', /required/);
  });
});

describe('the generator', () => {
  /** A tiny checkout: two packages, squash, enum, label, a pointer block, a type of another module. */
  function fakeCheckout(): string {
    const root = mkdtempSync(join(tmpdir(), 'alloy-checkout-'));
    const write = (path: string, text: string): void => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('go.mod', 'module github.com/grafana/alloy\n\ngo 1.22\n');
    write('internal/component/common/net/net.go', [
      'package net',
      '',
      '// ServerConfig is shared.',
      'type ServerConfig struct {',
      '\tAddress string `alloy:"address,attr,optional"`',
      '\tPort    int    `alloy:"port,attr"` // required',
      '}',
      '',
    ].join('\n'));
    write('internal/component/demo/thing/thing.go', [
      'package thing',
      '',
      'import (',
      '\t"time"',
      '',
      '\tnet "github.com/grafana/alloy/internal/component/common/net"',
      '\t"github.com/grafana/alloy/internal/featuregate"',
      '\t"github.com/other/module/units"',
      ')',
      '',
      'func init() {',
      '\tcomponent.Register(component.Registration{',
      '\t\tName:      "demo.thing",',
      '\t\tStability: featuregate.StabilityExperimental,',
      '\t\tArgs:      Arguments{},',
      '\t\tExports:   Exports{},',
      '\t})',
      '}',
      '',
      'type Arguments struct {',
      '\tnet.ServerConfig `alloy:",squash"`',
      '\tTimeout  time.Duration  `alloy:"timeout,attr,optional"`',
      '\tSize     units.Bytes    `alloy:"size,attr,optional"`',
      '\tRules    []*Rule        `alloy:"rule,block,optional"`',
      '\tStages   []Stage        `alloy:"stage,enum,optional"`',
      '\tinternal string',
      '}',
      '',
      'type Rule struct {',
      '\tName   string            `alloy:",label"`',
      '\tLabels map[string]string `alloy:"labels,attr"`',
      '}',
      '',
      'type Stage struct {',
      '\tJSON *Rule `alloy:"json,block,optional"`',
      '}',
      '',
      'type Exports struct {',
      '\tAddress string `alloy:"address,attr"`',
      '}',
      '',
      'var DefaultArguments = Arguments{',
      '\tTimeout: 90 * time.Second,',
      '\tSize:    units.MiB,',
      '}',
      '',
      'func (a *Arguments) SetToDefault() {',
      '\t*a = DefaultArguments',
      '}',
      '',
    ].join('\n'));
    write('CHANGELOG.md', '## [1.2.0](x) (2026-01-01)\n\n### Features\n\n* Add a `demo.thing` component (#1)\n\nv1.1.0\n------\n\n- Fix `demo.thing`.\n');
    return root;
  }

  it('reads tags across packages: squash, enum, labels, required, unknown types, versions', () => {
    const root = fakeCheckout();
    try {
      const out = generateCatalog(root) as {
        alloy: { newestRelease: string };
        components: { name: string; stability: string; added?: string; arguments: string; exports: string }[];
        bodies: Record<string, { attributes: { name: string; type: string; required: boolean }[]; blocks: { name: string; repeatable: boolean; body: string }[]; label?: boolean; closed: boolean }>;
      };
      assert.equal(out.alloy.newestRelease, '1.2.0');
      const [thing] = out.components;
      assert.deepEqual({ name: thing?.name, stability: thing?.stability, added: thing?.added }, { name: 'demo.thing', stability: 'experimental', added: '1.2.0' });
      const args = out.bodies[thing?.arguments ?? ''];
      assert.deepEqual(args?.attributes, [
        { name: 'address', required: false, type: 'string' },
        { name: 'port', required: true, type: 'number' },
        { name: 'timeout', required: false, type: 'duration', default: '"90s"' },
        { name: 'size', required: false, type: 'unknown' },
      ]);
      assert.deepEqual(args?.blocks.map((b) => [b.name, b.repeatable]), [['rule', true], ['stage.json', true]]);
      const rule = out.bodies[args?.blocks[0]?.body ?? ''];
      assert.equal(rule?.label, true);
      assert.deepEqual(rule?.attributes, [{ name: 'labels', required: true, type: 'map(string)' }]);
      assert.deepEqual(out.bodies[thing?.exports ?? '']?.attributes, [{ name: 'address', required: true, type: 'string' }]);
      // Deterministic: the same checkout gives the same bytes.
      assert.equal(JSON.stringify(generateCatalog(root)), JSON.stringify(out));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('checks that a catalog file is what the checkout generates, byte for byte', () => {
    const root = fakeCheckout();
    try {
      const file = join(root, 'catalog.json');
      assert.equal(catalogUpToDate(root, file), false, 'no file yet');
      writeFileSync(file, catalogText(root));
      assert.equal(catalogUpToDate(root, file), true);
      writeFileSync(file, catalogText(root).replace('\n', '\r\n'));
      assert.equal(catalogUpToDate(root, file), false, 'one byte changed');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('never throws on Go it does not understand', () => {
    const root = fakeCheckout();
    try {
      writeFileSync(join(root, 'internal/component/demo/thing/odd.go'), 'package thing\n\ntype Weird struct {\n\tA chan<- int `alloy:"a,attr"`\n\tB func() `alloy:"b,attr"\n}\ntype (\n\tG[T any] struct{ X T }\n)\n');
      assert.doesNotThrow(() => generateCatalog(root));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('takes defaults only from a SetToDefault that is the one assignment', () => {
    const pure = 'var DefaultA = A{\n\tN: 5,\n\tS: "x",\n\tD: 2 * time.Minute,\n\tC: computed(),\n}\n\nfunc (a *A) SetToDefault() {\n\t*a = DefaultA\n\ta.Inner.SetToDefault()\n}\n';
    const impure = 'func (b *B) SetToDefault() {\n\t*b = B{N: 1}\n\tb.N = 2\n}\n';
    const defaults = packageDefaults([pure, impure]);
    assert.deepEqual([...(defaults.get('A') ?? [])], [['N', '5'], ['S', '"x"'], ['D', '"2m"']]);
    assert.equal(defaults.has('B'), false);
  });
});

