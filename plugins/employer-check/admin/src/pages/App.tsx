/** The plugin's pages under /admin/plugins/employer-check: statistics and questionnaire. */
import { Layouts, Page } from '@strapi/strapi/admin';
import { useAllowedActions } from '../hooks/useAllowedActions';
import { Navigate, Route, Routes } from 'react-router-dom';
import { Nav } from '../components/Nav';
import { PERMISSIONS } from '../permissions';
import { QuestionnairePage } from './QuestionnairePage';
import { StatisticsPage } from './StatisticsPage';

const App = () => {
  const statistics = useAllowedActions(PERMISSIONS.statistics);
  const questionnaire = useAllowedActions(PERMISSIONS.questionnaire);
  if (statistics.isLoading || questionnaire.isLoading) return <Page.Loading />;
  const canStatistics = Boolean(statistics.allowedActions.canRead);
  const canQuestionnaire = Boolean(questionnaire.allowedActions.canRead);
  if (!canStatistics && !canQuestionnaire) return <Page.NoPermissions />;

  return (
    <Layouts.Root sideNav={<Nav statistics={canStatistics} questionnaire={canQuestionnaire} />}>
      <Routes>
        <Route
          index
          element={canStatistics ? <StatisticsPage /> : <Navigate to="fragebogen" replace />}
        />
        <Route path="fragebogen" element={<QuestionnairePage />} />
        <Route path="*" element={<Navigate to="." replace />} />
      </Routes>
    </Layouts.Root>
  );
};

export { App };
export default App;
