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
      method: 'DELETE',
      path: '/subscribers/:id',
      handler: 'subscribers.erase',
      config: guarded(ACTIONS.gdpr),
    },
  ],
};
