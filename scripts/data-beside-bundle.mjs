import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The large data of the check path, kept out of the JavaScript that V8 reads and compiles at every start
 * (that compiling was a fifth of a `kehoach check`): each of these JSON files becomes, in the ES bundles, a
 * module of its small values and, for each large one, a getter that reads it the first time the core asks,
 * from a text file of its own beside the bundles (`dist/data/<name>.<key>.txt`): a string as it is, a list of
 * strings without a line break as its lines, any other value as JSON to parse. Every chunk
 * and entry lies one folder below `dist/`, so `../data/` from a chunk's own URL is that folder from wherever
 * kehoach runs. The core still imports the JSON (the tests read it so); `tests/bundled-data.test.ts` holds
 * the values the bundle reads equal to the JSON's.
 */
const BESIDE_BUNDLE = /[\\/]server[\\/]data[\\/](central-documents|syllable-bigrams|phrase-compounds|dictionary-vi)\.json$/;
/** The exports of a module of the core, bundled to run here: the build makes some data as the core reads it. */
async function coreModule(entry) {
  const [bundle] = (await build({ absWorkingDir: root, entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning' })).outputFiles;
  return import(`data:text/javascript;base64,${Buffer.from(bundle.contents).toString('base64')}`);
}

/** What the bundles read in place of values that would take building at each start: the word statistics as the arrays their look-ups read, the central documents' rows as bytes a row at a time. */
export const DERIVED = {
  'syllable-bigrams': {
    tables: {
      make: async () => {
        const { decodeStatistics, statisticsBytes } = await coreModule('server/src/checks/word-statistics.ts');
        return statisticsBytes(decodeStatistics());
      },
      replaces: ['counts', 'pairs', 'triples'],
    },
  },
  'central-documents': {
    rowBytes: {
      make: async () => (await coreModule('server/src/registry/central.ts')).rowBytes(JSON.parse(readFileSync(join(root, 'server', 'data', 'central-documents.json'), 'utf8')).rows),
      replaces: ['rows'],
    },
  },
};

/** Values whose JSON is shorter than this stay in the module. */
const INLINE_CHARS = 4096;
/**
 * The esbuild plugin, writing the files into `folder` (`dist/data` for the bundles), with the values of
 * `DERIVED`, each read as the bytes of `<name>.<key>.bin`, in place of those they replace.
 */
export function dataBesideBundle(folder) {
  return {
    name: 'data-beside-bundle',
    setup(builder) {
      builder.onLoad({ filter: BESIDE_BUNDLE }, async ({ path }) => {
        const name = BESIDE_BUNDLE.exec(path)[1];
        const data = JSON.parse(readFileSync(path, 'utf8'));
        const small = {};
        const large = [];
        mkdirSync(folder, { recursive: true });
        const replaced = new Set(Object.values(DERIVED[name] ?? {}).flatMap((d) => d.replaces));
        for (const [key, value] of Object.entries(data)) {
          if (replaced.has(key)) continue;
          if (JSON.stringify(value).length < INLINE_CHARS) {
            small[key] = value;
            continue;
          }
          const lines = Array.isArray(value) && value.every((v) => typeof v === 'string' && !v.includes('\n'));
          const text = typeof value === 'string' ? value : lines ? value.join('\n') : JSON.stringify(value);
          const file = `${name}.${key}.txt`;
          writeFileSync(join(folder, file), text);
          // Text of ASCII alone read as Latin-1: a string of one byte a character, made without decoding.
          const read = `read(${JSON.stringify(file)}, ${JSON.stringify(/^[\x00-\x7f]*$/.test(text) ? 'latin1' : 'utf8')})`;
          large.push(`  get ${JSON.stringify(key)}() { return (values[${JSON.stringify(key)}] ??= ${typeof value === 'string' ? read : lines ? `${read}.split('\\n')` : `JSON.parse(${read})`}); },`);
        }
        for (const [key, { make }] of Object.entries(DERIVED[name] ?? {})) {
          const file = `${name}.${key}.bin`;
          writeFileSync(join(folder, file), await make());
          large.push(`  get ${JSON.stringify(key)}() { return (values[${JSON.stringify(key)}] ??= read(${JSON.stringify(file)})); },`);
        }
        return {
          loader: 'js',
          resolveDir: dirname(path),
          contents: [
            "import { readFileSync } from 'node:fs';",
            'const values = {};',
            'function read(name, encoding = null) {',
            '  const file = new URL(`../data/${name}`, import.meta.url);',
            '  try {',
            '    return readFileSync(file, encoding);',
            '  } catch (error) {',
            "    throw new Error(`Thiếu tệp dữ liệu ${file.pathname} của kehoach: hãy cài lại / kehoach's data file ${file.pathname} is missing: reinstall it (${error.message})`);",
            '  }',
            '}',
            `export default { ...${JSON.stringify(small)},`,
            ...large,
            '};',
          ].join('\n'),
        };
      });
    },
  };
}
