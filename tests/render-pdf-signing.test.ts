/**
 * The PDF export is made to be signed: a certificate made here with OpenSSL
 * signs a rendered plan through @signpdf (its pdf-lib placeholder, at the
 * empty signature field the export leaves where the signer signs), and
 * poppler's pdfsig finds the signature valid over the whole file; the
 * signed file is still tagged with every font embedded. Then a signing tool
 * fills the empty field itself: poppler's pdfsig signs it with the same
 * certificate from an NSS database (libnss3-tools), as an incremental
 * update that leaves the exported bytes as they were.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import signpdf from '@signpdf/signpdf';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { isKehoachExport } from '../server/src/render/export-marks';
import { renderPdf, SIGNATURE_FIELD } from '../server/src/render/pdf';
import { exampleLayout, PARTY_PLAN, STATE_PLAN, tool } from './helpers/render';
import { temporaryFolders } from './helpers/temp-folders';

const temporaryFolder = temporaryFolders();
const DATE = new Date('2026-01-02T03:04:05Z');
const PASSPHRASE = 'kehoach-thu-nghiem';

/** A self-signed certificate and its key as PKCS#12, made with the `openssl` CLI (3DES, which node-forge reads). */
function makeCertificate(dir: string): Buffer {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  const p12 = join(dir, 'signer.p12');
  tool('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-sha256', '-days', '2', '-nodes', '-keyout', key, '-out', cert, '-subj', '/CN=Nguoi ky thu nghiem/O=kehoach']);
  tool('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12, '-passout', `pass:${PASSPHRASE}`, '-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1']);
  return readFileSync(p12);
}

interface EmptyField {
  pageIndex: number;
  rect: number[];
}

/** The export's signature fields: name, kind, value, where. */
function signatureFields(doc: PDFDocument): { name: string; signed: boolean; field: EmptyField }[] {
  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = form?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const pages = doc.getPages();
  return (fields?.asArray() ?? []).map((ref) => {
    const field = doc.context.lookup(ref, PDFDict);
    const rect = field
      .lookup(PDFName.of('Rect'), PDFArray)
      .asArray()
      .map((n) => (n as PDFNumber).asNumber());
    const page = field.get(PDFName.of('P'));
    expect(field.get(PDFName.of('FT'))).toBe(PDFName.of('Sig'));
    return {
      name: field.lookup(PDFName.of('T'), PDFString).decodeText(),
      signed: field.has(PDFName.of('V')),
      field: { pageIndex: pages.findIndex((p) => p.ref === page), rect },
    };
  });
}

/** `pdfsig`'s report of each signature, as `key: value` lines. */
function pdfsig(file: string): string {
  return tool('pdfsig', ['-nocert', file]);
}

describe('a signed PDF export', () => {
  let dir: string;
  let unsigned: Uint8Array;
  let signedFile: string;
  let field: EmptyField;

  beforeAll(async () => {
    dir = temporaryFolder('render-pdf-signing');
    unsigned = await renderPdf(exampleLayout(STATE_PLAN), { creationDate: DATE });
    writeFileSync(join(dir, 'unsigned.pdf'), unsigned);
    const doc = await PDFDocument.load(unsigned, { updateMetadata: false });
    const fields = signatureFields(doc);
    expect(fields.map((f) => [f.name, f.signed])).toEqual([[SIGNATURE_FIELD, false]]);
    field = fields[0].field;
    // The signing tool signs where the empty field is: the signer's page, the field's rectangle.
    pdflibAddPlaceholder({
      pdfPage: doc.getPage(field.pageIndex),
      reason: 'Ký ban hành / issued',
      contactInfo: 'van-thu@example.vn',
      name: 'Người ký thử nghiệm',
      location: 'Trà Vinh',
      signingTime: DATE,
      widgetRect: field.rect,
    });
    const withPlaceholder = Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }));
    const signed = await signpdf.sign(withPlaceholder, new P12Signer(makeCertificate(dir), { passphrase: PASSPHRASE }));
    signedFile = join(dir, 'signed.pdf');
    writeFileSync(signedFile, signed);
  });

  it('leaves an empty signature field between the signer’s title and name, on the signer’s page', () => {
    const file = join(dir, 'unsigned.pdf');
    const page = field.pageIndex + 1;
    const words = tool('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', file, '-']);
    const top = (word: string) => Number(new RegExp(`yMin="([\\d.]+)"[^>]*>${word}<`).exec(words)?.[1]);
    const heightPt = Number(/Page size:\s+[\d.]+ x ([\d.]+)/.exec(tool('pdfinfo', [file]))?.[1]);
    // pdftotext measures from the top, the field's rectangle from the bottom.
    const [, y1, , y2] = field.rect;
    const fieldTop = heightPt - Math.max(y1, y2);
    const fieldBottom = heightPt - Math.min(y1, y2);
    expect(top('CHỦ')).toBeLessThan(fieldTop);
    expect(fieldBottom).toBeLessThanOrEqual(top('Hân') + 1);
    expect(fieldBottom - fieldTop).toBeGreaterThan(60);
  });

  it('is signed over the whole file with a signature pdfsig finds valid', () => {
    const report = pdfsig(signedFile);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(report).toMatch(/Signer Certificate Common Name: Nguoi ky thu nghiem/);
  });

  it('stays tagged, with every font embedded, its text and its XMP metadata intact', () => {
    const info = tool('pdfinfo', [signedFile]);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    const fonts = tool('pdffonts', [signedFile]).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const row of fonts) expect(row.trim().split(/\s+/).slice(-5, -2), row).toEqual(['yes', 'yes', 'yes']);
    expect(tool('pdftotext', [signedFile, '-'])).toBe(tool('pdftotext', [join(dir, 'unsigned.pdf'), '-']));
    const xmp = tool('pdfinfo', ['-meta', signedFile]);
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<vanban:number>64/KH-UBND</vanban:number>');
  });
});

describe('the empty signature field, filled by a signing tool (pdfsig -sign, NSS)', () => {
  it('takes the signature, valid, the exported bytes unchanged before it', async () => {
    const dir = temporaryFolder('render-pdf-nss');
    const unsignedFile = join(dir, 'unsigned.pdf');
    const signedFile = join(dir, 'signed.pdf');
    writeFileSync(unsignedFile, await renderPdf(exampleLayout(PARTY_PLAN), { creationDate: DATE }));
    const p12 = join(dir, 'signer.p12');
    writeFileSync(p12, makeCertificate(dir));
    const nss = `sql:${join(dir, 'nss')}`;
    mkdirSync(join(dir, 'nss'));
    tool('certutil', ['-N', '-d', nss, '--empty-password']);
    tool('pk12util', ['-i', p12, '-d', nss, '-W', PASSPHRASE]);
    const nick = /Nguoi ky thu nghiem[^\n]*/.exec(tool('pdfsig', ['-nssdir', nss, '-list-nicks', unsignedFile]))?.[0].trim();
    expect(nick).toBeDefined();
    tool('pdfsig', ['-nssdir', nss, '-sign', SIGNATURE_FIELD, '-nick', nick!, '-reason', 'Ký ban hành', unsignedFile, signedFile]);
    const report = tool('pdfsig', ['-nssdir', nss, '-nocert', signedFile]);
    expect(report).toContain(`Signature Field Name: ${SIGNATURE_FIELD}`);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(report.match(/^Signature #/gm)).toHaveLength(1);
    const [before, after] = [readFileSync(unsignedFile), readFileSync(signedFile)];
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    // Signed, it is no longer an export a new export may replace.
    expect([isKehoachExport('pdf', before), isKehoachExport('pdf', after)]).toEqual([true, false]);
    expect(tool('pdfinfo', [signedFile])).toMatch(/^Tagged:\s+yes$/m);
  });
});

describe('the signature field', () => {
  it('is not there when the plan has no signature block', async () => {
    const layout = exampleLayout(PARTY_PLAN);
    const body = layout.sections[0];
    const withoutClosing = { ...layout, sections: [{ ...body, blocks: body.blocks.filter((b) => b.role !== 'closing-blocks') }] };
    const doc = await PDFDocument.load(await renderPdf(withoutClosing, { creationDate: DATE }), { updateMetadata: false });
    expect(signatureFields(doc)).toEqual([]);
    expect(doc.catalog.has(PDFName.of('AcroForm'))).toBe(false);
  });
});
