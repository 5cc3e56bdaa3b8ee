import { csvField, csvLine, parseCsv } from '../src/lib/csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, and keeps line numbers', () => {
    const { header, rows } = parseCsv(
      '\uFEFFemail,name,note\r\na@b.de,"Müller, Eva","sagt ""Hallo"""\r\n\r\nc@d.de,Zwei,"über\nzwei Zeilen"\nlast@x.de,Ende,'
    );
    expect(header).toEqual(['email', 'name', 'note']);
    expect(rows).toEqual([
      { line: 2, values: { email: 'a@b.de', name: 'Müller, Eva', note: 'sagt "Hallo"' } },
      { line: 4, values: { email: 'c@d.de', name: 'Zwei', note: 'über\nzwei Zeilen' } },
      { line: 6, values: { email: 'last@x.de', name: 'Ende', note: '' } },
    ]);
  });

  it('accepts semicolons as written by German spreadsheets', () => {
    const { rows } = parseCsv('email;name\na@b.de;Anna\n');
    expect(rows[0].values).toEqual({ email: 'a@b.de', name: 'Anna' });
  });

  it('handles empty input', () => {
    expect(parseCsv('')).toEqual({ header: [], rows: [] });
  });
});

describe('csv output', () => {
  it('quotes when needed and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(null)).toBe('');
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });

  it('round-trips through the parser', () => {
    const values = ['x@y.de', 'Müller, Eva', 'line\nbreak', '"quoted"'];
    const { rows } = parseCsv(csvLine(['a', 'b', 'c', 'd']) + csvLine(values));
    expect(Object.values(rows[0].values)).toEqual(values);
  });
});
