/** Admin permission actions as the admin's RBAC hooks expect them. */
const action = (name: string) => [{ action: `plugin::employer-check.${name}`, subject: null }];

export const PERMISSIONS = {
  menu: action('statistics.read'),
  readStatistics: action('statistics.read'),
  exportStatistics: action('statistics.export'),
};
