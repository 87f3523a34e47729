import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getSemanticTokens } from '../../server/src/features/semanticTokens';
import { fixture, LIB, MAIN, WRITE } from '../support/navigationFixture';

/** `text:type[+modifiers]` for each token of the cursor's file, in order. */
function tokens(config: Record<string, string>, modules: Record<string, string> = {}): string[] {
  const f = fixture(config, modules);
  const text = f.texts.get(f.file.path) ?? '';
  return getSemanticTokens(f.index, f.file).map((t) => `${text.slice(t.start, t.start + t.length)}:${t.type}${t.modifiers.length ? `+${t.modifiers.join('+')}` : ''}`);
}

describe('semantic tokens', () => {
  it('tells components, labels, attributes, blocks and references apart', () => {
    const src = '|prometheus.remote_write "default" {\n\tendpoint {\n\t\turl = "http://x"\n\t}\n}\n\nprometheus.scrape "s" {\n\ttargets = []\n\tforward_to = [prometheus.remote_write.default.receiver]\n}\n';
    assert.deepEqual(tokens({ 'main.alloy': src }), [
      'prometheus:class', 'remote_write:class', '"default":variable+declaration',
      'endpoint:struct', 'url:property',
      'prometheus:class', 'scrape:class', '"s":variable+declaration',
      'targets:property', 'forward_to:property',
      'prometheus:class', 'remote_write:class', 'default:variable', 'receiver:property',
    ]);
  });

  it('marks custom components, namespaces, arguments, exports and their uses', () => {
    const got = tokens({ 'main.alloy': `|${MAIN}`, 'write.alloy': WRITE }, { '/mods/lib.alloy': LIB });
    assert.deepEqual(got, [
      'import:struct', 'file:struct', '"lib":namespace+declaration', 'filename:property',
      'prometheus:class', 'exporter:class', 'self:class', '"alloy":variable+declaration',
      'prometheus:class', 'scrape:class', '"alloy":variable+declaration',
      'targets:property', 'prometheus:class', 'exporter:class', 'self:class', 'alloy:variable', 'targets:property',
      'forward_to:property', 'lib:namespace', 'relabel:class', 'default:variable', 'receiver:property',
      'lib:namespace', 'relabel:class', '"default":variable+declaration',
      'forward_to:parameter', 'prometheus:class', 'remote_write:class', 'default:variable', 'receiver:property',
    ]);
    const lib = tokens({ 'main.alloy': MAIN, 'write.alloy': WRITE }, { '/mods/lib.alloy': `|${LIB}` });
    assert.ok(lib.includes('"relabel":class+declaration'), lib.join(' '));
    assert.ok(lib.includes('"forward_to":parameter+declaration'), lib.join(' '));
    assert.ok(lib.includes('"receiver":property+declaration'), lib.join(' '));
  });

  it('marks stdlib functions and constants as the default library', () => {
    assert.deepEqual(tokens({ 'main.alloy': '|logging {\n\tlevel = string.to_lower(sys.env("L"))\n\tformat = constants.os\n}\n' }), [
      'logging:struct', 'level:property',
      'string:namespace+defaultLibrary', 'to_lower:function+defaultLibrary', 'sys:namespace+defaultLibrary', 'env:function+defaultLibrary',
      'format:property', 'constants:namespace+defaultLibrary', 'os:variable+readonly+defaultLibrary',
    ]);
  });

  it('never throws and never overlaps on broken text and long lists', () => {
    const f = fixture({ 'main.alloy': `|a "b" {\n\tc = [${'x.y, '.repeat(200000)}\n` });
    const all = getSemanticTokens(f.index, f.file);
    for (let i = 1; i < all.length; i++) assert.ok((all[i - 1]?.start ?? 0) + (all[i - 1]?.length ?? 0) <= (all[i]?.start ?? 0));
  });
});
