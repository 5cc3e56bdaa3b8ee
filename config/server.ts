import type { Core } from '@strapi/strapi';
import { ensureSecrets } from './lib/secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => {
  ensureSecrets();
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    app: {
      keys: env.array('APP_KEYS')!,
    },
    webhooks: {
      populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
    },
  };
};

export default config;
