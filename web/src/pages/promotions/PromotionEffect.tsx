/** One promotion: its terms, the decision, the orders under it, and its invoices' payment against the others. */
import { Card, Stack, Text, Title } from '@mantine/core';
import type { PromotionDetailResponse } from '../../../../src/http/schemas/promotions.ts';
import { date, money, percent } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';

type Summary = PromotionDetailResponse['effect']['promotion'];

export function PromotionEffect({ detail }: { detail: PromotionDetailResponse }) {
  const { t, lang, label } = useI18n();
  const days = (n: number | null) => (n === null ? '—' : t('common.days', { n }));
  const line = (group: 'promotion' | 'others', s: Summary) =>
    t('promotions.effect.line', {
      group: t('promotions.effect.group', { group }),
      count: s.invoiceCount,
      invoiced: money(s.invoicedMinor, detail.currency, lang),
      open: money(s.openMinor, detail.currency, lang),
      overdue: money(s.overdueMinor, detail.currency, lang),
      overdueRate: percent(s.overdueRateBps / 10_000, lang),
      daysToPay: days(s.averageDaysToPay),
      daysLate: days(s.averageDaysLate),
    });
  return (
    <Card withBorder data-testid="promotion-detail">
      <Stack gap={4}>
        <Title order={4}>
          {detail.code} — {detail.name}
        </Title>
        <Text size="sm">
          {label('paymentTerms', detail.paymentTerms)} ·{' '}
          {t('promotions.methods', {
            methods: detail.paymentMethods.map((m) => label('paymentMode', m)).join(', '),
          })}
        </Text>
        <Text size="sm">
          {t('promotions.guarantees', {
            guarantees:
              detail.guarantees.map((g) => t('promotions.guarantee', { guarantee: g })).join(', ') || '—',
          })}
        </Text>
        <Text size="sm">
          {t('promotions.submittedBy', {
            user: detail.submittedBy,
            date: date(detail.submittedAt.slice(0, 10), lang),
          })}
          {detail.decidedBy && detail.decidedAt
            ? ` · ${t('promotions.decidedBy', { user: detail.decidedBy, date: date(detail.decidedAt.slice(0, 10), lang) })}`
            : ''}
          {detail.decisionComment ? ` · ${t('promotions.comment', { comment: detail.decisionComment })}` : ''}
        </Text>
        <Text size="sm">
          {t('promotions.orders', {
            count: detail.orders.orderCount,
            amount: money(detail.orders.orderedMinor, detail.currency, lang),
            approved: detail.orders.approvedCount,
            held: detail.orders.heldCount,
            refused: detail.orders.refusedCount,
          })}
        </Text>
        <Text size="sm" fw={500}>
          {t('promotions.effect', { asOf: date(detail.asOf, lang) })}
        </Text>
        <Text size="sm">{line('promotion', detail.effect.promotion)}</Text>
        <Text size="sm">{line('others', detail.effect.others)}</Text>
      </Stack>
    </Card>
  );
}
