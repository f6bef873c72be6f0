/**
 * The agenda's terminal lines name a planned step as the run review and `dunning plan` do
 * (« Relance 2 (courrier) », « Appel »), not by its kind and channel side by side.
 */
import { describe, expect, it } from 'vitest';
import { type AgendaView, agendaLines } from './agenda.ts';

const entry = {
  rank: 1,
  customerCode: 'C1',
  customerName: 'Alpha',
  salesperson: null,
  collector: null,
  scorePoints: 40,
  overdueMinor: 100_00,
  currency: 'EUR',
  factors: [],
  reasons: [],
  plannedActions: [
    { step: 'reminder_2', stepKind: 'reminder', channel: 'letter' },
    { step: 'call', stepKind: 'reminder', channel: 'call_task' },
    { step: 'formal_notice', stepKind: 'formal_notice', channel: 'registered_letter' },
  ],
  openTasks: [],
  openDisputes: [],
  heldOrders: [],
  limitRequests: [],
};
const view = {
  asOf: '2026-06-30',
  scope: { kind: 'all', collector: null },
  collectors: [],
  hiddenCount: 0,
  targets: [],
  entries: [entry],
} as unknown as AgendaView;

describe('agenda lines', () => {
  it('name each planned step with its number and channel', () => {
    expect(agendaLines(view, 'fr')[0]).toBe(
      '1. C1 Alpha (40) — Relance 2 (courrier)\u00a0; Appel\u00a0; Mise en demeure (lettre recommandée avec AR)',
    );
    expect(agendaLines(view, 'en')[0]).toContain('Reminder 2 (letter)');
  });
});
