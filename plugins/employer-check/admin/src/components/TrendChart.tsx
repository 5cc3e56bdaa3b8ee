/**
 * Completed checks per month: the mean total score as SVG columns; months below k appear as an
 * empty dashed slot marked "–" (their figures are never shown). The page lists the same months
 * in a table.
 */
import { Box, Flex, Typography } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { useTheme } from 'styled-components';
import type { KeyedGroup, Thresholds } from '../utils/api';
import { bandOf, monthDate } from '../utils/format';
import { getTranslation } from '../utils/getTranslation';

interface TrendChartProps {
  months: KeyedGroup[];
  thresholds: Thresholds;
}

const HEIGHT = 250;
const LEFT = 40;
const TOP = 16;
const PLOT = 180;

export const TrendChart = ({ months, thresholds }: TrendChartProps) => {
  const { formatMessage, formatNumber, formatDate } = useIntl();
  const theme = useTheme();
  const id = React.useId();
  const width = Math.max(420, LEFT + months.length * 56 + 10);
  const slot = (width - LEFT - 10) / Math.max(1, months.length);
  const barWidth = Math.min(36, slot * 0.7);
  const y = (score: number) => TOP + PLOT - (score / 100) * PLOT;
  const colour = {
    rot: theme.colors.danger500,
    gelb: theme.colors.warning500,
    gruen: theme.colors.success500,
  };
  const suppressed = formatMessage({
    id: getTranslation('statistics.suppressed'),
    defaultMessage: 'too few participants',
  });
  const monthName = (key: string, style: 'short' | 'long') =>
    formatDate(monthDate(key), {
      month: style,
      year: style === 'short' ? '2-digit' : 'numeric',
      timeZone: 'UTC',
    });
  const description = months
    .map((month) =>
      month.suppressed || month.total === null
        ? `${monthName(month.key, 'long')}: ${suppressed}`
        : `${monthName(month.key, 'long')}: ${formatNumber(month.total)}`
    )
    .join('; ');
  const every = Math.ceil(months.length / 12);

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Box overflow="auto">
        <svg
          viewBox={`0 0 ${width} ${HEIGHT}`}
          width={width}
          height={HEIGHT}
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          style={{ fontFamily: 'inherit', display: 'block' }}
          data-testid="employer-check-trend-chart"
        >
          <title id={`${id}-title`}>
            {formatMessage({
              id: getTranslation('chart.trend.title'),
              defaultMessage: 'Mean total score per month (0 to 100)',
            })}
          </title>
          <desc id={`${id}-desc`}>{description}</desc>
          {[0, 50, 100].map((tick) => (
            <g key={tick}>
              <line
                x1={LEFT}
                x2={width - 6}
                y1={y(tick)}
                y2={y(tick)}
                stroke={theme.colors.neutral150}
              />
              <text
                x={LEFT - 8}
                y={y(tick) + 4}
                textAnchor="end"
                fontSize="12"
                fill={theme.colors.neutral600}
              >
                {tick}
              </text>
            </g>
          ))}
          {months.map((month, index) => {
            const center = LEFT + slot * index + slot / 2;
            const showLabel = index % every === 0;
            return (
              <g key={month.key}>
                {month.suppressed || month.total === null ? (
                  <>
                    <rect
                      x={center - barWidth / 2}
                      y={TOP}
                      width={barWidth}
                      height={PLOT}
                      fill="none"
                      stroke={theme.colors.neutral300}
                      strokeDasharray="3 3"
                    />
                    <text
                      x={center}
                      y={TOP + PLOT / 2}
                      textAnchor="middle"
                      fontSize="14"
                      fill={theme.colors.neutral600}
                    >
                      –
                    </text>
                  </>
                ) : (
                  <>
                    <rect
                      x={center - barWidth / 2}
                      y={y(month.total)}
                      width={barWidth}
                      height={Math.max(2, TOP + PLOT - y(month.total))}
                      rx="3"
                      fill={colour[bandOf(month.total, thresholds)]}
                    />
                    <text
                      x={center}
                      y={y(month.total) - 5}
                      textAnchor="middle"
                      fontSize="12"
                      fontWeight="600"
                      fill={theme.colors.neutral800}
                    >
                      {formatNumber(month.total, { maximumFractionDigits: 0 })}
                    </text>
                  </>
                )}
                {showLabel && (
                  <text
                    x={center}
                    y={TOP + PLOT + 20}
                    textAnchor="middle"
                    fontSize="12"
                    fill={theme.colors.neutral600}
                  >
                    {monthName(month.key, 'short')}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </Box>
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({
          id: getTranslation('chart.trend.legend'),
          defaultMessage: '– = too few participants in that month (figures are not shown)',
        })}
      </Typography>
    </Flex>
  );
};
