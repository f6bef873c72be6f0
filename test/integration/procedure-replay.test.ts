/**
 * The policy replay on the demo company (issue 16): the policy in force, replayed over days on
 * which decisions were recorded, reproduces them; a stricter policy replayed over the last 12
 * months lists the orders it would have held, the reminders it would have sent and its effect on
 * DSO (exact figures at the reference date); a stricter scoring method re-scores the customers
 * and holds more orders; the replay writes nothing to the live ledger.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { configInForce, putConfigVersion } from '#app/credit/configuration';
import { generateDemoDataset } from '#app/demo/demo';
import { executeDunningRun } from '#app/dunning/execute-run';
import { getJob, startJob } from '#app/jobs/jobs';
import type { JobProgressEvent } from '#app/jobs/runner';
import { runnerFor } from '#app/jobs/worker';
import { type ReplayOutput, replayProcedure } from '#app/procedure/replay';
import { replayLines } from '#app/procedure/replay-text';
import { ledgerFingerprint } from '#db/procedure/replay-snapshot';
import { DEMO_AS_OF } from '#demo/index';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let ctx: AppContext;
let recordedFingerprint: Record<string, number>;
let strict: ReplayOutput;
const demo = generateDemoDataset();
/** Customers the recorded runs covered: the first ten with an invoice due before the period. */
const REMINDED = [
  ...new Set(
    demo.documents.filter((d) => d.kind === 'invoice' && d.dueDate < '2026-06-20').map((d) => d.customerCode),
  ),
]
  .sort()
  .slice(0, 10);
const progress: JobProgressEvent[] = [];

/** Stricter than the defaults: 15 days of lateness at most, no tolerance, limits cut by 20 %, reminders from D+1. */
const STRICT_POLICY = {
  version: 'strict-2026',
  order_rules: { overdueMaxDays: 15, overLimitToleranceBps: 0, classDecisions: { D: 'hold', E: 'refuse' } },
  limitScaleBps: 8000,
  dunning_policies: [
    {
      code: 'strict',
      effectiveFrom: '2025-01-01',
      scope: { kind: 'default' },
      currency: 'EUR',
      steps: [
        ['reminder_1', 'reminder', 1, 'email'],
        ['reminder_2', 'reminder', 10, 'letter'],
        ['formal_notice', 'formal_notice', 30, 'registered_letter'],
      ].map(([code, kind, offsetDays, channel]) => ({
        code,
        kind,
        offsetDays,
        channel,
        templateCode: `dunning.${code}`,
        minimumAmountMinor: 0,
        claimInterest: code !== 'reminder_1',
        claimIndemnity: code !== 'reminder_1',
      })),
      formalNoticeLeadDays: 8,
      minimumDaysBetweenSteps: 0,
      promiseGraceDays: 2,
    },
  ],
};

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C', DEMO_AS_OF);
  // Decisions recorded on the last two days: two daily dunning runs (for a few customers, so the
  // letters stay few) and the order checks of the demo's 70 pending orders and of the 12 its ERP sent
  // already blocked, made on the reference date as the ERP sent them.
  await executeDunningRun(ctx, { asOf: '2026-06-29', customerCodes: REMINDED });
  await executeDunningRun(ctx, { asOf: '2026-06-30', customerCodes: REMINDED });
  recordedFingerprint = await ledgerFingerprint(ctx.db, 'CB2C');
  // The stricter policy over the last 12 months, as a job run here with its progress.
  const job = await startJob(ctx, {
    kind: 'procedure.replay',
    payload: { proposal: STRICT_POLICY, from: '2025-07-01', to: DEMO_AS_OF },
  });
  await runnerFor(database.runtime, { onProgress: (event) => progress.push(event) }).runNext({
    companyId: 'CB2C',
    jobId: job.id,
  });
  const done = await getJob(ctx, job.id);
  expect(done.error).toBeNull();
  strict = done.result as ReplayOutput;
}, 900_000);
afterAll(async () => database?.close());

describe('policy replay on the demo company', () => {
  it('replays the policy in force to the decisions recorded over the period', async () => {
    const same = await replayProcedure(ctx, {
      proposal: { version: 'in-force' },
      from: '2026-06-29',
      to: DEMO_AS_OF,
    });
    expect(same.fidelity.ordersCompared).toBe(82);
    expect(same.fidelity.orderMismatches).toEqual([]);
    // (19 since a courtesy e-mail gives way to an overdue reminder of the same customer and day.)
    expect(same.fidelity.remindersRecorded).toBeGreaterThan(15);
    expect(same.fidelity.missing).toEqual([]);
    // The runs covered a few customers: for them the replay sends exactly what was sent, and the
    // steps the policy plans for the others that day are no infidelity (they were every other
    // customer reminded when the check compared a run with the whole portfolio).
    expect(same.fidelity.extra).toEqual([]);
    expect(same.fidelity.remindersMatching).toBe(same.fidelity.remindersRecorded);
    // Nothing proposed, nothing changes.
    expect(same.effects.ordersStopped).toBe(0);
    expect(same.proposed.reminders).toBe(same.current.reminders);
  });

  it('lists what a stricter policy would have held and sent over the last 12 months, and its effect on DSO', () => {
    expect(progress.at(-1)).toMatchObject({ code: 'procedure.progress.replay', done: 365, total: 365 });
    // Each line names the last day replayed, never one past the end (it said 2026-07-01 for a `to` of 30/06).
    const days = progress.flatMap((event) => (event.params['day'] ? [String(event.params['day'])] : []));
    expect(days.at(-1)).toBe(DEMO_AS_OF);
    expect(days.filter((day) => day > DEMO_AS_OF)).toEqual([]);
    expect(days[0]).toBe('2025-07-31');
    // The policy in force (the defaults) already holds many orders of this company, which never
    // checked any but its pending and blocked ones; the proposal stops 663 more, most of which were paid in the
    // end (624 when the pending orders were judged on their order date, not their check's; 628 when
    // the public bodies' orders were held for want of a limit, as on both sides).
    expect(strict.effects).toEqual({
      ordersStopped: 663,
      ordersStoppedMinor: 405_301_890,
      exposureAvoidedMinor: 76_044_244,
      overdueAvoidedMinor: 22_680_922,
      badDebtsAvoidedMinor: 29_943,
      salesForgoneMinor: 299_911_383,
      ordersReleased: 0,
      dsoCurrentDays: 82.6,
      dsoProposedDays: 84.8,
      overdueAtEndMinor: 191_785_564,
      badDebtsMinor: 151_953,
      // No courtesy reminder before the due date: the first reminder comes later, at D+1.
      firstReminderEarlierDays: -5.5,
      // Paid between their due date and D+5: the current policy no longer sends them its courtesy
      // e-mail after the due date, nor one the day the customer gets an overdue reminder; the
      // proposal reminds them earlier (26 before the imported formal notices counted as notices).
      invoicesRemindedOnlyByProposed: 28,
    });
    // A public body needs no limit: its orders pass unless another rule stops them (2040 held when
    // they were held for want of one). 1708 before default-2026-06-30 scored the amount with no
    // payment expected as the worst case: a few customers one class worse hold two more orders.
    expect(strict.current).toMatchObject({ ordersChecked: 4774, ordersHeld: 1710, ordersRefused: 15 });
    // Reminders are documents and tasks: a customer's overdue invoices due the same day at written
    // steps share one letter or e-mail (the planner's one document per customer and day), so fewer
    // reminders remind the same invoices; no courtesy e-mail goes the day its customer gets an
    // overdue reminder (9556 and 4665 before that rule). An invoice climbs one step at a time, from
    // the level the reminders of the imported story gave it, as a live run does (9509 and 4653 when
    // a catch-up went straight to the step reached and the replay ignored the imported reminders);
    // an imported formal notice by registered letter is the notice (8538 and 4647 when Encours sent
    // its own after it). An invoice never reminded catches up to the last amicable letter its
    // lateness reached, and a customer's notice takes in its invoices due that day for an amicable
    // step: fewer documents for one more invoice (7900 and 4639 before). No courtesy e-mail goes the
    // day its customer gets a formal notice or is handed over (7430 and 4640 before).
    expect(strict.current).toMatchObject({ reminders: 7421, invoicesReminded: 4638 });
    // The proposal refuses class E: since the scoring reads the current arrears, C00174 (44 % of what
    // it owes over 60 days past due, its oldest item 398 days late) is class E on the reference date,
    // so its order of that day is refused instead of held (2664 held and 15 refused before). The
    // demo's pending orders, checked on the reference date, are judged with that date's classes:
    // those of its class E customers are refused too (2663 held and 16 refused when they were
    // judged on their order date, with the classes of 31 December). The proposal keeps the rules in
    // force for public bodies without a limit: they pass (2654 held, 1 338 048 049 held or refused
    // when they were held). With default-2026-06-30 one more pending order's customer is class E on
    // the reference date, so it is refused, not held (2359 held, 29 refused, 1 239 385 333 before).
    expect(strict.proposed).toEqual({
      ordersChecked: 4774,
      ordersApproved: 2386,
      ordersHeld: 2358,
      ordersRefused: 30,
      heldOrRefusedMinor: 1_239_416_061,
      // Fewer notices than before the imported formal notices counted (5345 reminders, 4741 and 604
      // notices, 3922 invoices): an invoice the history put on notice gets no second one. A
      // customer's notice takes in its invoices due for an amicable step, and an invoice never
      // reminded catches up to the letter of D+10: fewer documents, more of them notices (4975
      // reminders, 4619 and 356 notices before).
      reminders: 4357,
      remindersByKind: { courtesy: 0, reminder: 3278, formal_notice: 1079, handover: 0 },
      invoicesReminded: 3754,
    });
    expect([strict.ordersTotal, strict.remindersTotal]).toEqual([2388, 4357]);
    const order = (o: (typeof strict.orders)[number]) =>
      [
        o.ref,
        o.customerCode,
        o.checkedOn,
        o.amountMinor,
        o.current.decision,
        o.proposed.decision,
        o.fate,
      ].join(' ');
    expect(strict.orders.slice(0, 3).map(order)).toEqual([
      'CMD2025-004590 C00081 2025-12-22 7218338 hold hold paid_late',
      'CMD2025-003922 C00081 2025-11-07 6848723 approve hold paid',
      'CMD2025-004469 C00081 2025-12-12 6320598 hold hold paid_late',
    ]);
    expect(strict.orders[1]?.proposed.reasonCodes).toEqual(['group_over_limit']);
    const reminder = (r: (typeof strict.reminders)[number]) =>
      [r.date, r.customerCode, r.stepCode, r.channel, r.invoiceRefs.join('+'), r.openTotalMinor].join(' ');
    // The replay's first day starts every invoice overdue and never reminded at the last amicable
    // step its lateness reached (the letter of D+10), never the notice, as a live run does (each
    // started at the first reminder before the catch-up).
    expect(strict.reminders.slice(0, 3).map(reminder)).toEqual([
      '2025-07-01 C00001 reminder_1 email F2025-001601 637902',
      '2025-07-01 C00007 reminder_2 letter F2025-001712 43075',
      '2025-07-01 C00010 reminder_2 letter F2025-001783 128945',
    ]);
    expect(replayLines('fr', strict, 3).join('\n')).toContain('DSO');
  });

  it('re-scores every customer with a proposed scoring method and holds more orders under a stricter one', async () => {
    // Coverage moves by whole percents (the weights add up to 100): 49.99 % scores exactly as 50 %.
    // So this method scores as the one in force, and re-scoring from the stored inputs must
    // reproduce every class recorded.
    const same = await replayProcedure(ctx, {
      proposal: { version: 'coverage', scoring_method: { minCoverageBps: 4_999 } },
      from: '2026-06-29',
      to: DEMO_AS_OF,
    });
    // Each customer scored on 31 December 2025 and on the reference date.
    expect(same.scoring).toMatchObject({ customersRescored: 300, scorings: 600, scoringsChanged: 0 });
    expect(same.scoring?.migration).toEqual([]);
    expect(same.assumptions).toContain('scores_rescored');
    // Classes 10 points stricter, nothing else changed, over the last 12 months.
    const strictScoring = await replayProcedure(ctx, {
      proposal: {
        version: 'strict-scoring',
        scoring_method: { classThresholds: { A: 90, B: 75, C: 60, D: 45 } },
      },
      from: '2025-07-01',
      to: DEMO_AS_OF,
      listLimit: 0,
    });
    const stopped = (side: typeof strictScoring.current) => side.ordersHeld + side.ordersRefused;
    expect(stopped(strictScoring.proposed)).toBeGreaterThan(stopped(strictScoring.current));
    // From 31 December on, when the customers were first scored, a downgraded customer's order is
    // held by its class (E) or by the lower limit recommended for its class (650 when the reference
    // date's scores did not read the current arrears: they move only the orders of that day; 646
    // when the demo's pending orders were judged on their order date, not on the reference date
    // when they were checked).
    expect(strictScoring.effects).toMatchObject({ ordersStopped: 648, ordersReleased: 0 });
    // Each date's scores are re-scored with the method in force then, made stricter: 31 December
    // with default-2026-01, the reference date with default-2026-06-15 (default-2026-06's predicted
    // days late plus the current arrears, 36 of 100). Before, both dates took the method in force at
    // the end, and the old scores changed with the new weights as much as with the thresholds
    // (B → C 147, A → B 31, C → D 23). With default-2026-06 on the reference date the moves followed
    // the model's predicted days late (delay-shrinkage-8: B → C 138, A → B 42, C → D 21, D → E 1).
    // The current arrears part the reference date's classes: a customer with nothing long overdue
    // takes their 36 points and many sit just above 80 (A → B 101), one with large old debts gets
    // none of them and many sit just above 35 (D → E 26), and few are left in between (B → C 45,
    // C → D 3). The customer in receivership is class E on both sides (collective proceedings
    // outrank the points), so it counts in no move, nor do its two scorings (354). With the
    // portfolio's drift in the predicted days late (delay-shrinkage-10) a few more sit just above a
    // threshold (A → B 101 → 104, B → C 45 → 48). With default-2026-06-30 in force on the reference
    // date, the share of a customer's amount with no payment expected scores as the worst case: a
    // few more fall just under a threshold (D → E 26 → 29, C → D 3 → 4; 354 → 358 scorings).
    expect(strictScoring.scoring).toEqual({
      methodVersion: 'strict-scoring',
      customersRescored: 300,
      scorings: 600,
      scoringsChanged: 358,
      customersChanged: 185,
      migration: [
        { from: 'A', to: 'B', customers: 104 },
        { from: 'B', to: 'C', customers: 48 },
        { from: 'D', to: 'E', customers: 29 },
        { from: 'C', to: 'D', customers: 4 },
      ],
    });
    expect(replayLines('en', strictScoring).join('\n')).toContain('A → B: 104 customers');
  });

  it('replays a stored version: its scoring method, and the dunning policies in force on its date', async () => {
    const inForce = await configInForce(ctx, 'scoring_method', DEMO_AS_OF);
    await putConfigVersion(ctx, {
      kind: 'scoring_method',
      version: 'strict-2026-07',
      effectiveFrom: '2026-07-01',
      body: { ...inForce.body, classThresholds: { A: 90, B: 75, C: 60, D: 45 } },
    });
    const period = { from: '2026-06-29', to: DEMO_AS_OF, listLimit: 0 };
    const stored = await replayProcedure(ctx, { version: 'strict-2026-07', ...period });
    // The method in force made stricter: 201 customers changed when that was default-2026-06,
    // 174 with default-2026-06-15 and its current arrears, 180 with the portfolio's drift in the
    // predicted days late (delay-shrinkage-10), 184 with default-2026-06-30, whose predicted delay
    // leaves out the invoices with no payment expected and scores their share as the worst case
    // (on the same inputs, default-2026-06-15 made stricter changes 189).
    expect(stored.scoring).toMatchObject({ methodVersion: 'strict-2026-07', customersChanged: 184 });
    // The demo saved no dunning policy of its own: the built-in one was in force on 1 July.
    expect(stored.proposedDunning).toEqual(['standard@1']);
    const dunningOnly = await replayProcedure(ctx, { version: 'standard@1', ...period });
    expect([dunningOnly.scoring, dunningOnly.proposedDunning]).toEqual([null, ['standard@1']]);
    expect(dunningOnly.proposed.reminders).toBe(dunningOnly.current.reminders);
    await expect(replayProcedure(ctx, { version: 'no-such-version', ...period })).rejects.toThrow(
      /No stored configuration version or dunning policy/,
    );
  });

  it('never writes to the live ledger', async () => {
    expect(await ledgerFingerprint(ctx.db, 'CB2C')).toEqual(recordedFingerprint);
  });
});
