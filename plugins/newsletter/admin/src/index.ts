/** Admin entry of the newsletter plugin: menu link, permissions, translations. */
import { Mail } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PLUGIN_ID } from './pluginId';
import { PERMISSIONS } from './permissions';

const translations: Record<string, () => Promise<{ default: Record<string, string> }>> = {
  de: () => import('./translations/de.json'),
  en: () => import('./translations/en.json'),
};

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Mail,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Newsletter' },
      permissions: PERMISSIONS.menu,
      Component: () => import('./pages/App'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
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
