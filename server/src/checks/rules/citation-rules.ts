import type { Rule } from '../rule';
import { agencyCapitalisation } from './agency-capitalisation';
import { agencyValidity } from './agency-validity';
import { citationConflict } from './citation-conflict';
import { citationDiacritics } from './citation-diacritics';
import { citationMissingYear } from './citation-missing-year';
import { citationNumberForm } from './citation-number-form';
import { citationSpacing } from './citation-spacing';
import { citationTypeMismatch } from './citation-type-mismatch';
import { citationUnknown } from './citation-unknown';
import { citationValidity } from './citation-validity';
import { dateFallback } from './date-fallback';

/** The rules on citations and agencies, judged against the registry on the plan's date. */
export const CITATION_RULES: readonly Rule[] = [
  citationMissingYear,
  citationTypeMismatch,
  citationSpacing,
  citationNumberForm,
  citationDiacritics,
  citationConflict,
  citationValidity,
  citationUnknown,
  agencyValidity,
  agencyCapitalisation,
  dateFallback,
];
