import type { Core } from '@strapi/strapi';
import { grantPublicPermissions, publicReadActions } from './bootstrap/public-permissions';
import { guardDatabaseRejections } from './bootstrap/unhandled-rejections';
import { registerDocumentMiddlewares } from './document-middlewares';
import { seedIfEmpty } from './seed';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerDocumentMiddlewares(strapi);
    guardDatabaseRejections(strapi.log);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await grantPublicPermissions(strapi, publicReadActions());
    await seedIfEmpty(strapi);
  },
};
