/** Test mails to addresses typed in (comma or line separated), with the result per address. */
import * as React from 'react';
import { Badge, Box, Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { Mail } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useMutation } from 'react-query';
import { apiProblem, type TestResult } from '../utils/api';
import { useT } from '../utils/translate';

export const parseAddresses = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((address) => address.trim())
    .filter(Boolean);

export const TestSendPanel = ({ issueId }: { issueId: string }) => {
  const t = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [text, setText] = React.useState('');
  const [error, setError] = React.useState<string>();

  const send = useMutation(
    async (emails: string[]) =>
      (await post<{ data: TestResult[] }>(`/newsletter/issues/${issueId}/test`, { emails })).data
        .data,
    {
      onSuccess: (results) => {
        setError(undefined);
        const failed = results.filter((result) => !result.sent).length;
        toggleNotification({
          type: failed ? 'warning' : 'success',
          message: failed
            ? t('test.partly', { failed, total: results.length })
            : t('test.done', { total: results.length }),
        });
      },
      onError: (err, emails) => {
        const problem = apiProblem(err, t('test.failed'));
        // Name the addresses the server refused (details carry their index: ['emails', 2]).
        const perAddress = problem.details
          .filter((entry) => entry.path[0] === 'emails' && /^\d+$/.test(String(entry.path[1])))
          .map((entry) => `${emails[Number(entry.path[1])]}: ${entry.message}`);
        setError(
          perAddress.length ? perAddress.join(' ') : (problem.fields.emails ?? problem.message)
        );
        toggleNotification({ type: 'danger', message: problem.message });
      },
    }
  );

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const emails = parseAddresses(text);
    if (emails.length === 0) {
      setError(t('test.noAddress'));
      return;
    }
    send.mutate(emails);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Field.Root name="emails" error={error} hint={t('test.hint')}>
          <Field.Label>{t('test.addresses')}</Field.Label>
          <Textarea
            value={text}
            onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
              setText(event.target.value)
            }
            placeholder={t('test.placeholder')}
          />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
        <Box>
          <Button type="submit" startIcon={<Mail />} loading={send.isLoading} variant="secondary">
            {t('test.send')}
          </Button>
        </Box>
        {send.data ? (
          <Box tag="ul" aria-label={t('test.results')}>
            {send.data.map((result) => (
              <Flex tag="li" key={result.email} gap={2} paddingTop={1} alignItems="center">
                <Badge variant={result.sent ? 'success' : 'danger'}>
                  {result.sent ? t('test.sent') : t('test.notSent')}
                </Badge>
                <Typography>{result.email}</Typography>
                {result.error ? (
                  <Typography variant="pi" textColor="danger600">
                    {result.error}
                  </Typography>
                ) : null}
              </Flex>
            ))}
          </Box>
        ) : null}
      </Flex>
    </form>
  );
};
