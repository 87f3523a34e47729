/**
 * Analyses carried over edits that change nothing Alloy reads: which edits
 * qualify (`triviaEdit`), and that a carried analysis is exactly the analysis
 * of the new text (findings, places, messages, fixes), checked against a
 * fresh analysis for random edits of a configuration.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeWithModel, parseFile, type ParsedFile } from '../../server/src/languageService';
import { carryAnalysis, unmovedSince } from '../../server/src/service/carriedAnalysis';
import { createLanguageService } from '../../server/src/service/languageService';
import { defaultSettings } from '../../server/src/settings';
import type { Finding } from '../../server/src/syntax/diagnostic';
import { parse } from '../../server/src/syntax/parser';
import { reparse, triviaEdit } from '../../server/src/syntax/reparse';
import { mapOffset } from '../../server/src/syntax/triviaEdit';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 600);
const PATH = '/repo/config.alloy';

/** Findings of several kinds: a duplicate whose message quotes a line:column, fixes, comments inside and between blocks. */
const TEXT = `// Alloy's own metrics.
prometheus.exporter.self "alloy" { }

prometheus.scrape "self" {
  targets    = prometheus.exporter.self.alloy.targets
  forward_to = [prometheus.remote_write.missing.receiver] // unknown
}

/* A block
   comment. */
prometheus.exporter.self "alloy" { }

// Between blocks.

discovery.relabel "named" {
  targets = []
  // service.name comes from the job label
  rule {
    target_label = "job"
    replacement  = "alloy"
  }
}

logging {
  level = "verbose"
  // inside
}
`;

const at = (text: string, marker: string, offset = 0) => {
  const i = text.indexOf(marker);
  assert.ok(i >= 0, `no ${marker} in the text`);
  return i + offset;
};
const insert = (text: string, offset: number, s: string) => text.slice(0, offset) + s + text.slice(offset);

/** The edit `reparse` made from `before` to `after`, when it changed only trivia. */
function edited(before: string, after: string) {
  const previous = parse(before);
  return triviaEdit(previous, reparse(previous, after));
}

describe('triviaEdit', () => {
  it('accepts typing in a comment line or blank space between statements', () => {
    const comment = at(TEXT, '// Between blocks.', 10);
    assert.deepEqual(edited(TEXT, insert(TEXT, comment, 'x')), { start: comment, oldEnd: comment, newEnd: comment + 1 });
    const inBlockComment = at(TEXT, 'comment. */', 3);
    assert.ok(edited(TEXT, insert(TEXT, inBlockComment, 'yz')));
    const trailing = at(TEXT, '// unknown', 5);
    assert.ok(edited(TEXT, insert(TEXT, trailing, 'q')) === undefined, 'a comment inside a block is the block’s text');
  });

  it('refuses edits that change tokens, lines, or a later statement’s column', () => {
    const comment = at(TEXT, '// Between blocks.');
    for (const [why, after] of [
      ['a new line', insert(TEXT, comment + 5, '\n')],
      ['a new token', insert(TEXT, comment, 'x ')],
      ['a comment closed early', insert(TEXT, at(TEXT, 'A block'), '*/')],
      ['a space before a statement on its line', insert(TEXT, at(TEXT, 'logging {'), ' ')],
      ['an attribute value', insert(TEXT, at(TEXT, '"verbose"', 1), 'x')],
      ['a comment inside a block', insert(TEXT, at(TEXT, '// service.name'), ' ')],
    ] as const) {
      assert.equal(edited(TEXT, after), undefined, why);
    }
  });

  it('refuses a full parse and a parse of another version', () => {
    const after = insert(TEXT, at(TEXT, '// Between'), ' ');
    assert.equal(triviaEdit(parse(TEXT), parse(after)), undefined);
    assert.equal(triviaEdit(parse(TEXT), reparse(parse(TEXT), after)), undefined, 'a different previous object');
  });

  it('moves offsets after the edit and leaves ambiguous ones unmapped', () => {
    const replace = { start: 10, oldEnd: 12, newEnd: 15 };
    assert.deepEqual([9, 10, 11, 12, 13].map((o) => mapOffset(replace, o)), [9, 10, undefined, 15, 16]);
    const insertion = { start: 10, oldEnd: 10, newEnd: 11 };
    assert.deepEqual([9, 10, 11].map((o) => mapOffset(insertion, o)), [9, undefined, 12]);
  });
});

/** What a finding says and where, without its fixes. */
const plain = (findings: readonly Finding[]) =>
  findings.map(({ file, range, code, severity, message, source, related }) => ({ file, range, code, severity, message, source, related }));

/** The previous version's analysis as the service keeps it. */
function entryFor(file: ParsedFile) {
  const { analysis, model } = analyzeWithModel([file], defaultSettings);
  return { files: [file], analysis, model: () => model, dependencies: new Map<string, string>() };
}

describe('carryAnalysis', () => {
  it('carries findings over a comment edit with their places moved and their fixes from the new text', () => {
    const before = parseFile(PATH, TEXT);
    const afterText = insert(TEXT, at(TEXT, 'Alloy'), 'Grafana ');
    const after = parseFile(PATH, afterText, before);
    let analysed = 0;
    const fresh = analyzeWithModel([after], defaultSettings);
    const carried = carryAnalysis(entryFor(before), [after], () => (analysed++, fresh));
    assert.ok(carried, 'the edit is carried');
    assert.deepEqual(plain(carried.analysis.findings), plain(fresh.analysis.findings));
    const model = carried.model();
    assert.deepEqual([...model.components.keys()], [...fresh.model.components.keys()]);
    assert.equal(model.files[0], after, 'the model is of the new version');
    assert.equal(analysed, 0, 'nothing analysed until a fix is asked for');
    assert.ok(carried.analysis.findings.some((f) => f.code === 'duplicate-block'), 'the fixture has a duplicate');
    const fixable = carried.analysis.findings.filter((f) => f.fixes?.length);
    assert.ok(fixable.length > 0);
    assert.equal(analysed, 1, 'one analysis answers every fix');
    for (const f of fixable) {
      const same = fresh.analysis.findings.find((g) => g.code === f.code && g.range.start === f.range.start && g.message === f.message);
      assert.deepEqual(f.fixes, same?.fixes);
    }
    assert.equal(carried.model(), model, 'the model is built once');
  });

  it('carries nothing when another file of the configuration changed too, or the edit is not trivia', () => {
    const before = parseFile(PATH, TEXT);
    const other = parseFile('/repo/other.alloy', 'logging { }\n');
    const comment = insert(TEXT, at(TEXT, '// Between'), ' ');
    const reanalyse = () => assert.fail('not analysed');
    const entry = { ...entryFor(before), files: [before, other] };
    assert.equal(carryAnalysis(entry, [parseFile(PATH, comment, before), parseFile('/repo/other.alloy', 'logging {}\n', other)], reanalyse), undefined);
    assert.equal(carryAnalysis(entryFor(before), [parseFile(PATH, insert(TEXT, at(TEXT, '"verbose"', 1), 'x'), before)], reanalyse), undefined);
  });

  it('for random edits, a carried analysis is the fresh analysis of the new text', () => {
    const alphabet = ['a', ' ', '/', '*', '\n', '"', '{', '}', '#', '\t', 'é'];
    let carriedCount = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: TEXT.length }),
        fc.nat({ max: 3 }),
        fc.array(fc.constantFrom(...alphabet), { maxLength: 3 }),
        (offset, removed, added) => {
          const end = Math.min(TEXT.length, offset + removed);
          const afterText = TEXT.slice(0, offset) + added.join('') + TEXT.slice(end);
          if (afterText === TEXT) return;
          const before = parseFile(PATH, TEXT);
          const after = parseFile(PATH, afterText, before);
          const fresh = analyzeWithModel([after], defaultSettings);
          const carried = carryAnalysis(entryFor(before), [after], () => fresh);
          if (!carried) return;
          carriedCount++;
          assert.deepEqual(plain(carried.analysis.findings), plain(fresh.analysis.findings));
          assert.deepEqual(carried.analysis.explanation, fresh.analysis.explanation);
          for (const f of carried.analysis.findings) {
            const same = fresh.analysis.findings.find((g) => g.code === f.code && g.range.start === f.range.start && g.message === f.message);
            assert.deepEqual(f.fixes, same?.fixes);
          }
        },
      ),
      { numRuns: RUNS },
    );
    // Not vacuous: a good share of random edits land in comments and blank space.
    assert.ok(carriedCount >= RUNS / 20, `only ${carriedCount} of ${RUNS} edits were carried`);
  });
});

describe('unmovedSince', () => {
  /** The previous version's analysis holding one hand-made finding at `range`. */
  function carriedWith(range: { start: number; end: number }) {
    const before = parseFile(PATH, TEXT);
    const comment = at(TEXT, '// Between blocks.', 3);
    const after = parseFile(PATH, `${TEXT.slice(0, comment)}yy${TEXT.slice(comment + 1)}`, before);
    const finding: Finding = { file: PATH, range, code: 'syntax', severity: 'error', message: 'm', source: 'alloy' };
    const entry = { ...entryFor(before), analysis: { findings: [finding], env: null, envReports: [], explanation: [] } };
    const carried = carryAnalysis(entry, [after], () => assert.fail('not analysed'));
    assert.ok(carried);
    return { carried: carried.analysis, previous: entry.analysis };
  }

  it('holds when no finding ends on the edited line after the edit', () => {
    const next = at(TEXT, 'discovery.relabel');
    const { carried, previous } = carriedWith({ start: next, end: next + 5 });
    assert.ok(unmovedSince(carried, previous, PATH));
    assert.equal(unmovedSince(carried, previous, '/repo/other.alloy'), false, 'another file was edited');
    assert.equal(unmovedSince(carried, carried, PATH), false, 'not carried from itself');
  });

  it('fails when a finding ends on the edited line after the edit: its column moved', () => {
    const comment = at(TEXT, '// Between blocks.', 3);
    const { carried, previous } = carriedWith({ start: 0, end: comment + 4 });
    assert.equal(unmovedSince(carried, previous, PATH), false);
  });
});

describe('the language service', () => {
  it('answers a comment edit with the carried analysis, equal to a fresh one, and analyses an edit in a block again', () => {
    const service = createLanguageService();
    const v1 = service.parseFile(PATH, TEXT);
    const first = service.analyze([v1], defaultSettings);
    const v2 = service.parseFile(PATH, insert(TEXT, at(TEXT, '// Between'), ' '), v1);
    const second = service.analyze([v2], defaultSettings);
    assert.notEqual(second, first);
    assert.deepEqual(plain(second.findings), plain(analyzeWithModel([v2], defaultSettings).analysis.findings));
    assert.equal(service.analyze([v2], defaultSettings), second, 'cached once carried');
    const v3 = service.parseFile(PATH, insert(v2.parse.text, at(v2.parse.text, '"verbose"', 1), 'x'), v2);
    assert.deepEqual(plain(service.analyze([v3], defaultSettings).findings), plain(analyzeWithModel([v3], defaultSettings).analysis.findings));
  });
});
