/** Filters of the statistics: sector, size class, municipality and period (kept in the URL). */
import {
  Box,
  Button,
  DatePicker,
  Field,
  Flex,
  Grid,
  SingleSelect,
  SingleSelectOption,
} from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { Option, StatisticsFilter } from '../utils/api';
import { formatDay, parseDay } from '../utils/format';
import { getTranslation } from '../utils/getTranslation';

interface StatisticsFiltersProps {
  filter: StatisticsFilter;
  options: { sectors: Option[]; sizeClasses: Option[]; municipalities: Option[] };
  onChange: (filter: StatisticsFilter) => void;
  /** field → message of a 400 from the server */
  errors: Record<string, string>;
}

export const StatisticsFilters = ({
  filter,
  options,
  onChange,
  errors,
}: StatisticsFiltersProps) => {
  const { formatMessage, locale } = useIntl();
  const set = (field: keyof StatisticsFilter, value: string | undefined) =>
    onChange({ ...filter, [field]: value || undefined });
  const all = formatMessage({ id: getTranslation('filters.all'), defaultMessage: 'All' });
  const clear = formatMessage({ id: getTranslation('filters.clear'), defaultMessage: 'Clear' });

  const select = (
    field: 'sector' | 'sizeClass' | 'municipality',
    label: string,
    list: Option[],
    showKey = false
  ) => (
    <Grid.Item col={4} s={6} xs={12} direction="column" alignItems="stretch">
      <Field.Root name={field} error={errors[field]}>
        <Field.Label>{label}</Field.Label>
        <SingleSelect
          value={filter[field] ?? ''}
          placeholder={all}
          onChange={(value) => set(field, String(value))}
          onClear={() => set(field, undefined)}
          clearLabel={clear}
          data-testid={`employer-check-filter-${field}`}
        >
          {list.map((option) => (
            <SingleSelectOption key={option.key} value={option.key}>
              {showKey ? `${option.key} – ${option.label}` : option.label}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Error />
      </Field.Root>
    </Grid.Item>
  );

  const date = (field: 'from' | 'to', label: string) => (
    <Grid.Item col={4} s={6} xs={12} direction="column" alignItems="stretch">
      <Field.Root name={field} error={errors[field]}>
        <Field.Label>{label}</Field.Label>
        <DatePicker
          value={parseDay(filter[field])}
          onChange={(value) => set(field, formatDay(value))}
          onClear={() => set(field, undefined)}
          clearLabel={clear}
          locale={locale}
          maxDate={new Date()}
          data-testid={`employer-check-filter-${field}`}
        />
        <Field.Error />
      </Field.Root>
    </Grid.Item>
  );

  const active = Object.values(filter).some(Boolean);

  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Grid.Root gap={4}>
          {select(
            'sector',
            formatMessage({ id: getTranslation('filters.sector'), defaultMessage: 'Sector' }),
            options.sectors,
            true
          )}
          {select(
            'sizeClass',
            formatMessage({
              id: getTranslation('filters.sizeClass'),
              defaultMessage: 'Company size',
            }),
            options.sizeClasses
          )}
          {options.municipalities.length > 0 &&
            select(
              'municipality',
              formatMessage({
                id: getTranslation('filters.municipality'),
                defaultMessage: 'Municipality',
              }),
              options.municipalities
            )}
          {date(
            'from',
            formatMessage({ id: getTranslation('filters.from'), defaultMessage: 'Completed from' })
          )}
          {date(
            'to',
            formatMessage({ id: getTranslation('filters.to'), defaultMessage: 'Completed until' })
          )}
        </Grid.Root>
        {active && (
          <Flex justifyContent="flex-end">
            <Button variant="tertiary" startIcon={<ArrowClockwise />} onClick={() => onChange({})}>
              {formatMessage({
                id: getTranslation('filters.reset'),
                defaultMessage: 'Reset filters',
              })}
            </Button>
          </Flex>
        )}
      </Flex>
    </Box>
  );
};
