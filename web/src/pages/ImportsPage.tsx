/**
 * Imports: choose what to load, drop the file, check it with a dry run, then import it. A rejected
 * file lists every bad row; nothing is written unless the whole file is valid.
 */
import '@mantine/dropzone/styles.css';
import { Alert, Button, Card, Group, Progress, Radio, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api.ts';
import { canEditCustomers, canImportFec, useAuth } from '../auth.tsx';
import { percent } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import {
  type ColumnChoices,
  type DateOrderChoice,
  type FecSummary,
  IMPORT_KINDS,
  type ImportKind,
  ImportRejected,
  type ImportSummary,
  importPath,
  NO_COLUMN_CHOICES,
  uploadFile,
} from '../upload.ts';
import { columnsToChoose, ImportColumns } from './ImportColumns.tsx';
import { ImportDateOrder } from './ImportDateOrder.tsx';
import { ImportDropzone } from './ImportDropzone.tsx';
import { ImportErrors } from './ImportErrors.tsx';
import { FecResult, SpreadsheetSummary } from './ImportSummary.tsx';

type Outcome =
  | { type: 'spreadsheet'; summary: ImportSummary }
  | { type: 'fec'; summary: FecSummary }
  | { type: 'rejected'; rejected: ImportRejected }
  | { type: 'failed'; message: string };

const LABEL_KEYS = {
  customers: 'kindCustomers',
  invoices: 'kindInvoices',
  'credit-notes': 'kindCredit-notes',
  payments: 'kindPayments',
  orders: 'kindOrders',
  fec: 'kindFec',
} as const;
const HINT_KEYS = {
  customers: 'hintCustomers',
  invoices: 'hintInvoices',
  'credit-notes': 'hintCredit-notes',
  payments: 'hintPayments',
  orders: 'hintOrders',
  fec: 'hintFec',
} as const;

function failure(error: unknown): Outcome {
  if (error instanceof ImportRejected) return { type: 'rejected', rejected: error };
  return { type: 'failed', message: error instanceof ApiError ? error.message : String(error) };
}

function UploadProgress({ sentRatio }: { sentRatio: number }) {
  const { t, lang } = useI18n();
  const sent = sentRatio >= 1;
  return (
    <Stack gap={4} data-testid="import-progress">
      <Progress
        value={sent ? 100 : sentRatio * 100}
        striped
        animated
        aria-label={t('progressLabel')}
        aria-valuetext={percent(sentRatio, lang)}
      />
      <Text size="sm" c="dimmed">
        {sent ? t('processing') : t('uploading', { percent: percent(sentRatio, lang) })}
      </Text>
    </Stack>
  );
}

function Result({ outcome }: { outcome: Outcome }) {
  const { t } = useI18n();
  switch (outcome.type) {
    case 'spreadsheet':
      return <SpreadsheetSummary summary={outcome.summary} />;
    case 'fec':
      return <FecResult summary={outcome.summary} />;
    case 'rejected':
      return <ImportErrors rejected={outcome.rejected} />;
    case 'failed':
      return (
        <Alert color="red" title={t('importFailed')} data-testid="import-failed">
          {outcome.message}
        </Alert>
      );
  }
}

export function ImportsPage() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  // The API's import rights: the credit department imports everything, a collector payments only.
  const kinds = IMPORT_KINDS.filter((kind) =>
    kind === 'fec' ? canImportFec(me) : kind === 'payments' || canEditCustomers(me),
  );
  const [kind, setKind] = useState<ImportKind>(kinds.includes('invoices') ? 'invoices' : 'payments');
  const [file, setFile] = useState<File | null>(null);
  const [dateOrder, setDateOrder] = useState<DateOrderChoice>('auto');
  const [sentRatio, setSentRatio] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // The columns of the file to decide about, and the decisions: they go with every later upload.
  const [columns, setColumns] = useState<string[]>([]);
  const [columnChoices, setColumnChoices] = useState<ColumnChoices>(NO_COLUMN_CHOICES);
  const busy = sentRatio !== null;
  const forgetColumns = () => {
    setColumns([]);
    setColumnChoices(NO_COLUMN_CHOICES);
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setOutcome(null);
    setSentRatio(0);
    try {
      const path = importPath(kind, dryRun, dateOrder, columnChoices);
      setOutcome(
        kind === 'fec'
          ? { type: 'fec', summary: await uploadFile<FecSummary>(path, file, lang, setSentRatio) }
          : { type: 'spreadsheet', summary: await uploadFile<ImportSummary>(path, file, lang, setSentRatio) },
      );
    } catch (error) {
      const failed = failure(error);
      if (failed.type === 'rejected') {
        // Columns still undecided join those already offered (a choice may reveal another column).
        const more = columnsToChoose(failed.rejected);
        setColumns((offered) => [...new Set([...offered, ...more])]);
      }
      setOutcome(failed);
    } finally {
      setSentRatio(null);
    }
  };

  return (
    <Stack maw={1200}>
      <Title order={2}>{t('imports')}</Title>
      <Text c="dimmed">{t('importIntro')}</Text>
      <Card withBorder>
        <Stack>
          <Radio.Group
            label={t('importKind')}
            value={kind}
            onChange={(value) => {
              setKind(value as ImportKind);
              setOutcome(null);
              forgetColumns();
            }}
            description={t(HINT_KEYS[kind])}
          >
            <Group mt="xs">
              {kinds.map((value) => (
                <Radio key={value} value={value} label={t(LABEL_KEYS[value])} disabled={busy} />
              ))}
            </Group>
          </Radio.Group>
          <ImportDropzone
            file={file}
            disabled={busy}
            onFile={(next) => {
              setFile(next);
              setOutcome(null);
              forgetColumns();
            }}
          />
          {/* A FEC's dates are always YYYYMMDD: nothing to choose. */}
          {kind !== 'fec' && (
            <ImportDateOrder
              value={dateOrder}
              disabled={busy}
              onChange={(next) => {
                setDateOrder(next);
                setOutcome(null);
              }}
            />
          )}
          <Group>
            <Button variant="light" disabled={!file || busy} onClick={() => void run(true)}>
              {t('dryRunButton')}
            </Button>
            <Button disabled={!file || busy} onClick={() => void run(false)}>
              {t('importButton')}
            </Button>
          </Group>
          <div aria-live="polite">{sentRatio !== null && <UploadProgress sentRatio={sentRatio} />}</div>
        </Stack>
      </Card>
      {kind !== 'fec' && columns.length > 0 && (
        <ImportColumns
          entity={kind}
          columns={columns}
          choices={columnChoices}
          disabled={busy}
          onChange={setColumnChoices}
          onCheck={() => void run(true)}
        />
      )}
      {outcome && <Result outcome={outcome} />}
    </Stack>
  );
}
