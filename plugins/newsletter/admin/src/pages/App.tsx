/** The newsletter's admin pages (mounted at /admin/plugins/newsletter/*). */
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useQuery } from 'react-query';
import { Navigate, Route, Routes } from 'react-router-dom';
import { BASE, SideNav } from '../components/SideNav';
import { DEFAULT_SETTINGS, PermissionsContext, SettingsContext } from '../hooks/context';
import { usePermissions } from '../hooks/usePermissions';
import type { Settings } from '../utils/api';
import { IssuePage } from './IssuePage';
import { IssuesPage } from './IssuesPage';
import { ReportPage } from './ReportPage';
import { SubscribersPage } from './SubscribersPage';

const App = () => {
  const permissions = usePermissions();
  const { get } = useFetchClient();
  const settings = useQuery(
    ['newsletter', 'settings'],
    async () => (await get<{ data: Settings }>('/newsletter/settings')).data.data,
    { enabled: !permissions.isLoading && permissions.readIssues, staleTime: 5 * 60_000 }
  );

  if (permissions.isLoading || settings.isLoading) return <Page.Loading />;
  const canSeeSubscribers =
    permissions.readSubscribers || permissions.importSubscribers || permissions.exportSubscribers;
  if (!permissions.readIssues && !canSeeSubscribers) return <Page.NoPermissions />;

  return (
    <PermissionsContext.Provider value={permissions}>
      <SettingsContext.Provider value={settings.data ?? DEFAULT_SETTINGS}>
        <Layouts.Root sideNav={<SideNav />}>
          <Routes>
            <Route
              index
              element={<Navigate to={permissions.readIssues ? 'issues' : 'subscribers'} replace />}
            />
            {permissions.readIssues && <Route path="issues" element={<IssuesPage />} />}
            {permissions.readIssues && <Route path="issues/:id" element={<IssuePage />} />}
            {permissions.readIssues && <Route path="issues/:id/report" element={<ReportPage />} />}
            {canSeeSubscribers && <Route path="subscribers" element={<SubscribersPage />} />}
            <Route path="*" element={<Navigate to={BASE} replace />} />
          </Routes>
        </Layouts.Root>
      </SettingsContext.Provider>
    </PermissionsContext.Provider>
  );
};

export { App };
export default App;
