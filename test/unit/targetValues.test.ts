import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { typeFindings } from '../support/typeFindings';
import { getComponent } from '../../server/src/semantic/catalog';


const source = (targets: string) => `loki.source.file "t" {\n\tforward_to = []\n\ttargets = ${targets}\n}\n`;

describe('values Alloy cannot convert to a target', () => {
  it('knows discovery.Target-typed attributes from the generated catalog', () => {
    assert.equal(getComponent('loki.source.file')?.attributes.find((a) => a.name === 'targets')?.type, 'list(target)');
  });

  it('reports a literal number with the Go type Alloy names, at the element', () => {
    assert.deepEqual(typeFindings(source('[10]')), ["3:13 target::ConvertFrom: conversion from 'int64' is not supported"]);
    assert.deepEqual(typeFindings(source('[18446744073709551615]')), ["3:13 target::ConvertFrom: conversion from 'uint64' is not supported"]);
    assert.deepEqual(typeFindings(source('[1.5]')), ["3:13 target::ConvertFrom: conversion from 'float64' is not supported"]);
  });

  it('reports literal strings and booleans, only the first element Alloy stops at', () => {
    assert.deepEqual(typeFindings(source('[{"a" = "b"}, "x", true]')), ["3:26 target::ConvertFrom: conversion from 'string' is not supported"]);
    assert.deepEqual(typeFindings(source('[null, false]')), ["3:19 target::ConvertFrom: conversion from 'bool' is not supported"]);
  });

  it('stays silent on objects, null, computed values and after an element it cannot judge', () => {
    assert.deepEqual(typeFindings(source('[{"__path__" = "/var/log/*.log"}, null]')), []);
    assert.deepEqual(typeFindings(source('[sys.env("T")]')), []);
    assert.deepEqual(typeFindings(source('[-1]')), []);
    assert.deepEqual(typeFindings(source('[[1], 10]')), []);
    assert.deepEqual(typeFindings(source('discovery.relabel.r.output')), []);
  });

  it('keeps the plain type error for a non-list value', () => {
    assert.deepEqual(typeFindings(source('"x"')), ['3:12 expected array, got string']);
  });
});
