import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadPackages } from '../../scripts/catalog/goSource';
import { textValueSet } from '../../scripts/catalog/valueSets';
import { closedValueSet } from '../../server/src/semantic/catalogGenerated';

/** The value set the generator reads for type `name` of a one-file package. */
function setOf(go: string, name: string): ReturnType<typeof textValueSet> {
  const root = mkdtempSync(join(tmpdir(), 'alloy-enum-'));
  try {
    writeFileSync(join(root, 'go.mod'), 'module github.com/grafana/alloy\n');
    mkdirSync(join(root, 'demo'));
    writeFileSync(join(root, 'demo/demo.go'), `package demo\n\n${go}\n`);
    const pkg = loadPackages(root).get('github.com/grafana/alloy/demo');
    assert.ok(pkg);
    return textValueSet(pkg, name);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('closed value sets read from Go', () => {
  it('reads a switch over typed constants and literals, with the empty default', () => {
    const go = [
      'type Mode string',
      '',
      'const (',
      '\tModeFast Mode = "fast"',
      '\tModeSlow Mode = "slow"',
      ')',
      '',
      'func (m *Mode) UnmarshalText(text []byte) error {',
      '\tswitch Mode(text) {',
      '\tcase "":',
      '\t\t*m = ModeFast',
      '\tcase ModeFast, ModeSlow,',
      '\t\t"auto":',
      '\t\t*m = Mode(text)',
      '\tdefault:',
      '\t\treturn fmt.Errorf("unrecognized mode %q", string(text))',
      '\t}',
      '\treturn nil',
      '}',
    ].join('\n');
    assert.deepEqual(setOf(go, 'Mode'), { values: ['', 'fast', 'slow', 'auto'], message: 'unrecognized mode %q' });
  });

  it('reads the keys of the map the value is looked up in, and lower-casing', () => {
    const go = [
      'type Kind string',
      '',
      'const KindA Kind = "a"',
      '',
      'var kinds = map[Kind]struct{}{',
      '\tKindA: {},',
      '\t"b":   {},',
      '}',
      '',
      'func (k *Kind) UnmarshalText(text []byte) error {',
      '\tstr := Kind(strings.ToLower(string(text)))',
      '\tif _, ok := kinds[str]; ok {',
      '\t\t*k = str',
      '\t\treturn nil',
      '\t}',
      '\treturn fmt.Errorf("unknown kind %v", str)',
      '}',
    ].join('\n');
    assert.deepEqual(setOf(go, 'Kind'), { values: ['a', 'b'], foldCase: true, message: 'unknown kind %v' });
  });

  it('gives no set when the message says more than the value or the set is computed', () => {
    const twoVerbs = 'type T string\n\nfunc (t *T) UnmarshalText(text []byte) error {\n\tswitch string(text) {\n\tcase "x":\n\t\treturn nil\n\t}\n\treturn fmt.Errorf("bad %q, want one of %s", string(text), all())\n}';
    assert.equal(setOf(twoVerbs, 'T'), undefined);
    const computed = 'type T string\n\nfunc (t *T) UnmarshalText(text []byte) error {\n\tif _, ok := allowed()[string(text)]; !ok {\n\t\treturn fmt.Errorf("bad %q", string(text))\n\t}\n\treturn nil\n}';
    assert.equal(setOf(computed, 'T'), undefined);
    const unknownConst = 'type T string\n\nfunc (t *T) UnmarshalText(text []byte) error {\n\tswitch T(text) {\n\tcase other.Value:\n\t\treturn nil\n\t}\n\treturn fmt.Errorf("bad %q", string(text))\n}';
    assert.equal(setOf(unknownConst, 'T'), undefined);
  });

  it('turns the format string into the message for a value', () => {
    assert.equal(closedValueSet({ values: ['a'], message: 'unrecognized mode %q' }).message('b'), 'unrecognized mode "b"');
    assert.equal(closedValueSet({ values: ['a'], message: 'unknown syslog format: %s' }).message('b'), 'unknown syslog format: b');
  });
});
