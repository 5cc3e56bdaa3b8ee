/**
 * The fonts embedded in the PDF report: DejaVu Sans (regular and bold) from the npm package
 * `dejavu-fonts-ttf` (Bitstream Vera licence; DejaVu changes are public domain). PDF/UA needs
 * every font embedded, so the report uses these instead of pdfkit's standard fonts.
 *
 * The files are found with require.resolve on first use (from the sources and from the compiled
 * build alike) and read once per process. Their character maps tell which code points the
 * report can show; text is reduced to those (see toPdfText), so no glyph is ever missing.
 */
import { readFileSync } from 'fs';

export interface ReportFonts {
  regular: Buffer;
  bold: Buffer;
  /** true when both fonts have a glyph for the code point */
  covers: (codePoint: number) => boolean;
}

const FILES = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
};

/**
 * Code points a TrueType/OpenType font maps to a real glyph (not .notdef), read from its `cmap`
 * table: the Unicode subtable in format 12 (full range) or, failing that, format 4 (BMP).
 */
export const fontCoverage = (font: Buffer): Set<number> => {
  const numTables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const record = 12 + 16 * i;
    if (font.toString('latin1', record, record + 4) === 'cmap') {
      cmap = font.readUInt32BE(record + 8);
    }
  }
  if (cmap < 0) throw new Error('font without cmap table');

  const subtables: { platform: number; encoding: number; offset: number; format: number }[] = [];
  const count = font.readUInt16BE(cmap + 2);
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + 8 * i;
    const offset = cmap + font.readUInt32BE(record + 4);
    subtables.push({
      platform: font.readUInt16BE(record),
      encoding: font.readUInt16BE(record + 2),
      offset,
      format: font.readUInt16BE(offset),
    });
  }
  const unicode = (s: { platform: number; encoding: number }) =>
    s.platform === 0 || (s.platform === 3 && (s.encoding === 1 || s.encoding === 10));
  const full = subtables.find((s) => unicode(s) && s.format === 12);
  const bmp = subtables.find((s) => unicode(s) && s.format === 4);
  const covered = new Set<number>();

  if (full) {
    const groups = font.readUInt32BE(full.offset + 12);
    for (let i = 0; i < groups; i++) {
      const group = full.offset + 16 + 12 * i;
      const start = font.readUInt32BE(group);
      const end = font.readUInt32BE(group + 4);
      const glyph = font.readUInt32BE(group + 8);
      for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) covered.add(c);
    }
  } else if (bmp) {
    const segments = font.readUInt16BE(bmp.offset + 6) / 2;
    const ends = bmp.offset + 14;
    const starts = ends + 2 * segments + 2;
    const deltas = starts + 2 * segments;
    const rangeOffsets = deltas + 2 * segments;
    for (let s = 0; s < segments; s++) {
      const start = font.readUInt16BE(starts + 2 * s);
      const end = font.readUInt16BE(ends + 2 * s);
      const delta = font.readUInt16BE(deltas + 2 * s);
      const rangeOffsetAt = rangeOffsets + 2 * s;
      const rangeOffset = font.readUInt16BE(rangeOffsetAt);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let glyph = c;
        if (rangeOffset !== 0) {
          glyph = font.readUInt16BE(rangeOffsetAt + rangeOffset + 2 * (c - start));
          if (glyph === 0) continue;
        }
        if ((glyph + delta) & 0xffff) covered.add(c);
      }
    }
  } else {
    throw new Error('font without a Unicode cmap subtable');
  }
  return covered;
};

let loaded: ReportFonts | undefined;

/** The report's fonts; throws a clear error when the font package is not installed. */
export const reportFonts = (): ReportFonts => {
  if (loaded) return loaded;
  const read = (file: string): Buffer => {
    try {
      return readFileSync(require.resolve(file));
    } catch (error) {
      throw new Error(
        `PDF report: font ${file} not found (npm package dejavu-fonts-ttf): ${(error as Error).message}`
      );
    }
  };
  const regular = read(FILES.regular);
  const bold = read(FILES.bold);
  const boldCoverage = fontCoverage(bold);
  const both = new Set([...fontCoverage(regular)].filter((c) => boldCoverage.has(c)));
  loaded = { regular, bold, covers: (codePoint) => both.has(codePoint) };
  return loaded;
};
