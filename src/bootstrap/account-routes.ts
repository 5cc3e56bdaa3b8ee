import type { Core } from '@strapi/strapi';

/**
 * The app has no end-user accounts: readers use the public API without logging in, editors use
 * the admin. Users & Permissions nevertheless opens its account routes to the Public role on a
 * new database: registration (anyone could create accounts, rows in `up_users`), login, password
 * reset (a known address answered 500 without a mail provider), e-mail confirmation, OAuth.
 * Found by the hostile-input suite (tests/faults/scenarios/hostile.js).
 */
export const PUBLIC_ACCOUNT_ACTIONS = [
  'callback',
  'connect',
  'register',
  'forgotPassword',
  'resetPassword',
  'emailConfirmation',
  'sendEmailConfirmation',
  'refresh',
].map((action) => `plugin::users-permissions.auth.${action}`);

const MARKER = { type: 'core', name: 'bildungsbuero', key: 'public-account-routes-closed' };

/**
 * Once per database: takes these actions from the Public role and switches registration off
 * (Settings → Users & Permissions → Advanced settings). An administrator who opens them again
 * later keeps that choice. Returns the actions it removed (none after the first run).
 */
export const closePublicAccountRoutes = async (strapi: Core.Strapi): Promise<string[]> => {
  if (await strapi.store.get(MARKER)) return [];
  const role = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } });
  if (!role) throw new Error('users-permissions Public role not found');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const granted = (await permissions.findMany({
    where: { role: role.id, action: { $in: PUBLIC_ACCOUNT_ACTIONS } },
    select: ['id', 'action'],
  })) as { id: number; action: string }[];
  if (granted.length) {
    await permissions.deleteMany({ where: { id: { $in: granted.map((row) => row.id) } } });
  }
  const advanced = { type: 'plugin', name: 'users-permissions', key: 'advanced' };
  const settings = ((await strapi.store.get(advanced)) ?? {}) as Record<string, unknown>;
  await strapi.store.set({ ...advanced, value: { ...settings, allow_register: false } });
  await strapi.store.set({ ...MARKER, value: { closedAt: new Date().toISOString() } });
  return granted.map((row) => row.action).sort();
};
