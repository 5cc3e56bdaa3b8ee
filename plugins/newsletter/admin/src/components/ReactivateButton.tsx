/**
 * Turns a bounced address back into an active one (e.g. the mailbox exists again): the editor
 * must give a reason, which the server writes into the subscriber's history.
 */
import * as React from 'react';
import {
  Button,
  Dialog,
  Field,
  Flex,
  IconButton,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useMutation } from 'react-query';
import { apiProblem, type SubscriberRow } from '../utils/api';
import { useT } from '../utils/translate';

export const ReactivateButton = ({
  subscriber,
  onDone,
}: {
  subscriber: SubscriberRow;
  onDone: () => void;
}) => {
  const t = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [open, setOpen] = React.useState(false);
  const [reason, setReason] = React.useState('');
  const [error, setError] = React.useState<string | undefined>();
  const reactivate = useMutation(
    async () =>
      post(`/newsletter/subscribers/${subscriber.documentId}/reactivate`, {
        reason: reason.trim(),
      }),
    {
      onSuccess: () => {
        setOpen(false);
        setReason('');
        toggleNotification({
          type: 'success',
          message: t('subscribers.reactivated', { email: subscriber.email }),
        });
        onDone();
      },
      onError: (problem) =>
        setError(apiProblem(problem, t('subscribers.reactivateFailed')).message),
    }
  );
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger>
        <IconButton
          label={t('subscribers.reactivate', { email: subscriber.email })}
          variant="ghost"
        >
          <ArrowClockwise />
        </IconButton>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{t('subscribers.reactivateTitle')}</Dialog.Header>
        <Dialog.Body>
          <Flex direction="column" gap={4} alignItems="stretch" width="100%">
            <Typography>{t('subscribers.reactivateText', { email: subscriber.email })}</Typography>
            <Field.Root name="reason" required error={error}>
              <Field.Label>{t('subscribers.reactivateReason')}</Field.Label>
              <Textarea
                value={reason}
                maxLength={500}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => {
                  setReason(event.target.value);
                  setError(undefined);
                }}
              />
              <Field.Error />
            </Field.Root>
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              {t('common.back')}
            </Button>
          </Dialog.Cancel>
          <Button
            fullWidth
            loading={reactivate.isLoading}
            disabled={reason.trim().length < 5}
            onClick={() => reactivate.mutate()}
          >
            {t('subscribers.reactivateConfirm')}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
