/**
 * Factoring: the contracts with the factor, a batch of invoices to assign (previewed with every
 * figure — reserve, advance, commission, fees, VAT, interest — before it is recorded), the
 * factor's collections and the recourse, the current account and its reconciliation with the
 * factor's statement.
 */
import { Alert, Button, FileInput, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type {
  AccountResponse,
  BatchResponse,
  ContractResponse,
  ReconciliationResponse,
} from '../../../../src/http/schemas/factoring.ts';
import { api, problemText, query } from '../../api.ts';
import { DecimalInput } from '../../components/DecimalInput.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { ImportRejected, uploadFile } from '../../upload.ts';
import { useApi } from '../../use-api.ts';
import { FactoringContractForm } from './FactoringContractForm.tsx';
import { AccountView, BatchResult } from './FactoringViews.tsx';

type Say = (ok: boolean, text: string) => void;
interface PanelProps {
  contract: string;
  say: Say;
  fail(error: unknown): void;
  changed(): void;
}

const refsOf = (text: string) => text.split(/[,;\s]+/).filter(Boolean);

function AssignPanel({ contract, say, fail, changed }: PanelProps) {
  const { t, lang } = useI18n();
  const [refs, setRefs] = useState('');
  const [minAmount, setMinAmount] = useState<number | string>('');
  const [batch, setBatch] = useState<BatchResponse | null>(null);
  const assign = async (preview: boolean) => {
    try {
      const rule = minAmount === '' ? undefined : { minAmountMinor: Math.round(Number(minAmount) * 100) };
      const result = await api<BatchResponse>('/api/factoring/batches', {
        method: 'POST',
        body: { contractCode: contract, refs: refsOf(refs), ...(rule ? { rule } : {}), preview },
      });
      setBatch(result);
      if (preview) return;
      const net = money(result.netFundsMinor, result.currency, lang);
      say(true, t('factoring.web.assigned', { batch: result.batchId ?? '', net }));
      changed();
    } catch (error) {
      fail(error);
    }
  };
  return (
    <Stack gap="xs">
      <Title order={3}>{t('factoring.web.assignTitle')}</Title>
      <Textarea
        label={t('factoring.web.invoices')}
        value={refs}
        onChange={(e) => setRefs(e.currentTarget.value)}
      />
      <Group align="end">
        <DecimalInput
          label={t('factoring.web.minAmount')}
          decimalScale={2}
          unit="money"
          value={minAmount}
          onChange={setMinAmount}
          w={200}
        />
        <Button variant="light" onClick={() => assign(true)}>
          {t('factoring.web.preview')}
        </Button>
        <Button onClick={() => assign(false)}>{t('factoring.web.assign')}</Button>
      </Group>
      {batch && <BatchResult batch={batch} />}
    </Stack>
  );
}

function CollectPanel({ say, fail, changed }: PanelProps) {
  const { t } = useI18n();
  const [refs, setRefs] = useState('');
  const post = async (path: string, body: unknown, text: (count: number) => string) => {
    try {
      const result = await api<{ items?: unknown[]; closed?: unknown[] }>(path, { method: 'POST', body });
      say(true, text((result.items ?? result.closed ?? []).length));
      changed();
    } catch (error) {
      fail(error);
    }
  };
  return (
    <Stack gap="xs">
      <Title order={3}>{t('factoring.web.collectTitle')}</Title>
      <Group align="end">
        <Textarea
          label={t('factoring.web.collectInvoices')}
          value={refs}
          onChange={(e) => setRefs(e.currentTarget.value)}
          w={360}
        />
        <Button
          onClick={() =>
            post('/api/factoring/collections', { refs: refsOf(refs) }, (n) =>
              t('factoring.web.collected', { n }),
            )
          }
        >
          {t('factoring.web.collect')}
        </Button>
        <Button
          variant="light"
          onClick={() => post('/api/factoring/recourse', {}, (n) => t('factoring.web.recourseDone', { n }))}
        >
          {t('factoring.web.recourse')}
        </Button>
      </Group>
    </Stack>
  );
}

function AccountPanel({ contract, fail, version }: PanelProps & { version: number }) {
  const { t, lang } = useI18n();
  const account = useApi<AccountResponse>(`/api/factoring/contracts/${encodeURIComponent(contract)}/account`);
  const { reload } = account;
  // A batch, a collection or a recourse elsewhere on the page moved the account: read it again.
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  const [statement, setStatement] = useState<File | null>(null);
  const [reconciliation, setReconciliation] = useState<ReconciliationResponse | null>(null);
  const reconcile = async () => {
    if (!statement) return;
    try {
      const path = `/api/factoring/contracts/${encodeURIComponent(contract)}/reconciliation${query({ lang })}`;
      setReconciliation(await uploadFile<ReconciliationResponse>(path, statement, lang, () => {}));
    } catch (error) {
      fail(error);
    }
  };
  return (
    <Stack gap="xs">
      <Title order={3}>{t('factoring.web.account')}</Title>
      <Group align="end">
        <FileInput
          label={t('factoring.web.statementFile')}
          value={statement}
          onChange={setStatement}
          accept=".csv,.xlsx"
          w={420}
          clearable
        />
        <Button disabled={!statement} onClick={reconcile}>
          {t('factoring.web.reconcileButton')}
        </Button>
      </Group>
      <LoadState loading={account.loading && !account.data} error={account.error} />
      {account.data && <AccountView account={account.data} reconciliation={reconciliation} />}
    </Stack>
  );
}

export function FactoringPage() {
  const { t } = useI18n();
  const contracts = useApi<{ items: ContractResponse[] }>('/api/factoring/contracts');
  const codes = [...new Set((contracts.data?.items ?? []).map((c) => c.code))];
  const [code, setCode] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [version, setVersion] = useState(0);
  const current = code ?? codes[0] ?? null;
  const say: Say = (ok, text) => setMessage({ ok, text });
  const fail = (error: unknown) =>
    say(
      false,
      error instanceof ImportRejected ? error.rows.map((row) => row.reason).join(' ') : problemText(error),
    );
  const panel = current ? { contract: current, say, fail, changed: () => setVersion((v) => v + 1) } : null;
  return (
    <Stack>
      <Title order={2}>{t('factoring.web.title')}</Title>
      {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
      <LoadState loading={contracts.loading && !contracts.data} error={contracts.error} />
      <Title order={3}>{t('factoring.web.contracts')}</Title>
      {contracts.data && codes.length === 0 && <Text>{t('factoring.web.noContract')}</Text>}
      {codes.length > 0 && (
        <Select
          label={t('factoring.web.contract')}
          data={codes}
          value={current}
          onChange={setCode}
          allowDeselect={false}
          w={240}
        />
      )}
      <FactoringContractForm
        onSaved={(saved) => {
          say(true, t('factoring.web.saved', { code: saved.code, version: saved.version }));
          setCode(saved.code);
          contracts.reload();
        }}
        onError={fail}
      />
      {panel && (
        <>
          <AssignPanel {...panel} />
          <CollectPanel {...panel} />
          <AccountPanel {...panel} version={version} />
        </>
      )}
    </Stack>
  );
}
