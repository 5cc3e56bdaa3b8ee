/** Admin permission actions of the plugin (ids: `plugin::newsletter.<uid>`). */
export const ACTIONS = {
  readSubscribers: 'subscribers.read',
  import: 'subscribers.import',
  export: 'subscribers.export',
  gdpr: 'subscribers.gdpr',
  manageSubscribers: 'subscribers.manage',
  readIssues: 'issues.read',
  editIssues: 'issues.edit',
  testIssues: 'issues.test',
  sendIssues: 'issues.send',
} as const;

export const ACTION_DEFINITIONS = [
  { uid: ACTIONS.readSubscribers, displayName: 'Abonnenten ansehen' },
  { uid: ACTIONS.import, displayName: 'Abonnenten importieren (CSV)' },
  { uid: ACTIONS.export, displayName: 'Abonnenten exportieren (CSV)' },
  { uid: ACTIONS.gdpr, displayName: 'DSGVO: Auskunft und Löschung einzelner Abonnenten' },
  {
    uid: ACTIONS.manageSubscribers,
    displayName: 'Unzustellbare Adressen reaktivieren, Bounce-Postfach abrufen',
  },
  { uid: ACTIONS.readIssues, displayName: 'Ausgaben und Versandstand ansehen' },
  { uid: ACTIONS.editIssues, displayName: 'Ausgaben anlegen und bearbeiten' },
  { uid: ACTIONS.testIssues, displayName: 'Vorschau und Testversand' },
  { uid: ACTIONS.sendIssues, displayName: 'Versand planen, starten, anhalten und abbrechen' },
].map((action) => ({ ...action, section: 'plugins', pluginName: 'newsletter' }));
