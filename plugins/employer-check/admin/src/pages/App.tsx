import { Page, Layouts } from '@strapi/strapi/admin';
import { Typography } from '@strapi/design-system';

const App = () => (
  <Layouts.Root>
    <Page.Main>
      <Layouts.Header title="Arbeitgeber-Check" />
      <Layouts.Content>
        <Typography>Hallo</Typography>
      </Layouts.Content>
    </Page.Main>
  </Layouts.Root>
);

export { App };
export default App;
