/**
 * Lexing again only the lines an edit touched (`lexLines` of
 * `server/src/syntax/lexer.ts`): version after version, the tokens equal those
 * of lexing the whole text, whatever the edit (a line's kind changed, lines
 * joined or split, a CR that an LF joins, an undo back to an earlier text), and
 * the lines the edit left alone keep their token objects; the last version's
 * blocks are regrouped only when the parser would group the new lines alike.
 */
import fc from 'fast-check';
import type { IToken } from 'chevrotain';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { lexLines, lineLexer, type LexedText } from '../server/src/syntax/lexer';
import { TextMemo } from '../server/src/syntax/memo';
import { parsePlan } from '../server/src/syntax/parse';
import { examples, planText, runs, SEED } from './fuzz-inputs';

/** What a token says, comparable with `toEqual`. */
const shape = (tokens: IToken[]) => tokens.map((t) => [t.tokenType.name, t.startOffset, t.image]);

/** The tokens of each version, each lexed from the last version's, with what a full lexing gives. */
function lexVersions(texts: string[]): { incremental: IToken[]; full: IToken[] }[] {
  let before: LexedText | undefined;
  return texts.map((text) => {
    const incremental = lexLines(text, before).tokens;
    before = { text, tokens: incremental };
    return { incremental: shape(incremental) as unknown as IToken[], full: shape(lineLexer.tokenize(text).tokens) as unknown as IToken[] };
  });
}

/** What a drafter types, pastes or deletes, including what changes a line's kind and its line breaks. */
const INSERTS = ['a', ' ', 'ệ', 'e\u0302', '\n', '\r', '\r\n', '\n\n', '# ', '- ', '1. ', 'a) ', '|', '//', '---', 'Nơi nhận:', 'Ký:', 'Số: ', '\\'];
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 30 }), insert: fc.constantFrom('', ...INSERTS) });

/** A real plan, one with CRLF or CR line breaks, or arbitrary text. */
const start = fc.oneof(
  fc.constantFrom(...examples),
  fc.constantFrom(...examples).map((text) => text.replace(/\n/g, '\r\n')),
  fc.constantFrom(...examples).map((text) => text.slice(0, 3000).replace(/\n/g, '\r')),
  planText,
);

describe('lexing again only the edited lines', () => {
  it('gives the tokens of a full lexing after every edit of a random sequence, an undo included', () => {
    fc.assert(
      fc.property(start, fc.array(edit, { minLength: 1, maxLength: 10 }), (first, edits) => {
        const texts = [first];
        let text = first;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
          texts.push(text);
        }
        // Back to the first text, as an undo of everything does.
        texts.push(first);
        for (const { incremental, full } of lexVersions(texts)) expect(incremental).toEqual(full);
      }),
      { numRuns: runs(300), seed: SEED },
    );
  });

  it('joins a line ending in CR with an LF typed after it, and splits a CRLF by a character typed between', () => {
    const versions = ['Nội dung\rcủa\rkế hoạch', 'Nội dung\r\ncủa\rkế hoạch', 'Nội dung\rx\ncủa\rkế hoạch', 'Nội dung\rx\ncủa\r\nkế hoạch'];
    const lexed = lexVersions(versions);
    for (const { incremental, full } of lexed) expect(incremental).toEqual(full);
    expect(lexed[1].incremental.length).toBe(3);
    expect(lexed[2].incremental.length).toBe(4);
  });

  it('changes the kind of the line edited and of no other, keeping the token objects of the lines before and after it', () => {
    const text = examples.reduce((a, b) => (b.length > a.length ? b : a));
    const { tokens } = lexLines(text);
    const lines = text.split('\n');
    const line = lines.findIndex((l, k) => k > lines.length / 2 && /^[^#|/\-\d\s].{40,}/u.test(l));
    const at = lines.slice(0, line).join('\n').length + 1;
    const index = tokens.findIndex((t) => t.startOffset === at);
    expect(tokens[index].tokenType.name).toBe('TextLine');
    const before = [...tokens];
    // The paragraph becomes a heading: two characters more, the lines after it moved by two.
    const edited = `${text.slice(0, at)}# ${text.slice(at)}`;
    const relexed = lexLines(edited, { text, tokens }).tokens;
    expect(shape(relexed)).toEqual(shape(lineLexer.tokenize(edited).tokens));
    expect(relexed[index].tokenType.name).toBe('HeadingLine');
    // Lexed again: the edited line, and the one before it (an edit at a line's start could join a CR ending it).
    expect(relexed.filter((token, k) => token === before[k])).toHaveLength(before.length - 2);
    expect(relexed.every((token, k) => (k === index - 1 || k === index) !== (token === before[k]))).toBe(true);
  });

  it("groups the lines again when an edit changes what the parser decides by: a text line's indentation", () => {
    const header = 'Cơ quan: ỦY BAN NHÂN DÂN TỈNH TRÀ VINH\nSố: 64/KH-UBND\nTrích yếu: Triển khai\n  thực hiện Chỉ thị số 24/CT-TTg\n---\n\n# I. MỤC ĐÍCH\n\nNội dung.\n';
    const closing = '\nNơi nhận:\n- Như trên;\n  - Lưu: VT.\n\nKý:\nTM. ỦY BAN NHÂN DÂN\n';
    // Each version differs from the one before by the indentation of one continuation line, nothing else.
    const versions = [header, header.replace('\n  thực', '\nthực'), header, header + closing, header + closing.replace('\n  - Lưu', '\n- Lưu'), header + closing];
    const memo = new TextMemo();
    for (const text of versions) {
      memo.nextVersion();
      const incremental = parsePlan(text, { memo });
      const full = parsePlan(text);
      expect(incremental.document).toEqual(full.document);
      expect(incremental.diagnostics).toEqual(full.diagnostics);
    }
  });

  it('keeps no earlier version of the text alive through the tokens and blocks it reuses', () => {
    // The engine's collector, to measure what stays reachable.
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const plan = examples.reduce((a, b) => (b.length > a.length ? b : a));
    const lines = Array.from({ length: 10 }, () => plan)
      .join('\n')
      .split('\n');
    const memo = new TextMemo();
    const parse = () => {
      memo.nextVersion();
      // A new string per version, as the editor sends: each 400 kB or so.
      parsePlan(lines.join('\n'), { memo });
    };
    parse();
    collect();
    const start = process.memoryUsage().heapUsed;
    // Each version edits another line, which stays as it is afterwards: were its token or block a slice of that
    // version's text, every version would stay in memory (some 60 MB here).
    for (let edit = 0, line = 0; edit < 150; edit++, line = (line + 7) % lines.length) {
      lines[line] += 'x';
      parse();
    }
    collect();
    expect(process.memoryUsage().heapUsed - start).toBeLessThan(15_000_000);
  });
});
