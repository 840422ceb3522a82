import data from '../../data/syllable-bigrams.json';
import { readNumbers } from './packed-numbers';

/** A pair's key is `first * PAIR + second`, a triple's `(a * PAIR + b) * PAIR + c` (ranks of `words`). */
export const PAIR = 16384;

/**
 * The counts of `server/data/syllable-bigrams.json` as arrays of numbers that
 * a look-up reads without anything built first: a pair is found by halves
 * among its first word's pairs, a triple among the triples. The bundles read
 * them as the build wrote them beside the bundles
 * (scripts/data-beside-bundle.mjs, the bytes of `statisticsBytes`), a view
 * on the file's bytes; elsewhere (tests, scripts) they are decoded from the
 * JSON's packed text. Building a table of the pairs at start was a tenth of a
 * `kehoach check`.
 */
export interface WordStatistics {
  /** How often each word occurs, by rank. */
  counts: Uint32Array;
  /** The pairs of first word `f` are `pairStarts[f]` up to `pairStarts[f + 1]` of `pairSeconds` (ascending) and `pairCounts`. */
  pairStarts: Uint32Array;
  pairSeconds: Uint16Array;
  pairCounts: Uint32Array;
  /** The triples' keys, ascending, and their counts. */
  tripleKeys: Float64Array;
  tripleCounts: Uint32Array;
}

/** The statistics decoded from the packed text of the data file (the format is described in scripts/gen-syllable-bigrams.ts). */
export function decodeStatistics(): WordStatistics {
  const words = data.counts.split(' ');
  const counts = Uint32Array.from(words, (c) => parseInt(c, 36));
  const pairStarts = new Uint32Array(words.length + 1);
  const pairSeconds = new Uint16Array(data.pairCount);
  const pairCounts = new Uint32Array(data.pairCount);
  let at = 0;
  for (let first = 0, start = 0; first < words.length; first++) {
    pairStarts[first] = at;
    const dot = data.pairs.indexOf('.', start);
    const end = dot < 0 ? data.pairs.length : dot;
    // (distance from the second word before, count) after (distance, count).
    const values = start <= end ? readNumbers(data.pairs, start, end) : [];
    for (let k = 0, second = -1; k < values.length; k += 2, at++) {
      second += values[k] + 1;
      pairSeconds[at] = second;
      pairCounts[at] = values[k + 1] + data.minCount;
    }
    start = end + 1;
  }
  pairStarts[words.length] = at;
  const values = readNumbers(data.triples, 0, data.triples.length);
  const tripleKeys = new Float64Array(values.length / 2);
  const tripleCounts = new Uint32Array(values.length / 2);
  for (let k = 0, key = -1; k < values.length; k += 2) {
    tripleKeys[k / 2] = key += values[k] + 1;
    tripleCounts[k / 2] = values[k + 1] + data.minCount;
  }
  return { counts, pairStarts, pairSeconds, pairCounts, tripleKeys, tripleCounts };
}

/** The arrays in the order of the bytes, the eight-byte one first so that each starts aligned. */
const ORDER = ['tripleKeys', 'counts', 'pairStarts', 'pairCounts', 'tripleCounts', 'pairSeconds'] as const;
const ARRAYS = { tripleKeys: Float64Array, counts: Uint32Array, pairStarts: Uint32Array, pairCounts: Uint32Array, tripleCounts: Uint32Array, pairSeconds: Uint16Array };
/** The lengths of the six arrays, as many 32-bit numbers, then padding to eight bytes. */
const HEADER = 32;

/** The statistics as the bytes the build writes beside the bundles (little-endian, as every machine Node runs on). */
export function statisticsBytes(statistics: WordStatistics): Uint8Array {
  const size = ORDER.reduce((total, key) => total + statistics[key].byteLength, HEADER);
  const bytes = new Uint8Array(size);
  new Uint32Array(bytes.buffer, 0, ORDER.length).set(ORDER.map((key) => statistics[key].length));
  let at = HEADER;
  for (const key of ORDER) {
    bytes.set(new Uint8Array(statistics[key].buffer, statistics[key].byteOffset, statistics[key].byteLength), at);
    at += statistics[key].byteLength;
  }
  return bytes;
}

/** Views of the arrays on those bytes (copied first when they do not start at a multiple of eight). */
export function statisticsOfBytes(bytes: Uint8Array): WordStatistics {
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const lengths = new Uint32Array(aligned.buffer, aligned.byteOffset, ORDER.length);
  let at = aligned.byteOffset + HEADER;
  const statistics = {} as Record<(typeof ORDER)[number], WordStatistics[keyof WordStatistics]>;
  ORDER.forEach((key, i) => {
    const array = new ARRAYS[key](aligned.buffer as ArrayBuffer, at, lengths[i]);
    statistics[key] = array;
    at += array.byteLength;
  });
  return statistics as WordStatistics;
}

let statistics: WordStatistics | undefined;

/** The statistics: as the build wrote them beside the bundle, else decoded from the data file. */
export function wordStatistics(): WordStatistics {
  const built = (data as { tables?: Uint8Array }).tables;
  statistics ??= built ? statisticsOfBytes(built) : decodeStatistics();
  return statistics;
}

/** The count of the pair `first second`, 0 when unseen. */
export function pairCount(s: WordStatistics, first: number, second: number): number {
  return countOf(s.pairSeconds, s.pairCounts, second, s.pairStarts[first], s.pairStarts[first + 1]);
}

/** The count of the triple of this key, 0 when unseen. */
export function tripleCount(s: WordStatistics, key: number): number {
  return countOf(s.tripleKeys, s.tripleCounts, key, 0, s.tripleKeys.length);
}

/** The count beside `key` among `keys` from `low` up to `high` (ascending), found by halves; 0 when it is not there. */
function countOf(keys: Uint16Array | Float64Array, counts: Uint32Array, key: number, low: number, high: number): number {
  while (low < high) {
    const mid = (low + high) >>> 1;
    const at = keys[mid];
    if (at === key) return counts[mid];
    if (at < key) low = mid + 1;
    else high = mid;
  }
  return 0;
}
