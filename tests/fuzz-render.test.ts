/**
 * Fuzzing (fast-check) of the layout and the three renderers: whatever the
 * text, `layoutPlan` and the HTML, DOCX and PDF renderers finish without
 * throwing and give a non-empty document. Fewer runs than the parser's: the
 * DOCX and PDF writers take tens of milliseconds a plan. Inputs, seed and
 * `KEHOACH_FUZZ_RUNS`: see `fuzz-inputs.ts`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../server/src/checks';
import { layoutPlan } from '../server/src/layout';
import { renderDocx } from '../server/src/render/docx';
import { renderHtmlPages } from '../server/src/render/html';
import { renderPdf } from '../server/src/render/pdf';
import { parsePlan } from '../server/src/syntax/parse';
import { FUZZ_TIMEOUT, planText, runs, SEED } from './fuzz-inputs';

const options = (n: number) => ({ numRuns: runs(n), seed: SEED });

describe('fuzz: layout and renderers', () => {
  it(
    'layout and HTML (with the source map and the findings marked, as the preview) never throw',
    () => {
      fc.assert(
        fc.property(planText, (text) => {
          const parsed = parsePlan(text);
          const diagnostics = checkPlan(parsed, { today: '2026-01-15' });
          const pages = renderHtmlPages(layoutPlan(parsed.document), { sourceMap: true, diagnostics });
          expect(pages.body.startsWith('<div class="kh-doc"')).toBe(true);
          expect(pages.pageCount).toBeGreaterThanOrEqual(1);
        }),
        options(80),
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'DOCX and PDF never throw',
    async () => {
      await fc.assert(
        fc.asyncProperty(planText, async (text) => {
          const layout = layoutPlan(parsePlan(text).document);
          const [docx, pdf] = await Promise.all([renderDocx(layout), renderPdf(layout)]);
          // A DOCX is a zip (PK), a PDF starts with its header.
          expect([docx[0], docx[1]]).toEqual([0x50, 0x4b]);
          expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
        }),
        options(20),
      );
    },
    FUZZ_TIMEOUT ?? 120_000,
  );
});
