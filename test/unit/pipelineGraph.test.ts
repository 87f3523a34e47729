/**
 * The pipeline graph's reference lists: what a `forward_to` names, asked once
 * per expression and model (the carriers, entry points and reach of every
 * signal ask about the same attributes).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../server/src/languageService';
import { buildModel, getAttribute } from '../../server/src/semantic/model';
import { PipelineGraph, referenceList } from '../../server/src/semantic/pipelineGraph';

const TEXT = [
  'prometheus.remote_write "rw" {',
  '\tendpoint {',
  '\t\turl = "http://mimir:9009/api/v1/push"',
  '\t}',
  '}',
  'prometheus.relabel "r" {',
  '\tforward_to = [prometheus.remote_write.rw.receiver, prometheus.remote_write.gone.receiver, argument.x.value]',
  '}',
  'prometheus.relabel "one" {',
  '\tforward_to = prometheus.relabel.r.receiver',
  '}',
  'prometheus.relabel "r" {',
  '\tforward_to = []',
  '}',
].join('\n');

describe('reference lists', () => {
  const model = buildModel([parseFile('/c/config.alloy', TEXT)]);
  const r = model.components.get('prometheus.relabel.r');
  const one = model.components.get('prometheus.relabel.one');
  assert.ok(r && one);

  it('lists the components named and says when something else is there, one answer per expression', () => {
    const value = getAttribute(r.block, 'forward_to')?.value;
    const list = referenceList(model, value);
    assert.deepEqual(list.refs.map((ref) => `${ref.component.id} ${ref.exportName}`), ['prometheus.remote_write.rw receiver']);
    assert.equal(list.dynamic, true);
    assert.equal(referenceList(model, value), list, 'asked again: the same answer');
    const single = referenceList(model, getAttribute(one.block, 'forward_to')?.value);
    assert.deepEqual(single.refs.map((ref) => ref.component.id), ['prometheus.relabel.r']);
    assert.equal(single.dynamic, false);
    assert.deepEqual(referenceList(model, undefined), { refs: [], dynamic: false });
  });

  it('answers per model: another parse of the same text is asked anew', () => {
    const other = buildModel([parseFile('/c/config.alloy', TEXT)]);
    const value = getAttribute(other.components.get('prometheus.relabel.r')?.block ?? r.block, 'forward_to')?.value;
    assert.notEqual(referenceList(other, value), referenceList(model, getAttribute(r.block, 'forward_to')?.value));
  });

  it('reaches a sink through the first declaration of a label (a known way out beats an unknown reference)', () => {
    const graph = new PipelineGraph(model);
    assert.equal(graph.attributeReach(one.block, 'forward_to', 'metrics'), 'yes');
    assert.deepEqual([...graph.carriers('metrics')].sort(), ['prometheus.relabel.one', 'prometheus.relabel.r', 'prometheus.remote_write.rw']);
  });

  it('keeps the answers for several exports of one component apart, asked in any order', () => {
    const expected: Record<string, string> = { receiver: 'yes', bogus: 'no', '': 'no' };
    for (const order of [['receiver', 'bogus', ''], ['', 'bogus', 'receiver'], ['bogus', 'receiver', '']]) {
      const graph = new PipelineGraph(model);
      const ask = (): string[] => order.map((e) => graph.reachesSink(r, e, 'metrics'));
      assert.deepEqual(ask(), order.map((e) => expected[e]), order.join(','));
      assert.deepEqual(ask(), order.map((e) => expected[e]), 'asked again');
    }
  });

  it('numbers the components in declaration order, the first of a duplicate id only', () => {
    assert.deepEqual([...model.components.values()].map((c) => `${c.index} ${c.id}`), ['0 prometheus.remote_write.rw', '1 prometheus.relabel.r', '2 prometheus.relabel.one']);
  });
});
