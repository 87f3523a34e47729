import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dotEnvMap, parseDotEnv } from '../../server/src/compose/dotenv';

function values(text: string, host: Record<string, string> = {}): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  for (const [key, entry] of dotEnvMap(parseDotEnv(text, (name) => host[name]))) result[key] = entry.value;
  return result;
}

describe('parseDotEnv', () => {
  it('reads KEY=value, export, comments and blank lines', () => {
    const text = ['# a comment', '', 'A=1', 'export B=two', '   # indented comment', 'C = spaced ', 'D.E-F=dotted'].join('\n');
    assert.deepEqual(values(text), { A: '1', B: 'two', C: 'spaced', 'D.E-F': 'dotted' });
  });

  it('reads empty values', () => {
    assert.deepEqual(values('EMPTY=\nQUOTED=""\nSINGLE=\'\'\nCOMMENT= # just a comment'), {
      EMPTY: '',
      QUOTED: '',
      SINGLE: '',
      COMMENT: '',
    });
  });

  it('strips inline comments only after whitespace in unquoted values', () => {
    assert.deepEqual(values('A=value # comment\nB=value#not-a-comment\nC=a  #b'), {
      A: 'value',
      B: 'value#not-a-comment',
      C: 'a',
    });
  });

  it('reads double-quoted values with escapes and interpolation', () => {
    const text = 'BASE=root\nA="x # not a comment" # comment\nB="line1\\nline2\\t\\"q\\""\nC="${BASE}/dir"\nD="multi\nline"';
    assert.deepEqual(values(text), {
      BASE: 'root',
      A: 'x # not a comment',
      B: 'line1\nline2\t"q"',
      C: 'root/dir',
      D: 'multi\nline',
    });
  });

  it('reads single-quoted values literally', () => {
    assert.deepEqual(values("A='$OTHER ${X}'\nB='it\\'s'\nC='a\\tb'", { OTHER: 'no' }), {
      A: '$OTHER ${X}',
      B: "it's",
      C: 'a\\tb',
    });
  });

  it('interpolates unquoted values from the host first, then earlier keys', () => {
    assert.deepEqual(values('A=file\nB=$A-${HOSTVAR:-dflt}\nC=${A}', { A: 'host' }), { A: 'file', B: 'host-dflt', C: 'host' });
  });

  it('takes a bare KEY from the host, or leaves it unset', () => {
    const parsed = parseDotEnv('FROM_HOST\nNOT_SET\n', (name) => (name === 'FROM_HOST' ? 'h' : undefined));
    assert.deepEqual(
      parsed.entries.map((entry) => [entry.key, entry.value, entry.inherited]),
      [
        ['FROM_HOST', 'h', true],
        ['NOT_SET', undefined, true],
      ],
    );
    assert.deepEqual(parsed.problems, []);
  });

  it('lets later lines win and reports lines and ranges', () => {
    const text = 'A=1\n\nA=2\n';
    const parsed = parseDotEnv(text);
    assert.equal(dotEnvMap(parsed).get('A')?.value, '2');
    assert.equal(dotEnvMap(parsed).get('A')?.line, 3);
    const entry = dotEnvMap(parsed).get('A');
    assert.equal(text.slice(entry?.range.start, entry?.range.end), 'A=2');
  });

  it('handles CRLF line endings', () => {
    assert.deepEqual(values('A=1\r\nB="2"\r\nC=3 # c\r\n'), { A: '1', B: '2', C: '3' });
  });

  it('reports bad lines without quoting them, and keeps going', () => {
    const parsed = parseDotEnv('GOOD=1\nthis is not valid secret=x\n=nokey\nUNTERMINATED="abc\nLAST=ok');
    assert.equal(dotEnvMap(parsed).get('GOOD')?.value, '1');
    assert.equal(dotEnvMap(parsed).get('LAST')?.value, 'ok');
    assert.deepEqual(
      parsed.problems.map((problem) => problem.line),
      [2, 3, 4],
    );
    for (const problem of parsed.problems) assert.doesNotMatch(problem.message, /secret|abc|nokey/);
  });
});
