/** A ranked suggestion of the workbench: customer, confidence, items (or each customer's part of a group receipt) and evidence. */
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { Static } from 'typebox';
import type { ReceiptListSchema } from '../../../../src/http/routes/cash-schemas.ts';
import { money, percent, percentBps } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';

type Receipt = Static<typeof ReceiptListSchema>['items'][number];
type Suggestion = Receipt['suggestions'][number];
type Evidence = Suggestion['evidence'][number];

function confidenceColor(confidence: number): string {
  return confidence >= 90 ? 'green' : confidence >= 70 ? 'yellow' : 'gray';
}

function EvidenceList({ evidence, currency }: { evidence: Evidence[]; currency: string }) {
  const { t, lang } = useI18n();
  const words = (item: Evidence) => {
    const params: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(item)) {
      if (name === 'code') continue;
      if (name.endsWith('Minor') && typeof value === 'number') params[name] = money(value, currency, lang);
      else if (name.endsWith('Bps') && typeof value === 'number') params[name] = percentBps(value, lang);
      else params[name] = value;
    }
    return t(`cashEvidence.${String(item.code)}`, params);
  };
  return (
    <Stack gap={0}>
      {evidence.map((item) => (
        // One piece of evidence per code and figures: its text is its identity.
        <Text key={JSON.stringify(item)} size="xs" c="dimmed">
          {words(item)}
        </Text>
      ))}
    </Stack>
  );
}

export function SuggestionCell({
  receipt,
  suggestion,
  onAccept,
}: {
  receipt: Receipt;
  suggestion: Suggestion;
  onAccept(): void;
}) {
  const { t, lang } = useI18n();
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Badge color={confidenceColor(suggestion.confidence)}>
          {percent(suggestion.confidence / 100, lang)}
        </Badge>
        <Text size="sm" fw={500}>
          {suggestion.customerName} ({suggestion.customerCode})
        </Text>
        <Text size="xs">{t(`cashMethod.${suggestion.method}`)}</Text>
      </Group>
      {suggestion.parts.length === 0 ? (
        <Text size="xs">
          {suggestion.invoices
            .map((line) => `${line.ref} ${money(line.amountMinor, receipt.currency, lang)}`)
            .join(' · ')}
        </Text>
      ) : (
        suggestion.parts.map((part) => (
          <Text size="xs" key={part.customerCode}>
            {t('cash.page.partLine', {
              customer: part.customerCode,
              amount: money(part.amountMinor, receipt.currency, lang),
              invoices: part.invoices.map((line) => ` · ${line.ref}`).join(''),
            })}
          </Text>
        ))
      )}
      {suggestion.writeOffMinor > 0 && (
        <Text size="xs">
          {t('cash.page.writeOffLine', {
            amount: money(suggestion.writeOffMinor, receipt.currency, lang),
            reason: t(`writeOffReason.${suggestion.writeOffReason ?? 'bank_charges'}`),
          })}
        </Text>
      )}
      {suggestion.unappliedMinor > 0 && (
        <Text size="xs">
          {t('cash.page.unapplied', { amount: money(suggestion.unappliedMinor, receipt.currency, lang) })}
        </Text>
      )}
      <EvidenceList evidence={suggestion.evidence} currency={receipt.currency} />
      <Group gap="xs">
        <Button size="compact-xs" onClick={onAccept}>
          {t('cash.page.accept')}
        </Button>
      </Group>
    </Stack>
  );
}
