/**
 * Demo activity for development: what the editors' pages look like after some months of use.
 * Newsletter subscribers in every status with consent proof, one sent issue with its report data
 * (deliveries, bounces, a complaint, unsubscribes, clicks), one scheduled issue, and 72 completed
 * self-checks spread over sectors, sizes, municipalities and the last 12 months (some groups
 * below k on purpose). All names and addresses are made up; addresses are in a reserved
 * `.example` domain.
 *
 * `npm run demo` adds it (idempotent: what exists is left as it is), `npm run demo:remove`
 * deletes exactly it (markers.ts says how demo rows are recognised). It runs by itself on the
 * first start of an empty database in development, after the demo content (src/seed), unless
 * SEED_DEMO_ACTIVITY=false or SEED_DEMO_CONTENT=false. It never runs with NODE_ENV=production.
 */
import type { Core } from '@strapi/strapi';
import { removeChecksDemo, seedChecksDemo } from './checks';
import {
  removeNewsletterDemo,
  seedNewsletterDemo,
  type NewsletterDemoReport,
  type NewsletterRemoval,
} from './newsletter';

export interface DemoActivityReport extends NewsletterDemoReport {
  checks: { created: number; existing: number };
}

export interface DemoActivityRemoval extends NewsletterRemoval {
  checks: number;
}

export const PRODUCTION_REFUSAL =
  'The demo activity is for development only: refused because NODE_ENV=production.';

const refuseInProduction = () => {
  if (process.env.NODE_ENV === 'production') throw new Error(PRODUCTION_REFUSAL);
};

/** Adds the demo activity that is missing. Throws with NODE_ENV=production. */
export const seedDemoActivity = async (
  strapi: Core.Strapi,
  { now = new Date() }: { now?: Date } = {}
): Promise<DemoActivityReport> => {
  refuseInProduction();
  const checks = await seedChecksDemo(strapi, now);
  const newsletter = strapi.plugin('newsletter')
    ? await seedNewsletterDemo(strapi, { now, checkKeys: checks.keys.slice(0, 2) })
    : { subscribers: { created: 0, existing: 0 }, issues: { created: 0, existing: 0 } };
  return { ...newsletter, checks: { created: checks.created, existing: checks.existing } };
};

/** Deletes the demo activity and every row that belongs to it; nothing else. */
export const removeDemoActivity = async (strapi: Core.Strapi): Promise<DemoActivityRemoval> => {
  // first the checks: the app's onDeleted removes newsletter links to them (of anyone)
  const checks = await removeChecksDemo(strapi);
  const newsletter = strapi.plugin('newsletter')
    ? await removeNewsletterDemo(strapi)
    : ({} as NewsletterRemoval);
  return { ...newsletter, checks };
};

export const formatDemoReport = (report: DemoActivityReport): string =>
  (['subscribers', 'issues', 'checks'] as const)
    .map((part) => `${part}: ${report[part].created} created, ${report[part].existing} existing`)
    .join('; ');

export const formatDemoRemoval = (removal: DemoActivityRemoval): string =>
  Object.entries(removal)
    .map(([part, count]) => `${part}: ${count}`)
    .join(', ');

/**
 * Called on start right after the demo content was seeded into an empty database: adds the
 * demo activity in development (NODE_ENV unset or `development`, as `strapi develop` runs),
 * never in tests or production, and not with SEED_DEMO_ACTIVITY=false. A failure is logged; the
 * start goes on.
 */
export const seedDemoActivityOnFirstStart = async (strapi: Core.Strapi) => {
  if ((process.env.NODE_ENV ?? 'development') !== 'development') return null;
  if (process.env.SEED_DEMO_ACTIVITY === 'false') return null;
  try {
    const report = await seedDemoActivity(strapi);
    strapi.log.info(
      `Demo activity seeded (${formatDemoReport(report)}); remove it with npm run demo:remove`
    );
    return report;
  } catch (error) {
    strapi.log.error(
      `Demo activity not seeded: ${error instanceof Error ? error.message : String(error)}`
    );
    return null;
  }
};
