/** The plugin's side navigation: statistics and questionnaire, each when the user may see it. */
import { Divider } from '@strapi/design-system';
import { SubNav } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';
import { getTranslation } from '../utils/getTranslation';

export const Nav = ({
  statistics,
  questionnaire,
}: {
  statistics: boolean;
  questionnaire: boolean;
}) => {
  const { formatMessage } = useIntl();
  const label = formatMessage({
    id: getTranslation('plugin.name'),
    defaultMessage: 'Employer check',
  });
  const links = [
    statistics && (
      <SubNav.Link
        key="statistics"
        to={`/plugins/${PLUGIN_ID}`}
        end
        label={formatMessage({
          id: getTranslation('nav.statistics'),
          defaultMessage: 'Statistics',
        })}
      />
    ),
    questionnaire && (
      <SubNav.Link
        key="questionnaire"
        to={`/plugins/${PLUGIN_ID}/fragebogen`}
        label={formatMessage({
          id: getTranslation('nav.questionnaire'),
          defaultMessage: 'Questionnaire',
        })}
      />
    ),
  ].filter(Boolean);
  return (
    <SubNav.Main aria-label={label}>
      <SubNav.Header label={label} />
      <Divider />
      <SubNav.Content>
        <SubNav.Sections>
          {[
            <SubNav.Section
              key="check"
              label={formatMessage({
                id: getTranslation('nav.section'),
                defaultMessage: 'Self-check',
              })}
            >
              {links}
            </SubNav.Section>,
          ]}
        </SubNav.Sections>
      </SubNav.Content>
    </SubNav.Main>
  );
};
