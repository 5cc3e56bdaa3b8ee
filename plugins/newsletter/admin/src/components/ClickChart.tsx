/**
 * Clicks per item as horizontal bars: the longest bar is the most clicked item. Each bar carries
 * its title and number as text, so the chart reads the same without seeing it (screen readers
 * get a list with the figures).
 */
import { Box, Flex, Typography } from '@strapi/design-system';
import { useT } from '../utils/translate';

export interface ChartItem {
  key: string;
  label: string;
  group: string;
  clicks: number;
}

export const ClickChart = ({ items }: { items: ChartItem[] }) => {
  const t = useT();
  const max = Math.max(1, ...items.map((item) => item.clicks));
  return (
    <Box tag="figure" margin={0}>
      <Flex
        tag="ol"
        direction="column"
        alignItems="stretch"
        gap={3}
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {items.map((item) => (
          <li key={item.key}>
            <Flex direction="column" alignItems="stretch" gap={1}>
              <Flex justifyContent="space-between" gap={4}>
                <Typography variant="omega">
                  <Typography variant="pi" textColor="neutral600">
                    {item.group}:{' '}
                  </Typography>
                  {item.label}
                </Typography>
                <Typography variant="omega" fontWeight="bold">
                  {t('report.clicksValue', { clicks: item.clicks })}
                </Typography>
              </Flex>
              <Box background="neutral150" hasRadius height="0.8rem" overflow="hidden" aria-hidden>
                <Box
                  background="primary600"
                  height="100%"
                  style={{ width: `${Math.round((item.clicks / max) * 100)}%` }}
                />
              </Box>
            </Flex>
          </li>
        ))}
      </Flex>
      <Typography tag="figcaption" variant="pi" textColor="neutral600">
        {t('report.chartCaption')}
      </Typography>
    </Box>
  );
};
