/**
 * The questionnaire: the active version with its running and completed checks, links to edit
 * questionnaire, dimensions and questions in the Content Manager, all versions, and the warning
 * that editing the active version changes running checks.
 */
import {
  Badge,
  Box,
  Flex,
  Grid,
  Link as DsLink,
  LinkButton,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useAllowedActions } from '../hooks/useAllowedActions';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { NewVersionModal } from '../components/NewVersionModal';
import { Warning } from '../components/Warning';
import { PERMISSIONS } from '../permissions';
import {
  contentManagerPath,
  DIMENSION_UID,
  QUESTION_UID,
  QUESTIONNAIRE_UID,
  useQuestionnaireStatus,
  type QuestionnaireVersion,
} from '../utils/api';
import { getTranslation } from '../utils/getTranslation';

const Card = ({ children, testId }: { children: React.ReactNode; testId?: string }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} data-testid={testId}>
    <Flex direction="column" alignItems="stretch" gap={4}>
      {children}
    </Flex>
  </Box>
);

const Fact = ({
  label,
  value,
  testId,
}: {
  label: string;
  value: React.ReactNode;
  testId?: string;
}) => (
  <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="flex-start">
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography variant="epsilon" tag="p" textColor="neutral800" data-testid={testId}>
      {value}
    </Typography>
  </Grid.Item>
);

/** Questions of one version in the Content Manager's list, sorted by their order. */
const questionsOf = (version: QuestionnaireVersion) =>
  `${contentManagerPath(QUESTION_UID)}?page=1&pageSize=50&sort=order:ASC&filters[$and][0][questionnaire][documentId][$eq]=${encodeURIComponent(version.documentId)}`;

const ActiveQuestionnaire = ({ active }: { active: QuestionnaireVersion }) => {
  const { formatMessage, formatNumber, formatDate } = useIntl();
  return (
    <Card testId="employer-check-active-questionnaire">
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="delta" tag="h2">
          {formatMessage({
            id: getTranslation('questionnaire.active.title'),
            defaultMessage: 'Active questionnaire',
          })}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({
            id: getTranslation('questionnaire.active.hint'),
            defaultMessage: 'Companies answer this version when they start a check.',
          })}
        </Typography>
      </Flex>
      <Grid.Root gap={5}>
        <Fact
          label={formatMessage({
            id: getTranslation('questionnaire.field.title'),
            defaultMessage: 'Title',
          })}
          value={active.title}
          testId="employer-check-active-title"
        />
        <Fact
          label={formatMessage({
            id: getTranslation('questionnaire.field.version'),
            defaultMessage: 'Version',
          })}
          value={active.version}
          testId="employer-check-active-version"
        />
        <Fact
          label={formatMessage({
            id: getTranslation('questionnaire.field.questions'),
            defaultMessage: 'Questions / dimensions',
          })}
          value={`${formatNumber(active.questions)} / ${formatNumber(active.dimensions)}`}
        />
        <Fact
          label={formatMessage({
            id: getTranslation('questionnaire.field.updatedAt'),
            defaultMessage: 'Last changed',
          })}
          value={formatDate(new Date(active.updatedAt), {
            dateStyle: 'medium',
            timeStyle: 'short',
          })}
        />
        <Fact
          label={formatMessage({
            id: getTranslation('questionnaire.field.drafts'),
            defaultMessage: 'Running checks',
          })}
          value={formatNumber(active.drafts)}
          testId="employer-check-active-drafts"
        />
        <Fact
          label={formatMessage({
            id: getTranslation('questionnaire.field.completed'),
            defaultMessage: 'Completed checks',
          })}
          value={formatNumber(active.completed)}
          testId="employer-check-active-completed"
        />
      </Grid.Root>
      <Flex gap={2} wrap="wrap">
        <LinkButton
          tag={Link}
          to={contentManagerPath(QUESTIONNAIRE_UID, active.documentId)}
          variant="secondary"
          startIcon={<Pencil />}
          data-testid="employer-check-edit-questionnaire"
        >
          {formatMessage({
            id: getTranslation('questionnaire.edit.questionnaire'),
            defaultMessage: 'Edit questionnaire',
          })}
        </LinkButton>
        <LinkButton
          tag={Link}
          to={questionsOf(active)}
          variant="secondary"
          startIcon={<Pencil />}
          data-testid="employer-check-edit-questions"
        >
          {formatMessage({
            id: getTranslation('questionnaire.edit.questions'),
            defaultMessage: 'Edit questions',
          })}
        </LinkButton>
        <LinkButton
          tag={Link}
          to={contentManagerPath(DIMENSION_UID)}
          variant="secondary"
          startIcon={<Pencil />}
          data-testid="employer-check-edit-dimensions"
        >
          {formatMessage({
            id: getTranslation('questionnaire.edit.dimensions'),
            defaultMessage: 'Edit dimensions',
          })}
        </LinkButton>
      </Flex>
    </Card>
  );
};

const Versions = ({ versions }: { versions: QuestionnaireVersion[] }) => {
  const { formatMessage, formatNumber } = useIntl();
  const header = (id: string, defaultMessage: string) => (
    <Th>
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({ id, defaultMessage })}
      </Typography>
    </Th>
  );
  return (
    <Card testId="employer-check-versions">
      <Typography variant="delta" tag="h2">
        {formatMessage({
          id: getTranslation('questionnaire.versions.title'),
          defaultMessage: 'All versions',
        })}
      </Typography>
      <Table colCount={6} rowCount={versions.length + 1}>
        <Thead>
          <Tr>
            {header(getTranslation('questionnaire.field.version'), 'Version')}
            {header(getTranslation('questionnaire.field.title'), 'Title')}
            {header(getTranslation('questionnaire.field.status'), 'Status')}
            {header(getTranslation('questionnaire.field.questionCount'), 'Questions')}
            {header(getTranslation('questionnaire.field.drafts'), 'Running checks')}
            {header(getTranslation('questionnaire.field.completed'), 'Completed checks')}
          </Tr>
        </Thead>
        <Tbody>
          {versions.map((version) => (
            <Tr key={version.documentId} data-version={version.version}>
              <Td>
                <DsLink tag={Link} to={contentManagerPath(QUESTIONNAIRE_UID, version.documentId)}>
                  {version.version}
                  <VisuallyHidden>
                    {` (${formatMessage({
                      id: getTranslation('questionnaire.versions.edit'),
                      defaultMessage: 'edit',
                    })})`}
                  </VisuallyHidden>
                </DsLink>
              </Td>
              <Td>
                <Typography>{version.title}</Typography>
              </Td>
              <Td>
                {version.active ? (
                  <Badge backgroundColor="success100" textColor="success700">
                    {formatMessage({
                      id: getTranslation('questionnaire.status.active'),
                      defaultMessage: 'active',
                    })}
                  </Badge>
                ) : (
                  <Badge>
                    {formatMessage({
                      id: getTranslation('questionnaire.status.inactive'),
                      defaultMessage: 'inactive',
                    })}
                  </Badge>
                )}
              </Td>
              <Td>
                <DsLink tag={Link} to={questionsOf(version)}>
                  {formatMessage(
                    {
                      id: getTranslation('questionnaire.versions.questions'),
                      defaultMessage: '{count} questions',
                    },
                    { count: formatNumber(version.questions) }
                  )}
                  <VisuallyHidden>{` (${version.version})`}</VisuallyHidden>
                </DsLink>
              </Td>
              <Td>
                <Typography>{formatNumber(version.drafts)}</Typography>
              </Td>
              <Td>
                <Typography>{formatNumber(version.completed)}</Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Card>
  );
};

const HowTo = () => {
  const { formatMessage } = useIntl();
  const steps = [
    {
      id: getTranslation('questionnaire.howto.small'),
      defaultMessage:
        'Small corrections of wording (typos, clearer phrasing with the same meaning) can be made directly in the active version.',
    },
    {
      id: getTranslation('questionnaire.howto.copy'),
      defaultMessage:
        'For changes of content (new or removed questions, weights, reverse scoring, conditions) create a new version: it is a copy of the active one and stays inactive.',
    },
    {
      id: getTranslation('questionnaire.howto.edit'),
      defaultMessage: 'Change the questions of the new version in the Content Manager.',
    },
    {
      id: getTranslation('questionnaire.howto.activate'),
      defaultMessage:
        'When it is ready, tick “Active” on the new version. The previous version becomes inactive; its running checks cannot be continued and the companies start again. Completed results keep their scores.',
    },
  ];
  return (
    <Card testId="employer-check-howto">
      <Typography variant="delta" tag="h2">
        {formatMessage({
          id: getTranslation('questionnaire.howto.title'),
          defaultMessage: 'How to change the questionnaire',
        })}
      </Typography>
      <Box tag="ol" paddingLeft={5} style={{ listStyle: 'decimal' }}>
        {steps.map((step) => (
          <Box tag="li" key={step.id} paddingBottom={2}>
            <Typography>{formatMessage(step)}</Typography>
          </Box>
        ))}
      </Box>
    </Card>
  );
};

export const QuestionnairePage = () => {
  const { formatMessage } = useIntl();
  const {
    allowedActions: { canRead, canCreateVersion },
    isLoading: loadingPermissions,
  } = useAllowedActions(PERMISSIONS.questionnaire);
  const query = useQuestionnaireStatus(Boolean(canRead));
  const title = formatMessage({
    id: getTranslation('questionnaire.title'),
    defaultMessage: 'Self-check questionnaire',
  });

  if (loadingPermissions) return <Page.Loading />;
  if (!canRead) return <Page.NoPermissions />;
  if (query.isLoading) return <Page.Loading />;
  if (query.error || !query.data) return <Page.Error />;

  const { active, versions, suggestedVersion } = query.data;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({
          id: getTranslation('questionnaire.subtitle'),
          defaultMessage:
            'Versions, running checks and links to edit questions and dimensions in the Content Manager.',
        })}
        primaryAction={
          canCreateVersion && active ? (
            <NewVersionModal active={active} suggestedVersion={suggestedVersion} />
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {active ? (
            <Warning
              title={formatMessage({
                id: getTranslation('warning.title'),
                defaultMessage: 'Editing the active questionnaire changes running checks',
              })}
            >
              {formatMessage(
                {
                  id: getTranslation('warning.page'),
                  defaultMessage:
                    'Version {version} is in use: {drafts, plural, one {# check is} other {# checks are}} running, {completed} completed. Changes to its questions, dimensions, weights or conditions take effect immediately: companies continuing a check see the changed questions, and checks completed from now on are scored with the changed rules, so their results are no longer comparable with earlier ones. Make changes of content in a new version.',
                },
                {
                  version: active.version,
                  drafts: active.drafts,
                  completed: active.completed,
                }
              )}
            </Warning>
          ) : (
            <Warning
              title={formatMessage({
                id: getTranslation('warning.none.title'),
                defaultMessage: 'No questionnaire is active',
              })}
            >
              {formatMessage({
                id: getTranslation('warning.none'),
                defaultMessage:
                  'Companies cannot start a check. Tick “Active” on one version in the Content Manager.',
              })}
            </Warning>
          )}
          {active && <ActiveQuestionnaire active={active} />}
          <Versions versions={versions} />
          <HowTo />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
