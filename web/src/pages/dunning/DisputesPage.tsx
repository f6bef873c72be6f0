/** Disputes (litiges): open and resolved complaints, the department answering, and their resolution. */
import { Badge, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import type { Dispute } from './types.ts';

const RESOLUTIONS = ['credit_note', 'partial_credit', 'rejected'];

function Resolve({ dispute, onDone }: { dispute: Dispute; onDone(): void }) {
  const { t, label } = useI18n();
  const [resolution, setResolution] = useState(RESOLUTIONS[0] ?? 'rejected');
  return (
    <Group gap={4} align="end">
      <NativeSelect
        size="xs"
        aria-label={t('dunning.page.resolve')}
        value={resolution}
        onChange={(e) => setResolution(e.currentTarget.value)}
        data={RESOLUTIONS.map((value) => ({ value, label: label('dunningDisputeResolution', value) }))}
      />
      <Button
        size="compact-xs"
        onClick={async () => {
          await api(`/api/dunning/disputes/${dispute.disputeId}/resolve`, {
            method: 'POST',
            body: { resolution },
          });
          onDone();
        }}
      >
        {t('dunning.page.resolve')}
      </Button>
    </Group>
  );
}

export function DisputesPage() {
  const { t, lang, label } = useI18n();
  const disputes = useApi<Dispute[]>('/api/dunning/disputes');
  const data = disputes.data;
  return (
    <Stack>
      <Title order={2}>{t('dunning.page.disputesTitle')}</Title>
      <Text c="dimmed">{t('dunning.page.disputesIntro')}</Text>
      <LoadState loading={disputes.loading && !data} error={disputes.error} />
      {data && data.length === 0 && <Text c="dimmed">{t('dunning.page.disputesEmpty')}</Text>}
      {data && data.length > 0 && (
        <Table striped data-testid="dunning-disputes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dunning.page.customer')}</Table.Th>
              <Table.Th>{t('dunning.page.invoice')}</Table.Th>
              <Table.Th>{t('dunning.page.reason')}</Table.Th>
              <Table.Th>{t('dunning.page.department')}</Table.Th>
              <Table.Th ta="right">{t('dunning.page.amount')}</Table.Th>
              <Table.Th>{t('dunning.page.openedOn')}</Table.Th>
              <Table.Th>{t('dunning.page.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((d) => (
              <Table.Tr key={d.disputeId}>
                <Table.Td>{d.customerName}</Table.Td>
                <Table.Td>{d.documentRef}</Table.Td>
                <Table.Td>
                  {label('dunningDisputeReason', d.reason)}
                  {d.note && (
                    <Text size="xs" c="dimmed">
                      {d.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{label('dunningDepartment', d.department)}</Table.Td>
                <Table.Td ta="right">{money(d.amountMinor, d.currency, lang)}</Table.Td>
                <Table.Td>{date(d.openedOn, lang)}</Table.Td>
                <Table.Td>
                  {d.status === 'open' ? (
                    <Resolve dispute={d} onDone={disputes.reload} />
                  ) : (
                    <Badge variant="light" color="gray">
                      {label('dunningDisputeResolution', d.resolution)}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
