/**
 * The shared subscriber-file reader in the browser: csv-parse's browser build (the Node build
 * needs Node's Buffer). The rules are the server's (`server/src/lib/subscriber-file/`).
 */
import { parse } from 'csv-parse/browser/esm/sync';
import {
  readCsvBytes,
  readCsvText,
  type CsvParse,
  type Sheet,
} from '../../../server/src/lib/subscriber-file';

const csvParse: CsvParse = parse;

/** A CSV file's bytes: encoding and delimiter recognised, each record's text kept for sending. */
export const readCsvFile = (bytes: Uint8Array): Sheet =>
  readCsvBytes(bytes, csvParse, { keepRaw: true });

/** Pasted CSV text (already text: no encoding to recognise). */
export const readCsvPaste = (text: string): Sheet => readCsvText(text, csvParse, { keepRaw: true });
