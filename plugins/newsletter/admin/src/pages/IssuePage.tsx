/**
 * One issue: subject, preheader and items (editable as draft or scheduled), preview, test send
 * and sending. Progress is polled every 2 s while the issue is sending or scheduled.
 */
import * as React from 'react';
import { Box, Button, Field, Flex, Grid, Link, TextInput, Typography } from '@strapi/design-system';
import { ArrowClockwise, ArrowLeft, Check } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';
import { NavLink, useParams } from 'react-router-dom';
import { DismissibleAlert } from '../components/DismissibleAlert';
import { ItemsEditor, orderBySections } from '../components/ItemsEditor';
import { PreviewPanel } from '../components/PreviewPanel';
import { SendPanel } from '../components/SendPanel';
import { BASE } from '../components/SideNav';
import { IssueStatusBadge } from '../components/StatusBadge';
import { TestSendPanel } from '../components/TestSendPanel';
import { usePermissionsContext, useSettings } from '../hooks/context';
import {
  apiProblem,
  isEditable,
  isLive,
  type Issue,
  type ItemDetail,
  type Progress,
} from '../utils/api';
import { useT } from '../utils/translate';

interface IssueResponse {
  data: Issue;
  meta: { items: ItemDetail[] };
}

interface Form {
  subject: string;
  preheader: string;
  items: ItemDetail[];
}

const Card = ({
  title,
  children,
  action,
}: {
  title: string;
  children: React.ReactNode;
  action?: React.ReactNode;
}) => (
  <Box
    tag="section"
    aria-label={title}
    background="neutral0"
    hasRadius
    shadow="filterShadow"
    paddingTop={6}
    paddingBottom={6}
    paddingLeft={7}
    paddingRight={7}
  >
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex justifyContent="space-between" gap={2} wrap="wrap">
        <Typography variant="delta" tag="h2">
          {title}
        </Typography>
        {action}
      </Flex>
      {children}
    </Flex>
  </Box>
);

export const IssuePage = () => {
  const t = useT();
  const { id = '' } = useParams<{ id: string }>();
  const { get, put } = useFetchClient();
  const queryClient = useQueryClient();
  const { toggleNotification } = useNotification();
  const permissions = usePermissionsContext();
  const { sections } = useSettings();
  const key = ['newsletter', 'issue', id];

  const issue = useQuery(
    key,
    async () => (await get<IssueResponse>(`/newsletter/issues/${id}`)).data
  );
  const progress = useQuery(
    ['newsletter', 'progress', id],
    async () => (await get<{ data: Progress }>(`/newsletter/issues/${id}/progress`)).data.data,
    {
      enabled: issue.isSuccess,
      refetchInterval: (data) => (data && isLive(data.status) ? 2000 : false),
    }
  );

  // The status moved on by itself (the scheduled time came, the send finished): reload.
  const loadedStatus = issue.data?.data.status;
  const liveStatus = progress.data?.status;
  React.useEffect(() => {
    if (loadedStatus && liveStatus && loadedStatus !== liveStatus) {
      void queryClient.invalidateQueries(key);
      void queryClient.invalidateQueries(['newsletter', 'issues']);
    }
  }, [loadedStatus, liveStatus]);

  const [form, setForm] = React.useState<Form | null>(null);
  const [dirty, setDirty] = React.useState(false);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const version = issue.data?.data.updatedAt ?? '';
  React.useEffect(() => {
    if (!issue.data || dirty) return;
    setForm({
      subject: issue.data.data.subject,
      preheader: issue.data.data.preheader ?? '',
      items: issue.data.meta.items,
    });
  }, [version, issue.data]);

  const change = (patch: Partial<Form>) => {
    setForm((current) => (current ? { ...current, ...patch } : current));
    setDirty(true);
  };

  const save = useMutation(
    async (values: Form) =>
      (
        await put<IssueResponse>(`/newsletter/issues/${id}`, {
          subject: values.subject,
          preheader: values.preheader,
          items: orderBySections(
            values.items,
            sections.map((section) => section.topic)
          ).map(({ section, documentId }) => ({ section, documentId })),
        })
      ).data,
    {
      onSuccess: (response) => {
        queryClient.setQueryData(key, response);
        void queryClient.invalidateQueries(['newsletter', 'issues']);
        setErrors({});
        setDirty(false);
        toggleNotification({ type: 'success', message: t('issue.saved') });
      },
      onError: (error) => {
        const problem = apiProblem(error, t('issue.saveFailed'));
        setErrors(problem.fields);
        toggleNotification({ type: 'danger', message: problem.message });
      },
    }
  );

  const proposal = useMutation(
    async () =>
      (
        await get<{ data: (ItemDetail & { title: string | null })[] }>(
          '/newsletter/issues/proposal'
        )
      ).data.data,
    {
      onSuccess: (items) => {
        change({ items: items.map((item) => ({ ...item, current: true })) });
        toggleNotification({
          type: 'info',
          message: t('issue.proposalLoaded', { count: items.length }),
        });
      },
      onError: (error) =>
        toggleNotification({
          type: 'danger',
          message: apiProblem(error, t('issue.proposalFailed')).message,
        }),
    }
  );

  if (issue.isLoading || (issue.isSuccess && !form)) return <Page.Loading />;
  if (issue.isError || !issue.data || !form) {
    const problem = apiProblem(issue.error, t('issue.loadFailed'));
    return (
      <Page.Main>
        <Layouts.Header
          title={t('issue.notFound')}
          navigationAction={
            <Link tag={NavLink} to={`${BASE}/issues`} startIcon={<ArrowLeft />}>
              {t('issue.back')}
            </Link>
          }
        />
        <Layouts.Content>
          <Typography>{problem.message}</Typography>
        </Layouts.Content>
      </Page.Main>
    );
  }

  const current = issue.data.data;
  const status = progress.data?.status ?? current.status;
  const editable = permissions.editIssues && isEditable(status);

  const onChanged = (updated: Issue) => {
    queryClient.setQueryData<IssueResponse | undefined>(key, (old) =>
      old ? { ...old, data: updated } : old
    );
    void queryClient.invalidateQueries(['newsletter', 'progress', id]);
    void queryClient.invalidateQueries(['newsletter', 'issues']);
  };

  return (
    <Page.Main>
      <Page.Title>{t('issue.pageTitle', { subject: current.subject })}</Page.Title>
      <form
        id="newsletter-issue"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (editable) save.mutate(form);
        }}
      >
        <Layouts.Header
          title={current.subject}
          subtitle={
            <Flex gap={2}>
              <IssueStatusBadge status={status} />
              {dirty ? (
                <Typography variant="pi" textColor="warning600">
                  {t('issue.unsaved')}
                </Typography>
              ) : null}
            </Flex>
          }
          navigationAction={
            <Link tag={NavLink} to={`${BASE}/issues`} startIcon={<ArrowLeft />}>
              {t('issue.back')}
            </Link>
          }
          secondaryAction={
            !isEditable(status) ? (
              <Link tag={NavLink} to={`${BASE}/issues/${id}/report`}>
                {t('report.open')}
              </Link>
            ) : undefined
          }
          primaryAction={
            editable ? (
              <Button
                type="submit"
                startIcon={<Check />}
                disabled={!dirty}
                loading={save.isLoading}
              >
                {t('issue.save')}
              </Button>
            ) : null
          }
        />
      </form>
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {permissions.editIssues && !isEditable(status) ? (
            <DismissibleAlert
              variant="default"
              closeLabel={t('common.close')}
              title={t('issue.lockedTitle')}
            >
              {t('issue.locked')}
            </DismissibleAlert>
          ) : null}
          <Grid.Root gap={6}>
            <Grid.Item col={8} s={12} direction="column" alignItems="stretch" gap={6}>
              <Card title={t('issue.content')}>
                <Field.Root name="subject" error={errors.subject} required>
                  <Field.Label>{t('issue.subject')}</Field.Label>
                  <TextInput
                    form="newsletter-issue"
                    value={form.subject}
                    readOnly={!editable}
                    maxLength={200}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                      change({ subject: event.target.value })
                    }
                  />
                  <Field.Error />
                </Field.Root>
                <Field.Root
                  name="preheader"
                  error={errors.preheader}
                  hint={t('issue.preheaderHint')}
                >
                  <Field.Label>{t('issue.preheader')}</Field.Label>
                  <TextInput
                    form="newsletter-issue"
                    value={form.preheader}
                    readOnly={!editable}
                    maxLength={200}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                      change({ preheader: event.target.value })
                    }
                  />
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              </Card>
              <Card
                title={t('issue.items')}
                action={
                  editable ? (
                    <Button
                      variant="tertiary"
                      startIcon={<ArrowClockwise />}
                      loading={proposal.isLoading}
                      onClick={() => proposal.mutate()}
                    >
                      {t('issue.reloadProposal')}
                    </Button>
                  ) : null
                }
              >
                <Typography variant="pi" textColor="neutral600">
                  {t('issue.itemsHint')}
                </Typography>
                <ItemsEditor
                  items={form.items}
                  editable={editable}
                  error={errors.items}
                  onChange={(items) => change({ items })}
                />
              </Card>
            </Grid.Item>
            <Grid.Item col={4} s={12} direction="column" alignItems="stretch" gap={6}>
              <Card title={t('issue.sending')}>
                <SendPanel
                  issue={current}
                  progress={progress.data}
                  dirty={dirty}
                  onChanged={onChanged}
                />
              </Card>
              {permissions.testIssues ? (
                <Card title={t('issue.test')}>
                  <TestSendPanel issueId={id} />
                </Card>
              ) : null}
            </Grid.Item>
          </Grid.Root>
          {permissions.testIssues ? (
            <Card title={t('issue.preview')}>
              {dirty ? (
                <Typography variant="pi" textColor="warning600">
                  {t('issue.previewSaved')}
                </Typography>
              ) : null}
              <PreviewPanel issueId={id} version={version} status={status} />
            </Card>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
