import type { Fix } from '../../model';
import { isKnownPhrase, phraseCorrection } from '../phrase-lexicon';
import type { Rule } from '../rule';
import type { SourceText } from '../../syntax/source-text';
import { isNameWord, perRun, toneStyleCounts, wordRuns, wordsWhere, type Run, type Word } from '../text-lines';
import { wordMeant } from '../syllable-bigrams';
import { isKnownSyllable, suggestSyllables } from '../vi-dictionary';
import { canonical, expectedToneStyle, hasVietnameseLetter, hasVowelMark, inCaseOf, parseSyllable, perWord, toToneStyle } from '../vietnamese';
import { syllableDefect } from './text-syllable';

/** Letters no other language a plan may quote uses: a word with one of them is Vietnamese or garbage. */
const ONLY_VIETNAMESE = /[đăâêôơưĐĂÂÊÔƠƯ]/u;

/** Whether the dictionary should judge this word at all. */
export const spellable = perWord(isSpellable);

function isSpellable(word: string): boolean {
  if (word.length < 2 || /\p{N}/u.test(word) || !hasVietnameseLetter(word)) return false;
  const rest = word.slice(1);
  const allCaps = word.length > 1 && word === word.toUpperCase();
  // Acronyms and symbols (`CNVCLĐ`, `LĐLĐ`, `TTg`): capitals after the first letter without a vowel mark.
  if (allCaps && !hasVowelMark(word)) return false;
  if (!allCaps && rest !== rest.toLowerCase()) return false;
  const capitalised = word[0] !== word[0].toLowerCase();
  // A proper noun or a loanword of another shape (`Đắk`, `Krông`, `kilôgam`): not the dictionary's business;
  // two syllables run together (`dânthảo`) are.
  if (!parseSyllable(word)) return !capitalised && !allCaps && ONLY_VIETNAMESE.test(word) && splitInTwo(word) !== undefined;
  return true;
}

/**
 * Two known syllables that make up the word (`dântại` → `dân tại`); when several splits exist, the one
 * that is a known phrase (`nhànước` → `nhà nước`, not `nhàn ước`). Not for short loanwords (`nitơ`).
 */
export function splitInTwo(word: string): [string, string] | undefined {
  if (word.length < 6) return undefined;
  const splits: [string, string][] = [];
  for (let k = 2; k <= word.length - 2; k++) {
    const a = word.slice(0, k);
    const b = word.slice(k);
    if (parseSyllable(a) && parseSyllable(b) && isKnownSyllable(a) && isKnownSyllable(b)) splits.push([a, b]);
  }
  if (splits.length === 1) return splits[0];
  const phrases = splits.filter(([a, b]) => isKnownPhrase([canonical(a), canonical(b)]));
  return phrases.length === 1 ? phrases[0] : undefined;
}

/** A word of `run` the dictionary should know and does not. */
function misspelt(source: SourceText, run: Run, w: Word): boolean {
  if (!spellable.of(w.lexeme) || syllableDefect.of(w.lexeme) || isKnownSyllable.of(w.lexeme)) return false;
  // Part of a hyphenated transliteration (`ô-dôn`, `Ô-lim-pích`).
  return source.text[run.start + w.start - 1] !== '-' && source.text[run.start + w.end] !== '-';
}

export const textSpelling: Rule = {
  id: 'text-spelling',
  title: { vi: 'Chính tả (từ điển)', en: 'Spelling (dictionary)' },
  defaultSeverity: 'information',
  check({ document, source, config, report }) {
    const runs = wordRuns(document, source);
    const style = expectedToneStyle(toneStyleCounts(document, source), config.toneStyle);
    // The workspace's own words (kehoach.json `dictionary`): names of its places and people, its abbreviations.
    const added = new Set((config.words ?? []).map((word) => word.toLocaleLowerCase('vi')));
    const names = new Set<string>();
    const misspeltWords = (run: Run) => wordsWhere(run, (w) => misspelt(source, run, w));
    for (const run of runs) {
      perRun(run, 'misspelt', misspeltWords).forEach((index) => {
        const w = run.words[index];
        if (added.has(w.text.toLocaleLowerCase('vi'))) return;
        const range = source.range(run.start + w.start, run.start + w.end);
        const fixes: Fix[] = [];
        const merged = parseSyllable(w.text) ? undefined : splitInTwo(w.text);
        if (merged) {
          const spaced = merged.join(' ');
          report(range, { vi: `"${w.text}" là hai âm tiết viết liền: "${spaced}"`, en: `"${w.text}" is two syllables run together: "${spaced}"` }, [
            { title: `Viết "${spaced}" / Write "${spaced}"`, edits: [{ range, newText: spaced }], safe: false },
          ]);
          return;
        }
        // A capitalised word inside a sentence is most likely a name the dictionary does not know
        // (`Hoằng Hóa`, `Lê Duẩn`): a hint, and never a common word offered in its place.
        if (isNameWord(source, run, index)) {
          if (names.has(w.text)) return; // once per name
          names.add(w.text);
          report(range, { vi: `"${w.text}" không có trong từ điển chính tả (có thể là tên riêng)`, en: `"${w.text}" is not in the spelling dictionary (perhaps a name)` }, [], { severity: 'hint' });
          return;
        }
        const slip = phraseCorrection(run.words, index);
        if (slip) {
          const right = inCaseOf(w.text, toToneStyle(slip.right, style));
          fixes.push({ title: `Viết "${right}" / Write "${right}"`, edits: [{ range, newText: right }], safe: false });
        }
        // Without a phrase that shows the word, its neighbours may (`người đân` → `dân`): then it leads the suggestions and is offered as a fix.
        const meant = slip ? undefined : wordMeant(run.words, index, suggestSyllables(w.text));
        if (meant) {
          const right = inCaseOf(w.text, toToneStyle(meant, style));
          fixes.push({ title: `Viết "${right}" / Write "${right}"`, edits: [{ range, newText: right }], safe: false });
        }
        const suggestions = slip ? [] : [...new Set([...(meant ? [meant] : []), ...suggestSyllables(w.text)])].slice(0, 3).map((s) => inCaseOf(w.text, toToneStyle(s, style)));
        const hint = slip
          ? { vi: ` (trong cụm "${slip.phrase}")`, en: ` (in the phrase "${slip.phrase}")` }
          : suggestions.length
            ? { vi: `; gợi ý: ${suggestions.join(', ')}`, en: `; suggestions: ${suggestions.join(', ')}` }
            : { vi: '', en: '' };
        report(range, { vi: `"${w.text}" không có trong từ điển chính tả${hint.vi}`, en: `"${w.text}" is not in the spelling dictionary${hint.en}` }, fixes);
      });
    }
  },
};
