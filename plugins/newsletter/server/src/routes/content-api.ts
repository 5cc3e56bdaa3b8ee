/**
 * Public routes (mounted at /api/newsletter/...). Deliberately without users-permissions auth:
 * they are protected by signed tokens and a per-IP rate limit.
 */
const route = (method: string, path: string, handler: string, rateLimitFactor = 1) => ({
  method,
  path,
  handler: handler.includes('.') ? handler : `subscription.${handler}`,
  config: {
    auth: false as const,
    middlewares: [
      rateLimitFactor === 1
        ? 'plugin::newsletter.rate-limit'
        : { name: 'plugin::newsletter.rate-limit', config: { factor: rateLimitFactor } },
    ],
  },
});

export default {
  type: 'content-api' as const,
  routes: [
    route('POST', '/subscribe', 'subscribe'),
    route('GET', '/confirm', 'confirmPage'),
    route('POST', '/confirm', 'confirm'),
    route('GET', '/preferences', 'preferences'),
    route('PUT', '/preferences', 'updatePreferences'),
    // HTML forms can only POST: the preferences page saves through this one.
    route('POST', '/preferences', 'updatePreferences'),
    // the subscriber removes its links (preferences page form)
    route('POST', '/preferences/unlink', 'unlink'),
    route('GET', '/unsubscribe', 'unsubscribePage'),
    route('POST', '/unsubscribe', 'unsubscribe'),
    route('GET', '/issues/:id/web', 'webVersion'),
    // the counting redirect of an issue's item links (HEAD answers the same, uncounted); ten
    // times the limit: the readers of a school or an office often share one address
    route('GET', '/r/:token', 'clicks.redirect', 10),
    // the personalised section: asked for, looked at and removed by whoever holds a reference
    route('GET', '/links/consent', 'links.consent'),
    route('POST', '/links', 'links.request'),
    route('GET', '/links', 'links.status'),
    route('DELETE', '/links', 'links.remove'),
  ],
};
