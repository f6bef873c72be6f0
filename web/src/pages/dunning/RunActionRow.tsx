/**
 * One action of a run's review as a table row: its customer, step (with the probability of lateness
 * of a pre-due reminder), channel and letter, the invoices it claims (each with a pause button while
 * the run is a preview), the interest (saying when a semester rate is missing), the indemnity and
 * the total due; a checkbox and an exclusion while there is a selection.
 */
import { Anchor, Badge, Button, Checkbox, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { date, percent } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { PauseForm } from './PauseControls.tsx';
import { lacksRate, type ReviewAction, stepName } from './RunReviewModel.ts';
import { runMoney } from './RunTotalsModel.ts';

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
        {i.documentRef} · {date(i.dueDate, lang)} · {runMoney(i.openMinor, action.currency, lang)}
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

/** What the row offers while the run is a preview: its checkbox and its exclusion. */
export interface RowChoice {
  selected: boolean;
  excluded: boolean;
  onToggle(on: boolean): void;
  onExclude(out: boolean): void;
}

export function ActionRow({
  action: a,
  choice,
  onPauseChange,
}: {
  action: ReviewAction;
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
      </Table.Td>
      <Table.Td ta="right">
        {runMoney(a.interestMinor, a.currency, lang)}
        {lacksRate(a) && (
          <Text size="xs" c="orange" data-testid="dunning-rate-missing">
            {t('dunningReview.rateMissingAction')}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">{runMoney(a.indemnityMinor, 'EUR', lang)}</Table.Td>
      <Table.Td ta="right">{runMoney(a.totalDueMinor, a.currency, lang)}</Table.Td>
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
