import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadPackages } from '../../scripts/catalog/goSource';
import { stdlibFacts } from '../../scripts/catalog/stdlib';
import { generatedStdlib } from '../../server/src/semantic/catalogGenerated';
import { getStdlibFunction, getStdlibParameters, stdlibArity, stdlibFunctions } from '../../server/src/semantic/catalogStdlib';

describe('stdlib arity and stability from the generated catalog', () => {
  it('reads the arity of functions Alloy defines and names the Go functions it binds', () => {
    const byName = new Map(generatedStdlib().map((s) => [s.name, s]));
    assert.deepEqual(byName.get('array.group_by')?.arity, { min: 3, max: 3 });
    assert.deepEqual(byName.get('array.combine_maps')?.arity, { min: 3, max: 4 });
    assert.deepEqual(byName.get('coalesce')?.arity, { min: 0 });
    assert.deepEqual(byName.get('json_path')?.arity, { min: 2, max: 2 });
    assert.deepEqual(byName.get('encoding.from_json')?.arity, { min: 1, max: 1 });
    assert.equal(byName.get('string.join')?.goFunction, 'strings.Join');
    assert.equal(byName.get('constants')?.arity, undefined, 'a map of values is no function');
  });

  it('knows the arity of every function, and every signature agrees with it', () => {
    for (const f of stdlibFunctions) {
      const arity = stdlibArity(f.name);
      assert.ok(arity, `${f.name} has an arity`);
      const params = getStdlibParameters(f.name) ?? [];
      if (arity.max === undefined) {
        assert.equal(params.length, arity.min + 1, `${f.signature}: ${arity.min} and more`);
        assert.equal(params[params.length - 1]?.variadic, true, f.signature);
      } else {
        assert.equal(params.length, arity.max, `${f.signature}: at most ${arity.max}`);
        assert.equal(params.filter((p) => !p.optional).length, arity.min, `${f.signature}: at least ${arity.min}`);
      }
    }
  });

  it('takes stability from the generated catalog', () => {
    const experimental = generatedStdlib().filter((s) => s.stability === 'experimental').map((s) => s.name).sort();
    assert.deepEqual(stdlibFunctions.filter((f) => f.experimental === true).map((f) => f.name).sort(), experimental);
    assert.deepEqual(getStdlibFunction('array.combine_maps')?.arity, { min: 3, max: 4 });
  });

  it('counts parameters in the generator: declared functions, raw functions, Go functions', () => {
    const root = mkdtempSync(join(tmpdir(), 'alloy-stdlib-'));
    try {
      writeFileSync(join(root, 'go.mod'), 'module github.com/grafana/alloy\n');
      mkdirSync(join(root, 'syntax/internal/stdlib'), { recursive: true });
      writeFileSync(join(root, 'syntax/internal/stdlib/stdlib.go'), [
        'package stdlib',
        '',
        'var ExperimentalIdentifiers = map[string]bool{',
        '\t"demo.pair": true,',
        '}',
        '',
        'var Identifiers = map[string]any{',
        '\t"demo":  demo,',
        '\t"first": first,',
        '}',
        '',
        'var demo = map[string]any{',
        '\t"pair":  pair,',
        '\t"upper": strings.ToUpper,',
        '\t"join2": join2,',
        '}',
        '',
        'func join2(sep string, parts ...string) (string, error) { return "", nil }',
        '',
        'var pair = value.RawFunction(func(funcValue value.Value, args ...value.Value) (value.Value, error) {',
        '\tif len(args) != 1 && len(args) != 2 {',
        '\t\treturn value.Null, fmt.Errorf("pair: expected 1 or 2 arguments, got %d", len(args))',
        '\t}',
        '\treturn value.Null, nil',
        '})',
        '',
        'var first = value.RawFunction(func(funcValue value.Value, args ...value.Value) (value.Value, error) {',
        '\tif len(args) < 1 {',
        '\t\treturn value.Null, fmt.Errorf("first: expected an argument")',
        '\t}',
        '\treturn args[0], nil',
        '})',
        '',
      ].join('\n'));
      const facts = stdlibFacts(loadPackages(root).get('github.com/grafana/alloy/syntax/internal/stdlib'));
      assert.deepEqual(facts, [
        { name: 'demo.join2', stability: 'generally-available', arity: { min: 1 } },
        { name: 'demo.pair', stability: 'experimental', arity: { min: 1, max: 2 } },
        { name: 'demo.upper', stability: 'generally-available', goFunction: 'strings.ToUpper' },
        { name: 'first', stability: 'generally-available', arity: { min: 1 } },
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
