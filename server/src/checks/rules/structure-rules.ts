import type { Rule } from '../rule';
import { closingMark } from './closing-mark';
import { dateDeadline } from './date-deadline';
import { headerKind } from './header-kind';
import { headerNumberForm } from './header-number-form';
import { recipientsArchive } from './recipients-archive';
import { recipientsMissing } from './recipients-missing';
import { recipientsPunctuation } from './recipients-punctuation';
import { signatureAuthority } from './signature-authority';
import { signatureMissing } from './signature-missing';
import { structureAppendixReference } from './structure-appendix-reference';
import { structureEmptySection } from './structure-empty-section';
import { structurePlanPeriod } from './structure-plan-period';
import { structureRequiredSection } from './structure-required-section';
import { structureSectionOrder } from './structure-section-order';

/** The structure rules, in the order of docs/rules.md: header form, skeleton, closing mark, recipients, signature. */
export const STRUCTURE_RULES: readonly Rule[] = [
  headerNumberForm,
  headerKind,
  structureRequiredSection,
  structureSectionOrder,
  structureEmptySection,
  structureAppendixReference,
  structurePlanPeriod,
  dateDeadline,
  closingMark,
  recipientsMissing,
  recipientsPunctuation,
  recipientsArchive,
  signatureMissing,
  signatureAuthority,
];
