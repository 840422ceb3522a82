/**
 * What the fuzz, incremental and pathological tests share: arbitrary plan
 * text (fragments of the syntax mixed with the Unicode that pasted text
 * brings: lone surrogates, NUL, BOM, combining marks, CR, CRLF, RTL marks),
 * the run count, and the check that a range lies inside its text.
 *
 * Runs are deterministic (a fixed seed) and modest so that `npm test` stays
 * quick; `KEHOACH_FUZZ_RUNS=5000 npx vitest run tests/fuzz.test.ts
 * tests/incremental.test.ts` is the long local run (every property then runs
 * that many times).
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Range } from '../server/src/model';

export const SEED = 20261202;

const asked = Number(process.env.KEHOACH_FUZZ_RUNS);
const long = Number.isInteger(asked) && asked > 0;

/** The property's run count: its modest default, or `KEHOACH_FUZZ_RUNS` for a long local run. */
export function runs(modest: number): number {
  return long ? asked : modest;
}

/** The test's timeout: vitest's default in CI, an hour for a long local run. */
export const FUZZ_TIMEOUT = long ? 3_600_000 : undefined;

export const examples = readdirSync(join(__dirname, '..', 'examples'))
  .filter((f) => f.endsWith('.kh'))
  .map((f) => readFileSync(join(__dirname, '..', 'examples', f), 'utf8'));

/** Pieces of the syntax and of Vietnamese plans, and the characters that break naive code. */
const FRAGMENTS = [
  '\u0000',
  '\uFEFF',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '😀',
  '\u0301',
  '\u0323',
  '\u0302',
  '\u200F',
  '\u200E',
  '\u202E',
  '\u061C',
  '\r',
  '\n',
  '\r\n',
  ' ',
  '  ',
  '\t',
  '*',
  '**',
  '***',
  '\\',
  '\\*',
  '#',
  '# ',
  '## ',
  '### ',
  '-',
  '- ',
  '+ ',
  '• ',
  '|',
  '| a | b |',
  '|---|---|',
  '//',
  '// kehoach-ignore text-spelling',
  '---',
  'Cơ quan: ',
  'Số: ',
  '64/KH-UBND',
  'Ngày: ',
  '17/11/2020',
  'Loại: Kế hoạch',
  'Trích yếu: ',
  'Hệ: đảng',
  'Nơi nhận:',
  'Ký:',
  'TM. ỦY BAN NHÂN DÂN',
  'Phụ lục:',
  'Phụ lục II:',
  '1. ',
  '1) ',
  '2.3. ',
  'a) ',
  'đ) ',
  'I. ',
  'Chỉ thị số 21-CT/TW',
  ' ngày 04/5/2023',
  ' của Ban Bí thư',
  'Nghị định số 30/2020/NĐ-CP',
  'Quyết định số 12 -QĐ/TU',
  'Sở Tài chính',
  'Ủy ban nhân dân tỉnh Trà Vinh',
  'UBND tỉnh',
  'ệ',
  'e\u0302\u0323',
  'hoá',
  'hóa',
  'TRONG TÂM',
  'quyêt định',
  'nhànước',
  'các các',
  'Trên đây là Kế hoạch',
  './.',
  'Ð',
  'x'.repeat(30),
];

/** Arbitrary text: binary strings, or fragments of plans and awkward Unicode strung together. */
export const planText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 120 }).map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom(...examples), fc.nat(), fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 })).map(([example, at, parts]) => {
    // A real plan with awkward text spliced into it.
    const cut = at % (example.length + 1);
    return example.slice(0, cut) + parts.join('') + example.slice(cut);
  }),
);

/** Lines of a text as LSP counts them (LF, CRLF and CR all end a line). */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Every range lies inside the text, is ordered, and no end of it splits a surrogate pair. */
export function expectRangesInside(text: string, ranges: Iterable<{ path: string; range: Range }>): void {
  const lines = linesOf(text);
  // Plain checks, one `expect` at the end: pathological plans have hundreds of thousands of ranges.
  const problems: string[] = [];
  for (const { path, range } of ranges) {
    for (const p of [range.start, range.end]) {
      const line = lines[p.line];
      if (line === undefined) problems.push(`${path}: line ${p.line} of ${lines.length}`);
      else if (!(p.character >= 0 && p.character <= line.length)) problems.push(`${path}: character ${p.character} of ${line.length}`);
      else {
        const before = line.charCodeAt(p.character - 1);
        const after = line.charCodeAt(p.character);
        if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) problems.push(`${path} splits a surrogate pair`);
      }
    }
    const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
    if (!ordered) problems.push(`${path} is reversed`);
    if (problems.length > 20) break;
  }
  expect(problems).toEqual([]);
}

/** The words of a text (letters and digits), NFC: what formatting must keep. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}
