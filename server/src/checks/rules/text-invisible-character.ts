import type { Bilingual, Rule } from '../rule';

/**
 * Characters a reader cannot see: control characters no document may hold
 * (XML 1.0 refuses them, so a DOCX with one is broken; a terminal obeys
 * them), bidirectional controls that reorder what is shown (the "Trojan
 * Source" trick: the text a reviewer reads is not the text that is there),
 * and invisible characters pasted from elsewhere that split words for search
 * and spelling. A run of them is one finding.
 */
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u00AD\u200B-\u200D\u2060\uFEFF]+/g;

type Kind = 'control' | 'bidi' | 'invisible';

function kindOf(c: string): Kind {
  const code = c.charCodeAt(0);
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code >= 0xfffe) return 'control';
  if (code === 0x061c || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return 'bidi';
  return 'invisible';
}

const NAMES: Record<number, string> = {
  0x1b: 'ESC',
  0x0b: 'VT',
  0x0c: 'FF',
  0x7f: 'DEL',
  0xfffe: 'noncharacter',
  0xffff: 'noncharacter',
  0x061c: 'ARABIC LETTER MARK',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x00ad: 'SOFT HYPHEN',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x2060: 'WORD JOINER',
  0xfeff: 'BYTE ORDER MARK',
};

const nameOf = (c: string) => {
  const code = c.charCodeAt(0);
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  return NAMES[code] ? `U+${hex} (${NAMES[code]})` : `U+${hex}`;
};

const MESSAGES: Record<Kind, (names: string) => Bilingual> = {
  control: (names) => ({
    vi: `Ký tự điều khiển ${names} không được có trong văn bản (tệp DOCX xuất ra sẽ hỏng)`,
    en: `Control character ${names} has no place in a document (an exported DOCX would be broken)`,
  }),
  bidi: (names) => ({
    vi: `Ký tự điều khiển hướng chữ ${names} có thể đảo thứ tự chữ hiển thị, làm chữ đọc được khác chữ thật`,
    en: `Bidirectional control ${names} can reorder the text as shown, so that what is read differs from what is there`,
  }),
  invisible: (names) => ({
    vi: `Ký tự vô hình ${names} chia cắt từ khi tìm kiếm và kiểm tra chính tả`,
    en: `Invisible character ${names} splits words for search and spell checking`,
  }),
};

/** The character (a whole surrogate pair) that ends at, or starts at, an offset. */
const pointBefore = (text: string, at: number) => (at > 1 && /[\uDC00-\uDFFF]/.test(text[at - 1]) ? text.slice(at - 2, at) : text[at - 1]);
const pointAt = (text: string, at: number) => (at < text.length ? String.fromCodePoint(text.codePointAt(at)!) : undefined);

const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);
const isPictograph = (c: string | undefined) => c !== undefined && /\p{Extended_Pictographic}/u.test(c);

/**
 * A soft hyphen inside a word is a hyphenation point Word keeps; a joiner
 * between two pictographs builds one emoji; a byte-order mark that opens the
 * text is its encoding's mark (an editor that keeps it). Elsewhere they are stray.
 */
function expected(run: string, at: number, before: string | undefined, after: string | undefined): boolean {
  if (run === '\uFEFF') return at === 0;
  if (run === '\u00AD') return isLetter(before) && isLetter(after);
  if (run === '\u200D') return isPictograph(before) && isPictograph(after);
  return false;
}

export const textInvisibleCharacter: Rule = {
  id: 'text-invisible-character',
  title: { vi: 'Ký tự điều khiển, đảo hướng hoặc vô hình', en: 'Control, bidirectional or invisible character' },
  defaultSeverity: 'error',
  check({ source, report }) {
    const text = source.text;
    HIDDEN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = HIDDEN.exec(text))) {
      const run = m[0];
      if (expected(run, m.index, pointBefore(text, m.index), pointAt(text, m.index + run.length))) continue;
      const kinds = [...run].map(kindOf);
      // The gravest kind names the finding and gives its severity.
      const kind: Kind = kinds.includes('control') ? 'control' : kinds.includes('bidi') ? 'bidi' : 'invisible';
      const names = [...new Set([...run].map(nameOf))].join(', ');
      const range = source.range(m.index, m.index + run.length);
      // A vertical tab or form feed separated words (Word's line break): a space keeps them apart.
      const newText = /[\u000B\u000C]/.test(run) ? ' ' : '';
      report(range, MESSAGES[kind](names), [{ title: 'Xóa các ký tự này / Delete these characters', edits: [{ range, newText }], safe: true }], kind === 'control' ? {} : { severity: 'warning' });
    }
  },
};
