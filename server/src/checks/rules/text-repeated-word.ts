import { isKnownPhrase } from '../phrase-lexicon';
import type { Rule } from '../rule';
import type { SourceText } from '../../syntax/source-text';
import { perRun, wordRuns, type Run, type Word } from '../text-lines';
import { canonical, lexemeOf, parseSyllable, perWord } from '../vietnamese';

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
function repeats(source: SourceText, run: Run): readonly Repeat[] {
  // Made when the run repeats a word: most runs do not.
  let found: Repeat[] | undefined;
  // Words are compared by their canonical form, read from each word's lexeme where needed (no copy of the run's keys: this runs for every run).
  const words = run.words;
  let i = 1;
  while (i < words.length) {
    // Two-word phrase: a b a b.
    if (
      i >= 3 &&
      joined(run, i) &&
      joined(run, i - 1) &&
      joined(run, i - 2) &&
      sameKey(run, i - 3, i - 1) &&
      sameKey(run, i - 2, i) &&
      !sameKey(run, i - 3, i - 2) &&
      countable(words[i - 3]) &&
      countable(words[i - 2]) &&
      !atBoundary(run, i - 3, i) &&
      !endsName(run, i - 3, i - 1)
    ) {
      // After a comma the first may end a list of nouns and the second be the verb (`cơ quan, tổ chức tổ chức thực hiện`).
      const afterList = i >= 4 && source.text.slice(run.start + words[i - 4].end, run.start + words[i - 3].start).includes(',');
      (found ??= []).push({ at: i, phrase: true, afterList });
      i += 2;
      continue;
    }
    if (joined(run, i) && sameKey(run, i - 1, i) && countable(words[i]) && !REDUPLICATION.has(key(run, i)) && !atBoundary(run, i - 1, i) && !endsName(run, i - 1, i)) {
      (found ??= []).push({ at: i, phrase: false, afterList: false });
      i += 1;
    }
    i++;
  }
  return found ?? NO_REPEATS;
}

interface Repeat {
  at: number;
  phrase: boolean;
  afterList: boolean;
}

const NO_REPEATS: readonly Repeat[] = [];

/** The lexeme of a word's canonical form: words are compared by it, its hash before its text, so that two different words (most neighbours) are told apart without reading their texts. */
const canonicalLexeme = perWord((word) => lexemeOf(canonical(word)));

/** True when `run.words[a]` and `run.words[b]` have the same canonical form. */
function sameKey(run: Run, a: number, b: number): boolean {
  const x = canonicalLexeme.of(run.words[a].lexeme);
  const y = canonicalLexeme.of(run.words[b].lexeme);
  return x === y || (x.hash === y.hash && x.text === y.text);
}

/** The canonical form of `run.words[k]`. */
function key(run: Run, k: number): string {
  return canonical.of(run.words[k].lexeme);
}

/** True when `run.words[k]` follows the word before it with only spaces between. */
function joined(run: Run, k: number): boolean {
  return k > 0 && k < run.words.length && run.words[k].adjacent;
}

/** A doubled unit at a word boundary: the word before it or the word after it makes a compound with it, or an agent noun (`người khiếu nại khiếu nại`). */
function atBoundary(run: Run, first: number, last: number): boolean {
  return (
    (joined(run, first) && first >= 1 && (AGENT.has(key(run, first - 1)) || isKnownPhrase([key(run, first - 1), key(run, first)]))) ||
    (joined(run, last + 1) && isKnownPhrase([key(run, last), key(run, last + 1)]))
  );
}

/** The first unit ends a capitalised name and the second, in lower case, is the verb (`Bộ Xây dựng xây dựng`). */
function endsName(run: Run, first: number, second: number): boolean {
  const words = run.words;
  return /^\p{Lu}/u.test(words[first].text) && !/^\p{Lu}/u.test(words[second].text) && joined(run, first) && /^\p{Lu}/u.test(words[first - 1].text);
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
