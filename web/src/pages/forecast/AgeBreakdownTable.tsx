/**
 * « Prévision par ancienneté »: the open invoices by age at the as-of date and what each bucket is
 * expected to bring within the horizon, as `forecast collections` prints it (the rows come from
 * the same mapping, src/text/forecast-age-rows.ts). Why it is on the page: after a month of receipts
 * is applied the total from open items can rise, and only the buckets' learned shares say why.
 */
import { Table, Text, Title } from '@mantine/core';
import { type AgeRow, ageRows } from '../../../../src/text/forecast-age-rows.ts';
import { date, money, percent } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import type { Collections } from './forecast-periods.ts';

type ByAge = NonNullable<Collections['byAge']>;

export function AgeBreakdownTable({
  byAge,
  currency,
  asOf,
  weeks,
}: {
  byAge: ByAge;
  currency: string;
  asOf: string;
  weeks: number;
}) {
  const { t, lang } = useI18n();
  const table = ageRows(byAge, lang);
  if (!table) return null;
  const right = { textAlign: 'right' as const };
  const cells = (row: AgeRow) => (
    <>
      <Table.Td>{row.label}</Table.Td>
      <Table.Td style={right}>{money(row.openMinor, currency, lang)}</Table.Td>
      <Table.Td style={right}>
        {row.expectedMinor === null ? '' : money(row.expectedMinor, currency, lang)}
      </Table.Td>
      <Table.Td style={right}>{row.share === null ? '' : percent(row.share, lang, 1)}</Table.Td>
    </>
  );
  return (
    <div data-testid="forecast-by-age">
      <Title order={4} size="h5" mt="md">
        {t('forecast.page.byAge')}
      </Title>
      <Text size="xs" c="dimmed" mb={4}>
        {t('forecastCuts.byAgeHeading', { asOf: date(asOf, lang) })}
      </Text>
      <Table striped fz="sm" data-testid="forecast-by-age-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('forecastCuts.col.age')}</Table.Th>
            <Table.Th style={right}>{t('forecast.page.byAge.open')}</Table.Th>
            <Table.Th style={right}>{t('forecast.page.byAge.expected', { weeks })}</Table.Th>
            <Table.Th style={right}>{t('forecastCuts.col.share')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row) => (
            <Table.Tr key={row.label}>{cells(row)}</Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot data-testid="forecast-by-age-total">
          <Table.Tr fw={700}>{cells(table.total)}</Table.Tr>
        </Table.Tfoot>
      </Table>
    </div>
  );
}
