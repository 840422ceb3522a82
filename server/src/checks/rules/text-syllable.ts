import type { Fix } from '../../model';
import { phraseCorrection } from '../phrase-lexicon';
import type { Rule } from '../rule';
import { perRun, toneStyleCounts, wordRuns, wordsWhere, type Run, type Word } from '../text-lines';
import { isKnownSyllable } from '../vi-dictionary';
import { expectedToneStyle, hasImpossibleStopTone, hasVowelMark, inCaseOf, parseSyllable, perWord, standardTonePlacement, TONE_NAMES, toToneStyle, withTone, type Syllable } from '../vietnamese';

export type SyllableDefect = 'stop-tone' | 'two-tones' | 'stray-mark' | 'misplaced-tone' | 'eth';

/**
 * What is structurally impossible in a word, if anything. Only words of
 * Vietnamese shape are judged: a word that does not parse as onset + vowel
 * cluster + final consonant of the standard inventories (acronyms such as
 * `CNVCLĐ`, foreign words, minority-language names such as `Đắk`) is left
 * alone, and so is a word without any vowel mark (`Facebook`, unmarked text).
 */
export const syllableDefect = perWord(findDefect);

function findDefect(word: string): { defect: SyllableDefect; syllable?: Syllable } | undefined {
  if (/[\u0300-\u036f]/u.test(word) && /[a-zA-ZĐđ\u00C0-\u1EF9]/u.test(word)) {
    // A combining mark that NFC could not compose onto its letter: a stray or doubled mark.
    return { defect: 'stray-mark' };
  }
  // Ð/ð (Icelandic eth, U+00D0/U+00F0) looks like Đ/đ (U+0110/U+0111) but is another letter.
  if (/[ðÐ]/u.test(word) && parseSyllable(word.replace(/ð/g, 'đ').replace(/Ð/g, 'Đ'))) return { defect: 'eth' };
  if (!hasVowelMark(word)) return undefined;
  const s = parseSyllable(word);
  if (!s) return undefined;
  if (s.tonedAt.length > 1) return { defect: 'two-tones', syllable: s };
  if (hasImpossibleStopTone(s)) return { defect: 'stop-tone', syllable: s };
  if (standardTonePlacement(s) !== undefined) return { defect: 'misplaced-tone', syllable: s };
  return undefined;
}

export const textSyllable: Rule = {
  id: 'text-syllable',
  title: { vi: 'Âm tiết không thể có trong tiếng Việt', en: 'Impossible Vietnamese syllable' },
  defaultSeverity: 'warning',
  check({ document, source, config, report }) {
    const runs = wordRuns(document, source);
    const style = expectedToneStyle(toneStyleCounts(document, source), config.toneStyle);
    for (const run of runs) {
      const defective = perRun(run, 'syllable-defects', defectiveWords);
      defective.forEach((index) => {
        const w = run.words[index];
        const found = syllableDefect(w.text)!;
        const range = source.range(run.start + w.start, run.start + w.end);
        const fixes: Fix[] = [];
        const offer = (right: string) => fixes.push({ title: `Viết "${right}" / Write "${right}"`, edits: [{ range, newText: right }], safe: false });
        const s = found.syllable;
        let message: { vi: string; en: string };
        if (found.defect === 'stop-tone' && s) {
          const options = [2, 5].map((tone) => withTone(w.text, tone, s.tonedAt[0] ?? lastVowel(s))).filter((c) => isKnownSyllable(c));
          const hint = options.length ? { vi: ` (có thể là ${options.map((o) => `"${o}"`).join(' hoặc ')})`, en: ` (perhaps ${options.map((o) => `"${o}"`).join(' or ')})` } : { vi: '', en: '' };
          message = {
            vi: `"${w.text}" không thể có: âm tiết tận cùng bằng -${s.coda} chỉ mang thanh sắc hoặc nặng, không mang thanh ${TONE_NAMES[s.tone]}${hint.vi}`,
            en: `"${w.text}" cannot exist: a syllable ending in -${s.coda} takes only the sắc or nặng tone, not ${TONE_NAMES[s.tone]}${hint.en}`,
          };
          correctFromPhrase(run.words, index, w, offer, style);
        } else if (found.defect === 'two-tones') {
          message = { vi: `"${w.text}" có hai dấu thanh`, en: `"${w.text}" has two tone marks` };
          correctFromPhrase(run.words, index, w, offer, style);
        } else if (found.defect === 'eth') {
          const right = w.text.replace(/ð/g, 'đ').replace(/Ð/g, 'Đ');
          message = { vi: `"${w.text}" viết bằng chữ Ð (eth) của tiếng Iceland thay cho chữ Đ: viết "${right}"`, en: `"${w.text}" uses the Icelandic letter Ð (eth) for Đ: write "${right}"` };
          fixes.push({ title: `Viết "${right}" / Write "${right}"`, edits: [{ range, newText: right }], safe: true });
        } else if (found.defect === 'stray-mark') {
          message = { vi: `"${w.text}" có dấu rời không ghép được vào chữ`, en: `"${w.text}" has a combining mark that belongs to no letter` };
        } else {
          const right = toToneStyle(standardTonePlacement(s!, style)!, style);
          // Offered only when the result is a real syllable (`Ià` is `là` misread, not `Ìa`).
          if (isKnownSyllable(right)) {
            message = { vi: `"${w.text}" đặt dấu thanh sai vị trí; viết "${right}"`, en: `"${w.text}" has its tone mark on the wrong vowel; write "${right}"` };
            offer(right);
          } else {
            message = { vi: `"${w.text}" đặt dấu thanh ở vị trí không cách viết nào dùng`, en: `"${w.text}" has its tone mark where no spelling puts it` };
          }
        }
        report(range, message, fixes);
      });
    }
  },
};

/** The indices of a run's words with a syllable defect. */
const defectiveWords = (run: Run) => wordsWhere(run, (w) => syllableDefect.of(w.lexeme) !== undefined);

function lastVowel(s: Syllable): number {
  return s.nucleusStart + s.nucleus.length - 1;
}

function correctFromPhrase(run: readonly Word[], index: number, w: Word, offer: (right: string) => void, style: 'modern' | 'classic') {
  const slip = phraseCorrection(run, index);
  if (slip) offer(inCaseOf(w.text, toToneStyle(slip.right, style)));
}
