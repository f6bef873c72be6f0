/**
 * Credit-insurance claims: each insurer's policy (days to declare a threatened loss, waiting
 * period), the overdue invoices of covered buyers approaching or past their declaration deadline
 * (declared from here: the customer's overdue invoices, shown for confirmation first), and the
 * claims with their insured share and outcome.
 */
import { Alert, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type {
  DeadlinesResponse,
  DeclarationPreviewResponse,
  InsuranceClaimResponse,
  PolicyResponse,
} from '../../../../src/http/schemas/insurance-claims.ts';
import { api, problemText } from '../../api.ts';
import { DayDateInput } from '../../components/DayDateInput.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { DeclarationModal } from './DeclarationModal.tsx';
import { toMinor } from './LegalFilesPage.tsx';

type Notify = (notice: { ok: boolean; text: string }) => void;
const STATE_COLOR: Record<string, string> = {
  past: 'red',
  approaching: 'orange',
  not_yet: 'green',
  no_policy: 'gray',
};

function PolicyForm({ notify, onSaved }: { notify: Notify; onSaved(): void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ insurer: '', number: '', days: '90', waiting: '150' });
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  const save = async () => {
    try {
      await api('/api/insurance/policies', {
        method: 'POST',
        body: {
          insurer: form.insurer,
          policyNumber: form.number || null,
          threatenedLossDays: Number(form.days),
          waitingDays: Number(form.waiting),
        },
      });
      notify({ ok: true, text: t('insurance.web.policySaved') });
      onSaved();
    } catch (error) {
      notify({ ok: false, text: problemText(error) });
    }
  };
  return (
    <Group align="end">
      <TextInput
        label={t('insurance.web.insurer')}
        value={form.insurer}
        onChange={(e) => set('insurer')(e.currentTarget.value)}
      />
      <TextInput
        label={t('insurance.web.policyNumber')}
        value={form.number}
        onChange={(e) => set('number')(e.currentTarget.value)}
      />
      <TextInput
        label={t('insurance.web.declarationDays')}
        value={form.days}
        onChange={(e) => set('days')(e.currentTarget.value)}
      />
      <TextInput
        label={t('insurance.web.waitingDays')}
        value={form.waiting}
        onChange={(e) => set('waiting')(e.currentTarget.value)}
      />
      <Button onClick={save} disabled={!form.insurer.trim()}>
        {t('insurance.web.savePolicy')}
      </Button>
    </Group>
  );
}

function ClaimActions({
  claim,
  notify,
  onSaved,
}: {
  claim: InsuranceClaimResponse;
  notify: Notify;
  onSaved(): void;
}) {
  const { t } = useI18n();
  const [amount, setAmount] = useState('');
  const [receivedOn, setReceivedOn] = useState('');
  if (claim.status !== 'declared' && claim.status !== 'claim_filed') return null;
  const move = async (status: string, extra: Record<string, unknown> = {}) => {
    try {
      await api(`/api/insurance/claims/${claim.claimId}/status`, {
        method: 'POST',
        body: { status, ...extra },
      });
      onSaved();
    } catch (error) {
      notify({ ok: false, text: problemText(error) });
    }
  };
  return (
    <Group gap="xs" wrap="nowrap">
      {claim.status === 'declared' && (
        <Button size="xs" variant="light" onClick={() => move('claim_filed')}>
          {t('insurance.web.fileClaim')}
        </Button>
      )}
      <TextInput
        size="xs"
        w={100}
        placeholder={t('insurance.web.indemnity')}
        value={amount}
        onChange={(e) => setAmount(e.currentTarget.value)}
      />
      <DayDateInput
        size="xs"
        w={110}
        aria-label={t('insurance.web.receivedOn')}
        value={receivedOn}
        onChange={setReceivedOn}
      />
      <Button
        size="xs"
        onClick={() => move('indemnified', { indemnityMinor: toMinor(amount) ?? -1, receivedOn })}
        disabled={!amount || !receivedOn}
      >
        {t('insurance.web.indemnified')}
      </Button>
      <Button size="xs" color="gray" variant="light" onClick={() => move('settled')}>
        {t('insurance.web.settle')}
      </Button>
      <Button size="xs" color="red" variant="light" onClick={() => move('rejected')}>
        {t('insurance.web.reject')}
      </Button>
    </Group>
  );
}

export function InsuranceClaimsPage() {
  const { t, lang } = useI18n();
  const policies = useApi<{ items: PolicyResponse[] }>('/api/insurance/policies');
  const deadlines = useApi<DeadlinesResponse>('/api/insurance/deadlines');
  const claims = useApi<{ items: InsuranceClaimResponse[] }>('/api/insurance/claims');
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const reload = () => {
    deadlines.reload();
    claims.reload();
  };
  const [preview, setPreview] = useState<DeclarationPreviewResponse | null>(null);
  // Nothing is declared from the row: it asks what the declaration would take, shown for confirmation.
  const declare = async (customerCode: string) => {
    try {
      setPreview(
        await api<DeclarationPreviewResponse>('/api/insurance/claims/preview', {
          method: 'POST',
          body: { customerCode, date: deadlines.data?.asOf },
        }),
      );
    } catch (error) {
      setNotice({ ok: false, text: problemText(error) });
    }
  };
  const declared = (claim: InsuranceClaimResponse) => {
    setPreview(null);
    setNotice({ ok: true, text: t('insurance.web.declared', { claimId: claim.claimId }) });
    reload();
  };
  const items = deadlines.data?.items ?? [];
  return (
    <Stack>
      <Title order={2}>{t('insurance.web.title')}</Title>
      {notice && <Alert color={notice.ok ? 'green' : 'red'}>{notice.text}</Alert>}
      {preview && (
        <DeclarationModal preview={preview} onClose={() => setPreview(null)} onDeclared={declared} />
      )}
      <LoadState loading={deadlines.loading && !deadlines.data} error={deadlines.error} />
      <Title order={3}>{t('insurance.web.deadlines')}</Title>
      {deadlines.data && items.length === 0 && <Text>{t('insurance.web.noDeadline')}</Text>}
      {items.length > 0 && (
        <Table striped fz="sm" data-testid="insurance-deadlines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('insurance.web.colCustomer')}</Table.Th>
              <Table.Th>{t('insurance.web.colInvoice')}</Table.Th>
              <Table.Th>{t('insurance.web.colDue')}</Table.Th>
              <Table.Th ta="right">{t('insurance.web.colOpen')}</Table.Th>
              <Table.Th>{t('insurance.web.colDeadline')}</Table.Th>
              <Table.Th>{t('insurance.web.colState')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.documentId}>
                <Table.Td>
                  {i.customerName} ({i.customerCode}) — {i.insurer}
                </Table.Td>
                <Table.Td>{i.ref}</Table.Td>
                <Table.Td>{date(i.dueDate, lang)}</Table.Td>
                <Table.Td ta="right">{money(i.openMinor, i.currency, lang)}</Table.Td>
                <Table.Td>{date(i.deadline, lang)}</Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLOR[i.state] ?? 'gray'}>
                    {t('insurance.state', { state: i.state })}
                  </Badge>
                  {i.guaranteed === false && (
                    <Text size="xs" c="red" mt={4} data-testid="insurance-not-guaranteed">
                      {t('insurance.notGuaranteed', { deadline: date(i.deadline, lang) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {i.state !== 'no_policy' && (
                    <Button size="xs" variant="light" onClick={() => declare(i.customerCode)}>
                      {t('insurance.web.declare')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={3}>{t('insurance.web.claims')}</Title>
      {claims.data && claims.data.items.length === 0 && <Text>{t('insurance.web.noClaim')}</Text>}
      {(claims.data?.items ?? []).map((c) => (
        <Stack gap={4} key={c.claimId}>
          <Text fz="sm">
            {t('insurance.web.claimLine', {
              claimId: c.claimId,
              customer: `${c.customerName} (${c.customerCode})`,
              insurer: c.insurer,
              declaredOn: date(c.declaredOn, lang),
              outstanding: money(c.outstandingMinor, c.currency, lang),
              insured: money(c.insuredMinor, c.currency, lang),
              expected: date(c.indemnityExpectedOn, lang),
              status: t('insurance.status', { status: c.status }),
              indemnity: c.indemnityMinor === null ? 'none' : money(c.indemnityMinor, c.currency, lang),
            })}
            {c.late && (
              <Badge ml="xs" color="red">
                {t('insurance.web.late')}
              </Badge>
            )}
            {!c.late && c.lateInvoices > 0 && (
              <Badge ml="xs" color="orange" data-testid="insurance-partly-late">
                {t('insurance.web.partlyLate', { count: c.lateInvoices })}
              </Badge>
            )}
          </Text>
          <ClaimActions claim={c} notify={setNotice} onSaved={reload} />
        </Stack>
      ))}
      <Title order={3}>{t('insurance.web.policies')}</Title>
      {(policies.data?.items ?? []).map((p) => (
        <Text fz="sm" key={p.policyId}>
          {t('insurance.cli.policy', { ...p, policyNumber: p.policyNumber ?? 'none' })}
        </Text>
      ))}
      <PolicyForm notify={setNotice} onSaved={policies.reload} />
    </Stack>
  );
}
