/** Admin entry of the employer self-check plugin: menu link, Content Manager panel, translations. */
import { ChartBubble } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { QuestionnaireWarningPanel } from './components/QuestionnaireWarningPanel';
import { PLUGIN_ID } from './pluginId';
import { PERMISSIONS } from './permissions';

const translations: Record<string, () => Promise<{ default: Record<string, string> }>> = {
  de: () => import('./translations/de.json'),
  en: () => import('./translations/en.json'),
};

type PanelApi = { addEditViewSidePanel?: (panels: unknown[]) => void };

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: ChartBubble,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Arbeitgeber-Check' },
      permissions: PERMISSIONS.menu,
      Component: () => import('./pages/App'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  /** The warning about running checks in the Content Manager's edit view (Strapi 5 panel API). */
  bootstrap(app: Pick<StrapiApp, 'getPlugin'>) {
    const apis = app.getPlugin('content-manager')?.apis as PanelApi | undefined;
    if (typeof apis?.addEditViewSidePanel === 'function') {
      apis.addEditViewSidePanel([QuestionnaireWarningPanel]);
    }
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        const load = translations[locale];
        if (!load) return { data: {}, locale };
        const { default: data } = await load();
        return {
          locale,
          data: Object.fromEntries(
            Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value])
          ),
        };
      })
    );
  },
};
