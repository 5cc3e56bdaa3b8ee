/**
 * Mean score per dimension as horizontal SVG bars (0–100) coloured by band, with the band limits
 * as dashed lines. The SVG is one image with a text description; the page shows the same figures
 * as a table next to it.
 */
import { Box, Flex, Typography } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { useTheme } from 'styled-components';
import type { BandLabels, Thresholds } from '../utils/api';
import { bandOf } from '../utils/format';
import { getTranslation } from '../utils/getTranslation';

interface DimensionChartProps {
  dimensions: { key: string; name: string }[];
  values: Record<string, number | null>;
  thresholds: Thresholds;
  bandLabels: BandLabels;
}

const LEGEND = {
  rot: { id: getTranslation('chart.legend.rot'), defaultMessage: '{label} (below {red})' },
  gelb: {
    id: getTranslation('chart.legend.gelb'),
    defaultMessage: '{label} ({red} to below {green})',
  },
  gruen: {
    id: getTranslation('chart.legend.gruen'),
    defaultMessage: '{label} ({green} and above)',
  },
};

const WIDTH = 760;
const LABEL_WIDTH = 270;
const BAR_X = LABEL_WIDTH + 10;
const BAR_WIDTH = 400;
const ROW = 36;
const TOP = 30;

export const DimensionChart = ({
  dimensions,
  values,
  thresholds,
  bandLabels,
}: DimensionChartProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const theme = useTheme();
  const id = React.useId();
  const colour = {
    rot: theme.colors.danger500,
    gelb: theme.colors.warning500,
    gruen: theme.colors.success500,
  };
  const height = TOP + dimensions.length * ROW + 8;
  const x = (score: number) => BAR_X + (score / 100) * BAR_WIDTH;
  const notScored = formatMessage({
    id: getTranslation('chart.notScored'),
    defaultMessage: 'not scored',
  });
  const description = dimensions
    .map(({ key, name }) => {
      const value = values[key];
      return value === null || value === undefined
        ? `${name}: ${notScored}`
        : formatMessage(
            {
              id: getTranslation('chart.dimensionValue'),
              defaultMessage: '{name}: {value} of 100 ({band})',
            },
            { name, value: formatNumber(value), band: bandLabels[bandOf(value, thresholds)] }
          );
    })
    .join('; ');

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Box overflow="auto">
        <svg
          viewBox={`0 0 ${WIDTH} ${height}`}
          width={WIDTH}
          height={height}
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          style={{ fontFamily: 'inherit', display: 'block' }}
          data-testid="employer-check-dimension-chart"
        >
          <title id={`${id}-title`}>
            {formatMessage({
              id: getTranslation('chart.dimensions.title'),
              defaultMessage: 'Mean score per dimension (0 to 100)',
            })}
          </title>
          <desc id={`${id}-desc`}>{description}</desc>
          {[0, 25, 50, 75, 100].map((tick) => (
            <g key={tick}>
              <line
                x1={x(tick)}
                x2={x(tick)}
                y1={TOP - 6}
                y2={height - 8}
                stroke={theme.colors.neutral150}
              />
              <text
                x={x(tick)}
                y={TOP - 12}
                textAnchor="middle"
                fontSize="12"
                fill={theme.colors.neutral600}
              >
                {tick}
              </text>
            </g>
          ))}
          {[thresholds.red, thresholds.green].map((limit) => (
            <line
              key={`limit-${limit}`}
              x1={x(limit)}
              x2={x(limit)}
              y1={TOP - 6}
              y2={height - 8}
              stroke={theme.colors.neutral500}
              strokeDasharray="4 4"
            />
          ))}
          {dimensions.map(({ key, name }, index) => {
            const value = values[key];
            const y = TOP + index * ROW;
            return (
              <g key={key}>
                <text
                  x={LABEL_WIDTH}
                  y={y + ROW / 2 + 4}
                  textAnchor="end"
                  fontSize="13"
                  fill={theme.colors.neutral800}
                >
                  {name.length > 40 ? `${name.slice(0, 39)}…` : name}
                </text>
                {value === null || value === undefined ? (
                  <text
                    x={BAR_X + 6}
                    y={y + ROW / 2 + 4}
                    fontSize="12"
                    fill={theme.colors.neutral600}
                  >
                    {notScored}
                  </text>
                ) : (
                  <>
                    <rect
                      x={BAR_X}
                      y={y + 7}
                      width={Math.max(2, x(value) - BAR_X)}
                      height={ROW - 14}
                      rx="3"
                      fill={colour[bandOf(value, thresholds)]}
                    />
                    <text
                      x={x(value) + 6}
                      y={y + ROW / 2 + 4}
                      fontSize="12"
                      fontWeight="600"
                      fill={theme.colors.neutral800}
                    >
                      {formatNumber(value)}
                    </text>
                  </>
                )}
              </g>
            );
          })}
        </svg>
      </Box>
      <Flex gap={4} wrap="wrap" aria-hidden>
        {(['rot', 'gelb', 'gruen'] as const).map((band) => (
          <Flex key={band} gap={2}>
            <Box width="1.2rem" height="1.2rem" hasRadius style={{ background: colour[band] }} />
            <Typography variant="pi" textColor="neutral600">
              {formatMessage(LEGEND[band], {
                label: bandLabels[band],
                red: thresholds.red,
                green: thresholds.green,
              })}
            </Typography>
          </Flex>
        ))}
      </Flex>
    </Flex>
  );
};
