/**
 * The parser's node classes: the fields they compute when read (a block's
 * name parts, a field's key span, the name identifiers of attributes and
 * accesses) are what the parser read, including after syntax errors, and
 * `shiftStmt` copies keep them.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AccessExpr, AttributeStmt, BlockStmt, Expr, ObjectExpr } from '../../server/src/syntax/ast';
import { BlockNode } from '../../server/src/syntax/nodes';
import { parse } from '../../server/src/syntax/parser';
import { shiftStmt } from '../../server/src/syntax/shift';

function firstBlock(text: string): BlockStmt {
  const stmt = parse(text).file.body[0];
  assert.equal(stmt?.kind, 'Block');
  return stmt as BlockStmt;
}

function attributeValue(text: string): Expr {
  const stmt = parse(text).file.body[0];
  assert.equal(stmt?.kind, 'Attribute');
  return (stmt as AttributeStmt).value;
}

const spans = (idents: { name: string; start: number; end: number }[]) => idents.map((p) => [p.name, p.start, p.end]);

describe('block name parts', () => {
  test('written as usual: derived from the name, none stored', () => {
    const block = firstBlock('prometheus.exporter.self "alloy" { }\n');
    assert.deepEqual(spans(block.nameParts), [['prometheus', 0, 10], ['exporter', 11, 19], ['self', 20, 24]]);
    assert.equal((block as BlockNode).parts, undefined);
    assert.deepEqual(spans(firstBlock('logging { }\n').nameParts), [['logging', 0, 7]]);
  });

  test('spaces or comments between the parts: stored as read', () => {
    const block = firstBlock('prometheus . exporter./* c */self { }\n');
    assert.equal(block.name, 'prometheus.exporter.self');
    assert.deepEqual(spans(block.nameParts), [['prometheus', 0, 10], ['exporter', 13, 21], ['self', 29, 33]]);
    assert.notEqual((block as BlockNode).parts, undefined);
  });

  test('a missing part keeps the span of the token found instead', () => {
    const block = firstBlock('a. "l" { }\n');
    assert.equal(block.name, 'a.');
    assert.deepEqual(spans(block.nameParts), [['a', 0, 1], ['', 3, 6]]);
  });

  test('each read is a new array: changing one does not change the block', () => {
    const block = firstBlock('a.b { }\n');
    block.nameParts.pop();
    assert.equal(block.nameParts.length, 2);
  });
});

describe('names read when asked for', () => {
  test("an attribute's name", () => {
    const stmt = parse('  forward_to = []\n').file.body[0] as AttributeStmt;
    assert.deepEqual(spans([stmt.name]), [['forward_to', 2, 12]]);
    assert.equal(stmt.name.kind, 'Ident');
  });

  test("an access's name, and a missing one", () => {
    const access = attributeValue('x = a . receiver\n') as AccessExpr;
    assert.deepEqual(spans([access.name]), [['receiver', 8, 16]]);
    const missing = attributeValue('x = a."s"\n') as AccessExpr;
    assert.equal(missing.kind, 'Access');
    assert.deepEqual(spans([missing.name]), [['', 6, 9]]);
  });

  test("a field's key span: identifier, quoted, empty quotes, missing", () => {
    const object = attributeValue('x = { a = 1, "b.c" = 2, "" = 3 }\n') as ObjectExpr;
    assert.deepEqual(
      object.fields.map((f) => [f.key, f.quoted, f.keySpan.start, f.keySpan.end]),
      [['a', false, 6, 7], ['b.c', true, 13, 18], ['""', false, 24, 26]],
    );
    const broken = attributeValue('x = { = 1 }\n') as ObjectExpr;
    assert.deepEqual(broken.fields.map((f) => [f.key, f.keySpan.start, f.keySpan.end]), [['', 6, 6]]);
  });

  test('kinds are read from the prototype', () => {
    const block = firstBlock('a "b" { c = d.e[0](1, "s") }\n');
    assert.equal(block.kind, 'Block');
    assert.equal(Object.hasOwn(block, 'kind'), false);
    const attr = block.body[0] as AttributeStmt;
    assert.equal(attr.kind, 'Attribute');
    assert.equal(attr.value.kind, 'Call');
  });
});

describe('shiftStmt', () => {
  test('a copy moved by delta is the parse of the text moved by delta, derived and stored parts alike', () => {
    const text = 'a.b "l" {\n  k = { x = y.z }\n}\nc . d { }\n';
    const moved = parse('\n\n\n' + text).file.body;
    const copies = parse(text).file.body.map((s) => shiftStmt(s, 3));
    assert.deepStrictEqual(copies, moved);
    assert.deepEqual(spans(copies[1]?.kind === 'Block' ? copies[1].nameParts : []), [['c', 33, 34], ['d', 37, 38]]);
  });
});
