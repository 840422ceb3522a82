// The part of fontkit 2 (no bundled types) that font-subset.ts and its tests use.
declare module 'fontkit' {
  export interface Glyph {
    readonly id: number;
    readonly advanceWidth: number;
    readonly path: { toSVG(): string };
  }
  export interface Subset {
    /** Adds a glyph and gives its id in the subset. */
    includeGlyph(glyph: Glyph | number): number;
    /** A TrueType file of the included glyphs (components of composite glyphs added); glyph tables only. */
    encode(): Uint8Array;
    /** The original glyph id of every subset glyph, in subset order (complete after `encode`). */
    readonly glyphs: readonly number[];
  }
  export interface Font {
    readonly familyName: string;
    readonly numGlyphs: number;
    readonly characterSet: readonly number[];
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    createSubset(): Subset;
  }
  export function create(bytes: Uint8Array): Font;
}
