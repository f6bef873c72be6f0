/**
 * Dossiers contentieux: the lawyers and agencies with their terms, handing a customer's overdue
 * invoices (or chosen ones) over, the files with their step, recoveries and charges, one file in
 * detail (LegalFileDetail), and the reconciliation with the partners' reported outstanding. Without
 * a file yet, the page says what a file is and what comes first (a partner registered, with a button
 * to its form).
 */
import {
  Alert,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { parseAmountToMinor } from '../../../../src/core/money.ts';
import type {
  LegalFileResponse,
  ReconciliationResponse,
} from '../../../../src/http/schemas/legal-handover.ts';
import { legalFileStage } from '../../../../src/text/legal-file-stage.ts';
import { api, problemText } from '../../api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { HandOverForm } from './HandOverForm.tsx';
import { LegalFileDetail } from './LegalFileDetail.tsx';
import { NoFiles, PARTNER_FORM_ID, type Partner, PartnersTable } from './LegalPartners.tsx';

type Notice = { ok: boolean; text: string } | null;

/** "12" or "12,5" (%) → basis points; "" → null. */
export const percentToBps = (text: string): number | null => {
  const hundredths = parseAmountToMinor(text, { exponent: 2 });
  return hundredths === null ? null : hundredths;
};
export const toMinor = (text: string): number | null =>
  text.trim() === '' ? 0 : parseAmountToMinor(text, { exponent: 2 });

function PartnerForm({ onSaved, notify }: { onSaved(): void; notify(n: Notice): void }) {
  const { t, label } = useI18n();
  const [form, setForm] = useState({
    name: '',
    kind: 'lawyer',
    amicable: '',
    judicial: '',
    fileFee: '',
    judicialFee: '',
    address: '',
  });
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  const save = async () => {
    try {
      await api('/api/legal/partners', {
        method: 'POST',
        body: {
          name: form.name,
          kind: form.kind,
          amicableCommissionBps: percentToBps(form.amicable) ?? -1,
          judicialCommissionBps: percentToBps(form.judicial) ?? -1,
          fileFeeMinor: toMinor(form.fileFee) ?? -1,
          judicialFeeMinor: toMinor(form.judicialFee) ?? -1,
          addressLines: form.address.split('\n'),
        },
      });
      notify({ ok: true, text: t('legalFile.web.partnerSaved') });
      onSaved();
    } catch (error) {
      notify({ ok: false, text: problemText(error) });
    }
  };
  return (
    <Stack gap="xs" id={PARTNER_FORM_ID}>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <TextInput
          label={t('legalFile.web.partnerName')}
          value={form.name}
          onChange={(e) => set('name')(e.currentTarget.value)}
        />
        <Select
          label={t('legalFile.web.partnerKind')}
          value={form.kind}
          onChange={(v) => set('kind')(v ?? 'lawyer')}
          data={['lawyer', 'agency'].map((kind) => ({ value: kind, label: label('legalPartnerKind', kind) }))}
        />
        <TextInput
          label={t('legalFile.web.amicable')}
          value={form.amicable}
          onChange={(e) => set('amicable')(e.currentTarget.value)}
        />
        <TextInput
          label={t('legalFile.web.judicial')}
          value={form.judicial}
          onChange={(e) => set('judicial')(e.currentTarget.value)}
        />
        <TextInput
          label={t('legalFile.web.fileFee')}
          value={form.fileFee}
          onChange={(e) => set('fileFee')(e.currentTarget.value)}
        />
        <TextInput
          label={t('legalFile.web.judicialFee')}
          value={form.judicialFee}
          onChange={(e) => set('judicialFee')(e.currentTarget.value)}
        />
        <Textarea
          label={t('legalFile.web.address')}
          value={form.address}
          onChange={(e) => set('address')(e.currentTarget.value)}
          autosize
          minRows={2}
        />
      </SimpleGrid>
      <Group>
        <Button onClick={save} disabled={!form.name.trim()}>
          {t('legalFile.web.savePartner')}
        </Button>
      </Group>
    </Stack>
  );
}

function FilesTable({ files, onOpen }: { files: LegalFileResponse[]; onOpen(id: number): void }) {
  const { t, lang } = useI18n();
  return (
    <Table striped highlightOnHover fz="sm" data-testid="legal-files">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('legalFile.web.colFile')}</Table.Th>
          <Table.Th>{t('legalFile.web.colCustomer')}</Table.Th>
          <Table.Th>{t('legalFile.web.colPartner')}</Table.Th>
          <Table.Th>{t('legalFile.web.colDate')}</Table.Th>
          <Table.Th>{t('legalFile.web.colStep')}</Table.Th>
          <Table.Th ta="right">{t('legalFile.web.colHanded')}</Table.Th>
          <Table.Th ta="right">{t('legalFile.web.colRecovered')}</Table.Th>
          <Table.Th ta="right">{t('legalFile.web.colOutstanding')}</Table.Th>
          <Table.Th ta="right">{t('legalFile.web.colCharges')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {files.map((f) => (
          <Table.Tr key={f.fileId} onClick={() => onOpen(f.fileId)} style={{ cursor: 'pointer' }}>
            <Table.Td>{t('legalFile.reference', { fileId: f.fileId })}</Table.Td>
            <Table.Td>
              {f.customerName} ({f.customerCode})
            </Table.Td>
            <Table.Td>{f.partnerName}</Table.Td>
            <Table.Td>{date(f.handedOverOn, lang)}</Table.Td>
            <Table.Td>{legalFileStage(lang, f)}</Table.Td>
            <Table.Td ta="right">{money(f.handedMinor, f.currency, lang)}</Table.Td>
            <Table.Td ta="right">{money(f.charges.recoveredMinor, f.currency, lang)}</Table.Td>
            <Table.Td ta="right">{money(f.outstandingMinor, f.currency, lang)}</Table.Td>
            <Table.Td ta="right">{money(f.charges.totalChargesMinor, f.currency, lang)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Reconciliation({ report }: { report: ReconciliationResponse }) {
  const { t, lang } = useI18n();
  const differing = report.files.filter((f) => f.reasons.length > 0);
  return (
    <Stack gap="xs">
      <Title order={3}>{t('legalFile.web.reconciliation', { asOf: date(report.asOf, lang) })}</Title>
      {differing.length === 0 && <Text>{t('legalFile.web.noDifference')}</Text>}
      {differing.length > 0 && (
        <Table fz="sm" data-testid="legal-reconciliation">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('legalFile.web.colFile')}</Table.Th>
              <Table.Th>{t('legalFile.web.colPartner')}</Table.Th>
              <Table.Th ta="right">{t('legalFile.web.colOurs')}</Table.Th>
              <Table.Th ta="right">{t('legalFile.web.colTheirs')}</Table.Th>
              <Table.Th ta="right">{t('legalFile.web.colDifference')}</Table.Th>
              <Table.Th>{t('legalFile.web.colReasons')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {differing.map((f) => (
              <Table.Tr key={f.fileId}>
                <Table.Td>
                  {t('legalFile.reference', { fileId: f.fileId })} {f.customerName}
                </Table.Td>
                <Table.Td>{f.partnerName}</Table.Td>
                <Table.Td ta="right">{money(f.ourOutstandingMinor, f.currency, lang)}</Table.Td>
                <Table.Td ta="right">{money(f.partnerOutstandingMinor, f.currency, lang)}</Table.Td>
                <Table.Td ta="right">{money(f.differenceMinor, f.currency, lang)}</Table.Td>
                <Table.Td>
                  {f.reasons.map((r) => (
                    <Text fz="xs" key={r.reason}>
                      {t('common.labelled', {
                        label: t('legalFile.reason', { reason: r.reason }),
                        value: money(r.amountMinor, f.currency, lang),
                      })}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

export function LegalFilesPage() {
  const { t } = useI18n();
  const partners = useApi<{ items: Partner[] }>('/api/legal/partners');
  const files = useApi<{ items: LegalFileResponse[] }>('/api/legal/files');
  const reconciliation = useApi<ReconciliationResponse>('/api/legal/reconciliation');
  const [notice, setNotice] = useState<Notice>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const reload = () => {
    files.reload();
    reconciliation.reload();
  };
  return (
    <Stack>
      <Title order={2}>{t('legalFile.web.title')}</Title>
      {notice && <Alert color={notice.ok ? 'green' : 'red'}>{notice.text}</Alert>}
      <LoadState loading={files.loading && !files.data} error={files.error} />
      <Title order={3}>{t('legalFile.web.handover')}</Title>
      <HandOverForm
        partners={partners.data?.items ?? []}
        notify={setNotice}
        onDone={(id) => {
          reload();
          setOpenId(id);
        }}
      />
      <Title order={3}>{t('legalFile.web.files')}</Title>
      {files.data && files.data.items.length === 0 && partners.data && (
        <NoFiles partners={partners.data.items.length} />
      )}
      {files.data && files.data.items.length > 0 && (
        <FilesTable files={files.data.items} onOpen={setOpenId} />
      )}
      {openId !== null && <LegalFileDetail fileId={openId} notify={setNotice} onChanged={reload} />}
      {reconciliation.data && <Reconciliation report={reconciliation.data} />}
      <Title order={3}>{t('legalFile.web.partners')}</Title>
      {partners.data && <PartnersTable partners={partners.data.items} />}
      <PartnerForm onSaved={partners.reload} notify={setNotice} />
    </Stack>
  );
}
