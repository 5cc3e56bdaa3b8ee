/**
 * Excel workbooks (.xlsx) for the subscriber import, server side only (exceljs stays out of the
 * admin bundle): the first worksheet, its first non-blank row as the header, every cell as the
 * text a CSV export would carry, then the same rules as for CSV (`sheetFromCells`).
 *
 * Before exceljs unpacks anything, the ZIP's central directory is read: the archive must be a
 * workbook (`xl/workbook.xml`), and its unpacked size is bounded, so a small archive cannot
 * unpack into gigabytes.
 */
import type { CellValue, Workbook } from 'exceljs';
import { FileProblem, READ_MESSAGES, sheetFromCells, type Sheet } from './subscriber-file';
import { localToUtc, offsetMinutes } from './schedule';

export const XLSX_MESSAGES = {
  notWorkbook: 'Die Datei ist ein ZIP-Archiv, aber keine Excel-Arbeitsmappe (.xlsx).',
  openDocument:
    'OpenDocument-Tabellen (.ods) werden nicht unterstützt. Bitte als Excel-Arbeitsmappe (.xlsx) oder als CSV speichern.',
  damaged: 'Die Excel-Arbeitsmappe ist beschädigt und kann nicht gelesen werden.',
  tooLarge: (mb: number) =>
    `Die Excel-Arbeitsmappe ist entpackt größer als ${mb} MB. Bitte als CSV speichern oder in mehrere Dateien aufteilen.`,
  noWorksheet: 'Die Excel-Arbeitsmappe enthält kein Tabellenblatt.',
};

const u16 = (bytes: Uint8Array, at: number) => bytes[at] | (bytes[at + 1] << 8);
const u32 = (bytes: Uint8Array, at: number) => (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;

/** Names and unpacked sizes of a ZIP's entries, from its central directory; null if none. */
export const zipEntries = (bytes: Uint8Array): { name: string; size: number }[] | null => {
  // end of central directory: signature 0x06054b50, at most 64 KB of comment after it
  for (let end = bytes.length - 22; end >= Math.max(0, bytes.length - 22 - 65_535); end -= 1) {
    if (u32(bytes, end) !== 0x06054b50) continue;
    const count = u16(bytes, end + 10);
    let at = u32(bytes, end + 16);
    const entries: { name: string; size: number }[] = [];
    for (let i = 0; i < count; i += 1) {
      if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return null;
      const nameLength = u16(bytes, at + 28);
      const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
      // 0xffffffff: the size is in a ZIP64 field; take it as too large
      const size = u32(bytes, at + 24);
      entries.push({ name, size: size === 0xffffffff ? Number.POSITIVE_INFINITY : size });
      at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    }
    return entries;
  }
  return null;
};

/** An Excel date (no zone) as ISO 8601 with the offset of `timeZone` at that wall-clock time. */
export const excelDateToIso = (date: Date, timeZone: string): string => {
  // Excel keeps times as fractions of a day: round to the second
  const local = new Date(Math.round(date.getTime() / 1000) * 1000).toISOString().slice(0, 19);
  const instant = localToUtc(local, timeZone);
  const offset = offsetMinutes(instant, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  // the wall-clock time as written, with the offset in force then (after a DST gap: moved on)
  const shown = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 19);
  return `${shown}${sign}${hours}:${minutes}`;
};

/** A cell as the text a CSV export of it would carry. */
export const cellText = (value: CellValue, timeZone: string): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return excelDateToIso(value, timeZone);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) {
    const text = cellText(value.text as CellValue, timeZone);
    return text || value.hyperlink.replace(/^mailto:/i, '');
  }
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText((value as { result?: CellValue }).result ?? null, timeZone);
  }
  if ('error' in value) return value.error;
  return '';
};

/**
 * Reads the first worksheet of an .xlsx. `maxUnpackedBytes` bounds the archive's unpacked size.
 * Throws a FileProblem (German) for anything that is not a readable workbook.
 */
export const readXlsx = async (
  bytes: Uint8Array,
  { timeZone, maxUnpackedBytes }: { timeZone: string; maxUnpackedBytes: number }
): Promise<Sheet> => {
  const entries = zipEntries(bytes);
  if (!entries) throw new FileProblem(XLSX_MESSAGES.damaged);
  if (entries.some((entry) => entry.name === 'content.xml' || entry.name === 'mimetype')) {
    throw new FileProblem(XLSX_MESSAGES.openDocument);
  }
  if (!entries.some((entry) => entry.name === 'xl/workbook.xml')) {
    throw new FileProblem(XLSX_MESSAGES.notWorkbook);
  }
  const unpacked = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (unpacked > maxUnpackedBytes) {
    throw new FileProblem(XLSX_MESSAGES.tooLarge(Math.round(maxUnpackedBytes / 1024 / 1024)));
  }
  const { Workbook: ExcelWorkbook } = await import('exceljs');
  const workbook: Workbook = new ExcelWorkbook();
  try {
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    );
  } catch {
    throw new FileProblem(XLSX_MESSAGES.damaged);
  }
  const worksheet = workbook.worksheets[0];
  if (!worksheet) throw new FileProblem(XLSX_MESSAGES.noWorksheet);
  const cells: { line: number; values: string[] }[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      values[column - 1] = cellText(cell.value, timeZone);
    });
    cells.push({ line, values: Array.from(values, (value) => value ?? '') });
  });
  if (cells.length === 0) throw new FileProblem(READ_MESSAGES.empty);
  return sheetFromCells(cells, worksheet.name);
};
