/** Admin routes (mounted at /newsletter/...), each guarded by an admin permission. */
import { ACTIONS } from '../permissions';

const guarded = (action: string) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [`plugin::newsletter.${action}`] } },
  ],
});

export default {
  type: 'admin' as const,
  routes: [
    {
      method: 'GET',
      path: '/settings',
      handler: 'issues.settings',
      config: guarded(ACTIONS.readIssues),
    },
    {
      method: 'GET',
      path: '/subscribers/stats',
      handler: 'subscribers.stats',
      config: guarded(ACTIONS.readSubscribers),
    },
    {
      method: 'GET',
      path: '/subscribers',
      handler: 'subscribers.list',
      config: guarded(ACTIONS.readSubscribers),
    },
    {
      method: 'GET',
      path: '/subscribers/import/limits',
      handler: 'subscribers.importLimits',
      config: guarded(ACTIONS.import),
    },
    {
      // the body is read by the controller (see controllers/import-body.ts)
      method: 'POST',
      path: '/subscribers/import',
      handler: 'subscribers.import',
      config: guarded(ACTIONS.import),
    },
    {
      method: 'GET',
      path: '/subscribers/export',
      handler: 'subscribers.export',
      config: guarded(ACTIONS.export),
    },
    {
      method: 'GET',
      path: '/subscribers/:id/data',
      handler: 'subscribers.personalData',
      config: guarded(ACTIONS.gdpr),
    },
    {
      method: 'POST',
      path: '/subscribers/:id/reactivate',
      handler: 'subscribers.reactivate',
      config: guarded(ACTIONS.manageSubscribers),
    },
    {
      method: 'GET',
      path: '/bounces/status',
      handler: 'bounces.status',
      config: guarded(ACTIONS.readSubscribers),
    },
    {
      method: 'POST',
      path: '/bounces/poll',
      handler: 'bounces.poll',
      config: guarded(ACTIONS.manageSubscribers),
    },
    {
      method: 'DELETE',
      path: '/subscribers/:id',
      handler: 'subscribers.erase',
      config: guarded(ACTIONS.gdpr),
    },
    ...(
      [
        ['GET', '/issues', 'list', ACTIONS.readIssues],
        ['POST', '/issues', 'create', ACTIONS.editIssues],
        ['GET', '/issues/proposal', 'proposal', ACTIONS.editIssues],
        ['GET', '/issues/candidates', 'candidates', ACTIONS.editIssues],
        ['GET', '/issues/:id', 'findOne', ACTIONS.readIssues],
        ['PUT', '/issues/:id', 'update', ACTIONS.editIssues],
        ['GET', '/issues/:id/preview', 'preview', ACTIONS.testIssues],
        ['GET', '/issues/:id/personalisation', 'personalisation', ACTIONS.testIssues],
        ['POST', '/issues/:id/test', 'test', ACTIONS.testIssues],
        ['GET', '/issues/:id/progress', 'progress', ACTIONS.readIssues],
        ['GET', '/issues/:id/report', 'report', ACTIONS.readIssues],
        ['GET', '/issues/:id/report.csv', 'reportCsv', ACTIONS.readIssues],
        ['POST', '/issues/:id/schedule', 'schedule', ACTIONS.sendIssues],
        ['POST', '/issues/:id/unschedule', 'unschedule', ACTIONS.sendIssues],
        ['POST', '/issues/:id/send', 'send', ACTIONS.sendIssues],
        ['POST', '/issues/:id/pause', 'pause', ACTIONS.sendIssues],
        ['POST', '/issues/:id/resume', 'resume', ACTIONS.sendIssues],
        ['POST', '/issues/:id/cancel', 'cancel', ACTIONS.sendIssues],
      ] as const
    ).map(([method, path, action, permission]) => ({
      method,
      path,
      handler: `issues.${action}`,
      config: guarded(permission),
    })),
  ],
};
