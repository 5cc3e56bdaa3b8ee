const rateLimited = {
  auth: false as const,
  // Strapi's own per-IP limiter (users-permissions), per path; `plugin::users-permissions.ratelimit`
  // in the app's config can change it globally.
  middlewares: [
    { name: 'plugin::users-permissions.rateLimit', config: { interval: { min: 1 }, max: 60 } },
  ],
};

const guarded = (action: string) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [`plugin::employer-check.${action}`] } },
  ],
});

export default {
  'content-api': {
    type: 'content-api' as const,
    routes: [
      {
        method: 'GET',
        path: '/questionnaire',
        handler: 'check.questionnaire',
        config: rateLimited,
      },
      { method: 'POST', path: '/submissions', handler: 'check.create', config: rateLimited },
      { method: 'GET', path: '/submissions/:token', handler: 'check.findOne', config: rateLimited },
      { method: 'PUT', path: '/submissions/:token', handler: 'check.update', config: rateLimited },
      {
        method: 'DELETE',
        path: '/submissions/:token',
        handler: 'check.remove',
        config: rateLimited,
      },
      {
        method: 'GET',
        path: '/submissions/:token/report.pdf',
        handler: 'check.report',
        config: rateLimited,
      },
    ],
  },
  admin: {
    type: 'admin' as const,
    routes: [
      {
        method: 'GET',
        path: '/statistics',
        handler: 'statistics.summary',
        config: guarded('statistics.read'),
      },
      {
        method: 'GET',
        path: '/statistics/export',
        handler: 'statistics.export',
        config: guarded('statistics.export'),
      },
      {
        method: 'GET',
        path: '/questionnaire/status',
        handler: 'questionnaire.status',
        config: guarded('questionnaire.read'),
      },
      {
        method: 'GET',
        path: '/questionnaire/usage',
        handler: 'questionnaire.usage',
        config: guarded('questionnaire.read'),
      },
      {
        method: 'POST',
        path: '/questionnaire/versions',
        handler: 'questionnaire.createVersion',
        config: guarded('questionnaire.create-version'),
      },
    ],
  },
};
