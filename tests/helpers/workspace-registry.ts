import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Tỉnh ủy's plan 99-KH/TU of 02/01/2026 as a workspace registry file lists it: the parent several tests cite. */
export const TINH_UY_PLAN_ENTRY = {
  number: '99-KH/TU',
  type: 'Kế hoạch',
  issuer: 'Tỉnh ủy Lai Châu',
  date: '2026-01-02',
  title: 'về giáo dục nghề nghiệp',
  system: 'party',
  confidence: 'verified',
  sources: ['Văn phòng Tỉnh ủy'],
};

/** Writes the registry file `tinh.json` holding `documents` into `dir`, with the kehoach.json that registers it. */
export function writeWorkspaceRegistry(dir: string, documents: unknown[]): void {
  writeFileSync(join(dir, 'kehoach.json'), JSON.stringify({ registry: ['tinh.json'] }));
  writeFileSync(join(dir, 'tinh.json'), JSON.stringify({ documents }));
}
