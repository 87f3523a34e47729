import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getSignatureHelp, type SignatureHelpResult } from '../../server/src/features/signatureHelp';
import { getStdlibParameters, stdlibFunctions } from '../../server/src/semantic/catalogStdlib';
import { parse } from '../../server/src/syntax/parser';

/** Signature help at the `|` of `src`. */
function helpAt(src: string): SignatureHelpResult | undefined {
  const offset = src.indexOf('|');
  assert.ok(offset >= 0);
  return getSignatureHelp({ path: '/cfg/main.alloy', parse: parse(src.slice(0, offset) + src.slice(offset + 1)) }, offset);
}

/** The parameter texts of a result, the active one in brackets. */
function shape(h: SignatureHelpResult | undefined): string {
  assert.ok(h);
  return h.parameters.map((p, i) => (i === h.activeParameter ? `[${h.label.slice(...p.label)}]` : h.label.slice(...p.label))).join(' ');
}

describe('signature help for stdlib calls', () => {
  it('shows sys.env with its parameter name and type', () => {
    const h = helpAt('logging {\n\tlevel = sys.env("LEVEL|")\n}\n');
    assert.equal(h?.label, 'sys.env(name: string) → string');
    assert.match(h?.documentation ?? '', /environment variable/);
    assert.equal(shape(h), '[name: string]');
  });

  it('follows the cursor from one argument to the next, and stays on a variadic last parameter', () => {
    assert.equal(shape(helpAt('a = string.format(|)')), '[format: string] args: any...');
    assert.equal(shape(helpAt('a = string.format("%s-%s", |)')), 'format: string [args: any...]');
    assert.equal(shape(helpAt('a = string.format("%s-%s", "a", "b|")')), 'format: string [args: any...]');
    assert.equal(shape(helpAt('a = string.replace("abc", "b"|, "c")')), 'string: string [old: string] new: string');
  });

  it('works while the call is still being typed, and inside other expressions', () => {
    assert.equal(shape(helpAt('a = string.join(x, |')), 'list: list(string) [separator: string]');
    assert.equal(shape(helpAt('a = [1, string.split(sys.env("X"), |)]')), 'string: string [separator: string]');
    assert.equal(shape(helpAt('a = string.split(sys.env(|), ",")')), '[name: string]');
  });

  it('marks optional parameters and deprecated aliases', () => {
    assert.equal(helpAt('a = array.combine_maps(x, y, |')?.label, 'array.combine_maps(lhs: list(map), rhs: list(map), keys: list(string), [keep_unmatched: bool]) → list(map)');
    assert.match(helpAt('a = env(|)')?.documentation ?? '', /use `sys.env` instead/);
  });

  it('says nothing outside a call, on the callee, or for an unknown function', () => {
    assert.equal(helpAt('a = sys.e|nv("X")'), undefined);
    assert.equal(helpAt('a = sys.env("X")|'), undefined);
    assert.equal(helpAt('a = my_func(|)'), undefined);
    assert.equal(helpAt('a = |1'), undefined);
  });

  it('knows a type for every parameter of every current function', () => {
    for (const f of stdlibFunctions) {
      const params = getStdlibParameters(f.name);
      assert.ok(params && params.length > 0, f.name);
      for (const p of params) assert.ok(p.type !== 'any' || /coalesce|format|from_json|from_yaml/.test(f.name + f.signature), `${f.name} ${p.name}`);
    }
  });
});
