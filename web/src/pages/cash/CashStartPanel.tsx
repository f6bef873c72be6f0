/**
 * The cash page before a first bank statement: what the page does and the formats it reads; on the
 * demo company, its month of receipts to import at a click — the same import as an uploaded
 * statement, so the matching job runs and the receipts and proposals follow — or to download and
 * upload as any file. Every word from the catalogue (cash.start.*).
 */
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Static } from 'typebox';
import type { DemoStatementOfferSchema } from '../../../../src/http/routes/cash-schemas.ts';
import { monthName } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';

export type DemoStatementOffer = Static<typeof DemoStatementOfferSchema>;

export function CashStartPanel({
  offer,
  canImport,
  onImportDemo,
}: {
  offer: DemoStatementOffer;
  /** The reader may import statements (the demo's is offered to them only). */
  canImport: boolean;
  onImportDemo(): Promise<unknown>;
}) {
  const { t, lang } = useI18n();
  const [importing, setImporting] = useState(false);
  const from = offer.available && canImport ? offer.fromDate : null;
  const period = from ? { month: monthName(from, lang), year: from.slice(0, 4) } : null;
  const importDemo = () => {
    setImporting(true);
    onImportDemo().finally(() => setImporting(false));
  };
  return (
    <Paper withBorder p="md" data-testid="cash-start">
      <Stack gap="xs">
        <Title order={4}>{t('cash.start.title')}</Title>
        <Text>{t('cash.start.what')}</Text>
        <Text size="sm" c="dimmed">
          {t('cash.start.formats')}
        </Text>
        {period && (
          <>
            <Text>{t('cash.start.demo', period)}</Text>
            <Group>
              <Button onClick={importDemo} loading={importing}>
                {t('cash.start.importDemo', period)}
              </Button>
              <Anchor href="/api/cash/demo-statement/file" download={offer.fileName}>
                {t('cash.start.download')}
              </Anchor>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
