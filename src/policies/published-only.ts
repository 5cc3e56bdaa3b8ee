/**
 * Drafts are never public. Strapi 5 lets any client with `find` ask for `?status=draft`; this
 * policy allows that only to API tokens (e.g. an editor's preview front end).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const publishedOnly: Core.PolicyHandler = (policyContext) => {
  const ctx = policyContext as unknown as {
    query?: { status?: unknown };
    state?: { auth?: { strategy?: { name?: string } } };
  };
  const status = ctx.query?.status;
  if (status === undefined || status === 'published') return true;
  if (ctx.state?.auth?.strategy?.name === 'api-token') return true;
  throw new errors.ForbiddenError('Drafts are only readable with an API token');
};

export default publishedOnly;
