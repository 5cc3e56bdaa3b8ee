/**
 * The subscriber-file reader on the server: the shared reader (`subscriber-file/`) with
 * csv-parse's Node build, and workbooks through `subscriber-xlsx.ts` (loaded on first use).
 */
import { parse } from 'csv-parse/sync';
import * as shared from './subscriber-file';

const csvParse: shared.CsvParse = parse;

export const readCsvText = (text: string) => shared.readCsvText(text, csvParse);

export const readCsvBytes = (bytes: Uint8Array) => shared.readCsvBytes(bytes, csvParse);

/** A CSV file or an .xlsx workbook, told apart by its bytes. */
export const readSubscriberFile = async (
  bytes: Uint8Array,
  options: { timeZone: string; maxUnpackedBytes: number }
): Promise<shared.Sheet> => {
  if (shared.sniffFormat(bytes) === 'csv') return readCsvBytes(bytes);
  const { readXlsx } = await import('./subscriber-xlsx');
  return readXlsx(bytes, options);
};
