// `npm start`: the main job on the bundled example plans. Today: check them and
// say where they are; rendering and export join when the layout exists.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(root, 'examples');
const files = readdirSync(examples).filter((f) => f.endsWith('.kh')).sort();

console.log(`kehoach: kiểm tra ${files.length} kế hoạch mẫu / checking ${files.length} example plans in ${examples}\n`);
const result = spawnSync(process.execPath, [join(root, 'bin', 'kehoach.js'), 'check', ...files.map((f) => join('examples', f)), '--timing'], {
  cwd: root,
  stdio: 'inherit',
});
// Diagnostics on the seed plans are expected (they keep their real defects): only a crash or usage error fails.
if (result.status === 2 || result.status === null) process.exit(2);
console.log('\nCác tệp / Files:');
for (const f of files) console.log(`  ${join(examples, f)}`);
