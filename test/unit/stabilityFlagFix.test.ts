import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stabilityLevelEdit } from '../../server/src/compose/stabilityFlagFix';

function apply(text: string, level = 'experimental'): string | null {
  const edit = stabilityLevelEdit('/c.yml', text, 'alloy', level);
  return edit ? text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end) : null;
}

describe('--stability.level in the compose command', () => {
  it('adds the flag after run in a block list, a flow list and a shell-form string', () => {
    assert.equal(
      apply('services:\n  alloy:\n    command:\n      - run\n      - /etc/alloy/config.alloy\n'),
      'services:\n  alloy:\n    command:\n      - run\n      - --stability.level=experimental\n      - /etc/alloy/config.alloy\n',
    );
    assert.equal(
      apply('services:\n  alloy:\n    command: ["run", "/etc/alloy/config.alloy"]\n'),
      'services:\n  alloy:\n    command: ["run", "--stability.level=experimental", "/etc/alloy/config.alloy"]\n',
    );
    assert.equal(
      apply('services:\n  alloy:\n    command: run --server.http.listen-addr=0.0.0.0:12345 /etc/alloy/config.alloy\n'),
      'services:\n  alloy:\n    command: run --stability.level=experimental --server.http.listen-addr=0.0.0.0:12345 /etc/alloy/config.alloy\n',
    );
  });

  it('changes an existing flag in either spelling', () => {
    assert.equal(
      apply('services:\n  alloy:\n    command: ["run", "--stability.level=public-preview", "/etc/alloy"]\n'),
      'services:\n  alloy:\n    command: ["run", "--stability.level=experimental", "/etc/alloy"]\n',
    );
    assert.equal(
      apply('services:\n  alloy:\n    command: run --stability.level public-preview /etc/alloy\n'),
      'services:\n  alloy:\n    command: run --stability.level experimental /etc/alloy\n',
    );
  });

  it('does nothing it cannot do safely', () => {
    assert.equal(apply('services:\n  alloy:\n    image: grafana/alloy\n'), null, 'no command: the image default would have to be spelled out');
    assert.equal(apply('services:\n  alloy:\n    command: ["/bin/sh", "-c", "sleep 1"]\n'), null);
    assert.equal(apply('services: [\n'), null);
  });
});
