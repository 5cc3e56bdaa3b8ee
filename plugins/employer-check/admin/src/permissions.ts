/**
 * Admin permission actions as the admin's RBAC hooks expect them. Grouped so that one useAllowedActions
 * call never gets two actions with the same last part (`…statistics.read` and
 * `…questionnaire.read` would both be `canRead`).
 */
const action = (name: string) => ({ action: `plugin::employer-check.${name}`, subject: null });

export const PERMISSIONS = {
  /** the menu link shows when the user has any of these */
  menu: [action('statistics.read'), action('questionnaire.read')],
  /** canRead, canExport */
  statistics: [action('statistics.read'), action('statistics.export')],
  /** canRead, canCreateVersion */
  questionnaire: [action('questionnaire.read'), action('questionnaire.create-version')],
};
