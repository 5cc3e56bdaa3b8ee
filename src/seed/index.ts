/**
 * Demo content: idempotent (documents are matched by slug; existing ones are left as they are),
 * run automatically on the first start of an empty database outside production, and by
 * `npm run seed`.
 */
import type { Core, UID } from '@strapi/strapi';
import { addDays, isoDateIn } from '../lib/dates';
import defaultData from './data';
import type { DayOffset, SeedData } from './types';

type Data = Record<string, unknown>;

export const SEEDED_TYPES = {
  fieldsOfAction: 'api::field-of-action.field-of-action',
  municipalities: 'api::municipality.municipality',
  organisations: 'api::organisation.organisation',
  practiceExamples: 'api::practice-example.practice-example',
  offers: 'api::offer.offer',
  employerTips: 'api::employer-tip.employer-tip',
} as const satisfies Record<keyof SeedData, UID.ContentType>;

export type SeedReport = Record<keyof SeedData, { created: number; existing: number }>;

/** Plain paragraphs as Strapi rich-text blocks. */
export const toBlocks = (paragraphs: string[]) =>
  paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] }));

const compact = (data: Data): Data =>
  Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));

export const seed = async (
  strapi: Core.Strapi,
  data: SeedData = defaultData,
  { today = isoDateIn() }: { today?: string } = {}
): Promise<SeedReport> => {
  const day = (offset?: DayOffset) => (offset === undefined ? undefined : addDays(today, offset));
  const report = {} as SeedReport;
  const ids = {} as Record<keyof SeedData, Map<string, string>>;

  const ref = (collection: keyof SeedData, slug?: string) => {
    if (slug === undefined) return undefined;
    const documentId = ids[collection].get(slug);
    if (!documentId) throw new Error(`Seed data: unknown ${collection} slug "${slug}"`);
    return documentId;
  };
  const refs = (collection: keyof SeedData, slugs?: string[]) =>
    slugs?.map((slug) => ref(collection, slug) as string);

  const load = async <T extends { slug: string }>(
    collection: keyof SeedData,
    items: T[],
    build: (item: T) => Data
  ) => {
    const uid = SEEDED_TYPES[collection];
    const documents = strapi.documents(uid);
    const draftAndPublish = strapi.contentType(uid).options?.draftAndPublish === true;
    ids[collection] = new Map();
    report[collection] = { created: 0, existing: 0 };
    for (const item of items) {
      const existing = await documents.findFirst({ filters: { slug: item.slug } } as never);
      if (existing) {
        ids[collection].set(item.slug, existing.documentId);
        report[collection].existing += 1;
        continue;
      }
      const created = await documents.create({
        data: compact({ slug: item.slug, ...build(item) }),
        ...(draftAndPublish ? { status: 'published' } : {}),
      } as never);
      ids[collection].set(item.slug, created.documentId);
      report[collection].created += 1;
    }
  };

  await load('fieldsOfAction', data.fieldsOfAction, ({ name, description }) => ({
    name,
    description,
  }));
  await load('municipalities', data.municipalities, ({ slug: _slug, ...municipality }) => ({
    ...municipality,
  }));
  await load('organisations', data.organisations, ({ slug: _slug, municipality, ...rest }) => ({
    ...rest,
    municipality: ref('municipalities', municipality),
  }));
  await load(
    'practiceExamples',
    data.practiceExamples,
    ({ slug: _slug, municipality, fieldsOfAction, body, ...rest }) => ({
      ...rest,
      body: toBlocks(body),
      municipality: ref('municipalities', municipality),
      fieldsOfAction: refs('fieldsOfAction', fieldsOfAction),
    })
  );
  await load(
    'offers',
    data.offers,
    ({
      slug: _slug,
      description,
      organisation,
      municipality,
      fieldsOfAction,
      startDate,
      endDate,
      applicationDeadline,
      validUntil,
      ...rest
    }) => ({
      ...rest,
      description: toBlocks(description),
      organisation: ref('organisations', organisation),
      municipality: ref('municipalities', municipality),
      fieldsOfAction: refs('fieldsOfAction', fieldsOfAction),
      startDate: day(startDate),
      endDate: day(endDate),
      applicationDeadline: day(applicationDeadline),
      validUntil: day(validUntil),
    })
  );
  const dimensionIds = await checkDimensionIds(strapi);
  const dimensionRefs = (keys: string[]) =>
    keys.map((key) => dimensionIds.get(key)).filter((id): id is string => Boolean(id));
  await load(
    'employerTips',
    data.employerTips,
    ({ slug: _slug, body, practiceExamples, dimensions, ...rest }) => ({
      ...rest,
      body: toBlocks(body),
      practiceExamples: refs('practiceExamples', practiceExamples),
      checkDimensions: dimensionRefs(dimensions),
      checkBands: ['rot', 'gelb'],
    })
  );
  await linkTipsToDimensions(strapi, data, dimensionRefs);
  return report;
};

/** documentIds of the self-check dimensions by key (empty without the employer-check plugin). */
const checkDimensionIds = async (strapi: Core.Strapi): Promise<Map<string, string>> => {
  if (!strapi.plugin('employer-check')) return new Map();
  const dimensions = (await strapi.db
    .query('plugin::employer-check.dimension')
    .findMany({ select: ['key', 'documentId'] })) as { key: string; documentId: string }[];
  return new Map(dimensions.map((dimension) => [dimension.key, dimension.documentId]));
};

/** Tips seeded before the self-check existed get their dimensions once (both versions). */
const linkTipsToDimensions = async (
  strapi: Core.Strapi,
  data: SeedData,
  dimensionRefs: (keys: string[]) => string[]
) => {
  const tips = strapi.documents(SEEDED_TYPES.employerTips);
  for (const tip of data.employerTips) {
    const refs = dimensionRefs(tip.dimensions);
    if (refs.length === 0) continue;
    const existing = (await tips.findFirst({
      filters: { slug: tip.slug },
      populate: { checkDimensions: { fields: ['key'] } },
    } as never)) as unknown as { documentId: string; checkDimensions?: unknown[] } | null;
    if (!existing || (existing.checkDimensions ?? []).length > 0) continue;
    await tips.update({
      documentId: existing.documentId,
      data: { checkDimensions: refs, checkBands: ['rot', 'gelb'] },
    } as never);
    await tips.publish({ documentId: existing.documentId } as never);
  }
};

export const formatReport = (report: SeedReport): string =>
  Object.entries(report)
    .map(
      ([collection, { created, existing }]) =>
        `${collection}: ${created} created, ${existing} existing`
    )
    .join('; ');

/** Seeds the demo content on the first start of an empty database, except in production. */
export const seedIfEmpty = async (strapi: Core.Strapi): Promise<SeedReport | null> => {
  if (process.env.NODE_ENV === 'production') return null;
  if (process.env.SEED_DEMO_CONTENT === 'false') return null;
  for (const uid of Object.values(SEEDED_TYPES)) {
    if ((await strapi.db.query(uid).count()) > 0) return null;
  }
  const report = await seed(strapi);
  strapi.log.info(`Demo content seeded (${formatReport(report)})`);
  return report;
};
