/** Every message id the admin pages use exists in German and English, and no key is stale. */
import fs from 'fs';
import path from 'path';

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

const used = new Set(
  sources(ADMIN).flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(/getTranslation\(\s*'([^']+)'\s*\)/g)].map(
      (match) => match[1]
    )
  )
);
used.add('plugin.name'); // the menu link (admin/src/index.ts)

const load = (locale: string) =>
  JSON.parse(fs.readFileSync(path.join(ADMIN, 'translations', `${locale}.json`), 'utf8')) as Record<
    string,
    string
  >;

describe.each(['de', 'en'])('admin translations (%s)', (locale) => {
  const messages = load(locale);

  it('has every message the pages use, and only those', () => {
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((id) => !messages[id])).toEqual([]);
    expect(Object.keys(messages).filter((id) => !used.has(id))).toEqual([]);
  });

  it('uses the same placeholders as the English text', () => {
    const english = load('en');
    const placeholders = (text: string) =>
      [...text.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]).sort();
    for (const [id, text] of Object.entries(messages)) {
      expect([id, placeholders(text)]).toEqual([id, placeholders(english[id])]);
    }
  });
});
