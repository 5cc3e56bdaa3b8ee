import type { Event, JobPosting, WithContext } from 'schema-dts';
import { eventLd, jobPostingLd, ldScriptContent, offerLd } from '../../src/site/json-ld';

const organisation = {
  name: 'Tischlerei Brandt',
  website: 'https://tischlerei.example.org',
  address: { street: 'Am Sandberg 14', postalCode: '28832', city: 'Achim' },
};
const base = {
  title: 'Ausbildung Tischler/in',
  offerType: 'ausbildungsplatz',
  publishedAt: '2026-11-02T09:00:00.000Z',
  organisation,
  places: 2,
  startDate: '2027-08-01',
  validUntil: '2027-06-30',
};
const input = (offer: Record<string, unknown>) => ({
  offer,
  url: 'https://bildung.example.org/angebote/x',
  description: 'Drei Jahre Ausbildung.',
});

describe('structured data of offer pages', () => {
  it('an apprenticeship is a JobPosting with every property Google requires', () => {
    // typed against schema.org's vocabulary (schema-dts): an unknown property fails the type check
    const ld: WithContext<JobPosting> | null = jobPostingLd(input(base));
    expect(ld).toEqual({
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: 'Ausbildung Tischler/in',
      description: 'Drei Jahre Ausbildung.',
      url: 'https://bildung.example.org/angebote/x',
      datePosted: '2026-11-02',
      validThrough: '2027-06-30',
      employmentType: ['FULL_TIME'],
      hiringOrganization: {
        '@type': 'Organization',
        name: 'Tischlerei Brandt',
        sameAs: 'https://tischlerei.example.org',
      },
      jobLocation: {
        '@type': 'Place',
        address: {
          '@type': 'PostalAddress',
          streetAddress: 'Am Sandberg 14',
          postalCode: '28832',
          addressLocality: 'Achim',
          addressCountry: 'DE',
        },
      },
      jobStartDate: '2027-08-01',
      totalJobOpenings: 2,
    });
  });

  it('the offer’s own location wins over the provider’s address; deadline as validThrough', () => {
    const ld = jobPostingLd(
      input({
        ...base,
        offerType: 'praktikum',
        validUntil: null,
        applicationDeadline: '2027-03-31',
        location: { postalCode: '27283', city: 'Verden (Aller)' },
      })
    );
    expect(ld?.employmentType).toEqual(['INTERN']);
    expect(ld?.validThrough).toBe('2027-03-31');
    expect(ld?.jobLocation).toMatchObject({ address: { postalCode: '27283' } });
  });

  it('holiday jobs and dual study are job postings too; counselling and material are not', () => {
    expect(jobPostingLd(input({ ...base, offerType: 'ferienjob' }))?.employmentType).toEqual([
      'TEMPORARY',
      'PART_TIME',
    ]);
    expect(jobPostingLd(input({ ...base, offerType: 'duales-studium' }))).not.toBeNull();
    expect(offerLd(input({ ...base, offerType: 'beratung' }))).toBeNull();
    expect(offerLd(input({ ...base, offerType: 'material' }))).toBeNull();
  });

  it('no structured data rather than incomplete: no provider, no postal code, no date', () => {
    expect(jobPostingLd(input({ ...base, organisation: null }))).toBeNull();
    expect(
      jobPostingLd(input({ ...base, organisation: { ...organisation, address: { city: 'X' } } }))
    ).toBeNull();
    expect(jobPostingLd(input({ ...base, publishedAt: null }))).toBeNull();
    expect(jobPostingLd({ ...input(base), description: '' })).toBeNull();
  });

  it('an event has start, end and place', () => {
    const ld: WithContext<Event> | null = eventLd(
      input({
        ...base,
        offerType: 'veranstaltung',
        startDate: '2027-02-01',
        endDate: null,
        location: { street: 'Große Straße 1', postalCode: '27283', city: 'Verden (Aller)' },
      })
    );
    expect(ld).toMatchObject({
      '@type': 'Event',
      name: 'Ausbildung Tischler/in',
      startDate: '2027-02-01',
      endDate: '2027-02-01',
      eventStatus: 'https://schema.org/EventScheduled',
      location: { '@type': 'Place', name: 'Verden (Aller)', address: { postalCode: '27283' } },
      organizer: { name: 'Tischlerei Brandt' },
    });
    expect(eventLd(input({ ...base, offerType: 'veranstaltung', startDate: null }))).toBeNull();
  });

  it('the script content cannot close its element', () => {
    const text = ldScriptContent({ title: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('</script');
    expect(JSON.parse(text)).toEqual({ title: '</script><script>alert(1)</script>' });
  });
});
