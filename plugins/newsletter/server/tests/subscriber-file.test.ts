/**
 * The subscriber-file reader with files as the programs write them (fixtures/): encodings,
 * delimiters, line breaks, broken lines, workbooks; and the counting rule: every non-blank line
 * after the header is one data record, read (`rows`) or reported (`problems`).
 */
import fs from 'fs';
import path from 'path';
import { parse } from 'csv-parse/sync';
import { readCsvBytes, readCsvText } from '../src/lib/import-reader';
import {
  FileProblem,
  READ_MESSAGES,
  decodeText,
  detectDelimiter,
  emptyReport,
  reportBalance,
  sniffFormat,
  type Sheet,
} from '../src/lib/subscriber-file';
import {
  XLSX_MESSAGES,
  cellText,
  excelDateToIso,
  readXlsx,
  zipEntries,
} from '../src/lib/subscriber-xlsx';
import * as shared from '../src/lib/subscriber-file';

const fixture = (name: string) =>
  new Uint8Array(fs.readFileSync(path.join(__dirname, 'fixtures', name)));
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

/** Non-blank lines after the header (for files without line breaks inside fields). */
const dataLines = (text: string) => {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  const nonBlank = lines.filter((line) => line.replace(/[,;\t"\s]/g, '') !== '');
  return nonBlank.length - 1;
};

const summary = (sheet: Sheet) => ({
  rows: sheet.rows.map((row) => ({ line: row.line, ...row.values })),
  problems: sheet.problems.map(({ line, field }) => ({ line, field })),
});

const expectBalanced = (sheet: Sheet) => {
  const report = emptyReport(sheet);
  expect(report.rows).toBe(sheet.rows.length + sheet.problems.length);
  // nothing imported yet: the readable rows are what the import still decides on
  expect(reportBalance(report) + sheet.rows.length).toBe(report.rows);
};

describe('CSV files as programs write them', () => {
  it('Excel on a German Windows: Windows-1252, semicolons, CRLF, an empty row', () => {
    const file = fixture('excel-de-windows-1252.csv');
    const sheet = readCsvBytes(file);
    expect(sheet).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';' });
    expect(summary(sheet)).toEqual({
      rows: [
        {
          line: 2,
          email: 'joerg.mueller@example.org',
          name: 'Jörg Müller',
          organisation: 'Bäckerei Größe GmbH',
          topics: 'offers',
          consentAt: '15.01.2026 10:00',
          consentIp: '192.0.2.10',
        },
        {
          line: 3,
          email: 'anna.schaefer@example.org',
          name: 'Anna Schäfer',
          organisation: '„Zur Mühle“ Café',
          topics: 'offers|employer-tips',
          consentAt: '',
          consentIp: '',
        },
        {
          line: 5,
          email: 'lukas.weiss@example.org',
          name: 'Lukas Weiß',
          organisation: 'Weiß & Söhne KG – Meisterbetrieb',
          topics: 'practice-examples',
          consentAt: '02.03.2026 08:30',
          consentIp: '',
        },
        {
          line: 6,
          email: 'maria.koenig@example.org',
          name: 'König; Maria',
          organisation: 'Städtische Schule Süd (Preis: 5 €)',
          topics: 'offers',
          consentAt: '',
          consentIp: '',
        },
      ],
      problems: [],
    });
    // the empty row (;;;;;) is blank: no data line
    expect(sheet.rows.length).toBe(dataLines(Buffer.from(file).toString('latin1')));
    expectBalanced(sheet);
  });

  it('LibreOffice: UTF-8, commas, LF, a note over two lines in a column the import ignores', () => {
    const sheet = readCsvBytes(fixture('libreoffice-utf8.csv'));
    expect(sheet).toMatchObject({ encoding: 'utf-8', delimiter: ',', headerLine: 1 });
    expect(sheet.header).toContain('notiz');
    expect(sheet.rows.map(({ line, lines, values }) => [line, lines, values.email])).toEqual([
      [2, 1, 'joerg.mueller@example.org'],
      [3, 2, 'eva.mueller@example.org'],
      [5, 1, 'ines.oezdemir@example.org'],
    ]);
    expect(sheet.rows[1].values).toMatchObject({
      name: 'Müller, Eva',
      organisation: '"Die" Schule',
      topics: 'offers;practice-examples',
    });
    expect(sheet.rows[0].values.consentAt).toBe('2026-01-15 10:00:00');
    expect(sheet.problems).toEqual([]);
  });

  it('Excel "CSV UTF-8": the byte-order mark is recognised and not part of the first column', () => {
    const sheet = readCsvBytes(fixture('excel-de-utf8-bom.csv'));
    expect(sheet).toMatchObject({ encoding: 'utf-8-bom', delimiter: ';' });
    expect(sheet.header[0]).toBe('email');
    expect(sheet.rows.map((row) => [row.values.name, row.values.organisation])).toEqual([
      ['Jörg Müller', 'Bäckerei Größe GmbH'],
      ['Zoë Schröder', 'Kita „Sonnenschein“'],
    ]);
  });

  it('tab-delimited UTF-8, and Excel "Unicode-Text" (UTF-16LE, tabs, CRLF)', () => {
    const tsv = readCsvBytes(fixture('tab-delimited.tsv'));
    expect(tsv).toMatchObject({ encoding: 'utf-8', delimiter: '\t' });
    expect(tsv.rows.map((row) => row.values.organisation)).toEqual(['Bäckerei, Konditorei', '']);
    const unicode = readCsvBytes(fixture('excel-unicode-text.txt'));
    expect(unicode).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(unicode.rows[0].values).toMatchObject({
      name: 'Jörg Müller',
      organisation: 'Bäckerei Größe GmbH',
    });
  });
});

describe('broken lines are reported, everything else is read', () => {
  it('an unclosed quote: its line is reported, parsing goes on with the next line', () => {
    const sheet = readCsvBytes(fixture('unclosed-quote.csv'));
    expect(summary(sheet)).toEqual({
      rows: [
        { line: 3, email: 'bernd@example.org', name: 'Bernd', topics: 'offers' },
        { line: 4, email: 'carla@example.org', name: 'Carla', topics: 'offers' },
      ],
      problems: [{ line: 2, field: 'record' }],
    });
    expect(sheet.problems[0].message).toBe(READ_MESSAGES.quoteNotClosed);
    expect(sheet.rows.length + sheet.problems.length).toBe(3);
    expectBalanced(sheet);
  });

  it('a quote that closes lines later, or in the wrong place', () => {
    const later = readCsvText(
      'email,name,topics\na@example.org,"Anna,offers\nb@example.org,Bernd,offers\nc@example.org,"Carl"x,offers\nd@example.org,Dora,offers\n'
    );
    expect(summary(later).problems).toEqual([
      { line: 2, field: 'record' },
      { line: 4, field: 'record' },
    ]);
    expect(later.problems[0].message).toBe(READ_MESSAGES.quoteMisplaced);
    expect(later.rows.map((row) => row.line)).toEqual([3, 5]);
  });

  it('a record over several lines with a line break in an import column is taken apart', () => {
    const sheet = readCsvText(
      'email,name,topics\na@example.org,"Anna\nBerta",offers\nc@example.org,C,offers\n'
    );
    expect(summary(sheet).problems).toEqual([
      { line: 2, field: 'name' },
      { line: 3, field: 'record' },
    ]);
    expect(sheet.problems[0].message).toBe(READ_MESSAGES.lineBreak('name'));
    expect(sheet.rows.map((row) => row.line)).toEqual([4]);
  });

  it('too few and too many fields; trailing empty fields are tolerated', () => {
    const sheet = readCsvBytes(fixture('ragged.csv'));
    expect(summary(sheet)).toEqual({
      rows: [
        { line: 2, email: 'anna@example.org', name: 'Anna', topics: 'offers' },
        { line: 5, email: 'dora@example.org', name: 'Dora', topics: 'offers' },
        { line: 6, email: 'emil@example.org', name: 'Emil', topics: 'offers' },
      ],
      problems: [
        { line: 3, field: 'record' },
        { line: 4, field: 'record' },
      ],
    });
    expect(sheet.problems.map((problem) => problem.message)).toEqual([
      READ_MESSAGES.tooFew(2, 3),
      READ_MESSAGES.tooMany(4, 3, ','),
    ]);
    expect(sheet.rows.length + sheet.problems.length).toBe(
      dataLines(Buffer.from(fixture('ragged.csv')).toString('utf8'))
    );
  });

  it('a byte that is not UTF-8 in a UTF-8 file: that line is reported, the umlauts elsewhere stay', () => {
    const sheet = readCsvBytes(fixture('invalid-byte-utf8.csv'));
    expect(sheet.encoding).toBe('utf-8');
    expect(summary(sheet)).toEqual({
      rows: [
        { line: 2, email: 'joerg@example.org', name: 'Jörg Müller', organisation: 'Bäckerei' },
        { line: 4, email: 'ines@example.org', name: 'Ines Özdemir', organisation: 'Größe GmbH' },
      ],
      problems: [{ line: 3, field: 'record' }],
    });
    expect(sheet.problems[0].message).toBe(READ_MESSAGES.undecodable('utf-8'));
  });

  it('Windows-1252 bytes without a meaning (0x81) are reported too', () => {
    const file = new Uint8Array([
      ...Buffer.from('email;name\nanna@example.org;J', 'latin1'),
      0xf6,
      ...Buffer.from('rg\nbernd@example.org;B', 'latin1'),
      0x81,
      ...Buffer.from('\n', 'latin1'),
    ]);
    const sheet = readCsvBytes(file);
    expect(sheet.encoding).toBe('windows-1252');
    expect(sheet.rows.map((row) => row.values.name)).toEqual(['Jörg']);
    expect(summary(sheet).problems).toEqual([{ line: 3, field: 'record' }]);
  });
});

describe('long files (read in windows of 1,000 lines)', () => {
  const file = (count: number, line: (i: number) => string) =>
    ['email,notiz', ...Array.from({ length: count }, (_, i) => line(i))].join('\n') + '\n';

  it('a quoted field over a window boundary, an unclosed quote far from the end', () => {
    // line i + 2 holds record i; record 997 (line 999) spans lines 999-1003
    const crossing = readCsvText(
      file(3000, (i) =>
        i === 997 ? `p${i}@example.org,"eins\nzwei\ndrei\nvier\nfünf"` : `p${i}@example.org,x`
      )
    );
    expect(crossing.problems).toEqual([]);
    expect(crossing.rows).toHaveLength(3000);
    expect(crossing.rows.find((row) => row.line === 999)).toMatchObject({ lines: 5 });
    expect(crossing.rows[998].line).toBe(1004);
    const unclosed = readCsvText(
      file(3000, (i) => (i === 0 ? '"p0@example.org,x' : `p${i}@example.org,x`))
    );
    expect(summary(unclosed).problems).toEqual([{ line: 2, field: 'record' }]);
    expect(unclosed.rows).toHaveLength(2999);
    expect(unclosed.rows[0].line).toBe(3);
  });

  it('many broken lines: each reported, every other line read', () => {
    const sheet = readCsvText(
      file(50_000, (i) => (i % 20 === 0 ? `p${i}@example.org,"Die" Schule` : `p${i}@example.org,x`))
    );
    expect(sheet.problems).toHaveLength(2500);
    expect(sheet.problems[1]).toMatchObject({ line: 22, message: READ_MESSAGES.quoteMisplaced });
    expect(sheet.rows).toHaveLength(47_500);
  });
});

describe('lines and delimiters', () => {
  it('counts lines the same with CRLF inside quotes, lone CR, and blank lines', () => {
    expect(
      readCsvText('email,notiz\r\na@example.org,"x\r\ny"\r\nc@example.org,z\r\n').rows.map(
        (row) => [row.line, row.lines]
      )
    ).toEqual([
      [2, 2],
      [4, 1],
    ]);
    expect(
      readCsvText('email,name\ra@example.org,A\rb@example.org,B').rows.map((row) => row.line)
    ).toEqual([2, 3]);
    const blank = readCsvText('\n \nemail,name\n\na@example.org,A\n , \n');
    expect(blank.headerLine).toBe(3);
    expect(blank.rows.map((row) => row.line)).toEqual([5]);
  });

  it('recognises the delimiter outside quotes in the header line', () => {
    expect(detectDelimiter('"email";"name, voll"\n')).toBe(';');
    expect(detectDelimiter('email\tname,x\ttopics')).toBe('\t');
    expect(detectDelimiter(';;;\nemail,name')).toBe(',');
    expect(detectDelimiter('email')).toBe(',');
  });

  it('matches column names case-insensitively and ignores other columns', () => {
    const sheet = readCsvText('E-Mail-Notiz,EMAIL,ConsentAt\nx,a@example.org,2026-01-01\n');
    expect(sheet.rows[0].values).toEqual({ email: 'a@example.org', consentAt: '2026-01-01' });
  });

  it('keeps the raw text of each record for sending it on', () => {
    const text = 'email,notiz\r\na@example.org,"x\r\ny"\r\nc@example.org,z';
    const sheet = shared.readCsvText(text, parse, { keepRaw: true });
    expect(sheet.headerRaw).toBe('email,notiz\r\n');
    expect(sheet.rows.map((row) => row.raw)).toEqual([
      'a@example.org,"x\r\ny"\r\n',
      'c@example.org,z\n',
    ]);
  });
});

describe('files that cannot be read at all', () => {
  it('tells empty files, PDFs, old Excel files and binaries apart', () => {
    const problem = (data: Uint8Array) => {
      try {
        readCsvBytes(data);
      } catch (error) {
        expect(error).toBeInstanceOf(FileProblem);
        return (error as Error).message;
      }
      throw new Error('no problem');
    };
    expect(problem(new Uint8Array())).toBe(READ_MESSAGES.empty);
    expect(problem(bytes(' \r\n\r\n'))).toBe(READ_MESSAGES.empty);
    expect(problem(bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe(READ_MESSAGES.pdf);
    expect(problem(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe(
      READ_MESSAGES.legacyExcel
    );
    expect(problem(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe(
      READ_MESSAGES.binary
    );
    expect(problem(bytes('name,topics\nAnna,offers\n'))).toBe(
      READ_MESSAGES.noEmail(1, ['name', 'topics'])
    );
    expect(problem(bytes('email,Email\n'))).toBe(READ_MESSAGES.duplicateColumn('email', 1));
    expect(problem(bytes('"email,name\na@example.org,A\n'))).toMatch(
      /^Die Kopfzeile \(Zeile 1\) kann nicht gelesen werden/
    );
    expect(sniffFormat(fixture('subscribers.xlsx'))).toBe('xlsx');
  });

  it('a header without data lines is readable: nothing to import', () => {
    const sheet = readCsvText('email,name\n');
    expect(sheet.rows).toEqual([]);
    expect(emptyReport(sheet).rows).toBe(0);
  });
});

describe('encoding detection', () => {
  it('UTF-8 with and without BOM, Windows-1252 otherwise', () => {
    expect(decodeText(bytes('Jörg')).encoding).toBe('utf-8');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).text).toBe('A');
    // one é as a single byte and nothing else outside ASCII: Windows-1252 ("René")
    const rene = decodeText(new Uint8Array([...Buffer.from('Ren'), 0xe9]));
    expect(rene).toMatchObject({ encoding: 'windows-1252', text: 'René' });
    expect(rene.badLines.size).toBe(0);
    // „ “ € are Windows-1252, not ISO-8859-1
    expect(decodeText(new Uint8Array([0x84, 0x41, 0x93, 0x20, 0x80])).text).toBe('„A“ €');
  });
});

describe('Excel workbooks (.xlsx)', () => {
  const options = { timeZone: 'Europe/Berlin', maxUnpackedBytes: 50 * 1024 * 1024 };

  it('reads the first worksheet: hyperlink, number, date, rich text and formula cells as text', async () => {
    const sheet = await readXlsx(fixture('subscribers.xlsx'), options);
    expect(sheet).toMatchObject({ format: 'xlsx', sheetName: 'Abonnenten', headerLine: 1 });
    expect(summary(sheet)).toEqual({
      rows: [
        {
          line: 2,
          email: 'joerg.mueller@example.org',
          name: 'Jörg Müller',
          organisation: '4711',
          topics: 'offers;employer-tips',
          consentAt: '2026-01-15T10:00:00+01:00',
          consentIp: '192.0.2.10',
        },
        {
          line: 3,
          email: 'eva.mueller@example.org',
          name: 'Eva Müller',
          organisation: 'Bäckerei Größe GmbH',
          topics: 'practice-examples',
          consentAt: '2026-07-01T08:30:00+02:00',
          consentIp: '',
        },
        {
          line: 5,
          email: 'ines.oezdemir@example.org',
          name: 'Ines Özdemir',
          organisation: '',
          topics: 'offers',
          consentAt: '',
          consentIp: '',
        },
        {
          line: 6,
          email: 'keine-adresse',
          name: 'Falsch',
          organisation: '',
          topics: 'offers',
          consentAt: '',
          consentIp: '',
        },
      ],
      problems: [],
    });
  });

  it('a workbook LibreOffice Calc wrote: its date cells, its empty row', async () => {
    // made from excel-de-windows-1252.csv with LibreOffice 7.4 (Debian), German date recognition:
    // soffice --headless --convert-to 'xlsx:Calc MS Excel 2007 XML'
    //   --infilter='CSV:59,34,1,1,,1031,false,true' excel-de-windows-1252.csv
    const sheet = await readXlsx(fixture('libreoffice-calc.xlsx'), options);
    expect(sheet.sheetName).toBe('excel-de-windows-1252');
    expect(
      sheet.rows.map(({ line, values }) => [
        line,
        values.name,
        values.organisation,
        values.consentAt,
      ])
    ).toEqual([
      [2, 'Jörg Müller', 'Bäckerei Größe GmbH', '2026-01-15T10:00:00+01:00'],
      [3, 'Anna Schäfer', '„Zur Mühle“ Café', ''],
      [5, 'Lukas Weiß', 'Weiß & Söhne KG – Meisterbetrieb', '2026-03-02T08:30:00+01:00'],
      [6, 'König; Maria', 'Städtische Schule Süd (Preis: 5 €)', ''],
    ]);
    expect(sheet.problems).toEqual([]);
  });

  it('cells as a CSV export carries them', () => {
    const zone = 'Europe/Berlin';
    expect(cellText(null, zone)).toBe('');
    expect(cellText(0.5, zone)).toBe('0.5');
    expect(cellText(true, zone)).toBe('true');
    expect(cellText({ error: '#N/A' }, zone)).toBe('#N/A');
    expect(cellText({ text: '', hyperlink: 'mailto:x@example.org' }, zone)).toBe('x@example.org');
    expect(cellText({ formula: 'A1', result: new Date(Date.UTC(2026, 2, 29, 2, 30)) }, zone)).toBe(
      // 02:30 does not exist on that day in Berlin (clocks go forward): moved on by the gap
      '2026-03-29T03:30:00+02:00'
    );
    expect(excelDateToIso(new Date(Date.UTC(2026, 9, 25, 12, 0, 0, 999)), zone)).toBe(
      '2026-10-25T12:00:01+01:00'
    );
  });

  it('refuses archives that are not workbooks, OpenDocument files, damaged and huge ones', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const JSZip = require('jszip');
    const zip = async (files: Record<string, string>) => {
      const archive = new JSZip();
      for (const [name, content] of Object.entries(files)) archive.file(name, content);
      return new Uint8Array(await archive.generateAsync({ type: 'nodebuffer' }));
    };
    await expect(readXlsx(await zip({ 'readme.txt': 'hallo' }), options)).rejects.toThrow(
      XLSX_MESSAGES.notWorkbook
    );
    await expect(
      readXlsx(await zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet' }), options)
    ).rejects.toThrow(XLSX_MESSAGES.openDocument);
    await expect(readXlsx(await zip({ 'xl/workbook.xml': '<kaputt' }), options)).rejects.toThrow(
      XLSX_MESSAGES.damaged
    );
    await expect(readXlsx(fixture('subscribers.xlsx').subarray(0, 2000), options)).rejects.toThrow(
      XLSX_MESSAGES.damaged
    );
    const big = await zip({ 'xl/workbook.xml': 'x'.repeat(200_000) });
    expect(zipEntries(big)).toContainEqual({ name: 'xl/workbook.xml', size: 200_000 });
    await expect(readXlsx(big, { ...options, maxUnpackedBytes: 100_000 })).rejects.toThrow(
      XLSX_MESSAGES.tooLarge(0)
    );
  });
});
