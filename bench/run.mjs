// `npm run bench`: each bench file in turn, in its own process (a clean heap each), through tsx.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const files = ['bench/parse-check.bench.ts', 'bench/render.bench.ts', 'bench/review.bench.ts', 'bench/startup.bench.ts', 'bench/registry.bench.ts'];
let failed = false;
for (const file of files) {
  if (!existsSync(join(root, file))) {
    console.log(`${file}: not there yet, skipped`);
    continue;
  }
  console.log(`\n== ${file}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
