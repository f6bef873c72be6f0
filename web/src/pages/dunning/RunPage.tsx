/** A dunning run: preview what a date would send, then send it; letters open as PDF. */
import { Alert, Anchor, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { LiftPauseButton, PauseForm } from './PauseControls.tsx';
import type { RunView } from './types.ts';

export function RunPage() {
  const { t, lang, label } = useI18n();
  const [asOf, setAsOf] = useState('');
  const [view, setView] = useState<RunView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The invoice whose pause form is open, as "customer/invoice".
  const [pausing, setPausing] = useState<string | null>(null);
  const call = async (path: string) => {
    setBusy(true);
    setError(null);
    try {
      setView(await api<RunView>(path, { method: 'POST', body: asOf ? { asOf } : {} }));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  const afterPauseChange = (changed: boolean) => {
    setPausing(null);
    if (changed) void call('/api/dunning/runs/preview');
  };
  const previewing = view !== null && view.runId === null;
  return (
    <Stack>
      <Title order={2}>{t('dunning.page.runTitle')}</Title>
      <Text c="dimmed">{t('dunning.page.runIntro')}</Text>
      <Group align="end">
        <TextInput
          type="date"
          label={t('dunning.page.asOf')}
          value={asOf}
          onChange={(e) => setAsOf(e.currentTarget.value)}
        />
        <Button variant="light" loading={busy} onClick={() => call('/api/dunning/runs/preview')}>
          {t('dunning.page.preview')}
        </Button>
        <Button
          loading={busy}
          disabled={!view || view.runId !== null || view.actions.length === 0}
          onClick={() => call('/api/dunning/runs')}
        >
          {t('dunning.page.execute')}
        </Button>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {view && view.runId !== null && (
        <Alert color="green">
          {t('dunning.page.executed', { sent: view.actions.length })}
          {view.batchFiles.map((file) => (
            <span key={file.letterId}>
              {' — '}
              <Anchor href={file.path} target="_blank" data-testid="dunning-batch-file">
                {t('dunning.page.batchPart', { part: file.part, parts: file.parts, letters: file.letters })}
              </Anchor>
            </span>
          ))}
        </Alert>
      )}
      {view && view.actions.length === 0 && <Text c="dimmed">{t('dunning.page.noAction')}</Text>}
      {view && view.actions.length > 0 && (
        <Table striped data-testid="dunning-run">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dunning.page.customer')}</Table.Th>
              <Table.Th>{t('dunning.page.step')}</Table.Th>
              <Table.Th>{t('dunning.page.channel')}</Table.Th>
              <Table.Th>{t('dunning.page.items')}</Table.Th>
              <Table.Th ta="right">{t('dunning.page.interest')}</Table.Th>
              <Table.Th ta="right">{t('dunning.page.indemnity')}</Table.Th>
              <Table.Th ta="right">{t('dunning.page.totalDue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.actions.map((a) => (
              <Table.Tr key={`${a.customerCode}-${a.channel}-${a.currency}`}>
                <Table.Td>{a.customerName}</Table.Td>
                <Table.Td>{label('dunningStepKind', a.stepKind)}</Table.Td>
                <Table.Td>
                  {label('dunningChannel', a.channel)}
                  {a.documentPath && (
                    <>
                      {' · '}
                      <Anchor href={a.documentPath} target="_blank">
                        {t('dunning.page.letter')}
                      </Anchor>
                    </>
                  )}
                </Table.Td>
                <Table.Td>
                  {a.items.map((i) => (
                    <div key={i.documentRef}>
                      <Text size="xs">
                        {i.documentRef} · {date(i.dueDate, lang)} · {money(i.openMinor, a.currency, lang)}
                        {previewing && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            onClick={() => setPausing(`${a.customerCode}/${i.documentRef}`)}
                          >
                            {t('dunningCases.page.pause')}
                          </Button>
                        )}
                      </Text>
                      {pausing === `${a.customerCode}/${i.documentRef}` && (
                        <PauseForm
                          documentRef={i.documentRef}
                          customerCode={a.customerCode}
                          onClose={afterPauseChange}
                        />
                      )}
                    </div>
                  ))}
                </Table.Td>
                <Table.Td ta="right">{money(a.interestMinor, a.currency, lang)}</Table.Td>
                <Table.Td ta="right">{money(a.indemnityMinor, 'EUR', lang)}</Table.Td>
                <Table.Td ta="right">{money(a.totalDueMinor, a.currency, lang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {view && view.skipped.length > 0 && (
        <>
          <Title order={3} size="h4">
            {t('dunning.page.skipped')}
          </Title>
          <Table>
            <Table.Tbody>
              {view.skipped.map((s) => (
                <Table.Tr key={`${s.customerCode}/${s.documentRef}`}>
                  <Table.Td>{s.customerName ?? s.customerCode}</Table.Td>
                  <Table.Td>{s.documentRef}</Table.Td>
                  <Table.Td>
                    {s.pauseReason !== undefined && s.pausedUntil !== undefined
                      ? t('dunningCases.skippedPause', {
                          reason: s.pauseReason,
                          until: date(s.pausedUntil, lang),
                        })
                      : label('dunningSkip', s.reason)}
                  </Table.Td>
                  <Table.Td>
                    {previewing && s.pauseId !== undefined && (
                      <LiftPauseButton pauseId={s.pauseId} onDone={() => afterPauseChange(true)} />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
