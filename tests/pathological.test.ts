/**
 * Pathological input: what a paste can bring. Each case asserts what the
 * parser and the checks find, not how fast (speed lives in `npm run bench`);
 * the timeouts are generous so that a hang fails instead of passing slowly.
 */
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../server/src/checks';
import type { PlanDiagnostic } from '../server/src/model';
import { parsePlan } from '../server/src/syntax/parse';
import { allRanges, textAt } from './helpers/ranges';
import { examples, expectRangesInside } from './fuzz-inputs';

const TODAY = '2026-01-15';
const HEADER = 'Cơ quan: ỦY BAN NHÂN DÂN TỈNH TRÀ VINH\nSố: 64/KH-UBND\nĐịa danh: Trà Vinh\nNgày: 17/11/2020\nLoại: Kế hoạch\nTrích yếu: Triển khai\n---\n\n';
const LONG = 60_000;

/** Parses and checks, asserting that nothing threw and every range lies in the text. */
function analyse(text: string) {
  const parsed = parsePlan(text);
  const diagnostics = checkPlan(parsed, { today: TODAY });
  expect(diagnostics.filter((d) => d.code === 'internal')).toEqual([]);
  expectRangesInside(text, [...allRanges(parsed.document, 'document'), ...allRanges(diagnostics, 'diagnostics')]);
  return { ...parsed, findings: diagnostics };
}

describe('pathological input', () => {
  it(
    'one line of 1 MB',
    () => {
      const sentence = 'Ủy ban nhân dân tỉnh triển khai thực hiện nhiệm vụ trọng tâm, bảo đảm tiến độ. ';
      const line = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
      const { document, findings } = analyse(HEADER + line);
      expect(line.length).toBeGreaterThanOrEqual(1_000_000);
      expect(document.preamble).toHaveLength(1);
      expect(document.agencies.length).toBe(Math.ceil(1_000_000 / sentence.length));
      // The same sentence over and over: not one slip, repeated word or spelling finding in it.
      expect(findings.filter((d) => d.code.startsWith('text-'))).toEqual([]);
    },
    LONG,
  );

  it(
    '50 000 headings',
    () => {
      const { document } = analyse(HEADER + '# MỤC\n'.repeat(50_000));
      expect(document.sections).toHaveLength(50_000);
      expect(document.sections[49_999].computedNumber).toBeTruthy();
    },
    LONG,
  );

  it(
    '20 000 nested list markers, on one line and as 20 000 indented items',
    () => {
      const oneLine = analyse(`${HEADER}# NHIỆM VỤ\n${'- '.repeat(20_000)}việc\n`);
      expect(oneLine.document.sections[0].blocks).toHaveLength(1);
      const indented = Array.from({ length: 20_000 }, (_, i) => `${'  '.repeat(i % 40)}- việc ${i}`).join('\n');
      const { document } = analyse(`${HEADER}# NHIỆM VỤ\n${indented}\n`);
      const items = JSON.stringify(document.sections).match(/"kind":"item"/g)?.length ?? 0;
      expect(items).toBeGreaterThan(0);
    },
    LONG,
  );

  it(
    'an unclosed bold over 100 000 characters is reported once and kept as text',
    () => {
      const body = 'chữ '.repeat(25_000);
      const { document, diagnostics } = analyse(`${HEADER}**${body}\n`);
      const unclosed = diagnostics.filter((d) => d.message.includes('**'));
      expect(unclosed).toHaveLength(1);
      expect(unclosed[0].range.start).toEqual({ line: 8, character: 0 });
      expect(JSON.stringify(document.preamble)).toContain('**chữ chữ');
    },
    LONG,
  );

  it(
    '10 000 citations on one line',
    () => {
      const { document } = analyse(`${HEADER}${'Thực hiện Chỉ thị số 24/CT-TTg ngày 28/5/2020 của Thủ tướng Chính phủ; '.repeat(10_000)}\n`);
      expect(document.citations).toHaveLength(10_000);
      expect(document.citations[9_999]).toMatchObject({ key: '24/CT-TTg', date: { iso: '2020-05-28' } });
    },
    LONG,
  );

  it(
    'a whole plan in NFD gives the findings of its NFC form, on the same characters',
    () => {
      /** A finding as the drafter sees it: rule, message, line and the characters it covers. */
      const seen = (text: string, d: PlanDiagnostic) => `${d.code} ${d.range.start.line} ${textAt(text, d.range)} ${d.message}`;
      for (const nfc of examples) {
        const nfd = nfc.normalize('NFD');
        expect(nfd).not.toBe(nfc);
        const decomposed = analyse(nfd).findings.filter((d) => d.code !== 'text-nfd');
        const composed = analyse(nfc).findings;
        expect(decomposed.map((d) => seen(nfd, d))).toEqual(composed.map((d) => seen(nfc, d)));
        // The decomposed text itself is reported, once per line that has some.
        expect(analyse(nfd).findings.some((d) => d.code === 'text-nfd')).toBe(true);
      }
    },
    LONG,
  );
});
