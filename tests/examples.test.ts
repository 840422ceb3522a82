import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../server/src/checks';
import { modelStrings, wordsOf } from '../server/src/import/import-plan';
import { parsePlan } from '../server/src/syntax/parse';

const root = join(__dirname, '..');
const ORIGINALS = ['ke-hoach-64-KH-UBND-tra-vinh', 'ke-hoach-184-KH-TU-tinh-uy-lai-chau', 'ke-hoach-470-KH-LDLD-lai-chau'];
const originalsDir = join(root, 'tests', 'fixtures', 'originals');

/** Every word of the model JSON: what `kehoach parse` hands to the stages after it. */
const modelWords = (json: unknown): Set<string> => wordsOf(modelStrings(json).join(' '));

describe('the real plans transcribed into examples/', () => {
  for (const name of ORIGINALS) {
    it(`${name}: kehoach parse keeps at least 97% of the original's distinct words`, () => {
      const originalWords = wordsOf(readFileSync(join(originalsDir, `${name}.txt`), 'utf8'));
      const r = spawnSync(process.execPath, [join(root, 'bin', 'kehoach.js'), 'parse', join(root, 'examples', `${name}.kh`), '--format', 'json'], { encoding: 'utf8' });
      expect([0, 1]).toContain(r.status);
      const kept = modelWords(JSON.parse(r.stdout).document);
      const missing = [...originalWords].filter((w) => !kept.has(w));
      const ratio = 1 - missing.length / originalWords.size;
      expect(ratio, `missing: ${missing.join(', ')}`).toBeGreaterThanOrEqual(0.97);
    });
  }

  const numbering = (name: string) =>
    checkPlan(parsePlan(readFileSync(join(root, 'examples', `${name}.kh`), 'utf8')))
      .filter((d) => d.code === 'heading-numbering')
      .map((d) => d.message.split(' / ')[0]);

  it('the numbering check fires on the LĐLĐ plan’s III. after I.', () => {
    expect(numbering('ke-hoach-470-KH-LDLD-lai-chau')).toEqual(['Số đề mục nhảy từ I. sang III.; số đúng là II.']);
  });

  it('the numbering check stays silent on the Trà Vinh and Tỉnh ủy plans', () => {
    expect(numbering('ke-hoach-64-KH-UBND-tra-vinh')).toEqual([]);
    expect(numbering('ke-hoach-184-KH-TU-tinh-uy-lai-chau')).toEqual([]);
  });

  it('reads each plan’s system from its number', () => {
    const system = (name: string) => parsePlan(readFileSync(join(root, 'examples', `${name}.kh`), 'utf8')).document.system.value;
    expect(ORIGINALS.map(system)).toEqual(['state', 'party', 'mass']);
  });

  it('the clean plan yields nothing above hint', () => {
    const diagnostics = checkPlan(parsePlan(readFileSync(join(root, 'examples', 'ke-hoach-mau.kh'), 'utf8')));
    expect(diagnostics.filter((d) => d.severity !== 'hint').map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`)).toEqual([]);
  });
});

describe('every diagnostic on the examples', () => {
  it('is the one listed in tests/golden/examples-diagnostics.txt (read line by line; update with vitest -u)', async () => {
    const { readdirSync } = await import('node:fs');
    const { textAt } = await import('./helpers/ranges');
    const lines: string[] = [];
    for (const file of readdirSync(join(root, 'examples'))
      .filter((f) => f.endsWith('.kh'))
      .sort()) {
      const text = readFileSync(join(root, 'examples', file), 'utf8');
      for (const d of checkPlan(parsePlan(text), { today: '2026-11-22' })) {
        const covered = textAt(text, d.range).replace(/\s+/g, ' ');
        const shown = covered.length > 60 ? `${covered.slice(0, 28)}…${covered.slice(-28)}` : covered;
        lines.push(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} «${shown}» ${d.message.split(' / ')[0]}`);
      }
    }
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('golden/examples-diagnostics.txt');
  });
});
