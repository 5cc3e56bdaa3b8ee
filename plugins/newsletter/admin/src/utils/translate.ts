/** Translations of the plugin's pages: `t('key')` looks up `newsletter.key` (English fallback). */
import * as React from 'react';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';
import en from '../translations/en.json';

export type MessageKey = keyof typeof en;
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export const useT = (): Translate => {
  const { formatMessage } = useIntl();
  return React.useCallback(
    (key, values) =>
      formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: en[key] }, values) as string,
    [formatMessage]
  );
};
