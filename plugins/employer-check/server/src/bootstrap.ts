import type { Core } from '@strapi/strapi';
import type { EmployerCheckConfig } from './config';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(
    [
      { uid: 'statistics.read', displayName: 'Statistik des Selbstchecks ansehen' },
      { uid: 'statistics.export', displayName: 'Statistik des Selbstchecks exportieren (CSV)' },
      { uid: 'questionnaire.read', displayName: 'Fragebogen des Selbstchecks: Stand ansehen' },
      {
        uid: 'questionnaire.create-version',
        displayName: 'Fragebogen des Selbstchecks: neue Version anlegen',
      },
    ].map((action) => ({ ...action, section: 'plugins', pluginName: 'employer-check' }))
  );
  const plugin = strapi.plugin('employer-check');
  if (
    (strapi.config.get('plugin::employer-check') as EmployerCheckConfig).seedDefaultQuestionnaire
  ) {
    await plugin.service('seed').ensureDefaultQuestionnaire();
    await plugin.service('seed').ensureDefaultSurvey();
  }
  plugin.service('retention').start();
  plugin.service('reminders').start();
};
