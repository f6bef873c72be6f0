/**
 * Disputes (litiges): open and resolved complaints — imported ones included, which pause dunning
 * until taken over or resolved here —, the department answering, the date it must answer by, the documents
 * attached, edited while open, their resolution and how long it took, and the figures (open count,
 * median time to resolve). The API serves the list a page at a time; the figures count every dispute.
 */
import { Box, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { query } from '../../api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { PageNumbers } from '../../components/PageNumbers.tsx';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { CustomerPicker } from '../credit/CustomerPicker.tsx';
import type { PickedCustomer } from '../credit/credit-requests.ts';
import { DisputeCaseForm } from './DisputeCaseForm.tsx';
import { type DisputeItem, DisputeRow } from './DisputeRow.tsx';
import { DisputeSummary, type DisputeSummaryData } from './DisputeSummary.tsx';

export type { DisputeItem } from './DisputeRow.tsx';

const PAGE_SIZE = 25;
const STATUSES = ['open', 'resolved'];

/** A page of `GET /api/dunning/disputes`: its lines, the total over every page, and their cases counted whole. */
interface DisputePage {
  total: number;
  items: DisputeItem[];
  cases: { caseId: number; disputes: number; open: number }[];
}

/** Open or resolved only, or both; a change of filter goes back to the first page. */
function StatusFilter({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { t, label } = useI18n();
  return (
    <NativeSelect
      label={t('dunning.page.status')}
      maw={200}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[
        { value: '', label: t('common.all') },
        ...STATUSES.map((status) => ({ value: status, label: label('disputes.status', status) })),
      ]}
    />
  );
}

export function DisputesPage() {
  const { t } = useI18n();
  // One customer's disputes (a search by name or code), or every one.
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const scope = query({ customerCode: customer?.code });
  const disputes = useApi<DisputePage>(
    `/api/dunning/disputes${query({
      customerCode: customer?.code,
      status: status || undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    })}`,
  );
  // The figures count every dispute of the customer (or of all), whatever the page and the status shown.
  const summary = useApi<DisputeSummaryData>(`/api/dunning/disputes/summary${scope}`);
  const data = disputes.data;
  const reload = () => {
    disputes.reload();
    summary.reload();
  };
  // A page emptied by a resolution under « open only »: back to the last page that has lines.
  const lastPage = Math.max(1, Math.ceil((data?.total ?? 0) / PAGE_SIZE));
  useEffect(() => {
    if (data && page > lastPage) setPage(lastPage);
  }, [data, page, lastPage]);
  // A case is counted whole by the API: resolving it resolves its open invoices on every page.
  const cases = new Map((data?.cases ?? []).map((c) => [c.caseId, c]));
  return (
    <Stack>
      <Title order={2}>{t('dunning.page.disputesTitle')}</Title>
      <Text c="dimmed">{t('dunning.page.disputesIntro')}</Text>
      <Group align="end">
        <Box data-testid="dispute-customer-search" miw={320} maw={420}>
          <CustomerPicker
            value={customer}
            onChange={(picked) => {
              setCustomer(picked);
              setPage(1);
            }}
            required={false}
          />
        </Box>
        <StatusFilter
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
        />
      </Group>
      {summary.data && <DisputeSummary summary={summary.data} />}
      <Title order={4}>{t('disputes.page.newCase')}</Title>
      <DisputeCaseForm onDone={reload} />
      <LoadState loading={disputes.loading && !data} error={disputes.error} />
      {data && data.total === 0 && <Text c="dimmed">{t('dunning.page.disputesEmpty')}</Text>}
      {data && data.total > 0 && (
        <>
          <Text c="dimmed" data-testid="dispute-count">
            {t('disputes.page.count', { n: data.total })}
          </Text>
          <Table striped data-testid="dunning-disputes">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('disputes.page.id')}</Table.Th>
                <Table.Th>{t('disputes.page.case')}</Table.Th>
                <Table.Th>{t('dunning.page.customer')}</Table.Th>
                <Table.Th>{t('dunning.page.invoice')}</Table.Th>
                <Table.Th>{t('dunning.page.reason')}</Table.Th>
                <Table.Th>{t('dunning.page.department')}</Table.Th>
                <Table.Th ta="right">{t('dunning.page.amount')}</Table.Th>
                <Table.Th>{t('dunning.page.openedOn')}</Table.Th>
                <Table.Th>{t('disputes.page.respondBy')}</Table.Th>
                <Table.Th>{t('dunning.page.status')}</Table.Th>
                <Table.Th>{t('disputes.page.attachments')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((d) => {
                const counted = d.caseId === null ? undefined : cases.get(d.caseId);
                return (
                  <DisputeRow
                    key={d.disputeId ?? `E${d.eventId}`}
                    d={d}
                    caseSize={counted?.disputes ?? 1}
                    openInCase={counted?.open ?? 1}
                    reload={reload}
                  />
                );
              })}
            </Table.Tbody>
          </Table>
          <PageNumbers total={data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}
