import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutPlan } from '../server/src/layout';
import { escapeHtml, renderHtmlPages, renderStandaloneHtml } from '../server/src/render/html';
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
const visibleText = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

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
    for (const place of ['CHỦ QUẢN ', 'ỦY BAN ', '64/KH-UBND', 'Trà Vinh ', 'Trích yếu ', 'Lời mở đầu ', 'MỤC ĐÍCH ', 'Đoạn văn ', 'Mục ', 'Mục con ', 'Cột ', 'Ô ', 'Trên đây là Kế hoạch ', 'Sở ', 'Lưu: VT, ', 'TM. ỦY BAN ', 'CHỦ TỊCH ', 'Người ký ', 'PHỤ LỤC ']) {
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

describe('the preview pages', () => {
  it('carry the source lines of every text block and mark the blocks a finding touches', () => {
    const parsed = parsePlan('Cơ quan: ỦY BAN NHÂN DÂN TỈNH X\nSố: 1/KH-UBND\n---\n\n# I. Một\n# III. Hai\nĐoạn.\n');
    const pages = renderPreviewPages(layoutPlan(parsed.document), [{ range: { start: { line: 5, character: 2 }, end: { line: 5, character: 6 } }, severity: 'warning', message: 'heading-numbering: <b>II.</b>' }]);
    expect(pages.body).toMatch(/<p class="kh-p kh-heading k\d+ kh-diag kh-diag-warning" data-line="5" data-end-line="5" title="heading-numbering: &lt;b&gt;II.&lt;\/b&gt;">/);
    expect(pages.body).toMatch(/<p class="kh-p kh-heading k\d+" data-line="4" data-end-line="4">/);
    expect(pages.body).not.toContain('<b>');
  });
});
