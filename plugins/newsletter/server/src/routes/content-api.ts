/**
 * Public routes (mounted at /api/newsletter/...). Deliberately without users-permissions auth:
 * they are protected by signed tokens and a per-IP rate limit.
 */
const route = (method: string, path: string, handler: string) => ({
  method,
  path,
  handler: handler.includes('.') ? handler : `subscription.${handler}`,
  config: { auth: false as const, middlewares: ['plugin::newsletter.rate-limit'] },
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
    // the counting redirect of an issue's item links (HEAD answers the same, uncounted)
    route('GET', '/r/:token', 'clicks.redirect'),
    // the personalised section: asked for, looked at and removed by whoever holds a reference
    route('GET', '/links/consent', 'links.consent'),
    route('POST', '/links', 'links.request'),
    route('GET', '/links', 'links.status'),
    route('DELETE', '/links', 'links.remove'),
  ],
};
