/**
 * The confirmation of a threatened-loss declaration: what it would declare (the customer's overdue
 * invoices not declared yet, each with its days late and its declaration deadline), the total and
 * the insured share, asked of the API (`/api/insurance/claims/preview`, which records nothing).
 * Each invoice can be left out; the total and the share are asked again for what stays ticked, and
 * the declaration names exactly those invoices, dated as the preview. An invoice past its deadline
 * starts unticked, with why: declared now, the cover would not guarantee it.
 */
import { Alert, Badge, Button, Checkbox, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type {
  DeclarationPreviewResponse,
  InsuranceClaimResponse,
} from '../../../../src/http/schemas/insurance-claims.ts';
import { api, problemText } from '../../api.ts';
import { date, money, percentBps } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';

const STATE_COLOR: Record<string, string> = { past: 'red', approaching: 'orange', not_yet: 'green' };

/** The totals of the invoices ticked: the full preview's when all are, else asked again. */
function useSelectionTotals(preview: DeclarationPreviewResponse, ticked: readonly string[]) {
  const [totals, setTotals] = useState<DeclarationPreviewResponse | null>(
    ticked.length === preview.invoices.length ? preview : null,
  );
  const key = ticked.join('\n');
  useEffect(() => {
    const refs = key === '' ? [] : key.split('\n');
    if (refs.length === preview.invoices.length) return setTotals(preview);
    setTotals(null);
    if (refs.length === 0) return;
    let live = true;
    api<DeclarationPreviewResponse>('/api/insurance/claims/preview', {
      method: 'POST',
      body: { customerCode: preview.customerCode, invoices: refs, date: preview.date },
    }).then(
      (found) => live && setTotals(found),
      () => live && setTotals(null),
    );
    return () => {
      live = false;
    };
  }, [key, preview]);
  return totals;
}

export function DeclarationModal({
  preview,
  onClose,
  onDeclared,
}: {
  preview: DeclarationPreviewResponse;
  onClose(): void;
  onDeclared(claim: InsuranceClaimResponse): void;
}) {
  const { t, lang } = useI18n();
  // An invoice past its deadline would be declared without guarantee: offered, never ticked by default.
  const [ticked, setTicked] = useState<string[]>(
    preview.invoices.filter((i) => i.guaranteed).map((i) => i.ref),
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const totals = useSelectionTotals(preview, ticked);
  const cash = (minor: number) => money(minor, preview.currency, lang);
  const toggle = (ref: string, on: boolean) =>
    setTicked(preview.invoices.map((i) => i.ref).filter((r) => (r === ref ? on : ticked.includes(r))));
  const count = ticked.length;
  // While the totals of a new selection are asked, the figures wait rather than show the old ones.
  const total = totals ? cash(totals.outstandingMinor) : '…';
  const declare = async () => {
    setBusy(true);
    setError(null);
    try {
      const claim = await api<InsuranceClaimResponse>('/api/insurance/claims', {
        method: 'POST',
        body: { customerCode: preview.customerCode, invoices: ticked, date: preview.date },
      });
      onDeclared(claim);
    } catch (failure) {
      setError(problemText(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('insurance.web.previewTitle', {
        insurer: preview.insurer,
        customer: `${preview.customerName} (${preview.customerCode})`,
      })}
    >
      <Stack data-testid="declaration-preview">
        <Text size="sm">{t('insurance.web.previewIntro', { date: date(preview.date, lang) })}</Text>
        <Table striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>{t('insurance.web.colInvoice')}</Table.Th>
              <Table.Th>{t('insurance.web.colDue')}</Table.Th>
              <Table.Th ta="right">{t('insurance.web.colDaysLate')}</Table.Th>
              <Table.Th ta="right">{t('insurance.web.colOpen')}</Table.Th>
              <Table.Th>{t('insurance.web.colDeadline')}</Table.Th>
              <Table.Th>{t('insurance.web.colState')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.invoices.map((i) => (
              <Table.Tr key={i.ref}>
                <Table.Td>
                  <Checkbox
                    aria-label={i.ref}
                    checked={ticked.includes(i.ref)}
                    onChange={(e) => toggle(i.ref, e.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>{i.ref}</Table.Td>
                <Table.Td>{date(i.dueDate, lang)}</Table.Td>
                <Table.Td ta="right">{t('insurance.web.daysLate', { days: i.daysLate })}</Table.Td>
                <Table.Td ta="right">{cash(i.openMinor)}</Table.Td>
                <Table.Td>{date(i.deadline, lang)}</Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLOR[i.state] ?? 'gray'}>
                    {t('insurance.state', { state: i.state })}
                  </Badge>
                  {!i.guaranteed && (
                    <Text size="xs" c="red" mt={4} data-testid="declaration-not-guaranteed">
                      {t('insurance.notGuaranteed', { deadline: date(i.deadline, lang) })}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {(totals || count === 0) && (
          <Text fw={500} data-testid="declaration-total">
            {t('insurance.web.previewTotal', {
              count,
              total,
              insured: totals ? cash(totals.insuredMinor) : '',
              share: totals ? percentBps(totals.insuredShareBps, lang) : '',
              granted: totals ? cash(totals.grantedMinor) : '',
              expected: totals ? date(totals.indemnityExpectedOn, lang) : '',
            })}
          </Text>
        )}
        {error && <Alert color="red">{error}</Alert>}
        <Group>
          <Button onClick={declare} loading={busy} disabled={!totals || count === 0}>
            {t('insurance.web.confirmDeclare', { count, total })}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('insurance.web.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
