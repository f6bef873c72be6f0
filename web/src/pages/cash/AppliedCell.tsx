/**
 * An applied receipt in the workbench: each customer it paid with the items settled (reference and
 * amount settled on each) — or, for a line linked to a payment the ledger recorded before, that
 * payment and the items it settles —, how the match was decided — automatically with its
 * confidence, or by a person named — and the actions on it (reverse, record a bounce).
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

/** The line settled nothing itself: it is the bank's side of this payment, which settles these items. */
function RecordedPayment({
  payment,
  currency,
}: {
  payment: NonNullable<Receipt['recordedPayment']>;
  currency: string;
}) {
  const { t, lang } = useI18n();
  return (
    <Stack gap={0} data-testid="cash-applied-recorded">
      <Text size="xs">{t('cash.page.recordedLink', { ref: payment.ref })}</Text>
      <Text size="xs" data-testid="cash-applied-items">
        {payment.items.length === 0
          ? t('cash.page.recordedSettlesNothing')
          : payment.items.map((item) => `${item.ref} ${money(item.amountMinor, currency, lang)}`).join(' · ')}
      </Text>
    </Stack>
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
          {receipt.recordedPayment ? (
            <RecordedPayment payment={receipt.recordedPayment} currency={currency} />
          ) : application.items.length === 0 ? (
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
