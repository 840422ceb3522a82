import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutPlan, type LayoutDocument, type LayoutParagraph } from '../server/src/layout';
import { renderDocx } from '../server/src/render/docx';
import { parsePlan } from '../server/src/syntax/parse';
import { exampleLayout, flat, paragraphs, PARTY_PLAN, STATE_PLAN, textOf } from './helpers/render';

/** Twentieths of a point, computed here independently of the renderer. */
const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Docx {
  layout: LayoutDocument;
  parts: Record<string, string>;
  body: string;
}

async function docxOf(name: string): Promise<Docx> {
  const layout = exampleLayout(name);
  const files = unzipSync(await renderDocx(layout));
  const parts = Object.fromEntries(
    Object.entries(files)
      .filter(([path]) => path.endsWith('.xml') || path.endsWith('.rels'))
      .map(([path, bytes]) => [path, strFromU8(bytes)]),
  );
  return { layout, parts, body: parts['word/document.xml'] };
}

function attribute(element: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(element)?.[1];
}

/** The `<w:r>` whose text begins with `text`, and the `<w:p>` around it. */
function runOf(xml: string, text: string): { run: string; paragraph: string } {
  const at = xml.indexOf(`>${escapeXml(text)}`);
  expect(at, `no run starts with ${text}`).toBeGreaterThan(0);
  const runStart = xml.lastIndexOf('<w:r>', at);
  const paragraphStart = xml.lastIndexOf('<w:p>', at);
  return { run: xml.slice(runStart, xml.indexOf('</w:r>', at)), paragraph: xml.slice(paragraphStart, xml.indexOf('</w:p>', at)) };
}

/** The `<w:p>` that holds exactly the runs of a layout paragraph, in order. */
function paragraphOf(xml: string, p: LayoutParagraph): string {
  const quote = (t: string) => escapeXml(t).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const between = '</w:t></w:r><w:r>(?:<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)?(?:<w:br/>)?<w:t[^>]*>';
  const match = new RegExp(`<w:p>(?:(?!</w:p>).)*?>${p.runs.map((r) => quote(r.text)).join(between)}</w:t></w:r></w:p>`).exec(xml);
  expect(match, `no paragraph holds ${textOf(p)}`).not.toBeNull();
  return match![0].slice(match![0].lastIndexOf('<w:p>'));
}

const sizeOf = (run: string) => Number(attribute(/<w:sz [^>]*>/.exec(run)?.[0] ?? '', 'w:val'));
const isBold = (run: string) => /<w:b\/>/.test(run);
const isItalic = (run: string) => /<w:i\/>/.test(run);
const sections = (xml: string): string[] => [...xml.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
const element = (xml: string, name: string) => new RegExp(`<w:${name} [^>]*/>`).exec(xml)?.[0] ?? '';

describe('DOCX export of a state plan (64/KH-UBND, Trà Vinh)', () => {
  let docx: Docx;
  beforeAll(async () => {
    docx = await docxOf(STATE_PLAN);
  });

  it('sets A4 portrait (11906 × 16838 twips) with the system margins 20/20/30/15 mm', () => {
    const [body] = sections(docx.body);
    const size = element(body, 'pgSz');
    expect([attribute(size, 'w:w'), attribute(size, 'w:h'), attribute(size, 'w:orient')]).toEqual(['11906', '16838', 'portrait']);
    const margins = element(body, 'pgMar');
    const { topMm, bottomMm, leftMm, rightMm } = docx.layout.sections[0].page.margins;
    expect([topMm, bottomMm, leftMm, rightMm]).toEqual([20, 20, 30, 15]);
    expect(['w:top', 'w:bottom', 'w:left', 'w:right'].map((a) => Number(attribute(margins, a)))).toEqual([twips(20), twips(20), twips(30), twips(15)]);
    expect(['1134', '1134', '1701', '850']).toEqual(['w:top', 'w:bottom', 'w:left', 'w:right'].map((a) => attribute(margins, a)));
  });

  it('writes Times New Roman as the document font, in Vietnamese', () => {
    const styles = docx.parts['word/styles.xml'];
    const fonts = element(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '', 'rFonts');
    for (const slot of ['w:ascii', 'w:hAnsi', 'w:cs', 'w:eastAsia']) expect(attribute(fonts, slot)).toBe('Times New Roman');
    expect(styles).toContain('<w:lang w:val="vi-VN"/>');
  });

  it('gives every paragraph of the layout its size in half-points', () => {
    const checked = paragraphs(docx.layout).filter((p) => p.runs[0]?.text.trim());
    expect(checked.length).toBeGreaterThan(40);
    for (const p of checked) expect(sizeOf(paragraphOf(docx.body, p).split('<w:r>')[1]), textOf(p)).toBe(p.sizePt * 2);
  });

  it('sets the header lines in the sizes and styles of Nghị định 30/2020', () => {
    const national = runOf(docx.body, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').run;
    expect([sizeOf(national), isBold(national)]).toEqual([26, true]);
    // The hyphens of the Tiêu ngữ are bound to their words by no-break spaces (layout/typography.ts).
    const motto = runOf(docx.body, 'Độc lập\u00A0-\u00A0Tự do\u00A0-\u00A0Hạnh phúc').run;
    expect([sizeOf(motto), isBold(motto)]).toEqual([28, true]);
    const date = runOf(docx.body, 'Trà Vinh, ngày 17 tháng 11 năm 2020').run;
    expect([sizeOf(date), isItalic(date)]).toEqual([28, true]);
    const kind = runOf(docx.body, 'KẾ HOẠCH');
    expect([sizeOf(kind.run), isBold(kind.run), attribute(element(kind.paragraph, 'jc'), 'w:val')]).toEqual([28, true, 'center']);
    const label = runOf(docx.body, 'Nơi nhận:').run;
    expect([sizeOf(label), isBold(label), isItalic(label)]).toEqual([24, true, true]);
  });

  it('writes body paragraphs justified, with a 1.27 cm first-line indent, 6 pt after and 1.15 lines', () => {
    const preamble = docx.layout.sections[0].blocks.find((b) => b.kind === 'paragraph' && b.role === 'preamble');
    expect(preamble?.kind).toBe('paragraph');
    const { paragraph } = runOf(docx.body, preamble!.kind === 'paragraph' ? preamble!.runs[0].text : '');
    expect(attribute(element(paragraph, 'jc'), 'w:val')).toBe('both');
    expect(attribute(element(paragraph, 'ind'), 'w:firstLine')).toBe(String(twips(12.7)));
    const spacing = element(paragraph, 'spacing');
    expect([attribute(spacing, 'w:after'), attribute(spacing, 'w:line'), attribute(spacing, 'w:lineRule')]).toEqual(['120', '276', 'auto']);
  });

  it('keeps headings with the next paragraph and writes them bold with their computed numbers', () => {
    const headings = paragraphs(docx.layout).filter((p) => p.role === 'heading');
    expect(headings.map(textOf).slice(0, 2)).toEqual(['I. MỤC ĐÍCH, YÊU CẦU', 'II. NHIỆM VỤ, GIẢI PHÁP']);
    for (const h of headings) {
      const paragraph = paragraphOf(docx.body, h);
      expect(paragraph, textOf(h)).toContain('<w:keepNext/>');
      expect(isBold(paragraph.split('<w:r>')[1])).toBe(h.bold);
    }
  });

  it('puts the header in a borderless two-column table, the issuer with its short rule, the Quốc hiệu beside it', () => {
    expect(docx.body.indexOf('<w:body><w:tbl>')).toBeGreaterThan(0);
    const header = docx.body.slice(docx.body.indexOf('<w:tbl>'), docx.body.indexOf('</w:tbl>'));
    const borders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(header)?.[1] ?? '';
    expect(borders.match(/w:val="none"/g)).toHaveLength(6);
    const columns = (header.match(/<w:gridCol w:w="(\d+)"\/>/g) ?? []).map((c) => Number(/\d+/.exec(c)?.[0]));
    expect(columns).toHaveLength(2);
    // Each column is rounded to a twip on its own.
    expect(columns.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(twips(210 - 30 - 15) + 1);
    const firstRow = header.slice(0, header.indexOf('</w:tr>'));
    // The issuer on two lines, broken before the level word and the place as a drafter breaks it.
    expect(firstRow).toMatch(/<w:t[^>]*>ỦY BAN NHÂN DÂN<\/w:t><\/w:r><w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:br\/><w:t[^>]*>TỈNH TRÀ VINH<\/w:t>/);
    expect(firstRow).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    // Two rules: the short one under the issuer and the Tiêu ngữ's, as bottom borders of empty paragraphs.
    expect(firstRow.match(/<w:pBdr><w:bottom w:val="single"/g)).toHaveLength(2);
    const issuerRule = /<w:p><w:pPr><w:pBdr>[\s\S]*?<\/w:pPr>/.exec(firstRow)?.[0] ?? '';
    expect(Number(attribute(element(issuerRule, 'ind'), 'w:left'))).toBeGreaterThan(0);
  });

  it('draws the rule under the trích yếu', () => {
    const summary = paragraphs(docx.layout).find((p) => p.role === 'summary')!;
    const after = docx.body.slice(docx.body.indexOf(escapeXml(summary.runs[0].text)));
    expect(after.slice(0, after.indexOf('</w:p>') + 400)).toMatch(/<\/w:p><w:p><w:pPr><w:pBdr><w:bottom w:val="single"/);
  });

  it('numbers pages with a PAGE field in the header, none on the first page (titlePg)', () => {
    const [body] = sections(docx.body);
    expect(body).toContain('<w:titlePg/>');
    const rels = docx.parts['word/_rels/document.xml.rels'];
    const headerPart = (type: string) => {
      const id = attribute(new RegExp(`<w:headerReference w:type="${type}" [^>]*/>`).exec(body)?.[0] ?? '', 'r:id');
      const target = attribute(new RegExp(`<Relationship Id="${id}" [^>]*/>`).exec(rels)?.[0] ?? '', 'Target');
      return docx.parts[`word/${target}`];
    };
    const numbered = headerPart('default');
    expect(numbered).toMatch(/<w:fldChar w:fldCharType="begin"\/>[\s\S]*<w:instrText xml:space="preserve">PAGE<\/w:instrText>/);
    expect(attribute(element(numbered, 'jc'), 'w:val')).toBe('center');
    expect(headerPart('first')).not.toContain('PAGE');
  });

  it('sets Nơi nhận and the signature side by side in a borderless table', () => {
    const last = docx.body.slice(docx.body.lastIndexOf('<w:tbl>'), docx.body.lastIndexOf('</w:tbl>'));
    expect(last.match(/w:val="none"/g)?.length).toBeGreaterThanOrEqual(6);
    const cells = last.split('<w:tc>').slice(1);
    expect(cells).toHaveLength(2);
    expect(cells[0]).toContain('Nơi nhận:');
    expect(cells[1]).toContain('Lê Văn Hân');
  });
});

describe('DOCX export of a party plan (184-KH/TU, Tỉnh ủy Lai Châu)', () => {
  let docx: Docx;
  beforeAll(async () => {
    docx = await docxOf(PARTY_PLAN);
  });

  it('sets A4 with the party margins', () => {
    const [body] = sections(docx.body);
    expect([attribute(element(body, 'pgSz'), 'w:w'), attribute(element(body, 'pgSz'), 'w:h')]).toEqual(['11906', '16838']);
    const { topMm, bottomMm, leftMm, rightMm } = docx.layout.sections[0].page.margins;
    const margins = element(body, 'pgMar');
    expect(['w:top', 'w:bottom', 'w:left', 'w:right'].map((a) => Number(attribute(margins, a)))).toEqual([topMm, bottomMm, leftMm, rightMm].map(twips));
    expect(body).toContain('<w:titlePg/>');
  });

  it('writes ĐẢNG CỘNG SẢN VIỆT NAM bold, underlined, 15 pt; the committee with its star; Số without a colon', () => {
    const party = runOf(docx.body, 'ĐẢNG CỘNG SẢN VIỆT NAM').run;
    expect([sizeOf(party), isBold(party)]).toEqual([30, true]);
    expect(party).toContain('<w:u w:val="single"/>');
    const committee = runOf(docx.body, 'TỈNH ỦY LAI CHÂU').run;
    expect([sizeOf(committee), isBold(committee)]).toEqual([28, true]);
    expect(docx.body).toContain('>*</w:t>');
    expect(docx.body).toContain('>Số 184-KH/TU</w:t>');
    const kind = runOf(docx.body, 'KẾ HOẠCH').run;
    expect(sizeOf(kind)).toBe(32);
  });

  it('holds every heading of the plan', () => {
    const text = flat(docx.body.replace(/<[^>]+>/g, ' '));
    const headings = paragraphs(docx.layout).filter((p) => p.role === 'heading');
    expect(headings.length).toBeGreaterThan(3);
    for (const h of headings) expect(text).toContain(flat(escapeXml(textOf(h))));
  });
});

describe('DOCX export of an empty plan', () => {
  it('still holds the header table, every cell with a paragraph, and the page setup', async () => {
    const files = unzipSync(await renderDocx(layoutPlan(parsePlan('').document)));
    const body = strFromU8(files['word/document.xml']);
    expect(body).toContain('<w:tbl>');
    for (const cell of body.split('<w:tc>').slice(1)) expect(cell).toContain('<w:p');
    expect(sections(body)).toHaveLength(1);
  });
});

describe('DOCX export of an appendix with a wide table (ke-hoach-mau)', () => {
  it('puts the appendix in a landscape section of its own, numbered on every page', async () => {
    const docx = await docxOf('ke-hoach-mau');
    const [body, appendix] = sections(docx.body);
    expect(attribute(element(body, 'pgSz'), 'w:orient')).toBe('portrait');
    const size = element(appendix, 'pgSz');
    expect([attribute(size, 'w:w'), attribute(size, 'w:h'), attribute(size, 'w:orient')]).toEqual(['16838', '11906', 'landscape']);
    expect(appendix).toContain('<w:type w:val="nextPage"/>');
    expect(appendix).not.toContain('<w:titlePg/>');
    // The plan's own table keeps its grid and repeats its header row.
    expect(docx.body).toMatch(/<w:tblBorders><w:top w:val="single"/);
    expect(docx.body).toContain('<w:tblHeader/>');
  });
});
