import { parsePdf } from './pdf-text';
import { renderReport, toPdfText, type ReportInput, type ReportTip } from '../src/pdf/report';

const LONG_WORD = 'Arbeitsplatzausstattungsqualitätsmanagementverfahren'.repeat(3);
const LONG_URL = `https://www.example.org/fachkraefte/tipps/${'sehr-langer-pfad-'.repeat(20)}ende`;

const tip = (index: number): ReportTip => ({
  title: `Maßnahme ${index + 1}: Mitarbeitergespräche regelmäßig führen`,
  summary:
    index === 1
      ? `Sehr lange Beschreibung ab 75 Punkten ≥ → ${'Überstundenausgleichsregelung '.repeat(60)}${LONG_WORD}`
      : 'Führen Sie jährliche Gespräche über Ziele, Entwicklung und Zufriedenheit. Dokumentieren Sie Vereinbarungen.',
  effort: (['gering', 'mittel', 'hoch'] as const)[index % 3],
  dimension: 'Recruiting und Onboarding',
  url: index % 2 === 0 ? LONG_URL : null,
});

const baseInput = (overrides: Partial<ReportInput> = {}): ReportInput => ({
  title: 'Selbstcheck Arbeitgeberattraktivität',
  publisher: 'Landkreis Verden – Bildungsbüro / Fachkräfteoffensive',
  date: new Date('2025-03-11T23:30:00Z'),
  profile: {
    sector: 'Handwerk – Bau- und Ausbaugewerbe',
    sizeClass: '10–49 Beschäftigte',
    municipality: 'Ottersberg',
    trainsApprentices: true,
  },
  total: 68,
  dimensions: [
    { key: 'fuehrung', name: 'Führung & Unternehmenskultur', score: 82, band: 'gruen' },
    { key: 'verguetung', name: 'Vergütung und Zusatzleistungen', score: 45, band: 'rot' },
    {
      key: 'arbeitszeit',
      name: 'Arbeitszeit & Vereinbarkeit von Familie und Beruf',
      score: 61,
      band: 'gelb',
    },
    { key: 'entwicklung', name: 'Weiterbildung und Entwicklung', score: 74, band: 'gelb' },
    { key: 'gesundheit', name: 'Gesundheit', score: 90, band: 'gruen' },
    { key: 'ausbildung', name: 'Ausbildung', score: null, band: null },
    { key: 'recruiting', name: 'Recruiting und Onboarding', score: 38, band: 'rot' },
    { key: 'arbeitsplatz', name: LONG_WORD, score: 77, band: 'gruen' },
  ],
  strengths: ['Gesundheit', 'Führung & Unternehmenskultur', LONG_WORD],
  fieldsForAction: ['Recruiting und Onboarding', 'Vergütung und Zusatzleistungen'],
  tips: Array.from({ length: 5 }, (_, index) => tip(index)),
  footerNote:
    'Ihre Angaben sind anonym. Ohne Ihre Zustimmung fließen sie nicht in die regionale Statistik ein.',
  ...overrides,
});

/** Text extraction may split words across lines or pieces; compare without whitespace. */
const squash = (text: string) => text.replace(/\s+/g, '');

const expectPdf = (pdf: Buffer) => {
  expect(Buffer.isBuffer(pdf)).toBe(true);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.subarray(-8).toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
};

describe('renderReport', () => {
  it('renders a complete German report with chart, table, findings and tips', async () => {
    const pdf = await renderReport(baseInput());
    expectPdf(pdf);

    const { text, info } = await parsePdf(pdf);
    expect(text).toContain('Selbstcheck Arbeitgeberattraktivität');
    expect(text).toContain('Landkreis Verden – Bildungsbüro / Fachkräfteoffensive');
    expect(text).toContain('12.03.2025'); // 23:30 UTC is already the next day in Berlin
    expect(text).toContain('Gesamtwert: 68 von 100');
    expect(text).toContain('Branche:');
    expect(text).toContain('Kommune:');
    expect(text).toContain('Ottersberg');
    expect(text).toMatch(/Ausbildungsbetrieb:\s*ja/);
    expect(text).toContain('Führung & Unternehmenskultur');
    expect(text).toContain('nicht bewertet');
    expect(text).toContain('Handlungsbedarf');
    expect(text).toContain('Ausbaufähig');
    expect(text).toContain('Stark');
    expect(text).toContain('Ihre Stärken');
    expect(text).toContain('Ihre Handlungsfelder');
    expect(text).toContain('Recruiting und Onboarding');
    expect(text).toContain('Empfohlene Maßnahmen');
    expect(text).toContain('Maßnahme 1: Mitarbeitergespräche regelmäßig führen');
    expect(text).toMatch(/Aufwand: gering/);
    expect(text).toMatch(/Handlungsfeld: Recruiting und Onboarding/);
    expect(text).toContain('ab 75 Punkten ≥ →'); // the embedded font has these
    expect(squash(text)).toContain(squash(LONG_URL));
    expect(text).toContain('Ihre Angaben sind anonym.');
    expect(text).toMatch(/Seite 1 von \d/);

    expect(info.Title).toBe('Selbstcheck Arbeitgeberattraktivität');
    expect(info.Author).toBe('Landkreis Verden – Bildungsbüro / Fachkräfteoffensive');
    expect(String(info.Subject)).toContain('Auswertung');

    const raw = pdf.toString('latin1');
    expect(raw).toContain('/Lang (de-DE)');
    expect(raw).toContain('/StructTreeRoot');
  });

  it('shows the change since the previous check and the action plan with each measure’s state', async () => {
    const pdf = await renderReport(
      baseInput({
        comparison: {
          previousDate: '04.12.2025',
          total: 68,
          previousTotal: 60.5,
          totalDelta: 7.5,
          totalDirection: 'up',
          dimensions: [
            {
              name: 'Führung & Unternehmenskultur',
              score: 82,
              previousScore: 70,
              delta: 12,
              direction: 'up',
            },
            { name: 'Gesundheit', score: 90, previousScore: 95, delta: -5, direction: 'down' },
            { name: 'Ausbildung', score: null, previousScore: 50, delta: null, direction: null },
          ],
        },
        plan: [
          {
            title: 'Mitarbeitergespräche einführen',
            dimension: 'Führung',
            targetDate: '01.03.2027',
            done: false,
            overdue: false,
          },
          {
            title: 'Gehaltsbänder offenlegen',
            dimension: 'Vergütung',
            targetDate: '01.11.2026',
            done: false,
            overdue: true,
          },
          {
            title: 'Patenschaften für Neue',
            dimension: 'Recruiting',
            targetDate: null,
            done: true,
            overdue: false,
          },
        ],
      })
    );
    const text = (await parsePdf(pdf)).text.replace(/\s+/g, ' ');
    expect(text).toContain('Veränderung seit dem Check vom 04.12.2025');
    expect(text).toContain('+12 (besser)');
    expect(text).toContain('-5 (schlechter)');
    expect(text).toContain('nicht vergleichbar');
    expect(text).toContain('Ihr Maßnahmenplan');
    expect(text).toContain('Mitarbeitergespräche einführen');
    expect(text).toContain('01.03.2027');
    expect(text).toMatch(/überfällig/);
    expect(text).toMatch(/erledigt/);
    expect(text).toContain('1 von 3 Maßnahmen erledigt.');
  });

  it('shows the employees’ view with bands and gaps, or only the answers still missing, and the survey link', async () => {
    const link = 'https://www.landkreis.example/selbstcheck/befragung/?id=AbCdEfGhIjKlMnOpQrStUv';
    const open = await renderReport(
      baseInput({
        survey: {
          link,
          open: true,
          endsOn: '31.01.2027',
          responses: 7,
          k: 5,
          missing: 0,
          dimensions: [
            { name: 'Führung', management: 90, employees: 40, band: 'rot', gap: 50 },
            { name: 'Gesundheit', management: 50, employees: 70, band: 'gelb', gap: -20 },
            { name: 'Ausbildung', management: 60, employees: null, band: null, gap: null },
          ],
        },
      })
    );
    const text = (await parsePdf(open)).text.replace(/\s+/g, ' ');
    expect(text).toContain('Sicht der Beschäftigten');
    expect(text).toContain('Die Befragung läuft bis zum 31.01.2027.');
    expect(text).toContain('40 · Handlungsbedarf');
    expect(text).toContain('+50 (Betrieb sieht sich besser)');
    expect(text).toContain('-20 (Beschäftigte sehen es besser)');
    expect(text).toContain('zu wenige Antworten');
    expect(squash(text)).toContain(squash(link));

    const pending = await renderReport(
      baseInput({
        survey: {
          link: null,
          open: false,
          endsOn: '31.01.2027',
          responses: 3,
          k: 5,
          missing: 2,
          dimensions: null,
        },
      })
    );
    const pendingText = (await parsePdf(pending)).text.replace(/\s+/g, ' ');
    expect(pendingText).toContain('Die Befragung ist beendet.');
    expect(pendingText).toContain('es fehlen noch 2');
    expect(pendingText).not.toContain('Link zur Befragung');
  });

  it('numbers every page and spreads 15 tips over more than one page', async () => {
    const pdf = await renderReport(
      baseInput({ tips: Array.from({ length: 15 }, (_, index) => tip(index)) })
    );
    expectPdf(pdf);
    const { text, pages } = await parsePdf(pdf);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Seite ${page} von ${pages}`);
    expect(text).toContain('Maßnahme 15: Mitarbeitergespräche regelmäßig führen');
  });

  it('works without tips, strengths, fields for action, total, municipality and note', async () => {
    const pdf = await renderReport(
      baseInput({
        total: null,
        tips: [],
        strengths: [],
        fieldsForAction: [],
        footerNote: undefined,
        profile: { sector: 'Pflege', sizeClass: '1–9 Beschäftigte', trainsApprentices: false },
        dimensions: baseInput().dimensions.map((d) => ({ ...d, score: null, band: null })),
      })
    );
    expectPdf(pdf);
    const { text, pages } = await parsePdf(pdf);
    expect(pages).toBeLessThanOrEqual(2);
    expect(text).toContain('Gesamtwert: nicht bewertet');
    expect(text).toContain('Derzeit liegen keine Empfehlungen vor.');
    expect(text).toMatch(/Ausbildungsbetrieb:\s*nein/);
    expect(text).not.toContain('Kommune:');
  });

  it('handles 4 and 12 dimensions, custom band labels and an empty dimension list', async () => {
    const dimensions = (count: number) =>
      Array.from({ length: count }, (_, index) => ({
        key: `d${index}`,
        name: `Dimension ${index + 1} mit einem längeren Namen`,
        score: (index * 37) % 101,
        band: (['rot', 'gelb', 'gruen'] as const)[index % 3],
      }));
    for (const count of [4, 12]) {
      const pdf = await renderReport(
        baseInput({ dimensions: dimensions(count), bandLabels: { gruen: 'Sehr gut' } })
      );
      const { text } = await parsePdf(pdf);
      expect(text).toContain(`Dimension ${count} mit einem längeren Namen`);
      expect(text).toContain('Sehr gut');
      expect(text).toContain('Handlungsbedarf');
    }
    const empty = await renderReport(baseInput({ dimensions: [] }));
    expect((await parsePdf(empty)).text).toContain('Es liegen keine bewerteten Dimensionen vor.');
  });

  it('prints input literally and survives hostile or broken values', async () => {
    const pdf = await renderReport(
      baseInput({
        title: 'Check <script>alert(1)</script> (Klammern) \\ %PDF',
        dimensions: [
          ...baseInput().dimensions.slice(0, 3),
          { key: 'x', name: 'Überschuss', score: 250, band: 'gruen' },
          { key: 'y', name: 'Kaputt', score: Number.NaN, band: 'gelb' },
        ],
        tips: [{ ...tip(0), url: 'javascript:alert(1)', summary: 'Zeile 1\r\nZeile 2 😀 \u0000' }],
      })
    );
    expectPdf(pdf);
    const { text } = await parsePdf(pdf);
    expect(text.replace(/\s+/g, ' ')).toContain(
      'Check <script>alert(1)</script> (Klammern) \\ %PDF'
    );
    expect(text).toContain('javascript:alert(1)');
    expect(pdf.toString('latin1')).not.toContain('/URI (javascript:');
    expect(text).toMatch(/Überschuss\s+100/); // clamped to the scale
  });

  it('rejects an invalid date', async () => {
    await expect(renderReport(baseInput({ date: new Date('nope') }))).rejects.toThrow(RangeError);
  });
});

describe('toPdfText', () => {
  it('keeps German text and WinAnsi punctuation', () => {
    expect(toPdfText('Größe – „Maß“ für Äpfel, Öl & Übung … 5 €')).toBe(
      'Größe – „Maß“ für Äpfel, Öl & Übung … 5 €'
    );
  });

  it('composes decomposed umlauts and replaces characters the embedded font lacks', () => {
    expect(toPdfText('Fu\u0308hrung')).toBe('Führung');
    expect(toPdfText('ab ≥ 75 → gut ✓ Łódź 🦄 中')).toBe('ab ≥ 75 → gut ✓ Łódź ?');
  });

  it('collapses whitespace unless multiline text is wanted', () => {
    expect(toPdfText(' a\tb\r\n\n c\u200b ')).toBe('a b c');
    expect(toPdfText('a\r\n\r\n\r\n b', true)).toBe('a\n\nb');
    expect(toPdfText(null)).toBe('');
  });
});
