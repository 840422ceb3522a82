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

/**
 * Syllables that dictionary-vi lacks although edited Vietnamese uses them (found by running it over a
 * corpus of laws): words (`nòng`, `cược`, `mớn`, `giắc`, `mẩu`, `voọc`, `phốt`, `biêu`) and the
 * variants that official text still writes (`sỹ`, `tỳ`, `tầu`, `gẫy`, `quí`), and syllables of place
 * names (`Huế`, `Bắc Kạn`).
 */
const SUPPLEMENT = new Set(['nòng', 'cược', 'mớn', 'giắc', 'mẩu', 'voọc', 'phốt', 'biêu', 'chẩu', 'sỹ', 'tỳ', 'tầu', 'gẫy', 'quí', 'huế', 'kạn']);
const known = new Map<string, boolean>();

function instance() {
  speller ??= nspell(data.aff, data.dic);
  return speller;
}

/** True when the dictionary has the word (NFC), in either tone placement, lower-cased or as written. */
export function isKnownSyllable(word: string): boolean {
  const cached = known.get(word);
  if (cached !== undefined) return cached;
  const s = instance();
  const classic = toToneStyle(word.normalize('NFC'), 'classic');
  const lower = classic.toLowerCase();
  const capitalised = lower.charAt(0).toUpperCase() + lower.slice(1);
  const result = SUPPLEMENT.has(toToneStyle(lower, 'modern')) || s.correct(lower) || s.correct(capitalised) || s.correct(classic);
  known.set(word, result);
  return result;
}

/** The dictionary's suggestions for a word, in the modern placement; remembered per word, as nspell's search takes milliseconds. Callers must not change the array. */
export const suggestSyllables = perWord((word: string): string[] =>
  instance()
    .suggest(toToneStyle(word.normalize('NFC').toLowerCase(), 'classic'))
    .map((w) => toToneStyle(w, 'modern')),
);
