import type { Citation, CitationType } from '../model';
import { fold } from '../syntax/inline';

/** Type codes in document symbols (Nghị định 30/2020, Phụ lục III, mục I; docs/format-rules.en.md §3), folded → the types they stand for. */
const TYPE_CODES: Record<string, CitationType[]> = {
  ct: ['Chỉ thị'],
  nq: ['Nghị quyết'],
  nd: ['Nghị định'],
  qd: ['Quyết định', 'Quy định'],
  qyd: ['Quy định'],
  tt: ['Thông tư'],
  ttlt: ['Thông tư liên tịch'],
  kl: ['Kết luận'],
  qc: ['Quy chế'],
  hd: ['Hướng dẫn'],
  kh: ['Kế hoạch'],
  ctr: ['Chương trình'],
  tb: ['Thông báo'],
  bc: ['Báo cáo'],
  da: ['Đề án'],
  ttr: ['Tờ trình'],
  pa: ['Phương án'],
};

/** Types whose number carries the year (`15/2019/NĐ-CP`, `74/2014/QH13`): legal normative documents. */
export const TYPES_WITH_YEAR: ReadonlySet<CitationType> = new Set(['Luật', 'Bộ luật', 'Pháp lệnh', 'Nghị định', 'Thông tư', 'Thông tư liên tịch']);

/**
 * What the symbol says about the type: the types its code stands for, `law`
 * for a Quốc hội symbol (`QH13`), or undefined when the symbol has no type
 * code (a công văn: `12/UBND-VX`).
 */
export function typesOfSymbol(symbol: string): CitationType[] | 'law' | undefined {
  const code = fold(symbol.split(/[-/]/)[0]);
  if (/^qh\d*$/.test(code)) return 'law';
  return TYPE_CODES[code];
}

export function symbolContradictsType(citation: Citation): boolean {
  const types = typesOfSymbol(citation.symbol);
  if (types === undefined) return false;
  if (citation.docType === 'Công văn') return true;
  if (types === 'law') return !['Luật', 'Bộ luật', 'Nghị quyết', 'Hiến pháp', 'Pháp lệnh'].includes(citation.docType);
  return !types.includes(citation.docType);
}

/** Letters a symbol may hold: Latin letters, Đ, digits, `&`. Anything else (`TƯ`, `QĐ-UBNĐ`?) is a slip of the keyboard. */
export function foreignSymbolLetters(symbol: string): string[] {
  return [...new Set(symbol.match(/[^A-Za-z0-9Đđ&/-]/gu) ?? [])];
}
