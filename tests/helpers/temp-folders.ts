/**
 * Folders the tests write in, under the system's temporary folder, removed
 * after the last test of the file that made them, so that runs leave nothing
 * in /tmp. Make them in hooks or tests, not at a file's top level: `vitest
 * list` evaluates the top level but runs no hook, so nothing would remove them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** Set to 1 to keep the folders of pictures made for a person to look at (screenshots, pages side by side); their paths are printed. */
export const KEEP_ARTIFACTS = process.env.KEHOACH_KEEP_ARTIFACTS === '1';

/**
 * Returns `make(name)`, which makes a new folder `kehoach-<name>-XXXXXX`. Call
 * it at a file's top level: it registers the `afterAll` hook that removes
 * every folder `make` made. With `artifacts`, the folders hold pictures to
 * look at and are kept, their paths printed, when KEHOACH_KEEP_ARTIFACTS=1.
 */
export function temporaryFolders(options: { artifacts?: boolean } = {}): (name: string) => string {
  const made: string[] = [];
  const keep = options.artifacts === true && KEEP_ARTIFACTS;
  afterAll(() => {
    for (const dir of made.splice(0)) {
      if (keep) console.info(`kept (KEHOACH_KEEP_ARTIFACTS=1): ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    }
  });
  return (name) => {
    const dir = mkdtempSync(join(tmpdir(), `kehoach-${name}-`));
    made.push(dir);
    return dir;
  };
}
