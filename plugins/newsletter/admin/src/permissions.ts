/** Admin permission actions as the admin's RBAC hooks expect them. */
const action = (name: string) => [{ action: `plugin::newsletter.${name}`, subject: null }];

export const PERMISSIONS = {
  // the menu entry shows for every action that has a page (GDPR needs the subscriber search)
  menu: [
    ...action('issues.read'),
    ...action('subscribers.read'),
    ...action('subscribers.import'),
    ...action('subscribers.export'),
  ],
  readIssues: action('issues.read'),
  editIssues: action('issues.edit'),
  testIssues: action('issues.test'),
  sendIssues: action('issues.send'),
  readSubscribers: action('subscribers.read'),
  importSubscribers: action('subscribers.import'),
  exportSubscribers: action('subscribers.export'),
  gdpr: action('subscribers.gdpr'),
  manageSubscribers: action('subscribers.manage'),
};
