/**
 * The word lists behind the text rules are read the cheap way (a Set of the
 * dictionary's words instead of nspell, the corpus pairs one first word at a
 * time, the variant groups of the word statistics as stored): these tests
 * hold the cheap reading to the full one, word for word.
 */
import nspell from 'nspell';
import { describe, expect, it } from 'vitest';
import compounds from '../server/data/phrase-compounds.json';
import dictionaryData from '../server/data/dictionary-vi.json';
import bigrams from '../server/data/syllable-bigrams.json';
import { isKnownPhrase } from '../server/src/checks/phrase-lexicon';
import { storedVariantGroups, variantGroups } from '../server/src/checks/syllable-bigrams';
import { dictionaryWords, isDictionaryWord } from '../server/src/checks/vi-dictionary';

describe('the dictionary without nspell', () => {
  const speller = nspell(dictionaryData.aff, dictionaryData.dic);

  it('has no affix, flag, compound or conversion rule, so that a word is known by a look-up', () => {
    const directives = new Set(
      dictionaryData.aff
        .split('\n')
        .map((line) => line.split(/\s/)[0])
        .filter((d) => d && !d.startsWith('#')),
    );
    // SET names the encoding; TRY, MAP and REP serve suggestions only.
    expect([...directives].sort()).toEqual(['MAP', 'REP', 'SET', 'TRY']);
  });

  it('has the words nspell reads from the .dic', () => {
    const nspellWords = Object.keys((speller as unknown as { data: Record<string, unknown> }).data).sort();
    expect([...dictionaryWords()].sort()).toEqual(nspellWords);
  });

  it('answers as nspell does for every word in every case, and for words it lacks', () => {
    const variants = [...dictionaryWords()].flatMap((w) => [w, w.toLowerCase(), w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1).toLowerCase(), ` ${w} `]);
    const strangers = ['', ' ', 'nhiêm', 'quyêt', 'triễn', 'constructor', '__proto__', 'toString', 'HĐND', 'Hđnd', 'hđnd', 'HTml'];
    const differ = [...variants, ...strangers].filter((w) => isDictionaryWord(w) !== speller.correct(w));
    expect(differ).toEqual([]);
  });
});

describe('the corpus pairs read one first word at a time', () => {
  const pairs = Object.entries(compounds.compounds as Record<string, string>).flatMap(([first, seconds]) => seconds.split(' ').map((s) => [first, s.replace(/[$^]/g, '')]));

  it('knows every pair of the corpus', () => {
    expect(pairs.length).toBeGreaterThan(10_000);
    expect(pairs.filter((pair) => !isKnownPhrase(pair))).toEqual([]);
  });

  it('knows no pair that is not in it, whatever the first word is named', () => {
    for (const pair of [
      ['constructor', 'của'],
      ['__proto__', 'của'],
      ['hasOwnProperty', 'là'],
      ['toString', ''],
      ['nhằm', 'constructor'],
    ]) {
      expect(isKnownPhrase(pair), pair.join(' ')).toBe(false);
    }
  });
});

describe('the variant groups of the word statistics', () => {
  // When this fails, the confusion keys changed: run `npx tsx scripts/gen-syllable-bigrams.ts --variants`.
  it('are stored as the confusion keys of the words make them', () => {
    const computed = variantGroups(
      bigrams.words.split(' '),
      bigrams.counts.split(' ').map((c) => parseInt(c, 36)),
    );
    expect(computed.size).toBeGreaterThan(500);
    expect(storedVariantGroups()).toEqual(computed);
  });
});
