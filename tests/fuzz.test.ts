/**
 * Fuzzing (fast-check) of the parser, the checks, their fixes and the
 * formatter on arbitrary Unicode (see `fuzz-inputs.ts` for the inputs, the
 * seed and `KEHOACH_FUZZ_RUNS` for a long local run).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../server/src/checks';
import { parsePlan } from '../server/src/syntax/parse';
import { SourceText } from '../server/src/syntax/source-text';
import { createPlanService } from '../server/src/service/plan-service';
import { allRanges } from './helpers/ranges';
import { expectRangesInside, FUZZ_TIMEOUT, planText, runs, SEED, wordsOf } from './fuzz-inputs';

const TODAY = '2026-01-15';
const options = (n: number) => ({ numRuns: runs(n), seed: SEED });

describe('fuzz: parser and checks', () => {
  it(
    'never throw, and every range of the model, the diagnostics and their fixes lies inside the text',
    () => {
      fc.assert(
        fc.property(planText, (text) => {
          const parsed = parsePlan(text);
          const diagnostics = checkPlan(parsed, { today: TODAY });
          expect(diagnostics.filter((d) => d.code === 'internal')).toEqual([]);
          expectRangesInside(text, [...allRanges(parsed.document, 'document'), ...allRanges(diagnostics, 'diagnostics')]);
        }),
        options(150),
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'fixes change their own ranges only, and their edits do not overlap',
    () => {
      fc.assert(
        fc.property(planText, (text) => {
          const src = new SourceText(text);
          for (const d of checkPlan(parsePlan(text), { today: TODAY })) {
            for (const fix of d.fixes ?? []) {
              const spans = fix.edits.map((e) => ({ start: src.offsetOf(e.range.start), end: src.offsetOf(e.range.end), newText: e.newText })).sort((a, b) => a.start - b.start);
              spans.forEach((s, i) => expect(i === 0 || spans[i - 1].end <= s.start, `${d.code}: overlapping edits`).toBe(true));
              let out = text;
              for (const s of [...spans].reverse()) out = out.slice(0, s.start) + s.newText + out.slice(s.end);
              // Everything before the first edit and after the last is the text as it was.
              const first = spans[0];
              const last = spans[spans.length - 1];
              if (!first) continue;
              expect(out.slice(0, first.start), d.code).toBe(text.slice(0, first.start));
              expect(out.slice(out.length - (text.length - last.end)), d.code).toBe(text.slice(last.end));
            }
          }
        }),
        options(100),
      );
    },
    FUZZ_TIMEOUT,
  );
});

describe('fuzz: formatter', () => {
  const format = (text: string) => {
    const service = createPlanService({ today: () => TODAY });
    const edits = service.getFormattingEdits({ uri: 'file:///fuzz.kh', version: 1, getText: () => text });
    expect(edits.length).toBeLessThanOrEqual(1);
    return edits.length ? edits[0].newText : text;
  };

  it(
    'keeps every word, and formatting twice changes nothing more',
    () => {
      fc.assert(
        fc.property(planText, (text) => {
          const once = format(text);
          // Renumbering may change heading and item numbers only: digits, Roman numerals, item letters.
          const letters = (t: string) => wordsOf(t).filter((w) => !/^(?:\d+|[IVXLCDM]+|\p{L})$/u.test(w));
          expect(letters(once)).toEqual(letters(text));
          expect(format(once)).toBe(once);
        }),
        options(60),
      );
    },
    FUZZ_TIMEOUT,
  );
});
