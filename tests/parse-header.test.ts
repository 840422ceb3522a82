/**
 * `parseHeader`: what a plan gives other plans to cite (number, kind, issuer,
 * date, trích yếu, system) read from the text up to the `---` closing its
 * header is what a whole parse gives, whatever the line endings, the
 * normalisation, the default system, and where the first `---` stands.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planAsDocument } from '../server/src/registry/workspace';
import { parseHeader, parsePlan } from '../server/src/syntax/parse';

const root = join(__dirname, '..');
const plans = [
  ...readdirSync(join(root, 'examples'))
    .filter((f) => f.endsWith('.kh'))
    .map((f) => join(root, 'examples', f)),
  ...readdirSync(join(root, 'tests', 'fixtures', 'checks'))
    .filter((f) => f.startsWith('cascade-') && f.endsWith('.kh'))
    .map((f) => join(root, 'tests', 'fixtures', 'checks', f)),
];
const HEADER = 'Cơ quan: ỦY BAN NHÂN DÂN TỈNH TRÀ VINH\nSố: 64/KH-UBND\nĐịa danh: Trà Vinh\nNgày: 17/11/2020\nLoại: Kế hoạch\nTrích yếu: Triển khai\n';

/** The facts, without the model they carry. */
const facts = (document: ReturnType<typeof parseHeader>) => {
  const entry = planAsDocument(document, 'plan.kh');
  return entry && { ...entry, plan: undefined };
};

describe('parseHeader', () => {
  it('gives the facts a whole parse gives, for every example and cascade fixture, with LF, CRLF, CR and in NFD', () => {
    expect(plans.length).toBeGreaterThan(4);
    let withFacts = 0;
    for (const file of plans) {
      const text = readFileSync(file, 'utf8');
      for (const variant of [text, text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r'), text.normalize('NFD')]) {
        for (const system of [undefined, 'party' as const]) {
          const whole = facts(parsePlan(variant, { system }).document);
          if (whole) withFacts++;
          expect(facts(parseHeader(variant, { system })), file).toEqual(whole);
        }
      }
    }
    expect(withFacts).toBeGreaterThan(plans.length);
  });

  it('reads a header closed after unknown labels, one after a ---, one that no --- closes, as a whole parse does', () => {
    const cases = [
      // A header closed after labels the lexer does not know.
      `${HEADER}Người soạn: A\n---\n# I. MỤC ĐÍCH\nNội dung.\n`,
      // A --- before the header.
      `---\n${HEADER}---\n# I. MỤC ĐÍCH\n`,
      // No --- at all: the header runs into the body.
      `${HEADER}\n# I. MỤC ĐÍCH\nNội dung.\n`,
      // A header that no --- closes, and a --- in the body.
      `${HEADER}\n# I. MỤC ĐÍCH\nNội dung.\n---\nThêm.\n`,
      // A --- after a line separator (U+2028) inside a line: no line of its own for the lexer, so the header goes on.
      `Cơ quan: ỦY BAN NHÂN DÂN TỈNH TRÀ VINH\nSố: 64/KH-UBND\nTrích yếu: Triển khai\u2028---\nNgày: 17/11/2020\nLoại: Kế hoạch\n---\n# I. MỤC ĐÍCH\n`,
      // The Hệ: line says the system.
      `${HEADER}Hệ: đảng\n---\n`,
    ];
    for (const text of cases) expect(facts(parseHeader(text)), text).toEqual(facts(parsePlan(text).document));
    expect(facts(parseHeader(cases[cases.length - 1]))?.system).toBe('party');
  });
});
