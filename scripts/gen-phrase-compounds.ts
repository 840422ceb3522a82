// Writes server/data/phrase-compounds.json: the two-syllable collocations (từ ghép and fixed
// pairs) of a corpus of correct Vietnamese text, which the text rules use to tell a real
// word boundary from a slip (`trực tiếp tiếp công dân`, `hợp đồng bảo lãnh`, `bắt đầu từ`).
//
//   npx tsx scripts/gen-phrase-compounds.ts DIR…
//
// DIR holds .txt (or .html) files of edited Vietnamese (the data shipped was made from the Vietnamese
// Legal Corpus, CP_Vietnamese-VLC in undertheseanlp/underthesea: 321 texts of laws and codes,
// 6.1 million syllables; legal normative documents are not protected by copyright, Law on
// Intellectual Property, Article 15). A pair is kept when it occurs at least MIN_COUNT times
// inside a run of words (no punctuation between) and its pointwise mutual information is at
// least MIN_PMI bits: frequent function-word pairs (`số của`, `và các`) fall below it. A pair whose
// second word mostly goes on into a phrase of server/data/phrases.json (`nhằm nâng` in `nhằm nâng
// cao`) is marked `^`: it must not claim that word from the phrase text-phrase checks; one whose
// first word mostly ends such a phrase (`định phê` in `quyết định phê duyệt`) is marked `$`. Run it
// again after changing the phrases.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonical } from '../server/src/checks/vietnamese';
import { corpusRuns } from './corpus-runs';

const MIN_COUNT = 3;
const MIN_PMI = 3;
/** Share of a pair's occurrences that continue (or end) a lexicon phrase above which the pair is dropped. */
const MAX_PHRASE_EDGE = 0.5;

const lexicon = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'server', 'data', 'phrases.json'), 'utf8')) as { phrases: string[] };
const phraseStarts = new Set<string>();
const phraseEnds = new Set<string>();
for (const raw of lexicon.phrases) {
  const words = raw
    .replace(/^\?/, '')
    .split(' ')
    .map((w) => canonical(w));
  phraseStarts.add(`${words[0]} ${words[1]}`);
  phraseEnds.add(`${words[words.length - 2]} ${words[words.length - 1]}`);
}
/** Occurrences of a pair whose second word starts a lexicon phrase with the word after (`starts`), or whose first ends one with the word before (`ends`). */
const starts = new Map<string, number>();
const ends = new Map<string, number>();

const uni = new Map<string, number>();
const bi = new Map<string, number>();
let n = 0;
for (const words of corpusRuns(process.argv.slice(2))) {
  for (let k = 0; k < words.length; k++) {
    n++;
    uni.set(words[k], (uni.get(words[k]) ?? 0) + 1);
    if (k + 1 < words.length) {
      const pair = `${words[k]} ${words[k + 1]}`;
      bi.set(pair, (bi.get(pair) ?? 0) + 1);
      if (k + 2 < words.length && phraseStarts.has(`${words[k + 1]} ${words[k + 2]}`)) starts.set(pair, (starts.get(pair) ?? 0) + 1);
      if (k >= 1 && phraseEnds.has(`${words[k - 1]} ${words[k]}`)) ends.set(pair, (ends.get(pair) ?? 0) + 1);
    }
  }
}
const grouped = new Map<string, string[]>();
for (const [pair, count] of bi) {
  if (count < MIN_COUNT) continue;
  const [x, y] = pair.split(' ');
  if (!/^\p{L}+$/u.test(x) || !/^\p{L}+$/u.test(y)) continue;
  if (Math.log2((count * n) / (uni.get(x)! * uni.get(y)!)) < MIN_PMI) continue;
  const keepSecond = (starts.get(pair) ?? 0) / count <= MAX_PHRASE_EDGE;
  const keepFirst = (ends.get(pair) ?? 0) / count <= MAX_PHRASE_EDGE;
  grouped.set(x, [...(grouped.get(x) ?? []), `${y}${keepSecond ? '' : '^'}${keepFirst ? '' : '$'}`]);
}
const compounds = Object.fromEntries([...grouped].sort(([a], [b]) => a.localeCompare(b, 'vi')).map(([x, ys]) => [x, ys.sort((a, b) => a.localeCompare(b, 'vi')).join(' ')]));
const total = [...grouped.values()].reduce((s, ys) => s + ys.length, 0);
writeFileSync(
  join(import.meta.dirname, '..', 'server', 'data', 'phrase-compounds.json'),
  JSON.stringify(
    {
      $comment: [
        'Two-syllable collocations of edited Vietnamese, written by scripts/gen-phrase-compounds.ts: first syllable → the syllables that follow it.',
        `Made from the Vietnamese Legal Corpus (CP_Vietnamese-VLC of undertheseanlp/underthesea, laws and codes): ${n} syllables; kept: at least ${MIN_COUNT} occurrences and ${MIN_PMI} bits of pointwise mutual information. A second syllable marked ^ goes on into a phrase of phrases.json in more than ${MAX_PHRASE_EDGE * 100}% of the pair's occurrences (the pair must not claim it); $ marks a first syllable that ends such a phrase as often.`,
        'Lower case, modern tone placement. Used by text-phrase (a syllable claimed by a compound outside the look-alike) and text-repeated-word (a doubled syllable at a word boundary).',
      ],
      compounds,
    },
    null,
    0,
  ) + '\n',
);
console.log(`${total} pairs from ${n} syllables`);
