/**
 * Preview of the stored issue as a reader with the chosen topics gets it: HTML in a sandboxed
 * iframe (no scripts, no same-origin access; the HTML is fetched with the admin's token, which an
 * iframe `src` could not carry), or the plain-text part. When the newsletter has a personalised
 * section, it says how many recipients get personalised items and can render the mail for a
 * made-up profile (see PersonalTips).
 */
import * as React from 'react';
import { Box, Checkbox, Flex, Loader, Tabs, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useQuery } from 'react-query';
import { useSettings } from '../hooks/context';
import {
  apiProblem,
  query,
  type IssueStatus,
  type Personalisation,
  type Profile,
} from '../utils/api';
import { PersonalisationSummary, ProfileControls, profileParam } from './PersonalTips';
import { useT } from '../utils/translate';

interface PreviewData {
  subject: string;
  format: 'html' | 'text';
  body: string | null;
  topicsWithItems: string[];
  /** the personalised section's items chosen for the profile; null: the editor's selection */
  personalItems?: string[] | null;
}

export const PreviewPanel = ({
  issueId,
  version,
  status,
}: {
  issueId: string;
  version: string;
  /** the issue's status: the count of personalised recipients becomes exact with the send */
  status: IssueStatus;
}) => {
  const t = useT();
  const { get } = useFetchClient();
  const { topics } = useSettings();
  const [chosen, setChosen] = React.useState<string[] | null>(null);
  const selected = chosen ?? topics.map((topic) => topic.key);
  const [format, setFormat] = React.useState<'html' | 'text'>('html');
  const [profile, setProfile] = React.useState<Profile>({});

  const personalisation = useQuery(
    ['newsletter', 'personalisation', issueId, version, status],
    async () =>
      (await get<{ data: Personalisation }>(`/newsletter/issues/${issueId}/personalisation`)).data
        .data
  );
  const personal = personalisation.data?.enabled ? personalisation.data : null;
  // Without a personalised section (or before it is known) the profile does not apply.
  const profileValue = personal ? profileParam(profile) : undefined;

  const preview = useQuery(
    ['newsletter', 'preview', issueId, selected.join(','), format, version, profileValue ?? ''],
    async () =>
      (
        await get<{ data: PreviewData }>(
          `/newsletter/issues/${issueId}/preview${query({
            topics: selected.join(','),
            format,
            profile: profileValue,
          })}`
        )
      ).data.data,
    { enabled: selected.length > 0, keepPreviousData: true }
  );

  const toggle = (key: string, on: boolean) =>
    setChosen(
      on
        ? topics.map((topic) => topic.key).filter((k) => k === key || selected.includes(k))
        : selected.filter((k) => k !== key)
    );

  const body = () => {
    if (selected.length === 0)
      return <Typography textColor="neutral600">{t('preview.chooseTopic')}</Typography>;
    if (preview.isLoading) return <Loader small>{t('common.loading')}</Loader>;
    if (preview.isError)
      return (
        <Typography textColor="danger600" role="alert">
          {apiProblem(preview.error, t('preview.failed')).message}
        </Typography>
      );
    const data = preview.data;
    if (!data?.body) return <Typography textColor="neutral600">{t('preview.noItems')}</Typography>;
    return data.format === 'html' ? (
      <iframe
        title={t('preview.frameTitle')}
        sandbox=""
        srcDoc={data.body}
        style={{
          width: '100%',
          height: '70vh',
          minHeight: '40rem',
          border: '1px solid #dcdce4',
          borderRadius: 4,
          background: '#fff',
        }}
      />
    ) : (
      <Box
        tag="pre"
        padding={4}
        background="neutral100"
        hasRadius
        aria-label={t('preview.textLabel')}
        style={{ whiteSpace: 'pre-wrap', overflowX: 'auto', maxHeight: '70vh', fontSize: 14 }}
      >
        {data.body}
      </Box>
    );
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {personal ? <PersonalisationSummary personalisation={personal} /> : null}
      <Flex gap={6} wrap="wrap" role="group" aria-label={t('preview.topics')}>
        <Typography variant="pi" fontWeight="bold">
          {t('preview.topics')}
        </Typography>
        {topics.map((topic) => (
          <Checkbox
            key={topic.key}
            checked={selected.includes(topic.key)}
            onCheckedChange={(value) => toggle(topic.key, value === true)}
          >
            {topic.label}
          </Checkbox>
        ))}
      </Flex>
      {personal ? (
        <ProfileControls
          personalisation={personal}
          profile={profile}
          onChange={setProfile}
          topicChosen={selected.includes(personal.topic)}
          preview={preview.isFetching ? undefined : preview.data}
        />
      ) : null}
      <Tabs.Root
        value={format}
        onValueChange={(value) => setFormat(value as 'html' | 'text')}
        variant="simple"
      >
        <Tabs.List aria-label={t('preview.format')}>
          <Tabs.Trigger value="html">{t('preview.html')}</Tabs.Trigger>
          <Tabs.Trigger value="text">{t('preview.text')}</Tabs.Trigger>
        </Tabs.List>
        <Box paddingTop={4}>
          <Tabs.Content value="html">{format === 'html' ? body() : null}</Tabs.Content>
          <Tabs.Content value="text">{format === 'text' ? body() : null}</Tabs.Content>
        </Box>
      </Tabs.Root>
      {preview.data?.subject ? (
        <Typography variant="pi" textColor="neutral600">
          {t('preview.subject', { subject: preview.data.subject })}
        </Typography>
      ) : null}
    </Flex>
  );
};
