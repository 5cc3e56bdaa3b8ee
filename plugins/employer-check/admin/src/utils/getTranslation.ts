import { PLUGIN_ID } from '../pluginId';

/** The full message id of one of this plugin's translation keys (translations/{de,en}.json). */
export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;
