/**
 * One legal file: the invoices handed over, the partner's steps and charges, a step recorded by
 * hand or the partner's status file imported, the injunction-to-pay checklist (pieces confirmed
 * here) and the file package as PDF.
 */
import {
  Anchor,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { LEGAL_STEPS } from '../../../../src/core/legal/handover.ts';
import { CONFIRMABLE_PIECES, type InjunctionPiece } from '../../../../src/core/legal/injunction.ts';
import type { LegalFileDetailResponse } from '../../../../src/http/schemas/legal-handover.ts';
import {
  injunctionContestWarning,
  injunctionCourtCaveat,
  injunctionPieceStatus,
} from '../../../../src/text/injunction-pieces.ts';
import { api, problemText } from '../../api.ts';
import { DayDateInput } from '../../components/DayDateInput.tsx';
import { date, money, percentBps } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { uploadFile } from '../../upload.ts';
import { useApi } from '../../use-api.ts';
import { toMinor } from './LegalFilesPage.tsx';

type Notify = (notice: { ok: boolean; text: string }) => void;
interface Recorded {
  received: number;
  recorded: number;
  duplicates: number;
}

function StepForm({ fileId, notify, onSaved }: { fileId: number; notify: Notify; onSaved(): void }) {
  const { t, lang } = useI18n();
  const [form, setForm] = useState({
    step: 'amicable',
    date: '',
    recovered: '',
    costs: '',
    outstanding: '',
    note: '',
  });
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  const [file, setFile] = useState<File | null>(null);
  const done = (result: Recorded) => {
    notify({ ok: true, text: t('legalFile.cli.recorded', { ...result }) });
    onSaved();
  };
  const save = async () => {
    try {
      const outstanding = form.outstanding.trim() === '' ? null : toMinor(form.outstanding);
      done(
        await api<Recorded>(`/api/legal/files/${fileId}/steps`, {
          method: 'POST',
          body: {
            step: form.step,
            date: form.date,
            recoveredMinor: toMinor(form.recovered) ?? -1,
            costsMinor: toMinor(form.costs) ?? -1,
            partnerOutstandingMinor: outstanding,
            ...(form.note.trim() ? { note: form.note } : {}),
          },
        }),
      );
    } catch (error) {
      notify({ ok: false, text: problemText(error) });
    }
  };
  const importFile = async () => {
    if (!file) return;
    try {
      done(await uploadFile<Recorded>('/api/legal/reports/file', file, lang, () => {}));
    } catch (error) {
      notify({ ok: false, text: problemText(error) });
    }
  };
  return (
    <Stack gap="xs">
      <Group align="end">
        <Select
          label={t('legalFile.web.step')}
          value={form.step}
          onChange={(v) => set('step')(v ?? 'amicable')}
          data={LEGAL_STEPS.map((step) => ({ value: step, label: t('legalFile.step', { step }) }))}
        />
        <DayDateInput label={t('legalFile.web.date')} value={form.date} onChange={set('date')} w={150} />
        <TextInput
          label={t('legalFile.web.recovered')}
          value={form.recovered}
          onChange={(e) => set('recovered')(e.currentTarget.value)}
        />
        <TextInput
          label={t('legalFile.web.costs')}
          value={form.costs}
          onChange={(e) => set('costs')(e.currentTarget.value)}
        />
        <TextInput
          label={t('legalFile.web.partnerOutstanding')}
          value={form.outstanding}
          onChange={(e) => set('outstanding')(e.currentTarget.value)}
        />
        <TextInput
          label={t('legalFile.web.note')}
          value={form.note}
          onChange={(e) => set('note')(e.currentTarget.value)}
        />
        <Button onClick={save} disabled={!form.date}>
          {t('legalFile.web.addStep')}
        </Button>
      </Group>
      <Group align="end">
        <FileInput
          label={t('legalFile.web.import')}
          value={file}
          onChange={setFile}
          accept=".csv,.xlsx"
          miw={280}
        />
        <Button variant="light" onClick={importFile} disabled={!file}>
          {t('legalFile.web.importButton')}
        </Button>
      </Group>
    </Stack>
  );
}

function Checklist({
  file,
  notify,
  onSaved,
}: {
  file: LegalFileDetailResponse;
  notify: Notify;
  onSaved(): void;
}) {
  const { t, lang } = useI18n();
  const [pieces, setPieces] = useState<string[]>(file.piecesProvided);
  const save = async () => {
    try {
      await api(`/api/legal/files/${file.fileId}`, { method: 'PATCH', body: { piecesProvided: pieces } });
      notify({ ok: true, text: t('legalFile.web.piecesSaved') });
      onSaved();
    } catch (error) {
      notify({ ok: false, text: problemText(error) });
    }
  };
  const c = file.checklist;
  return (
    <Stack gap="xs">
      <Title order={4}>{t('legalFile.web.checklist')}</Title>
      <Text fz="sm">{t('legalFile.court.explain', { court: c.court })}</Text>
      {injunctionContestWarning(lang, c).map((warning) => (
        <Text fz="sm" c="orange.8" key={warning} data-testid="court-contested">
          {warning}
        </Text>
      ))}
      {injunctionCourtCaveat(lang, c).map((caveat) => (
        <Text fz="xs" c="dimmed" key={caveat} data-testid="court-caveat">
          {caveat}
        </Text>
      ))}
      {c.smallClaimsAlternative && <Text fz="sm">{t('legalFile.court.smallClaims')}</Text>}
      {c.pieces.map((p) => (
        <Text fz="sm" key={p.piece}>
          {t('legalFile.piece', { piece: p.piece })} — {injunctionPieceStatus(lang, p)}
        </Text>
      ))}
      <Group>
        {CONFIRMABLE_PIECES.map((piece: InjunctionPiece) => (
          <Checkbox
            key={piece}
            label={t('legalFile.piece', { piece })}
            checked={pieces.includes(piece)}
            onChange={(e) =>
              setPieces(e.currentTarget.checked ? [...pieces, piece] : pieces.filter((p) => p !== piece))
            }
          />
        ))}
        <Button size="xs" variant="light" onClick={save}>
          {t('legalFile.web.savePieces')}
        </Button>
      </Group>
    </Stack>
  );
}

export function LegalFileDetail({
  fileId,
  notify,
  onChanged,
}: {
  fileId: number;
  notify: Notify;
  onChanged(): void;
}) {
  const { t, lang } = useI18n();
  const detail = useApi<LegalFileDetailResponse>(`/api/legal/files/${fileId}`);
  const f = detail.data;
  if (!f) return null;
  const cur = (minor: number) => money(minor, f.currency, lang);
  const changed = () => {
    detail.reload();
    onChanged();
  };
  return (
    <Card withBorder data-testid="legal-file-detail">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>
            {t('legalFile.web.detail', {
              fileId: f.fileId,
              customer: `${f.customerName} (${f.customerCode})`,
            })}
          </Title>
          <Anchor href={`/api/legal/files/${f.fileId}/package.pdf?lang=${lang}`} target="_blank">
            {t('legalFile.web.package')}
          </Anchor>
        </Group>
        <Text fz="sm">
          {f.partnerName} —{' '}
          {t('legalFile.web.terms', {
            amicable: percentBps(f.amicableCommissionBps, lang),
            judicial: percentBps(f.judicialCommissionBps, lang),
            fileFee: cur(f.fileFeeMinor),
            judicialFee: cur(f.judicialFeeMinor),
          })}
        </Text>
        <Table fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('legalFile.annex.colInvoices')}</Table.Th>
              <Table.Th>{t('insurance.web.colDue')}</Table.Th>
              <Table.Th ta="right">{t('legalFile.web.colHanded')}</Table.Th>
              <Table.Th ta="right">{t('legalFile.web.colOutstanding')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {f.invoices.map((i) => (
              <Table.Tr key={i.documentId}>
                <Table.Td>{i.documentRef}</Table.Td>
                <Table.Td>{date(i.dueDate, lang)}</Table.Td>
                <Table.Td ta="right">{cur(i.handedMinor)}</Table.Td>
                <Table.Td ta="right">{cur(i.openMinor)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text fz="sm" data-testid="legal-file-charges">
          {t('legalFile.web.charges', {
            recovered: cur(f.charges.recoveredMinor),
            outstanding: cur(f.outstandingMinor),
            commission: cur(f.charges.commissionMinor),
            fees: cur(f.charges.fixedFeesMinor),
            costs: cur(f.charges.costsMinor),
            total: cur(f.charges.totalChargesMinor),
            // Charges beyond what was recovered are owed to the partner, not a negative transfer.
            net: cur(Math.abs(f.charges.netToForwardMinor)),
            owed: f.charges.netToForwardMinor < 0 ? 'partner' : 'us',
          })}
        </Text>
        <Title order={4}>{t('legalFile.web.steps')}</Title>
        {f.steps.map((s) => (
          <Text fz="sm" key={s.stepId}>
            {date(s.date, lang)} — {t('legalFile.step', { step: s.step })}
            {s.recoveredMinor > 0
              ? ` — ${t('legalFile.web.recoveredShort', { amount: cur(s.recoveredMinor) })}`
              : ''}
            {s.note ? ` — ${s.note}` : ''}
          </Text>
        ))}
        <StepForm fileId={f.fileId} notify={notify} onSaved={changed} />
        <Checklist key={f.piecesProvided.join(',')} file={f} notify={notify} onSaved={changed} />
      </Stack>
    </Card>
  );
}
