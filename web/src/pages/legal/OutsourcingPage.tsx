/**
 * The outsourcing cost simulator: the real annual cost of in-house management against credit
 * insurance, factoring, a collection agency and insurance with an agency, on the company's own
 * ledger. The main assumptions are edited here (percentages and euros); the company's cost of
 * money starts at its financing rate, and says so; every cost line shows its base and rate; the PDF
 * report carries the same figures.
 */
import { Accordion, Alert, Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { OutsourcingSimulation } from '../../../../src/http/schemas/outsourcing.ts';
import { api, download, problemText } from '../../api.ts';
import { DecimalInput } from '../../components/DecimalInput.tsx';
import type { ChartOption } from '../../components/EChart.tsx';
import { compactMajor, money, percentBps, toMajor } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { ChartCard } from '../dashboard/ChartCard.tsx';

/** The assumptions editable here, as paths into the assumptions object, and their unit on screen. */
const EDITABLE = [
  ['financingRateBp', 'percent'],
  ['inHouse.staffCostMinor', 'money'],
  ['insurance.premiumRateBp', 'percent'],
  ['insurance.coverRateBp', 'percent'],
  ['factoring.commissionBp', 'percent'],
  ['factoring.factorFinancingRateBp', 'percent'],
  ['agency.recoveryRateBp', 'percent'],
  ['agency.amicableCommissionBp', 'percent'],
] as const;

type Overrides = Record<string, number>;

function nest(overrides: Overrides): Record<string, unknown> {
  const result: Record<string, Record<string, number> | number> = {};
  for (const [path, value] of Object.entries(overrides)) {
    const [section, key] = path.split('.');
    if (key === undefined) result[section as string] = value;
    else
      result[section as string] = {
        ...((result[section as string] as Record<string, number>) ?? {}),
        [key]: value,
      };
  }
  return result;
}

function valueAt(simulation: OutsourcingSimulation, path: string): number {
  const [section, key] = path.split('.');
  const assumptions = simulation.assumptions as unknown as Record<string, Record<string, number> | number>;
  const holder = assumptions[section as string];
  return key === undefined ? (holder as number) : ((holder as Record<string, number>)[key] ?? 0);
}

function chartOption(
  simulation: OutsourcingSimulation,
  lang: 'fr' | 'en',
  t: (k: string) => string,
): ChartOption {
  const currency = simulation.figures.currency;
  // Horizontal bars: the five solutions' names are long (« Assurance-crédit et recouvrement ») and
  // side by side under vertical bars ECharts dropped every other one; here each has its own line.
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => money(Math.round(v * 100), currency, lang) },
    grid: { left: 250, right: 24, top: 8, bottom: 32 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: simulation.options.map((o) => t(`outsourcing.option.${o.option}`)),
      axisLabel: { interval: 0, width: 238, overflow: 'break', lineHeight: 14 },
    },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => compactMajor(v, currency, lang) } },
    series: [
      {
        type: 'bar',
        name: t('outsourcing.chart.series'),
        data: simulation.options.map((o) => toMajor(o.totalMinor, currency)),
      },
    ],
  };
}

export function OutsourcingPage() {
  const { t, lang } = useI18n();
  const [overrides, setOverrides] = useState<Overrides>({});
  const [simulation, setSimulation] = useState<OutsourcingSimulation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const body = { assumptions: nest(overrides), lang };
  const run = () =>
    api<OutsourcingSimulation>('/api/outsourcing/simulation', { method: 'POST', body })
      .then((result) => {
        setSimulation(result);
        setError(null);
      })
      .catch((e: unknown) => setError(problemText(e)));
  // biome-ignore lint/correctness/useExhaustiveDependencies: computed once on arrival; then on demand
  useEffect(() => {
    void run();
  }, []);
  const currency = simulation?.figures.currency ?? 'EUR';
  return (
    <Stack>
      <Title order={2}>{t('outsourcing.title')}</Title>
      {error && <Alert color="red">{error}</Alert>}
      {simulation && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            {EDITABLE.map(([path, unit]) => (
              <DecimalInput
                key={path}
                label={t(`outsourcing.assumption.${path}`)}
                decimalScale={2}
                unit={unit}
                currency={currency}
                value={(overrides[path] ?? valueAt(simulation, path)) / 100}
                onChange={(value) => setOverrides({ ...overrides, [path]: Math.round(Number(value) * 100) })}
                description={
                  path === 'financingRateBp'
                    ? t('outsourcing.web.rateSource', {
                        source: path in overrides ? 'given' : simulation.financingRateSource,
                      })
                    : undefined
                }
                // Below the figure, so the first row's inputs stay level.
                inputWrapperOrder={['label', 'input', 'description']}
              />
            ))}
          </SimpleGrid>
          <Group>
            <Button onClick={run}>{t('outsourcing.page.compute')}</Button>
            <Button
              variant="light"
              onClick={() =>
                download('/api/outsourcing/simulation.pdf', body).catch((e: unknown) =>
                  setError(problemText(e)),
                )
              }
            >
              {t('outsourcing.page.pdf')}
            </Button>
          </Group>
          <ChartCard
            title={t('outsourcing.chart.title')}
            option={chartOption(simulation, lang, t)}
            testId="outsourcing-chart"
          />
          <Accordion variant="separated">
            {simulation.options.map((o) => (
              <Accordion.Item key={o.option} value={o.option}>
                <Accordion.Control>
                  <Group justify="space-between" pr="md">
                    <Text fw={600}>{t(`outsourcing.option.${o.option}`)}</Text>
                    <Text>
                      {money(o.totalMinor, currency, lang)}
                      {o.option !== 'in_house' &&
                        ` (${o.versusInHouseMinor > 0 ? '+' : ''}${money(o.versusInHouseMinor, currency, lang)})`}
                    </Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Table>
                    <Table.Tbody>
                      {o.lines.map((line) => (
                        <Table.Tr key={line.code}>
                          <Table.Td>{t(`outsourcing.line.${line.code}`)}</Table.Td>
                          <Table.Td ta="right">
                            {line.baseMinor === null ? '' : money(line.baseMinor, currency, lang)}
                          </Table.Td>
                          <Table.Td ta="right">
                            {line.rateBp === null ? '' : percentBps(line.rateBp, lang, 2)}
                          </Table.Td>
                          <Table.Td ta="right">{money(line.amountMinor, currency, lang)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
          <Text size="xs" c="dimmed">
            {t('outsourcing.method')}
          </Text>
        </>
      )}
    </Stack>
  );
}
