import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A real editor: headless Neovim (Debian's, installed by
 * scripts/install-system-deps.sh) starts `kehoach lsp --stdio`, shows the
 * diagnostics of the LĐLĐ plan, and moves the numbering one to the next
 * heading when the drafter renumbers `III.` to `II.`. Fails, not skips, when nvim is missing.
 */
const root = join(__dirname, '..');

describe('Neovim as the editor', () => {
  it('shows the server’s diagnostics and follows an edit', () => {
    const which = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    expect(which.error, 'nvim is not installed: run scripts/install-system-deps.sh').toBeUndefined();
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-nvim-'));
    try {
      const plan = join(dir, 'ke-hoach-470-KH-LDLD-lai-chau.kh');
      copyFileSync(join(root, 'examples', 'ke-hoach-470-KH-LDLD-lai-chau.kh'), plan);
      const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-c', `luafile ${join(root, 'tests', 'editors', 'nvim-lsp.lua')}`, plan], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, KEHOACH: join(root, 'bin', 'kehoach.js') },
        timeout: 60_000,
      });
      const stages = r.stdout
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l));
      expect(
        stages.map((s) => [s.stage, s.ok]),
        r.stdout + r.stderr,
      ).toEqual([
        ['open', true],
        ['edit', true],
      ]);
      expect(stages[0].diagnostics).toContainEqual({ line: 27, col: 2, code: 'heading-numbering' });
      expect(stages[1].diagnostics.filter((d: { code: string }) => d.code === 'heading-numbering')).toEqual([{ line: 45, col: 2, code: 'heading-numbering' }]);
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts the server with the README’s snippet as written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-nvim-readme-'));
    try {
      // `kehoach` on the PATH, as the README asks of the drafter.
      const bin = join(dir, 'bin');
      mkdirSync(bin);
      writeFileSync(join(bin, 'kehoach'), `#!/bin/sh\nexec node ${JSON.stringify(join(root, 'bin', 'kehoach.js'))} "$@"\n`);
      chmodSync(join(bin, 'kehoach'), 0o755);
      const workspace = join(dir, 'ws');
      mkdirSync(workspace);
      writeFileSync(join(workspace, 'kehoach.json'), '{}\n');
      const plan = join(workspace, 'ke-hoach-470-KH-LDLD-lai-chau.kh');
      copyFileSync(join(root, 'examples', 'ke-hoach-470-KH-LDLD-lai-chau.kh'), plan);
      const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-c', `luafile ${join(root, 'tests', 'editors', 'nvim-readme.lua')}`, plan], {
        cwd: workspace,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, KEHOACH_README: join(root, 'README.md') },
        timeout: 60_000,
      });
      expect(r.status, r.stdout + r.stderr).toBe(0);
      const result = JSON.parse(
        r.stdout
          .trim()
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .pop() ?? '{}',
      );
      expect(result.filetype).toBe('kehoach');
      expect(result.root).toBe(workspace);
      expect(result.codes).toContain('heading-numbering');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
