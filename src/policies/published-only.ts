/**
 * Drafts are never public. Strapi 5 lets any client with `find` ask for `?status=draft`; this
 * policy allows that only to API tokens (e.g. an editor's preview front end).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

// The API-token strategy's name (Strapi 5.54 calls it `content-api-token`; earlier `api-token`).
const TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

const publishedOnly: Core.PolicyHandler = (policyContext) => {
  const ctx = policyContext as unknown as {
    request?: { query?: { status?: unknown } };
    state?: { auth?: { strategy?: { name?: string } } };
  };
  const status = ctx.request?.query?.status;
  if (status === undefined || status === 'published') return true;
  if (TOKEN_STRATEGIES.has(ctx.state?.auth?.strategy?.name ?? '')) return true;
  throw new errors.ForbiddenError('Drafts are only readable with an API token');
};

export default publishedOnly;
