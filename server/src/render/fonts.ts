/**
 * The typeface embedded in exported PDFs: Liberation Serif 2.1.5 (Debian
 * `fonts-liberation2`, SIL OFL 1.1, licence in `server/data/fonts/LiberationSerif.LICENSE`).
 * It is metric-compatible with Times New Roman, so a line breaks where it would
 * in Word, and, unlike the subset files of `@fontsource/tinos`, one file per
 * face covers every precomposed Vietnamese letter. The bytes are bundled
 * (esbuild `binary` loader): the core reads no file.
 */
import regular from '../../data/fonts/LiberationSerif-Regular.ttf';
import bold from '../../data/fonts/LiberationSerif-Bold.ttf';
import italic from '../../data/fonts/LiberationSerif-Italic.ttf';
import boldItalic from '../../data/fonts/LiberationSerif-BoldItalic.ttf';

export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';

export const EMBEDDED_FONT_FAMILY = 'Liberation Serif';

export const EMBEDDED_FONT_FACES: Readonly<Record<FontFace, Uint8Array>> = { regular, bold, italic, boldItalic };

/** The face that draws a run of text. */
export function fontFace(bold: boolean, italic: boolean): FontFace {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}
