import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { NewsletterConfig } from './config';
import { holdImportBody } from './controllers/import-body';

const SUBSCRIBER = 'plugin::newsletter.subscriber';

/**
 * However a subscriber is written (public routes, import, an editor in the admin): the address
 * is stored trimmed and lower-case, and topics are a non-empty list of configured keys.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Before Strapi's middleware chain (mounted in bootstrap): the import reads its own body.
  strapi.server.use(holdImportBody());
  strapi.documents.use(async (context, next) => {
    if (
      context.uid !== SUBSCRIBER ||
      (context.action !== 'create' && context.action !== 'update')
    ) {
      return next();
    }
    const data = (context.params as { data?: Record<string, unknown> }).data;
    if (data) {
      if (typeof data.email === 'string') data.email = data.email.trim().toLowerCase();
      if (data.topics !== undefined || context.action === 'create') {
        const keys = (strapi.config.get('plugin::newsletter') as NewsletterConfig).topics.map(
          (topic) => topic.key
        );
        const topics = data.topics;
        if (
          !Array.isArray(topics) ||
          topics.length === 0 ||
          topics.some((topic) => typeof topic !== 'string' || !keys.includes(topic))
        ) {
          const message = `topics must be a non-empty list of: ${keys.join(', ')}`;
          throw new errors.ValidationError(message, {
            errors: [{ path: ['topics'], message, name: 'ValidationError' }],
          });
        }
      }
    }
    return next();
  });
};
