import { confidenceLabel } from '../domain/registry-facts';
import type { AgencyStatus, DocumentStatus, Registry } from '../registry/registry';
import { documentsNumbered, searchRegistry, type FoundAgency, type FoundDocument } from '../registry/search';
import { numericDate } from '../syntax/dates';
import { subcommand, UsageError, type CommandSpec } from './arguments';

/** What a document is on the date asked about, in words. */
function documentStatus(status: DocumentStatus, registry: Registry): { vi: string; en: string } {
  switch (status.state) {
    case 'in-force':
      return { vi: 'còn hiệu lực', en: 'in force' };
    case 'unknown':
      return { vi: 'đã có hiệu lực; sau đó có bị thay thế, bãi bỏ hay không thì chưa rõ', en: 'took effect; whether it was replaced or repealed since is not known' };
    case 'not-yet-issued':
      return { vi: 'chưa ban hành', en: 'not yet issued' };
    case 'not-yet-in-force':
      return { vi: `chưa có hiệu lực (từ ${numericDate(status.from)})`, en: `not yet in force (from ${numericDate(status.from)})` };
    case 'replaced': {
      const by = status.by ? `${status.by.type} ${status.by.number}` : status.byNumber || registry.documentByNumber(status.byNumber)?.number || '?';
      return { vi: `đã bị thay thế bằng ${by} từ ${numericDate(status.on)}`, en: `replaced by ${by} from ${numericDate(status.on)}` };
    }
    case 'expired':
      return { vi: `hết hiệu lực từ ${numericDate(status.on)}`, en: `no longer in force from ${numericDate(status.on)}` };
  }
}

function agencyStatus(status: AgencyStatus): { vi: string; en: string } {
  if (status.state === 'exists') return { vi: 'đang tồn tại', en: 'exists' };
  if (status.state === 'not-yet') return { vi: `chưa có (từ ${numericDate(status.from)})`, en: `not yet (from ${numericDate(status.from)})` };
  const to = status.successors.map((s) => `${s.agency?.name ?? s.id}${s.function ? ` (${s.function})` : ''}`).join('; ');
  return { vi: `không còn từ ${numericDate(status.on)}${to ? `; chức năng chuyển sang: ${to}` : ''}`, en: `gone from ${numericDate(status.on)}${to ? `; functions moved to: ${to}` : ''}` };
}

/** One line of `find`. */
function line(found: FoundDocument | FoundAgency, registry: Registry): string {
  if (found.kind === 'agency') return `${found.agency.name} — ${found.agency.level} — ${agencyStatus(found.status).vi}`;
  const d = found.document;
  return `${d.type} ${d.number} — ${numericDate(d.date)} — ${d.issuer} — ${d.title} — ${documentStatus(found.status, registry).vi}`;
}

/** The whole entry, for `show`. */
function entry(found: FoundDocument, registry: Registry): string {
  const d = found.document;
  const status = documentStatus(found.status, registry);
  const confidence = confidenceLabel(d.confidence);
  const rows: [string, string | undefined][] = [
    ['Số, ký hiệu / Number', d.number],
    ['Loại / Type', d.type],
    ['Cơ quan ban hành / Issuer', d.issuer],
    ['Ngày ban hành / Date', numericDate(d.date)],
    ['Có hiệu lực từ / In force from', d.inForceFrom && numericDate(d.inForceFrom)],
    ['Trích yếu / Title', d.title],
    ['Tình trạng / Status', `${status.vi} / ${status.en}`],
    ['Bãi bỏ bởi / Repealed by', d.repealedBy],
    ['Sửa đổi bởi / Amended by', d.amendedBy?.join(', ')],
    ['Độ tin cậy / Confidence', `${d.confidence} — ${confidence.vi} / ${confidence.en}`],
    ['Nguồn / Sources', d.sources.join('\n    ')],
    ['Ghi chú / Note', d.note],
  ];
  return rows
    .filter(([, value]) => value)
    .map(([label, value]) => `  ${label}: ${value}`)
    .join('\n');
}

/** A found entry as JSON: the registry's fields and its status on the date. */
function toJson(found: FoundDocument | FoundAgency) {
  if (found.kind === 'agency')
    return { kind: 'agency', ...found.agency, status: found.status.state === 'gone' ? { ...found.status, successors: found.status.successors.map(({ agency, ...s }) => s) } : found.status };
  const { plan, ...document } = found.document;
  const status = found.status.state === 'replaced' ? { state: 'replaced', on: found.status.on, by: found.status.byNumber } : found.status;
  return { kind: 'document', ...document, status };
}

const REGISTRY = {
  name: 'registry',
  summary: {
    vi: 'Tra danh mục văn bản và cơ quan: tìm theo từ hoặc số hiệu (find), xem một văn bản (show).',
    en: 'Look up the registry of documents and agencies: search by words or number (find), show one document (show).',
  },
  operands: { name: 'find TEXT… | show NUMBER', min: 0, max: Infinity },
  options: {
    format: { type: 'string', short: 'f', choices: ['text', 'json'], help: { vi: 'dạng kết quả (mặc định: text)', en: 'the output format (default: text)' } },
    date: { type: 'string', value: 'YYYY-MM-DD', help: { vi: 'ngày xét hiệu lực (mặc định: hôm nay)', en: 'the date the status is judged on (default: today)' } },
    limit: { type: 'string', value: 'N', help: { vi: 'số kết quả tối đa của find (mặc định: 20)', en: 'the most results find prints (default: 20)' } },
  },
  notes: {
    vi: 'find TEXT: một số hiệu ("21-CT/TW", "Nghị định 30/2020/NĐ-CP") tìm các văn bản mang số đó; các từ khác tìm văn bản có đủ các từ\nđó trong loại, số, cơ quan ban hành, trích yếu, và cơ quan có các từ đó trong tên (không phân biệt hoa thường, dấu, chữ viết tắt).\nshow NUMBER: mọi dữ kiện của văn bản mang số đó, với nguồn và độ tin cậy. Danh mục gồm danh mục có sẵn và các tệp danh mục\ncủa kehoach.json gần nhất. Mã thoát: 0 có kết quả, 1 không có, 2 sai cách dùng.',
    en: 'find TEXT: a number ("21-CT/TW", "Nghị định 30/2020/NĐ-CP") finds the documents of that number; other words find the documents\nwith all of them in their type, number, issuer and title, and the agencies with all of them in their name (without regard to case,\ndiacritics and abbreviations). show NUMBER: every fact of the document of that number, with its sources and confidence. The registry\nis the built-in one and the registry files of the nearest kehoach.json. Exit codes: 0 found, 1 nothing found, 2 usage error.',
  },
} as const satisfies CommandSpec;

/**
 * `kehoach registry find TEXT…` and `kehoach registry show NUMBER`: the
 * registry as a plan in the current folder sees it (the nearest kehoach.json
 * and its registry files), without an editor. `registryOf` gives that
 * registry. Exit 0 when something is found, 1 when nothing is, 2 usage error.
 */
export const registryCommand = (registryOf: () => Registry) =>
  subcommand(REGISTRY, (values, operands, { out }) => {
    const [action, ...words] = operands;
    const text = words.join(' ').trim();
    if ((action !== 'find' && action !== 'show') || !text)
      throw new UsageError(
        action === 'find' || action === 'show'
          ? `${action} cần ${action === 'find' ? 'từ cần tìm' : 'một số hiệu'} / ${action} needs ${action === 'find' ? 'words to search' : 'a number'}`
          : 'Dùng find TEXT hoặc show NUMBER / Use find TEXT or show NUMBER',
        REGISTRY,
      );
    if (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError(`--date có dạng YYYY-MM-DD / --date is YYYY-MM-DD: ${values.date}`, REGISTRY);
    if (values.limit && !/^[1-9]\d*$/.test(values.limit)) throw new UsageError(`--limit là một số dương / --limit is a positive number: ${values.limit}`, REGISTRY);
    const on = values.date ?? new Date().toISOString().slice(0, 10);
    const registry = registryOf();
    const json = values.format === 'json';
    if (action === 'show') {
      const found = documentsNumbered(registry, text, on);
      if (json) out(JSON.stringify(found.map(toJson), null, 2));
      else if (found.length === 0) out(`Không có văn bản số ${text} trong danh mục / No document numbered ${text} in the registry`);
      else out(found.map((f) => `${f.document.type} số ${f.document.number}\n${entry(f, registry)}`).join('\n\n'));
      return found.length ? 0 : 1;
    }
    const found = searchRegistry(registry, text, on);
    const limit = Number(values.limit ?? 20);
    const shown = found.slice(0, limit);
    if (json) out(JSON.stringify(shown.map(toJson), null, 2));
    else if (found.length === 0) out(`Không tìm thấy "${text}" trong danh mục / "${text}" not found in the registry`);
    else out([...shown.map((f) => line(f, registry)), ...(found.length > limit ? [`… ${found.length - limit} kết quả nữa (--limit) / more results (--limit)`] : [])].join('\n'));
    return found.length ? 0 : 1;
  });
