import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { layoutPlan } from '../server/src/layout';
import { subsetFont } from '../server/src/render/font-subset';
import { EMBEDDED_FONT_FACES, type FontFace } from '../server/src/render/fonts';
import { escapeHtml, renderHtmlPages, renderStandaloneHtml, textByFace } from '../server/src/render/html';
import { renderPreviewPages, renderPreviewShell } from '../server/src/render/html-preview';
import { parsePlan } from '../server/src/syntax/parse';
import { ATTACK_MARKUP, HOSTILE_PLAN } from './render-html-hostile';

/** The elements and attributes the renderers write; anything else came from the content. */
const TAGS = ['html', 'head', 'meta', 'title', 'style', 'body', 'div', 'section', 'p', 'span', 'br', 'table', 'colgroup', 'col', 'tr', 'td', 'th', 'script'];
const ATTRIBUTES = ['class', 'data-line', 'data-end-line', 'data-page', 'title', 'colspan', 'lang', 'charset', 'http-equiv', 'content', 'name', 'nonce', 'id'];

const hostile = () => {
  const parsed = parsePlan(HOSTILE_PLAN);
  return { layout: layoutPlan(parsed.document), parsed };
};

/** The text between tags, unescaped: what a reader sees. */
const visibleText = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('hostile text in the HTML', () => {
  const { layout, parsed } = hostile();
  const outputs = {
    standalone: renderStandaloneHtml(layout, { embedFonts: false, nonce: 'fixednonce' }),
    preview: renderPreviewShell(renderPreviewPages(layout, parsed.diagnostics), { nonce: 'fixednonce', cspSource: 'https://webview.invalid' }),
  };

  for (const [name, html] of Object.entries(outputs)) {
    it(`never reaches the ${name} HTML as markup`, () => {
      for (const markup of ATTACK_MARKUP) {
        if (markup === '<script>') {
          // The preview's own script is the only one, and it carries the nonce.
          expect(html.match(/<script\b[^>]*>/g) ?? []).toEqual(name === 'preview' ? ['<script nonce="fixednonce">'] : []);
        } else {
          expect(html).not.toContain(markup);
        }
      }
      // Every tag is one the renderer writes, with only the attributes it writes.
      for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
        const name = /^<([a-z0-9]+)/i.exec(tag)![1].toLowerCase();
        expect(TAGS, tag).toContain(name);
        for (const attribute of tag.slice(name.length + 1).matchAll(/([\w-]+)="[^"]*"/g)) expect(ATTRIBUTES, tag).toContain(attribute[1]);
        expect(tag.replace(/[\w-]+="[^"]*"/g, '').replace(/\s+/g, ''), tag).toBe(`<${name}>`);
      }
    });
  }

  it('shows the hostile text as text in every position: header values, headings, paragraphs, cells, recipients, signature, appendix', () => {
    const text = visibleText(renderHtmlPages(layout).body);
    const attack = '<script>window.__pwned=1</script>';
    for (const place of [
      'CHỦ QUẢN ',
      'ỦY BAN ',
      '64/KH-UBND',
      'Trà Vinh ',
      'Trích yếu ',
      'Lời mở đầu ',
      'MỤC ĐÍCH ',
      'Đoạn văn ',
      'Mục ',
      'Mục con ',
      'Cột ',
      'Ô ',
      'Trên đây là Kế hoạch ',
      'Sở ',
      'Lưu: VT, ',
      'TM. ỦY BAN ',
      'CHỦ TỊCH ',
      'Người ký ',
      'PHỤ LỤC ',
    ]) {
      // Names in the header and the signature are printed in capitals.
      expect(text.toLocaleLowerCase('vi'), place).toContain((place + attack).toLocaleLowerCase('vi'));
    }
  });

  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
});

describe('the standalone HTML', () => {
  it('is self-contained under a policy that allows no script and no remote load', () => {
    const html = renderStandaloneHtml(layoutPlan(parsePlan(readFileSync(new URL('../examples/ke-hoach-mau.kh', import.meta.url), 'utf8')).document), { nonce: 'abc' });
    const csp = visibleText(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]);
    expect(csp).toBe("default-src 'none'; style-src 'nonce-abc'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'");
    expect(html).not.toMatch(/(src|href)=|url\((?!data:)/);
    expect(html).toContain('@font-face{font-family:"Liberation Serif"');
  });
});

const examples = readdirSync(new URL('../examples/', import.meta.url)).filter((f) => f.endsWith('.kh'));
const layoutOfExample = (name: string) => layoutPlan(parsePlan(readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8')).document);

const FACES: Record<string, FontFace> = { 'normal normal': 'regular', 'bold normal': 'bold', 'normal italic': 'italic', 'bold italic': 'boldItalic' };

/** The `@font-face` rules of a file: the face each declares and its font file. */
function embeddedFaces(html: string): { face: FontFace; bytes: Uint8Array }[] {
  return [...html.matchAll(/@font-face\{font-family:"Liberation Serif";font-weight:(\w+);font-style:(\w+);src:url\(data:font\/ttf;base64,([^)]+)\) format\("truetype"\)\}/g)].map((m) => ({
    face: FACES[`${m[1]} ${m[2]}`],
    bytes: Uint8Array.from(atob(m[3]), (c) => c.charCodeAt(0)),
  }));
}

describe('the fonts of the standalone HTML', () => {
  for (const name of examples) {
    it(`${name}: only the faces the plan uses, each with the glyphs of its text and no more`, () => {
      const layout = layoutOfExample(name);
      const html = renderStandaloneHtml(layout, { nonce: 'abc' });
      // The four whole faces alone are over 2 MB of base64.
      expect(Buffer.byteLength(html)).toBeLessThan(400_000);
      const texts = textByFace(layout);
      const faces = embeddedFaces(html);
      expect(faces.map((f) => f.face).sort()).toEqual(Object.keys(texts).sort());
      expect(html.match(/@font-face/g)).toHaveLength(faces.length);
      for (const { face, bytes } of faces) {
        const subset = create(bytes);
        const whole = create(EMBEDDED_FONT_FACES[face]);
        expect(subset.familyName).toBe('Liberation Serif');
        const characters = [...new Set(texts[face])];
        for (const c of characters) {
          const codePoint = c.codePointAt(0)!;
          // Every character of the plan is one Liberation Serif has, and the subset draws it as the whole face does.
          expect(whole.hasGlyphForCodePoint(codePoint), `${face} U+${codePoint.toString(16)}`).toBe(true);
          expect(subset.hasGlyphForCodePoint(codePoint), `${face} ${c}`).toBe(true);
          const [ours, theirs] = [subset, whole].map((f) => f.glyphForCodePoint(codePoint));
          expect(ours.advanceWidth, `${face} ${c}`).toBe(theirs.advanceWidth);
          expect(ours.path.toSVG(), `${face} ${c}`).toBe(theirs.path.toSVG());
        }
        // Nothing else: the characters of the text (U+FFFF closes the cmap) and the glyphs they need (.notdef, accents drawn as components).
        expect(subset.characterSet.filter((c) => c !== 0xffff).sort((a, b) => a - b)).toEqual(characters.map((c) => c.codePointAt(0)!).sort((a, b) => a - b));
        expect(subset.numGlyphs).toBeLessThan(characters.length * 2 + 2);
      }
    });
  }

  it('gives a font for any text: the characters the face has, and no other', () => {
    const whole = create(EMBEDDED_FONT_FACES.italic);
    // Vietnamese letters, combining marks, controls, characters beyond the BMP and lone surrogates (any code point) alike.
    const text = fc.string({
      unit: fc.oneof(
        fc.constantFrom(...'ắằẳẵặệỹỵĐđ\u0300\u0323 \u00a0\t'),
        fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
      ),
      maxLength: 60,
    });
    fc.assert(
      fc.property(text, (t) => {
        const subset = create(subsetFont(EMBEDDED_FONT_FACES.italic, t));
        const expected = [...new Set(Array.from(t, (c) => c.codePointAt(0)!))].filter((c) => whole.hasGlyphForCodePoint(c)).sort((a, b) => a - b);
        expect(subset.characterSet.filter((c) => c !== 0xffff).sort((a, b) => a - b)).toEqual(expected);
        for (const c of expected) expect(subset.glyphForCodePoint(c).path.toSVG()).toBe(whole.glyphForCodePoint(c).path.toSVG());
      }),
      { numRuns: 60 },
    );
  });

  it('is the same file each time, whatever was exported before in the same process', () => {
    const [first, second] = examples.map(layoutOfExample);
    const once = renderStandaloneHtml(first, { nonce: 'abc' });
    const other = renderStandaloneHtml(second, { nonce: 'abc' });
    expect(renderStandaloneHtml(first, { nonce: 'abc' })).toBe(once);
    expect(renderStandaloneHtml(second, { nonce: 'abc' })).toBe(other);
    expect(other).not.toBe(once);
  });

  it('gives each face the text it draws: runs by their own style, page numbers in the regular face', () => {
    const texts = textByFace(layoutPlan(parsePlan('Cơ quan: ỦY BAN NHÂN DÂN TỈNH X\nSố: 1/KH-UBND\n---\n\n# I. Một\nĐoạn có **chữ đậm** và *chữ nghiêng* ở đây.\n').document));
    expect(texts.regular).toMatch(/^0123456789/);
    expect(texts.regular).toContain('Đoạn có ');
    expect(texts.bold).toContain('chữ đậm');
    expect(texts.italic).toContain('chữ nghiêng');
    expect(texts.regular).not.toContain('chữ đậm');
  });
});

describe('the preview pages', () => {
  it('carry the source lines of every text block and mark the blocks a finding touches', () => {
    const parsed = parsePlan('Cơ quan: ỦY BAN NHÂN DÂN TỈNH X\nSố: 1/KH-UBND\n---\n\n# I. Một\n# III. Hai\nĐoạn.\n');
    const pages = renderPreviewPages(layoutPlan(parsed.document), [
      { range: { start: { line: 5, character: 2 }, end: { line: 5, character: 6 } }, severity: 'warning', message: 'heading-numbering: <b>II.</b>' },
    ]);
    expect(pages.body).toMatch(/<p class="kh-p kh-heading k\d+ kh-diag kh-diag-warning" data-line="5" data-end-line="5" title="heading-numbering: &lt;b&gt;II.&lt;\/b&gt;">/);
    expect(pages.body).toMatch(/<p class="kh-p kh-heading k\d+" data-line="4" data-end-line="4">/);
    expect(pages.body).not.toContain('<b>');
  });

  it('mark every block a finding over many lines touches, and only those', () => {
    const body = Array.from({ length: 100 }, (_, i) => `Đoạn ${i}.`).join('\n\n');
    const parsed = parsePlan(`Cơ quan: ỦY BAN NHÂN DÂN TỈNH X\nSố: 1/KH-UBND\n---\n\n${body}\n`);
    const first = 4 + 2 * 10; // the line of «Đoạn 10.»
    const pages = renderPreviewPages(layoutPlan(parsed.document), [{ range: { start: { line: first, character: 0 }, end: { line: first + 120, character: 0 } }, severity: 'error', message: 'wide' }]);
    const marked = [...pages.body.matchAll(/<p class="([^"]*)" data-line="(\d+)"/g)].map((m) => [Number(m[2]), m[1].includes('kh-diag-error')] as const);
    expect(marked.length).toBeGreaterThan(90);
    for (const [line, isMarked] of marked) expect(isMarked).toBe(line >= first && line <= first + 120);
  });

  it('hold each word of a paragraph running over many pages once, in order, spread over its pages', () => {
    const words = Array.from({ length: 6000 }, (_, i) => `từ${i}`);
    const parsed = parsePlan(`Cơ quan: ỦY BAN NHÂN DÂN TỈNH X\nSố: 1/KH-UBND\n---\n\n${words.join(' ')}\n`);
    const layout = layoutPlan(parsed.document);
    const pages = renderPreviewPages(layout, []);
    const onPages = pages.body
      .split('<section ')
      .slice(1)
      .map((page) => visibleText(page).match(/từ\d+/g) ?? []);
    expect(onPages.length).toBeGreaterThan(4);
    expect(onPages.flat()).toEqual(words);
    // Every page after the first holds a share of the paragraph, not all or none of it.
    for (const shown of onPages.slice(1)) expect(shown.length).toBeGreaterThan(200);
  });
});
