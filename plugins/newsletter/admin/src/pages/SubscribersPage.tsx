/**
 * Subscribers: counts by status and topic, search by address, CSV import (with its report) and
 * export, and the GDPR rights of one subscriber (data export, erasure).
 */
import * as React from 'react';
import {
  Box,
  Button,
  Flex,
  Grid,
  IconButton,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  Dialog,
  EmptyStateLayout,
  SearchForm,
  Searchbar,
} from '@strapi/design-system';
import { Download, Trash, WarningCircle } from '@strapi/icons';
import {
  Layouts,
  Page,
  Pagination,
  useFetchClient,
  useNotification,
  useQueryParams,
} from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useMutation, useQuery, useQueryClient } from 'react-query';
import { ImportDialog } from '../components/ImportDialog';
import { ReactivateButton } from '../components/ReactivateButton';
import { SubscriberStatusBadge } from '../components/StatusBadge';
import { usePermissionsContext, useSettings } from '../hooks/context';
import {
  apiProblem,
  downloadBlob,
  query,
  SUBSCRIBER_STATUSES,
  type Pagination as PaginationMeta,
  type SubscriberRow,
  type SubscriberStats,
} from '../utils/api';
import { formatInZone } from '../utils/time';
import { useT } from '../utils/translate';

const today = () => new Date().toISOString().slice(0, 10);

const Stat = ({ label, value }: { label: string; value: number }) => (
  <Box
    background="neutral0"
    hasRadius
    shadow="filterShadow"
    padding={4}
    height="100%"
    tag="div"
    role="group"
    aria-label={`${label}: ${value}`}
  >
    <Flex direction="column" alignItems="start" gap={1}>
      <Typography variant="pi" textColor="neutral600">
        {label}
      </Typography>
      <Typography variant="alpha" tag="p">
        {value.toLocaleString('de-DE')}
      </Typography>
    </Flex>
  </Box>
);

/** Search by address: always visible, searches as you type (debounced) and on Enter. */
const EmailSearch = ({ value, onSearch }: { value: string; onSearch: (value: string) => void }) => {
  const t = useT();
  const [text, setText] = React.useState(value);
  React.useEffect(() => setText(value), [value]);
  React.useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onSearch(text.trim()), 400);
    return () => clearTimeout(timer);
    // onSearch is a new function on every render of the page: only the text matters here.
  }, [text, value]);
  return (
    <Box minWidth="32rem">
      <SearchForm
        onSubmit={(event: React.FormEvent) => {
          event.preventDefault();
          onSearch(text.trim());
        }}
      >
        <Searchbar
          name="q"
          type="search"
          value={text}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => setText(event.target.value)}
          onClear={() => {
            setText('');
            onSearch('');
          }}
          clearLabel={t('subscribers.clearSearch')}
          placeholder={t('subscribers.searchPlaceholder')}
        >
          {t('subscribers.search')}
        </Searchbar>
      </SearchForm>
    </Box>
  );
};

const EraseButton = ({
  subscriber,
  onErased,
}: {
  subscriber: SubscriberRow;
  onErased: () => void;
}) => {
  const t = useT();
  const { del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [open, setOpen] = React.useState(false);
  const erase = useMutation(async () => del(`/newsletter/subscribers/${subscriber.documentId}`), {
    onSuccess: () => {
      toggleNotification({
        type: 'success',
        message: t('subscribers.erased', { email: subscriber.email }),
      });
      onErased();
    },
    onError: (error) =>
      toggleNotification({
        type: 'danger',
        message: apiProblem(error, t('subscribers.eraseFailed')).message,
      }),
  });
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger>
        <IconButton
          label={t('subscribers.erase', { email: subscriber.email })}
          variant="ghost"
          disabled={erase.isLoading}
        >
          <Trash />
        </IconButton>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{t('subscribers.eraseTitle')}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill="danger600" />}>
          <Typography textAlign="center">
            {t('subscribers.eraseText', { email: subscriber.email })}
          </Typography>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              {t('common.back')}
            </Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button fullWidth variant="danger-light" onClick={() => erase.mutate()}>
              {t('subscribers.eraseConfirm')}
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};

export const SubscribersPage = () => {
  const t = useT();
  const { locale } = useIntl();
  const { get } = useFetchClient();
  const queryClient = useQueryClient();
  const { toggleNotification } = useNotification();
  const permissions = usePermissionsContext();
  const { timezone } = useSettings();
  const [{ query: params }, setParams] = useQueryParams<{
    page?: string;
    pageSize?: string;
    _q?: string;
    status?: string;
  }>();
  const page = Number(params.page) || 1;
  const pageSize = Number(params.pageSize) || 20;
  const q = params._q ?? '';
  const status = params.status ?? '';

  const stats = useQuery(
    ['newsletter', 'subscriber-stats'],
    async () => (await get<{ data: SubscriberStats }>('/newsletter/subscribers/stats')).data.data,
    { enabled: permissions.readSubscribers }
  );
  const list = useQuery(
    ['newsletter', 'subscribers', q, status, page, pageSize],
    async () =>
      (
        await get<{ data: SubscriberRow[]; meta: { pagination: PaginationMeta } }>(
          `/newsletter/subscribers${query({ q, status, page, pageSize })}`
        )
      ).data,
    { enabled: permissions.readSubscribers, keepPreviousData: true }
  );
  const refresh = () => {
    void queryClient.invalidateQueries(['newsletter', 'subscriber-stats']);
    void queryClient.invalidateQueries(['newsletter', 'subscribers']);
  };

  const exportCsv = useMutation(
    async () =>
      (await get('/newsletter/subscribers/export', { responseType: 'blob' })).data as Blob,
    {
      onSuccess: (blob) => downloadBlob(blob, `newsletter-abonnenten-${today()}.csv`),
      onError: (error) =>
        toggleNotification({
          type: 'danger',
          message: apiProblem(error, t('subscribers.exportFailed')).message,
        }),
    }
  );
  const exportData = useMutation(
    async (subscriber: SubscriberRow) => {
      const { data } = await get<{ data: unknown }>(
        `/newsletter/subscribers/${subscriber.documentId}/data`
      );
      return { subscriber, data: data.data };
    },
    {
      onSuccess: ({ subscriber, data }) =>
        downloadBlob(
          new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
          `abonnent-${subscriber.email.replace(/[^a-z0-9@._-]/gi, '_')}-${today()}.json`
        ),
      onError: (error) =>
        toggleNotification({
          type: 'danger',
          message: apiProblem(error, t('subscribers.dataFailed')).message,
        }),
    }
  );

  const topicLabel = (key: string) =>
    stats.data?.byTopic.find((topic) => topic.key === key)?.label ?? key;

  if (permissions.readSubscribers && (stats.isLoading || list.isLoading)) return <Page.Loading />;
  if (list.isError) {
    const problem = apiProblem(list.error, t('subscribers.loadFailed'));
    return <Page.Error content={problem.message} />;
  }
  const rows = list.data?.data ?? [];
  const pagination = list.data?.meta.pagination;

  return (
    <Page.Main>
      <Page.Title>{t('subscribers.pageTitle')}</Page.Title>
      <Layouts.Header
        title={t('subscribers.title')}
        subtitle={
          stats.data ? t('subscribers.subtitle', { active: stats.data.byStatus.active }) : undefined
        }
        primaryAction={
          <Flex gap={2}>
            {permissions.exportSubscribers ? (
              <Button
                variant="secondary"
                startIcon={<Download />}
                loading={exportCsv.isLoading}
                onClick={() => exportCsv.mutate()}
              >
                {t('subscribers.export')}
              </Button>
            ) : null}
            {permissions.importSubscribers ? <ImportDialog onImported={refresh} /> : null}
          </Flex>
        }
      />
      <Layouts.Content>
        {!permissions.readSubscribers ? (
          <Typography>{t('subscribers.noRead')}</Typography>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={6}>
            {stats.data ? (
              <Flex direction="column" alignItems="stretch" gap={3}>
                <Typography variant="delta" tag="h2">
                  {t('subscribers.byStatus')}
                </Typography>
                <Grid.Root gap={4}>
                  <Grid.Item col={2} s={4} xs={6} direction="column" alignItems="stretch">
                    <Stat label={t('subscribers.total')} value={stats.data.total} />
                  </Grid.Item>
                  {SUBSCRIBER_STATUSES.map((key) => (
                    <Grid.Item
                      key={key}
                      col={2}
                      s={4}
                      xs={6}
                      direction="column"
                      alignItems="stretch"
                    >
                      <Stat
                        label={t(`subscriberStatus.${key}`)}
                        value={stats.data.byStatus[key] ?? 0}
                      />
                    </Grid.Item>
                  ))}
                </Grid.Root>
                <Typography variant="delta" tag="h2">
                  {t('subscribers.byTopic')}
                </Typography>
                <Grid.Root gap={4}>
                  {stats.data.byTopic.map((topic) => (
                    <Grid.Item
                      key={topic.key}
                      col={3}
                      s={6}
                      xs={12}
                      direction="column"
                      alignItems="stretch"
                    >
                      <Stat label={topic.label} value={topic.active} />
                    </Grid.Item>
                  ))}
                </Grid.Root>
              </Flex>
            ) : null}

            <Flex direction="column" alignItems="stretch" gap={4}>
              <Typography variant="delta" tag="h2">
                {t('subscribers.list')}
              </Typography>
              <Flex gap={4} wrap="wrap" alignItems="end">
                <EmailSearch
                  value={q}
                  onSearch={(value) =>
                    setParams({ _q: value ? encodeURIComponent(value) : undefined, page: '1' })
                  }
                />
                <Box minWidth="20rem">
                  <SingleSelect
                    aria-label={t('subscribers.statusFilter')}
                    placeholder={t('subscribers.allStatuses')}
                    value={status}
                    onClear={() => setParams({ status: undefined, page: '1' })}
                    clearLabel={t('subscribers.allStatuses')}
                    onChange={(value) => setParams({ status: String(value), page: '1' })}
                  >
                    {SUBSCRIBER_STATUSES.map((key) => (
                      <SingleSelectOption key={key} value={key}>
                        {t(`subscriberStatus.${key}`)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Box>
              </Flex>
              {rows.length === 0 ? (
                <EmptyStateLayout
                  content={q || status ? t('subscribers.noMatch') : t('subscribers.empty')}
                />
              ) : (
                <Table colCount={7} rowCount={rows.length + 1}>
                  <Thead>
                    <Tr>
                      <Th>
                        <Typography variant="sigma">{t('subscribers.column.email')}</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">{t('subscribers.column.name')}</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">{t('subscribers.column.topics')}</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">{t('subscribers.column.status')}</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">{t('subscribers.column.source')}</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">{t('subscribers.column.created')}</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">{t('subscribers.column.actions')}</Typography>
                      </Th>
                    </Tr>
                  </Thead>
                  <Tbody>
                    {rows.map((subscriber) => (
                      <Tr key={subscriber.documentId}>
                        <Td>
                          <Typography fontWeight="bold">{subscriber.email}</Typography>
                        </Td>
                        <Td>
                          <Typography>
                            {[subscriber.name, subscriber.organisation].filter(Boolean).join(', ')}
                          </Typography>
                        </Td>
                        <Td>
                          <Typography>
                            {(subscriber.topics ?? []).map(topicLabel).join(', ')}
                          </Typography>
                        </Td>
                        <Td>
                          <SubscriberStatusBadge status={subscriber.status} />
                        </Td>
                        <Td>
                          <Typography>
                            {subscriber.source
                              ? t(`source.${subscriber.source as 'form' | 'import' | 'admin'}`)
                              : ''}
                          </Typography>
                        </Td>
                        <Td>
                          <Typography>
                            {formatInZone(subscriber.createdAt, timezone, locale)}
                          </Typography>
                        </Td>
                        <Td>
                          <Flex gap={1}>
                            {permissions.manageSubscribers && subscriber.status === 'bounced' ? (
                              <ReactivateButton subscriber={subscriber} onDone={refresh} />
                            ) : null}
                            {permissions.gdpr ? (
                              <>
                                <IconButton
                                  label={t('subscribers.data', { email: subscriber.email })}
                                  variant="ghost"
                                  onClick={() => exportData.mutate(subscriber)}
                                >
                                  <Download />
                                </IconButton>
                                <EraseButton subscriber={subscriber} onErased={refresh} />
                              </>
                            ) : null}
                          </Flex>
                        </Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              )}
              {pagination && pagination.total > 0 ? (
                <Pagination.Root {...pagination} defaultPageSize={pageSize}>
                  <Pagination.PageSize />
                  <Pagination.Links />
                </Pagination.Root>
              ) : null}
            </Flex>
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
