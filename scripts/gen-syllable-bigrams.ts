// Writes server/data/syllable-bigrams.json: how often each word and each pair of adjacent words
// occur in a corpus of official Vietnamese, the statistics behind text-phrase's context slips
// (`đạo tạo` for `đào tạo`, `thẩm đinh` for `thẩm định`: server/src/checks/syllable-bigrams.ts).
//
//   npx tsx scripts/gen-syllable-bigrams.ts DIR…
//   npx tsx scripts/gen-syllable-bigrams.ts --variants   (only the variant groups again, from the words of the file)
//
// DIR holds .txt or .html files of edited official text. The data shipped was made from two
// public corpora of Vietnamese legal text (legal normative documents are not protected by
// copyright, Law on Intellectual Property, Article 15): the Vietnamese Legal Corpus
// (CP_Vietnamese-VLC of undertheseanlp/underthesea: its corpus/ and output/processed/ texts of
// laws and codes) and the Bộ pháp điển (the official code of the laws, decrees and circulars in
// force, by topic, as the pages of quangthai87vn/NLP-TraCuuPhapDienVN keep it: law-crawler/phap
// dien/demuc). Each paragraph is counted once (the code repeats its sources' notes). Words are
// runs of letters between spaces, lower case, modern tone placement; a pair is two words with
// nothing but spaces between them. Kept: the words and the pairs seen at least MIN_COUNT times.
//
// Format: `words` lists the words by falling count, `counts` their counts in base 36; `pairs`
// has one segment per word of `words` (in that order, separated by `.`): the words that follow
// it, each as two numbers, the distance in `words` from the word before it in the segment (the
// first from -1), minus one, and the pair's count minus MIN_COUNT; `triples` has the three
// words a b c (ranks in `words`) whose pairs a b and b c are both tight, seen at least MIN_COUNT
// times, by key (a × 16384 + b) × 16384 + c in rising order, each as the distance from the key
// before (the first from -1) minus one and the count minus MIN_COUNT; `variantKeys` are the
// confusion keys of the words (`variantGroups` of server/src/checks/syllable-bigrams.ts), and
// `variants` has per key the number of its words, then their ranks in rising order, each as the
// distance from the one before (the first from -1) minus one. Numbers are packed as
// server/src/checks/packed-numbers.ts writes them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packNumber } from '../server/src/checks/packed-numbers';
import { tightness } from '../server/src/checks/pair-tightness';
import { variantGroups } from '../server/src/checks/syllable-bigrams';
import { corpusRuns } from './corpus-runs';

const MIN_COUNT = 2;
const file = join(import.meta.dirname, '..', 'server', 'data', 'syllable-bigrams.json');

/** The variant groups of the words as the file keeps them (read once at a check's start, rather than worked out). */
function variantFields(words: string[], counts: number[]): { variantKeys: string; variants: string } {
  const groups = [...variantGroups(words, counts)];
  const variants = groups.map(([, ranks]) => packNumber(ranks.length) + ranks.map((r, i) => packNumber(r - (i === 0 ? -1 : ranks[i - 1]) - 1)).join(''));
  return { variantKeys: groups.map(([key]) => key).join(' '), variants: variants.join('') };
}

if (process.argv[2] === '--variants') {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const words: string[] = data.words.split(' ');
  Object.assign(
    data,
    variantFields(
      words,
      data.counts.split(' ').map((c: string) => parseInt(c, 36)),
    ),
  );
  writeFileSync(file, JSON.stringify(data) + '\n');
  console.log(`variant groups of ${words.length} words written`);
  process.exit(0);
}

const ids = new Map<string, number>();
const words: string[] = [];
const unigrams: number[] = [];
const pairs = new Map<number, number>();
const PAIR = 2 ** 21;
let total = 0;
for (const run of corpusRuns(process.argv.slice(2), { paragraphs: true })) {
  let previous = -1;
  for (const word of run) {
    let id = ids.get(word);
    if (id === undefined) {
      ids.set(word, (id = words.length));
      words.push(word);
      unigrams.push(0);
    }
    total++;
    unigrams[id]++;
    if (previous >= 0) pairs.set(previous * PAIR + id, (pairs.get(previous * PAIR + id) ?? 0) + 1);
    previous = id;
  }
}

const kept = words
  .map((_, id) => id)
  .filter((id) => unigrams[id] >= MIN_COUNT && /^\p{L}+$/u.test(words[id]))
  .sort((a, b) => unigrams[b] - unigrams[a] || (words[a] < words[b] ? -1 : 1));
const rank = new Map(kept.map((id, r) => [id, r]));
/** Keys of pairs and triples of ranks, as the rule reads them. */
const RANKS = 16384;
if (kept.length > RANKS) throw new Error(`${kept.length} words: more than the ${RANKS} a key holds`);
const following: [number, number][][] = kept.map(() => []);
let pairCount = 0;
for (const [key, count] of pairs) {
  if (count < MIN_COUNT) continue;
  const first = rank.get(Math.floor(key / PAIR));
  const second = rank.get(key % PAIR);
  if (first === undefined || second === undefined) continue;
  following[first].push([second, count]);
  pairCount++;
}

const segments = following.map((list) => {
  let previous = -1;
  return list
    .sort((a, b) => a[0] - b[0])
    .map(([second, count]) => {
      const out = packNumber(second - previous - 1) + packNumber(count - MIN_COUNT);
      previous = second;
      return out;
    })
    .join('');
});

// Second pass: the three words a b c whose two pairs are both tight (`xử lý vi`, `nhân dân huyện`), which tell
// a word that two tight pairs share from a word that belongs to one of them only (`tích hợp sau`: none).
const tight = new Set<number>();
following.forEach((list, first) => {
  for (const [second, count] of list) if (tightness(count, unigrams[kept[first]], unigrams[kept[second]], total) > 0) tight.add(first * RANKS + second);
});
const triples = new Map<number, number>();
for (const run of corpusRuns(process.argv.slice(2), { paragraphs: true })) {
  const ranks = run.map((w) => rank.get(ids.get(w)!) ?? -1);
  for (let k = 2; k < ranks.length; k++) {
    const [a, b, c] = [ranks[k - 2], ranks[k - 1], ranks[k]];
    if (a < 0 || b < 0 || c < 0 || !tight.has(a * RANKS + b) || !tight.has(b * RANKS + c)) continue;
    const key = (a * RANKS + b) * RANKS + c;
    triples.set(key, (triples.get(key) ?? 0) + 1);
  }
}
const keptTriples = [...triples].filter(([, count]) => count >= MIN_COUNT).sort((a, b) => a[0] - b[0]);
let previousTriple = -1;
const triplesText = keptTriples
  .map(([key, count]) => {
    const out = packNumber(key - previousTriple - 1) + packNumber(count - MIN_COUNT);
    previousTriple = key;
    return out;
  })
  .join('');

writeFileSync(
  file,
  JSON.stringify({
    $comment: [
      'Words and pairs of adjacent words of official Vietnamese with their counts, written by scripts/gen-syllable-bigrams.ts (the format is described there).',
      `Made from the Vietnamese Legal Corpus (CP_Vietnamese-VLC of undertheseanlp/underthesea) and the Bộ pháp điển: ${total} words, each paragraph once; kept: ${kept.length} words and ${pairCount} pairs seen at least ${MIN_COUNT} times, and ${keptTriples.length} triples of words whose two pairs are tight (server/src/checks/pair-tightness.ts).`,
      'Lower case, modern tone placement. Used by text-phrase (server/src/checks/syllable-bigrams.ts): a syllable that is a rare neighbour where a close variant is a frequent one.',
    ],
    total,
    minCount: MIN_COUNT,
    pairCount,
    words: kept.map((id) => words[id]).join(' '),
    counts: kept.map((id) => unigrams[id].toString(36)).join(' '),
    pairs: segments.join('.'),
    tripleCount: keptTriples.length,
    triples: triplesText,
    ...variantFields(
      kept.map((id) => words[id]),
      kept.map((id) => unigrams[id]),
    ),
  }) + '\n',
);
console.log(`${kept.length} words, ${pairCount} pairs, ${keptTriples.length} triples from ${total} words`);
