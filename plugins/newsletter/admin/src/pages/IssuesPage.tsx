/** List of issues: status, schedule, counts, live progress; "Neue Ausgabe" creates one. */
import {
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  Link,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import {
  Layouts,
  Page,
  Pagination,
  useFetchClient,
  useNotification,
  useQueryParams,
} from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useMutation, useQuery } from 'react-query';
import { NavLink, useNavigate } from 'react-router-dom';
import { ProgressSummary } from '../components/ProgressSummary';
import { BASE } from '../components/SideNav';
import { IssueStatusBadge } from '../components/StatusBadge';
import { usePermissionsContext, useSettings } from '../hooks/context';
import {
  apiProblem,
  isLive,
  query,
  type Issue,
  type Pagination as PaginationMeta,
} from '../utils/api';
import { formatInZone } from '../utils/time';
import { useT } from '../utils/translate';

const When = ({ issue }: { issue: Issue }) => {
  const t = useT();
  const { locale } = useIntl();
  const { timezone } = useSettings();
  const [key, value] =
    issue.status === 'scheduled'
      ? (['issues.when.scheduled', issue.scheduledAt] as const)
      : issue.finishedAt
        ? (['issues.when.finished', issue.finishedAt] as const)
        : issue.startedAt
          ? (['issues.when.started', issue.startedAt] as const)
          : (['issues.when.created', issue.createdAt] as const);
  return (
    <Typography textColor="neutral800">
      {t(key, { time: formatInZone(value, timezone, locale) })}
    </Typography>
  );
};

export const IssuesPage = () => {
  const t = useT();
  const { get, post } = useFetchClient();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const { locale } = useIntl();
  const permissions = usePermissionsContext();
  const [{ query: params }] = useQueryParams<{ page?: string; pageSize?: string }>();
  const page = Number(params.page) || 1;
  const pageSize = Number(params.pageSize) || 10;

  const issues = useQuery(
    ['newsletter', 'issues', page, pageSize],
    async () =>
      (
        await get<{ data: Issue[]; meta: { pagination: PaginationMeta } }>(
          `/newsletter/issues${query({ page, pageSize })}`
        )
      ).data,
    {
      keepPreviousData: true,
      // Live progress while something is being sent or waits for its time.
      refetchInterval: (data) => (data?.data.some((issue) => isLive(issue.status)) ? 2000 : false),
    }
  );

  const create = useMutation(
    async () => {
      const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(
        new Date()
      );
      return (
        await post<{ data: Issue }>('/newsletter/issues', {
          subject: t('issues.defaultSubject', { month }),
        })
      ).data.data;
    },
    {
      onSuccess: (issue) => navigate(`${BASE}/issues/${issue.documentId}`),
      onError: (error) =>
        toggleNotification({
          type: 'danger',
          message: apiProblem(error, t('issues.createFailed')).message,
        }),
    }
  );

  const createButton = permissions.editIssues ? (
    <Button startIcon={<Plus />} onClick={() => create.mutate()} loading={create.isLoading}>
      {t('issues.create')}
    </Button>
  ) : null;

  if (issues.isLoading) return <Page.Loading />;
  if (issues.isError) return <Page.Error />;
  const list = issues.data?.data ?? [];
  const pagination = issues.data?.meta.pagination;

  return (
    <Page.Main>
      <Page.Title>{t('issues.pageTitle')}</Page.Title>
      <Layouts.Header
        title={t('issues.title')}
        subtitle={t('issues.subtitle', { count: pagination?.total ?? 0 })}
        primaryAction={createButton}
      />
      <Layouts.Content>
        {list.length === 0 ? (
          <EmptyStateLayout content={t('issues.empty')} action={createButton} />
        ) : (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Table colCount={7} rowCount={list.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">{t('issues.column.subject')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('issues.column.status')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('issues.column.when')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('issues.column.recipients')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('issues.column.sent')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('issues.column.failed')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('issues.column.skipped')}</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {list.map((issue) => (
                  <Tr key={issue.documentId} data-issue={issue.documentId}>
                    <Td>
                      <Link tag={NavLink} to={`${BASE}/issues/${issue.documentId}`}>
                        {issue.subject}
                      </Link>
                      {issue.digestKey ? (
                        <Typography variant="pi" textColor="neutral600" tag="div">
                          {t('issues.automatic')}
                        </Typography>
                      ) : null}
                    </Td>
                    <Td>
                      <Flex direction="column" alignItems="start" gap={2}>
                        <IssueStatusBadge status={issue.status} />
                        {(issue.status === 'sending' || issue.status === 'paused') &&
                        issue.recipients > 0 ? (
                          <Box minWidth="16rem">
                            <ProgressSummary counts={issue} compact />
                          </Box>
                        ) : null}
                      </Flex>
                    </Td>
                    <Td>
                      <When issue={issue} />
                    </Td>
                    <Td>
                      <Typography>{issue.recipients ?? 0}</Typography>
                    </Td>
                    <Td>
                      <Typography>{issue.sent ?? 0}</Typography>
                    </Td>
                    <Td>
                      <Typography textColor={issue.failed ? 'danger600' : undefined}>
                        {issue.failed ?? 0}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography>{issue.skipped ?? 0}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            {pagination && pagination.pageCount > 1 ? (
              <Pagination.Root {...pagination} defaultPageSize={pageSize}>
                <Pagination.PageSize />
                <Pagination.Links />
              </Pagination.Root>
            ) : null}
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
