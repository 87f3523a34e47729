import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkStdlibShadowing } from '../../server/src/checks/shadowing';
import { parseFile } from '../../server/src/languageService';
import { buildModel } from '../../server/src/semantic/model';

function warnings(text: string): string[] {
  const file = parseFile('/t/main.alloy', text);
  return checkStdlibShadowing(buildModel([file])).map((f) => {
    const at = file.parse.lineIndex.alloyPosition(f.range.start);
    return `${at.line}:${at.column} ${f.severity} ${f.message}`;
  });
}

describe('components shadowing the stdlib', () => {
  it('warns where a reference reaches a component through a stdlib name', () => {
    const text = 'declare "sys" {\n\texport "env" {\n\t\tvalue = "x"\n\t}\n}\n\nsys "sys" {}\n\nlocal.file "f" {\n\tfilename = sys.sys.env\n}\n';
    assert.deepEqual(warnings(text), ['10:13 warning a component is shadowing an existing stdlib name']);
  });

  it('says nothing about stdlib calls and ordinary references', () => {
    const text = 'local.file "a" {\n\tfilename = sys.env("F")\n}\n\nlocal.file "b" {\n\tfilename = local.file.a.content\n}\n';
    assert.deepEqual(warnings(text), []);
  });
});
