/**
 * The PDF export as an archival, tagged file. No PDF/A validator installs
 * from npm or Debian (veraPDF is neither), so the requirements of PDF/A-2b
 * that the export must meet are checked one by one on the file: the XMP
 * identification and its agreement with the information dictionary, the
 * sRGB output intent with the shipped profile, every font embedded, no
 * encryption, printed annotations with their own appearance and a form
 * without NeedAppearances; and the tags: the language, the structure tree
 * in reading order, the page numbers as artifacts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFString, PDFHexString, type PDFObject } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutPlan } from '../server/src/layout';
import { renderPdf } from '../server/src/render/pdf';
import { parsePlan } from '../server/src/syntax/parse';
import { exampleLayout, paragraphs, PARTY_PLAN, root, STATE_PLAN, tool } from './helpers/render';
import { temporaryFolders } from './helpers/temp-folders';

const temporaryFolder = temporaryFolders();
const DATE = new Date('2026-01-02T03:04:05Z');
let dir: string;
beforeAll(() => {
  dir = temporaryFolder('render-pdf-archival');
});

const text = (o: PDFObject | undefined) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : String(o));

/** The XMP packet of a file, as pdfinfo prints it. */
const xmpOf = (file: string) => tool('pdfinfo', ['-meta', file]);

/** One element of the XMP by its qualified name: its text, the `rdf:li` inside it included. */
function xmpValue(xmp: string, name: string): string | undefined {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xmp);
  return m?.[1].replace(/<[^>]+>/g, '').trim();
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

async function exported(name: string, source?: string): Promise<{ file: string; doc: PDFDocument; bytes: Uint8Array }> {
  const layout = source === undefined ? exampleLayout(name) : layoutPlan(parsePlan(source).document);
  const bytes = await renderPdf(layout, { creationDate: DATE });
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return { file, doc: await PDFDocument.load(bytes, { updateMetadata: false }), bytes };
}

for (const name of [STATE_PLAN, PARTY_PLAN, 'ke-hoach-mau']) {
  describe(`PDF/A-2b requirements, ${name}`, () => {
    let pdf: Awaited<ReturnType<typeof exported>>;
    beforeAll(async () => {
      pdf = await exported(name);
    });

    it('identifies itself as PDF/A-2b in XMP that is well-formed XML', () => {
      const xmp = xmpOf(pdf.file);
      expect(xmpValue(xmp, 'pdfaid:part')).toBe('2');
      expect(xmpValue(xmp, 'pdfaid:conformance')).toBe('B');
      const packet = join(dir, `${name}.xmp`);
      writeFileSync(packet, xmp);
      tool('xmllint', ['--noout', packet]);
      // The metadata stream is not compressed, so that any reader finds it.
      const metadata = pdf.doc.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream;
      expect(metadata.dict.has(PDFName.of('Filter'))).toBe(false);
    });

    it('says in XMP what the information dictionary says', () => {
      const info = tool('pdfinfo', ['-isodates', pdf.file]);
      const field = (key: string) => new RegExp(`^${key}:\\s*(.*)$`, 'm').exec(info)?.[1];
      const xmp = xmpOf(pdf.file);
      const value = (name: string) => unescapeXml(xmpValue(xmp, name) ?? '');
      expect(value('dc:title')).toBe(field('Title'));
      expect(value('dc:creator')).toBe(field('Author'));
      expect(value('dc:description')).toBe(field('Subject'));
      expect(value('xmp:CreatorTool')).toBe(field('Creator'));
      expect(value('pdf:Producer')).toBe(field('Producer'));
      expect(value('xmp:CreateDate')).toBe('2026-01-02T03:04:05Z');
      expect(field('CreationDate')).toBe('2026-01-02T03:04:05Z');
      expect(info).not.toMatch(/^ModDate:/m);
      // Properties outside the predefined schemas are declared in an extension schema.
      const declared = [...xmp.matchAll(/<pdfaProperty:name>(\w+)<\/pdfaProperty:name>/g)].map((m) => m[1]);
      for (const used of xmp.matchAll(/<vanban:(\w+)>/g)) expect(declared).toContain(used[1]);
    });

    it('has the sRGB output intent with the profile kehoach ships', () => {
      const intents = pdf.doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
      expect(intents.size()).toBe(1);
      const intent = intents.lookup(0, PDFDict);
      expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFA1'));
      expect(text(intent.get(PDFName.of('OutputConditionIdentifier')))).toBe('sRGB IEC61966-2.1');
      const profile = intent.lookup(PDFName.of('DestOutputProfile')) as PDFRawStream;
      expect(profile).toBeInstanceOf(PDFRawStream);
      expect((profile.dict.get(PDFName.of('N')) as PDFNumber).asNumber()).toBe(3);
      const shipped = readFileSync(join(root, 'server', 'data', 'color', 'sRGB2014.icc'));
      expect(Buffer.from(inflateSync(profile.getContents())).equals(shipped)).toBe(true);
    });

    it('embeds every font, is not encrypted and holds no script', () => {
      for (const row of tool('pdffonts', [pdf.file]).trim().split('\n').slice(2)) expect(row.trim().split(/\s+/).slice(-5, -2), row).toEqual(['yes', 'yes', 'yes']);
      const raw = Buffer.from(pdf.bytes).toString('latin1');
      expect(raw).not.toMatch(/\/Encrypt\b/);
      expect(raw).not.toMatch(/\/JavaScript\b|\/JS\b/);
      expect(raw).toMatch(/\/ID \[/);
      expect(tool('pdfinfo', [pdf.file])).toMatch(/^Encrypted:\s+no$/m);
    });

    it('prints every annotation with an appearance of its own, in a form that does not ask the reader to make one', () => {
      let annotations = 0;
      for (const page of pdf.doc.getPages()) {
        for (const ref of page.node.Annots()?.asArray() ?? []) {
          const annotation = pdf.doc.context.lookup(ref, PDFDict);
          annotations++;
          expect(((annotation.get(PDFName.of('F')) as PDFNumber).asNumber() & 4) === 4).toBe(true);
          const appearance = annotation.lookup(PDFName.of('AP'), PDFDict);
          expect(appearance.keys().map(String)).toEqual(['/N']);
          expect(appearance.lookup(PDFName.of('N'))).toBeInstanceOf(PDFRawStream);
        }
      }
      expect(annotations).toBe(1);
      const form = pdf.doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
      const needAppearances = form.get(PDFName.of('NeedAppearances'));
      expect(needAppearances === undefined || needAppearances === PDFBool.False).toBe(true);
    });

    it('is tagged, in Vietnamese, its page numbers artifacts', () => {
      expect(tool('pdfinfo', [pdf.file])).toMatch(/^Tagged:\s+yes$/m);
      expect(text(pdf.doc.catalog.get(PDFName.of('Lang')))).toBe('vi');
      const mark = pdf.doc.catalog.lookup(PDFName.of('MarkInfo'), PDFDict);
      expect(mark.get(PDFName.of('Marked'))).toBe(PDFBool.True);
      // Everything drawn is either marked content of the structure or an artifact (the page numbers among them).
      for (const [index, page] of pdf.doc.getPages().entries()) {
        const streams = page.node.lookup(PDFName.of('Contents'));
        const parts = streams instanceof PDFArray ? streams.asArray().map((r) => pdf.doc.context.lookup(r)) : [streams];
        const content = parts.map((p) => inflateSync((p as PDFRawStream).getContents()).toString('latin1')).join('\n');
        let depth = 0;
        for (const token of content.split(/\s+/)) {
          if (token === 'BDC' || token === 'BMC') depth++;
          else if (token === 'EMC') depth--;
          else if (token === 'BT' || token === 're') expect(depth, `page ${index + 1}: ${token} outside marked content`).toBeGreaterThan(0);
        }
        expect(depth).toBe(0);
        if (index > 0) expect(content).toMatch(/\/Artifact <<\s*\/Type \/Pagination\s*>> BDC[^E]*BT/);
      }
    });
  });
}

describe('the tags of a state plan', () => {
  let structure: string;
  let layout: ReturnType<typeof exampleLayout>;
  beforeAll(async () => {
    layout = exampleLayout('ke-hoach-mau');
    const file = join(dir, 'tags.pdf');
    writeFileSync(file, await renderPdf(layout, { creationDate: DATE }));
    structure = tool('pdfinfo', ['-struct', file]);
  });

  /** The structure's element types in document order, with their depth. */
  const elements = () =>
    structure
      .split('\n')
      .filter((l) => /^\s*[A-Z]\w*/.test(l))
      .map((l) => ({ depth: l.search(/\S/) / 2, type: /^\s*(\w+)/.exec(l)![1] }));

  it('opens with the header as a section: issuer, Quốc hiệu, Tiêu ngữ, number, place and date, in that order', () => {
    const all = elements();
    expect(all[0]).toEqual({ depth: 0, type: 'Document' });
    expect(all[1]).toEqual({ depth: 1, type: 'Sect' });
    expect(all.slice(2, 7).map((e) => e.type)).toEqual(['P', 'P', 'P', 'P', 'P']);
  });

  it('has a heading element for each heading, at its level, and lists for the items', () => {
    const headings = paragraphs(layout).filter((p) => p.role === 'heading');
    const types = elements().map((e) => e.type);
    for (const level of [1, 2, 3, 4]) expect(types.filter((t) => t === `H${level}`).length, `H${level}`).toBe(headings.filter((h) => h.level === level).length);
    const items = paragraphs(layout).filter((p) => p.role === 'item' || p.role === 'recipient').length;
    expect(types.filter((t) => t === 'LI').length).toBe(items);
    expect(types.filter((t) => t === 'LBody').length).toBe(items);
  });

  it('tags the appendix table as a table, its header row as header cells, inside the appendix’s section', () => {
    const all = elements();
    const table = all.findIndex((e) => e.type === 'Table');
    expect(table).toBeGreaterThan(0);
    const enclosing = all
      .slice(0, table)
      .reverse()
      .find((e) => e.depth < all[table].depth);
    expect(enclosing?.type).toBe('Sect');
    const appendixTable = layout.sections[1].blocks.find((b) => b.kind === 'table');
    expect(appendixTable?.kind).toBe('table');
    if (appendixTable?.kind !== 'table') return;
    const inside = all.slice(table + 1).filter((e) => e.depth > all[table].depth);
    const columns = appendixTable.columnWidthsMm.length;
    expect(inside.filter((e) => e.type === 'TR').length).toBe(appendixTable.rows.length);
    expect(inside.filter((e) => e.type === 'TH').length).toBe(columns);
    expect(inside.filter((e) => e.type === 'TD').length).toBe((appendixTable.rows.length - 1) * columns);
  });

  it('puts the signature field in the closing section as a form, after the signer’s title', () => {
    const all = elements();
    const form = all.findIndex((e) => e.type === 'Form');
    expect(form).toBeGreaterThan(0);
    expect(
      all
        .slice(0, form)
        .reverse()
        .find((e) => e.depth < all[form].depth)?.type,
    ).toBe('Sect');
    const text = tool('pdfinfo', ['-struct-text', join(dir, 'tags.pdf')]);
    expect(text.indexOf('"CHỦ TỊCH"')).toBeLessThan(text.indexOf('Form'));
  });
});

describe('a paragraph split across pages', () => {
  it('is one element with its content on both pages', async () => {
    const { doc } = await exported(STATE_PLAN);
    const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    /** The pages each element's own marked content is on, by element type. */
    const spans: { type: string; pages: Set<string> }[] = [];
    const visit = (node: PDFDict) => {
      const type = String(node.get(PDFName.of('S')) ?? '');
      const pages = new Set<string>();
      const page = node.get(PDFName.of('Pg'));
      const kids = node.lookup(PDFName.of('K'));
      for (const kid of kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : []) {
        const child = doc.context.lookup(kid);
        if (child instanceof PDFNumber && page) pages.add(String(page));
        else if (child instanceof PDFDict && child.get(PDFName.of('Type')) === PDFName.of('MCR')) pages.add(String(child.get(PDFName.of('Pg'))));
        else if (child instanceof PDFDict) visit(child);
      }
      spans.push({ type, pages });
    };
    visit(root);
    const split = spans.filter((s) => s.pages.size > 1);
    expect(split.length).toBeGreaterThan(0);
    for (const s of split) expect(['/P', '/LBody']).toContain(s.type);
  });
});

describe('XMP of a header with markup characters', () => {
  it('escapes them, and says the number, date, issuer, trích yếu and signer', async () => {
    const source = readFileSync(join(root, 'examples', `${STATE_PLAN}.kh`), 'utf8').replace(/^Trích yếu: .*$/m, 'Trích yếu: Phối hợp Sở LĐ-TB&XH <thí điểm> "mô hình"');
    const { file } = await exported('markup', source);
    const xmp = xmpOf(file);
    const packet = join(dir, 'markup.xmp');
    writeFileSync(packet, xmp);
    tool('xmllint', ['--noout', packet]);
    expect(xmp).toContain('Sở LĐ-TB&amp;XH &lt;thí điểm&gt; &quot;mô hình&quot;');
    expect(xmpValue(xmp, 'vanban:number')).toBe('64/KH-UBND');
    expect(xmpValue(xmp, 'vanban:date')).toBe('2020-11-17');
    expect(xmpValue(xmp, 'dc:identifier')).toBe('64/KH-UBND');
    expect(xmpValue(xmp, 'vanban:issuer')).toBe('ỦY BAN NHÂN DÂN TỈNH TRÀ VINH');
    expect(xmpValue(xmp, 'vanban:signer')).toBe('Lê Văn Hân');
    expect(xmpValue(xmp, 'vanban:signerTitle')).toBe('PHÓ CHỦ TỊCH');
    expect(tool('pdfinfo', [file])).toMatch(/^Title:\s+Phối hợp Sở LĐ-TB&XH <thí điểm> "mô hình"$/m);
  });
});
