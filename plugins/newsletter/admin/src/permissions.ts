/** Admin permission actions as the admin's RBAC hooks expect them. */
const action = (name: string) => [{ action: `plugin::newsletter.${name}`, subject: null }];

export const PERMISSIONS = {
  menu: [...action('issues.read'), ...action('subscribers.read')],
  readIssues: action('issues.read'),
  editIssues: action('issues.edit'),
  testIssues: action('issues.test'),
  sendIssues: action('issues.send'),
  readSubscribers: action('subscribers.read'),
  importSubscribers: action('subscribers.import'),
  exportSubscribers: action('subscribers.export'),
  gdpr: action('subscribers.gdpr'),
};
