import { allSections, classifyTitle } from '../domain/plan-parts';
import type { Block, PlanDocument, Range, Section } from '../model';
import { fold } from '../syntax/inline';
import { lastLineBreak } from '../syntax/body-names';
import type { IssuerProfile } from './issuer-profile';

/** A task a parent plan gives to a body, in the parent's own words. */
export interface AssignedTask {
  /** The task's text as the parent writes it. */
  text: string;
  /** Who the parent names for it: the heading of Tổ chức thực hiện, or the start of the item. */
  assignee: string;
  /** Where the task stands in the parent (its block), for hints and go-to-definition. */
  range: Range;
  /** True when the parent names this very body; false when it names its level (`Ủy ban nhân dân các huyện`). */
  direct: boolean;
}

/** A level word after the body's own name (folded), from the start of the spaces before it. */
const LEVEL_WORD = /(?<!\s)\s+(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran)/g;

/**
 * The body's own name without its place and level words, folded: `so giao duc va dao tao`. The name is
 * cut at the first level word that ends it or is followed by spaces and then no line break, as
 * `/\s+(?:tinh|…|thi tran)(?:\s+.*)?$/` cut it; that expression read the rest of the name again at
 * every level word, in quadratic time.
 */
function coreName(name: string): string {
  const folded = fold(name);
  const lastBreak = lastLineBreak(folded);
  const spaces = /\s*/y;
  let core = folded;
  for (const m of folded.matchAll(LEVEL_WORD)) {
    const end = m.index + m[0].length;
    spaces.lastIndex = end;
    spaces.exec(folded);
    if (end === folded.length || (spaces.lastIndex > end && spaces.lastIndex > lastBreak)) {
      core = folded.slice(0, m.index);
      break;
    }
  }
  return core.replace(/\s+/g, ' ').trim();
}

/** How the parent names a whole level of bodies of the issuer's kind (folded patterns). */
function levelPatterns(issuer: IssuerProfile): RegExp[] {
  const f = fold(issuer.name);
  const district = '(?:cac )?(?:huyen|thi xa|thanh pho|quan)';
  const commune = '(?:cac )?(?:xa|phuong|thi tran)';
  const place = issuer.level === 'district' ? district : issuer.level === 'commune' ? commune : '(?:cac )?tinh';
  if (/^(?:uy ban nhan dan|ubnd)\b/.test(f)) return [new RegExp(`\\b(?:uy ban nhan dan|ubnd) ${place}\\b`), new RegExp(`\\bchinh quyen cap ${issuer.level === 'commune' ? 'xa' : 'huyen'}\\b`)];
  if (/^so\b/.test(f)) return [/\bcac so\b/, /\bso, ban, nganh\b/];
  if (/^(?:huyen|thanh|quan) uy\b/.test(f)) return [/\bcac huyen uy\b/, /\bhuyen uy, thanh uy\b/, /\bcac cap uy\b/];
  if (/^dang uy\b/.test(f)) return [/\bdang uy truc thuoc\b/, /\bcac cap uy\b/];
  if (/^(?:lien doan lao dong|ldld)\b/.test(f)) return [new RegExp(`\\b(?:lien doan lao dong|ldld) ${place}\\b`), /\bcac cap cong doan\b/];
  return [];
}

/** Names that say which body only with their place: `Ủy ban nhân dân` is every People's Committee (folded). */
const GENERIC_NAME = /^(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|(?:tinh|thanh|huyen|quan|dang) uy|lien doan lao dong|ldld|chi bo|dang bo)$/;

/** True when `assignee` names the issuer itself or its level; undefined when it names someone else. */
function names(assignee: string, issuer: IssuerProfile): { direct: boolean } | undefined {
  const a = fold(assignee).replace(/\s+/g, ' ');
  const core = coreName(issuer.name);
  const own = GENERIC_NAME.test(core) ? fold(issuer.name).replace(/\s+/g, ' ') : core;
  if (own && a.includes(own) && !/\bcac\b/.test(a.slice(0, a.indexOf(own)))) return { direct: true };
  return levelPatterns(issuer).some((p) => p.test(a)) ? { direct: false } : undefined;
}

const blockText = (block: Block) => (block.kind === 'table' ? block.rows.map((r) => r.cells.map((c) => c.text).join(' | ')).join('\n') : block.text);

/**
 * The tasks a parent plan assigns to the issuer or to its level, in document
 * order: every block under a heading of Tổ chức thực hiện that names it
 * (`## Sở Giáo dục và Đào tạo`, `## Ủy ban nhân dân các huyện, thị xã, thành
 * phố`), and the items of that part which start by naming it (`3. Ban cán
 * sự đảng Ủy ban nhân dân tỉnh lãnh đạo …`). Empty when the parent has no
 * Tổ chức thực hiện or names neither.
 */
export function assignedTasks(parent: PlanDocument, issuer: IssuerProfile): AssignedTask[] {
  const organisation = parent.sections.find((s) => classifyTitle(s.title) === 'organisation');
  if (!organisation) return [];
  const tasks: AssignedTask[] = [];
  const fromBlocks = (section: Section, assignee: string, direct: boolean) => {
    for (const s of [section, ...allSections(section.children)]) for (const block of s.blocks) tasks.push({ text: blockText(block), assignee, range: block.range, direct });
  };
  for (const block of organisation.blocks) {
    if (block.kind === 'table') continue;
    // The assignee opens the item: the words before its verb (`chủ trì`, `lãnh đạo`, `phối hợp` …). The head
    // ends at the start of a run of spaces (or at its third character) and takes the run whole: a head
    // ending inside the run meets the same verb, so the result is the same, read in linear time.
    const head =
      /^(.{3}(?:.{0,156}?\S)??)(?=(\s+))\2(?:chủ trì|lãnh đạo|phối hợp|chỉ đạo|xây dựng|tổ chức|triển khai|quán triệt|tham mưu|thực hiện|có trách nhiệm|căn cứ)(?![\p{L}])/u.exec(block.text)?.[1] ??
      block.text.slice(0, 160);
    const named = names(head, issuer);
    if (named) tasks.push({ text: block.text, assignee: head, range: block.range, direct: named.direct });
  }
  for (const child of organisation.children) {
    const named = names(child.title, issuer);
    if (named) fromBlocks(child, child.title, named.direct);
  }
  return tasks.sort((a, b) => a.range.start.line - b.range.start.line);
}

/**
 * Where the parent assigns work to the issuer: the range of the first task
 * (its heading's block, or the item), for go-to-definition from a citation
 * of the parent. Undefined when the parent assigns it nothing.
 */
export function assignmentRange(parent: PlanDocument, issuer: IssuerProfile): Range | undefined {
  return assignedTasks(parent, issuer)[0]?.range;
}
