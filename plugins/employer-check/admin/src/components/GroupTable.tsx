/**
 * Figures per group (sector, size class, municipality or month). A group below k shows only its
 * name and "too few participants": neither its count nor its means.
 */
import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { KeyedGroup } from '../utils/api';
import { getTranslation } from '../utils/getTranslation';

interface GroupTableProps {
  groups: KeyedGroup[];
  /** what the first column lists, e.g. "Branche" */
  groupLabel: string;
  labelFor: (key: string) => string;
  /** without dimensions: only checks and total (e.g. the monthly trend) */
  dimensions?: { key: string; name: string }[];
  testId: string;
}

export const GroupTable = ({
  groups,
  groupLabel,
  labelFor,
  dimensions = [],
  testId,
}: GroupTableProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const number = (value: number | null | undefined) =>
    value === null || value === undefined ? '–' : formatNumber(value);
  const columns = 3 + dimensions.length;

  if (!groups.length) {
    return (
      <Typography tag="p" textColor="neutral600">
        {formatMessage({
          id: getTranslation('statistics.groups.empty'),
          defaultMessage: 'No completed checks for this selection.',
        })}
      </Typography>
    );
  }

  return (
    <Table colCount={columns} rowCount={groups.length + 1} data-testid={testId}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma" textColor="neutral600">
              {groupLabel}
            </Typography>
          </Th>
          <Th>
            <Typography variant="sigma" textColor="neutral600">
              {formatMessage({
                id: getTranslation('statistics.column.count'),
                defaultMessage: 'Completed checks',
              })}
            </Typography>
          </Th>
          <Th>
            <Typography variant="sigma" textColor="neutral600">
              {formatMessage({
                id: getTranslation('statistics.column.total'),
                defaultMessage: 'Total (mean)',
              })}
            </Typography>
          </Th>
          {dimensions.map((dimension) => (
            <Th key={dimension.key}>
              <Typography variant="sigma" textColor="neutral600" title={dimension.name}>
                {dimension.name}
              </Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {groups.map((group) => (
          <Tr key={group.key} data-group={group.key} data-suppressed={group.suppressed}>
            <Td>
              <Typography textColor="neutral800" fontWeight="semiBold">
                {labelFor(group.key)}
              </Typography>
            </Td>
            {group.suppressed ? (
              <Td colSpan={columns - 1}>
                <Typography textColor="neutral600">
                  {formatMessage({
                    id: getTranslation('statistics.suppressed'),
                    defaultMessage: 'too few participants',
                  })}
                </Typography>
              </Td>
            ) : (
              <>
                <Td>
                  <Typography textColor="neutral800">{number(group.count)}</Typography>
                </Td>
                <Td>
                  <Typography textColor="neutral800" fontWeight="bold">
                    {number(group.total)}
                  </Typography>
                </Td>
                {dimensions.map((dimension) => (
                  <Td key={dimension.key}>
                    <Typography textColor="neutral800">
                      {number(group.dimensions?.[dimension.key])}
                    </Typography>
                  </Td>
                ))}
              </>
            )}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
