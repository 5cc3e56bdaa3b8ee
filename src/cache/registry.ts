/**
 * One content clock per Strapi instance (`content-versions.ts`), created with the read cache's
 * middleware when Strapi starts and stopped with the app (`src/index.ts` destroy closes its PostgreSQL
 * listener).
 */
import type { Core } from '@strapi/strapi';
import { createContentVersions, type ContentVersions } from './content-versions';

const clocks = new WeakMap<Core.Strapi, ContentVersions>();

export const contentVersionsOf = (strapi: Core.Strapi, models: readonly string[]) => {
  let versions = clocks.get(strapi);
  if (!versions) {
    versions = createContentVersions(strapi, { models });
    clocks.set(strapi, versions);
  }
  return versions;
};

export const stopReadCache = async (strapi: Core.Strapi) => {
  const versions = clocks.get(strapi);
  clocks.delete(strapi);
  await versions?.stop();
};
