/**
 * A call task the run only created is worded as a task, not as a step carried out: the customer
 * file's last step (web/src/pages/customer/dunning-step-words.ts) and the preview's skipped courtesy
 * e-mail say a hand-over was proposed, never that the customer was handed over. Kept in test/:
 * Vitest reads no test under web/.
 */
import { describe, expect, it } from 'vitest';
import { label, translator } from '#text/catalogue';
import type { LastDunningStep } from '../../web/src/api.ts';
import { stepDetail, stepName } from '../../web/src/pages/customer/dunning-step-words.ts';

/** Hyperdis Annecy's F2025-002225 after the run of 30/06/2026: the hand-over step, a call task. */
const handover: LastDunningStep = {
  sentOn: '2026-06-30',
  level: 6,
  stepCode: 'handover',
  stepKind: 'handover',
  channel: 'call_task',
  stepChannel: 'call_task',
  source: 'encours',
  cappedBefore: null,
};
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('the last step of an invoice when the run only created a call task', () => {
  it('says a hand-over task was created, not that the customer was handed over by telephone', () => {
    expect([stepName('fr', handover, '2025-08-09'), stepDetail('fr', handover)]).toEqual([
      'Transmission au contentieux proposée',
      'tâche créée le 30/06/2026',
    ]);
    expect([stepName('en', handover, '2025-08-09'), plain(stepDetail('en', handover))]).toEqual([
      'Hand-over to legal proposed',
      'task created on 30/06/2026',
    ]);
    const call = { ...handover, stepCode: 'call_1', stepKind: 'reminder' };
    expect([stepName('fr', call, '2026-05-01'), stepDetail('fr', call)]).toEqual([
      translator('fr')('dunningReview.step.call'),
      'tâche créée le 30/06/2026',
    ]);
  });

  it('keeps the date and the channel of a step that was sent', () => {
    const letter = {
      ...handover,
      stepCode: 'reminder_2',
      stepKind: 'reminder',
      channel: 'letter',
      stepChannel: 'letter',
    };
    expect([stepName('fr', letter, '2026-05-01'), plain(stepDetail('fr', letter))]).toEqual([
      'Relance 2',
      'le 30/06/2026 · Courrier',
    ]);
  });

  it('says the courtesy e-mail held back makes way for a proposed hand-over', () => {
    expect(label('fr', 'dunningSkip', 'courtesy_handover_today')).toBe(
      'Prévenance non envoyée\u00a0: transmission au contentieux proposée ce jour',
    );
    expect(label('en', 'dunningSkip', 'courtesy_handover_today')).not.toContain('is handed over');
  });
});
