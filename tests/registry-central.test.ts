import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLUMNS, generate, officialIssuer } from '../scripts/gen-central-documents';
import data from '../server/data/central-documents.json';
import { CentralTable, centralTable } from '../server/src/registry/central';
import { keyOf, splitNumber } from '../server/src/registry/registry';

const pages = join(__dirname, 'fixtures', 'registry', 'phap-dien');
const cited = join(__dirname, 'fixtures', 'registry', 'cited');
const skipList = join(__dirname, 'fixtures', 'registry', 'cited-skip.txt');

/** The generated table as one object per document. */
function rowsOf(table: string): Record<string, string>[] {
  const { rows } = JSON.parse(table) as { rows: string[] };
  return rows.map((row) =>
    Object.fromEntries(
      row
        .split('\t')
        .map((value, k) => [COLUMNS[k], value])
        .filter(([, value]) => value),
    ),
  );
}

describe('scripts/gen-central-documents.ts on pages of the Bộ pháp điển', () => {
  const { snapshots, doubtful, table } = generate([`old=${join(pages, 'old')}`, `new=${join(pages, 'new')}`]);
  const rows = rowsOf(table);
  const row = (number: string) => rows.find((r) => r.number === number);

  it('reads number, type, issuer, dates, title and page from the first note of a document', () => {
    expect(row('30/2020/NĐ-CP')).toEqual({
      number: '30/2020/NĐ-CP',
      type: 'Nghị định',
      issuer: 'Chính phủ',
      date: '2020-03-05',
      inForceFrom: '2020-03-05',
      title: 'về công tác văn thư',
      vbplItemId: '141142',
    });
  });

  it('takes the document’s own date when its title cites another, reads the issuer through its head and the amendments after the note', () => {
    expect(row('01/2011/TT-BNV')).toMatchObject({ issuer: 'Bộ Nội vụ', date: '2011-01-19', inForceFrom: '2011-03-05', amendedBy: '07/2012/TT-BNV' });
    expect(row('01/2011/TT-BNV')!.title).toMatch(/^hướng dẫn thể thức/);
  });

  it('reads what an entry-into-force provision replaces or repeals, with the date it took effect', () => {
    expect(row('55/2005/TTLT-BNV-VPCP')).toMatchObject({
      type: 'Thông tư liên tịch',
      issuer: 'Bộ Nội vụ và Văn phòng Chính phủ',
      date: '2005-05-06',
      replacedBy: '01/2011/TT-BNV',
      replacedOn: '2011-03-05',
      citedIn: '01/2011/TT-BNV',
      vbplItemId: '27784',
    });
    expect(row('110/2004/NĐ-CP')).toMatchObject({ date: '2004-04-08', inForceFrom: '2004-05-03', vbplItemId: '20000', repealedOn: '2020-03-05', repealedBy: '30/2020/NĐ-CP' });
    // Known only as the repealing decree cites it: its page is that decree's.
    expect(row('09/2010/NĐ-CP')).toMatchObject({ issuer: 'Chính phủ', date: '2010-02-08', repealedOn: '2020-03-05', citedIn: '30/2020/NĐ-CP', vbplItemId: '141142' });
    expect(row('09/2010/NĐ-CP')!.title).toMatch(/^sửa đổi, bổ sung một số điều trong Nghị định số 110\/2004\/NĐ-CP/);
  });

  it('ends no document for a repeal of some articles, nor one cited inside a listed item', () => {
    expect(row('02/2009/TT-BNV')).toBeUndefined();
    expect(row('58/2001/NĐ-CP')).toEqual(expect.objectContaining({ date: '2001-08-24' }));
    expect(row('58/2001/NĐ-CP')!.replacedBy).toBeUndefined();
    // Replaced, but no text says who issued it: too little to check a citation against.
    expect(row('04/2009/TT-BNV')).toBeUndefined();
  });

  it('drops an end that a later snapshot contradicts by still holding the document', () => {
    expect(doubtful).toEqual(['12/2021/NĐ-CP']);
    expect(row('12/2021/NĐ-CP')).toMatchObject({ date: '2021-02-01' });
    expect(row('12/2021/NĐ-CP')!.replacedBy).toBeUndefined();
    expect(snapshots).toEqual([
      { label: 'old', pages: 1, notes: 3, asOf: '2021-02-01' },
      { label: 'new', pages: 2, notes: 7, asOf: '2025-11-15' },
    ]);
  });

  it('orders the rows by look-up key, as the table is searched by halves', () => {
    const keys = rows.map((r) => keyOf(r.number));
    expect(keys).toEqual([...keys].sort());
  });
});

describe('scripts/gen-central-documents.ts with a collection of texts citing central documents', () => {
  const run = (...extra: string[]) => generate([`old=${join(pages, 'old')}`, `new=${join(pages, 'new')}`, '--cited', `texts=${cited}`, ...extra]);
  const { collections, table } = run('--skip', skipList);
  const rows = rowsOf(table);
  const row = (number: string) => rows.filter((r) => r.number === number);

  it('adds a central document the codification lacks when two texts cite it with the same date, with its type, issuer, title and how many texts', () => {
    expect(row('118/2025/NĐ-CP')).toEqual([
      {
        number: '118/2025/NĐ-CP',
        type: 'Nghị định',
        issuer: 'Chính phủ',
        date: '2025-06-09',
        // As one text writes it across a line break (the other's reading is as frequent and comes later in order).
        title: 'quy định về việc thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia',
        citedTexts: '2',
      },
    ]);
    // A number without a year names one document a year: only the year two texts agree on is kept.
    expect(row('01/NQ-CP').map((r) => [r.date, r.citedTexts])).toEqual([['2025-01-08', '2']]);
    // Four agreed on (118/2025, 01/NQ-CP of 2025, 942/QĐ-TTg, and 30/2020/NĐ-CP that the codification has already).
    expect(JSON.parse(table).collections).toEqual([{ label: 'texts', texts: 4, documents: 4 }]);
    expect(collections).toEqual([{ label: 'texts', texts: 4 }]);
  });

  it('keeps nothing the texts disagree on, nothing outside the central issuers, and the codification’s own reading first', () => {
    expect(row('90/QĐ-TTg')).toEqual([]);
    expect(row('01/2011/TT-BNV')[0].citedTexts).toBeUndefined();
    expect(row('30/2020/NĐ-CP')).toEqual([expect.objectContaining({ date: '2020-03-05', vbplItemId: '141142' })]);
    expect(row('30/2020/NĐ-CP')[0].citedTexts).toBeUndefined();
  });

  it('reads no text the skip list names, so that the plans coverage is measured on vouch for nothing', () => {
    expect(row('1855/QĐ-TTg')).toEqual([]);
    const unskipped = rowsOf(run().table);
    expect(unskipped.filter((r) => r.number === '1855/QĐ-TTg').map((r) => [r.date, r.issuer, r.citedTexts])).toEqual([['2009-11-11', 'Thủ tướng Chính phủ', '2']]);
  });

  it('reads what a central document of the collection replaces in its provision on entry into force, from the day it took effect', () => {
    expect(row('942/QĐ-TTg')).toEqual([expect.objectContaining({ date: '2021-06-15', citedTexts: '3', replacedBy: '2629/QĐ-TTg', replacedOn: '2025-12-01', endedIn: 'cited' })]);
    const [doc] = new CentralTable((JSON.parse(table) as { rows: string[] }).rows).find(keyOf('942/QĐ-TTg'));
    expect(doc).toMatchObject({ replacedBy: '2629/QĐ-TTg', replacedOn: '2025-12-01', confidence: 'cited', statusConfidence: 'cited' });
    expect(doc.statusUnknown).toBeUndefined();
    expect(doc.sources[1]).toMatch(/^the text of 2629\/QĐ-TTg in /);
  });

  it('gives such a document the confidence cited and an unknown status', () => {
    const [doc] = new CentralTable((JSON.parse(table) as { rows: string[] }).rows).find(keyOf('118/2025/NĐ-CP'));
    expect(doc).toMatchObject({ number: '118/2025/NĐ-CP', confidence: 'cited', statusUnknown: true });
    expect(doc.sources[0]).toMatch(/^2 texts of .* citing it with this date$/);
  });
});

describe('officialIssuer', () => {
  it('spells issuers as they are officially named, heads and joint issuers included', () => {
    expect(officialIssuer('Thống đốc Ngân hàng Nhà nước')).toBe('Ngân hàng Nhà nước Việt Nam');
    expect(officialIssuer('Bộ công thương.')).toBe('Bộ Công Thương');
    expect(officialIssuer('Bộ Văn hoá - Thể thao và Du lịch quy định về …')).toBe('Bộ Văn hóa, Thể thao và Du lịch');
    expect(officialIssuer('Bộ Y tế và Bộ Tài chính')).toBe('Bộ Y tế và Bộ Tài chính');
    expect(officialIssuer('Uỷ ban thường vụ Quốc hội')).toBe('Ủy ban Thường vụ Quốc hội');
    expect(officialIssuer('Ủy')).toBeUndefined();
  });
});

describe('the central documents shipped', () => {
  const all = centralTable().all();

  it('holds thousands of documents, each with a number, a date, an issuer, a source and a confidence', () => {
    expect(all.length).toBeGreaterThanOrEqual(3000);
    for (const d of all) {
      expect(splitNumber(d.number), d.number).toBeDefined();
      expect(d.date, d.number).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(d.issuer.length, d.number).toBeGreaterThan(0);
      expect(d.sources.length, d.number).toBeGreaterThan(0);
      // Read in the codification, or known only as a collection of texts cites it.
      expect(d.confidence, d.number).toBe(d.sources[0].includes('citing it with this date') ? 'cited' : 'verified');
      // Without a text ending it, its status is unknown, never "in force".
      expect(Boolean(d.statusUnknown), d.number).toBe(!d.replacedBy && !d.expiredOn);
    }
  });

  it('is sorted by look-up key, and finds every document by its key', () => {
    const keys = data.rows.map((row) => keyOf(row.slice(0, row.indexOf('\t'))));
    expect(keys).toEqual([...keys].sort());
    const table = new CentralTable(data.rows);
    for (const d of all.filter((_, k) => k % 97 === 0)) expect(table.find(keyOf(d.number)).map((x) => x.number)).toContain(d.number);
  });
});
