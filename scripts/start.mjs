// `npm start`: the main job on the bundled example plans: check them, then
// render each to HTML, DOCX and PDF into out/ (gitignored) and say where all is.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(root, 'examples');
const out = join(root, 'out');
const cli = join(root, 'bin', 'kehoach.js');
const files = readdirSync(examples)
  .filter((f) => f.endsWith('.kh'))
  .sort();

console.log(`kehoach: kiểm tra ${files.length} kế hoạch mẫu / checking ${files.length} example plans in ${examples}\n`);
const result = spawnSync(process.execPath, [cli, 'check', ...files.map((f) => join('examples', f)), '--timing'], {
  cwd: root,
  stdio: 'inherit',
});
// Diagnostics on the real example plans are expected (they keep their real defects): only a crash or usage error fails.
if (result.status === 2 || result.status === null) process.exit(2);

console.log(`\nkehoach: xuất bản trình bày / rendering the official layout into ${out}`);
mkdirSync(out, { recursive: true });
const written = [];
for (const file of files) {
  for (const format of ['html', 'docx', 'pdf']) {
    const target = join(out, `${basename(file, '.kh')}.${format}`);
    const started = performance.now();
    const render = spawnSync(process.execPath, [cli, 'render', join('examples', file), '--to', format, '-o', target], { cwd: root, encoding: 'utf8' });
    if (render.status !== 0) {
      process.stderr.write(render.stderr);
      process.exit(render.status ?? 2);
    }
    written.push({ target, ms: performance.now() - started });
  }
}

console.log('\nCác tệp / Files:');
for (const f of files) console.log(`  ${join(examples, f)}`);
console.log('\nBản trình bày / Rendered (thời gian gồm khởi động node / time includes starting node):');
for (const { target, ms } of written) console.log(`  ${target}  ${Math.round(statSync(target).size / 1024)} KB  ${Math.round(ms)} ms`);
