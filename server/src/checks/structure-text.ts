import type { Block, PlanDocument, PlanSystem, Range, Section } from '../model';
import { fold } from '../syntax/inline';
import { SourceText } from '../syntax/source-text';

/**
 * Helpers shared by the structure rules (`structure-*`, `header-*`,
 * `closing-mark`, `recipients-*`, `signature-*`): the raw text under a model
 * range with exact positions, the standard parts of a plan, and what an
 * issuer's name says about its system.
 */

/**
 * The text of the source under `range`, as typed (inline marks, line breaks
 * and indentation included) but in NFC, with the range of any slice of it.
 * Works the same on NFD input: a slice never splits a character.
 */
export class RawSpan {
  /** NFC text of the slice. */
  readonly text: string;
  private readonly local: SourceText;
  private readonly base: number;

  constructor(private readonly source: SourceText, range: Range) {
    this.base = source.offsetOf(range.start);
    const end = Math.max(this.base, source.offsetOf(range.end));
    this.local = new SourceText(source.original.slice(this.base, end));
    this.text = this.local.text;
  }

  /** The LSP range of `text.slice(start, end)`. */
  rangeOf(start: number, end: number): Range {
    return {
      start: this.source.positionOfOriginal(this.base + this.local.originalOffset(start)),
      end: this.source.positionOfOriginal(this.base + this.local.originalOffset(end)),
    };
  }

  /** Index just after the last character that is not white space (0 when all is space). */
  get trimmedEnd(): number {
    return this.text.trimEnd().length;
  }
}

/** The standard parts of a plan (docs/format-rules.en.md §8), in their usual order. */
export type PlanPart = 'purpose' | 'targets' | 'tasks' | 'funding' | 'organisation';

export const PART_ORDER: readonly PlanPart[] = ['purpose', 'targets', 'tasks', 'funding', 'organisation'];

/** How each part is usually titled, to name it in messages. */
export const PART_TITLE: Record<PlanPart, string> = {
  purpose: 'MỤC ĐÍCH, YÊU CẦU',
  targets: 'MỤC TIÊU',
  tasks: 'NHIỆM VỤ, GIẢI PHÁP',
  funding: 'KINH PHÍ THỰC HIỆN',
  organisation: 'TỔ CHỨC THỰC HIỆN',
};

/** Folds and squeezes a title for matching: `II. Nhiệm vụ  và giải pháp:` → `nhiem vu va giai phap`. */
export function foldTitle(title: string): string {
  return fold(title)
    .replace(/[*_:.;,\-–—()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const FUNDING = /^(?:kinh phi|nguon kinh phi|du toan kinh phi)\b/;

/**
 * The standard part a heading title names, ignoring case, diacritics and small
 * wording variants (`MỤC ĐÍCH, YÊU CẦU`, `MỤC ĐÍCH VÀ YÊU CẦU`, `NHIỆM VỤ VÀ
 * GIẢI PHÁP`, `NHIỆM VỤ TRỌNG TÂM`, `NỘI DUNG`, `KINH PHÍ`, `TỔ CHỨC THỰC HIỆN`).
 */
export function classifyTitle(title: string): PlanPart | undefined {
  const t = foldTitle(title);
  if (/\bmuc dich\b/.test(t) || /^yeu cau\b/.test(t) || /^muc tieu (?:va )?yeu cau\b/.test(t)) return 'purpose';
  if (/^(?:to chuc (?:thuc hien|trien khai)|trach nhiem (?:thuc hien|cua)|phan cong (?:nhiem vu|trach nhiem|thuc hien))\b/.test(t)) return 'organisation';
  if (FUNDING.test(t)) return 'funding';
  if (/^(?:muc tieu|chi tieu)\b/.test(t)) return 'targets';
  if (/^(?:cac )?(?:nhiem vu|giai phap|noi dung)\b/.test(t)) return 'tasks';
  return undefined;
}

/** True when a text (a title, a paragraph) opens on funding: `Kinh phí thực hiện …`. */
export function opensOnFunding(text: string): boolean {
  return FUNDING.test(foldTitle(text));
}

/** Every section, depth first. */
export function allSections(sections: Section[]): Section[] {
  const out: Section[] = [];
  const walk = (list: Section[]) => {
    for (const s of list) {
      out.push(s);
      walk(s.children);
    }
  };
  walk(sections);
  return out;
}

/** The last block of the body in document order (the closing sentence excluded). */
export function lastBodyBlock(document: PlanDocument): Block | undefined {
  let owner: Block[] = document.preamble;
  let last: Block | undefined = owner[owner.length - 1];
  for (let list = document.sections; list.length; list = list[list.length - 1].children) {
    owner = list[list.length - 1].blocks;
    if (owner.length) last = owner[owner.length - 1];
    else if (list[list.length - 1].children.length === 0) last = undefined;
  }
  return last;
}

/** Tên loại that are plans, as the checks of this project expect them (folded). */
const PLAN_KINDS = /^(?:ke hoach|chuong trinh(?: hanh dong| cong tac)?)$/;

/** True when `Loại:` is empty or names a plan (Kế hoạch, Chương trình, Chương trình hành động). */
export function isPlanKind(document: PlanDocument): boolean {
  const kind = document.header.kind?.value;
  return !kind || PLAN_KINDS.test(foldTitle(kind));
}

/** What an issuer's name says about its system, when it says something clear. */
export type IssuerKind = 'people-committee' | 'people-council' | 'state-other' | 'party-committee' | 'party-other' | 'mass';

const PARTY_COMMITTEE = /^(?:(?:tinh|thanh|huyen|quan|thi|dang) uy|chi bo|dang bo)\b/;
const PARTY_ANY = /\b(?:(?:tinh|thanh|huyen|quan|thi|dang) uy|chi bo|dang bo|trung uong dang)\b/;
const MASS = /\b(?:lien doan lao dong|cong doan|doan thanh nien|doan tncs|tinh doan|thanh doan|huyen doan|hoi lien hiep|hoi nong dan|hoi cuu chien binh|mat tran to quoc|hoi chu thap do|hoi khuyen hoc)\b/;

/** What an issuer's name (`Cơ quan:`) says about the body: a People's Committee, a party committee … */
export function issuerKind(issuer: string | undefined): IssuerKind | undefined {
  if (!issuer) return undefined;
  const f = foldTitle(issuer);
  if (PARTY_COMMITTEE.test(f)) return 'party-committee';
  if (MASS.test(f)) return 'mass';
  if (PARTY_ANY.test(f)) return 'party-other';
  if (/^(?:uy ban nhan dan|ubnd)\b/.test(f)) return 'people-committee';
  if (/^(?:thuong truc )?(?:hoi dong nhan dan|hdnd)\b/.test(f)) return 'people-council';
  if (/^(?:so|bo|cuc|chi cuc|tong cuc|van phong uy ban nhan dan)\b/.test(f)) return 'state-other';
  return undefined;
}

/** The system an issuer kind belongs to. */
export function systemOfIssuer(kind: IssuerKind): PlanSystem {
  return kind === 'party-committee' || kind === 'party-other' ? 'party' : kind === 'mass' ? 'mass' : 'state';
}

/**
 * The system the structure rules judge a plan by: the model's, except that a
 * mass organisation (by its name in `Cơ quan:`) is judged as one even when its
 * number has the party form (the Đoàn TNCS Hồ Chí Minh numbers its documents
 * `12-KH/TĐTN`), unless `Hệ:` says otherwise.
 */
export function effectiveSystem(document: PlanDocument): PlanSystem {
  const { system } = document;
  if (system.source !== 'explicit' && issuerKind(document.header.issuer?.value) === 'mass') return 'mass';
  return system.value;
}

/** The anchor for a finding about something missing at the end: the recipients, the closing, the last heading, the header. */
export function endAnchor(document: PlanDocument): Range {
  const lastSection = document.sections[document.sections.length - 1];
  return (
    document.recipients?.labelRange ??
    document.signature?.labelRange ??
    document.closing?.range ??
    lastSection?.headingRange ??
    document.header.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }
  );
}

/** Note appended to the docs of rules whose party findings rest on the party's guidance. */
export const PARTY_NOTE = {
  vi: 'Với văn bản của Đảng, căn cứ là Quy định 66-QĐ/TW (2017) và Hướng dẫn 36-HD/VPTW (2018); ngày 09/01/2026 Quy định 399-QĐ/TW đã thay Quy định 66 và hướng dẫn mới của Văn phòng Trung ương chưa được xác nhận, nên các phát hiện riêng cho văn bản Đảng chỉ ở mức cảnh báo, không phải lỗi.',
  en: 'For party documents the basis is Regulation 66-QĐ/TW (2017) and Guidance 36-HD/VPTW (2018); Regulation 399-QĐ/TW replaced Regulation 66 on 09/01/2026 and the new guidance of the Central Office is unconfirmed, so party-specific findings are warnings at most, never errors.',
};
