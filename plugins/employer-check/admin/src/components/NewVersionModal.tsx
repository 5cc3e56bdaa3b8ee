/**
 * "New version": copies the active questionnaire with all its questions into a new, inactive
 * version, so editors can change questions without touching running checks.
 */
import { Button, Field, Flex, Modal, TextInput, Typography } from '@strapi/design-system';
import { Duplicate } from '@strapi/icons';
import { isFetchError, useFetchClient, useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { useMutation, useQueryClient } from 'react-query';
import { useNavigate } from 'react-router-dom';
import { PLUGIN_ID } from '../pluginId';
import { contentManagerPath, QUESTIONNAIRE_UID, type QuestionnaireVersion } from '../utils/api';
import { getTranslation } from '../utils/getTranslation';

interface NewVersionModalProps {
  active: QuestionnaireVersion;
  suggestedVersion: string;
}

interface Created {
  documentId: string;
  version: string;
  questions: number;
}

export const NewVersionModal = ({ active, suggestedVersion }: NewVersionModalProps) => {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = React.useState(false);
  const [version, setVersion] = React.useState(suggestedVersion);
  const [title, setTitle] = React.useState(active.title);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [created, setCreated] = React.useState<Created | null>(null);

  const reset = () => {
    setVersion(suggestedVersion);
    setTitle(active.title);
    setErrors({});
    setCreated(null);
  };

  const mutation = useMutation(
    async () => {
      const { data } = await post<{ data: Created }>(`/${PLUGIN_ID}/questionnaire/versions`, {
        version,
        title,
      });
      return data.data;
    },
    {
      onSuccess(result) {
        setCreated(result);
        setErrors({});
        queryClient.invalidateQueries([PLUGIN_ID, 'questionnaire-status']);
        toggleNotification({
          type: 'success',
          message: formatMessage(
            {
              id: getTranslation('version.created'),
              defaultMessage: 'Version {version} created (inactive).',
            },
            { version: result.version }
          ),
        });
      },
      onError(error) {
        const details = isFetchError(error)
          ? (error.response?.data?.error?.details as
              { errors?: { path: (string | number)[]; message: string }[] } | undefined)
          : undefined;
        if (details?.errors?.length) {
          setErrors(
            Object.fromEntries(
              details.errors.map((entry) => [String(entry.path[0]), entry.message])
            )
          );
          return;
        }
        toggleNotification({
          type: 'danger',
          message: formatMessage({
            id: getTranslation('version.error'),
            defaultMessage: 'The new version could not be created.',
          }),
        });
      },
    }
  );

  const cancel = formatMessage({ id: getTranslation('version.cancel'), defaultMessage: 'Cancel' });

  return (
    <Modal.Root
      open={open}
      onOpenChange={(next: boolean) => {
        setOpen(next);
        if (next) reset();
      }}
    >
      <Modal.Trigger>
        <Button startIcon={<Duplicate />}>
          {formatMessage({
            id: getTranslation('version.button'),
            defaultMessage: 'Create new version',
          })}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!created) mutation.mutate();
          }}
        >
          <Modal.Header closeLabel={cancel}>
            <Modal.Title>
              {formatMessage({
                id: getTranslation('version.title'),
                defaultMessage: 'New questionnaire version',
              })}
            </Modal.Title>
          </Modal.Header>
          <Modal.Body>
            {created ? (
              <Typography tag="p" data-testid="employer-check-version-created">
                {formatMessage(
                  {
                    id: getTranslation('version.done'),
                    defaultMessage:
                      'Version {version} was created with {questions} questions. It is inactive: change its questions in the Content Manager, then tick “Active” on it when it is ready.',
                  },
                  { version: created.version, questions: created.questions }
                )}
              </Typography>
            ) : (
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Typography tag="p">
                  {formatMessage(
                    {
                      id: getTranslation('version.intro'),
                      defaultMessage:
                        'Copies version {version} with all its questions into a new, inactive version. Running checks are not affected until the new version is made active.',
                    },
                    { version: active.version }
                  )}
                </Typography>
                <Field.Root
                  name="version"
                  required
                  error={errors.version}
                  hint={formatMessage({
                    id: getTranslation('version.field.version.hint'),
                    defaultMessage: 'Letters, digits, dot, hyphen, e.g. 2026-2',
                  })}
                >
                  <Field.Label>
                    {formatMessage({
                      id: getTranslation('version.field.version'),
                      defaultMessage: 'Version',
                    })}
                  </Field.Label>
                  <TextInput
                    value={version}
                    maxLength={40}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                      setVersion(event.target.value)
                    }
                  />
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
                <Field.Root name="title" required error={errors.title}>
                  <Field.Label>
                    {formatMessage({
                      id: getTranslation('version.field.title'),
                      defaultMessage: 'Title',
                    })}
                  </Field.Label>
                  <TextInput
                    value={title}
                    maxLength={200}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                      setTitle(event.target.value)
                    }
                  />
                  <Field.Error />
                </Field.Root>
              </Flex>
            )}
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">
                {created
                  ? formatMessage({ id: getTranslation('version.close'), defaultMessage: 'Close' })
                  : cancel}
              </Button>
            </Modal.Close>
            {created ? (
              <Button
                onClick={() => navigate(contentManagerPath(QUESTIONNAIRE_UID, created.documentId))}
              >
                {formatMessage({
                  id: getTranslation('version.open'),
                  defaultMessage: 'Open in the Content Manager',
                })}
              </Button>
            ) : (
              <Button type="submit" loading={mutation.isLoading}>
                {formatMessage({
                  id: getTranslation('version.submit'),
                  defaultMessage: 'Create copy',
                })}
              </Button>
            )}
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
