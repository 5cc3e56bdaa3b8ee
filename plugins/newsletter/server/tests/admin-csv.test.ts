/** The admin's split of large CSV imports: every record once, line numbers mapped back. */
import { mergeReports, splitCsv } from '../../admin/src/utils/csv-chunks';
import { parseCsv } from '../src/lib/csv';

const rowsOf = (text: string, lineOffset = 0) =>
  parseCsv(text).rows.map((row) => ({ ...row, line: row.line + lineOffset }));

const sample = (count: number, eol = '\n') =>
  [
    'email,name,organisation,topics,consentAt',
    ...Array.from({ length: count }, (_, i) =>
      i % 7 === 3
        ? `"person${i}@example.org","Name, mit Komma","Zeile 1${eol}Zeile 2 ""zitiert""",offers,`
        : i % 11 === 5
          ? ''
          : `person${i}@example.org,Person ${i},,offers;employer-tips,2026-01-01`
    ),
  ].join(eol) + eol;

describe('splitCsv', () => {
  it('leaves small files whole', () => {
    const text = sample(10);
    expect(splitCsv(text)).toEqual([{ text, lineOffset: 0 }]);
  });

  it.each(['\n', '\r\n'])(
    'splits between records, repeats the header, and maps lines back (%j)',
    (eol) => {
      const text = sample(400, eol);
      const chunks = splitCsv(text, 2_000);
      expect(chunks.length).toBeGreaterThan(5);
      for (const chunk of chunks) {
        expect(chunk.text.startsWith('email,name,organisation,topics,consentAt')).toBe(true);
        expect(chunk.text.length).toBeLessThan(2_200);
      }
      const fromChunks = chunks.flatMap((chunk) => rowsOf(chunk.text, chunk.lineOffset));
      expect(fromChunks).toEqual(rowsOf(text));
    }
  );

  it('ignores a byte-order mark and blank lines before the header', () => {
    const text = `\uFEFF\n\n${sample(200)}`;
    const chunks = splitCsv(text, 1_500);
    const fromChunks = chunks.flatMap((chunk) => rowsOf(chunk.text, chunk.lineOffset));
    expect(fromChunks).toEqual(rowsOf(text));
  });

  it('keeps a semicolon-delimited file intact', () => {
    const text = `email;topics\n${Array.from({ length: 300 }, (_, i) => `p${i}@example.org;"offers|employer-tips"`).join('\n')}`;
    const chunks = splitCsv(text, 1_000);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.flatMap((chunk) => rowsOf(chunk.text, chunk.lineOffset))).toEqual(rowsOf(text));
  });
});

describe('mergeReports', () => {
  it('adds counts, maps lines, and reports a header problem once', () => {
    const part = (line: number) => ({
      rows: 2,
      created: { active: 1, pending: 1 },
      reactivated: 1,
      skipped: [{ line, email: 'a@example.org', reason: 'x' }],
      errors: [
        { line: 1, field: 'email', message: 'Die Kopfzeile braucht eine Spalte "email".' },
        { line, field: 'topics', message: 'y' },
      ],
    });
    const merged = mergeReports([
      { report: part(2), lineOffset: 0 },
      { report: part(3), lineOffset: 100 },
    ]);
    expect(merged).toEqual({
      rows: 4,
      created: { active: 2, pending: 2 },
      reactivated: 2,
      skipped: [
        { line: 2, email: 'a@example.org', reason: 'x' },
        { line: 103, email: 'a@example.org', reason: 'x' },
      ],
      errors: [
        { line: 1, field: 'email', message: 'Die Kopfzeile braucht eine Spalte "email".' },
        { line: 2, field: 'topics', message: 'y' },
        { line: 103, field: 'topics', message: 'y' },
      ],
    });
  });
});
