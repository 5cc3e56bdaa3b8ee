/** The figures of the dimension chart as a table: dimension, mean score, band. */
import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { BandLabels, Thresholds } from '../utils/api';
import { bandLabel } from '../utils/format';
import { getTranslation } from '../utils/getTranslation';

interface DimensionTableProps {
  dimensions: { key: string; name: string }[];
  values: Record<string, number | null>;
  thresholds: Thresholds;
  bandLabels: BandLabels;
}

export const DimensionTable = ({
  dimensions,
  values,
  thresholds,
  bandLabels,
}: DimensionTableProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const notScored = formatMessage({
    id: getTranslation('chart.notScored'),
    defaultMessage: 'not scored',
  });
  return (
    <Table
      colCount={3}
      rowCount={dimensions.length + 1}
      data-testid="employer-check-dimension-table"
    >
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma" textColor="neutral600">
              {formatMessage({
                id: getTranslation('statistics.column.dimension'),
                defaultMessage: 'Dimension',
              })}
            </Typography>
          </Th>
          <Th>
            <Typography variant="sigma" textColor="neutral600">
              {formatMessage({
                id: getTranslation('statistics.column.mean'),
                defaultMessage: 'Mean (0–100)',
              })}
            </Typography>
          </Th>
          <Th>
            <Typography variant="sigma" textColor="neutral600">
              {formatMessage({
                id: getTranslation('statistics.column.band'),
                defaultMessage: 'Band',
              })}
            </Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {dimensions.map(({ key, name }) => {
          const value = values[key];
          const scored = value !== null && value !== undefined;
          return (
            <Tr key={key} data-dimension={key}>
              <Td>
                <Typography textColor="neutral800" fontWeight="semiBold">
                  {name}
                </Typography>
              </Td>
              <Td>
                <Typography textColor="neutral800" data-value={scored ? value : ''}>
                  {scored ? formatNumber(value) : notScored}
                </Typography>
              </Td>
              <Td>
                <Typography textColor="neutral800">
                  {scored ? bandLabel(value, thresholds, bandLabels) : '–'}
                </Typography>
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
