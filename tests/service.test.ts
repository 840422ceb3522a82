import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../server/src/registry/builtin';
import { ANSWER_WHEN_CANCELLED, createPlanService } from '../server/src/service/plan-service';
import { inMemoryWorkspace } from '../server/src/service/workspace';

/**
 * The editor features in-process. `|` in a text marks the cursor; it is
 * removed before the text reaches the service.
 */
let version = 0;
function at(marked: string) {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const before = text.slice(0, offset).split('\n');
  return { document: { uri: 'file:///t.kh', version: ++version, getText: () => text }, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

const service = createPlanService({ today: () => '2026-03-15' });
const HEADER = 'Cơ quan: ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\nSố: 12/KH-UBND\nĐịa danh: Lai Châu\nNgày: 15/3/2026\nLoại: Kế hoạch\nTrích yếu: Thực hiện\n---\n\n';

describe('completion', () => {
  it('offers the header labels still missing', () => {
    const { document, position } = at('Cơ quan: UBND\n|\n---\n');
    const labels = service.getCompletions(document, position).map((c) => c.label);
    expect(labels).toContain('Số:');
    expect(labels).not.toContain('Cơ quan:');
  });

  it('offers the urgency and confidentiality marks the system has after Độ khẩn: and Độ mật:', () => {
    const labels = (marked: string) => {
      const { document, position } = at(marked);
      return service.getCompletions(document, position).map((c) => c.label);
    };
    expect(labels('Cơ quan: UBND\n|\n---\n')).toEqual(expect.arrayContaining(['Độ khẩn:', 'Độ mật:']));
    expect(labels('Số: 12/KH-UBND\nĐộ khẩn: |\n---\n')).toEqual(['Khẩn', 'Thượng khẩn', 'Hỏa tốc']);
    expect(labels('Số: 12-KH/TU\nĐộ khẩn: |\n---\n')).toEqual(['Khẩn', 'Thượng khẩn', 'Hỏa tốc', 'Hỏa tốc hẹn giờ']);
    expect(labels('Do mat: |\n---\n')).toEqual(['Mật', 'Tối mật', 'Tuyệt mật']);
  });

  it('offers today in the official date form after Ngày:', () => {
    const { document, position } = at('Ngày: |\n---\n');
    expect(service.getCompletions(document, position).map((c) => c.label)).toEqual(['15/3/2026']);
  });

  it('completes Chỉ thị số 2… into the full canonical citation', () => {
    const { document, position } = at(`${HEADER}Thực hiện Chỉ thị số 2|`);
    const items = service.getCompletions(document, position);
    const ct21 = items.find((c) => c.label === 'Chỉ thị số 21-CT/TW')!;
    expect(ct21.textEdit).toMatchObject({ newText: expect.stringMatching(/^Chỉ thị số 21-CT\/TW ngày 04\/5\/2023 của Ban Bí thư về tiếp tục đổi mới/) });
  });

  it('offers only laws in force on the plan’s date', () => {
    const { document, position } = at(`${HEADER}Căn cứ Luật số |`);
    const labels = service.getCompletions(document, position).map((c) => c.label);
    expect(labels).toContain('Luật số 124/2025/QH15');
    expect(labels).not.toContain('Luật số 74/2014/QH13');
  });

  it('offers agencies that exist on the plan’s date in Nơi nhận', () => {
    const { document, position } = at(`${HEADER}Nơi nhận:\n- |`);
    const labels = service.getCompletions(document, position).map((c) => c.label);
    expect(labels).toContain('Sở Giáo dục và Đào tạo');
    expect(labels).not.toContain('Sở Lao động - Thương binh và Xã hội');
  });

  it('offers the standard sections the plan lacks, for a state plan with Kinh phí', () => {
    const { document, position } = at(`${HEADER}# MỤC ĐÍCH, YÊU CẦU\n\n#|`);
    expect(service.getCompletions(document, position).map((c) => c.label)).toEqual(['MỤC TIÊU', 'NHIỆM VỤ, GIẢI PHÁP', 'KINH PHÍ THỰC HIỆN', 'TỔ CHỨC THỰC HIỆN']);
  });

  it('offers the authority lines of the party in a party plan’s signature', () => {
    const { document, position } = at('Số: 184-KH/TU\n---\n\nKý:\n  |');
    expect(service.getCompletions(document, position).map((c) => c.label)).toContain('T/M BAN THƯỜNG VỤ');
  });
});

describe('outline and folding', () => {
  it('lists sections with computed numbers, nested', () => {
    const { document } = at(`${HEADER}# A\n## B\n# C\n|`);
    const symbols = service.getDocumentSymbols(document);
    expect(symbols.map((s) => s.name)).toEqual(['Thực hiện', 'I. A', 'II. C']);
    expect(symbols[1].children?.map((s) => s.name)).toEqual(['1. B']);
  });

  it('folds the header and the sections', () => {
    const { document } = at(`${HEADER}# A\n\ntext\n\n# C\n\nmore\n|`);
    expect(service.getFoldingRanges(document).map((f) => [f.startLine, f.endLine])).toEqual([
      [0, 6],
      [8, 10],
      [12, 14],
    ]);
  });
});

describe('formatting', () => {
  const format = (text: string) => {
    const edits = service.getFormattingEdits({ uri: 'file:///f.kh', version: ++version, getText: () => text });
    return edits.length ? edits[0].newText : text;
  };

  it('renumbers typed headings and items, trims line ends, writes NFC', () => {
    const text = `${HEADER}# I. A  \n\n# III. B\n\n1. một\n3. hai\n\nTiếng Việt`.normalize('NFD');
    expect(format(text)).toBe(`${HEADER}# I. A\n\n# II. B\n\n1. một\n2. hai\n\nTiếng Việt`);
  });

  it('is idempotent and keeps every word of the examples', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = `${__dirname}/../examples`;
    const words = (t: string) =>
      t
        .normalize('NFC')
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w && !/^\d+$/.test(w) && !/^[IVX]+$/.test(w));
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.kh'))) {
      const text = readFileSync(`${dir}/${f}`, 'utf8');
      const once = format(text);
      expect(format(once), f).toBe(once);
      expect(words(once), f).toEqual(words(text));
    }
  });
});

describe('inlay hints', () => {
  it('show the computed number before each heading typed without one', () => {
    const { document } = at(`${HEADER}# A\n## B\n# III. C\n|`);
    expect(service.getInlayHints(document).map((h) => [h.position.line, h.position.character, h.label])).toEqual([
      [8, 2, 'I.'],
      [9, 3, '1.'],
    ]);
  });
});

describe('settings per document', () => {
  it('checks each document with the settings its place gives (the server: its nearest kehoach.json)', () => {
    const text = `${HEADER.replace('Số: 12/KH-UBND', 'Số: 12 /KH-UBND')}Nội dung.\n`;
    const perFolder = createPlanService({
      today: () => '2026-03-15',
      settingsFor: (uri) => ({ registry: builtinRegistry(), config: uri.startsWith('file:///rieng/') ? { rules: { 'header-number-form': 'off' }, planDate: '2026-04-01' } : {} }),
    });
    const codes = (uri: string) => perFolder.getDiagnostics({ uri, version: 1, getText: () => text }).map((d) => d.code);
    expect(codes('file:///goc/a.kh')).toContain('header-number-form');
    expect(codes('file:///rieng/a.kh')).not.toContain('header-number-form');
    expect(perFolder.getPlanStatus({ uri: 'file:///rieng/a.kh', version: 1, getText: () => text })).toMatchObject({ date: '2026-04-01', dateSource: 'config' });
    expect(perFolder.getPlanStatus({ uri: 'file:///goc/a.kh', version: 1, getText: () => text })).toMatchObject({ date: '2026-03-15', dateSource: 'plan' });
  });

  it('serves the registry entry of a document that only a folder’s own registry knows', () => {
    const own = builtinRegistry().with({
      documents: [
        {
          number: '7/KH-UBND',
          type: 'Kế hoạch',
          issuer: 'Ủy ban nhân dân tỉnh Lai Châu',
          date: '2026-01-05',
          title: 'Kế hoạch riêng',
          system: 'state',
          confidence: 'verified',
          sources: ['rieng/registry.json'],
        },
      ],
    });
    const perFolder = createPlanService({ today: () => '2026-03-15', settingsFor: () => ({ registry: own, config: {} }) });
    const { document, position } = at(`${HEADER}Thực hiện Kế hoạch số 7/KH-U|BND ngày 05/01/2026.\n`);
    const [location] = perFolder.getDefinition(document, position);
    expect(location.uri).toBe('kehoach-registry:/document/7%2FKH-UBND.json');
    expect(JSON.parse(perFolder.getRegistryEntry(location.uri)!)).toMatchObject({ title: 'Kế hoạch riêng' });
  });
});

describe('the service contract', () => {
  it('answers a request cancelled before it runs with its empty result, without reading the document', () => {
    const unread = {
      uri: 'file:///t.kh',
      version: 1,
      getText: (): string => {
        throw new Error('read');
      },
    };
    const cancelled = { isCancellationRequested: true };
    const position = { line: 0, character: 0 };
    const range = { start: position, end: position };
    const answers = {
      getDiagnostics: service.getDiagnostics(unread, cancelled),
      getDocumentSymbols: service.getDocumentSymbols(unread, cancelled),
      getFoldingRanges: service.getFoldingRanges(unread, cancelled),
      getHover: service.getHover(unread, position, cancelled),
      getCompletions: service.getCompletions(unread, position, cancelled),
      getInlayHints: service.getInlayHints(unread, cancelled),
      getFormattingEdits: service.getFormattingEdits(unread, cancelled),
      getCodeActions: service.getCodeActions(unread, range, cancelled),
      getDefinition: service.getDefinition(unread, position, cancelled),
      getReferences: service.getReferences(unread, position, true, cancelled),
      prepareRename: service.prepareRename(unread, position, cancelled),
      getRenameEdits: service.getRenameEdits(unread, position, 'X', cancelled),
      getWorkspaceSymbols: service.getWorkspaceSymbols('', cancelled),
      getSelectionRanges: service.getSelectionRanges(unread, [position], cancelled),
      getSemanticTokens: service.getSemanticTokens(unread, cancelled),
      getDocumentLinks: service.getDocumentLinks(unread, cancelled),
      getPlanStatus: service.getPlanStatus(unread, cancelled),
    };
    expect(Object.keys(answers).sort()).toEqual(Object.keys(ANSWER_WHEN_CANCELLED).sort());
    for (const [name, answer] of Object.entries(answers)) expect(answer, name).toEqual(ANSWER_WHEN_CANCELLED[name as keyof typeof ANSWER_WHEN_CANCELLED]());
    expect(() => service.getDiagnostics(unread, { isCancellationRequested: false })).toThrow('read');
  });

  it('drafts a new plan from the parents the workspace index already parsed', () => {
    const parentText = `${HEADER}I. TỔ CHỨC THỰC HIỆN\n1. Ủy ban nhân dân các huyện, thành phố\n- Xây dựng kế hoạch thực hiện.\n`;
    let reads = 0;
    const parent = { uri: 'file:///ws/tinh-12.kh', version: 1, getText: () => (reads++, parentText) };
    const draft = { uri: 'file:///ws/nhap.kh', version: 1, getText: () => `${HEADER}Nội dung.\n` };
    const inWorkspace = createPlanService({ today: () => '2026-03-15', workspace: inMemoryWorkspace([parent, draft]) });
    inWorkspace.getDiagnostics(draft);
    const before = reads;
    const plan = inWorkspace.getNewPlan({ implements: 'Kế hoạch số 12/KH-UBND', issuer: 'Ủy ban nhân dân huyện Tam Đường' });
    expect(reads).toBe(before);
    expect(plan.text).toContain('Kế hoạch số 12/KH-UBND');
    expect(plan.text).toContain('Ngày: 15/3/2026');
  });
});
