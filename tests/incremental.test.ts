/**
 * Incremental analysis (`server/src/service/incremental.ts`): over random
 * sequences of edits, what the plan service computes version after version,
 * reusing the models of untouched blocks and the findings of untouched
 * paragraphs and runs, equals a full parse and check of the final text. Long run: `KEHOACH_FUZZ_RUNS` (fuzz-inputs.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../server/src/checks';
import { createPlanService } from '../server/src/service/plan-service';
import { shiftBlock, shiftCitation, shiftSection } from '../server/src/syntax/block-reuse';
import { TextMemo } from '../server/src/syntax/memo';
import { parsePlan } from '../server/src/syntax/parse';
import { examples, FUZZ_TIMEOUT, runs, SEED } from './fuzz-inputs';

const TODAY = '2026-01-15';

/** What an edit inserts: what a drafter types or pastes, including what changes the structure. */
const INSERTS = [
  'a',
  ' ',
  'ệ',
  '\n',
  '\n\n',
  '# ',
  '- ',
  '1. ',
  '**',
  '*',
  '|',
  'Chỉ thị số 24/CT-TTg',
  ' ngày 28/5/2020',
  'Sở Tài chính',
  'UBND tỉnh',
  'hoá',
  'TRONG TÂM',
  'các các',
  'quyêt',
  'Nơi nhận:\n- Lưu: VT.',
  '// kehoach-ignore text-spelling\n',
  '\r\n',
];

const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: fc.constantFrom('', ...INSERTS) });

/** A window of lines of an example plan: small enough for thousands of versions, real enough to find things in. */
// Windows at the top keep the header, so its fields and the plan's date stay in play.
// Some are doubled (the same paragraphs at two places: one memo entry, handed out at two lines) or in NFD (nothing reused).
const base = fc
  .tuple(fc.constantFrom(...examples), fc.oneof(fc.constant(0), fc.nat()), fc.integer({ min: 5, max: 60 }), fc.constantFrom('once', 'once', 'twice', 'nfd'))
  .map(([text, from, count, shape]) => {
    const lines = text.split('\n');
    const start = from % lines.length;
    const window = lines.slice(start, start + count).join('\n');
    return shape === 'twice' ? `${window}\n\n${window}` : shape === 'nfd' ? window.normalize('NFD') : window;
  });

describe('incremental analysis', () => {
  it(
    'equals a full parse and check of the final text after every edit of a random sequence',
    () => {
      fc.assert(
        fc.property(base, fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => {
          const service = createPlanService({ today: () => TODAY });
          let text = start;
          let version = 1;
          const document = {
            uri: 'file:///plan.kh',
            get version() {
              return version;
            },
            getText: () => text,
          };
          let before = { incremental: service.analyse(document), full: parsePlan(text) };
          for (const e of edits) {
            const at = e.at % (text.length + 1);
            text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
            version++;
            const incremental = service.analyse(document);
            const full = parsePlan(text);
            expect(incremental.parsed.document).toEqual(full.document);
            expect(incremental.parsed.diagnostics).toEqual(full.diagnostics);
            expect(incremental.diagnostics).toEqual(checkPlan(full, { today: TODAY }));
            // Blocks are shared between versions: the new one must leave the model of the one before as it was.
            expect(before.incremental.parsed.document).toEqual(before.full.document);
            before = { incremental, full };
          }
        }),
        { numRuns: runs(120), seed: SEED },
      );
    },
    FUZZ_TIMEOUT,
  );

  it('after a one-character edit of a long plan, computes again only what the edited paragraph holds', () => {
    /** Counts what the memo had to compute rather than reuse. */
    class CountingMemo extends TextMemo {
      computed: string[] = [];
      override get<T extends object>(kind: string, text: string, compute: () => T): T {
        return super.get(kind, text, () => {
          this.computed.push(kind);
          return compute();
        });
      }
    }
    const memo = new CountingMemo();
    let text = examples.reduce((a, b) => (b.length > a.length ? b : a));
    checkPlan(parsePlan(text, { memo }), { today: TODAY });
    const first = memo.computed.length;
    // One letter typed at the end of a paragraph line in the middle of the plan.
    const lines = text.split('\n');
    const line = lines.findIndex((l, k) => k > lines.length / 2 && /^[^#|/\-\d\s].{40,}/u.test(l));
    lines[line] += 'a';
    text = lines.join('\n');
    memo.computed = [];
    memo.nextVersion();
    const diagnostics = checkPlan(parsePlan(text, { memo }), { today: TODAY });
    expect(diagnostics).toEqual(checkPlan(parsePlan(text), { today: TODAY }));
    expect(first).toBeGreaterThan(100);
    // The paragraph's model, its scan, its run of words and its line, and (`phục` folds to the motto's `phuc`) where the
    // motto is in that line: nothing else.
    expect(memo.computed.sort()).toEqual(['block-paragraph', 'motto', 'noise-line', 'run', 'scan']);

    // A blank line added above a paragraph: every block below moves down a line and is reused, none built again.
    lines.splice(line, 0, '');
    text = lines.join('\n');
    memo.computed = [];
    memo.nextVersion();
    const moved = parsePlan(text, { memo });
    const full = parsePlan(text);
    expect(moved.document).toEqual(full.document);
    expect(moved.diagnostics).toEqual(full.diagnostics);
    expect(checkPlan(moved, { today: TODAY })).toEqual(checkPlan(full, { today: TODAY }));
    expect(memo.computed.filter((kind) => kind.startsWith('block-'))).toEqual([]);
  });

  it('moves a reused block by a copy with every position of it further down, whatever fields the model has', () => {
    /** Every position of plain data `delta` lines down, found by its shape (the only objects with `line` and `character`). */
    const moved = (value: unknown, delta: number): unknown => {
      if (typeof value !== 'object' || value === null) return value;
      if (Array.isArray(value)) return value.map((v) => moved(v, delta));
      const record = value as Record<string, unknown>;
      if (typeof record.line === 'number' && typeof record.character === 'number') return { line: record.line + delta, character: record.character };
      return Object.fromEntries(Object.entries(record).map(([key, v]) => [key, moved(v, delta)]));
    };
    /** The objects the copy shares with the original (none: the memo's copy is never handed out). */
    const shared = (a: unknown, b: unknown): number =>
      typeof a !== 'object' || a === null ? 0 : (a === b ? 1 : 0) + Object.keys(a).reduce((n, key) => n + shared((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]), 0);
    let checked = 0;
    for (const text of examples) {
      const { document } = parsePlan(text);
      const sections = (list: typeof document.sections): typeof document.sections => list.flatMap((s) => [s, ...sections(s.children)]);
      for (const section of sections(document.sections)) {
        expect(shiftSection(section, 3)).toEqual(moved(section, 3));
        expect(shared(shiftSection(section, 0), section)).toBe(0);
        for (const block of section.blocks) {
          expect(shiftBlock(block, 3)).toEqual(moved(block, 3));
          expect(shared(shiftBlock(block, 0), block)).toBe(0);
          checked++;
        }
      }
      for (const citation of document.citations) {
        expect(shiftCitation(citation, -2)).toEqual(moved(citation, -2));
        expect(shared(shiftCitation(citation, 0), citation)).toBe(0);
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
