/**
 * The employees' view in the office's statistics: means per dimension over the companies whose
 * staff survey reached k answers, shown only from k such companies on (like every group).
 */
import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { BandLabels, EmployeesFigures, Thresholds } from '../utils/api';
import { getTranslation } from '../utils/getTranslation';
import { DimensionTable } from './DimensionTable';

interface EmployeesViewProps {
  employees: EmployeesFigures | undefined;
  dimensions: { key: string; name: string }[];
  thresholds: Thresholds;
  bandLabels: BandLabels;
  k: number;
}

export const EmployeesView = ({
  employees,
  dimensions,
  thresholds,
  bandLabels,
  k,
}: EmployeesViewProps) => {
  const { formatMessage } = useIntl();
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="delta" tag="h2">
          {formatMessage({
            id: getTranslation('statistics.employees.title'),
            defaultMessage: 'The employees’ view',
          })}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(
            {
              id: getTranslation('statistics.employees.hint'),
              defaultMessage:
                'Mean per dimension over the staff surveys of the checks above that reached enough answers; shown from {k} such companies on.',
            },
            { k }
          )}
        </Typography>
      </Flex>
      {!employees || employees.suppressed || !employees.dimensions ? (
        <Typography data-testid="employer-check-employees-suppressed">
          {formatMessage({
            id: getTranslation('statistics.employees.suppressed'),
            defaultMessage: 'Too few companies with a staff survey for figures.',
          })}
        </Typography>
      ) : (
        <>
          <Typography>
            {formatMessage(
              {
                id: getTranslation('statistics.employees.count'),
                defaultMessage: '{companies} companies, {responses} answers',
              },
              { companies: employees.companies, responses: employees.responses }
            )}
          </Typography>
          <DimensionTable
            dimensions={dimensions}
            values={employees.dimensions}
            thresholds={thresholds}
            bandLabels={bandLabels}
          />
        </>
      )}
    </Flex>
  );
};
