/**
 * The self-check part of the demo activity. Each check is created through the plugin's
 * `submissions` service (profile checked, answers scored against the active questionnaire, as
 * for a company), then given its demo token (markers.ts) and its completion time in the last
 * 12 months. Removal goes through the same service, so the app hears of it (`onDeleted`: links
 * to the newsletter go too).
 */
import type { Core } from '@strapi/strapi';
import { demoAnswers, demoCheckProfiles, type DemoQuestion } from './checks-data';
import { DEMO_CHECK_COUNT, demoCheckTokens, tokenHash } from './markers';

export const SUBMISSION = 'plugin::employer-check.submission';
const MUNICIPALITY = 'api::municipality.municipality';

const submissions = (strapi: Core.Strapi) => strapi.plugin('employer-check').service('submissions');

/** The demo checks that exist: documentId per token hash. */
const existingChecks = async (strapi: Core.Strapi, hashes: string[]) =>
  new Map(
    (
      (await strapi.db.query(SUBMISSION).findMany({
        where: { tokenHash: { $in: hashes } },
        select: ['tokenHash', 'documentId'],
      })) as { tokenHash: string; documentId: string }[]
    ).map((row) => [row.tokenHash, row.documentId])
  );

export interface ChecksDemoReport {
  created: number;
  existing: number;
  /** documentIds of the demo checks by position (null where none exists) */
  keys: (string | null)[];
}

export const seedChecksDemo = async (strapi: Core.Strapi, now: Date): Promise<ChecksDemoReport> => {
  if (!strapi.plugin('employer-check')) return { created: 0, existing: 0, keys: [] };
  const questionnaire = (await submissions(strapi).activeQuestionnaire()) as {
    questions: DemoQuestion[];
  };
  const municipalities = (
    (await strapi.db.query(MUNICIPALITY).findMany({
      select: ['documentId'],
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    })) as { documentId: string }[]
  ).map((row) => row.documentId);
  const hashes = demoCheckTokens().map(tokenHash);
  const existing = await existingChecks(strapi, hashes);
  const report: ChecksDemoReport = { created: 0, existing: 0, keys: [] };

  for (const profile of demoCheckProfiles(now, municipalities, DEMO_CHECK_COUNT)) {
    const hash = hashes[profile.index];
    if (existing.has(hash)) {
      report.existing += 1;
      continue;
    }
    const created = (await submissions(strapi).create(
      {
        profile: {
          sector: profile.sector,
          sizeClass: profile.sizeClass,
          municipality: profile.municipality,
          trainsApprentices: profile.trainsApprentices,
        },
        answers: demoAnswers(profile, questionnaire.questions),
        complete: true,
        consentStatistics: profile.consentStatistics,
      },
      { honeypot: false }
    )) as { token: string };
    await strapi.db.query(SUBMISSION).update({
      where: { tokenHash: tokenHash(created.token) },
      data: {
        tokenHash: hash,
        completedAt: profile.completedAt,
        createdAt: new Date(profile.completedAt.getTime() - 14 * 60_000),
        updatedAt: profile.completedAt,
      },
    });
    report.created += 1;
  }
  const keys = await existingChecks(strapi, hashes);
  report.keys = hashes.map((hash) => keys.get(hash) ?? null);
  return report;
};

/** Deletes the demo checks through the plugin's service; returns how many there were. */
export const removeChecksDemo = async (strapi: Core.Strapi): Promise<number> => {
  if (!strapi.plugin('employer-check')) return 0;
  const tokens = demoCheckTokens();
  const existing = await existingChecks(strapi, tokens.map(tokenHash));
  let removed = 0;
  for (const token of tokens) {
    if (!existing.has(tokenHash(token))) continue;
    await submissions(strapi).remove(token);
    removed += 1;
  }
  return removed;
};
