/** Admin permission actions of the plugin (ids: `plugin::newsletter.<uid>`). */
export const ACTIONS = {
  import: 'subscribers.import',
  export: 'subscribers.export',
  gdpr: 'subscribers.gdpr',
} as const;

export const ACTION_DEFINITIONS = [
  { uid: ACTIONS.import, displayName: 'Abonnenten importieren (CSV)' },
  { uid: ACTIONS.export, displayName: 'Abonnenten exportieren (CSV)' },
  { uid: ACTIONS.gdpr, displayName: 'DSGVO: Auskunft und Löschung einzelner Abonnenten' },
].map((action) => ({ ...action, section: 'plugins', pluginName: 'newsletter' }));
