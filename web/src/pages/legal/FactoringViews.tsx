/** What the factoring page shows: a batch with its figures, the current account and a reconciliation. */
import { Alert, Stack, Table, Text } from '@mantine/core';
import type {
  AccountResponse,
  BatchResponse,
  ReconciliationResponse,
} from '../../../../src/http/schemas/factoring.ts';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';

const sideOf = (balance: number) => (balance > 0 ? 'ours' : balance < 0 ? 'theirs' : 'none');

export function BatchResult({ batch }: { batch: BatchResponse }) {
  const { t, lang } = useI18n();
  const eur = (minor: number) => money(minor, batch.currency, lang);
  return (
    <Stack gap="xs" data-testid="factoring-batch">
      <Text fw={600}>
        {t('factoring.web.batchFigures', {
          count: batch.invoiceCount,
          gross: eur(batch.grossMinor),
          reserve: eur(batch.reserveMinor),
          advance: eur(batch.advanceMinor),
          commission: eur(batch.commissionMinor),
          fees: eur(batch.feesMinor),
          vat: eur(batch.feesVatMinor),
          interest: eur(batch.interestMinor),
          net: eur(batch.netFundsMinor),
        })}
      </Text>
      <Table striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            {[
              'invoice',
              'customer',
              'due',
              'amount',
              'reserve',
              'advance',
              'commissionColumn',
              'interest',
            ].map((key, index) => (
              <Table.Th key={key} ta={index >= 3 ? 'right' : undefined}>
                {t(`factoring.web.${key}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {batch.lines.map((line) => (
            <Table.Tr key={line.ref}>
              <Table.Td>{line.ref}</Table.Td>
              <Table.Td>{line.customerCode}</Table.Td>
              <Table.Td>{date(line.dueDate, lang)}</Table.Td>
              {[
                line.amountMinor,
                line.reserveMinor,
                line.advanceMinor,
                line.commissionMinor,
                line.interestMinor,
              ].map((amount, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the columns are positional
                <Table.Td key={index} ta="right">
                  {eur(amount)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {batch.excluded.length > 0 && (
        <Text fz="sm" c="dimmed">
          {t('common.labelled', {
            label: t('factoring.web.excluded'),
            value: batch.excluded
              .map((e) => `${e.ref} (${t('factoring.exclusion', { reason: e.reason })})`)
              .join(', '),
          })}
        </Text>
      )}
    </Stack>
  );
}

export function AccountView({
  account,
  reconciliation,
}: {
  account: AccountResponse;
  reconciliation: ReconciliationResponse | null;
}) {
  const { t, lang } = useI18n();
  const eur = (minor: number) => money(minor, account.currency, lang);
  return (
    <Stack gap="xs" data-testid="factoring-account">
      <Text>
        {t('factoring.web.accountSummary', {
          asOf: date(account.asOf, lang),
          balance: eur(Math.abs(account.balanceMinor)),
          side: t('factoring.side', { side: sideOf(account.balanceMinor) }),
          reserve: eur(account.reserveFundMinor),
          outstanding: eur(account.outstandingMinor),
        })}
      </Text>
      {account.movements.length === 0 && <Text c="dimmed">{t('factoring.web.noMovement')}</Text>}
      {account.movements.length > 0 && (
        <Table striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('factoring.web.date')}</Table.Th>
              <Table.Th>{t('factoring.web.kind')}</Table.Th>
              <Table.Th>{t('factoring.web.reference')}</Table.Th>
              <Table.Th ta="right">{t('factoring.web.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {account.movements.map((m) => (
              <Table.Tr key={m.movementId}>
                <Table.Td>{date(m.date, lang)}</Table.Td>
                <Table.Td>{t('factoring.movement', { kind: m.kind })}</Table.Td>
                <Table.Td>{m.reference}</Table.Td>
                <Table.Td ta="right">{eur(m.amountMinor)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {reconciliation && (
        <Alert
          color={reconciliation.differenceMinor === 0 ? 'green' : 'orange'}
          data-testid="factoring-reconciliation"
        >
          <Text fz="sm">
            {t('factoring.web.reconciled', {
              matched: reconciliation.matched.length,
              ours: reconciliation.onlyOurs.length,
              theirs: reconciliation.onlyTheirs.length,
              difference: eur(reconciliation.differenceMinor),
            })}
          </Text>
          {reconciliation.onlyOurs.map((m) => (
            <Text fz="xs" key={`o${m.movementId}`}>
              {t('factoring.web.onlyOurs')} — {date(m.date, lang)} {t('factoring.movement', { kind: m.kind })}{' '}
              {m.reference} {eur(m.amountMinor)}
            </Text>
          ))}
          {reconciliation.onlyTheirs.map((l) => (
            <Text fz="xs" key={`t${l.line}`}>
              {t('factoring.web.onlyTheirs')} — {date(l.date, lang)} {l.label} {eur(l.amountMinor)}
            </Text>
          ))}
        </Alert>
      )}
    </Stack>
  );
}
