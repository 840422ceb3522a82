import type { CitationType, PlanDocument } from '../model';
import { splitNumber } from './registry';
import type { RegistryDocument } from './types';

const KIND_TYPES: Record<string, CitationType> = {
  'kế hoạch': 'Kế hoạch',
  'chương trình': 'Chương trình',
  'chương trình hành động': 'Chương trình',
  'đề án': 'Đề án',
  'hướng dẫn': 'Hướng dẫn',
  'báo cáo': 'Báo cáo',
};

/**
 * A plan of the workspace seen as a document other plans may cite: its
 * number, kind, issuer, date and trích yếu. Undefined when its header lacks
 * a number or a date. Its facts are the plan's own header (`cited` confidence);
 * the model rides along for the cascade checks.
 */
export function planAsDocument(document: PlanDocument, file: string): RegistryDocument | undefined {
  const { header } = document;
  const number = header.number?.value.replace(/\s+/g, '');
  if (!number || !splitNumber(number) || !header.planDate) return undefined;
  const kind = header.kind?.value.toLocaleLowerCase('vi') ?? 'kế hoạch';
  return {
    number,
    type: KIND_TYPES[kind] ?? 'Kế hoạch',
    issuer: header.issuer?.value ?? '',
    date: header.planDate.iso,
    title: header.summary?.value ?? '',
    system: document.system.value,
    confidence: 'cited',
    sources: [file],
    plan: document,
  };
}
