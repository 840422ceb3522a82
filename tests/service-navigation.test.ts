import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Position } from 'vscode-languageserver-types';
import { createPlanService } from '../server/src/service/plan-service';
import { SEMANTIC_TOKEN_TYPES } from '../server/src/service/semantic-tokens';
import { inMemoryWorkspace, type PlanTextDocument } from '../server/src/service/workspace';
import { LAI_CHAU_HEADER } from './helpers/plans';

/**
 * Navigation across the plans of a workspace, in-process. In a plan text `|`
 * marks the cursor; it is removed before the text reaches the service. The
 * workspace is in memory: a provincial plan (`tinh.kh`) that a district plan
 * (`huyen.kh`) cites and names the same agencies as.
 */
function marked(uri: string, text: string): { document: PlanTextDocument; cursor?: Position } {
  const offset = text.indexOf('|');
  const plain = offset < 0 ? text : text.slice(0, offset) + text.slice(offset + 1);
  const before = plain.slice(0, offset).split('\n');
  return {
    document: { uri, version: 1, getText: () => plain },
    cursor: offset < 0 ? undefined : { line: before.length - 1, character: before[before.length - 1].length },
  };
}

const TINH = `${LAI_CHAU_HEADER}Ủy ban nhân dân tỉnh ban hành Kế hoạch này để triển khai.

# TỔ CHỨC THỰC HIỆN
## Sở Giáo dục và Đào tạo
Chủ trì, phối hợp với Sở Tài chính.

Nơi nhận:
- Sở Giáo dục và Đào tạo;
- Lưu: VT.
`;

const HUYEN = `Cơ quan: ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG
Số: 30/KH-UBND
Địa danh: Tam Đường
Ngày: 20/3/2026
Loại: Kế hoạch
Trích yếu: Thực hiện Kế hoạch số 12/KH-UBND ngày 15/3/2026 của Ủy ban nhân dân tỉnh
---

Thực hiện Kế hoạch số 12/KH-UBND ngày 15/3/2026 của Ủy ban nhân dân tỉnh Lai Châu.

Nơi nhận:
- Sở GD&ĐT;
- Lưu: VT.
`;

function setup(cursorIn: 'tinh' | 'huyen', text: string) {
  const tinh = marked('file:///ws/tinh.kh', cursorIn === 'tinh' ? text : TINH);
  const huyen = marked('file:///ws/huyen.kh', cursorIn === 'huyen' ? text : HUYEN);
  const service = createPlanService({ workspace: inMemoryWorkspace([tinh.document, huyen.document]), today: () => '2026-03-20' });
  const here = cursorIn === 'tinh' ? tinh : huyen;
  return { service, document: here.document, cursor: here.cursor! };
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));
const cancelled = { isCancellationRequested: true };

describe('go to definition', () => {
  const definitionAt = (cursorIn: 'tinh' | 'huyen', text: string) => {
    const { service, document, cursor } = setup(cursorIn, text);
    return service.getDefinition(document, cursor);
  };
  /** The provincial plan's `Số:` line, where it is declared. */
  const TINH_NUMBER = { uri: 'file:///ws/tinh.kh', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 14 } } };

  it('goes from a citation of a workspace plan that assigns this plan’s issuer nothing to that plan’s Số: line', () => {
    expect(definitionAt('huyen', HUYEN.replace('\nThực hiện Kế hoạch số 12', '\nThực hiện Kế hoạch số 1|2'))).toEqual([TINH_NUMBER]);
  });

  it('goes from a citation of the parent plan to the task the parent assigns to this plan’s issuer', () => {
    // The provincial plan gives Sở Giáo dục và Đào tạo a task under its own heading of Tổ chức thực hiện.
    const child = HUYEN.replace('ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH LAI CHÂU')
      .replace('30/KH-UBND', '30/KH-SGDĐT')
      .replace('\nThực hiện Kế hoạch số 12', '\nThực hiện Kế hoạch số 1|2');
    const task = lineOf(TINH, 'Chủ trì, phối hợp');
    expect(definitionAt('huyen', child)).toEqual([
      { uri: 'file:///ws/tinh.kh', range: { start: { line: task, character: 0 }, end: { line: task, character: 'Chủ trì, phối hợp với Sở Tài chính.'.length } } },
    ]);
  });

  it('goes from a citation known only to the registry to its registry entry, whose text the service serves', () => {
    const { service, document, cursor } = setup('tinh', TINH.replace('Chỉ thị số 21-CT/TW', 'Chỉ thị số 21-C|T/TW'));
    const [location] = service.getDefinition(document, cursor);
    expect(location.uri).toBe('kehoach-registry:/document/21-CT%2FTW.json');
    expect(JSON.parse(service.getRegistryEntry(location.uri)!)).toMatchObject({ number: '21-CT/TW', issuer: 'Ban Bí thư', type: 'Chỉ thị' });
    // VS Code hands the URI back with the slash decoded.
    expect(service.getRegistryEntry('kehoach-registry:/document/21-CT/TW.json')).toBe(service.getRegistryEntry(location.uri));
  });

  it('goes from “Kế hoạch này” to the plan’s own header', () => {
    expect(definitionAt('tinh', TINH.replace('Kế hoạch này', 'Kế hoạch n|ày'))).toEqual([TINH_NUMBER]);
  });

  it('goes from an agency in Nơi nhận to the heading that assigns it work', () => {
    const [location] = definitionAt('tinh', TINH.replace('- Sở Giáo dục và Đào tạo;', '- Sở Giáo d|ục và Đào tạo;'));
    expect(location.uri).toBe('file:///ws/tinh.kh');
    expect(location.range.start.line).toBe(lineOf(TINH, '## Sở Giáo dục'));
  });

  it('finds nothing on plain text', () => {
    expect(definitionAt('tinh', TINH.replace('triển khai', 'triển |khai'))).toEqual([]);
  });
});

describe('find references', () => {
  it('lists every citation of a plan across the workspace, and its Số: as the declaration', () => {
    const { service, document, cursor } = setup('tinh', TINH.replace('Số: 12/KH-UBND', 'Số: 12/KH-U|BND'));
    const refs = service.getReferences(document, cursor, true).map((l) => `${l.uri.slice(11)}:${l.range.start.line}`);
    expect(refs.sort()).toEqual(['huyen.kh:5', 'huyen.kh:8', 'tinh.kh:1']);
    expect(service.getReferences(document, cursor, false)).toHaveLength(2);
  });

  it('lists the mentions of an agency across the workspace, whatever alias is written', () => {
    const { service, document, cursor } = setup('huyen', HUYEN.replace('- Sở GD&ĐT;', '- Sở G|D&ĐT;'));
    const refs = service.getReferences(document, cursor, true).map((l) => `${l.uri.slice(11)}:${l.range.start.line}`);
    expect(refs.sort()).toEqual(['huyen.kh:11', `tinh.kh:${lineOf(TINH, '## Sở Giáo dục')}`, `tinh.kh:${lineOf(TINH, '- Sở Giáo dục')}`]);
  });

  it('stops and answers nothing when the request is cancelled', () => {
    const { service, document, cursor } = setup('tinh', TINH.replace('Số: 12/KH-UBND', 'Số: 12/KH-U|BND'));
    expect(service.getReferences(document, cursor, true, cancelled)).toEqual([]);
  });
});

describe('rename', () => {
  it('prepares a rename on a document number and refuses plain text', () => {
    const { service, document, cursor } = setup('huyen', HUYEN.replace('\nThực hiện Kế hoạch số 12', '\nThực hiện Kế hoạch số 1|2'));
    expect(service.prepareRename(document, cursor)).toMatchObject({ placeholder: '12/KH-UBND', range: { start: { line: 8, character: 22 } } });
    const plain = setup('huyen', HUYEN.replace('Lưu: VT', 'Lưu: V|T'));
    expect(plain.service.prepareRename(plain.document, plain.cursor)).toBeNull();
  });

  it('renames a document number in every citation and in the cited plan’s Số:', () => {
    const { service, document, cursor } = setup('huyen', HUYEN.replace('\nThực hiện Kế hoạch số 12', '\nThực hiện Kế hoạch số 1|2'));
    const edit = service.getRenameEdits(document, cursor, '15/KH-UBND') as { changes: Record<string, { range: { start: Position }; newText: string }[]> };
    expect(Object.keys(edit.changes).sort()).toEqual(['file:///ws/huyen.kh', 'file:///ws/tinh.kh']);
    expect(edit.changes['file:///ws/tinh.kh']).toEqual([{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 14 } }, newText: '15/KH-UBND' }]);
    expect(edit.changes['file:///ws/huyen.kh'].map((e) => e.range.start.line)).toEqual([5, 8]);
  });

  it('refuses a new number that is not a document number', () => {
    const { service, document, cursor } = setup('huyen', HUYEN.replace('\nThực hiện Kế hoạch số 12', '\nThực hiện Kế hoạch số 1|2'));
    expect(service.getRenameEdits(document, cursor, 'mười hai')).toEqual({ error: '“mười hai” không phải số, ký hiệu văn bản / is not a document number' });
  });

  it('renames an agency wherever it is mentioned, aliases included', () => {
    const { service, document, cursor } = setup('tinh', TINH.replace('## Sở Giáo dục', '## Sở G|iáo dục'));
    const edit = service.getRenameEdits(document, cursor, 'Sở Giáo dục, Khoa học và Công nghệ') as { changes: Record<string, { newText: string }[]> };
    expect(edit.changes['file:///ws/tinh.kh']).toHaveLength(2);
    expect(edit.changes['file:///ws/huyen.kh']).toEqual([
      expect.objectContaining({ newText: 'Sở Giáo dục, Khoa học và Công nghệ', range: { start: { line: 11, character: 2 }, end: { line: 11, character: 10 } } }),
    ]);
  });
});

describe('the workspace index in the checks', () => {
  it('knows a plan of the workspace as a document the others may cite', () => {
    const { service, document } = setup('huyen', HUYEN);
    expect(service.getDiagnostics(document).map((d) => d.code)).not.toContain('citation-unknown');
    const alone = createPlanService({ today: () => '2026-03-20' });
    expect(alone.getDiagnostics(document).map((d) => d.code)).toContain('citation-unknown');
  });

  it('sees a plan appear in the workspace without the citing plan changing', () => {
    const huyen = marked('file:///ws/huyen.kh', HUYEN).document;
    const workspace = inMemoryWorkspace([huyen]);
    const service = createPlanService({ workspace, today: () => '2026-03-20' });
    expect(service.getDiagnostics(huyen).map((d) => d.code)).toContain('citation-unknown');
    workspace.set(marked('file:///ws/tinh.kh', TINH).document);
    expect(service.getDiagnostics(huyen).map((d) => d.code)).not.toContain('citation-unknown');
  });
});

describe('workspace symbols', () => {
  it('finds plans and sections without regard to case or diacritics', () => {
    const { service } = setup('tinh', TINH);
    expect(service.getWorkspaceSymbols('to chuc').map((s) => `${s.location.uri.slice(11)} ${s.name}`)).toEqual(['tinh.kh I. TỔ CHỨC THỰC HIỆN']);
    expect(service.getWorkspaceSymbols('30/kh').map((s) => s.name)).toEqual(['30/KH-UBND — Thực hiện Kế hoạch số 12/KH-UBND ngày 15/3/2026 của Ủy ban nhân dân tỉnh']);
    expect(service.getWorkspaceSymbols('', cancelled)).toEqual([]);
  });
});

describe('selection ranges', () => {
  it('widens from a citation’s number through its paragraph to the whole plan', () => {
    const { service, document, cursor } = setup('huyen', HUYEN.replace('\nThực hiện Kế hoạch số 12', '\nThực hiện Kế hoạch số 1|2'));
    const [selection] = service.getSelectionRanges(document, [cursor]);
    const chain: string[] = [];
    for (let s: typeof selection | undefined = selection; s; s = s.parent) chain.push(`${s.range.start.line}:${s.range.start.character}-${s.range.end.line}:${s.range.end.character}`);
    // The citation's own range (second) is the parser's; the chain around it is ours.
    expect(chain).toEqual(['8:22-8:32', expect.stringMatching(/^8:10-8:\d+$/), '8:0-8:82', '0:0-13:0']);
  });
});

describe('semantic tokens', () => {
  it('marks header labels, dates, citations, headings and agencies, one line at a time', () => {
    const { service, document } = setup('tinh', TINH);
    const { data } = service.getSemanticTokens(document);
    const lines = document.getText().split('\n');
    const tokens: string[] = [];
    for (let i = 0, line = 0, start = 0; i < data.length; i += 5) {
      line += data[i];
      start = data[i] === 0 ? start + data[i + 1] : data[i + 1];
      tokens.push(`${SEMANTIC_TOKEN_TYPES[data[i + 3]]} ${lines[line].slice(start, start + data[i + 2])}`);
    }
    expect(tokens).toEqual([
      'label Cơ quan',
      'label Số',
      'label Địa danh',
      'label Ngày',
      'date 15/3/2026',
      'label Loại',
      'label Trích yếu',
      'citation Chỉ thị số 21-CT/TW ',
      'date ngày 04/5/2023',
      'citation  của ',
      'agency Ban Bí thư',
      'agency Ủy ban nhân dân tỉnh',
      'heading # TỔ CHỨC THỰC HIỆN',
      'heading ## ',
      'agency Sở Giáo dục và Đào tạo',
      'agency Sở Tài chính',
      'label Nơi nhận:',
      'agency Sở Giáo dục và Đào tạo',
    ]);
  });
});

describe('document links', () => {
  it('links a citation of a workspace plan to that plan', () => {
    const { service, document } = setup('huyen', HUYEN);
    expect(service.getDocumentLinks(document).map((l) => `${l.range.start.line} ${l.target}`)).toEqual(['5 file:///ws/tinh.kh', '8 file:///ws/tinh.kh']);
  });

  it('links a web address written in the text', () => {
    const { service, document } = setup('tinh', TINH.replace('để triển khai.', 'để triển khai (xem https://laichau.gov.vn/van-ban).'));
    expect(service.getDocumentLinks(document).map((l) => l.target)).toContain('https://laichau.gov.vn/van-ban');
  });
});

/**
 * The cascade across the workspace: the parent of the cascade-* fixtures
 * (901/KH-UBND of Lai Châu, which gives two tasks to “Ủy ban nhân dân các
 * huyện, thành phố”) and the district plan of cascade-tasks.fires.kh, which
 * takes up the first task only.
 */
describe('the cascade across the workspace', () => {
  const fixtures = join(__dirname, 'fixtures', 'checks');
  const PARENT = readFileSync(join(fixtures, 'cascade-parents', 'ke-hoach-901-KH-UBND.kh'), 'utf8');
  const CHILD = readFileSync(join(fixtures, 'cascade-tasks.fires.kh'), 'utf8');
  const SECOND_TASK = '- Thành lập tổ công tác kết nối giáo dục nghề nghiệp với doanh nghiệp.';
  const parentUri = 'file:///ws/tinh-901.kh';
  const childUri = 'file:///ws/huyen-12.kh';
  const cascade = () => {
    const parent = { uri: parentUri, version: 1, getText: () => PARENT };
    const child = { uri: childUri, version: 1, getText: () => CHILD };
    // A plan that cites neither, to show that an edit of the parent leaves its findings alone.
    const other = { uri: 'file:///ws/so-tai-chinh.kh', version: 1, getText: () => 'Cơ quan: SỞ TÀI CHÍNH TỈNH LAI CHÂU\nSố: 5/KH-STC\nNgày: 01/3/2025\n---\n\nNội dung.\n' };
    const workspace = inMemoryWorkspace([parent, child, other]);
    return { workspace, child, other, service: createPlanService({ workspace, today: () => '2026-03-20' }) };
  };
  const task = lineOf(PARENT, SECOND_TASK);

  it('opens the parent, from its citation, at the first task it gives to the child’s level', () => {
    const { service, child } = cascade();
    const citation = lineOf(CHILD, 'Thực hiện Kế hoạch số 901');
    const first = lineOf(PARENT, '- Tổ chức khảo sát');
    expect(service.getDefinition(child, { line: citation, character: 24 })).toEqual([
      { uri: parentUri, range: { start: { line: first, character: 0 }, end: { line: first, character: PARENT.split('\n')[first].length } } },
    ]);
  });

  it('links the hint of a task not taken up to the parent’s wording (relatedInformation)', () => {
    const { service, child } = cascade();
    const hints = service.getDiagnostics(child).filter((d) => d.code === 'cascade-tasks');
    expect(hints.map((d) => d.relatedInformation)).toEqual([
      [{ location: { uri: parentUri, range: { start: { line: task, character: 0 }, end: { line: task, character: SECOND_TASK.length } } }, message: SECOND_TASK.slice(2) }],
    ]);
  });

  it('checks the child again when the parent’s tasks change, its header unchanged, and only the plans citing it', () => {
    const { service, workspace, child, other } = cascade();
    expect(service.getDiagnostics(child).map((d) => d.code)).toContain('cascade-tasks');
    const before = service.getDiagnostics(other);
    expect(service.staleDependents(parentUri)).toEqual([]);
    const edited = PARENT.replace(`${SECOND_TASK}\n`, '');
    workspace.set({ uri: parentUri, version: 2, getText: () => edited });
    expect(service.staleDependents(parentUri)).toEqual([childUri]);
    expect(service.getDiagnostics(child).map((d) => d.code)).not.toContain('cascade-tasks');
    expect(service.staleDependents(parentUri)).toEqual([]);
    expect(service.getDiagnostics(other)).toEqual(before);
  });

  it('lists every analysed plan as stale when a plan’s citable facts change (a citation may now find it)', () => {
    const { service, workspace, child, other } = cascade();
    service.getDiagnostics(child);
    service.getDiagnostics(other);
    workspace.set({ uri: parentUri, version: 2, getText: () => PARENT.replace('Ngày: 10/01/2025', 'Ngày: 11/01/2025') });
    expect(service.staleDependents(parentUri).sort()).toEqual([childUri, other.uri].sort());
  });
});
