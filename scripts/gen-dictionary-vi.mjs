// Writes server/data/dictionary-vi.json from the installed dictionary-vi package
// (its Hunspell .aff and .dic as text), so that the rules can import the
// dictionary in any bundle (CLI, language server, browser) without reading
// files at run time: `node scripts/gen-dictionary-vi.mjs` after upgrading
// dictionary-vi (tests/text-rules.test.ts checks that the copy is current).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = join(root, 'node_modules', 'dictionary-vi');
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const data = {
  source: `${pkg.name}@${pkg.version}`,
  license: 'Dictionary and affix file: GPL (package.json says GPL-2.0, its license file GPLv3); see node_modules/dictionary-vi/license',
  aff: readFileSync(join(pkgDir, 'index.aff'), 'utf8'),
  dic: readFileSync(join(pkgDir, 'index.dic'), 'utf8'),
};
writeFileSync(join(root, 'server', 'data', 'dictionary-vi.json'), JSON.stringify(data, null, 0) + '\n');
console.log(`server/data/dictionary-vi.json written from ${data.source}`);
