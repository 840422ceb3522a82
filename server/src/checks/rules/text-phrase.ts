import type { Range } from '../../model';
import { findPhraseSlips } from '../phrase-lexicon';
import { findPlaceSlips } from '../place-slips';
import { findContextSlips } from '../syllable-bigrams';
import type { Rule } from '../rule';
import { perRun, toneStyleCounts, wordRuns, type Run } from '../text-lines';
import { isKnownSyllable } from '../vi-dictionary';
import { expectedToneStyle, inCaseOf, toToneStyle } from '../vietnamese';

export const textPhrase: Rule = {
  id: 'text-phrase',
  title: { vi: 'Gõ nhầm trong cụm từ quen dùng', en: 'Slip in a frequent phrase' },
  defaultSeverity: 'warning',
  check({ document, source, config, registry, report }) {
    const runs = wordRuns(document, source);
    const style = expectedToneStyle(toneStyleCounts(document, source), config.toneStyle);
    const typeWords = document.citations.map((c) => c.typeWordRange);
    for (const run of runs) {
      const slips = perRun(run, 'phrase-slips', phraseSlips);
      for (const slip of slips) {
        const wrong = run.words[slip.at];
        const wrongRange = source.range(run.start + wrong.start, run.start + wrong.end);
        if (typeWords.some((r) => overlaps(r, wrongRange))) continue;
        const right = inCaseOf(wrong.text, toToneStyle(slip.right, style));
        const typed = run.words.slice(slip.from, slip.to).map((w) => w.text);
        const corrected = typed.map((t, k) => (slip.from + k === slip.at ? right : t)).join(' ');
        report(
          source.range(run.start + run.words[slip.from].start, run.start + run.words[slip.to - 1].end),
          {
            vi: `Có lẽ gõ nhầm: "${typed.join(' ')}" → "${corrected}"`,
            en: `Likely a slip: "${typed.join(' ')}" → "${corrected}"`,
          },
          [{ title: `Viết "${right}" / Write "${right}"`, edits: [{ range: wrongRange, newText: right }], safe: false }],
          slip.low ? { severity: 'information' } : undefined,
        );
      }
      // The statistics' slips, where the lexicon found none.
      for (const slip of perRun(run, 'context-slips', contextSlips)) {
        if (slips.some((s) => s.to > Math.min(slip.at, slip.by) && s.from <= Math.max(slip.at, slip.by))) continue;
        const wrong = run.words[slip.at];
        const wrongRange = source.range(run.start + wrong.start, run.start + wrong.end);
        if (typeWords.some((r) => overlaps(r, wrongRange))) continue;
        const right = inCaseOf(wrong.text, toToneStyle(slip.right, style));
        const [first, last] = slip.at < slip.by ? [slip.at, slip.by] : [slip.by, slip.at];
        const typed = run.words
          .slice(first, last + 1)
          .map((w) => w.text)
          .join(' ');
        const corrected = run.words
          .slice(first, last + 1)
          .map((w, k) => (first + k === slip.at ? right : w.text))
          .join(' ');
        report(
          source.range(run.start + run.words[first].start, run.start + run.words[last].end),
          {
            vi: `Có lẽ gõ nhầm: "${typed}" → "${corrected}" (văn bản hành chính rất hay viết "${corrected}", hầu như không viết "${typed}")`,
            en: `Likely a slip: "${typed}" → "${corrected}" (official text writes "${corrected}" often, "${typed}" hardly ever)`,
          },
          [{ title: `Viết "${right}" / Write "${right}"`, edits: [{ range: wrongRange, newText: right }], safe: false }],
        );
      }
    }
    // The plan's own place, as its header spells it.
    for (const slip of findPlaceSlips(document, runs, registry)) {
      const { run } = slip;
      const wrong = run.words[slip.at];
      const wrongRange = source.range(run.start + wrong.start, run.start + wrong.end);
      const right = inCaseOf(wrong.text, toToneStyle(slip.right, style));
      const typed = run.words
        .slice(slip.from, slip.to)
        .map((w) => w.text)
        .join(' ');
      const corrected = run.words
        .slice(slip.from, slip.to)
        .map((w, k) => (slip.from + k === slip.at ? right : w.text))
        .join(' ');
      report(
        source.range(run.start + run.words[slip.from].start, run.start + run.words[slip.to - 1].end),
        {
          vi: `Có lẽ gõ nhầm tên địa danh: "${typed}" → "${corrected}" (như phần đầu văn bản viết)`,
          en: `Likely a slip in the place name: "${typed}" → "${corrected}" (as the header writes it)`,
        },
        [{ title: `Viết "${right}" / Write "${right}"`, edits: [{ range: wrongRange, newText: right }], safe: false }],
      );
    }
  },
};

const phraseSlips = (run: Run) => findPhraseSlips(run.words, isKnownSyllable, true);
const contextSlips = (run: Run) => findContextSlips(run.words);

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return (
    before(a.start, b.end) &&
    before(b.start, a.end) &&
    !(a.end.line === b.start.line && a.end.character === b.start.character) &&
    !(b.end.line === a.start.line && b.end.character === a.start.character)
  );
}
