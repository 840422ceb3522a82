import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The repository stands alone: a clone with nothing beside it builds, tests
 * and documents itself. No tracked file may point at the team's background
 * folder beside the checkout, at its folder of original plan texts, or at its
 * notes by name; rules and comments cite the regulations and our own
 * docs/format-rules.*.md instead, and test data lives in tests/fixtures.
 * Prose such as "shared by", "shared with" is fine: only path-like uses count.
 * (The patterns are written with escapes, the samples built from pieces, so
 * that this file does not match them.)
 */
const OUTSIDE = [
  { what: 'a path into the folder beside the repository', pattern: /\.\.\/shared\b/ },
  { what: 'a path into a shared folder', pattern: /(?:^|[\s'"`([<=:,/])shared\/[\w.-]/m },
  { what: 'the folder of original plan texts outside the repository', pattern: /(?:^|[^\w-])seeds\/[\w.-]/m },
  { what: 'the background notes by name', pattern: /\b(?:format-rules|registry-research)\.md\b/ },
];

const root = join(__dirname, '..');

function trackedFiles(): string[] {
  const listed = spawnSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr || listed.error}`);
  return listed.stdout.split('\0').filter(Boolean);
}

/** Each reference as `file:line: text`. Binary files (a NUL byte) hold no references. */
function referencesOutside(files: string[], read: (file: string) => string): string[] {
  const found: string[] = [];
  for (const file of files) {
    const text = read(file);
    if (text.includes('\0')) continue;
    text.split('\n').forEach((line, i) => {
      for (const { what, pattern } of OUTSIDE) if (pattern.test(line)) found.push(`${file}:${i + 1}: ${what}: ${line.trim().slice(0, 160)}`);
    });
  }
  return found;
}

describe('the repository refers to nothing outside it', () => {
  it('no tracked file points at material beside the repository', () => {
    const files = trackedFiles();
    expect(files.length).toBeGreaterThan(100);
    expect(referencesOutside(files, (file) => readFileSync(join(root, file), 'utf8'))).toEqual([]);
  });

  it('tells a path from prose', () => {
    // Built from pieces, so that this file itself stays clean.
    const path = (...parts: string[]) => parts.join('/');
    const sample: Record<string, string> = {
      'a.md': ['The registry is shared by the CLI and the server.', 'Data shared with other plans.', `Read ${path('shared', 'domain', 'notes.txt')}.`].join('\n'),
      'b.ts': `const text = readFileSync('${path('..', '..', 'shared', 'design', 'sketch.md')}');`,
      'c.ts': `const dir = join(root, 'shared', '${path('seeds', 'ke-hoach.txt')}');`,
      'd.ts': `// as summarised in the ${['format-rules', 'md'].join('.')} notes`,
      'e.md': 'See docs/format-rules.en.md §8 and the seed of fast-check.',
    };
    const found = referencesOutside(Object.keys(sample), (file) => sample[file]).map((r) => r.split(': ')[0]);
    expect(found).toEqual(['a.md:3', 'b.ts:1', 'b.ts:1', 'c.ts:1', 'd.ts:1']);
  });
});
