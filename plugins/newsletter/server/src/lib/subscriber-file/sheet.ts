/**
 * What reading a subscriber file produces (a sheet of records and problems) and what the import
 * answers (the report and its identity), with the German texts editors read.
 */
import type { Options } from 'csv-parse/sync';
/** The columns the import reads (matched case-insensitively); other columns are ignored. */
export const IMPORT_COLUMNS = [
  'email',
  'name',
  'organisation',
  'topics',
  'consentAt',
  'consentIp',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export type FileFormat = 'csv' | 'xlsx';
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type Delimiter = ',' | ';' | '\t';

/** csv-parse's synchronous `parse` (Node or browser build). */
export type CsvParse = (input: string, options: Options) => unknown;

/** A data record that could be read: its first line, how many lines it spans, its values. */
export interface SheetRow {
  line: number;
  lines: number;
  values: Partial<Record<ImportColumn, string>>;
  /** the record's text with its line break (only with `keepRaw`, for sending it on in parts) */
  raw?: string;
}

/** A line not taken. `field` is a column, or `record` when the line as a whole is the problem. */
export interface LineProblem {
  line: number;
  field: string;
  message: string;
}

export interface Sheet {
  format: FileFormat;
  /** null: the text was decoded by the sender (JSON body, pasted text) */
  encoding: Encoding | null;
  delimiter: Delimiter | null;
  /** the worksheet read from a workbook */
  sheetName: string | null;
  header: string[];
  headerLine: number;
  /** the header record's text with its line break (with `keepRaw`) */
  headerRaw?: string;
  rows: SheetRow[];
  problems: LineProblem[];
}

/** What the import answers: one entry per data record, see `reportBalance`. */
export interface ImportReport {
  format: FileFormat;
  encoding: Encoding | null;
  delimiter: Delimiter | null;
  sheet: string | null;
  /** data records: every non-blank line after the header (a record may span lines) */
  rows: number;
  created: { active: number; pending: number };
  reactivated: number;
  /** `duplicateOf`: the earlier line of the file with the same address */
  skipped: { line: number; email: string; reason: string; duplicateOf?: number }[];
  /** records not taken because of errors (a record may have several entries in `errors`) */
  rejected: number;
  errors: LineProblem[];
}

/**
 * The report's identity: every data record is counted exactly once, so this equals `rows`.
 * Blank lines (nothing but spaces and delimiters, as spreadsheets write empty rows) are no data
 * records and are not counted.
 */
export const reportBalance = (report: ImportReport) =>
  report.created.active +
  report.created.pending +
  report.reactivated +
  report.skipped.length +
  report.rejected;

/** Why a repeated address is skipped (the admin rewrites it with the file's line numbers). */
export const duplicateReason = (line: number) =>
  `Adresse steht bereits in Zeile ${line} dieser Datei.`;

/** A size as editors read it: "5 MB", "1,5 MB", "600 KB". */
export const sizeLabel = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`
    : `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('de-DE')} KB`;

/** A file that cannot be read at all: answered 400, naming the request field (`file`/`csv`). */
export class FileProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileProblem';
  }
}

const ENCODING_LABELS: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  'windows-1252': 'Windows-1252',
};

const DELIMITER_LABELS: Record<Delimiter, string> = { ',': ',', ';': ';', '\t': 'Tabulator' };

/** German texts editors read (the admin shows them as they are). */
export const READ_MESSAGES = {
  empty: 'Die Datei ist leer.',
  noHeader: 'Die Datei enthält nur leere Zeilen, keine Kopfzeile.',
  pdf: 'Die Datei ist ein PDF-Dokument. Bitte eine CSV-Datei oder eine Excel-Arbeitsmappe (.xlsx) wählen.',
  legacyExcel:
    'Die Datei ist eine ältere Excel-Datei (.xls) oder eine kennwortgeschützte Arbeitsmappe. Bitte in Excel als „Excel-Arbeitsmappe (.xlsx)“ ohne Kennwort oder als „CSV UTF-8“ speichern.',
  binary: 'Die Datei ist weder eine CSV-Datei noch eine Excel-Arbeitsmappe (.xlsx).',
  noEmail: (line: number, found: string[]) =>
    `Die Kopfzeile (Zeile ${line}) hat keine Spalte „email“. Gefundene Spalten: ${
      found.filter(Boolean).join(', ') || 'keine'
    }.`,
  badHeader: (line: number, reason: string) =>
    `Die Kopfzeile (Zeile ${line}) kann nicht gelesen werden. ${reason.split('. Die Zeile')[0]}.`,
  duplicateColumn: (column: string, line: number) =>
    `Die Spalte „${column}“ steht zweimal in der Kopfzeile (Zeile ${line}).`,
  quoteNotClosed:
    'Ein Anführungszeichen wird in dieser Zeile geöffnet und nicht geschlossen. Die Zeile wurde nicht übernommen; ab der nächsten Zeile wird weitergelesen.',
  quoteMisplaced:
    'Ein Anführungszeichen steht an falscher Stelle oder wird nicht geschlossen (ein Anführungszeichen innerhalb eines Feldes muss verdoppelt werden: ""). Die Zeile wurde nicht übernommen; ab der nächsten Zeile wird weitergelesen.',
  csvOther: (code: string) =>
    `Die Zeile ist kein gültiger CSV-Datensatz (${code}). Die Zeile wurde nicht übernommen; ab der nächsten Zeile wird weitergelesen.`,
  tooFew: (fields: number, header: number) =>
    `Die Zeile hat ${fields} ${fields === 1 ? 'Feld' : 'Felder'}, die Kopfzeile ${header}: es fehlen Felder.`,
  tooMany: (fields: number, header: number, delimiter: Delimiter | null) =>
    `Die Zeile hat ${fields} Felder, die Kopfzeile ${header}: zu viele Felder.${
      delimiter
        ? ` Enthält ein Wert das Trennzeichen „${DELIMITER_LABELS[delimiter]}“, muss er in Anführungszeichen stehen.`
        : ''
    }`,
  lineBreak: (column: string) =>
    `Zeilenumbruch im Feld „${column}“: vermutlich fehlt ein schließendes Anführungszeichen. Die Zeile wurde nicht übernommen; ab der nächsten Zeile wird weitergelesen.`,
  undecodable: (encoding: Encoding) =>
    `Die Zeile enthält Bytes, die in der Kodierung ${ENCODING_LABELS[encoding]} ungültig sind. Bitte die Zeile korrigieren oder die Datei als „CSV UTF-8“ speichern.`,
};

// ---------------------------------------------------------------------------------------------
// Format and encoding
// ---------------------------------------------------------------------------------------------

/** An empty report for a sheet: its problems are rejected records already. */
export const emptyReport = (sheet: Sheet): ImportReport => ({
  format: sheet.format,
  encoding: sheet.encoding,
  delimiter: sheet.delimiter,
  sheet: sheet.sheetName,
  rows: sheet.rows.length + sheet.problems.length,
  created: { active: 0, pending: 0 },
  reactivated: 0,
  skipped: [],
  rejected: sheet.problems.length,
  errors: [...sheet.problems],
});
