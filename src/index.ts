import type { Core } from '@strapi/strapi';
import { closePublicAccountRoutes } from './bootstrap/account-routes';
import { multipartCleanup } from './bootstrap/multipart-cleanup';
import { grantPublicPermissions, publicReadActions } from './bootstrap/public-permissions';
import { guardDatabaseRejections } from './bootstrap/unhandled-rejections';
import { stopReadCache } from './cache/registry';
import { registerDocumentMiddlewares } from './document-middlewares';
import { seedIfEmpty } from './seed';
import { seedDemoActivityOnFirstStart } from './seed/demo';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerDocumentMiddlewares(strapi);
    // outermost: removes the temporary files of multipart requests, whatever the answer
    strapi.server.use(multipartCleanup());
    guardDatabaseRejections(strapi.log);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await grantPublicPermissions(strapi, publicReadActions());
    await closePublicAccountRoutes(strapi);
    await (await import('./bootstrap/offer-visibility')).ensureOfferVisibility(strapi);
    // development: the editors' pages with some activity too (npm run demo:remove takes it away)
    if (await seedIfEmpty(strapi)) await seedDemoActivityOnFirstStart(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    // the read cache's PostgreSQL listener (a connection outside the pool)
    await stopReadCache(strapi);
  },
};
