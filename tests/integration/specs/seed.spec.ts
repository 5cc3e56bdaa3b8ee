import { getStrapi } from '../../helpers/strapi';
import { seed, SEEDED_TYPES } from '../../../src/seed';
import seedData from '../../../src/seed/data';

const countAll = async () => {
  const strapi = getStrapi();
  const counts: Record<string, number> = {};
  for (const [collection, uid] of Object.entries(SEEDED_TYPES)) {
    counts[collection] = await strapi.db.query(uid).count();
  }
  return counts;
};

describe('demo content', () => {
  it('is seeded on the first start of an empty database', async () => {
    const counts = await countAll();
    // Draft & publish types hold two rows per document (draft + published).
    expect(counts.municipalities).toBe(seedData.municipalities.length);
    expect(counts.fieldsOfAction).toBe(seedData.fieldsOfAction.length);
    expect(counts.organisations).toBe(seedData.organisations.length);
    expect(counts.offers).toBe(2 * seedData.offers.length);
    expect(counts.practiceExamples).toBe(2 * seedData.practiceExamples.length);
    expect(counts.employerTips).toBe(2 * seedData.employerTips.length);
  });

  it('meets the minimums of the product (municipalities, offers of every type, tips…)', () => {
    const municipalities = seedData.municipalities.map((m) => m.name);
    for (const name of [
      'Landkreis Verden',
      'Landkreis Osterode am Harz',
      'Stadt Kassel',
      'Landkreis Fulda',
      'Landkreis Elbe-Elster',
      'Landkreis Stade',
    ]) {
      expect(municipalities).toContain(name);
    }
    expect(seedData.practiceExamples.length).toBeGreaterThanOrEqual(6);
    expect(seedData.offers.length).toBeGreaterThanOrEqual(15);
    expect(seedData.employerTips.length).toBeGreaterThanOrEqual(10);
    expect(seedData.organisations.length).toBeGreaterThanOrEqual(8);
    const types = new Set(seedData.offers.map((offer) => offer.offerType));
    expect([...types].sort()).toEqual(
      [
        'ausbildungsplatz',
        'beratung',
        'duales-studium',
        'ferienjob',
        'material',
        'praktikum',
        'veranstaltung',
      ].sort()
    );
  });

  it('is idempotent: running it again creates nothing and changes nothing', async () => {
    const strapi = getStrapi();
    const before = await countAll();
    const offerBefore = await strapi
      .documents('api::offer.offer')
      .findFirst({ filters: { slug: seedData.offers[0].slug } } as never);

    const report = await seed(strapi);

    for (const entry of Object.values(report)) {
      expect(entry.created).toBe(0);
    }
    expect(report.offers.existing).toBe(seedData.offers.length);
    expect(await countAll()).toEqual(before);
    const offerAfter = await strapi
      .documents('api::offer.offer')
      .findFirst({ filters: { slug: seedData.offers[0].slug } } as never);
    expect(offerAfter?.updatedAt).toEqual(offerBefore?.updatedAt);
  });
});
