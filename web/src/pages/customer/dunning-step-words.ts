/**
 * The words of an open invoice's last dunning step in the customer file (DunningFollowUpCell.tsx),
 * kept apart from the cell so that a test reads them (Vitest reads no test under web/). A call task
 * is only created by the run: until someone calls, or hands the file over, nothing was sent, so the
 * cell says a task was created (« Transmission au contentieux proposée · tâche créée le … »), never
 * « le … · Appel téléphonique » as if the call or the hand-over had been made.
 */
import { type Lang, label, translator } from '../../../../src/text/catalogue.ts';
import type { LastDunningStep } from '../../api.ts';
import { date } from '../../format.ts';

/** The trailing number of a step code (`reminder_2` → 2): the policies number their repeated steps so. */
function stepNumber(stepCode: string): number | null {
  const match = /(\d+)$/.exec(stepCode);
  return match ? Number(match[1]) : null;
}

export function stepName(lang: Lang, step: LastDunningStep, dueDate: string): string {
  const t = translator(lang);
  // The previous system's reminder a day after the due date stands for the policy's courtesy step
  // (its date had come, the first reminder's not yet), but it was a reminder, not a notice ahead.
  const late = step.source === 'imported' && step.stepKind === 'courtesy' && step.sentOn > dueDate;
  const kind = label(lang, 'dunningStepKind', late ? 'reminder' : step.stepKind);
  if (late) return kind;
  if (step.stepChannel === 'call_task') {
    if (step.stepKind === 'reminder') return t('dunningReview.step.call');
    if (step.stepKind === 'handover') return t('dunningFollowUp.step.handoverProposed');
  }
  const number = stepNumber(step.stepCode);
  return number === null ? kind : t('dunningFollowUp.step.numbered', { kind, number });
}

export function stepDetail(lang: Lang, step: LastDunningStep): string {
  const t = translator(lang);
  const on = date(step.sentOn, lang);
  if (step.channel === null) {
    if (step.cappedBefore)
      return t('dunningFollowUp.step.importedCapped', { date: on, before: step.cappedBefore });
    return step.stepKind === 'formal_notice'
      ? t('dunningFollowUp.step.importedNotice', { date: on })
      : t('dunningFollowUp.step.imported', { date: on });
  }
  if (step.channel === 'call_task') return t('dunningFollowUp.step.taskCreated', { date: on });
  return t('dunningFollowUp.step.sent', { date: on, channel: label(lang, 'dunningChannel', step.channel) });
}
