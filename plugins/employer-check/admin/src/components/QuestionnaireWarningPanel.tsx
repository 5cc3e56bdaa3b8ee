/**
 * Side panel in the Content Manager's edit view of questionnaires, dimensions and questions:
 * warns when the entry belongs to the active questionnaire (editing it changes running checks).
 * Registered in the admin entry's bootstrap; a "description component" (returns { title,
 * content } or null), so hooks run in a fixed order.
 */
import { Flex, Link as DsLink, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useAllowedActions } from '../hooks/useAllowedActions';
import { useIntl } from 'react-intl';
import { useQuery } from 'react-query';
import { Link } from 'react-router-dom';
import { PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';
import {
  DIMENSION_UID,
  QUESTION_UID,
  QUESTIONNAIRE_UID,
  type QuestionnaireUsage,
} from '../utils/api';
import { getTranslation } from '../utils/getTranslation';
import { Warning } from './Warning';

const MODELS: Record<string, 'questionnaire' | 'dimension' | 'question'> = {
  [QUESTIONNAIRE_UID]: 'questionnaire',
  [DIMENSION_UID]: 'dimension',
  [QUESTION_UID]: 'question',
};

interface PanelProps {
  model: string;
  documentId?: string;
  document?: { updatedAt?: string; active?: boolean } & Record<string, unknown>;
}

export const QuestionnaireWarningPanel = ({ model, documentId, document }: PanelProps) => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const kind = MODELS[model];
  const existing = Boolean(kind && documentId && documentId !== 'create');
  const {
    allowedActions: { canRead },
    isLoading: loadingPermissions,
  } = useAllowedActions(PERMISSIONS.questionnaire);
  const usage = useQuery(
    [PLUGIN_ID, 'usage', kind, documentId, document?.updatedAt],
    async () => {
      const { data } = await get<{ data: QuestionnaireUsage }>(
        `/${PLUGIN_ID}/questionnaire/usage`,
        { params: { model: kind, documentId } }
      );
      return data.data;
    },
    { enabled: existing && Boolean(canRead), retry: false }
  );

  if (!existing || loadingPermissions) return null;

  const title = formatMessage({
    id: getTranslation('panel.title'),
    defaultMessage: 'Self-check',
  });
  const link = canRead ? (
    <DsLink tag={Link} to={`/plugins/${PLUGIN_ID}/fragebogen`}>
      {formatMessage({
        id: getTranslation('panel.link'),
        defaultMessage: 'Versions and running checks',
      })}
    </DsLink>
  ) : undefined;

  // Without questionnaire.read the server is not asked: a questionnaire shows its own flag,
  // dimensions and questions get the general hint.
  const affectsActive = canRead
    ? usage.data?.affectsActive
    : kind === 'questionnaire'
      ? Boolean(document?.active)
      : undefined;

  if (canRead && !usage.data) return null;

  if (affectsActive === false) {
    return {
      title,
      content: (
        <Flex direction="column" alignItems="flex-start" gap={2} data-testid="employer-check-panel">
          <Typography variant="pi" textColor="neutral600">
            {formatMessage({
              id: getTranslation('panel.inactive'),
              defaultMessage:
                'Not part of the active questionnaire: changes do not affect running checks.',
            })}
          </Typography>
          {link}
        </Flex>
      ),
    };
  }

  return {
    title,
    content: (
      <Flex direction="column" alignItems="stretch" gap={2} data-testid="employer-check-panel">
        <Warning
          compact
          title={formatMessage({
            id: getTranslation('warning.title'),
            defaultMessage: 'Editing the active questionnaire changes running checks',
          })}
          action={link}
        >
          {affectsActive === undefined
            ? formatMessage({
                id: getTranslation('panel.maybe'),
                defaultMessage:
                  'If this entry belongs to the active questionnaire, changes take effect immediately for running checks and for the scoring of checks completed from now on. Make changes of content in a new version.',
              })
            : formatMessage(
                {
                  id: getTranslation('panel.active'),
                  defaultMessage:
                    'This entry belongs to the active questionnaire (version {version}). Changes take effect immediately: {drafts, plural, one {# running check sees} other {# running checks see}} them, and checks completed from now on are scored with them. Make changes of content in a new version.',
                },
                {
                  version: usage.data?.active?.version ?? '',
                  drafts: usage.data?.drafts ?? 0,
                }
              )}
        </Warning>
      </Flex>
    ),
  };
};
