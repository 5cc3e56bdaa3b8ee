import { SubNav } from '@strapi/strapi/admin';
import { usePermissionsContext } from '../hooks/context';
import { useT } from '../utils/translate';

export const BASE = '/plugins/newsletter';

export const SideNav = () => {
  const t = useT();
  const permissions = usePermissionsContext();
  const links = [
    ...(permissions.readIssues ? [{ to: `${BASE}/issues`, label: t('nav.issues') }] : []),
    ...(permissions.readSubscribers ||
    permissions.importSubscribers ||
    permissions.exportSubscribers
      ? [{ to: `${BASE}/subscribers`, label: t('nav.subscribers') }]
      : []),
  ];
  return (
    <SubNav.Main aria-label={t('plugin.name')}>
      <SubNav.Header label={t('plugin.name')} />
      <SubNav.Content>
        <SubNav.Sections>
          {[
            <SubNav.Section key="main" label={t('nav.section')}>
              {links.map((link) => (
                <SubNav.Link key={link.to} to={link.to} label={link.label} />
              ))}
            </SubNav.Section>,
          ]}
        </SubNav.Sections>
      </SubNav.Content>
    </SubNav.Main>
  );
};
