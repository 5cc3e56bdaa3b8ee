/**
 * The admin's parts for large CSV imports: built from the shared reader's records, every
 * readable record once and in order, each part a JSON body under the limit starting with the
 * header, line numbers mapped back to the file; and the merged report keeps the identity.
 */
import fs from 'fs';
import path from 'path';
import { parse } from 'csv-parse/sync';
import { jsonBytes, mergeReports, planParts, TOO_LARGE } from '../../admin/src/utils/csv-chunks';
import {
  duplicateReason,
  readCsvBytes,
  readCsvText,
  reportBalance,
  type ImportReport,
  type Sheet,
} from '../src/lib/subscriber-file';

const read = (text: string) => readCsvText(text, parse, { keepRaw: true });

const sample = (count: number, eol = '\n') =>
  [
    'email;name;organisation;topics;consentAt',
    ...Array.from({ length: count }, (_, i) =>
      i % 7 === 3
        ? `"person${i}@example.org";"Name; mit Trennzeichen";"Zeile 1${eol}Zeile 2 ""zitiert""";offers;`
        : i % 11 === 5
          ? ';;;;'
          : i % 13 === 8
            ? `"kaputt${i}@example.org;Offenes Anführungszeichen;;offers;`
            : `person${i}@example.org;Jörg Müller ${i};Bäckerei Größe;offers|employer-tips;2026-01-01`
    ),
  ].join(eol) + eol;

/** The records a part's text holds, with their lines mapped back through the part's map. */
const recordsOf = (csv: string, lines: Map<number, number>) =>
  read(csv).rows.map((row) => ({ line: lines.get(row.line), values: row.values }));

describe('planParts', () => {
  it('keeps a small file in one part', () => {
    const text = sample(10);
    const { parts } = planParts(read(text), 1_000_000);
    expect(parts).toHaveLength(1);
    expect(parts[0].records).toBe(read(text).rows.length);
  });

  it.each(['\n', '\r\n'])(
    'splits between records, repeats the header, stays under the limit, maps lines back (%j)',
    (eol) => {
      const text = sample(400, eol);
      const sheet = read(text);
      const limit = 2_000;
      const { parts, tooLarge } = planParts(sheet, limit);
      expect(tooLarge).toEqual([]);
      expect(parts.length).toBeGreaterThan(10);
      for (const part of parts) {
        expect(part.csv.startsWith(`email;name;organisation;topics;consentAt${eol}`)).toBe(true);
        const body = JSON.stringify({ csv: part.csv });
        expect(Buffer.byteLength(body)).toBe(jsonBytes(part.csv) + 8);
        expect(Buffer.byteLength(body)).toBeLessThanOrEqual(limit);
      }
      // every readable record once, in order, with the file's line number
      const fromParts = parts.flatMap((part) => recordsOf(part.csv, part.lines));
      expect(fromParts).toEqual(sheet.rows.map(({ line, values }) => ({ line, values })));
      // the unreadable lines stay with the admin, which reports them itself
      expect(sheet.problems.length).toBeGreaterThan(10);
      expect(parts.flatMap((part) => read(part.csv).problems)).toEqual([]);
    }
  );

  it('works on a decoded Windows-1252 file and keeps its delimiter and umlauts', () => {
    const file = fs.readFileSync(path.join(__dirname, 'fixtures', 'excel-de-windows-1252.csv'));
    const sheet = readCsvBytes(new Uint8Array(file), parse, { keepRaw: true });
    const { parts } = planParts(sheet, 200);
    expect(parts.length).toBeGreaterThan(1);
    const fromParts = parts.flatMap((part) => recordsOf(part.csv, part.lines));
    expect(fromParts.map((row) => [row.line, row.values.name])).toEqual([
      [2, 'Jörg Müller'],
      [3, 'Anna Schäfer'],
      [5, 'Lukas Weiß'],
      [6, 'König; Maria'],
    ]);
  });

  it('reports a record larger than any part instead of sending it', () => {
    const sheet = read(`email,notiz\na@example.org,${'x'.repeat(500)}\nb@example.org,kurz\n`);
    const { parts, tooLarge } = planParts(sheet, 300);
    expect(tooLarge).toEqual([{ line: 2, field: 'record', message: TOO_LARGE(300) }]);
    expect(parts.flatMap((part) => recordsOf(part.csv, part.lines)).map((r) => r.line)).toEqual([
      3,
    ]);
  });
});

describe('mergeReports', () => {
  const report = (over: Partial<ImportReport>): ImportReport => ({
    format: 'csv',
    encoding: null,
    delimiter: ';',
    sheet: null,
    rows: 0,
    created: { active: 0, pending: 0 },
    reactivated: 0,
    skipped: [],
    rejected: 0,
    errors: [],
    ...over,
  });

  it('adds counts, maps lines (also of repeated addresses), adds the local problems', () => {
    const sheet: Pick<Sheet, 'problems'> = {
      problems: [{ line: 24, field: 'record', message: 'kaputt' }],
    };
    const merged = mergeReports(
      [
        {
          report: report({
            rows: 3,
            created: { active: 1, pending: 0 },
            skipped: [
              { line: 3, email: 'a@example.org', reason: duplicateReason(2), duplicateOf: 2 },
            ],
            rejected: 1,
            errors: [
              { line: 4, field: 'topics', message: 'x' },
              { line: 4, field: 'email', message: 'y' },
            ],
          }),
          lines: new Map([
            [2, 20],
            [3, 23],
            [4, 25],
          ]),
        },
        {
          report: report({ rows: 2, created: { active: 0, pending: 1 }, reactivated: 1 }),
          lines: new Map([
            [2, 27],
            [3, 29],
          ]),
        },
      ],
      { format: 'csv', encoding: 'windows-1252', delimiter: ';', problems: sheet.problems }
    );
    expect(merged).toEqual({
      format: 'csv',
      encoding: 'windows-1252',
      delimiter: ';',
      sheet: null,
      rows: 6,
      created: { active: 1, pending: 1 },
      reactivated: 1,
      skipped: [{ line: 23, email: 'a@example.org', reason: duplicateReason(20), duplicateOf: 20 }],
      rejected: 2,
      errors: [
        { line: 24, field: 'record', message: 'kaputt' },
        { line: 25, field: 'topics', message: 'x' },
        { line: 25, field: 'email', message: 'y' },
      ],
    });
    expect(reportBalance(merged)).toBe(merged.rows);
  });
});
