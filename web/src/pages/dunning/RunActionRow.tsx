/**
 * One action of a run's review as a table row: its customer, step (with the probability of lateness
 * of a pre-due reminder), channel and letter, the invoices it claims (each with a pause button while
 * the run is a preview, and why it is past its next step when the account's notice or a catch-up
 * raised it) and the unapplied credits it deducts, the interest (saying when a semester
 * rate is missing), the indemnity and the total due; a checkbox and an exclusion while there is a
 * selection. The row adds up: invoices + interest + indemnity − credits = total due.
 */
import { Anchor, Badge, Button, Checkbox, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { raisedReason } from '../../../../src/text/dunning-raised.ts';
import { modelProbability } from '../../../../src/text/prediction-lateness.ts';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { PauseForm } from './PauseControls.tsx';
import { deductedCredits, lacksRate, type ReviewAction, stepName } from './RunReviewModel.ts';
import type { DeductedCredit } from './types.ts';

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
      {i.raisedBy && (
        <Text size="xs" c="dimmed" data-testid="dunning-run-item-raised">
          {raisedReason(t, (iso) => date(iso, lang), i)}
        </Text>
      )}
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
 * The action gives the total; the credits themselves come with the run, once per customer (a
 * letter and a call task deduct the same ones), read with it at its date.
 */
function CreditLines({
  action,
  customerCredits,
}: {
  action: ReviewAction;
  customerCredits: readonly DeductedCredit[] | undefined;
}) {
  const { t, lang } = useI18n();
  const creditsMinor = action.creditsMinor ?? 0;
  if (creditsMinor <= 0) return null;
  const credits = deductedCredits(customerCredits ?? [], action);
  return (
    <div data-testid="dunning-run-action-credits">
      <Text size="xs" fw={500} mt={4}>
        {t('dunningReview.creditsDeducted', { amount: money(creditsMinor, action.currency, lang) })}
      </Text>
      {credits?.map((c) => (
        <Text size="xs" key={`${c.documentRef}/${c.issueDate}/${c.openMinor}`}>
          {c.documentRef} · {date(c.issueDate, lang)} · {money(c.openMinor, action.currency, lang)}
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
  customerCredits,
  choice,
  onPauseChange,
}: {
  action: ReviewAction;
  /** The credits the run deducts from the action's customer (the run's `deductedCredits`). */
  customerCredits?: readonly DeductedCredit[] | undefined;
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
            {modelProbability(lang, a.lateProbabilityBp / 10_000)}
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
        <CreditLines action={a} customerCredits={customerCredits} />
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
