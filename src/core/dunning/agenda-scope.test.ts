import { describe, expect, it } from 'vitest';
import { hiddenThroughOf, inAgendaScope, resolveAgendaScope } from './agenda-scope.ts';

const collector = { role: 'collector', email: 'julien@x.test', hasPortfolio: true };
const manager = { role: 'credit_manager', email: 'claire@x.test', hasPortfolio: false };

describe('resolveAgendaScope', () => {
  it('gives a collector their own portfolio by default, and all when they hold none', () => {
    expect(resolveAgendaScope(collector, undefined)).toEqual({ kind: 'collector', email: 'julien@x.test' });
    expect(resolveAgendaScope({ ...collector, hasPortfolio: false }, undefined)).toEqual({ kind: 'all' });
    expect(resolveAgendaScope(collector, 'JULIEN@x.test')).toEqual({
      kind: 'collector',
      email: 'JULIEN@x.test',
    });
  });

  it('refuses a collector another portfolio, all and the unassigned', () => {
    expect(resolveAgendaScope(collector, 'marc@x.test')).toBe('forbidden');
    expect(resolveAgendaScope(collector, 'all')).toBe('forbidden');
    expect(resolveAgendaScope(collector, 'unassigned')).toBe('forbidden');
  });

  it('lets a manager and the command line pick any collector, all or the unassigned', () => {
    for (const reader of [manager, { hasPortfolio: false }]) {
      expect(resolveAgendaScope(reader, undefined)).toEqual({ kind: 'all' });
      expect(resolveAgendaScope(reader, 'marc@x.test')).toEqual({ kind: 'collector', email: 'marc@x.test' });
      expect(resolveAgendaScope(reader, 'unassigned')).toEqual({ kind: 'unassigned' });
    }
  });

  it('leaves a salesperson on their customers and refuses them a collector', () => {
    const salesperson = { role: 'salesperson', email: 'alice@x.test', hasPortfolio: false };
    expect(resolveAgendaScope(salesperson, undefined)).toEqual({ kind: 'all' });
    expect(resolveAgendaScope(salesperson, 'alice@x.test')).toBe('forbidden');
  });
});

describe('inAgendaScope', () => {
  it('keeps a collector’s customers, the unassigned, or everything', () => {
    const scope = { kind: 'collector' as const, email: 'Julien@x.test' };
    expect([inAgendaScope(scope, 'julien@x.test'), inAgendaScope(scope, 'marc@x.test')]).toEqual([
      true,
      false,
    ]);
    expect(inAgendaScope(scope, null)).toBe(false);
    expect([inAgendaScope({ kind: 'unassigned' }, null), inAgendaScope({ kind: 'unassigned' }, 'a')]).toEqual(
      [true, false],
    );
    expect(inAgendaScope({ kind: 'all' }, null)).toBe(true);
  });
});

describe('hiddenThroughOf', () => {
  it('hides a done entry for the day and a snoozed one until the day before it returns', () => {
    expect(hiddenThroughOf({ kind: 'done' }, '2026-04-30')).toBe('2026-04-30');
    expect(hiddenThroughOf({ kind: 'snoozed', until: '2026-05-04' }, '2026-04-30')).toBe('2026-05-03');
    expect(hiddenThroughOf({ kind: 'snoozed', until: '2026-04-30' }, '2026-04-30')).toBe('not_after_as_of');
  });
});
