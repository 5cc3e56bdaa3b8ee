import { germanDate } from '../../src/lib/format';
import {
  newsletterSections,
  renderEmployerTip,
  renderOffer,
  renderPracticeExample,
} from '../../src/newsletter/sections';

describe('newsletter sections of this app', () => {
  it('an offer shows type, provider, place, dates and deadline', () => {
    const item = renderOffer(
      {
        title: 'Ausbildung Tischler/-in',
        slug: 'ausbildung-tischler',
        offerType: 'ausbildungsplatz',
        summary: 'Drei Jahre Handwerk',
        organisation: { name: 'Tischlerei Holzwerk' },
        location: { city: 'Verden (Aller)' },
        startDate: '2027-08-01',
        applicationDeadline: '2027-03-31',
      },
      'https://www.example.org'
    );
    expect(item).toMatchObject({
      title: 'Ausbildung Tischler/-in',
      label: 'Ausbildungsplatz',
      url: 'https://www.example.org/angebote/ausbildung-tischler',
    });
    expect(item.facts).toEqual([
      { label: 'Anbieter', value: 'Tischlerei Holzwerk' },
      { label: 'Ort', value: 'Verden (Aller)' },
      { label: 'Beginn', value: '01.08.2027' },
      { label: 'Bewerbungsschluss', value: '31.03.2027' },
    ]);
  });

  it('an event shows its dates as a range; without a slug the apply link is its link', () => {
    const item = renderOffer(
      {
        title: 'Speed-Dating',
        offerType: 'veranstaltung',
        startDate: '2027-02-01',
        endDate: '2027-02-02',
        applyUrl: 'https://x.example/anmeldung',
      },
      'https://www.example.org'
    );
    expect(item.facts).toContainEqual({ label: 'Termin', value: '01.02.2027 bis 02.02.2027' });
    expect(item.url).toBe('https://x.example/anmeldung');
    const withPage = renderOffer(
      { title: 'Speed-Dating', slug: 'speed-dating', applyUrl: 'https://x.example/anmeldung' },
      'https://www.example.org'
    );
    expect(withPage.url).toBe('https://www.example.org/angebote/speed-dating');
  });

  it('a practice example shows its municipality with area, population and density', () => {
    const item = renderPracticeExample(
      {
        title: 'Bildungsverbund',
        slug: 'bv',
        lead: 'Vernetzt',
        municipality: {
          name: 'Landkreis Verden',
          areaKm2: 787.97,
          population: 134645,
          populationDensity: 170.9,
        },
      },
      'https://www.example.org'
    );
    expect(item.facts).toEqual([
      { label: 'Kommune', value: 'Landkreis Verden' },
      { label: 'Fläche', value: '787,97 km²' },
      { label: 'Einwohner', value: '134.645' },
      { label: 'Bevölkerungsdichte', value: '170,9 je km²' },
    ]);
  });

  it('a tip shows effort, cost and sizes', () => {
    const item = renderEmployerTip(
      {
        title: 'Pate',
        slug: 'pate',
        summary: 's',
        effort: 'gering',
        cost: 'keine',
        suitedSizeClasses: ['micro', 'small'],
      },
      'https://www.example.org'
    );
    expect(item.facts).toEqual([
      { label: 'Aufwand', value: 'gering' },
      { label: 'Kosten', value: 'keine' },
      { label: 'Geeignet für', value: '1–9 Beschäftigte, 10–49 Beschäftigte' },
    ]);
  });

  it('offers use the shared current-offer rule', () => {
    const [offers] = newsletterSections('https://www.example.org');
    expect(JSON.stringify(offers.current!(new Date('2026-11-21T10:00:00Z')))).toContain(
      '2026-11-21'
    );
    expect(germanDate('nope')).toBe('');
  });
});
