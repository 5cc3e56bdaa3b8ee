/** The admin pages' texts: German and English complete, every key used in the sources exists. */
import fs from 'fs';
import path from 'path';
import de from '../../admin/src/translations/de.json';
import en from '../../admin/src/translations/en.json';

const ADMIN = path.resolve(__dirname, '..', '..', 'admin', 'src');

const sources = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? sources(path.join(dir, entry.name))
        : /\.tsx?$/.test(entry.name)
          ? [path.join(dir, entry.name)]
          : []
    );

describe('admin translations', () => {
  it('German and English have the same keys, none empty', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of [...Object.entries(de), ...Object.entries(en)]) {
      expect(`${key}: ${value.trim() ? 'ok' : 'empty'}`).toBe(`${key}: ok`);
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) =>
      [...text.matchAll(/\{(\w+)\s*[,}]/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect([key, placeholders(de[key])]).toEqual([key, placeholders(en[key])]);
    }
  });

  it('every literal key the pages use exists', () => {
    const used = new Set<string>();
    for (const file of sources(ADMIN)) {
      // comments may show the call pattern (`t('key')`): only code counts
      const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z.]+)'/g)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((key) => !(key in en));
    expect(missing).toEqual([]);
  });

  it('the German texts are German (no English label left over)', () => {
    const same = Object.keys(en).filter(
      (key) =>
        de[key as keyof typeof de] === en[key as keyof typeof en] &&
        !/^(Newsletter|Status|HTML|Format|Import|Newsletter \{month\}|Newsletter – \{subject\}|\{email\} wurde gelöscht\.)$/.test(
          en[key as keyof typeof en]
        )
    );
    expect(same).toEqual([]);
  });
});
