import { describe, expect, it } from 'vitest';
import type { AgendaEntryView, AgendaView } from '#app/dunning/agenda';
import { AGENDA_LIMIT, agendaPrintLines } from './agenda-print.ts';

function entry(rank: number): AgendaEntryView {
  return {
    rank,
    customerCode: `C${String(rank).padStart(5, '0')}`,
    customerName: `Client ${rank}`,
    salesperson: null,
    collector: null,
    scorePoints: 200 - rank,
    overdueMinor: 100_00,
    currency: 'EUR',
    factors: [],
    reasons: ['Montant échu\u00a0: 100,00 €'],
    plannedActions: [],
    openTasks: [],
    openDisputes: [],
    heldOrders: [],
    limitRequests: [],
  };
}

const view = (entries: number, hiddenCount = 0): AgendaView => ({
  asOf: '2026-06-30',
  scope: { kind: 'all', collector: null },
  collectors: [],
  hiddenCount,
  targets: [],
  entries: Array.from({ length: entries }, (_, i) => entry(i + 1)),
});

const entryLines = (lines: readonly string[]) => lines.filter((line) => /^\d+\. /.test(line));

describe('the agenda in the terminal', () => {
  it('prints the first 50 entries by default and says how many more there are', () => {
    const lines = agendaPrintLines(view(245), 'fr');
    expect(entryLines(lines)).toHaveLength(AGENDA_LIMIT);
    expect(entryLines(lines).at(-1)).toMatch(/^50\. C00050 Client 50 /);
    expect(lines.at(-1)).toBe('… et 195 autres clients\u00a0: --limit 0 pour tout afficher.');
    expect(agendaPrintLines(view(51), 'en').at(-1)).toBe('… and 1 more customer: --limit 0 shows them all.');
  });

  it('prints as many as --limit says, all of them with 0, and no « more » line when all are there', () => {
    expect(entryLines(agendaPrintLines(view(245), 'fr', 10))).toHaveLength(10);
    const all = agendaPrintLines(view(245), 'fr', 0);
    expect(entryLines(all)).toHaveLength(245);
    expect(all.join('\n')).not.toContain('--limit');
    expect(agendaPrintLines(view(3), 'fr', 3).join('\n')).not.toContain('--limit');
  });

  it('still says the day is empty, and what is hidden today', () => {
    const lines = agendaPrintLines(view(0, 2), 'fr');
    expect(lines[0]).toBe('Agenda du jour — 30\u00a0juin\u00a02026 — Tous les clients');
    expect(lines).toContain('2 entrées traitées ou reportées masquées aujourd’hui.');
  });
});
