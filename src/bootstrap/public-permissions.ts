import type { Core } from '@strapi/strapi';

/** Content the Public role may read (find + findOne of published documents). */
export const PUBLIC_READABLE = [
  'api::offer.offer',
  'api::practice-example.practice-example',
  'api::employer-tip.employer-tip',
  'api::municipality.municipality',
  'api::field-of-action.field-of-action',
  'api::organisation.organisation',
] as const;

export const publicReadActions = (): string[] =>
  PUBLIC_READABLE.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]);

/**
 * Grants actions to the users-permissions Public role. Idempotent: only missing permissions are
 * created, so it runs on every start and never duplicates rows or revokes what an admin added.
 */
export const grantPublicPermissions = async (
  strapi: Core.Strapi,
  actions: string[]
): Promise<string[]> => {
  const role = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } });
  if (!role) throw new Error('users-permissions Public role not found');

  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const existing = await permissions.findMany({
    where: { role: role.id, action: { $in: actions } },
    select: ['action'],
  });
  const have = new Set(existing.map((permission: { action: string }) => permission.action));
  const missing = actions.filter((action) => !have.has(action));
  for (const action of missing) {
    await permissions.create({ data: { action, role: role.id } });
  }
  return missing;
};
