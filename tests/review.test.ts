import { existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPlan } from '../server/src/checks';
import { applySafeFixes } from '../server/src/checks/apply-fixes';
import { readWordDocument, textBetween, type WordDocument } from '../server/src/docx/word-document';
import { parseXml, serializeTree, type XmlElement, type XmlNode } from '../server/src/docx/xml';
import { entryBytes, findEntry, readPart, readZip, writeZip } from '../server/src/docx/zip';
import { importDocx, importWordDocument } from '../server/src/import';
import { builtinRegistry } from '../server/src/registry/builtin';
import { reviewedDiagnostics, reviewWordFile, type WordFileReview } from '../server/src/review/review';
import { parsePlan } from '../server/src/syntax/parse';
import { kehoach } from './helpers/cli';
import { tool } from './helpers/render';
import { temporaryFolders } from './helpers/temp-folders';

/**
 * `kehoach review` on Word files of three origins, each from a real plan:
 * kehoach's own export, pandoc (Word's automatic numbering, a header table,
 * a reviewer's comment), LibreOffice saving an .odt (the same, with the
 * party's I- numbering). scripts/gen-review-fixtures.ts made them.
 */

const fixtures = join(__dirname, 'fixtures', 'review');
const FILES = ['kehoach-64.docx', 'pandoc-470.docx', 'libreoffice-184.docx'];
const DATE = '2026-12-04T09:00:00Z';
const settings = { registry: builtinRegistry(), config: {} };
const folder = temporaryFolders();
const pictures = temporaryFolders({ artifacts: true });

const read = (file: string) => new Uint8Array(readFileSync(join(fixtures, file)));
const words = (text: string) => text.normalize('NFC').replace(/[*\\]/g, '').replace(/\s+/g, ' ').trim();

/** The text of each paragraph: what a reader sees, whatever marks stand between the runs. */
const texts = (document: WordDocument) => document.paragraphs.map((p) => (p.listNumber?.label ?? '') + p.text);

/** Accepts every tracked change by rewriting the XML: deletions go, insertions stay as plain runs. */
function acceptAll(bytes: Uint8Array): Uint8Array {
  const zip = readZip(bytes);
  const tree = parseXml(readPart(zip, 'word/document.xml')!, 'word/document.xml');
  const visit = (element: XmlElement) => {
    const children: XmlNode[] = [];
    for (const c of element.children) {
      if (c.kind === 'element' && c.name === 'w:del') continue;
      if (c.kind === 'element' && c.name === 'w:ins') {
        visit(c);
        children.push(...c.children);
        continue;
      }
      if (c.kind === 'element') visit(c);
      children.push(c);
    }
    element.children = children;
  };
  visit(tree.root);
  return writeZip(zip, new Map([['word/document.xml', serializeTree(tree)]]));
}

/** What `kehoach check --fix` makes of a plan: safe fixes applied and the plan checked again until none is left. */
function fixed(text: string): string {
  for (let pass = 0; pass < 5; pass++) {
    const result = applySafeFixes(text, checkPlan(parsePlan(text), settings));
    if (result.applied === 0) break;
    text = result.text;
  }
  return text;
}

describe('the Word files reviewed', () => {
  it('are of three writers (kehoach’s export, pandoc, LibreOffice); pandoc’s and LibreOffice’s hold Word’s automatic numbering, a header table and a reviewer’s comment', () => {
    const application = (file: string) => readPart(readZip(read(file)), 'docProps/app.xml') ?? '';
    expect(application('libreoffice-184.docx')).toContain('LibreOffice');
    expect(readPart(readZip(read('pandoc-470.docx')), 'word/styles.xml')).toContain('w:styleId="FirstParagraph"');
    for (const file of ['pandoc-470.docx', 'libreoffice-184.docx']) {
      const document = readWordDocument(read(file));
      expect(document.paragraphs.filter((p) => p.listNumber?.ordered).length, file).toBeGreaterThan(3);
      expect(document.blocks[0].kind, file).toBe('table');
      expect(
        document.comments.filter((c) => c.author !== 'kehoach' && c.start),
        file,
      ).toHaveLength(1);
    }
  });
});

describe.each(FILES)('kehoach review of %s', (file) => {
  let original: WordDocument;
  let review: WordFileReview;
  let reviewed: WordDocument;
  beforeAll(() => {
    original = readWordDocument(read(file));
    review = reviewWordFile(read(file), settings, { date: DATE });
    reviewed = readWordDocument(review.bytes);
  });

  it('writes one comment of kehoach per finding (hints excluded), each on the words of its finding', () => {
    const findings = reviewedDiagnostics(review.diagnostics);
    expect(findings.length).toBeGreaterThan(0);
    const ours = reviewed.comments.filter((c) => c.author === 'kehoach');
    expect(ours).toHaveLength(findings.length);
    expect(ours.every((c) => c.initials === 'KH' && c.date === DATE)).toBe(true);
    const source = parsePlan(review.planText).source;
    for (const finding of review.findings) {
      const comment = ours.find((c) => c.id === finding.commentId)!;
      const anchored = textBetween(reviewed, comment.start!, comment.end!);
      const planText = review.planText.slice(source.offsetOf(finding.diagnostic.range.start), source.offsetOf(finding.diagnostic.range.end));
      expect(comment.paragraphs[0]).toBe(finding.diagnostic.message);
      expect(comment.paragraphs.some((p) => p.endsWith(`docs/rules.md#${finding.diagnostic.code}`))).toBe(true);
      if (finding.range.kind === 'exact') expect(words(anchored), finding.diagnostic.code).toBe(words(planText));
      else if (finding.range.kind === 'label') {
        // On Word's automatic number: the comment holds the paragraph and quotes the number.
        const paragraph = reviewed.paragraphs[comment.start!.paragraph];
        expect(words(planText)).toBe(paragraph.listNumber?.label);
        expect(anchored).toBe(paragraph.text);
        expect(comment.paragraphs[1]).toContain(`“${paragraph.listNumber?.label}”`);
      } else expect(comment.paragraphs[1]).toContain('gắn vào đoạn gần nhất');
    }
  });

  it('checks the plan `kehoach import` writes of the file, and finds what `kehoach check` finds on it', () => {
    expect(review.planText).toBe(importWordDocument(original, { notes: false }).text);
    expect(review.diagnostics).toEqual(checkPlan(parsePlan(review.planText), settings));
  });

  it('keeps the document’s text, its existing comments, and every part it does not edit byte for byte', () => {
    expect(texts(reviewed)).toEqual(texts(original));
    for (const c of original.comments) {
      const kept = reviewed.comments.find((r) => r.author === c.author && r.paragraphs.join() === c.paragraphs.join())!;
      expect(kept).toBeDefined();
      expect(textBetween(reviewed, kept.start!, kept.end!)).toBe(textBetween(original, c.start!, c.end!));
    }
    const before = readZip(read(file));
    const after = readZip(review.bytes);
    const edited = ['word/document.xml', 'word/comments.xml', 'word/_rels/document.xml.rels', '[content_types].xml'];
    for (const entry of before.entries) {
      const copy = findEntry(after, entry.name)!;
      expect(copy, entry.name).toBeDefined();
      if (!edited.includes(entry.name.toLowerCase())) expect(Buffer.from(entryBytes(after, copy)).equals(Buffer.from(entryBytes(before, entry))), entry.name).toBe(true);
    }
    // Outside the paragraphs that got a comment, document.xml is unchanged: its section properties, tables' properties, numbering references.
    const xml = readPart(after, 'word/document.xml')!;
    const sectPr = /<w:sectPr[^]*?<\/w:sectPr>|<w:sectPr\s*\/>/.exec(readPart(before, 'word/document.xml')!)![0];
    expect(xml).toContain(sectPr);
  });

  it('with --suggest, accepting every tracked change gives the text `kehoach check --fix` gives on the imported plan', () => {
    const suggested = reviewWordFile(read(file), settings, { date: DATE, suggest: true });
    const accepted = importWordDocument(readWordDocument(acceptAll(suggested.bytes)), { notes: false }).text;
    const tracked = suggested.findings.filter((f) => f.tracked);
    const safe = suggested.findings.filter((f) => f.diagnostic.fixes?.some((x) => x.safe));
    // Every safe fix the document can take as typed text is tracked; the others (on Word's automatic numbers) stay comments.
    expect(tracked.length).toBe(safe.filter((f) => f.range.kind === 'exact').length);
    if (tracked.length === safe.length) expect(accepted).toBe(fixed(suggested.planText));
    else expect(accepted).not.toBe(suggested.planText);
  });

  it('comes back through kehoach import: every comment as a note with its author and words, and no word lost', () => {
    const back = importDocx(review.bytes);
    const { document } = parsePlan(back.text);
    expect(document.reviewNotes).toHaveLength(reviewed.comments.length);
    expect(back.report.reviewNotes).toBe(reviewed.comments.length);
    for (const c of reviewed.comments) {
      const note = document.reviewNotes.find((n) => n.author === c.author && n.message.startsWith(c.paragraphs[0].replace(/\s+/g, ' ').trim()));
      expect(note, c.paragraphs[0]).toBeDefined();
      const anchored = words(textBetween(reviewed, c.start!, c.end!));
      // A comment on words the plan holds quotes them, and the note finds them in the plan: every comment of kehoach on exact words does.
      const finding = review.findings.find((f) => f.commentId === c.id);
      if (finding?.range.kind === 'exact') expect(note!.anchor, c.paragraphs[0]).toBeDefined();
      if (note!.anchor) {
        expect(anchored).toContain(words(note!.anchor));
        expect(note!.anchorRange).toBeDefined();
      }
    }
    expect(back.report.words.kept).toBe(back.report.words.source);
    // Without its notes, the reviewed file imports as the draft did: not a word lost nor moved.
    expect(importWordDocument(reviewed, { notes: false }).text).toBe(review.planText);
    // The plan checked again: the same findings, each now beside its note.
    const again = checkPlan(parsePlan(back.text), settings);
    expect(
      reviewedDiagnostics(again)
        .map((d) => d.code)
        .sort(),
    ).toEqual(
      reviewedDiagnostics(review.diagnostics)
        .map((d) => d.code)
        .sort(),
    );
    expect(again.filter((d) => d.code === 'review-note')).toHaveLength(reviewed.comments.length);
  });
});

describe('the reviewed files in LibreOffice', () => {
  it('converts each reviewed copy to PDF without an error, its comments printed in the margin', () => {
    const dir = pictures('review-libreoffice');
    const codes = new Map<string, string[]>();
    for (const file of FILES) {
      const review = reviewWordFile(read(file), settings, { date: DATE });
      writeFileSync(join(dir, file), review.bytes);
      codes.set(
        file,
        review.findings.map((f) => f.diagnostic.code),
      );
    }
    // LibreOffice 7.4 prints comments in the margin (Writer's print setting Note = 4) when it prints, not when it exports.
    const profile = join(dir, 'profile');
    tool('mkdir', ['-p', join(profile, 'user')]);
    writeFileSync(
      join(profile, 'user', 'registrymodifications.xcu'),
      '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n<item oor:path="/org.openoffice.Office.Writer/Print/Content"><prop oor:name="Note" oor:op="fuse"><value>4</value></prop></item>\n</oor:items>\n',
    );
    tool('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--print-to-file', '--outdir', dir, ...FILES.map((f) => join(dir, f))], 180_000);
    for (const file of FILES) {
      const pdf = join(dir, file.replace(/\.docx$/, '.pdf'));
      expect(existsSync(pdf), pdf).toBe(true);
      // Every comment of kehoach is printed in a margin, with the link to its rule (LibreOffice wraps "header-number-form" at a hyphen and drops it: hyphens and spaces are not compared).
      const text = tool('pdftotext', [pdf, '-']).replace(/[\s-]+/g, '');
      for (const code of codes.get(file)!) expect(text).toContain(`rules.md#${code.replace(/-/g, '')}`);
      tool('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(dir, file.replace(/\.docx$/, '-page'))]);
    }
  }, 240_000);
});

describe('bad input to kehoach review: a clear message, exit 2, nothing written', () => {
  let dir: string;
  beforeAll(() => {
    dir = folder('review-bad');
    writeFileSync(join(dir, 'text.docx'), 'Kế hoạch số 12/KH-UBND\n');
    writeFileSync(join(dir, 'empty.docx'), '');
    // pandoc-470.docx with the password "matkhau" (ECMA-376 agile encryption, as Word 2010 and later write it).
    writeFileSync(join(dir, 'password.docx'), read('password-470.docx'));
    const good = read('kehoach-64.docx');
    writeFileSync(join(dir, 'truncated.docx'), good.slice(0, good.length - 300));
    const zip = readZip(good);
    const documentEntry = findEntry(zip, 'word/document.xml')!;
    const damaged = good.slice();
    damaged[documentEntry.dataStart + 40] ^= 0xff;
    writeFileSync(join(dir, 'damaged.docx'), damaged);
    // A ZIP bomb: document.xml claims 2 GB once inflated.
    const bomb = good.slice();
    const view = new DataView(bomb.buffer);
    for (let o = bomb.length - 22; o > 0; o--) {
      if (view.getUint32(o, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(o + 28, true);
      if (new TextDecoder().decode(bomb.subarray(o + 46, o + 46 + nameLength)) === 'word/document.xml') view.setUint32(o + 24, 0x7fffffff, true);
    }
    writeFileSync(join(dir, 'bomb.docx'), bomb);
  });

  it.each([
    ['text.docx', 'không phải tệp Word .docx'],
    ['empty.docx', 'Tệp rỗng'],
    ['password.docx', 'password-protected'],
    ['truncated.docx', 'corrupt'],
    ['damaged.docx', 'corrupt'],
    ['bomb.docx', 'too large'],
  ])('%s', (name, message) => {
    const before = readdirSync(dir);
    const r = kehoach(dir, 'review', name);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toContain('internal error');
    expect(readdirSync(dir)).toEqual(before);
  });

  it('a Word 97 .doc saved by LibreOffice', () => {
    tool('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'doc:MS Word 97', '--outdir', dir, join(fixtures, 'pandoc-470.docx')], 120_000);
    const before = readdirSync(dir);
    const r = kehoach(dir, 'review', 'pandoc-470.doc');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Word 97–2003');
    expect(readdirSync(dir)).toEqual(before);
  }, 150_000);

  it('a .docx of 50 MB (a photograph stored in it) is reviewed, the photograph copied untouched', () => {
    const zip = readZip(read('kehoach-64.docx'));
    const photo = new Uint8Array(50 * 1024 * 1024);
    for (let i = 0; i < photo.length; i += 4) new DataView(photo.buffer).setUint32(i, (i * 2654435761) >>> 0, true);
    const big = writeZip(zip, new Map([['word/media/photo.jpeg', photo]]));
    writeFileSync(join(dir, 'big.docx'), big);
    expect(big.length).toBeGreaterThan(50 * 1000 * 1000);
    const r = kehoach(dir, 'review', 'big.docx');
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
    const out = readZip(new Uint8Array(readFileSync(join(dir, 'big.ra-soat.docx'))));
    expect(findEntry(out, 'word/media/photo.jpeg')!.crc).toBe(findEntry(readZip(big), 'word/media/photo.jpeg')!.crc);
  }, 180_000);

  it('a file over 100 MB is refused before it is read', () => {
    const work = folder('review-huge');
    // Sparse: 101 MB long, nothing written to the disk.
    writeFileSync(join(work, 'huge.docx'), read('kehoach-64.docx'));
    truncateSync(join(work, 'huge.docx'), 101 * 1024 * 1024);
    const r = kehoach(work, 'review', 'huge.docx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('too large to review (101 MB');
    expect(r.stderr).not.toContain('internal error');
    expect(readdirSync(work)).toEqual(['huge.docx']);
  });

  it('never writes over the draft, nor over an earlier review', () => {
    const work = folder('review-names');
    writeFileSync(join(work, 'du-thao.docx'), read('pandoc-470.docx'));
    expect(kehoach(work, 'review', 'du-thao.docx').code).toBe(0);
    expect(kehoach(work, 'review', 'du-thao.docx').code).toBe(0);
    expect(readdirSync(work).sort()).toEqual(['du-thao.docx', 'du-thao.ra-soat-2.docx', 'du-thao.ra-soat.docx']);
    const refused = kehoach(work, 'review', 'du-thao.docx', '-o', 'du-thao.docx');
    expect(refused.code).toBe(2);
    expect(Buffer.from(readFileSync(join(work, 'du-thao.docx'))).equals(Buffer.from(read('pandoc-470.docx')))).toBe(true);
  });
});

describe('kehoach render FILE.kh --to docx --comments', () => {
  it('sends the plan’s open findings along as comments on their words', () => {
    const work = folder('render-comments');
    const example = join(__dirname, '..', 'examples', 'ke-hoach-470-KH-LDLD-lai-chau.kh');
    const r = kehoach(work, 'render', example, '--to', 'docx', '--comments', '-o', 'out.docx');
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(example, 'utf8');
    const parsed = parsePlan(text);
    const findings = reviewedDiagnostics(checkPlan(parsed, settings));
    const document = readWordDocument(new Uint8Array(readFileSync(join(work, 'out.docx'))));
    expect(document.comments).toHaveLength(findings.length);
    for (const [i, d] of findings.entries()) {
      const c = document.comments[i];
      expect(c.paragraphs[0]).toBe(d.message);
      const own = text.slice(parsed.source.offsetOf(d.range.start), parsed.source.offsetOf(d.range.end));
      // Heading numbers are printed as text by the export, so even they are anchored on their words.
      if (own.trim() && !c.paragraphs[1].includes('gần nhất')) expect(words(textBetween(document, c.start!, c.end!))).toBe(words(own));
    }
    expect(kehoach(work, 'render', example, '--to', 'pdf', '--comments', '-o', 'out.pdf').code).toBe(2);
  });
});

describe('the reviewer’s HTML report (--format html)', () => {
  it('is one self-contained page: the text with each finding marked and numbered, the list, counts by severity; no script, no style attribute', () => {
    const work = folder('review-html');
    writeFileSync(join(work, 'du-thao.docx'), read('pandoc-470.docx'));
    const r = kehoach(work, 'review', 'du-thao.docx', '--format', 'html');
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(work, 'du-thao.ra-soat.html'), 'utf8');
    const review = reviewWordFile(read('pandoc-470.docx'), settings, { date: DATE });
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;nonce-`);
    expect(html).not.toMatch(/<script|\sstyle=|\son\w+=/i);
    expect(html.match(/<li id="kh-f\d+"/g)).toHaveLength(review.findings.length);
    expect(html.match(/<sup><a href="#kh-f\d+"/g)).toHaveLength(review.findings.length);
    expect(html).toContain(`Cảnh báo / Warnings: <b>${review.findings.filter((f) => f.diagnostic.severity === 'warning').length}</b>`);
    // Word's automatic numbers are printed as a reader sees them.
    expect(html).toContain('<span class="kh-label">III.</span>');
    expect(html).toContain('@page{size:A4');
  });
});
