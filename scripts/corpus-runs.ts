// The runs of words of a corpus of edited Vietnamese, as the phrase generators count them
// (scripts/gen-phrase-compounds.ts, scripts/gen-syllable-bigrams.ts): .txt files, and .html
// files read as their text (tags are line breaks, entities decoded); a run is a stretch of
// words with no punctuation between them, each word canonical (lower case, modern tone
// placement, NFC). Texts seen before are skipped: whole files, or with `paragraphs`, each line
// longer than 30 characters (a corpus that quotes the same article in several places, such as
// a code of laws that repeats each law's notes, would count it once).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonical } from '../server/src/checks/vietnamese';

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of an HTML page: scripts and styles dropped, each tag a line break, entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[^]*?<\/\1>/gi, '\n')
    .replace(/<[^>]*>/g, '\n')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) =>
      name[0] !== '#' ? (ENTITIES[name.toLowerCase()] ?? entity) : String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)),
    );
}

/** Every run of canonical words of the .txt and .html files of `dirs` (sorted by name), each text once. */
export function* corpusRuns(dirs: string[], options: { paragraphs?: boolean } = {}): Generator<string[]> {
  const seen = new Set<string>();
  const cache = new Map<string, string>();
  const can = (w: string) => {
    let c = cache.get(w);
    if (c === undefined) cache.set(w, (c = canonical(w)));
    return c;
  };
  for (const dir of dirs) {
    for (const file of readdirSync(dir)
      .filter((f) => /\.(?:txt|html?)$/.test(f))
      .sort()) {
      const raw = readFileSync(join(dir, file), 'utf8');
      const text = (/\.html?$/.test(file) ? htmlText(raw) : raw).normalize('NFC');
      if (!options.paragraphs) {
        if (seen.has(text)) continue; // the same law twice
        seen.add(text);
      }
      for (const line of options.paragraphs ? text.split('\n') : [text]) {
        if (options.paragraphs) {
          const key = line.trim();
          if (key.length > 30) {
            if (seen.has(key)) continue;
            seen.add(key);
          }
        }
        for (const run of line.split(/[^\p{L}\p{M} \t]+/u)) {
          const words = run
            .split(/[ \t]+/)
            .filter(Boolean)
            .map(can);
          if (words.length) yield words;
        }
      }
    }
  }
}
