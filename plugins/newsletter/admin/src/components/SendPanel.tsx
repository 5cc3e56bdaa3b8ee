/**
 * Sending: status, times and progress; schedule (wall-clock time in the newsletter's time zone),
 * unschedule, send now, pause, resume, cancel. Irreversible actions ask first.
 */
import * as React from 'react';
import { Box, Button, DateTimePicker, Field, Flex, Link, Typography } from '@strapi/design-system';
import { Clock, Cross, Play, PaperPlane } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useMutation } from 'react-query';
import { usePermissionsContext, useSettings } from '../hooks/context';
import { apiProblem, isEditable, type Issue, type Progress } from '../utils/api';
import { formatInZone, wallClockDate, wallClockText } from '../utils/time';
import { useT, type MessageKey } from '../utils/translate';
import { ConfirmAction } from './ConfirmAction';
import { DismissibleAlert } from './DismissibleAlert';
import { ProgressSummary } from './ProgressSummary';
import { IssueStatusBadge } from './StatusBadge';

type Action = 'schedule' | 'unschedule' | 'send' | 'pause' | 'resume' | 'cancel';

const DONE: Record<Action, MessageKey> = {
  schedule: 'send.scheduled',
  unschedule: 'send.unscheduled',
  send: 'send.started',
  pause: 'send.paused',
  resume: 'send.resumed',
  cancel: 'send.cancelled',
};

interface SendPanelProps {
  issue: Issue;
  progress?: Progress;
  /** unsaved edits: scheduling and sending wait until they are saved */
  dirty: boolean;
  onChanged: (issue: Issue) => void;
}

export const SendPanel = ({ issue, progress, dirty, onChanged }: SendPanelProps) => {
  const t = useT();
  const { locale } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const permissions = usePermissionsContext();
  const { timezone } = useSettings();
  const status = progress?.status ?? issue.status;
  const state = { ...issue, ...(progress ?? {}) };

  const [at, setAt] = React.useState<Date | undefined>(
    issue.scheduledAt ? wallClockDate(issue.scheduledAt, timezone) : undefined
  );
  const [atError, setAtError] = React.useState<string>();
  React.useEffect(() => {
    setAt(issue.scheduledAt ? wallClockDate(issue.scheduledAt, timezone) : undefined);
  }, [issue.scheduledAt, timezone]);

  const action = useMutation(
    async ({ name, body }: { name: Action; body?: unknown }) =>
      (await post<{ data: Issue }>(`/newsletter/issues/${issue.documentId}/${name}`, body ?? {}))
        .data.data,
    {
      onSuccess: (updated, { name }) => {
        setAtError(undefined);
        onChanged(updated);
        toggleNotification({ type: 'success', message: t(DONE[name]) });
      },
      onError: (error, { name }) => {
        const problem = apiProblem(error, t('send.failed'));
        if (name === 'schedule') setAtError(problem.fields.at ?? problem.message);
        toggleNotification({ type: 'danger', message: problem.message });
      },
    }
  );
  const run = (name: Action, body?: unknown) =>
    action.mutateAsync({ name, body }).catch(() => null);

  const editable = isEditable(status);
  const hasCounts = ['sending', 'paused', 'sent', 'cancelled', 'failed'].includes(status);
  const time = (value: string | null) => formatInZone(value, timezone, locale);
  const webUrl = issue.webUrl;

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={2} aria-live="polite">
        <Typography fontWeight="bold">{t('send.status')}</Typography>
        <IssueStatusBadge status={status} />
      </Flex>
      <Flex direction="column" alignItems="start" gap={1}>
        {status === 'scheduled' && state.scheduledAt ? (
          <Typography>{t('send.scheduledFor', { time: time(state.scheduledAt) })}</Typography>
        ) : null}
        {state.startedAt ? (
          <Typography>{t('send.startedAt', { time: time(state.startedAt) })}</Typography>
        ) : null}
        {state.finishedAt ? (
          <Typography>{t('send.finishedAt', { time: time(state.finishedAt) })}</Typography>
        ) : null}
      </Flex>
      {hasCounts ? (
        state.recipients > 0 ? (
          <ProgressSummary counts={state} />
        ) : status === 'sending' ? (
          <Typography textColor="neutral600">{t('send.preparing')}</Typography>
        ) : (
          <Typography textColor="neutral600">{t('send.noRecipients')}</Typography>
        )
      ) : null}
      {status === 'paused' && state.pausedReason ? (
        <DismissibleAlert
          variant="warning"
          title={t('send.pausedReason')}
          closeLabel={t('common.close')}
        >
          {state.pausedReason}
        </DismissibleAlert>
      ) : null}
      {state.lastError ? (
        <DismissibleAlert
          variant="danger"
          title={t('send.lastError')}
          closeLabel={t('common.close')}
        >
          {state.lastError}
        </DismissibleAlert>
      ) : null}

      {permissions.sendIssues && editable ? (
        <Flex direction="column" alignItems="stretch" gap={3}>
          <Field.Root name="at" error={atError} hint={t('send.timezoneHint', { timezone })}>
            <Field.Label>{t('send.at')}</Field.Label>
            <DateTimePicker
              value={at ?? null}
              onChange={(date) => {
                setAt(date);
                setAtError(undefined);
              }}
              onClear={() => setAt(undefined)}
              clearLabel={t('send.clear')}
              dateLabel={t('send.date')}
              timeLabel={t('send.time')}
              locale={locale}
              minDate={new Date()}
              step={15}
            />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
          <Flex gap={2} wrap="wrap">
            <Button
              startIcon={<Clock />}
              variant="secondary"
              disabled={!at || dirty}
              loading={action.isLoading && action.variables?.name === 'schedule'}
              onClick={() => at && run('schedule', { at: wallClockText(at) })}
            >
              {status === 'scheduled' ? t('send.reschedule') : t('send.schedule')}
            </Button>
            {status === 'scheduled' ? (
              <Button variant="tertiary" onClick={() => run('unschedule')}>
                {t('send.unschedule')}
              </Button>
            ) : null}
          </Flex>
          <Box>
            <ConfirmAction
              label={t('send.now')}
              title={t('send.nowTitle')}
              confirmLabel={t('send.nowConfirm')}
              variant="default"
              startIcon={<PaperPlane />}
              disabled={dirty}
              onConfirm={() => run('send')}
            >
              {t('send.nowText', { subject: issue.subject })}
            </ConfirmAction>
          </Box>
          {dirty ? (
            <Typography variant="pi" textColor="warning600">
              {t('send.saveFirst')}
            </Typography>
          ) : null}
        </Flex>
      ) : null}

      {permissions.sendIssues && (status === 'sending' || status === 'paused') ? (
        <Flex gap={2} wrap="wrap">
          {status === 'sending' ? (
            <Button variant="secondary" onClick={() => run('pause')}>
              {t('send.pause')}
            </Button>
          ) : (
            <Button variant="secondary" startIcon={<Play />} onClick={() => run('resume')}>
              {t('send.resume')}
            </Button>
          )}
          <ConfirmAction
            label={t('send.cancel')}
            title={t('send.cancelTitle')}
            confirmLabel={t('send.cancelConfirm')}
            startIcon={<Cross />}
            onConfirm={() => run('cancel')}
          >
            {t('send.cancelText')}
          </ConfirmAction>
        </Flex>
      ) : null}

      {(status === 'sent' || status === 'sending') && webUrl ? (
        <Link href={webUrl} isExternal>
          {t('send.webVersion')}
        </Link>
      ) : null}
    </Flex>
  );
};
