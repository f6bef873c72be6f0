/**
 * The dashboard's forecast card: the next 13 weeks of expected collections with each week's band,
 * from the same /api/forecast/collections answer the forecast page reads (its chart option too),
 * and the cost of the predicted days late at the company's financing rate
 * (/api/forecast/late-cost), linking to the forecast page for the detail.
 */
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { addDays } from '../../../../src/core/calendar.ts';
import { BEYOND_HISTORY_DAYS } from '../../../../src/core/forecast/age-terms.ts';
import type { LateCostResponse } from '../../../../src/http/schemas/forecast-cost.ts';
import { useAuth } from '../../auth.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { date, money, number, percentBps } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { FINANCING_RATE_ANCHOR } from '../forecast/FinancingRateCard.tsx';
import { collectionsOption } from '../forecast/forecast-charts.ts';
import {
  type Collections,
  collectionsPath,
  partialNote,
  periodsOf,
  shortLabel,
} from '../forecast/forecast-periods.ts';
import { ChartCard } from './ChartCard.tsx';

/** The customers' detail is on the forecast's own pages: the card needs the totals only. */
const LATE_COST_PATH = '/api/forecast/late-cost?limit=1';

function LateCostLines({ cost }: { cost: LateCostResponse }) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  // The default rate is a placeholder: those who may set the company's own are shown where.
  const canSetRate = me !== null && ['admin', 'credit_manager'].includes(me.user.role);
  const amount = (minor: number) => money(minor, cost.currency, lang);
  return (
    <Stack gap={2} data-testid="forecast-late-cost">
      <Text fw={600} size="sm">
        {t('forecastCost.web.costTitle')}
      </Text>
      <Text size="sm">
        {t('forecastCost.web.cost', {
          cost: amount(cost.costMinor),
          rate: percentBps(cost.rateBps, lang),
          source: t('forecastCost.rateSource', { source: cost.rateSource }),
          lateCount: cost.lateCount,
          days: number(cost.expectedDaysLate ?? 0, lang, 1),
        })}
        {cost.rateSource === 'default' && canSetRate && (
          <>
            {' '}
            <Anchor component={Link} to={`/forecast#${FINANCING_RATE_ANCHOR}`} size="sm">
              {t('forecastCost.web.setRate')}
            </Anchor>
          </>
        )}
      </Text>
      <Text size="xs" c="dimmed">
        {t('forecastCost.web.costAhead', { ahead: amount(cost.costAheadMinor) })}
      </Text>
      {cost.beyondHistoryCount > 0 && (
        <Text size="xs" c="dimmed" data-testid="forecast-beyond-history">
          {t('forecastCost.web.beyondHistory', {
            cost: amount(cost.beyondHistoryCostMinor),
            count: cost.beyondHistoryCount,
            until: date(addDays(cost.asOf, BEYOND_HISTORY_DAYS), lang),
          })}
        </Text>
      )}
      {cost.notExpectedCount > 0 && (
        <Text size="xs" c="dimmed" data-testid="forecast-not-expected">
          {t('forecastCost.web.notExpected', {
            count: cost.notExpectedCount,
            open: amount(cost.notExpectedOpenMinor),
          })}
        </Text>
      )}
    </Stack>
  );
}

export function ForecastCard() {
  const { t, lang } = useI18n();
  const collections = useApi<Collections>(collectionsPath('week'));
  const cost = useApi<LateCostResponse>(LATE_COST_PATH);
  const data = collections.data;
  const periods = useMemo(() => (data ? (periodsOf(data, 'week') ?? []) : []), [data]);
  const option = useMemo(
    () =>
      data && periods.length > 0
        ? collectionsOption(
            periods,
            periods.map((p) => shortLabel('week', p.start, lang, t)),
            data.currency,
            lang,
            t,
          )
        : null,
    [data, periods, lang, t],
  );
  // The chart marks a cut week « * » (the forecast page's labels): the same note says which days it counts.
  const note = periods.length > 0 ? partialNote('week', periods, lang, t) : null;
  const first = periods[0];
  const last = periods[periods.length - 1];
  const totalMinor = periods.reduce((sum, p) => sum + p.fromOpenItemsMinor + p.fromFutureSalesMinor, 0);
  const openMinor = periods.reduce((sum, p) => sum + p.fromOpenItemsMinor, 0);
  return (
    <ChartCard testId="dashboard-forecast" title={t('forecastCost.web.title')} option={option} height={240}>
      <LoadState loading={collections.loading} error={collections.error} />
      {data && first && last && (
        <Stack gap={2} mt="xs" data-testid="forecast-expected">
          <Text fz="lg" fw={700}>
            {t('forecastCost.web.expected', {
              total: money(totalMinor, data.currency, lang),
              from: date(first.from ?? first.start, lang),
              to: date(last.to ?? addDays(last.start, 6), lang),
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('forecastCost.web.fromOpen', { amount: money(openMinor, data.currency, lang) })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('forecastCost.web.band')}
          </Text>
          {note && (
            <Text size="xs" c="dimmed">
              {note}
            </Text>
          )}
        </Stack>
      )}
      <Stack mt="sm" gap="xs">
        {cost.data ? (
          <LateCostLines cost={cost.data} />
        ) : (
          <LoadState loading={cost.loading} error={cost.error} />
        )}
        <Group justify="flex-end">
          <Anchor component={Link} to="/forecast" size="sm" data-testid="forecast-card-link">
            {t('forecastCost.web.link')}
          </Anchor>
        </Group>
      </Stack>
    </ChartCard>
  );
}
