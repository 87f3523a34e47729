import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatRefusal } from '../../client/src/formatNotice';

describe('the notice when Format Document leaves a broken file alone', () => {
  it('names the first syntax error and how many more there are', () => {
    assert.equal(
      formatRefusal('config.alloy', [
        { line: 9, message: 'expected }, got EOF' },
        { line: 2, message: "illegal character U+003B ';'" },
      ]),
      "config.alloy was not formatted: it has a syntax error on line 3 (and 1 more): illegal character U+003B ';'. Fix it and format again.",
    );
  });

  it('says nothing when there is no syntax error (the file was already formatted)', () => {
    assert.equal(formatRefusal('config.alloy', []), undefined);
  });
});
