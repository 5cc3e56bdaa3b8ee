import { csvField, csvLine } from '../src/lib/csv';
import { readCsvText } from '../src/lib/import-reader';

describe('csv output', () => {
  it('quotes when needed and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(null)).toBe('');
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });

  it('round-trips through the import reader', () => {
    const values = ['x@y.de', 'Müller, Eva', 'Semi;kolon', '"quoted"'];
    const sheet = readCsvText(
      csvLine(['email', 'name', 'organisation', 'topics']) + csvLine(values)
    );
    expect(sheet.problems).toEqual([]);
    expect(Object.values(sheet.rows[0].values)).toEqual(values);
  });
});
