/**
 * Disputes (litiges): open and resolved complaints — imported ones included, which pause dunning
 * until taken over or resolved here —, the department answering, the date it must answer by, the documents
 * attached, edited while open, their resolution and how long it took, and the figures (open count,
 * median time to resolve).
 */
import { Badge, Box, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { ApiError, api, query } from '../../api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { CustomerPicker } from '../credit/CustomerPicker.tsx';
import type { PickedCustomer } from '../credit/credit-requests.ts';
import { DisputeAttachments } from './DisputeAttachments.tsx';
import { DisputeCaseForm } from './DisputeCaseForm.tsx';
import { DisputeEditForm } from './DisputeEditForm.tsx';
import { DisputeSummary, type DisputeSummaryData } from './DisputeSummary.tsx';

const RESOLUTIONS = ['credit_note', 'partial_credit', 'rejected'];

/** A row of `GET /api/dunning/disputes`: a dispute record, or an imported one (no number, an event). */
export interface DisputeItem {
  source: 'record' | 'imported';
  disputeId: number | null;
  caseId: number | null;
  eventId: number | null;
  customerCode: string;
  customerName: string;
  documentRef: string;
  reason: string;
  department: string;
  amountMinor: number;
  currency: string;
  note: string;
  openedOn: string;
  respondBy: string | null;
  status: string;
  resolution: string | null;
  resolutionNote: string | null;
  resolvedOn: string | null;
  attachmentCount: number;
  /** Days from opening to resolution, once resolved. */
  cycleDays: number | null;
}

/** Where resolving goes: the imported event, the whole case, or the one dispute. */
function resolvePath(d: DisputeItem, wholeCase: boolean): string {
  if (d.source === 'imported') return `/api/dunning/disputes/imported/${d.eventId}/resolve`;
  if (wholeCase) return `/api/dunning/dispute-cases/${d.caseId}/resolve`;
  return `/api/dunning/disputes/${d.disputeId}/resolve`;
}

function Resolve({ dispute, caseSize, onDone }: { dispute: DisputeItem; caseSize: number; onDone(): void }) {
  const { t, label } = useI18n();
  const [resolution, setResolution] = useState(RESOLUTIONS[0] ?? 'rejected');
  const [error, setError] = useState<string | null>(null);
  const resolve = async (wholeCase: boolean) => {
    try {
      await api(resolvePath(dispute, wholeCase), { method: 'POST', body: { resolution } });
      onDone();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };
  return (
    <Stack gap={2}>
      <Group gap={4} align="end">
        <NativeSelect
          size="xs"
          miw={170}
          aria-label={t('dunning.page.resolve')}
          value={resolution}
          onChange={(e) => setResolution(e.currentTarget.value)}
          data={RESOLUTIONS.map((value) => ({ value, label: label('dunningDisputeResolution', value) }))}
        />
        <Button size="compact-xs" onClick={() => resolve(false)}>
          {t('dunning.page.resolve')}
        </Button>
        {caseSize > 1 && (
          <Button size="compact-xs" variant="light" onClick={() => resolve(true)}>
            {t('disputes.page.resolveCase', { count: caseSize })}
          </Button>
        )}
      </Group>
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/** Open or resolved; a resolved one says how (credit note, partial credit, rejection), when and how long it took. */
function Status({ dispute }: { dispute: DisputeItem }) {
  const { t, lang, label } = useI18n();
  return (
    <Stack gap={2}>
      <Group gap={4}>
        <Badge variant="light" color={dispute.status === 'open' ? 'orange' : 'gray'}>
          {label('disputes.status', dispute.status)}
        </Badge>
        {dispute.resolution && (
          <Text size="xs" fw={500} data-testid="dispute-resolution">
            {label('dunningDisputeResolution', dispute.resolution)}
          </Text>
        )}
        {dispute.source === 'imported' && (
          <Badge variant="outline" color="blue">
            {label('disputes.source', 'imported')}
          </Badge>
        )}
      </Group>
      {dispute.resolvedOn && dispute.cycleDays !== null && (
        <Text size="xs" c="dimmed" data-testid="dispute-cycle">
          {t('disputes.page.cycle', { date: date(dispute.resolvedOn, lang), days: dispute.cycleDays })}
        </Text>
      )}
      {dispute.resolutionNote && (
        <Text size="xs" c="dimmed">
          {dispute.resolutionNote}
        </Text>
      )}
    </Stack>
  );
}

function DisputeRow({
  d,
  caseSize,
  openInCase,
  reload,
}: {
  d: DisputeItem;
  caseSize: number;
  openInCase: number;
  reload(): void;
}) {
  const { t, lang, label } = useI18n();
  const [showFiles, setShowFiles] = useState(false);
  const [editing, setEditing] = useState(false);
  const editable = d.status === 'open' && d.disputeId !== null;
  // An imported dispute is taken over through the same form: it becomes an open record.
  const takeable = d.status === 'open' && d.source === 'imported';
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td>{d.disputeId ?? `E${d.eventId}`}</Table.Td>
        <Table.Td>{caseSize > 1 ? d.caseId : ''}</Table.Td>
        <Table.Td>{d.customerName}</Table.Td>
        <Table.Td>{d.documentRef}</Table.Td>
        <Table.Td>
          {label('dunningDisputeReason', d.reason)}
          {d.note && (
            <Text size="xs" c="dimmed">
              {d.note}
            </Text>
          )}
          {/* Only an open one holds its invoice out of the reminders. */}
          {d.source === 'imported' && d.status === 'open' && (
            <Text size="xs" c="dimmed">
              {t('disputes.page.importedHint')}
            </Text>
          )}
        </Table.Td>
        <Table.Td>{label('dunningDepartment', d.department)}</Table.Td>
        <Table.Td ta="right">{money(d.amountMinor, d.currency, lang)}</Table.Td>
        <Table.Td>{date(d.openedOn, lang)}</Table.Td>
        <Table.Td>{d.respondBy ? date(d.respondBy, lang) : '—'}</Table.Td>
        <Table.Td miw={130}>
          <Status dispute={d} />
        </Table.Td>
        <Table.Td>
          {d.disputeId !== null && (
            <Button size="compact-xs" variant="subtle" onClick={() => setShowFiles(!showFiles)}>
              {t('disputes.page.attachments')} ({d.attachmentCount})
            </Button>
          )}
        </Table.Td>
        <Table.Td>
          {d.status === 'open' && <Resolve dispute={d} caseSize={openInCase} onDone={reload} />}
          {(editable || takeable) && !editing && (
            <Button size="compact-xs" variant="subtle" mt={2} onClick={() => setEditing(true)}>
              {t(takeable ? 'disputes.page.takeOver' : 'disputes.page.edit')}
            </Button>
          )}
        </Table.Td>
      </Table.Tr>
      {editing && (
        <Table.Tr>
          <Table.Td colSpan={12}>
            <DisputeEditForm
              dispute={d}
              openInCase={openInCase}
              onClose={(saved) => {
                setEditing(false);
                if (saved) reload();
              }}
            />
          </Table.Td>
        </Table.Tr>
      )}
      {showFiles && d.disputeId !== null && (
        <Table.Tr>
          <Table.Td colSpan={12}>
            <DisputeAttachments disputeId={d.disputeId} open={d.status === 'open'} onChange={reload} />
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

export function DisputesPage() {
  const { t } = useI18n();
  // One customer's disputes (a search by name or code), or every one.
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const filter = query({ customerCode: customer?.code });
  const disputes = useApi<DisputeItem[]>(`/api/dunning/disputes${filter}`);
  const summary = useApi<DisputeSummaryData>(`/api/dunning/disputes/summary${filter}`);
  const data = disputes.data;
  const reload = () => {
    disputes.reload();
    summary.reload();
  };
  // How many invoices of each case are still open: resolving the case resolves them all.
  const openInCase = new Map<number, number>();
  for (const d of data ?? [])
    if (d.caseId !== null && d.status === 'open')
      openInCase.set(d.caseId, (openInCase.get(d.caseId) ?? 0) + 1);
  const caseSizes = new Map<number, number>();
  for (const d of data ?? [])
    if (d.caseId !== null) caseSizes.set(d.caseId, (caseSizes.get(d.caseId) ?? 0) + 1);
  return (
    <Stack>
      <Title order={2}>{t('dunning.page.disputesTitle')}</Title>
      <Text c="dimmed">{t('dunning.page.disputesIntro')}</Text>
      <Box data-testid="dispute-customer-search" maw={420}>
        <CustomerPicker value={customer} onChange={setCustomer} required={false} />
      </Box>
      {summary.data && <DisputeSummary summary={summary.data} />}
      <Title order={4}>{t('disputes.page.newCase')}</Title>
      <DisputeCaseForm onDone={reload} />
      <LoadState loading={disputes.loading && !data} error={disputes.error} />
      {data && data.length === 0 && <Text c="dimmed">{t('dunning.page.disputesEmpty')}</Text>}
      {data && data.length > 0 && (
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
            {data.map((d) => (
              <DisputeRow
                key={d.disputeId ?? `E${d.eventId}`}
                d={d}
                caseSize={d.caseId === null ? 1 : (caseSizes.get(d.caseId) ?? 1)}
                openInCase={d.caseId === null ? 1 : (openInCase.get(d.caseId) ?? 1)}
                reload={reload}
              />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
