import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar.ts';
import { EXAMPLE_POLICY, exampleCustomer, exampleInvoice } from './example-plan.fixture.ts';
import { type DunningInvoice, type PlanSettings, planDunning, recordSent } from './planner.ts';
import { type DunningPolicy, type DunningStep, EXAMPLE_STEPS } from './policy.ts';
import { validatePolicy } from './policy-validation.ts';
import { REFERENCE_RATES } from './reference-rates.fixture.ts';

// Levels of the example: 1 courtesy D−5, 2 reminder_1 D+5 (e-mail), 3 reminder_2 D+15 (letter,
// claims), 4 call D+30, 5 formal notice D+45 (registered letter), 6 hand-over D+60.
const AS_OF = '2026-06-30';
const SETTINGS: PlanSettings = {
  asOf: AS_OF,
  policies: [EXAMPLE_POLICY],
  rates: REFERENCE_RATES,
  rateMode: 'split_by_semester',
};
const withPolicy = (policy: DunningPolicy, asOf = AS_OF): PlanSettings => ({
  ...SETTINGS,
  asOf,
  policies: [policy],
});
const CUSTOMER = exampleCustomer('C1');
/** An invoice of C1 this many days late on 30 June 2026. */
const late = (id: string, daysLate: number, extra: Partial<DunningInvoice> = {}) =>
  exampleInvoice(id, 'C1', addDays(AS_OF, -daysLate), 100_000, extra);

const plannedSteps = (invoices: DunningInvoice[], settings = SETTINGS) =>
  planDunning([CUSTOMER], invoices, settings).actions.map((a) => [
    a.stepCode,
    a.channel,
    a.items.map((i) => [i.invoiceId, i.fromLevel, i.level, i.raisedBy?.kind ?? null]),
  ]);

describe('the account floor', () => {
  // Guérin Négoce on 30 June 2026: put on notice on 5 May (its history), its old invoices are handed
  // over today; those due since got « Relance 1 » the same day.
  const noticed = (id: string, daysLate: number) =>
    late(id, daysLate, { level: 5, lastStepDate: '2026-05-05', formalNoticeDate: '2026-05-05' });
  const invoices = [
    noticed('OLD1', 235),
    noticed('OLD2', 62),
    late('NEW1', 55),
    late('NEW2', 6),
    late('SOON', -3), // not yet due: no courtesy e-mail the day the account is handed over
    // Its first reminder 3 days ago: the letter waits (D+5 → D+15), nothing joins the notice today.
    late('HELD', 20, { level: 2, lastStepDate: '2026-06-27' }),
  ];
  const plan = planDunning([CUSTOMER], invoices, SETTINGS);

  it('puts the invoices due for an amicable step on the notice already sent, never beside a hand-over', () => {
    expect(plannedSteps(invoices)).toEqual([
      [
        'handover',
        'call_task',
        [
          ['OLD1', 5, 6, null],
          ['OLD2', 5, 6, null],
        ],
      ],
      [
        'formal_notice',
        'registered_letter',
        [
          ['NEW1', 0, 5, 'account_notice'],
          ['NEW2', 0, 5, 'account_notice'],
        ],
      ],
    ]);
    const notice = plan.actions.find((a) => a.stepKind === 'formal_notice');
    expect(notice?.items.map((i) => [i.raisedBy, i.indemnityMinor, i.interest.status])).toEqual([
      [{ kind: 'account_notice', noticeDate: '2026-05-05' }, 4_000, 'claimed'],
      [{ kind: 'account_notice', noticeDate: '2026-05-05' }, 4_000, 'claimed'],
    ]);
    expect(plan.skipped.map((s) => [s.invoiceId, s.reason, s.level])).toEqual([
      ['HELD', 'too_soon_after_last_step', 3],
      ['SOON', 'courtesy_handover_today', 1],
    ]);
  });

  it('never raises past the notice: each joined invoice waits for its own lead before its hand-over', () => {
    const after = recordSent(invoices, plan.actions, AS_OF);
    expect(after.find((i) => i.id === 'NEW1')).toMatchObject({ level: 5, formalNoticeDate: AS_OF });
    const handedOver = (asOf: string) =>
      planDunning([CUSTOMER], after, withPolicy(EXAMPLE_POLICY, asOf))
        .actions.filter((a) => a.stepKind === 'handover')
        .flatMap((a) => a.items.map((i) => i.invoiceId));
    // NEW1 reaches D+60 on 5 July, its notice is 8 days old on 8 July; NEW2's D+60 is in August.
    expect([handedOver('2026-07-07'), handedOver('2026-07-08')]).toEqual([[], ['NEW1']]);
  });

  it('takes in the invoices due for an amicable step on the day a first notice goes out', () => {
    const first = [late('A', 50, { level: 4, lastStepDate: '2026-06-10' }), late('B', 12)];
    expect(
      planDunning([CUSTOMER], first, SETTINGS).actions.map((a) => a.items.map((i) => i.raisedBy)),
    ).toEqual([[undefined, { kind: 'account_notice', noticeDate: null }]]);
  });

  it('is a policy setting: off, each invoice keeps its own step', () => {
    const own = withPolicy({ ...EXAMPLE_POLICY, accountFloor: false });
    expect(plannedSteps(invoices, own).map(([step, channel]) => [step, channel])).toEqual([
      ['handover', 'call_task'],
      ['reminder_2', 'letter'],
    ]);
  });
});

describe('a courtesy e-mail on the day of a hand-over or a formal notice', () => {
  // OLD was put on notice on 5 May; its hand-over (a call task: nothing written) is due today.
  const old = late('OLD', 62, { level: 5, lastStepDate: '2026-05-05', formalNoticeDate: '2026-05-05' });
  const soon = late('SOON', -3);
  const heldFor = (invoices: DunningInvoice[], settings = SETTINGS) =>
    planDunning([CUSTOMER], invoices, settings).skipped.map((s) => [s.invoiceId, s.reason]);

  it('is not sent beside a hand-over by call, whatever the escalation settings', () => {
    expect(plannedSteps([old, soon])).toEqual([['handover', 'call_task', [['OLD', 5, 6, null]]]]);
    expect(heldFor([old, soon])).toEqual([['SOON', 'courtesy_handover_today']]);
    const off = withPolicy({ ...EXAMPLE_POLICY, accountFloor: false, catchUpByAge: false });
    expect(heldFor([old, soon], off)).toEqual([['SOON', 'courtesy_handover_today']]);
  });

  it('is not sent after an earlier run of the day handed the customer over, and goes out the next day', () => {
    const handed = recordSent([old], planDunning([CUSTOMER], [old], SETTINGS).actions, AS_OF);
    expect(heldFor([...handed, soon])).toEqual([['SOON', 'courtesy_handover_today']]);
    const nextDay = planDunning([CUSTOMER], [...handed, soon], withPolicy(EXAMPLE_POLICY, '2026-07-01'));
    expect(nextDay.actions.map((a) => [a.stepCode, a.items.map((i) => i.invoiceId)])).toEqual([
      ['courtesy', ['SOON']],
    ]);
  });
});

describe('the catch-up by age', () => {
  it('starts an invoice never reminded at the last amicable letter its lateness reached, never the notice', () => {
    // SARL Dupont Frères on 30 June 2026: invoices 46 to 192 days late, never reminded, got
    // « Relance 1 » by e-mail claiming nothing.
    const invoices = [late('D1', 192), late('D2', 104), late('D3', 46)];
    const plan = planDunning([CUSTOMER], invoices, SETTINGS);
    expect(plannedSteps(invoices)).toEqual([
      [
        'reminder_2',
        'letter',
        [
          ['D1', 0, 3, 'catch_up'],
          ['D2', 0, 3, 'catch_up'],
          ['D3', 0, 3, 'catch_up'],
        ],
      ],
    ]);
    expect(plan.actions[0]?.indemnityTotalMinor).toBe(12_000);
    expect(plan.actions[0]?.items.every((i) => i.interest.status === 'claimed')).toBe(true);
    // The call of D+30 follows as long after the letter as the policy spaces them, then the notice.
    const after = recordSent(invoices, plan.actions, AS_OF);
    const stepsOn = (asOf: string) =>
      planDunning([CUSTOMER], after, withPolicy(EXAMPLE_POLICY, asOf)).actions.map((a) => a.stepCode);
    expect([stepsOn('2026-07-14'), stepsOn('2026-07-15')]).toEqual([[], ['call']]);
  });

  it('catches up from a courtesy e-mail, and leaves alone an invoice already reminded or not late enough', () => {
    const warned = late('W', 40, { level: 1, lastStepDate: addDays(AS_OF, -45) });
    const reminded = late('R', 40, { level: 2, lastStepDate: addDays(AS_OF, -30) });
    const early = late('E', 10);
    expect(plannedSteps([warned, reminded, early])).toEqual([
      [
        'reminder_2',
        'letter',
        [
          ['R', 2, 3, null],
          ['W', 1, 3, 'catch_up'],
          ['E', 0, 2, null],
        ],
      ],
    ]);
  });

  it('prefers a written step to a call or a text, and takes the highest when none is written', () => {
    const step = (code: string, offsetDays: number, channel: DunningStep['channel']): DunningStep => ({
      ...(EXAMPLE_STEPS[1] as DunningStep),
      code,
      offsetDays,
      channel,
    });
    const notice = EXAMPLE_STEPS[4] as DunningStep;
    const letterAfterCall = withPolicy({
      ...EXAMPLE_POLICY,
      steps: [step('r1', 5, 'email'), step('call', 10, 'call_task'), step('r2', 20, 'letter'), notice],
    });
    const callsOnly = withPolicy({
      ...EXAMPLE_POLICY,
      steps: [step('call1', 5, 'call_task'), step('sms', 15, 'sms'), notice],
    });
    const invoices = [late('X', 25)];
    expect(plannedSteps(invoices, letterAfterCall)).toEqual([['r2', 'letter', [['X', 0, 3, 'catch_up']]]]);
    expect(plannedSteps(invoices, callsOnly)).toEqual([['sms', 'sms', [['X', 0, 2, 'catch_up']]]]);
  });

  it('is a policy setting: off, an invoice never reminded gets the first reminder', () => {
    const oneByOne = withPolicy({ ...EXAMPLE_POLICY, catchUpByAge: false });
    expect(plannedSteps([late('D1', 192)], oneByOne)).toEqual([
      ['reminder_1', 'email', [['D1', 0, 2, null]]],
    ]);
  });
});

describe('the escalation settings', () => {
  it('are on or off, absent meaning on', () => {
    const problems = (extra: object) =>
      validatePolicy({ ...EXAMPLE_POLICY, ...extra } as DunningPolicy).map((p) => p.code);
    expect(problems({})).toEqual([]);
    expect(problems({ accountFloor: false, catchUpByAge: true })).toEqual([]);
    expect(problems({ accountFloor: 'yes' })).toEqual(['invalid_escalation_setting']);
  });
});
