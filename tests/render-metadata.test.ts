/**
 * `kehoach render --to pdf --metadata`: the e-office metadata (Nghị định
 * 30/2020, Phụ lục VI) beside the PDF as JSON and XML, each valid against
 * the schema the project ships (JSON Schema through ajv, XSD through
 * xmllint), saying what the header, the closing blocks and the PDF say; its
 * files replaced by a later export and nothing else.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { eofficeJson, eofficeMetadata, eofficeXml } from '../server/src/render/eoffice-metadata';
import { kehoach as run } from './helpers/cli';
import { exampleLayout, root, tool } from './helpers/render';
import { temporaryFolders } from './helpers/temp-folders';

const SCHEMA = join(root, 'server', 'data', 'schema', 'eoffice-metadata.schema.json');
const XSD = join(root, 'server', 'data', 'schema', 'eoffice-metadata.xsd');
const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
const valid = (json: unknown) => (validate(json) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
const validXml = (file: string) => tool('xmllint', ['--noout', '--schema', XSD, file]);

const temporaryFolder = temporaryFolders();
let dir: string;
const kehoach = (...args: string[]) => run(dir, ...args);

beforeAll(() => {
  dir = temporaryFolder('render-metadata');
  copyFileSync(join(root, 'tests', 'fixtures', 'render', 'xa-binh-lu-gan-ket.kh'), join(dir, 'plan.kh'));
});

describe('kehoach render --to pdf --metadata', () => {
  it('writes the PDF and its metadata as JSON and XML beside it, each valid against the shipped schema', () => {
    const r = kehoach('render', 'plan.kh', '--to', 'pdf', '--metadata');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(['plan.pdf', 'plan.metadata.json', 'plan.metadata.xml'].map((f) => join(dir, f)));
    const json = JSON.parse(readFileSync(join(dir, 'plan.metadata.json'), 'utf8'));
    expect(valid(json)).toEqual([]);
    validXml(join(dir, 'plan.metadata.xml'));
    const pdf = readFileSync(join(dir, 'plan.pdf'));
    expect(json).toMatchObject({
      documentNumber: '27/KH-UBND',
      number: '27',
      symbol: 'KH-UBND',
      documentType: 'Kế hoạch',
      date: '2026-03-12',
      issuer: { name: 'ỦY BAN NHÂN DÂN XÃ BÌNH LƯ', symbol: 'UBND' },
      summary: 'Phát triển kinh tế - xã hội gắn với bảo đảm quốc phòng - an ninh trên địa bàn xã năm 2026',
      signer: { name: 'Lò Văn Thành', title: 'CHỦ TỊCH', authority: ['TM. ỦY BAN NHÂN DÂN'] },
      archive: 'VT',
      urgency: 'KHẨN',
      language: 'vi',
      pageCount: Number(/^Pages:\s+(\d+)/m.exec(tool('pdfinfo', [join(dir, 'plan.pdf')]))![1]),
      file: { name: 'plan.pdf', format: 'application/pdf', sizeBytes: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') },
    });
    expect(json.recipients).toHaveLength(5);
    expect(json.recipients[0]).toBe('Thường trực Đảng ủy xã (b/c)');
    expect(json).not.toHaveProperty('confidentiality');
    // The XML says the same, field for field.
    const xml = readFileSync(join(dir, 'plan.metadata.xml'), 'utf8');
    expect(xml).toContain('<documentNumber>27/KH-UBND</documentNumber>');
    expect(xml).toContain(`<sha256>${json.file.sha256}</sha256>`);
    expect(xml.match(/<recipient>/g)).toHaveLength(5);
  });

  it('replaces its own earlier files, and refuses another file with nothing written', () => {
    expect(kehoach('render', 'plan.kh', '--to', 'pdf', '--metadata').code).toBe(0);
    const before = readFileSync(join(dir, 'plan.pdf'));
    writeFileSync(join(dir, 'plan.metadata.xml'), '<hồ-sơ>của văn thư</hồ-sơ>\n');
    const r = kehoach('render', 'plan.kh', '--to', 'pdf', '--metadata');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không phải thông tin văn bản XML trước đó của kehoach');
    expect(r.stderr).toContain('not an earlier XML metadata of kehoach');
    expect(readFileSync(join(dir, 'plan.metadata.xml'), 'utf8')).toBe('<hồ-sơ>của văn thư</hồ-sơ>\n');
    expect(readFileSync(join(dir, 'plan.pdf')).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('kehoach-tmp'))).toEqual([]);
  });

  it('follows -o: the metadata beside the PDF written', () => {
    const r = kehoach('render', 'plan.kh', '--to', 'pdf', '--metadata', '-o', 'ban-hanh.pdf');
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'ban-hanh.metadata.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'ban-hanh.metadata.json'), 'utf8')).file.name).toBe('ban-hanh.pdf');
  });

  it('goes with --to pdf only', () => {
    const r = kehoach('render', 'plan.kh', '--to', 'docx', '--metadata');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--metadata chỉ đi với --to pdf / --metadata goes with --to pdf only');
    expect(existsSync(join(dir, 'plan.docx'))).toBe(false);
  });
});

describe('the metadata of every example', () => {
  for (const name of readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.kh'))) {
    it(`${name}: valid JSON and XML`, () => {
      const metadata = eofficeMetadata(exampleLayout(name.replace(/\.kh$/, '')), { name: 'x.pdf', sizeBytes: 1000, sha256: '0'.repeat(64), pageCount: 3 });
      expect(valid(JSON.parse(eofficeJson(metadata)))).toEqual([]);
      const file = join(dir, `${name}.xml`);
      writeFileSync(file, eofficeXml(metadata));
      validXml(file);
      expect(metadata.documentNumber).toMatch(/^\d+[-/]/);
      expect(metadata.signer?.name).toBeTruthy();
    });
  }

  it('the schemas reject what is not such metadata', () => {
    const metadata = eofficeMetadata(exampleLayout('ke-hoach-mau'), { name: 'x.pdf', sizeBytes: 1000, sha256: '0'.repeat(64), pageCount: 3 });
    const wrong = { ...metadata, date: '15/3/2026', urgency: 'GẤP', pageCount: 0 };
    expect(valid(wrong)).toEqual(['/date must match pattern "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"', '/urgency must be equal to one of the allowed values', '/pageCount must be >= 1']);
    const file = join(dir, 'wrong.xml');
    writeFileSync(file, eofficeXml(wrong as typeof metadata));
    const r = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/date.*not a valid value|urgency|pageCount/);
  });
});
