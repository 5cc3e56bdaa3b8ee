/**
 * PDF/UA-1 properties of the self-check report, read from the PDF's objects: embedded fonts,
 * catalog entries, metadata, the structure tree and how page content is marked. No validator
 * runs here; this checks the parts of ISO 14289-1 the report is built for.
 */
import { renderReport, toPdfText, type ReportInput, type ReportTip } from '../src/pdf/report';
import {
  Dict,
  Ref,
  Str,
  Value,
  asArray,
  nameOf,
  pagesOf,
  readContent,
  readPdf,
  readToUnicode,
  type PdfFile,
} from './pdf-structure';

const GERMAN = 'Größe – „Maß“ für Äpfel, Öl & Übung … 5 €';

const tip = (index: number, url: string | null = 'https://www.example.org/tipps/gespraeche') =>
  ({
    title: `Maßnahme ${index + 1}: Mitarbeitergespräche regelmäßig führen`,
    summary: 'Führen Sie jährliche Gespräche über Ziele, Entwicklung und Zufriedenheit.',
    effort: 'gering',
    dimension: 'Recruiting und Onboarding',
    url,
  }) satisfies ReportTip;

const input = (overrides: Partial<ReportInput> = {}): ReportInput => ({
  title: 'Selbstcheck Arbeitgeberattraktivität',
  publisher: 'Landkreis Verden – Bildungsbüro',
  date: new Date('2025-03-11T10:00:00Z'),
  profile: {
    sector: 'Handwerk',
    sizeClass: '10–49 Beschäftigte',
    municipality: 'Ottersberg',
    trainsApprentices: true,
  },
  total: 68,
  dimensions: [
    { key: 'fuehrung', name: 'Führung & Unternehmenskultur', score: 82, band: 'gruen' },
    { key: 'verguetung', name: 'Vergütung', score: 45, band: 'rot' },
    { key: 'arbeitszeit', name: 'Arbeitszeit', score: 61, band: 'gelb' },
    { key: 'gesundheit', name: 'Gesundheit', score: 90, band: 'gruen' },
    { key: 'ausbildung', name: 'Ausbildung', score: null, band: null },
  ],
  strengths: ['Gesundheit', 'Führung & Unternehmenskultur'],
  fieldsForAction: ['Vergütung'],
  tips: [tip(0), tip(1, null)],
  footerNote: GERMAN,
  ...overrides,
});

interface Element {
  ref: Ref;
  role: string;
  dict: Dict;
  children: Element[];
  /** marked content of this element: page object number and MCID */
  mcids: { page: number; mcid: number }[];
  /** annotations referenced by OBJR */
  objects: Ref[];
}

const readStructure = (file: PdfFile): Element => {
  const read = (ref: Ref): Element => {
    const dict = file.dict(ref);
    const element: Element = {
      ref,
      role: nameOf(dict.S) ?? '?',
      dict,
      children: [],
      mcids: [],
      objects: [],
    };
    const page = dict.Pg instanceof Ref ? dict.Pg.num : -1;
    for (const kid of asArray(dict.K)) {
      if (typeof kid === 'number') element.mcids.push({ page, mcid: kid });
      else if (kid instanceof Ref) element.children.push(read(kid));
      else {
        const kidDict = kid as Dict;
        if (nameOf(kidDict.Type) === 'MCR') {
          element.mcids.push({ page: (kidDict.Pg as Ref).num, mcid: kidDict.MCID as number });
        } else if (nameOf(kidDict.Type) === 'OBJR') element.objects.push(kidDict.Obj as Ref);
        else throw new Error(`unexpected kid in ${element.role}`);
      }
    }
    return element;
  };
  const root = file.dict(file.dict(file.trailer.Root).StructTreeRoot);
  const kids = asArray(root.K);
  expect(kids).toHaveLength(1);
  return read(kids[0] as Ref);
};

const flatten = (element: Element): Element[] => [
  element,
  ...element.children.flatMap((child) => flatten(child)),
];

const text = (value: Value | undefined): string => (value instanceof Str ? value.text : '');

const STANDARD_14 =
  /^(Helvetica|Times|Courier|Symbol|ZapfDingbats)(-(Bold|Oblique|BoldOblique|Roman|Italic|BoldItalic))?$/;

/** Content operators that put something on the page. */
const PAINTING = new Set([
  'Tj',
  'TJ',
  "'",
  '"',
  'f',
  'F',
  'f*',
  'B',
  'B*',
  'b',
  'b*',
  'S',
  's',
  'sh',
  'Do',
]);

interface PageContent {
  /** every MCID marked on the page */
  mcids: number[];
  /** painting operators outside both a tagged (MCID) and an artifact sequence */
  unmarked: string[];
  /** text shown on the page, decoded through the fonts' ToUnicode maps, one entry per Tj/TJ */
  texts: string[];
  /** character codes shown that are glyph 0 (.notdef) */
  notdef: number;
}

const readPage = (file: PdfFile, page: Dict): PageContent => {
  const fonts = file.dict(file.dict(page.Resources).Font);
  const cmaps = new Map<string, Map<number, string>>();
  for (const [name, ref] of Object.entries(fonts)) {
    cmaps.set(name, readToUnicode(file.stream(file.dict(ref).ToUnicode)));
  }
  const data = Buffer.concat(asArray(page.Contents).map((ref) => file.stream(ref)));
  const result: PageContent = { mcids: [], unmarked: [], texts: [], notdef: 0 };
  const stack: { tagged: boolean }[] = [];
  let cmap = new Map<number, string>();
  const decode = (s: Str) => {
    let out = '';
    for (let i = 0; i + 1 < s.bytes.length; i += 2) {
      const code = s.bytes.readUInt16BE(i);
      if (code === 0) result.notdef++;
      out += cmap.get(code) ?? '\uFFFD';
    }
    return out;
  };
  for (const { op, operands } of readContent(data)) {
    if (op === 'BMC' || op === 'BDC') {
      const tag = nameOf(operands[0]);
      const props = operands[1] as Dict | undefined;
      stack.push({ tagged: tag === 'Artifact' || typeof props?.MCID === 'number' });
      if (typeof props?.MCID === 'number') result.mcids.push(props.MCID);
    } else if (op === 'EMC') {
      stack.pop();
    } else if (op === 'Tf') {
      cmap = cmaps.get(nameOf(operands[0]) ?? '') ?? new Map();
    }
    if (PAINTING.has(op) && !stack.some((entry) => entry.tagged)) result.unmarked.push(op);
    if (op === 'Tj') result.texts.push(decode(operands[0] as Str));
    if (op === 'TJ') {
      result.texts.push(
        asArray(operands[0])
          .filter((item): item is Str => item instanceof Str)
          .map(decode)
          .join('')
      );
    }
  }
  return result;
};

/** Checks every PDF/UA property the report promises; returns what the tests look at further. */
const checkPdfUa = (pdf: Buffer) => {
  const file = readPdf(pdf);
  expect(file.header).toBe('%PDF-1.7');
  const catalog = file.dict(file.trailer.Root);

  // catalog: marked, language, window title, metadata with the PDF/UA identification
  expect(file.dict(catalog.MarkInfo).Marked).toBe(true);
  expect(text(catalog.Lang)).toBe('de-DE');
  expect(file.dict(catalog.ViewerPreferences).DisplayDocTitle).toBe(true);
  const metadata = file.stream(catalog.Metadata).toString('utf8');
  expect(metadata).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
  expect(metadata).toMatch(/<dc:title>/);
  const info = file.dict(file.trailer.Info);
  expect(text(file.resolve(info.Title))).not.toBe('');

  // fonts: every font object is an embedded font, none of the standard 14
  const fontObjects = [...file.objects.values()]
    .map((object) => object.value)
    .filter((value): value is Dict => nameOf((value as Dict)?.Type) === 'Font');
  expect(fontObjects.length).toBeGreaterThan(0);
  for (const font of fontObjects) {
    const baseFont = nameOf(font.BaseFont) ?? '';
    expect(baseFont).not.toMatch(STANDARD_14);
    expect(baseFont).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold)?$/); // subset of the embedded font
    if (nameOf(font.Subtype) === 'Type0') {
      expect(font.ToUnicode).toBeInstanceOf(Ref);
      continue; // checked through its descendant
    }
    const descriptor = file.dict(font.FontDescriptor);
    expect(descriptor.FontFile2 ?? descriptor.FontFile3).toBeInstanceOf(Ref);
    expect(file.stream(descriptor.FontFile2 ?? descriptor.FontFile3).length).toBeGreaterThan(1000);
  }

  // structure tree
  const root = readStructure(file);
  expect(root.role).toBe('Document');
  const elements = flatten(root);
  const byRole = (role: string) => elements.filter((element) => element.role === role);

  // headings: one H1, first; no level skipped
  const headings = elements.filter((element) => /^H\d$/.test(element.role));
  expect(headings[0].role).toBe('H1');
  expect(byRole('H1')).toHaveLength(1);
  let level = 0;
  for (const heading of headings) {
    const next = Number(heading.role.slice(1));
    expect(next).toBeLessThanOrEqual(level + 1);
    level = next;
  }

  // lists, tables: the nesting PDF/UA asks for
  for (const list of byRole('L')) {
    expect(list.children.length).toBeGreaterThan(0);
    for (const item of list.children) {
      expect(item.role).toBe('LI');
      expect(item.children.map((child) => child.role)).toEqual(['Lbl', 'LBody']);
    }
  }
  for (const table of byRole('Table')) {
    for (const row of table.children) {
      expect(row.role).toBe('TR');
      for (const cell of row.children) expect(['TH', 'TD']).toContain(cell.role);
    }
  }
  for (const header of byRole('TH')) {
    const attributes = header.dict.A as Dict;
    expect(nameOf(attributes.O)).toBe('Table');
    expect(nameOf(attributes.Scope)).toBe('Column');
  }
  for (const figure of byRole('Figure')) {
    expect(text(figure.dict.Alt).length).toBeGreaterThan(20);
    expect(asArray((figure.dict.A as Dict).BBox)).toHaveLength(4);
  }

  // links: each annotation belongs to a Link element and describes itself
  const pages = pagesOf(file);
  const pageNumbers = new Map(pages.map(({ ref }, index) => [ref.num, index]));
  const linkAnnotations = new Set<number>();
  for (const link of byRole('Link')) {
    expect(link.objects.length).toBeGreaterThan(0);
    for (const ref of link.objects) {
      const annotation = file.dict(ref);
      expect(nameOf(annotation.Subtype)).toBe('Link');
      expect(text(annotation.Contents)).toMatch(/^Mehr erfahren zu „.+“ \(https:\/\/\S+\)$/);
      expect(typeof annotation.StructParent).toBe('number');
      linkAnnotations.add(ref.num);
    }
  }

  // page content: every painting operator tagged or an artifact; MCIDs and the tree agree
  const tagged = new Map<string, string>();
  for (const element of elements) {
    for (const { page, mcid } of element.mcids) {
      const key = `${pageNumbers.get(page)}:${mcid}`;
      expect(tagged.has(key)).toBe(false);
      tagged.set(key, element.role);
    }
  }
  const marked = new Set<string>();
  const parentTree = file.dict(file.dict(catalog.StructTreeRoot).ParentTree);
  const parents = new Map<number, Value>();
  const walkNums = (node: Dict) => {
    const nums = asArray(node.Nums);
    for (let i = 0; i + 1 < nums.length; i += 2) parents.set(nums[i] as number, nums[i + 1]);
    asArray(node.Kids).forEach((kid) => walkNums(file.dict(kid)));
  };
  walkNums(parentTree);
  const texts: string[] = [];
  pages.forEach(({ page }, index) => {
    const content = readPage(file, page);
    expect(content.unmarked).toEqual([]);
    expect(content.notdef).toBe(0);
    texts.push(...content.texts);
    const pageParents = asArray(file.resolve(parents.get(page.StructParents as number)));
    for (const mcid of content.mcids) {
      marked.add(`${index}:${mcid}`);
      // the parent tree names the element that holds this MCID
      const parent = pageParents[mcid];
      expect(parent).toBeInstanceOf(Ref);
      expect(elements.find((e) => e.ref.num === (parent as Ref).num)?.mcids).toContainEqual({
        page: pages[index].ref.num,
        mcid,
      });
    }
    const annotations = asArray(page.Annots);
    if (annotations.length) expect(nameOf(page.Tabs)).toBe('S');
    for (const ref of annotations) expect(linkAnnotations.has((ref as Ref).num)).toBe(true);
  });
  expect([...marked].sort()).toEqual([...tagged.keys()].sort());

  return { file, elements, byRole, texts, metadata, info, pages };
};

describe('PDF/UA report', () => {
  it('is tagged PDF/UA-1 with embedded fonts, metadata and a complete structure tree', async () => {
    const { byRole, texts, file } = checkPdfUa(await renderReport(input()));
    for (const role of ['H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH']) {
      expect(byRole(role).length).toBeGreaterThan(0);
    }
    expect(byRole('TD').length).toBe(5 * 3);
    expect(byRole('TH').length).toBe(3);
    expect(byRole('Link')).toHaveLength(1); // one tip has an address
    expect(byRole('L')).toHaveLength(3); // strengths, fields for action, tips

    // the chart's alternative text gives every score in words
    const [figure] = byRole('Figure');
    const alt = text(figure.dict.Alt);
    expect(alt).toContain('Führung & Unternehmenskultur: 82 von 100 (Stark)');
    expect(alt).toContain('Vergütung: 45 von 100 (Handlungsbedarf)');
    expect(alt).toContain('Ausbildung: nicht bewertet');

    // German text survives: the fonts' ToUnicode maps give back the characters drawn
    expect(texts.join('\n')).toContain(GERMAN);
    expect(texts.join('\n')).toContain('Selbstcheck Arbeitgeberattraktivität');
    const mapped = new Set<string>();
    for (const object of file.objects.values()) {
      const font = object.value as Dict;
      if (nameOf(font?.Type) === 'Font' && font.ToUnicode) {
        readToUnicode(file.stream(font.ToUnicode)).forEach((unicode) => mapped.add(unicode));
      }
    }
    for (const char of 'äöüßÄÖÜ„“–€…') expect(mapped).toContain(char);
  });

  it('keeps the properties over several pages, with a table split across pages', async () => {
    const dimensions = Array.from({ length: 40 }, (_, index) => ({
      key: `d${index}`,
      name: `Dimension ${index + 1} mit Überlänge`,
      score: (index * 37) % 101,
      band: (['rot', 'gelb', 'gruen'] as const)[index % 3],
    }));
    const tips = Array.from({ length: 15 }, (_, index) => tip(index));
    const { byRole, pages, texts } = checkPdfUa(await renderReport(input({ dimensions, tips })));
    expect(pages.length).toBeGreaterThan(2);
    // the header row is drawn again on the next page, as an artifact: one header row in the tree
    expect(texts.filter((t) => t === 'Einstufung')).toHaveLength(2);
    expect(byRole('TH')).toHaveLength(3);
    expect(byRole('TR')).toHaveLength(41);
    expect(byRole('Link')).toHaveLength(15);
  });

  it('keeps the properties with the comparison and the action plan as tables with header rows', async () => {
    const { byRole } = checkPdfUa(
      await renderReport(
        input({
          comparison: {
            previousDate: '04.12.2025',
            total: 70,
            previousTotal: 60,
            totalDelta: 10,
            totalDirection: 'up',
            dimensions: [
              { name: 'Führung', score: 82, previousScore: 70, delta: 12, direction: 'up' },
              { name: 'Vergütung', score: 45, previousScore: 45, delta: 0, direction: 'same' },
            ],
          },
          plan: [
            {
              title: 'Gespräche führen',
              dimension: 'Führung',
              targetDate: '01.03.2027',
              done: false,
              overdue: false,
            },
            {
              title: 'Gehalt offenlegen',
              dimension: 'Vergütung',
              targetDate: null,
              done: true,
              overdue: false,
            },
          ],
        })
      )
    );
    expect(byRole('Table')).toHaveLength(3);
    // 3 header cells of the result, 4 of the comparison, 4 of the plan
    expect(byRole('TH')).toHaveLength(3 + 4 + 4);
    // 5 result rows, 2 + total compared, 2 measures; each with a header row
    expect(byRole('TR')).toHaveLength(6 + 4 + 3);
  });

  it('the survey’s QR code is a figure with the link as its alternative text', async () => {
    const link = 'https://www.landkreis.example/selbstcheck/befragung/?id=AbCdEfGhIjKlMnOpQrStUv';
    const { byRole } = checkPdfUa(
      await renderReport(
        input({
          survey: {
            link,
            open: true,
            endsOn: '31.01.2027',
            responses: 2,
            k: 5,
            missing: 3,
            dimensions: null,
          },
        })
      )
    );
    const figures = byRole('Figure');
    expect(figures).toHaveLength(2); // the radar chart and the QR code
    expect(text(figures[1].dict.Alt)).toBe(`QR-Code mit dem Link zur Befragung: ${link}`);
  });

  it('holds for an empty result and for hostile input', async () => {
    checkPdfUa(
      await renderReport(
        input({ total: null, dimensions: [], strengths: [], fieldsForAction: [], tips: [] })
      )
    );
    const { metadata, info, texts, file } = checkPdfUa(
      await renderReport(
        input({
          title: 'Aus- & Weiterbildung <Check> "1"',
          publisher: 'Wirtschaft & Bildung\u0000 \u202e😀',
          tips: [{ ...tip(0), url: 'javascript:alert(1)', title: 'Zeile ≥ 75 → ✓ 中' }],
        })
      )
    );
    // the XMP metadata stays well-formed; the Info dictionary has the text as it is
    expect(metadata).toContain('Aus- &amp; Weiterbildung &lt;Check&gt; &quot;1&quot;');
    expect(metadata).toContain('Wirtschaft &amp; Bildung');
    expect(metadata).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
    expect(text(file.resolve(info.Title))).toBe('Aus- & Weiterbildung <Check> "1"');
    expect(texts.join('\n')).toContain('Zeile ≥ 75 → ✓ ?');
  });
});

describe('toPdfText with the embedded font', () => {
  it('keeps what DejaVu Sans has and replaces the rest', () => {
    expect(toPdfText(GERMAN)).toBe(GERMAN);
    expect(toPdfText('ẞ Łódź Ελλάδα Київ ≥ → ✓')).toBe('ẞ Łódź Ελλάδα Київ ≥ → ✓');
    // emoji the font has (😀) stay, others (🦄) are dropped; other missing characters become '?'
    expect(toPdfText('Soft\u00adhyphen, zero\u200bwidth, bidi\u202e, 😀🦄, 中')).toBe(
      'Softhyphen, zerowidth, bidi, 😀, ?'
    );
    expect(toPdfText('a\u2028b\u2029c', true)).toBe('a\nb\nc');
  });
});
