/** The risk map: customers and exposure by risk class, with the insured part and the company's own risk. */
import { Badge, Card, Table, Text, Title } from '@mantine/core';
import { date, money, percentBps } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';

interface RiskMapCell {
  riskClass: string | null;
  currency: string;
  customers: number;
  exposureMinor: number;
  insuredMinor: number;
  uninsuredMinor: number;
  beyondCoverMinor: number;
  notGuaranteedMinor: number;
  insuredShareBps: number;
}

const CLASS_COLOURS: Record<string, string> = { A: 'green', B: 'teal', C: 'yellow', D: 'orange', E: 'red' };

export function RiskMap() {
  const { t, lang } = useI18n();
  const map = useApi<{ asOf: string; cells: RiskMapCell[] }>('/api/credit/risk-map');
  if (!map.data) return null;
  return (
    <Card withBorder data-testid="risk-map">
      <Title order={3} size="h4">
        {t('credit.web.riskMap')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('credit.web.riskMapIntro')}
      </Text>
      {/* Its population says why it is not the risk table's: open orders count here, as exposure. */}
      <Text size="sm" c="dimmed" mb="sm" data-testid="risk-map-counted">
        {t('credit.web.riskMapCounted', {
          n: map.data.cells.reduce((n, cell) => n + cell.customers, 0),
          date: date(map.data.asOf, lang),
        })}
      </Text>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('credit.web.class')}</Table.Th>
            <Table.Th ta="right">{t('credit.web.customers')}</Table.Th>
            <Table.Th ta="right">{t('credit.web.exposure')}</Table.Th>
            <Table.Th ta="right">{t('credit.web.insured')}</Table.Th>
            <Table.Th ta="right">{t('credit.web.uninsured')}</Table.Th>
            <Table.Th ta="right">{t('credit.web.beyondCover')}</Table.Th>
            <Table.Th ta="right">{t('credit.web.notGuaranteed')}</Table.Th>
            <Table.Th ta="right">{t('credit.web.insuredShareOfExposure')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {map.data.cells.map((cell) => (
            <Table.Tr key={`${cell.riskClass ?? '-'}-${cell.currency}`}>
              <Table.Td>
                {cell.riskClass ? (
                  <Badge color={CLASS_COLOURS[cell.riskClass] ?? 'gray'}>{cell.riskClass}</Badge>
                ) : (
                  t('credit.web.noClass')
                )}
              </Table.Td>
              <Table.Td ta="right">{cell.customers}</Table.Td>
              <Table.Td ta="right">{money(cell.exposureMinor, cell.currency, lang)}</Table.Td>
              <Table.Td ta="right">{money(cell.insuredMinor, cell.currency, lang)}</Table.Td>
              <Table.Td ta="right">{money(cell.uninsuredMinor, cell.currency, lang)}</Table.Td>
              <Table.Td ta="right">{money(cell.beyondCoverMinor, cell.currency, lang)}</Table.Td>
              <Table.Td ta="right">{money(cell.notGuaranteedMinor, cell.currency, lang)}</Table.Td>
              <Table.Td ta="right">{percentBps(cell.insuredShareBps, lang)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
