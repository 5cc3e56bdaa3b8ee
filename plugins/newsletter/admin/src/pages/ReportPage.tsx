/**
 * What a sent issue achieved: its figures (recipients, sent, failed, bounces, complaints,
 * unsubscribes through its mails), clicks per item as a chart, the bounce mailbox's state, and
 * the same as CSV.
 */
import { Box, Button, Flex, Grid, Link, Typography } from '@strapi/design-system';
import { ArrowLeft, Download } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useMutation, useQuery } from 'react-query';
import { NavLink, useParams } from 'react-router-dom';
import { ClickChart } from '../components/ClickChart';
import { BASE } from '../components/SideNav';
import { useSettings } from '../hooks/context';
import { apiProblem, downloadBlob, type IssueReport } from '../utils/api';
import { formatInZone } from '../utils/time';
import { useT } from '../utils/translate';
import { useIntl } from 'react-intl';

const Figure = ({ label, value, hint }: { label: string; value: number; hint?: string }) => (
  <Box background="neutral0" hasRadius shadow="filterShadow" padding={4} height="100%">
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography variant="sigma" textColor="neutral600">
        {label}
      </Typography>
      <Typography variant="alpha" tag="p">
        {value.toLocaleString('de-DE')}
      </Typography>
      {hint ? (
        <Typography variant="pi" textColor="neutral600">
          {hint}
        </Typography>
      ) : null}
    </Flex>
  </Box>
);

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box
    tag="section"
    aria-label={title}
    background="neutral0"
    hasRadius
    shadow="filterShadow"
    padding={6}
  >
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      {children}
    </Flex>
  </Box>
);

const share = (part: number, whole: number) =>
  whole > 0
    ? `${((part / whole) * 100).toLocaleString('de-DE', { maximumFractionDigits: 1 })} %`
    : '–';

export const ReportPage = () => {
  const t = useT();
  const { locale } = useIntl();
  const { timezone } = useSettings();
  const { id = '' } = useParams<{ id: string }>();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const report = useQuery(
    ['newsletter', 'report', id],
    async () => (await get<{ data: IssueReport }>(`/newsletter/issues/${id}/report`)).data.data
  );
  const csv = useMutation(
    async () =>
      (await get(`/newsletter/issues/${id}/report.csv`, { responseType: 'blob' })).data as Blob,
    {
      onSuccess: (blob) => downloadBlob(blob, `newsletter-bericht-${id}.csv`),
      onError: (error) =>
        toggleNotification({
          type: 'danger',
          message: apiProblem(error, t('report.csvFailed')).message,
        }),
    }
  );

  if (report.isLoading) return <Page.Loading />;
  if (report.isError || !report.data) return <Page.Error />;
  const { issue, figures, items, mailbox } = report.data;
  const clicked = [...items].sort((a, b) => b.clicks - a.clicks);
  const delivered = Math.max(0, figures.sent - figures.hardBounces);

  return (
    <Page.Main>
      <Page.Title>{t('report.title', { subject: issue.subject })}</Page.Title>
      <Layouts.Header
        title={t('report.title', { subject: issue.subject })}
        subtitle={
          issue.finishedAt
            ? t('report.sentAt', { date: formatInZone(issue.finishedAt, timezone, locale) })
            : t('report.notFinished')
        }
        navigationAction={
          <Link tag={NavLink} to={`${BASE}/issues/${id}`} startIcon={<ArrowLeft />}>
            {t('report.back')}
          </Link>
        }
        primaryAction={
          <Button
            variant="secondary"
            startIcon={<Download />}
            loading={csv.isLoading}
            onClick={() => csv.mutate()}
          >
            {t('report.csv')}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Grid.Root gap={4} tag="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {(
              [
                ['recipients', figures.recipients],
                ['sent', figures.sent, share(figures.sent, figures.recipients)],
                ['delivered', delivered, share(delivered, figures.sent)],
                ['failed', figures.failed],
                ['hardBounces', figures.hardBounces, share(figures.hardBounces, figures.sent)],
                ['softBounces', figures.softBounces],
                ['complaints', figures.complaints, share(figures.complaints, figures.sent)],
                ['unsubscribes', figures.unsubscribes, share(figures.unsubscribes, figures.sent)],
                ['clicks', figures.clicks],
              ] as [string, number, string?][]
            ).map(([key, value, hint]) => (
              <Grid.Item
                key={key}
                tag="li"
                col={3}
                s={6}
                xs={12}
                direction="column"
                alignItems="stretch"
              >
                <Figure
                  label={t(`report.figure.${key}` as 'report.figure.sent')}
                  value={value}
                  hint={hint}
                />
              </Grid.Item>
            ))}
          </Grid.Root>

          <Section title={t('report.clicksTitle')}>
            {figures.clicks === 0 ? (
              <Typography>{t('report.noClicks')}</Typography>
            ) : (
              <ClickChart
                items={clicked.map((item) => ({
                  key: `${item.section}/${item.documentId}`,
                  label: item.title ?? t('report.removedItem'),
                  group: item.sectionTitle,
                  clicks: item.clicks,
                }))}
              />
            )}
            <Typography variant="pi" textColor="neutral600">
              {t('report.clicksNote')}
            </Typography>
          </Section>

          <Section title={t('report.mailboxTitle')}>
            {mailbox.configured ? (
              <Flex direction="column" alignItems="stretch" gap={2}>
                <Typography>
                  {t('report.mailboxLastPoll', {
                    mailbox: mailbox.mailbox ?? '',
                    date: mailbox.lastPollAt
                      ? formatInZone(mailbox.lastPollAt, timezone, locale)
                      : t('report.never'),
                  })}
                </Typography>
                {mailbox.lastResult?.state === 'error' ? (
                  <Typography textColor="danger600">
                    {t('report.mailboxError', { error: mailbox.lastResult.error ?? '' })}
                  </Typography>
                ) : null}
                <Typography>
                  {t('report.mailboxCounts', {
                    applied: mailbox.byOutcome.applied ?? 0,
                    ignored: mailbox.byOutcome.ignored ?? 0,
                    unmatched: mailbox.byOutcome.unmatched ?? 0,
                  })}
                </Typography>
              </Flex>
            ) : (
              <Typography>{t('report.mailboxOff')}</Typography>
            )}
          </Section>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
