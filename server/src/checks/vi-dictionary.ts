/**
 * The Vietnamese spelling dictionary (`dictionary-vi`, a Hunspell list of
 * syllables) through nspell. The .aff and .dic travel inside
 * `server/data/dictionary-vi.json` (written by `scripts/gen-dictionary-vi.mjs`)
 * so that every bundle carries them without a file system.
 *
 * The dictionary knows only the classic tone placement (`hoá`, `uỷ`) and only
 * NFC: words are looked up in that form, so both placements pass.
 */
import nspell from 'nspell';
import data from '../../data/dictionary-vi.json';
import { perWord, toToneStyle } from './vietnamese';

let speller: ReturnType<typeof nspell> | undefined;
let words: Set<string> | undefined;

/**
 * Syllables that dictionary-vi lacks although edited Vietnamese uses them (found by running it over a
 * corpus of laws): words (`nòng`, `cược`, `mớn`, `giắc`, `mẩu`, `voọc`, `phốt`, `biêu`) and the
 * variants that official text still writes (`sỹ`, `tỳ`, `tầu`, `gẫy`, `quí`), syllables of place
 * names (`Huế`, `Bắc Kạn`) and of loanwords plans use (`băng rôn`).
 */
const SUPPLEMENT = new Set(['nòng', 'cược', 'mớn', 'giắc', 'mẩu', 'voọc', 'phốt', 'biêu', 'chẩu', 'sỹ', 'tỳ', 'tầu', 'gẫy', 'quí', 'huế', 'kạn', 'rôn']);

/** nspell, built for suggestions only: building it takes tens of milliseconds, which a check that finds no misspelling need not pay. */
function instance() {
  speller ??= nspell(data.aff, data.dic);
  return speller;
}

/** The words of the .dic, one a line after the count, as nspell reads them (a line starting with a tab is a comment). */
export function dictionaryWords(): Set<string> {
  if (words) return words;
  words = new Set();
  const lines = data.dic.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const word = lines[i].trim();
    if (word && lines[i].charCodeAt(0) !== 9) words.add(word);
  }
  return words;
}

/**
 * nspell's `correct` for a dictionary without affixes, flags or compound rules (dictionary-vi has none:
 * `tests/text-rules.test.ts` holds the copy to that): the word as given, else in sentence case when it
 * is all capitals, else in lower case.
 */
export function isDictionaryWord(value: string): boolean {
  const word = value.trim();
  if (!word) return false;
  const set = dictionaryWords();
  if (set.has(word)) return true;
  if (word.toUpperCase() === word && set.has(word.charAt(0) + word.slice(1).toLowerCase())) return true;
  const lower = word.toLowerCase();
  return lower !== word && set.has(lower);
}

/** True when the dictionary has the word (NFC), in either tone placement, lower-cased or as written. */
export const isKnownSyllable = perWord((word: string): boolean => {
  const classic = toToneStyle(word.normalize('NFC'), 'classic');
  const lower = classic.toLowerCase();
  const capitalised = lower.charAt(0).toUpperCase() + lower.slice(1);
  return SUPPLEMENT.has(toToneStyle(lower, 'modern')) || isDictionaryWord(lower) || isDictionaryWord(capitalised) || isDictionaryWord(classic);
});

/** The dictionary's suggestions for a word, in the modern placement; remembered per word, as nspell's search takes milliseconds. Callers must not change the array. */
export const suggestSyllables = perWord((word: string): string[] =>
  instance()
    .suggest(toToneStyle(word.normalize('NFC').toLowerCase(), 'classic'))
    .map((w) => toToneStyle(w, 'modern')),
);
