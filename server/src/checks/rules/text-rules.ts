import type { Rule } from '../rule';
import { textCapitalVerb } from './text-capital-verb';
import { textDateForm } from './text-date-form';
import { textDoubleSpace } from './text-double-space';
import { textInvisibleCharacter } from './text-invisible-character';
import { textMotto } from './text-motto';
import { textNfd } from './text-nfd';
import { textPhrase } from './text-phrase';
import { textRepeatedWord } from './text-repeated-word';
import { textScanNoise } from './text-scan-noise';
import { textSpelling } from './text-spelling';
import { textSyllable } from './text-syllable';
import { textToneStyle } from './text-tone-style';

/** The text rules, in the order of docs/rules.md. */
export const TEXT_RULES: readonly Rule[] = [
  textNfd,
  textInvisibleCharacter,
  textScanNoise,
  textRepeatedWord,
  textDoubleSpace,
  textDateForm,
  textToneStyle,
  textSyllable,
  textPhrase,
  textSpelling,
  textCapitalVerb,
  textMotto,
];
