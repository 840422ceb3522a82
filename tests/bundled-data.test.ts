/**
 * The data the bundles read beside them (scripts/data-beside-bundle.mjs) is
 * the data the core imports: each JSON file of the check path is bundled as
 * the build bundles it, into a folder one below its `data/` folder as `dist/`
 * lays them out, and every value the bundle reads, large ones from their
 * files, equals the JSON's; the word statistics' arrays, which the bundle
 * reads in place of their packed text, equal those the core decodes from it.
 * Then a file is taken away: a clear message, not a crash on undefined.
 */
import { build } from 'esbuild';
import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the build, without types.
import { DERIVED, dataBesideBundle } from '../scripts/data-beside-bundle.mjs';
import { decodeStatistics, statisticsOfBytes } from '../server/src/checks/word-statistics';
import { RowBytes } from '../server/src/registry/central';
import { temporaryFolders } from './helpers/temp-folders';

const root = join(__dirname, '..');
const NAMES = ['central-documents', 'syllable-bigrams', 'phrase-compounds', 'dictionary-vi'];
/** What the bundles read in place of values of the JSON: `{ [name]: { [key]: { replaces } } }`. */
const derived = DERIVED as Record<string, Record<string, { replaces: string[] }>>;
const temporaryFolder = temporaryFolders();
let bundle: string;

beforeAll(async () => {
  const out = temporaryFolder('bundled-data');
  bundle = join(out, 'chunks', 'data.mjs');
  await build({
    stdin: { contents: NAMES.map((name, i) => `export { default as d${i} } from './server/data/${name}.json';`).join('\n'), resolveDir: root, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: bundle,
    logLevel: 'warning',
    plugins: [dataBesideBundle(join(out, 'data'))],
  });
});

describe('data beside the bundles', () => {
  it('holds every value of each JSON file, the large ones outside the JavaScript', async () => {
    const bundled = (await import(pathToFileURL(bundle).href)) as Record<string, Record<string, unknown>>;
    const code = readFileSync(bundle, 'utf8');
    NAMES.forEach((name, i) => {
      const json = JSON.parse(readFileSync(join(root, 'server', 'data', `${name}.json`), 'utf8')) as Record<string, unknown>;
      const read = bundled[`d${i}`];
      const made = Object.keys(derived[name] ?? {});
      const replaced = Object.values(derived[name] ?? {}).flatMap((d) => d.replaces);
      const kept = Object.keys(json).filter((key) => !replaced.includes(key));
      expect(Object.keys(read).sort(), name).toEqual([...kept, ...made].sort());
      for (const key of kept) expect(read[key], `${name}.${key}`).toEqual(json[key]);
    });
    // What the bundle reads in their place equals what the core makes of the JSON.
    const decoded = decodeStatistics();
    const tables = statisticsOfBytes(bundled.d1.tables as Uint8Array);
    for (const key of Object.keys(decoded) as (keyof typeof decoded)[]) expect(tables[key], key).toEqual(decoded[key]);
    expect(decoded.pairSeconds.length).toBe(190_215);
    const rows = new RowBytes(bundled.d0.rowBytes as Uint8Array);
    const { rows: jsonRows } = JSON.parse(readFileSync(join(root, 'server', 'data', 'central-documents.json'), 'utf8')) as { rows: string[] };
    expect(Array.from({ length: rows.length }, (_, k) => rows.at(k))).toEqual(jsonRows);
    expect(rows.at(rows.length)).toBeUndefined();
    // The largest value of each stays out of the code V8 compiles.
    expect(code).not.toContain(JSON.stringify(jsonRows[100]).slice(1, -1));
    expect(code.length).toBeLessThan(100_000);
  });

  it('says which file is missing when one is', async () => {
    const text = join(bundle, '..', '..', 'data', 'central-documents.rowBytes.bin');
    renameSync(text, `${text}.away`);
    const other = `${bundle.slice(0, -4)}-copy.mjs`;
    renameSync(bundle, other);
    try {
      const bundled = (await import(pathToFileURL(other).href)) as Record<string, { rowBytes: Uint8Array }>;
      expect(() => bundled.d0.rowBytes).toThrow(/central-documents\.rowBytes\.bin.*missing/);
    } finally {
      renameSync(`${text}.away`, text);
    }
  });
});
