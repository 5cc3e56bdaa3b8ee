/**
 * Anonymous statistics of the self-check: completed checks with consent, mean score per
 * dimension, comparison by sector / size class / municipality, trend per month, CSV export.
 * Groups below k show "too few participants" and nothing else.
 */
import { Box, Flex, Grid, Tabs, Typography } from '@strapi/design-system';
import { isFetchError, Layouts, Page } from '@strapi/strapi/admin';
import { useAllowedActions } from '../hooks/useAllowedActions';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router-dom';
import { DimensionChart } from '../components/DimensionChart';
import { DimensionTable } from '../components/DimensionTable';
import { EmployeesView } from '../components/EmployeesView';
import { ExportButton } from '../components/ExportButton';
import { GroupTable } from '../components/GroupTable';
import { StatisticsFilters } from '../components/StatisticsFilters';
import { TrendChart } from '../components/TrendChart';
import { PERMISSIONS } from '../permissions';
import {
  FILTER_FIELDS,
  useStatistics,
  type StatisticsFilter,
  type StatisticsSummary,
} from '../utils/api';
import { bandLabel, labelOf, monthDate } from '../utils/format';
import { getTranslation } from '../utils/getTranslation';

const Card = ({ children, testId }: { children: React.ReactNode; testId?: string }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} data-testid={testId}>
    <Flex direction="column" alignItems="stretch" gap={4}>
      {children}
    </Flex>
  </Box>
);

const Heading = ({ children, hint }: { children: React.ReactNode; hint?: React.ReactNode }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="delta" tag="h2">
      {children}
    </Typography>
    {hint && (
      <Typography variant="pi" textColor="neutral600">
        {hint}
      </Typography>
    )}
  </Flex>
);

const KeyFigure = ({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: string;
  note?: string;
  testId: string;
}) => (
  <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} height="100%">
      <Flex direction="column" alignItems="flex-start" gap={2}>
        <Typography variant="sigma" textColor="neutral600">
          {label}
        </Typography>
        <Typography variant="alpha" tag="p" data-testid={testId}>
          {value}
        </Typography>
        {note && (
          <Typography variant="omega" textColor="neutral600">
            {note}
          </Typography>
        )}
      </Flex>
    </Box>
  </Grid.Item>
);

/** The server's 400 as field → message, to show next to the filters. */
const fieldErrors = (error: unknown): Record<string, string> => {
  if (!isFetchError(error)) return {};
  const details = error.response?.data?.error?.details as
    { errors?: { path: (string | number)[]; message: string }[] } | undefined;
  return Object.fromEntries(
    (details?.errors ?? []).map((entry) => [String(entry.path[0]), entry.message])
  );
};

const Figures = ({ data }: { data: StatisticsSummary }) => {
  const { formatMessage, formatNumber, formatDate } = useIntl();
  const suppressed = formatMessage({
    id: getTranslation('statistics.suppressed'),
    defaultMessage: 'too few participants',
  });
  const overall = data.overall;
  const dimensionValues = overall.dimensions ?? {};
  const sectorLabel = (key: string) => `${key} – ${labelOf(data.options.sectors, key)}`;
  const monthLabel = (key: string) =>
    formatDate(monthDate(key), { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const groupTabs = [
    {
      value: 'sector',
      label: formatMessage({ id: getTranslation('filters.sector'), defaultMessage: 'Sector' }),
      groups: data.bySector,
      labelFor: sectorLabel,
    },
    {
      value: 'sizeClass',
      label: formatMessage({
        id: getTranslation('filters.sizeClass'),
        defaultMessage: 'Company size',
      }),
      groups: data.bySizeClass,
      labelFor: (key: string) => labelOf(data.options.sizeClasses, key),
    },
    ...(data.options.municipalities.length
      ? [
          {
            value: 'municipality',
            label: formatMessage({
              id: getTranslation('filters.municipality'),
              defaultMessage: 'Municipality',
            }),
            groups: data.byMunicipality,
            labelFor: (key: string) => labelOf(data.options.municipalities, key),
          },
        ]
      : []),
  ];
  const chartLabel = formatMessage({ id: getTranslation('view.chart'), defaultMessage: 'Chart' });
  const tableLabel = formatMessage({ id: getTranslation('view.table'), defaultMessage: 'Table' });

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Grid.Root gap={4}>
        <KeyFigure
          label={formatMessage({
            id: getTranslation('statistics.completed'),
            defaultMessage: 'Completed checks',
          })}
          value={overall.suppressed ? suppressed : formatNumber(overall.count ?? 0)}
          testId="employer-check-count"
        />
        <KeyFigure
          label={formatMessage({
            id: getTranslation('statistics.total'),
            defaultMessage: 'Mean total score',
          })}
          value={overall.suppressed || overall.total === null ? '–' : formatNumber(overall.total)}
          note={
            overall.suppressed || overall.total === null
              ? undefined
              : bandLabel(overall.total, data.thresholds, data.bandLabels)
          }
          testId="employer-check-total"
        />
        <KeyFigure
          label={formatMessage({
            id: getTranslation('statistics.k'),
            defaultMessage: 'Smallest group shown (k)',
          })}
          value={formatNumber(data.k)}
          testId="employer-check-k"
        />
      </Grid.Root>

      {overall.suppressed ? (
        <Card testId="employer-check-suppressed">
          <Heading>{suppressed}</Heading>
          <Typography tag="p">
            {formatMessage(
              {
                id: getTranslation('statistics.suppressed.explanation'),
                defaultMessage:
                  'Fewer than {k} completed checks with consent to statistics match this selection. To protect the companies, no figures are shown. Widen the filters to see results.',
              },
              { k: data.k }
            )}
          </Typography>
        </Card>
      ) : (
        <>
          <Card testId="employer-check-dimensions">
            <Heading
              hint={formatMessage({
                id: getTranslation('statistics.dimensions.hint'),
                defaultMessage:
                  'Scores from 0 to 100; dashed lines mark the band limits. Dimensions of the active questionnaire.',
              })}
            >
              {formatMessage({
                id: getTranslation('statistics.dimensions.title'),
                defaultMessage: 'Mean score per dimension',
              })}
            </Heading>
            <Tabs.Root defaultValue="chart" variant="simple">
              <Tabs.List
                aria-label={formatMessage({
                  id: getTranslation('view.label'),
                  defaultMessage: 'Display',
                })}
              >
                <Tabs.Trigger value="chart">{chartLabel}</Tabs.Trigger>
                <Tabs.Trigger value="table">{tableLabel}</Tabs.Trigger>
              </Tabs.List>
              <Tabs.Content value="chart">
                <Box paddingTop={4}>
                  <DimensionChart
                    dimensions={data.dimensions}
                    values={dimensionValues}
                    thresholds={data.thresholds}
                    bandLabels={data.bandLabels}
                  />
                </Box>
              </Tabs.Content>
              <Tabs.Content value="table">
                <Box paddingTop={4}>
                  <DimensionTable
                    dimensions={data.dimensions}
                    values={dimensionValues}
                    thresholds={data.thresholds}
                    bandLabels={data.bandLabels}
                  />
                </Box>
              </Tabs.Content>
            </Tabs.Root>
          </Card>

          <Card testId="employer-check-employees">
            <EmployeesView
              employees={data.employees}
              dimensions={data.dimensions}
              thresholds={data.thresholds}
              bandLabels={data.bandLabels}
              k={data.k}
            />
          </Card>

          <Card testId="employer-check-groups">
            <Heading
              hint={formatMessage(
                {
                  id: getTranslation('statistics.groups.hint'),
                  defaultMessage:
                    'Groups with fewer than {k} completed checks are shown as “too few participants”, without their number or scores.',
                },
                { k: data.k }
              )}
            >
              {formatMessage({
                id: getTranslation('statistics.groups.title'),
                defaultMessage: 'Comparison by group',
              })}
            </Heading>
            <Tabs.Root defaultValue="sector" variant="simple">
              <Tabs.List
                aria-label={formatMessage({
                  id: getTranslation('statistics.groups.by'),
                  defaultMessage: 'Group by',
                })}
              >
                {groupTabs.map((tab) => (
                  <Tabs.Trigger key={tab.value} value={tab.value}>
                    {tab.label}
                  </Tabs.Trigger>
                ))}
              </Tabs.List>
              {groupTabs.map((tab) => (
                <Tabs.Content key={tab.value} value={tab.value}>
                  <Box paddingTop={4}>
                    <GroupTable
                      groups={tab.groups}
                      groupLabel={tab.label}
                      labelFor={tab.labelFor}
                      dimensions={data.dimensions}
                      testId={`employer-check-groups-${tab.value}`}
                    />
                  </Box>
                </Tabs.Content>
              ))}
            </Tabs.Root>
          </Card>

          <Card testId="employer-check-trend">
            <Heading
              hint={formatMessage({
                id: getTranslation('statistics.trend.hint'),
                defaultMessage: 'Mean total score of the checks completed in each month.',
              })}
            >
              {formatMessage({
                id: getTranslation('statistics.trend.title'),
                defaultMessage: 'Trend per month',
              })}
            </Heading>
            <Tabs.Root defaultValue="chart" variant="simple">
              <Tabs.List
                aria-label={formatMessage({
                  id: getTranslation('view.label'),
                  defaultMessage: 'Display',
                })}
              >
                <Tabs.Trigger value="chart">{chartLabel}</Tabs.Trigger>
                <Tabs.Trigger value="table">{tableLabel}</Tabs.Trigger>
              </Tabs.List>
              <Tabs.Content value="chart">
                <Box paddingTop={4}>
                  <TrendChart months={data.byMonth} thresholds={data.thresholds} />
                </Box>
              </Tabs.Content>
              <Tabs.Content value="table">
                <Box paddingTop={4}>
                  <GroupTable
                    groups={data.byMonth}
                    groupLabel={formatMessage({
                      id: getTranslation('statistics.column.month'),
                      defaultMessage: 'Month',
                    })}
                    labelFor={monthLabel}
                    testId="employer-check-months"
                  />
                </Box>
              </Tabs.Content>
            </Tabs.Root>
          </Card>
        </>
      )}
    </Flex>
  );
};

export const StatisticsPage = () => {
  const { formatMessage } = useIntl();
  const {
    allowedActions: { canRead, canExport },
    isLoading: loadingPermissions,
  } = useAllowedActions(PERMISSIONS.statistics);
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = React.useMemo(() => {
    const result: StatisticsFilter = {};
    for (const field of FILTER_FIELDS) {
      const value = searchParams.get(field);
      if (value) result[field] = value;
    }
    return result;
  }, [searchParams]);
  const query = useStatistics(filter, Boolean(canRead));
  const title = formatMessage({
    id: getTranslation('statistics.title'),
    defaultMessage: 'Self-check statistics',
  });

  if (loadingPermissions) return <Page.Loading />;
  if (!canRead) return <Page.NoPermissions />;

  const errors = fieldErrors(query.error);
  const setFilter = (next: StatisticsFilter) =>
    setSearchParams(
      Object.fromEntries(Object.entries(next).filter(([, value]) => Boolean(value))) as Record<
        string,
        string
      >
    );

  return (
    <Page.Main aria-busy={query.isFetching}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({
          id: getTranslation('statistics.subtitle'),
          defaultMessage:
            'Anonymous: only completed checks whose companies agreed to the statistics.',
        })}
        primaryAction={canExport ? <ExportButton filter={filter} /> : undefined}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {query.data || Object.keys(errors).length ? (
            <StatisticsFilters
              filter={filter}
              options={query.data?.options ?? { sectors: [], sizeClasses: [], municipalities: [] }}
              onChange={setFilter}
              errors={errors}
            />
          ) : null}
          {query.isLoading ? (
            <Page.Loading />
          ) : query.error ? (
            <Card testId="employer-check-error">
              <Typography tag="p" textColor="danger600">
                {Object.keys(errors).length
                  ? formatMessage({
                      id: getTranslation('statistics.error.filter'),
                      defaultMessage: 'A filter is not valid; please correct or reset it.',
                    })
                  : formatMessage({
                      id: getTranslation('statistics.error.load'),
                      defaultMessage: 'The statistics could not be loaded.',
                    })}
              </Typography>
            </Card>
          ) : query.data ? (
            <Figures data={query.data} />
          ) : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
