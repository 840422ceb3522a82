import type { AuthorityKind, Fix, Range } from '../../model';
import type { Bilingual, CheckContext, Rule } from '../rule';
import { effectiveSystem, issuerKind } from '../../domain/issuers';
import { foldTitle } from '../../domain/plan-parts';
import { RawSpan } from '../structure-text';

type Role = 'TM' | 'KT' | 'TL' | 'Q' | 'TUQ';

const ROLE: Record<AuthorityKind, Role> = { TM: 'TM', 'T/M': 'TM', KT: 'KT', 'K/T': 'KT', TL: 'TL', 'T/L': 'TL', Q: 'Q', TUQ: 'TUQ' };
/** The party's form of a state abbreviation and back. */
const TO_PARTY: Partial<Record<AuthorityKind, string>> = { TM: 'T/M', KT: 'K/T', TL: 'T/L' };
const TO_STATE: Partial<Record<AuthorityKind, string>> = { 'T/M': 'TM.', 'K/T': 'KT.', 'T/L': 'TL.' };
const PREFIX = /^(?:(?:TM|KT|Q|TL|TUQ)\.[ \t]*|(?:T\/M|K\/T|T\/L)[ \t]+)/u;

/** Collectives a `TM.`/`T/M` may name, by the issuer's kind (folded). */
const PARTY_COLLECTIVE = /^(?:ban thuong vu|ban chap hanh|thuong truc|dang uy|chi uy|chi bo|dang doan|ban can su dang|(?:tinh|thanh|huyen|quan|thi) uy)\b/;
const STATE_COLLECTIVE = /^(?:uy ban nhan dan|(?:thuong truc )?hoi dong nhan dan)\b/;

function collectiveProblem(issuer: ReturnType<typeof issuerKind>, collective: string): Bilingual | undefined {
  const c = foldTitle(collective);
  switch (issuer) {
    case 'people-committee':
      return /^uy ban nhan dan\b/.test(c) ? undefined : { vi: 'văn bản của Ủy ban nhân dân ký "TM. ỦY BAN NHÂN DÂN"', en: 'a People\'s Committee signs "TM. ỦY BAN NHÂN DÂN"' };
    case 'people-council':
      return /^(?:thuong truc )?hoi dong nhan dan\b/.test(c)
        ? undefined
        : {
            vi: 'văn bản của Hội đồng nhân dân ký "TM. HỘI ĐỒNG NHÂN DÂN" hoặc "TM. THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN"',
            en: 'a People\'s Council signs "TM. HỘI ĐỒNG NHÂN DÂN" or "TM. THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN"',
          };
    case 'party-committee':
      return PARTY_COLLECTIVE.test(c)
        ? undefined
        : {
            vi: 'cấp ủy ký thay mặt tập thể của mình: "T/M BAN THƯỜNG VỤ", "T/M BAN CHẤP HÀNH", "T/M ĐẢNG ỦY", "T/M CHI BỘ"',
            en: 'a party committee signs for its own collective: "T/M BAN THƯỜNG VỤ", "T/M BAN CHẤP HÀNH", "T/M ĐẢNG ỦY", "T/M CHI BỘ"',
          };
    case 'mass':
      return STATE_COLLECTIVE.test(c) || /^(?:dang uy|chi uy|chi bo|dang doan)\b/.test(c)
        ? {
            vi: 'đoàn thể ký thay mặt tập thể lãnh đạo của mình: "TM. BAN THƯỜNG VỤ", "TM. BAN CHẤP HÀNH"',
            en: 'a mass organisation signs for its own leadership: "TM. BAN THƯỜNG VỤ", "TM. BAN CHẤP HÀNH"',
          }
        : undefined;
    case 'state-other':
      return /^(?:ban thuong vu|ban chap hanh|dang uy|chi uy|chi bo)\b/.test(c)
        ? { vi: '"TM." đứng trước tên tập thể lãnh đạo hoặc tên cơ quan ban hành', en: '"TM." precedes the name of the leading collective or of the issuing body' }
        : undefined;
    default:
      return undefined;
  }
}

/** A collective only the other system signs for: a party committee's in a state document, a People's Committee's or Council's in a party one. */
function foreignCollective(system: string, collective: string): boolean {
  const c = foldTitle(collective);
  if (system === 'party') return STATE_COLLECTIVE.test(c);
  return system === 'state' && PARTY_COLLECTIVE.test(c);
}

/** Authority lines in the system's form, a collective that fits the issuer, a deputy's title under `KT.`. */
/** The message on an authority line written wholly in the other system's form. */
function foreignFormMessage(text: string, system: string, wanted: string | undefined): Bilingual {
  if (system === 'party')
    return {
      vi: `"${text}" là thể thức ký của cơ quan nhà nước; văn bản của Đảng ký thay mặt cấp ủy: "T/M BAN THƯỜNG VỤ", "T/M BAN CHẤP HÀNH" …`,
      en: `"${text}" is a state body's signature form; party documents sign for the committee: "T/M BAN THƯỜNG VỤ", "T/M BAN CHẤP HÀNH" …`,
    };
  return {
    vi: `"${text}" là thể thức ký của văn bản Đảng; văn bản ${system === 'mass' ? 'đoàn thể' : 'nhà nước'} ký ${wanted ? `"${wanted}"` : 'thay mặt tập thể lãnh đạo hoặc cơ quan của mình bằng "TM."'}`,
    en: `"${text}" is a party document's signature form; ${system === 'mass' ? 'mass-organisation' : 'state'} documents sign ${wanted ? `"${wanted}"` : 'for their own collective or body with "TM."'}`,
  };
}

/** A state deputy's title under no "KT." line: the line "KT. <head>" is missing above it. */
function reportDeputyWithoutKT(title: { text: string; range: Range }, source: CheckContext['source'], report: CheckContext['report']): void {
  const head = title.text.replace(/^\s*PHÓ\s+/iu, '').trim();
  const lineStart = new RawSpan(source, { start: { line: title.range.start.line, character: 0 }, end: title.range.start });
  const eol = source.original.includes('\r\n') ? '\r\n' : '\n';
  const fixes: Fix[] = [
    { title: `Thêm dòng KT. ${head} / Add the line KT. ${head}`, edits: [{ range: { start: title.range.start, end: title.range.start }, newText: `KT. ${head}${eol}${lineStart.text}` }], safe: false },
  ];
  report(
    title.range,
    { vi: `Cấp phó ký thay người đứng đầu phải ghi "KT. ${head}" trên chức vụ "${title.text}"`, en: `A deputy signing for the head writes "KT. ${head}" above the title "${title.text}"` },
    fixes,
  );
}

/** An abbreviation of the other system (`T/M` in a state plan, `TM.` in a party one), with its own as a safe fix. */
function reportOtherSystemPrefix(report: CheckContext['report'], span: RawSpan, prefix: string, other: string, system: string): void {
  const fix: Fix = { title: `Viết ${other} / Write ${other}`, edits: [{ range: span.rangeOf(0, prefix.length), newText: `${other} ` }], safe: true };
  report(
    span.rangeOf(0, prefix.trimEnd().length),
    system === 'party'
      ? { vi: `Văn bản của Đảng viết "${other}", không viết "${prefix.trim()}"`, en: `Party documents write "${other}", not "${prefix.trim()}"` }
      : {
          vi: `Văn bản ${system === 'mass' ? 'đoàn thể' : 'nhà nước'} viết "${other}", không viết "${prefix.trim()}" (dạng của Đảng)`,
          en: `${system === 'mass' ? 'Mass-organisation' : 'State'} documents write "${other}", not the party's "${prefix.trim()}"`,
        },
    [fix],
  );
}

export const signatureAuthority: Rule = {
  id: 'signature-authority',
  title: { vi: 'Thẩm quyền ký', en: 'Signing authority' },
  defaultSeverity: 'warning',
  check({ document, source, report }) {
    const signature = document.signature;
    if (!signature) return;
    const system = effectiveSystem(document);
    const party = system === 'party';
    const issuer = issuerKind(document.header.issuer?.value);
    const title = signature.title;
    const titleFolded = title ? foldTitle(title.text) : '';
    const deputy = /^(?:pho |thu truong\b)/.test(titleFolded);
    let seenKT = false;
    let foreignForm = false;

    for (const line of signature.authorities) {
      const span = new RawSpan(source, line.range);
      const prefix = PREFIX.exec(span.text)?.[0] ?? '';
      const rest = span.text.slice(prefix.length).trim();
      const prefixRange = span.rangeOf(0, prefix.trimEnd().length);
      const role = ROLE[line.kind];

      const other = party ? TO_PARTY[line.kind] : TO_STATE[line.kind];
      // The whole line in the other system's form, abbreviation and collective (`T/M BAN THƯỜNG VỤ` in a People's
      // Committee's plan, `TM. ỦY BAN NHÂN DÂN` in a party committee's): one defect, reported once, title and all.
      if (role === 'TM' && other && rest && foreignCollective(system, rest)) {
        foreignForm = true;
        const wanted = issuer === 'people-committee' ? 'TM. ỦY BAN NHÂN DÂN' : undefined;
        report(
          span.rangeOf(0, span.trimmedEnd),
          foreignFormMessage(line.text, system, wanted),
          wanted ? [{ title: `Viết ${wanted} / Write ${wanted}`, edits: [{ range: span.rangeOf(0, span.trimmedEnd), newText: wanted }], safe: false }] : undefined,
        );
        continue;
      }

      if (other) reportOtherSystemPrefix(report, span, prefix, other, system);

      if (role === 'TM') {
        if (seenKT) {
          const [tm, kt] = party ? ['T/M', 'K/T'] : ['TM.', 'KT.'];
          report(prefixRange, { vi: `"${tm}" (thay mặt tập thể) phải đứng trên "${kt}"`, en: `"${tm}" (for the collective) goes above "${kt}"` });
        }
        if (!rest) {
          report(prefixRange, { vi: `Sau "${prefix.trim()}" phải ghi tên tập thể lãnh đạo hoặc tên cơ quan`, en: `"${prefix.trim()}" is followed by the name of the collective or of the body` });
          continue;
        }
        const problem = collectiveProblem(issuer, rest);
        if (problem) {
          const fixes: Fix[] =
            issuer === 'people-committee'
              ? [{ title: 'Viết ỦY BAN NHÂN DÂN / Write ỦY BAN NHÂN DÂN', edits: [{ range: span.rangeOf(prefix.length, span.trimmedEnd), newText: 'ỦY BAN NHÂN DÂN' }], safe: false }]
              : [];
          report(
            span.rangeOf(prefix.length, span.trimmedEnd),
            { vi: `"${line.text}" không hợp với cơ quan ban hành: ${problem.vi}`, en: `"${line.text}" does not fit the issuer: ${problem.en}` },
            fixes,
          );
        }
      } else if (role === 'KT') {
        seenKT = true;
        if (!rest) {
          report(prefixRange, { vi: `Sau "${prefix.trim()}" phải ghi chức vụ của người đứng đầu (KT. CHỦ TỊCH)`, en: `"${prefix.trim()}" is followed by the head's title (KT. CHỦ TỊCH)` });
          continue;
        }
        if (!title) {
          report(span.rangeOf(0, span.trimmedEnd), { vi: `Dưới "${line.text}" phải có chức vụ của cấp phó ký thay (PHÓ ${rest})`, en: `Under "${line.text}" comes the deputy's title (PHÓ ${rest})` });
        } else if (!deputy) {
          report(title.range, {
            vi: `Người ký thay ("${line.text}") là cấp phó: chức vụ phải là "PHÓ ${rest}", không phải "${title.text}"`,
            en: `The one signing for the head ("${line.text}") is a deputy: the title is "PHÓ ${rest}", not "${title.text}"`,
          });
        }
      }
    }

    // A state deputy signs "KT. <head>"; the party's deputy secretary signs directly under T/M.
    const roles = signature.authorities.map((a) => ROLE[a.kind]);
    if (system === 'state' && !foreignForm && title && /^pho /.test(titleFolded) && !roles.some((r) => r !== 'TM')) reportDeputyWithoutKT(title, source, report);
  },
};
