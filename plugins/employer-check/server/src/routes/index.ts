/**
 * Public routes: no login, the plugin's per-IP limiter (middlewares/rate-limit.ts): `max`
 * requests per minute per IP and route, read from the plugin config `rateLimit.max` at each
 * request (so a changed config applies without re-registering the routes).
 */
const limited = {
  auth: false as const,
  middlewares: ['plugin::employer-check.rate-limit'],
};

const guarded = (action: string) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [`plugin::employer-check.${action}`] } },
  ],
});

export default {
  'content-api': () => {
    return {
      type: 'content-api' as const,
      routes: [
        {
          method: 'GET',
          path: '/questionnaire',
          handler: 'check.questionnaire',
          config: limited,
        },
        { method: 'POST', path: '/submissions', handler: 'check.create', config: limited },
        { method: 'GET', path: '/submissions/:token', handler: 'check.findOne', config: limited },
        { method: 'PUT', path: '/submissions/:token', handler: 'check.update', config: limited },
        {
          method: 'DELETE',
          path: '/submissions/:token',
          handler: 'check.remove',
          config: limited,
        },
        {
          method: 'POST',
          path: '/submissions/:token/recheck',
          handler: 'check.recheck',
          config: limited,
        },
        {
          method: 'PUT',
          path: '/submissions/:token/plan',
          handler: 'check.updatePlan',
          config: limited,
        },
        {
          method: 'POST',
          path: '/submissions/:token/surveys',
          handler: 'survey.create',
          config: limited,
        },
        {
          method: 'POST',
          path: '/submissions/:token/reminders',
          handler: 'reminder.subscribe',
          config: limited,
        },
        {
          method: 'GET',
          path: '/reminders/confirm/:key',
          handler: 'reminder.confirmPage',
          config: limited,
        },
        {
          method: 'POST',
          path: '/reminders/confirm/:key',
          handler: 'reminder.confirm',
          config: limited,
        },
        {
          method: 'GET',
          path: '/reminders/unsubscribe/:key',
          handler: 'reminder.unsubscribePage',
          config: limited,
        },
        {
          method: 'POST',
          path: '/reminders/unsubscribe/:key',
          handler: 'reminder.unsubscribe',
          config: limited,
        },
        {
          method: 'GET',
          path: '/surveys/manage/:manageToken',
          handler: 'survey.manage',
          config: limited,
        },
        {
          method: 'POST',
          path: '/surveys/manage/:manageToken/close',
          handler: 'survey.close',
          config: limited,
        },
        {
          method: 'GET',
          path: '/surveys/:surveyId',
          handler: 'survey.questionnaire',
          config: limited,
        },
        {
          method: 'POST',
          path: '/surveys/:surveyId/responses',
          handler: 'survey.respond',
          config: limited,
        },
        {
          method: 'DELETE',
          path: '/companies/:companyToken',
          handler: 'check.removeCompany',
          config: limited,
        },
        {
          method: 'GET',
          path: '/submissions/:token/report.pdf',
          handler: 'check.report',
          config: limited,
        },
      ],
    };
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
