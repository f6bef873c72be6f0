/**
 * An applied receipt in the workbench: each customer it paid with the items settled (reference and
 * amount settled on each), how the match was decided — automatically with its confidence, or by a
 * person named — and the actions on it (reverse, record a bounce).
 */
import { Button, Group, Stack, Text } from '@mantine/core';
import { dateTime, money, percent } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import type { Receipt } from './CorrectionModal.tsx';

function HowDecided({ decision }: { decision: NonNullable<Receipt['decision']> }) {
  const { t, lang } = useI18n();
  const confidence = decision.confidence === null ? '' : percent(decision.confidence / 100, lang);
  return (
    <Text size="xs" c="dimmed" data-testid="cash-applied-how">
      {t(`cash.page.how.${decision.decision}`, { confidence, who: decision.decidedBy })} ·{' '}
      {dateTime(decision.decidedAt, lang)}
    </Text>
  );
}

export function AppliedCell({
  receipt,
  onReverse,
  onBounce,
}: {
  receipt: Receipt;
  onReverse(): void;
  onBounce(): void;
}) {
  const { t, lang } = useI18n();
  const currency = receipt.currency;
  return (
    <Stack gap={4}>
      {receipt.applications.map((application) => (
        <Stack key={application.paymentDocumentId} gap={0}>
          <Text size="sm" fw={500}>
            {application.customerName ?? application.customerCode} ({application.customerCode})
            {receipt.applications.length > 1 && ` · ${money(application.amountMinor, currency, lang)}`}
          </Text>
          {application.items.length === 0 ? (
            <Text size="xs">{t('cash.page.settledNothing')}</Text>
          ) : (
            <Text size="xs" data-testid="cash-applied-items">
              {application.items
                .map((item) => `${item.ref} ${money(item.amountMinor, currency, lang)}`)
                .join(' · ')}
            </Text>
          )}
        </Stack>
      ))}
      {receipt.decision && <HowDecided decision={receipt.decision} />}
      <Group gap="xs">
        <Button size="compact-xs" variant="subtle" color="red" onClick={onReverse}>
          {t('cash.page.reverse')}
        </Button>
        <Button size="compact-xs" variant="light" color="red" onClick={onBounce}>
          {t('cash.page.bounce')}
        </Button>
      </Group>
    </Stack>
  );
}
