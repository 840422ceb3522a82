import type { PlanDocument, PlanSystem } from '../model';
import { foldTitle } from './plan-parts';

/** What an issuer's name says about its system, when it says something clear. */
export type IssuerKind = 'people-committee' | 'people-council' | 'state-other' | 'party-committee' | 'party-other' | 'mass';

const PARTY_COMMITTEE = /^(?:(?:tinh|thanh|huyen|quan|thi|dang) uy|chi bo|dang bo)\b/;
const PARTY_ANY = /\b(?:(?:tinh|thanh|huyen|quan|thi|dang) uy|chi bo|dang bo|trung uong dang)\b/;
const MASS =
  /\b(?:lien doan lao dong|cong doan|doan thanh nien|doan tncs|tinh doan|thanh doan|huyen doan|hoi lien hiep|hoi nong dan|hoi cuu chien binh|mat tran to quoc|hoi chu thap do|hoi khuyen hoc)\b/;

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
