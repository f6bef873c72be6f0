/**
 * The promises to pay of the imported history, below the recorded ones on the promises page:
 * read-only lines of the customers' story (`GET /api/dunning/promises/imported`, a page at a time),
 * each with the line's date, the date and amount it promised when it says them, what was paid by
 * then and its status as the ledger tells it — judged on the invoices it names when it states no
 * amount, « Non vérifiable » with the reason when it cannot be.
 */
import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { listOf } from '../../../../src/text/error-words.ts';
import { HorizontalScroll } from '../../components/HorizontalScroll.tsx';
import { PageNumbers } from '../../components/PageNumbers.tsx';
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
  /** A line stating no amount, judged on the invoices it names. */
  invoiceCheck: {
    refs: string[];
    on: string;
    openMinor: number;
    currency: string;
    settledOn: string | null;
  } | null;
}

/** A page of them, its total over every page and how many each status holds. */
export interface ImportedPromisePage {
  total: number;
  counts: Record<string, number>;
  items: ImportedPromiseItem[];
}

export const IMPORTED_STATUS_COLOURS: Record<string, string> = {
  pending: 'blue',
  kept: 'green',
  broken: 'red',
  unverifiable: 'gray',
};

/** Why the status is what it is: the reason it cannot be read, or the invoices it was read on. */
function StatusReason({ promise }: { promise: ImportedPromiseItem }) {
  const { t, lang, label } = useI18n();
  const check = promise.invoiceCheck;
  if (promise.unverifiableReason)
    return (
      <Text size="xs" c="dimmed" data-testid="unverifiable-reason">
        {label('dunningPromiseUnverifiable', promise.unverifiableReason)}
      </Text>
    );
  if (!check) return null;
  const refs = listOf(lang, check.refs);
  return (
    <Text size="xs" c="dimmed" data-testid="invoice-check">
      {check.settledOn !== null
        ? t('dunningFollowUp.imported.invoiceSettled', {
            count: check.refs.length,
            refs,
            date: date(check.settledOn, lang),
          })
        : t('dunningFollowUp.imported.invoiceOpen', {
            status: promise.status,
            count: check.refs.length,
            refs,
            open: money(check.openMinor, check.currency, lang),
            date: date(check.on, lang),
          })}
    </Text>
  );
}

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
        <StatusReason promise={promise} />
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

/**
 * The section: its title, what these lines are, and the page's table (or that the history has
 * none, or none of the status chosen), with the page numbers under it.
 */
export function ImportedPromises({
  data,
  pageSize,
  page,
  onPage,
}: {
  data: ImportedPromisePage;
  pageSize: number;
  page: number;
  onPage: (page: number) => void;
}) {
  const { t } = useI18n();
  const inAll = Object.values(data.counts).reduce((sum, count) => sum + count, 0);
  return (
    <Stack gap="xs" data-testid="imported-promises">
      <Title order={3}>{t('dunningFollowUp.imported.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('dunningFollowUp.imported.intro')}
      </Text>
      {inAll === 0 && <Text c="dimmed">{t('dunningFollowUp.imported.empty')}</Text>}
      {inAll > 0 && data.total === 0 && <Text c="dimmed">{t('dunningFollowUp.promises.emptyStatus')}</Text>}
      {data.total > 0 && (
        <>
          <Text c="dimmed" size="sm" data-testid="imported-promise-count">
            {t('dunningFollowUp.imported.count', { count: data.total })}
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
                {data.items.map((promise) => (
                  <ImportedRow key={promise.eventId} promise={promise} />
                ))}
              </Table.Tbody>
            </Table>
          </HorizontalScroll>
          <PageNumbers total={data.total} pageSize={pageSize} page={page} onChange={onPage} />
        </>
      )}
    </Stack>
  );
}
