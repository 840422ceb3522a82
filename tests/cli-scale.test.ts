/**
 * Many plans checked together from the CLI: past a million characters the
 * CLI lets each model go after reading the plans and reads a plan again where
 * its check or a plan citing it needs it. The findings are those of the plans
 * checked in a small run.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kehoach } from './helpers/cli';
import { temporaryFolders } from './helpers/temp-folders';

const root = join(__dirname, '..');
const temporaryFolder = temporaryFolders();
const fixtures = join(root, 'tests', 'fixtures', 'checks');

/** The parents and the plans citing them (their cascade findings depend on the parents' models). */
function copyCascadePlans(dir: string): string[] {
  const names = readdirSync(fixtures).filter((f) => f.startsWith('cascade-') && f.endsWith('.kh'));
  for (const name of names) cpSync(join(fixtures, name), join(dir, name));
  cpSync(join(fixtures, 'cascade-parents'), join(dir, 'cascade-parents'), { recursive: true });
  return names;
}

type Row = { file: string; code: string; message: string; range: unknown };
const findings = (dir: string, files: string[]) => {
  const r = kehoach(dir, 'check', '.', '--format', 'json');
  expect(r.code === 0 || r.code === 1, r.stderr).toBe(true);
  // Related places name the folder's files by their full paths.
  return (JSON.parse(r.stdout.replaceAll(dir, '<folder>')) as Row[]).filter((d) => files.includes(d.file));
};

describe('the check of a large workspace', () => {
  it('finds in each plan what a small run finds, parent models read again included', () => {
    const small = temporaryFolder('small');
    const names = copyCascadePlans(small);
    const expected = findings(small, names);
    expect(
      expected.some((d) => d.code.startsWith('cascade-')),
      'the cascade fixtures fire',
    ).toBe(true);

    const large = temporaryFolder('large');
    copyCascadePlans(large);
    // Filler plans, each with its own number, past the million characters up to which the parses are kept.
    const example = readFileSync(join(root, 'examples', 'ke-hoach-64-KH-UBND-tra-vinh.kh'), 'utf8');
    for (let i = 0, chars = 0; chars <= 1_050_000; i++, chars += example.length) {
      writeFileSync(join(large, `filler-${i}.kh`), example.replace(/^Số: *\d+/m, `Số: ${2000 + i}`));
    }
    expect(findings(large, names)).toEqual(expected);
  }, 240_000);
});
