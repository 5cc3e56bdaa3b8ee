/**
 * Route config of the public reads (find, findOne) of a content type: the query guard
 * (src/middlewares/query-guard.ts) on both, and `published-only` for draft & publish types.
 *
 * A fresh object per route: Strapi writes each route's permission scope into its config object,
 * so one object shared by find and findOne made findOne require the `find` permission.
 */
export const publicReadRoutes = (
  uid: string,
  { draftAndPublish }: { draftAndPublish: boolean }
) => {
  const route = () => ({
    ...(draftAndPublish ? { policies: ['global::published-only'] } : {}),
    middlewares: [{ name: 'global::query-guard', config: { uid } }],
  });
  return { find: route(), findOne: route() };
};
