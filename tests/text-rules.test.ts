import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import dictionaryData from '../server/data/dictionary-vi.json';
import { checkPlan } from '../server/src/checks';
import { applySafeFixes } from '../server/src/checks/apply-fixes';
import { findPhraseSlips, isKnownPhrase, phraseCorrection } from '../server/src/checks/phrase-lexicon';
import type { CheckConfig } from '../server/src/checks/rule';
import { splitInTwo } from '../server/src/checks/rules/text-spelling';
import { syllableDefect } from '../server/src/checks/rules/text-syllable';
import { wordRuns } from '../server/src/checks/text-lines';
import { isKnownSyllable } from '../server/src/checks/vi-dictionary';
import { canonical, hasImpossibleStopTone, lexemeAt, lexemeOf, parseSyllable, standardTonePlacement, toneStyleOf, toToneStyle } from '../server/src/checks/vietnamese';
import { parsePlan } from '../server/src/syntax/parse';
import { textAt } from './helpers/ranges';

const root = join(__dirname, '..');
const HEADER = 'Cơ quan: ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\nSố: 12/KH-UBND\nĐịa danh: Lai Châu\nNgày: 15/3/2026\nLoại: Kế hoạch\nTrích yếu: Thực hiện công tác giáo dục nghề nghiệp\n---\n\n';
const plan = (body: string) => HEADER + body + '\n';

/** The diagnostics of one rule on a body under a valid header, as `text covered → message (vi)`. */
function found(rule: string, body: string, config: CheckConfig = {}) {
  const text = plan(body);
  return checkPlan(parsePlan(text), { today: '2026-11-22', config })
    .filter((d) => d.code === rule)
    .map((d) => ({ text: textAt(text, d.range), severity: d.severity, message: d.message.split(' / ')[0], fixes: d.fixes ?? [] }));
}

/** The diagnostics of the text rules only (other rules' safe fixes, such as the closing mark, stay out). */
const textDiagnostics = (text: string) => checkPlan(parsePlan(text), { today: '2026-11-22' }).filter((d) => d.code.startsWith('text-'));

/** The phrase slips the text-phrase rule would report in one sentence: `typed → right`. */
function slips(sentence: string): string[] {
  const parsed = parsePlan(plan(sentence));
  return wordRuns(parsed.document, parsed.source).flatMap(({ words: run }) =>
    findPhraseSlips(run, isKnownSyllable, true).map(
      (s) =>
        `${run
          .slice(s.from, s.to)
          .map((w) => w.text)
          .join(' ')} → ${s.right}`,
    ),
  );
}

describe('Vietnamese syllables', () => {
  it('read onset, vowel cluster and final with gi and qu as onsets only before a vowel', () => {
    const shape = (w: string) => {
      const s = parseSyllable(w);
      return s && [s.onset, s.nucleus, s.coda];
    };
    expect(shape('quyết')).toEqual(['qu', 'yê', 't']);
    expect(shape('giữa')).toEqual(['gi', 'ưa', '']);
    expect(shape('gìn')).toEqual(['g', 'i', 'n']);
    expect(shape('nghiệp')).toEqual(['ngh', 'iê', 'p']);
    expect(shape('người')).toEqual(['ng', 'ươi', '']);
    expect(shape('khuỷu')).toEqual(['kh', 'uyu', '']);
    // Not standard shapes: acronyms, foreign words, minority-language names.
    for (const w of ['CNVCLĐ', 'Facebook', 'Đắk', 'Krông', 'café', 'kilôgam']) expect(parseSyllable(w), w).toBeUndefined();
  });

  it('tell the two placements apart only in open oa, oe, uy', () => {
    const style = (w: string) => toneStyleOf(parseSyllable(w)!);
    expect(['hóa', 'ủy', 'thủy', 'khỏe', 'hòa'].map(style)).toEqual(['modern', 'modern', 'modern', 'modern', 'modern']);
    expect(['hoá', 'uỷ', 'thuỷ', 'khoẻ', 'hoà'].map(style)).toEqual(['classic', 'classic', 'classic', 'classic', 'classic']);
    // One placement only: a final consonant, or qu/gi as the onset.
    expect(['hoàn', 'thuyết', 'khoản', 'quý', 'quả', 'giá', 'ngoài'].map(style)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(toToneStyle('hoá', 'modern')).toBe('hóa');
    expect(toToneStyle('Ủy', 'classic')).toBe('Uỷ');
    expect(toToneStyle('THUỶ', 'modern')).toBe('THỦY');
    expect(toToneStyle('quý', 'classic')).toBe('quý');
    expect(canonical('XÃ HỘI HOÁ'.split(' ')[2])).toBe('hóa');
  });

  it('know where the tone mark goes and which tones a closed syllable takes', () => {
    const fix = (w: string) => standardTonePlacement(parseSyllable(w)!);
    expect(fix('qủa')).toBe('quả');
    expect(fix('ngừơi')).toBe('người');
    expect(fix('hóan')).toBe('hoán');
    expect(fix('mùa')).toBeUndefined();
    expect(fix('hoá')).toBeUndefined();
    expect(hasImpossibleStopTone(parseSyllable('quyêt')!)).toBe(true);
    expect(hasImpossibleStopTone(parseSyllable('cuôc')!)).toBe(true);
    expect(hasImpossibleStopTone(parseSyllable('hoạch')!)).toBe(false);
    expect(hasImpossibleStopTone(parseSyllable('quyết')!)).toBe(false);
    expect(syllableDefect('hóà')?.defect).toBe('two-tones');
    expect(syllableDefect('Ðiều')?.defect).toBe('eth');
    expect(syllableDefect('CNVCLĐ')).toBeUndefined();
  });
});

describe('the spelling dictionary (dictionary-vi through nspell)', () => {
  it('is the copy of the installed dictionary-vi (run node scripts/gen-dictionary-vi.mjs after upgrading it)', () => {
    const dir = join(root, 'node_modules', 'dictionary-vi');
    expect(dictionaryData.source).toBe(`dictionary-vi@${JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version}`);
    expect(dictionaryData.aff).toBe(readFileSync(join(dir, 'index.aff'), 'utf8'));
    expect(dictionaryData.dic).toBe(readFileSync(join(dir, 'index.dic'), 'utf8'));
  });

  it('accepts both placements, NFD and capitals, and rejects what does not exist', () => {
    for (const w of ['hóa', 'hoá', 'ủy', 'uỷ', 'TRONG', 'Hoàng', 'nghiệp'.normalize('NFD'), 'sỹ', 'nòng']) expect(isKnownSyllable(w), w).toBe(true);
    for (const w of ['nhiêm', 'quyêt', 'triễn']) expect(isKnownSyllable(w), w).toBe(false);
  });

  it('splits two syllables run together, preferring a known phrase', () => {
    expect(splitInTwo('nhànước')).toEqual(['nhà', 'nước']);
    expect(splitInTwo('dântại')).toEqual(['dân', 'tại']);
    expect(splitInTwo('nitơ')).toBeUndefined();
    expect(splitInTwo('kilôgam')).toBeUndefined();
  });
});

describe('the phrase matcher generalises beyond the slips of the example plans', () => {
  it('catches the four slips of the example plans', () => {
    expect(slips('NHIỆM VỤ VÀ GIẢI PHÁP TRONG TÂM THỜI GIAN TỚI')).toEqual(['TRONG TÂM → trọng']);
    expect(slips('tuyên truyền trên Công thông tin điện tử, Facebook')).toEqual(['Công thông tin → cổng']);
    expect(slips('nâng cao năng lực chuyên đổi số của cơ quan quản lý')).toEqual(['chuyên đổi số → chuyển']);
    expect(slips('các ngành, nghề, lĩnh vực đào tạo có thể mạnh gắn với nhu cầu thị trường lao động')).toEqual(['có thể mạnh → thế']);
  });

  it('catches made-up slips of other lexicon phrases', () => {
    expect(slips('ưu tiên các ngành nghề trong điểm của tỉnh')).toEqual(['trong điểm → trọng']);
    expect(slips('tổ chức quan triệt Kế hoạch đến cán bộ')).toEqual(['quan triệt → quán']);
    expect(slips('phát huy thể mạnh của địa phương')).toEqual(['thể mạnh → thế']);
    expect(slips('giải quyết chính sạch cho người lao động; đảm bảo chất lương đào tạo')).toEqual(['chính sạch → sách', 'chất lương → lượng']);
    expect(slips('các sở để xuất giải pháp')).toEqual(['để xuất → đề']);
    expect(slips('tăng cường tuyển truyền pháp luật')).toEqual(['tuyển truyền → tuyên']);
    expect(slips('nhằm nâng cáo hiệu quả công tác')).toEqual(['nâng cáo → cao']);
  });

  it('stays silent on right look-alikes and on syllables claimed by a compound outside', () => {
    for (const sentence of [
      'giữ vững niềm tin trong tâm hồn, trong tâm trí của cán bộ; hỗ trợ người dân trong tâm dịch',
      'cán bộ có thể mạnh dạn đề xuất; cơ thể mạnh khỏe',
      'tổ chức khóa học, quản lý chi tiêu, phát huy truyền thống',
      'quy định trong điểm a khoản 2 Điều 5',
      'Chủ tịch trực tiếp tiếp công dân; hợp đồng bảo lãnh; hợp đồng bao gồm; bắt đầu từ ngày ký',
      'trường hợp Ủy ban thường vụ Quốc hội thì thực hiện theo quy định; xử lý việc lạm dụng chức vụ',
      'khôi phục lợi ích của Nhà nước; chuyển biên bản cho Viện kiểm sát; vận chuyển đối với hàng hóa',
      'trưởng thôn, trưởng bản; sóng điện từ; tuyển cộng tác viên; cấp xà phòng',
    ]) {
      expect(slips(sentence), sentence).toEqual([]);
    }
  });

  it('knows compounds from the corpus and corrects a word that does not exist from its phrase', () => {
    expect(isKnownPhrase(['bắt', 'đầu'])).toBe(true);
    expect(isKnownPhrase(['số', 'của'])).toBe(false);
    const parsed = parsePlan(plan('giao nhiêm vụ cho các cơ quan'));
    const run = wordRuns(parsed.document, parsed.source)
      .map((r) => r.words)
      .find((r) => r.some((w) => w.text === 'nhiêm'))!;
    const at = run.findIndex((w) => w.text === 'nhiêm');
    expect(phraseCorrection(run, at)?.right).toBe('nhiệm');
  });
});

describe('text rules on whole plans', () => {
  it('report each decomposed (NFD) line once, with ranges on the characters as typed, and fix it to NFC', () => {
    const text = plan('Triển khai thực hiện Kế hoạch này.\nĐẩy mạnh công tác tuyên truyền.').normalize('NFD');
    const nfd = checkPlan(parsePlan(text), { today: '2026-11-22' }).filter((d) => d.code === 'text-nfd');
    // Every header line (label and value: the parser reads an NFD label the same) and both body lines; `---` and blank lines have nothing decomposed.
    expect(nfd.map((d) => d.range.start.line)).toEqual([0, 1, 2, 3, 4, 5, 8, 9]);
    for (const d of nfd) expect(textAt(text, d.range)).toBe(d.fixes![0].edits[0].newText);
    let fixed = text;
    for (let pass = 0; pass < 5; pass++) fixed = applySafeFixes(fixed, textDiagnostics(fixed)).text;
    expect(fixed).toBe(plan('Triển khai thực hiện Kế hoạch này.\nĐẩy mạnh công tác tuyên truyền.'));
  });

  it('land other text rules right on NFD input', () => {
    const text = plan('Xác định NHIỆM VỤ TRONG TÂM và các các giải pháp.').normalize('NFD');
    const diagnostics = checkPlan(parsePlan(text), { today: '2026-11-22' });
    const phrase = diagnostics.find((d) => d.code === 'text-phrase')!;
    expect(textAt(text, phrase.range)).toBe('TRONG TÂM');
    expect(textAt(text, phrase.fixes![0].edits[0].range)).toBe('TRONG');
    const repeated = diagnostics.find((d) => d.code === 'text-repeated-word')!;
    expect(textAt(text, repeated.range)).toBe('các');
  });

  it('judge the tone placement against the configuration, else the majority, modern on a tie', () => {
    const mixed = 'Đẩy mạnh xã hội hóa, công nghiệp hóa; các cấp uỷ lãnh đạo.';
    expect(found('text-tone-style', mixed).map((d) => `${d.text} → ${d.fixes[0].edits[0].newText}`)).toEqual(['uỷ → ủy']);
    expect(found('text-tone-style', mixed, { toneStyle: 'classic' }).map((d) => d.text)).toEqual(['ỦY', 'hóa', 'hóa']);
    expect(found('text-tone-style', 'Xã hội hoá; các cấp ủy.').map((d) => d.text)).toEqual(['hoá']);
    expect(found('text-tone-style', 'Xã hội hoá; các cấp uỷ; hoàn thành; quý II.').filter((d) => d.text !== 'ỦY')).toEqual([]);
  });

  it('fix repetitions, double spaces and scan noise as promised', () => {
    const apply = (body: string) => applySafeFixes(plan(body), textDiagnostics(plan(body))).text;
    expect(apply('Tổ chức triển khai triển khai Kế hoạch  này.')).toBe(plan('Tổ chức triển khai Kế hoạch này.'));
    const noise = found('text-scan-noise', 'Thực hiện Kế hoạch.\n\nVĂN BẢN ĐẾN\n\nTrang 3');
    expect(noise.map((d) => [d.text, d.fixes[0].edits[0].newText, d.fixes[0].safe])).toEqual([
      ['VĂN BẢN ĐẾN', '// ', false],
      ['Trang 3', '// ', false],
    ]);
  });

  // A hang fails on the timeout; the speed itself is measured in the benchmarks.
  it('finish on long pathological lines', { timeout: 20_000 }, () => {
    const long = `${'a  '.repeat(20000)}${'các '.repeat(20000)}${'ĐẾN '.repeat(5000)}_Toc${'1'.repeat(5000)}`;
    const diagnostics = checkPlan(parsePlan(plan(long)), { today: '2026-11-22' });
    expect(diagnostics.some((d) => d.code === 'text-double-space')).toBe(true);
  });
});

describe('text rules on the examples', () => {
  const run = (name: string) => {
    const text = readFileSync(join(root, 'examples', `${name}.kh`), 'utf8');
    return checkPlan(parsePlan(text), { today: '2026-11-22' })
      .filter((d) => d.code.startsWith('text-'))
      .map((d) => `${d.range.start.line + 1} ${d.severity} ${d.code} ${textAt(text, d.range)}`);
  };

  it('find the defects the example plans keep (examples/README.md) and nothing else', () => {
    expect(run('ke-hoach-470-KH-LDLD-lai-chau')).toEqual(['24 warning text-tone-style uỷ', '28 warning text-phrase TRONG TÂM', '52 warning text-phrase Công thông tin']);
    expect(run('ke-hoach-184-KH-TU-tinh-uy-lai-chau')).toEqual(['56 warning text-phrase có thể mạnh', '66 warning text-phrase chuyên đổi số', '76 warning text-tone-style hoá']);
    expect(run('ke-hoach-64-KH-UBND-tra-vinh')).toEqual(['59 warning text-tone-style hoá']);
  });

  it('find nothing in the clean model plan', () => {
    expect(run('ke-hoach-mau')).toEqual([]);
  });
});

describe('the word statistics of official text', () => {
  const fixesOf = (line: string, code: string) =>
    checkPlan(parsePlan(`Số: 1/KH-UBND\n---\n${line}\n`))
      .filter((d) => d.code === code)
      .map((d) => [textAt(`Số: 1/KH-UBND\n---\n${line}\n`, d.fixes![0].edits[0].range), d.fixes![0].edits[0].newText]);

  it('choose the word a misspelling stands for by its neighbours', () => {
    expect(fixesOf('Đại biểu Hội đồng nhân đân xã; trên cơ cở tổng hợp; Thường tực Hội đồng nhân dân.', 'text-spelling')).toEqual([
      ['đân', 'dân'],
      ['cở', 'sở'],
      ['tực', 'trực'],
    ]);
  });

  it('give away slips among real syllables, and leave right but rare pairs alone', () => {
    expect(fixesOf('Các lớp đạo tạo nghề; trong qua trình thực hiện; kịp thời sử lý vi phạm; UBND tính Lai Châu chỉ đạo; của Thủ tưởng Chính phủ; bị ảnh hướng bởi mưa lũ.', 'text-phrase')).toEqual([
      ['đạo', 'đào'],
      ['qua', 'quá'],
      ['sử', 'xử'],
      ['tính', 'tỉnh'],
      ['tưởng', 'tướng'],
      ['hướng', 'hưởng'],
    ]);
    expect(
      fixesOf('Bài viết đăng tại tạp chí; phát huy tính Đảng; kinh phí tính theo định mức; tích hợp sâu với kinh tế số; có hiệu quả đường dây nóng; nhập cảnh dần tiến đến chấm dứt.', 'text-phrase'),
    ).toEqual([]);
  });
});

describe('the lexemes of words', () => {
  it('are one per distinct text, whether found by a range of a text or by the text, after the table has grown many times', () => {
    const first = lexemeAt('Kế hoạch này', 3, 8);
    expect(first.text).toBe('hoạch');
    const words = Array.from({ length: 20_000 }, (_, i) => `từ${i.toString(36)}`);
    const held = words.map((w) => lexemeOf(w));
    expect(lexemeOf('hoạch')).toBe(first);
    words.forEach((w, i) => expect(lexemeAt(` ${w}.`, 1, w.length + 1)).toBe(held[i]));
    expect(new Set(held).size).toBe(words.length);
    expect(lexemeAt('hoạch định', 0, 4).text).toBe('hoạc');
  });
});
