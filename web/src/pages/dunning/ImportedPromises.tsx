/**
 * The promises to pay of the imported history, below the recorded ones on the promises page:
 * read-only lines of the customers' story (`GET /api/dunning/promises/imported`), each with the
 * line's date, the date and amount it promised when it says them, what was paid by then and its
 * status as the ledger tells it (« Non vérifiable » with the reason when it cannot).
 */
import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { HorizontalScroll } from '../../components/HorizontalScroll.tsx';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';

/** A row of `GET /api/dunning/promises/imported` (src/http/routes/dunning-follow-up.ts). */
export interface ImportedPromiseItem {
  source: 'imported';
  eventId: number;
  customerCode: string;
  customerName: string;
  madeOn: string;
  promisedOn: string | null;
  amountMinor: number | null;
  currency: string;
  documentRef: string | null;
  note: string;
  status: string;
  unverifiableReason: string | null;
  paidMinor: number | null;
}

export const IMPORTED_STATUS_COLOURS: Record<string, string> = {
  pending: 'blue',
  kept: 'green',
  broken: 'red',
  unverifiable: 'gray',
};

function ImportedRow({ promise }: { promise: ImportedPromiseItem }) {
  const { t, lang, label } = useI18n();
  return (
    <Table.Tr data-testid={`imported-promise-${promise.eventId}`}>
      <Table.Td>
        <Anchor component={Link} to={`/customers/${encodeURIComponent(promise.customerCode)}`}>
          {promise.customerName}
        </Anchor>{' '}
        <Text span c="dimmed" size="sm">
          ({promise.customerCode})
        </Text>
      </Table.Td>
      <Table.Td>{date(promise.madeOn, lang)}</Table.Td>
      <Table.Td>
        {promise.promisedOn === null ? (
          <Text span c="dimmed" size="sm">
            {t('dunningFollowUp.imported.dateNotStated')}
          </Text>
        ) : (
          date(promise.promisedOn, lang)
        )}
      </Table.Td>
      <Table.Td ta="right">
        {promise.amountMinor === null ? (
          <Text span c="dimmed" size="sm">
            {t('dunningFollowUp.imported.amountNotStated')}
          </Text>
        ) : (
          money(promise.amountMinor, promise.currency, lang)
        )}
      </Table.Td>
      <Table.Td ta="right">
        {promise.paidMinor === null ? '' : money(promise.paidMinor, promise.currency, lang)}
      </Table.Td>
      <Table.Td>
        {/* As wide as its badges: a badge would rather cut its words than widen the column. */}
        <Stack gap={4} align="flex-start" miw="max-content">
          <Badge color={IMPORTED_STATUS_COLOURS[promise.status]} variant="light">
            {label('dunningPromiseStatus', promise.status)}
          </Badge>
          <Badge variant="outline" color="blue">
            {t('dunningFollowUp.imported.badge')}
          </Badge>
        </Stack>
        {promise.unverifiableReason && (
          <Text size="xs" c="dimmed" data-testid="unverifiable-reason">
            {label('dunningPromiseUnverifiable', promise.unverifiableReason)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{promise.note}</Text>
        {promise.documentRef && (
          <Text size="xs" c="dimmed">
            {t('dunningFollowUp.imported.invoice', { ref: promise.documentRef })}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The section: its title, what these lines are, and their table (or that the history has none). */
export function ImportedPromises({
  all,
  shown,
}: {
  all: readonly ImportedPromiseItem[];
  shown: readonly ImportedPromiseItem[];
}) {
  const { t } = useI18n();
  return (
    <Stack gap="xs" data-testid="imported-promises">
      <Title order={3}>{t('dunningFollowUp.imported.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('dunningFollowUp.imported.intro')}
      </Text>
      {all.length === 0 && <Text c="dimmed">{t('dunningFollowUp.imported.empty')}</Text>}
      {all.length > 0 && shown.length === 0 && (
        <Text c="dimmed">{t('dunningFollowUp.promises.emptyStatus')}</Text>
      )}
      {shown.length > 0 && (
        <>
          <Text c="dimmed" size="sm" data-testid="imported-promise-count">
            {t('dunningFollowUp.imported.count', { count: shown.length })}
          </Text>
          <HorizontalScroll minWidth={900}>
            <Table striped data-testid="imported-promise-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('dunningFollowUp.promises.customer')}</Table.Th>
                  <Table.Th scope="col">{t('dunningFollowUp.imported.lineDate')}</Table.Th>
                  <Table.Th scope="col">{t('dunningFollowUp.imported.promisedOn')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('dunningFollowUp.imported.amount')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('dunningFollowUp.imported.paid')}
                  </Table.Th>
                  <Table.Th scope="col">{t('dunningFollowUp.promises.status')}</Table.Th>
                  <Table.Th scope="col">{t('dunningFollowUp.imported.line')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((promise) => (
                  <ImportedRow key={promise.eventId} promise={promise} />
                ))}
              </Table.Tbody>
            </Table>
          </HorizontalScroll>
        </>
      )}
    </Stack>
  );
}
