/**
 * An open invoice's place in the dunning, in the customer file: the last step it reached, in words
 * (« Relance 2 », « Mise en demeure »: the step kind's label, numbered like its step), when and how
 * it was sent (an imported reminder that had reached the formal notice says the level stops below
 * it; an imported formal notice by registered letter says it is known from the history), and a
 * badge once it went to a lawyer or an agency.
 */
import { Badge, Stack, Text } from '@mantine/core';
import type { LastDunningStep, OpenItem } from '../../api.ts';
import { date } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';

/** The trailing number of a step code (`reminder_2` → 2): the policies number their repeated steps so. */
function stepNumber(stepCode: string): number | null {
  const match = /(\d+)$/.exec(stepCode);
  return match ? Number(match[1]) : null;
}

type Translate = ReturnType<typeof useI18n>['t'];
type Label = ReturnType<typeof useI18n>['label'];

function stepName(t: Translate, label: Label, step: LastDunningStep, dueDate: string): string {
  // The previous system's reminder a day after the due date stands for the policy's courtesy step
  // (its date had come, the first reminder's not yet), but it was a reminder, not a notice ahead.
  const late = step.source === 'imported' && step.stepKind === 'courtesy' && step.sentOn > dueDate;
  const kind = label('dunningStepKind', late ? 'reminder' : step.stepKind);
  if (late) return kind;
  if (step.stepKind === 'reminder' && step.stepChannel === 'call_task') return t('dunningReview.step.call');
  const number = stepNumber(step.stepCode);
  return number === null ? kind : t('dunningFollowUp.step.numbered', { kind, number });
}

export function DunningFollowUpCell({
  item,
}: {
  item: Pick<OpenItem, 'lastDunningStep' | 'handedOver' | 'dueDate'>;
}) {
  const { t, lang, label } = useI18n();
  const step = item.lastDunningStep;
  if (!step && !item.handedOver) return null;
  return (
    <Stack gap={2} align="flex-start">
      {step && (
        <>
          <Text size="sm">{stepName(t, label, step, item.dueDate)}</Text>
          <Text size="xs" c="dimmed">
            {step.channel === null
              ? step.cappedBefore
                ? t('dunningFollowUp.step.importedCapped', {
                    date: date(step.sentOn, lang),
                    before: step.cappedBefore,
                  })
                : step.stepKind === 'formal_notice'
                  ? t('dunningFollowUp.step.importedNotice', { date: date(step.sentOn, lang) })
                  : t('dunningFollowUp.step.imported', { date: date(step.sentOn, lang) })
              : t('dunningFollowUp.step.sent', {
                  date: date(step.sentOn, lang),
                  channel: label('dunningChannel', step.channel),
                })}
          </Text>
        </>
      )}
      {item.handedOver && (
        <Badge color="red" variant="light" size="sm" data-testid="handed-over">
          {t('dunningFollowUp.openItems.handedOver')}
        </Badge>
      )}
    </Stack>
  );
}
