/**
 * One action of a run's review as a table row: its customer, step (with the probability of lateness
 * of a pre-due reminder), channel and letter, the invoices it claims (each with a pause button while
 * the run is a preview) and the unapplied credits it deducts, the interest (saying when a semester
 * rate is missing), the indemnity and the total due; a checkbox and an exclusion while there is a
 * selection. The row adds up: invoices + interest + indemnity − credits = total due.
 */
import { Anchor, Badge, Button, Checkbox, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { CustomerFile } from '../../api.ts';
import { date, money, percent } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { PauseForm } from './PauseControls.tsx';
import { deductedCredits, lacksRate, type ReviewAction, stepName } from './RunReviewModel.ts';

function ItemLines({
  action,
  pausable,
  onPauseChange,
}: {
  action: ReviewAction;
  pausable: boolean;
  onPauseChange(changed: boolean): void;
}) {
  const { t, lang } = useI18n();
  // The invoice whose pause form is open.
  const [pausing, setPausing] = useState<string | null>(null);
  return action.items.map((i) => (
    <div key={i.documentRef}>
      <Text size="xs">
        {i.documentRef} · {date(i.dueDate, lang)} · {money(i.openMinor, action.currency, lang)}
        {i.interestStatus === 'rate_missing' && (
          <Badge size="xs" color="orange" ml={4}>
            {t('dunningReview.rateMissingItem')}
          </Badge>
        )}
        {pausable && (
          <Button size="compact-xs" variant="subtle" onClick={() => setPausing(i.documentRef)}>
            {t('dunningCases.page.pause')}
          </Button>
        )}
      </Text>
      {pausing === i.documentRef && (
        <PauseForm
          documentRef={i.documentRef}
          customerCode={action.customerCode}
          onClose={(changed) => {
            setPausing(null);
            onPauseChange(changed);
          }}
        />
      )}
    </div>
  ));
}

/**
 * The unapplied credits the action deducts: their total, then each by reference, date and amount.
 * The run gives only the total; the credits themselves are the customer's open items on the credit
 * side at the run's date, read when the action deducts some (a few customers of a run).
 */
function CreditLines({ action, asOf }: { action: ReviewAction; asOf: string | undefined }) {
  const { t, lang } = useI18n();
  const creditsMinor = action.creditsMinor ?? 0;
  const code = encodeURIComponent(action.customerCode);
  const file = useApi<CustomerFile>(
    creditsMinor > 0 ? `/api/customers/${code}${asOf ? `?asOf=${asOf}` : ''}` : null,
  );
  if (creditsMinor <= 0) return null;
  const credits = file.data ? deductedCredits(file.data.openItems, action) : null;
  return (
    <div data-testid="dunning-run-action-credits">
      <Text size="xs" fw={500} mt={4}>
        {t('dunningReview.creditsDeducted', { amount: money(creditsMinor, action.currency, lang) })}
      </Text>
      {credits?.map((c) => (
        <Text size="xs" key={`${c.documentRef}/${c.issueDate}/${c.amountMinor}`}>
          {c.documentRef} · {date(c.issueDate, lang)} · {money(c.amountMinor, action.currency, lang)}
        </Text>
      ))}
    </div>
  );
}

/** What the row offers while the run is a preview: its checkbox and its exclusion. */
export interface RowChoice {
  selected: boolean;
  excluded: boolean;
  onToggle(on: boolean): void;
  onExclude(out: boolean): void;
}

export function ActionRow({
  action: a,
  asOf,
  choice,
  onPauseChange,
}: {
  action: ReviewAction;
  /** The run's date: the credits deducted are the customer's at that date (the company's when absent). */
  asOf?: string | undefined;
  /** Null once sent: no checkbox, no exclusion, no pause. */
  choice: RowChoice | null;
  onPauseChange(changed: boolean): void;
}) {
  const { t, lang, label } = useI18n();
  const out = choice?.excluded ?? false;
  return (
    <Table.Tr opacity={out ? 0.5 : 1} data-testid="dunning-run-action">
      {choice && (
        <Table.Td>
          <Checkbox
            aria-label={t('dunningReview.select', { customer: a.customerName })}
            checked={choice.selected}
            disabled={out}
            onChange={(e) => choice.onToggle(e.currentTarget.checked)}
          />
        </Table.Td>
      )}
      <Table.Td>{a.customerName}</Table.Td>
      <Table.Td>
        {stepName(t, label, a)}
        {a.lateProbabilityBp !== undefined && (
          <Badge size="xs" variant="light" ml={4} title={t('forecastDunning.lateProbability')}>
            {percent(a.lateProbabilityBp / 10_000, lang)}
          </Badge>
        )}
      </Table.Td>
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
        <ItemLines action={a} pausable={choice !== null} onPauseChange={onPauseChange} />
        <CreditLines action={a} asOf={asOf} />
      </Table.Td>
      <Table.Td ta="right">
        {money(a.interestMinor, a.currency, lang)}
        {lacksRate(a) && (
          <Text size="xs" c="orange" data-testid="dunning-rate-missing">
            {t('dunningReview.rateMissingAction')}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">{money(a.indemnityMinor, 'EUR', lang)}</Table.Td>
      <Table.Td ta="right">{money(a.totalDueMinor, a.currency, lang)}</Table.Td>
      {choice && (
        <Table.Td>
          <Button size="compact-xs" variant="subtle" onClick={() => choice.onExclude(!out)}>
            {out ? t('dunningReview.include') : t('dunningReview.exclude')}
          </Button>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
