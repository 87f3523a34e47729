import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { interpolate, type Lookup } from '../../server/src/compose/interpolation';

const vars: Record<string, string> = { SET: 'value', EMPTY: '', OTHER: 'other', lower_case: 'lc' };
const lookup: Lookup = (name) => vars[name];
const value = (template: string): string => interpolate(template, lookup).value;

describe('interpolate', () => {
  it('substitutes $VAR and ${VAR}', () => {
    assert.equal(value('a $SET b'), 'a value b');
    assert.equal(value('a ${SET} b'), 'a value b');
    assert.equal(value('${SET}${OTHER}'), 'valueother');
    assert.equal(value('$SET.x'), 'value.x');
    assert.equal(value('$lower_case'), 'lc');
  });

  it('substitutes an unset variable with an empty string, without error', () => {
    const result = interpolate('[${UNSET}][$UNSET]', lookup);
    assert.equal(result.value, '[][]');
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      result.references.map((ref) => [ref.name, ref.operator, ref.isSet]),
      [
        ['UNSET', '', false],
        ['UNSET', '', false],
      ],
    );
  });

  it('treats $$ as a literal $', () => {
    assert.equal(value('$$SET'), '$SET');
    assert.equal(value('price: 5$$'), 'price: 5$');
    assert.equal(value('$${SET}'), '${SET}');
    assert.deepEqual(interpolate('$$SET', lookup).references, []);
  });

  it(':- uses the default when unset or empty, - only when unset', () => {
    assert.equal(value('${UNSET:-d}'), 'd');
    assert.equal(value('${EMPTY:-d}'), 'd');
    assert.equal(value('${SET:-d}'), 'value');
    assert.equal(value('${UNSET-d}'), 'd');
    assert.equal(value('${EMPTY-d}'), '');
    assert.equal(value('${SET-d}'), 'value');
    assert.equal(value('${UNSET:-}'), '');
  });

  it(':+ uses the alternative when set and non-empty, + when set', () => {
    assert.equal(value('${SET:+alt}'), 'alt');
    assert.equal(value('${EMPTY:+alt}'), '');
    assert.equal(value('${UNSET:+alt}'), '');
    assert.equal(value('${SET+alt}'), 'alt');
    assert.equal(value('${EMPTY+alt}'), 'alt');
    assert.equal(value('${UNSET+alt}'), '');
  });

  it(':? fails when unset or empty, ? only when unset, without quoting the message', () => {
    const unset = interpolate('${UNSET:?please set UNSET}', lookup);
    assert.equal(unset.errors.length, 1);
    assert.equal(unset.errors[0]?.kind, 'required');
    assert.equal(unset.errors[0]?.name, 'UNSET');
    assert.doesNotMatch(unset.errors[0]?.message ?? '', /please/);
    assert.equal(interpolate('${EMPTY:?x}', lookup).errors[0]?.kind, 'required');
    assert.deepEqual(interpolate('${EMPTY?x}', lookup).errors, []);
    assert.equal(interpolate('${EMPTY?x}', lookup).value, '');
    assert.equal(interpolate('${UNSET?x}', lookup).errors[0]?.kind, 'required');
    assert.equal(value('${SET:?x}'), 'value');
    assert.equal(value('${SET?x}'), 'value');
  });

  it('interpolates nested defaults', () => {
    assert.equal(value('${UNSET:-${SET}}'), 'value');
    assert.equal(value('${UNSET:-${ALSO_UNSET:-deep}}'), 'deep');
    assert.equal(value('${UNSET:-prefix-${OTHER}-suffix}'), 'prefix-other-suffix');
    assert.equal(value('${SET:-${OTHER}}'), 'value');
    assert.equal(value('${UNSET:-a}b}'), 'ab}');
  });

  it('lists the references of a default only when the default is used', () => {
    const used = interpolate('${UNSET:-${OTHER}}', lookup);
    assert.deepEqual(
      used.references.map((ref) => ref.name),
      ['UNSET', 'OTHER'],
    );
    const unused = interpolate('${SET:-${OTHER}}', lookup);
    assert.deepEqual(
      unused.references.map((ref) => ref.name),
      ['SET'],
    );
  });

  it('keeps defaults with operators inside: ${A:-x?y} and ${A:?x-y}', () => {
    assert.equal(value('${UNSET:-x?y}'), 'x?y');
    const required = interpolate('${UNSET:?x-y}', lookup);
    assert.equal(required.errors[0]?.kind, 'required');
  });

  it('reports invalid templates and keeps going', () => {
    for (const template of ['a $ b', 'trailing $', '${}', '${1A}', '${A B}', '${A:x}', '${UNCLOSED', '$1']) {
      const result = interpolate(template, lookup);
      assert.equal(result.errors[0]?.kind, 'invalid', template);
    }
    assert.equal(value('a $ b $SET'), 'a $ b value');
    assert.equal(value('${UNCLOSED'), '${UNCLOSED');
  });

  it('reports offsets of references and errors', () => {
    const result = interpolate('ab ${SET} $ ${X:-$Y}', lookup);
    assert.deepEqual(
      result.references.map((ref) => [ref.name, ref.offset]),
      [
        ['SET', 3],
        ['X', 12],
        ['Y', 17],
      ],
    );
    assert.equal(result.errors[0]?.offset, 10);
  });

  it('leaves text without $ unchanged', () => {
    assert.deepEqual(interpolate('plain {text}', lookup), { value: 'plain {text}', references: [], errors: [] });
  });
});
