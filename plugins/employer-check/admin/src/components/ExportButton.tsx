/** CSV export of the filtered rows, downloaded through the admin's fetch client (JWT header). */
import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';
import { filterParams, type StatisticsFilter } from '../utils/api';
import { getTranslation } from '../utils/getTranslation';

const fileName = (disposition: string | null | undefined) =>
  /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? 'selbstcheck-statistik.csv';

export const ExportButton = ({ filter }: { filter: StatisticsFilter }) => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = React.useState(false);

  const download = async () => {
    setBusy(true);
    try {
      const response = await get(`/${PLUGIN_ID}/statistics/export`, {
        params: filterParams(filter),
        responseType: 'blob',
      });
      const url = URL.createObjectURL(response.data);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName(response.headers?.get('Content-Disposition'));
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      toggleNotification({
        type: 'danger',
        message: formatMessage({
          id: getTranslation('export.error'),
          defaultMessage: 'The export failed. Please try again.',
        }),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button startIcon={<Download />} loading={busy} onClick={download}>
      {formatMessage({ id: getTranslation('export.button'), defaultMessage: 'Export CSV' })}
    </Button>
  );
};
