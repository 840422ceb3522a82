import { isKnownPhrase } from '../phrase-lexicon';
import type { Rule } from '../rule';
import type { SourceText } from '../../syntax/source-text';
import { perRun, wordRuns, type Run, type Word } from '../text-lines';
import { canonical, parseSyllable } from '../vietnamese';

/**
 * Words that Vietnamese doubles on purpose (láy hoàn toàn): `người người`,
 * `nhà nhà`, `ngày ngày`, `dần dần`, `luôn luôn`, `chung chung`, and nouns
 * that are doubled syllables (`ba ba`, `chuồn chuồn`).
 */
const REDUPLICATION = new Set(
  [
    'người',
    'nhà',
    'ai',
    'đâu',
    'nơi',
    'ngày',
    'đêm',
    'tháng',
    'năm',
    'đời',
    'mãi',
    'luôn',
    'dần',
    'từ',
    'thường',
    'chung',
    'xa',
    'đều',
    'lâu',
    'ào',
    'sáng',
    'chiều',
    'tối',
    'ba',
    'cào',
    'chuồn',
    'cốc',
    'vừa',
    'khá',
    'sơ',
    'đỏ',
    'xanh',
    'vàng',
    'trắng',
    'nhỏ',
    'to',
    'cao',
    'thấp',
    'xinh',
    'hay',
    'ít',
    'chút',
    'tí',
    'đi',
    'mau',
    'thôi',
    'rồi',
    'song',
    'kền',
    'tê',
    'kiền',
  ].map(canonical),
);

export const textRepeatedWord: Rule = {
  id: 'text-repeated-word',
  title: { vi: 'Từ lặp', en: 'Repeated word' },
  defaultSeverity: 'warning',
  check({ document, source, report }) {
    const repeatsOf = (run: Run) => repeats(source, run);
    for (const run of wordRuns(document, source)) {
      for (const found of perRun(run, 'repeated-words', repeatsOf)) {
        const i = found.at;
        if (found.phrase) {
          const phrase = `${run.words[i - 1].text} ${run.words[i].text}`;
          report(
            source.range(run.start + run.words[i - 1].start, run.start + run.words[i].end),
            {
              vi: `Cụm từ lặp: "${phrase}" viết hai lần`,
              en: `Repeated phrase: "${phrase}" written twice`,
            },
            [
              {
                title: `Xóa "${phrase}" thừa / Delete the extra "${phrase}"`,
                edits: [{ range: source.range(run.start + run.words[i - 2].end, run.start + run.words[i].end), newText: '' }],
                safe: !found.afterList,
              },
            ],
            found.afterList ? { severity: 'information' } : undefined,
          );
        } else {
          const word = run.words[i].text;
          report(
            source.range(run.start + run.words[i].start, run.start + run.words[i].end),
            {
              vi: `Từ lặp: "${run.words[i - 1].text} ${word}"`,
              en: `Repeated word: "${run.words[i - 1].text} ${word}"`,
            },
            [{ title: `Xóa "${word}" thừa / Delete the extra "${word}"`, edits: [{ range: source.range(run.start + run.words[i - 1].end, run.start + run.words[i].end), newText: '' }], safe: true }],
          );
        }
      }
    }
  },
};

/**
 * The doubled words and two-word phrases of a run: `at` is the index of the
 * last word of the repeat; `afterList` when a comma before it suggests a
 * list of nouns and then the verb. Depends on the run's text alone (`perRun`).
 */
function repeats(source: SourceText, run: Run): { at: number; phrase: boolean; afterList: boolean }[] {
  const found: { at: number; phrase: boolean; afterList: boolean }[] = [];
  const key = run.words.map((w) => canonical.of(w.lexeme));
  const joined = (k: number) => k > 0 && k < run.words.length && run.words[k].adjacent;
  /** A doubled unit at a word boundary: the word before it or the word after it makes a compound with it, or an agent noun (`người khiếu nại khiếu nại`). */
  const atBoundary = (first: number, last: number) =>
    (joined(first) && first >= 1 && (AGENT.has(key[first - 1]) || isKnownPhrase([key[first - 1], key[first]]))) || (joined(last + 1) && isKnownPhrase([key[last], key[last + 1]]));
  /** The first unit ends a capitalised name and the second, in lower case, is the verb (`Bộ Xây dựng xây dựng`). */
  const endsName = (first: number, second: number) => /^\p{Lu}/u.test(run.words[first].text) && !/^\p{Lu}/u.test(run.words[second].text) && joined(first) && /^\p{Lu}/u.test(run.words[first - 1].text);
  let i = 1;
  while (i < run.words.length) {
    // Two-word phrase: a b a b.
    if (
      i >= 3 &&
      joined(i) &&
      joined(i - 1) &&
      joined(i - 2) &&
      key[i - 3] === key[i - 1] &&
      key[i - 2] === key[i] &&
      key[i - 3] !== key[i - 2] &&
      countable(run.words[i - 3]) &&
      countable(run.words[i - 2]) &&
      !atBoundary(i - 3, i) &&
      !endsName(i - 3, i - 1)
    ) {
      // After a comma the first may end a list of nouns and the second be the verb (`cơ quan, tổ chức tổ chức thực hiện`).
      const afterList = i >= 4 && source.text.slice(run.start + run.words[i - 4].end, run.start + run.words[i - 3].start).includes(',');
      found.push({ at: i, phrase: true, afterList });
      i += 2;
      continue;
    }
    if (joined(i) && key[i - 1] === key[i] && countable(run.words[i]) && !REDUPLICATION.has(key[i]) && !atBoundary(i - 1, i) && !endsName(i - 1, i)) {
      found.push({ at: i, phrase: false, afterList: false });
      i += 1;
    }
    i++;
  }
  return found;
}

/** Heads of agent nouns: `người khiếu nại khiếu nại`, `bên bán bán`. */
const AGENT = new Set(['người', 'bên']);

/** Words, not numbers, item letters, initials, or the doubled name of a Latin binomial (`Lutra lutra`). */
function countable(w: Word): boolean {
  if (/\p{N}/u.test(w.text)) return false;
  if (w.text.length === 1 && /[A-Za-z]/.test(w.text)) return false;
  if (/^[a-z]+$/i.test(w.text) && !parseSyllable.of(w.lexeme)) return false;
  return true;
}
