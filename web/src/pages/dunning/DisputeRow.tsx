/**
 * A line of the disputes page (DisputesPage.tsx): the dispute, its status and resolution, its
 * attachments and edit form unfolded below it, and the buttons that resolve it or its whole case.
 */
import { Badge, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { DisputeAttachments } from './DisputeAttachments.tsx';
import { DisputeEditForm } from './DisputeEditForm.tsx';

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

export function DisputeRow({
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
