import type { Bilingual } from '../model';

/**
 * kehoach's settings, the one place they are defined: the keys of
 * `kehoach.json` and the `kehoach.*` settings of the editor. `config.ts`
 * validates `kehoach.json` by them, the language server reads the editor's
 * settings by them, and `scripts/generate.ts` writes from them (with the rule
 * catalogue) the JSON schema of `kehoach.json` (`schemas/`), the settings of
 * `package.json` with their strings, and the tables of docs/configuration.md.
 */

/** A value a setting may take and what it means (Markdown). */
export interface SettingChoice {
  value: string;
  description: Bilingual;
}

/** What a setting's value is. */
export type SettingValue =
  /** An object giving each rule id a severity or `off`. */
  | { kind: 'severities' }
  /** A list of paths relative to `kehoach.json`. */
  | { kind: 'paths' }
  /** A date in one of the forms `readDate` reads. */
  | { kind: 'date' }
  | { kind: 'choice'; choices: readonly SettingChoice[] };

export interface SettingDefinition {
  /** The key in `kehoach.json`; the editor's setting is `kehoach.<key>`. */
  key: string;
  /** Where it is set: `kehoach.json`, the editor's settings, or both (then the nearest `kehoach.json` wins). */
  where: 'both' | 'file' | 'editor';
  /** What it does (Markdown). */
  description: Bilingual;
  value: SettingValue;
  /** In the editor, what an empty value (the default) means; unset in `kehoach.json` is the same. */
  unset?: Bilingual;
  /** An editor-only setting's default value and scope. */
  editorDefault?: string;
  editorScope?: 'window';
}

/** Severities a rule may be given in `rules`. */
export const SEVERITY_SETTINGS = ['error', 'warning', 'information', 'hint', 'off'] as const;

export const SETTINGS: readonly SettingDefinition[] = [
  {
    key: 'rules',
    where: 'both',
    description: {
      vi: 'mức của từng quy tắc theo mã (xem `docs/rules.md`): `error`, `warning`, `information`, `hint` hoặc `off` (tắt)',
      en: 'severity per rule id (see `docs/rules.md`): `error`, `warning`, `information`, `hint` or `off`',
    },
    value: { kind: 'severities' },
  },
  {
    key: 'registry',
    where: 'file',
    description: {
      vi: 'các tệp danh mục của tỉnh, đơn vị (đường dẫn tính từ `kehoach.json`), bổ sung văn bản và cơ quan vào danh mục có sẵn',
      en: 'registry files of the province or unit (paths relative to `kehoach.json`), adding documents and agencies to the built-in registry',
    },
    value: { kind: 'paths' },
  },
  {
    key: 'dictionary',
    where: 'file',
    description: {
      vi: 'các tệp từ điển của thư mục (mỗi dòng một từ, dòng bắt đầu bằng `#` là ghi chú): tên địa danh, tên người, tên dân tộc, từ viết tắt mà quy tắc chính tả `text-spelling` không báo',
      en: "the workspace's word lists (one word a line, `#` starts a comment): place names, people's names, names of ethnic groups, abbreviations that the spelling rule `text-spelling` then accepts",
    },
    value: { kind: 'paths' },
  },
  {
    key: 'planDate',
    where: 'both',
    description: {
      vi: 'ngày dùng để xét hiệu lực văn bản và sự tồn tại của cơ quan cho mọi kế hoạch, thay cho `Ngày:` của từng kế hoạch (`2026-03-15` hoặc `15/3/2026`)',
      en: "the date on which document validity and agency existence are judged for every plan, instead of each plan's `Ngày:` (`2026-03-15` or `15/3/2026`)",
    },
    value: { kind: 'date' },
    unset: { vi: 'theo ngày của kế hoạch', en: "the plan's own date" },
  },
  {
    key: 'system',
    where: 'both',
    description: {
      vi: 'hệ của kế hoạch không có dòng `Hệ:`, thay cho hệ suy ra từ số và cơ quan ban hành',
      en: 'the system of a plan without a `Hệ:` line, instead of the one its number and issuer tell',
    },
    value: {
      kind: 'choice',
      choices: [
        { value: 'state', description: { vi: 'hành chính nhà nước (Nghị định 30/2020/NĐ-CP)', en: 'state administration (Nghị định 30/2020/NĐ-CP)' } },
        { value: 'party', description: { vi: 'Đảng (Hướng dẫn 36-HD/VPTW)', en: 'the Party (Hướng dẫn 36-HD/VPTW)' } },
        { value: 'mass', description: { vi: 'đoàn thể', en: 'mass organisations' } },
      ],
    },
    unset: { vi: 'theo số và cơ quan ban hành', en: 'decided by the number and the issuer' },
  },
  {
    key: 'toneStyle',
    where: 'both',
    description: {
      vi: 'kiểu đặt dấu thanh mà các quy tắc về chữ mong đợi',
      en: 'the tone-mark placement the text rules expect',
    },
    value: {
      kind: 'choice',
      choices: [
        { value: 'modern', description: { vi: 'kiểu mới: `hóa`, `ủy`', en: 'the newer placement: `hóa`, `ủy`' } },
        { value: 'classic', description: { vi: 'kiểu cũ: `hoá`, `uỷ`', en: 'the older placement: `hoá`, `uỷ`' } },
      ],
    },
    unset: { vi: 'theo kiểu chiếm đa số trong văn bản', en: 'the style most of the document uses' },
  },
  {
    key: 'trace.server',
    where: 'editor',
    description: {
      vi: 'ghi các thông điệp giữa VS Code và máy chủ ngôn ngữ kehoach (bảng Output)',
      en: 'log the messages between VS Code and the kehoach language server (Output panel)',
    },
    value: {
      kind: 'choice',
      choices: [
        { value: 'off', description: { vi: 'không ghi', en: 'nothing' } },
        { value: 'messages', description: { vi: 'tên các thông điệp', en: 'the messages’ names' } },
        { value: 'verbose', description: { vi: 'thông điệp cùng nội dung', en: 'the messages with their contents' } },
      ],
    },
    editorDefault: 'off',
    editorScope: 'window',
  },
];

/** The keys `kehoach.json` accepts (`$schema` too, for editors that read it). */
export const FILE_KEYS: readonly string[] = [...SETTINGS.filter((s) => s.where !== 'editor').map((s) => s.key), '$schema'];

/** The editor's `kehoach.*` settings that `kehoach.json` can also give, validated as `kehoach.json` is. */
export const SHARED_KEYS: readonly string[] = SETTINGS.filter((s) => s.where === 'both').map((s) => s.key);

/** The values of a choice among the settings. */
export function choicesOf(key: 'system' | 'toneStyle'): readonly string[] {
  const value = SETTINGS.find((s) => s.key === key)?.value;
  return value?.kind === 'choice' ? value.choices.map((c) => c.value) : [];
}
