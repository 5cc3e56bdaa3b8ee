/**
 * Reading subscriber files, the same way on the server and in the admin page (the admin bundle
 * imports this folder): the file's bytes → its format, encoding and delimiter → the header and
 * one entry per data record, either readable (`rows`) or not (`problems`, with its line and a
 * German reason). Nothing is dropped silently: every non-blank line after the header ends up in
 * exactly one of the two lists (a quoted field with a line break makes one record of several
 * lines).
 *
 * Pure and free of Node APIs (Uint8Array, TextDecoder). The CSV parser (csv-parse's sync API) is
 * passed in: the server uses `csv-parse/sync`, the browser `csv-parse/browser/esm/sync`.
 * Workbooks (.xlsx) are unpacked on the server (`../subscriber-xlsx.ts`) and their cells handed
 * to `sheetFromCells`, so both formats follow the same rules.
 *
 * - `sheet.ts`: the shapes, the report and its identity, the German texts;
 * - `decode.ts`: format and encoding from the bytes;
 * - `csv.ts`: delimiter, records, problems.
 */
export * from './sheet';
export * from './decode';
export * from './csv';
