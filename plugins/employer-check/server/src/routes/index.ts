import type { Core } from '@strapi/strapi';
import type { EmployerCheckConfig } from '../config';

/**
 * Public routes: no login, the plugin's per-IP limiter (middlewares/rate-limit.ts): `max`
 * requests per minute per IP and route (plugin config `rateLimit.max`).
 */
const rateLimited = (max: number) => ({
  auth: false as const,
  middlewares: [{ name: 'plugin::employer-check.rate-limit', config: { max } }],
});

const guarded = (action: string) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [`plugin::employer-check.${action}`] } },
  ],
});

export default {
  // A router factory: Strapi calls it with the loaded config when it registers the routes.
  'content-api': ({ strapi }: { strapi: Core.Strapi }) => {
    const config = strapi.config.get('plugin::employer-check') as EmployerCheckConfig;
    const limited = rateLimited(config.rateLimit.max);
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
