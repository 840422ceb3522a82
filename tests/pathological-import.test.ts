/**
 * Pathological input for the import and the scaffold: the shapes that made
 * their regular expressions backtrack (issue 8's audit). Each case asserts
 * what comes out, not how fast (speed lives in `npm run bench`); the
 * timeouts are generous so that a hang fails instead of passing slowly.
 */
import { describe, expect, it } from 'vitest';
import { importText } from '../server/src/import';
import { checkPlan } from '../server/src/checks';
import { builtinRegistry } from '../server/src/registry/builtin';
import { planAsDocument } from '../server/src/registry/workspace';
import { newPlan } from '../server/src/scaffold';
import { runningName } from '../server/src/syntax/body-names';
import { parsePlan } from '../server/src/syntax/parse';

const LONG = 60_000;
const N = 100_000;
const HEADER = 'ỦY BAN NHÂN DÂN TỈNH TRÀ VINH\nSố: 64/KH-UBND\nTrà Vinh, ngày 17 tháng 11 năm 2020\nKẾ HOẠCH\nTriển khai\n\n';
const field = (text: string, key: string) => parsePlan(text).document.header.fields.find((f) => f.key === key)?.value;

describe('pathological input to the import', () => {
  it(
    'one line of 1 MB',
    () => {
      const sentence = 'Ủy ban nhân dân tỉnh triển khai thực hiện nhiệm vụ trọng tâm, bảo đảm tiến độ ';
      const { report } = importText(HEADER + sentence.repeat(Math.ceil(1_000_000 / sentence.length)));
      expect(report.words.missing).toEqual([]);
    },
    LONG,
  );

  it(
    '100 000 spaces and tabs inside the place and date (read as columns), and a line of 100 000 letters before a date that does not close',
    () => {
      const { text, report } = importText(
        `ỦY BAN NHÂN DÂN TỈNH TRÀ VINH\nSố: 64/KH-UBND\nTrà Vinh ,${' '.repeat(N)}ngày${'\t'.repeat(N)}17 tháng 11 năm 2020\n${'y'.repeat(N)}, ngày ${' .'.repeat(N)} tháng\nKẾ HOẠCH\nTriển khai\n`,
      );
      expect(field(text, 'date')).toBe('');
      expect(report.words.missing).toEqual([]);
    },
    LONG,
  );

  it(
    '100 000 tabs after the numbers of headings, items and an appendix, and in the closing',
    () => {
      const tabs = '\t'.repeat(N);
      const { report } = importText(
        `${HEADER}I.${tabs}MỤC ĐÍCH\n\n1.${tabs}Mục đích\n\n1.1.${tabs}Nội dung\n\na)${tabs}Việc một\n\n2.${tabs}Yêu cầu chung:${tabs}Bảo đảm đúng tiến độ đề ra.\n\nNơi nhận${tabs}:\n- Như trên;\n\nTM.${tabs}ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\n\nPHỤ LỤC${tabs}I${tabs}:${tabs}DANH MỤC\n`,
      );
      expect(report.syntaxDiagnostics).toEqual([]);
      expect(report.words.missing.filter((w) => w !== 'PHỤ' && w !== 'LỤC')).toEqual([]);
    },
    LONG,
  );

  it(
    '100 000 spaces ending a line, and 100 000 spaces then a stray character',
    () => {
      const { report } = importText(`${HEADER}Triển khai kế hoạch${' '.repeat(N)}\nđúng hạn.${' '.repeat(N)}\u0000 \n`);
      expect(report.words.missing).toEqual([]);
    },
    LONG,
  );
});

describe('pathological input to the scaffold', () => {
  it(
    'an issuer of 100 000 characters',
    () => {
      // A level word over and over, and a line break at the end that no place may run over.
      expect(runningName(`SỞ Y TẾ${' XÃ\tR'.repeat(N / 5)}\n`).length).toBe(7 + N + 1);
      const plan = newPlan({ implements: 'Chỉ thị số 21-CT/TW', issuer: `Ủy ban nhân dân${'\t'.repeat(N)}xã${'\t'.repeat(N)}x`, date: '2026-03-01', registry: builtinRegistry() });
      expect(plan.text).toContain('Cơ quan:');
    },
    LONG,
  );

  it(
    'an agency name of 100 000 capitalised words that ends in lower case',
    () => {
      expect(builtinRegistry().findAgency(`${' Lai'.repeat(N)} châu`)).toBeUndefined();
    },
    LONG,
  );
});

describe('pathological input to the cascade checks', () => {
  it(
    'a parent and a child with 100 000 characters of digits and commas, and an item of 100 000 spaces',
    () => {
      const figures = '0,0'.repeat(N / 3);
      const parent = [
        'Cơ quan: ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
        'Số: 40/KH-UBND',
        'Ngày: 02/01/2025',
        '---',
        '# TỔ CHỨC THỰC HIỆN',
        `- Ủy ban nhân dân các huyện${' '.repeat(N)}rà soát ${figures}ơ và 70% hộ dân.`,
        '',
      ].join('\n');
      const child = [
        'Cơ quan: ỦY BAN NHÂN DÂN HUYỆN SÌN HỒ',
        'Số: 5/KH-UBND',
        'Ngày: 10/02/2025',
        '---',
        'Thực hiện Kế hoạch số 40/KH-UBND ngày 02/01/2025 của Ủy ban nhân dân tỉnh:',
        `- Rà soát ${figures}ơ và 70% hộ dân.`,
        '',
      ].join('\n');
      const registry = builtinRegistry().with({ documents: [planAsDocument(parsePlan(parent).document, 'file:///plans/ke-hoach-40.kh')!] });
      const codes = checkPlan(parsePlan(child), { registry, today: '2026-11-22' }).map((d) => d.code);
      expect(codes).toContain('cascade-targets');
      expect(codes).not.toContain('internal');
    },
    LONG,
  );
});
