/**
 * Golden dunning scenario on a small built ledger: what a run plans and sends on fixed dates,
 * with the late-payment interest of the reference (french-payment-rules.md §5) to the cent, the
 * exclusions (dispute, promise, insolvency, credits), idempotency, the e-mail in the outbox and the
 * letters' text as a reader sees it (read by poppler's pdftotext: those tests are skipped when it
 * is absent; .ci/run installs poppler-utils).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateCompanyIdentity } from '#app/companies/companies';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { openDispute } from '#app/dunning/disputes';
import { executeDunningRun } from '#app/dunning/execute-run';
import { previewDunningRun } from '#app/dunning/plan-run';
import { recordPromise } from '#app/dunning/promises';
import { getLetter, listCallTasks, listDunningActions, listDunningRuns } from '#app/dunning/queries';
import { updateDunningSettings } from '#app/dunning/settings';
import { getOutboxMessage, listOutbox } from '#app/mail/outbox';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { HAS_POPPLER, pdfText } from '../support/poppler.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
const NBSP = '\u00a0';
const NNBSP = '\u202f';

function scenario(): LedgerBuilder {
  const b = new LedgerBuilder('DUN')
    .addCustomer('C1', {
      name: 'Alpha SARL',
      billingEmail: 'compta@alpha.example',
      address: { line1: '3 rue des Lilas', line2: null, postalCode: '69003', city: 'Lyon', country: 'FR' },
    })
    .addCustomer('C2', { name: 'Beta SA', billingEmail: 'ap@beta.example' })
    .addCustomer('C3', { name: 'Gamma SAS' })
    .addCustomer('C4', { name: 'Delta SARL' })
    .addCustomer('C5', { name: 'Epsilon SA', status: 'receivership' })
    .addCustomer('C6', { name: 'Zeta SNC' });
  b.invoice('C1', '2025-05-16', '2025-06-15', eur(10_000), 'A1');
  b.invoice('C1', '2025-06-05', '2025-07-05', eur(1_200), 'A2');
  b.invoice('C2', '2025-05-26', '2025-06-25', eur(2_000), 'B1');
  b.invoice('C3', '2025-04-01', '2025-05-01', eur(5_000), 'G1');
  b.invoice('C4', '2025-05-11', '2025-06-10', eur(3_000), 'D1');
  b.invoice('C5', '2025-04-01', '2025-05-01', eur(4_000), 'E1');
  b.invoice('C6', '2025-05-02', '2025-06-01', eur(800), 'Z1');
  b.creditNote('C6', '2025-06-10', eur(1_000));
  return b;
}

const ctx = (today: string): AppContext => database.context('DUN', today);

beforeAll(async () => {
  database = await openTestDatabase();
  await loadDataset({ ...ctx('2025-06-20'), actor: 'test' }, scenario().dataset());
  await updateCompanyIdentity(ctx('2025-06-20'), {
    name: 'Dupont Distribution SAS',
    addressLine1: '8 quai Saint-Vincent',
    postalCode: '69001',
    city: 'Lyon',
    siren: '123456789',
  });
  await updateDunningSettings(ctx('2025-06-20'), {
    iban: 'FR14 2004 1010 0505 0001 3M02 606',
    bic: 'AGRIFRPP',
    signatoryName: 'Marie Curie',
    signatoryTitle: 'Responsable du recouvrement',
    email: 'recouvrement@dupont.example',
  });
  await openDispute(ctx('2025-05-10'), {
    documentRef: 'G1',
    reason: 'quality',
    department: 'quality',
    note: 'Palette abîmée',
  });
  await recordPromise(ctx('2025-06-20'), {
    customerCode: 'C4',
    instalments: [{ dueDate: '2025-07-10', amountMinor: eur(3_000) }],
  });
  // A1's first reminder (e-mail, D+5) went out on 20 June: an invoice climbs one step per run, so
  // the letter of 30 June below is its second step, as a reader of the log expects.
  await executeDunningRun(ctx('2025-06-20'), { asOf: '2025-06-20', customerCodes: ['C1'] });
}, 120_000);
afterAll(async () => database?.close());

const summary = (
  actions: {
    customerCode: string;
    channel: string;
    step: string;
    items: { documentRef: string; interestMinor: number | null; indemnityMinor: number }[];
    totalDueMinor: number;
  }[],
) =>
  actions.map((a) => [
    a.customerCode,
    a.channel,
    a.step,
    a.items.map((i) => `${i.documentRef}:${i.interestMinor}:${i.indemnityMinor}`).join(' '),
    a.totalDueMinor,
  ]);

/** A letter's text as laid out, on one line. */
const letterText = (content: Buffer) => flat(pdfText(content, { layout: true }));

/** pdftotext prints the no-break spaces of French numbers as spaces; lines joined. */
const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');

describe('a dunning run on 30 June 2025', () => {
  it('previews exactly the due reminders, with interest and indemnity to the cent', async () => {
    const preview = await previewDunningRun(ctx('2025-06-30'), { asOf: '2025-06-30' });
    expect(summary(preview.actions)).toEqual([
      // A2 is not yet due: its courtesy e-mail gives way to the letter the same day (skipped below).
      // 15 days (16–30 June) × 13.15 % on 10,000.00 = 54.04 (reference §5), + 40.00 indemnity
      ['C1', 'letter', 'reminder_2', 'A1:5404:4000', 1_009_404],
      ['C2', 'email', 'reminder_1', 'B1:null:0', 200_000],
    ]);
    expect(preview.skipped.map((s) => [s.documentRef, s.reason])).toEqual([
      ['A2', 'courtesy_superseded'],
      ['G1', 'disputed'],
      ['D1', 'promise_pending'],
      ['E1', 'insolvency_proceedings'],
      ['Z1', 'net_balance_not_positive'],
    ]);
    expect(preview.runId).toBeNull();
  });

  it('sends them, e-mails through the outbox in French, and a second run the same day sends nothing', async () => {
    const run = await executeDunningRun(ctx('2025-06-30'), { asOf: '2025-06-30' });
    expect(summary(run.actions)).toHaveLength(2);
    expect(run.tasksCreated).toBe(1);
    const again = await executeDunningRun(ctx('2025-06-30'), { asOf: '2025-06-30' });
    expect([again.actions, again.tasksCreated]).toEqual([[], 0]);
    const outbox = await listOutbox(ctx('2025-06-30'), { customerCode: 'C2' });
    expect(outbox.total).toBe(1);
    const message = await getOutboxMessage(ctx('2025-06-30'), outbox.items[0]?.id ?? 0);
    expect(message.to).toEqual(['ap@beta.example']);
    expect(message.subject).toBe('Relance — factures impayées (C2)');
    // The customer sees the company as the sender, at this installation's sending address.
    expect(message.from).toMatch(/^"Dupont Distribution SAS" <[^<>\s]+@[^<>\s]+>$/);
    expect(message.text).toContain(`2${NNBSP}000,00${NBSP}€`);
    expect(message.text).toContain('B1');
    expect(message.text).toContain('avant le 15\u00a0juillet\u00a02025');
    expect(message.text).not.toContain('200000');
    expect(message.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
    const tasks = await listCallTasks(ctx('2025-06-30'), { status: 'open' });
    expect(tasks.total).toBe(1);
    expect(tasks.items.map((t) => [t.customerCode, t.kind])).toEqual([['C5', 'declare_claim']]);
  });

  it.skipIf(!HAS_POPPLER)('writes a reminder letter that reads like a French one', async () => {
    const { items } = await listDunningActions(ctx('2025-06-30'), { customerCode: 'C1' });
    const letterAction = items.find((a) => a.channel === 'letter');
    const letter = await getLetter(ctx('2025-06-30'), letterAction?.letterId ?? 0);
    const text = letterText(letter.content);
    for (const expected of [
      'Dupont Distribution SAS',
      'SIREN 123456789',
      'Alpha SARL',
      '69003 LYON',
      'Lyon, le 30 juin 2025',
      'Objet : Relance — factures impayées',
      'Madame, Monsieur,',
      'A1',
      '15/06/2025',
      `10${NNBSP}000,00${NBSP}€`,
      `54,04${NBSP}€`,
      `40,00${NBSP}€`,
      `10${NNBSP}094,04${NBSP}€`,
      'L441-10',
      'D441-5',
      'FR14 2004 1010 0505 0001 3M02 606',
      'Marie Curie',
    ])
      expect(text).toContain(flat(expected));
    expect(text).not.toMatch(/reminder_2|1009404|5404\b/);
  });
});

describe('a run after missed days, on 14 August 2025', () => {
  it('catches up one step per invoice, the one after its last: the notice only after the call', async () => {
    // C1 alone was run on 30 July (A1's call; A2, never reminded and 25 days late, caught up to the
    // letter of D+15 rather than the first e-mail): the notice is A1's next step.
    const july = await executeDunningRun(ctx('2025-07-30'), { asOf: '2025-07-30', customerCodes: ['C1'] });
    // Its tasks: A1's call (the call step's task) and C4's broken promise, in its answer and its record.
    expect(july.actions.map((a) => [a.customerCode, a.channel, a.step])).toEqual([
      ['C1', 'call_task', 'call'],
      ['C1', 'letter', 'reminder_2'],
    ]);
    expect(july.tasksCreated).toBe(2);
    const [recorded] = await listDunningRuns(ctx('2025-07-30'), 1);
    expect([recorded?.runId, recorded?.tasksCreated]).toEqual([july.runId, 2]);
    const run = await executeDunningRun(ctx('2025-08-14'), { asOf: '2025-08-14' });
    // Each invoice takes the step after its last one, however late it is (it used to jump to the
    // step its days overdue reached: three notices, one of them a first contact), but for an invoice
    // never reminded, which catches up to the last amicable letter, and the account's notice.
    expect(summary(run.actions)).toEqual([
      // 15 d × 13.15 % + 45 d × 12.15 % on 10,000.00 = 54.04 + 149.79 = 203.84 (reference §5);
      // A2, due for its call 15 days after its letter (30 July), joins A1's notice the same day:
      // 40 d (6 July–14 August) × 12.15 % on 1,200.00 = 15.98, + 40.00
      ['C1', 'registered_letter', 'formal_notice', 'A1:20384:4000 A2:1598:4000', 1_149_982],
      // B1 had its first reminder on 30 June: the letter now (it was the notice);
      // 5 d × 13.15 % + 45 d × 12.15 % on 2,000.00 = 33.56
      ['C2', 'letter', 'reminder_2', 'B1:3356:4000', 207_356],
      // the promise of 10 July (grace 2 days) was broken: never reminded and 65 days late, D1
      // catches up to the letter of D+15, never the notice (it went straight to the notice once);
      // 20 d × 13.15 % + 45 d × 12.15 % on 3,000.00 = 66.55, + 40.00
      ['C4', 'letter', 'reminder_2', 'D1:6655:4000', 310_655],
    ]);
    const tasks = await listCallTasks(ctx('2025-08-14'), { status: 'open' });
    expect(tasks.total).toBe(3);
    expect(tasks.items.map((t) => [t.customerCode, t.kind]).sort()).toEqual([
      ['C1', 'dunning_call'],
      ['C4', 'broken_promise'],
      ['C5', 'declare_claim'],
    ]);
    // Pages of one in due order (the id breaks ties): together, the whole list once.
    const pages = [];
    for (const offset of [0, 1, 2, 3])
      pages.push(...(await listCallTasks(ctx('2025-08-14'), { status: 'open', limit: 1, offset })).items);
    expect(pages).toEqual(tasks.items);
    await expect(listCallTasks(ctx('2025-08-14'), { limit: 0 })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    // The next day sends nothing either: each next step waits as long after this one as the policy
    // spaces them (B1's and D1's calls 15 days), A1's hand-over its notice's lead, and A2's its date.
    const rerun = await previewDunningRun(ctx('2025-08-15'), { asOf: '2025-08-15' });
    expect(rerun.actions).toEqual([]);
    expect(
      rerun.skipped.map((s) => [s.documentRef, s.reason]).filter(([, reason]) => reason !== 'disputed'),
    ).toEqual([
      ['A1', 'formal_notice_lead_pending'],
      ['B1', 'too_soon_after_last_step'],
      ['D1', 'too_soon_after_last_step'],
      ['E1', 'insolvency_proceedings'],
      ['Z1', 'net_balance_not_positive'],
    ]);
  });

  it.skipIf(!HAS_POPPLER)('makes the formal notice a mise en demeure by registered letter', async () => {
    const { items } = await listDunningActions(ctx('2025-08-14'), { customerCode: 'C1' });
    const notice = items.find((a) => a.stepKind === 'formal_notice');
    const text = letterText((await getLetter(ctx('2025-08-14'), notice?.letterId ?? 0)).content);
    for (const expected of [
      'Lettre recommandée avec accusé de réception',
      'Objet : Mise en demeure de payer',
      'mettons en demeure',
      'huit jours',
      '22 août 2025',
      `203,84${NBSP}€`,
      '13,15 %',
      '12,15 %',
      'article 1344 du Code civil',
      'L441-10',
      'D441-5',
      'Malgré nos précédentes relances',
      'les pénalités de retard calculées au',
    ])
      expect(text).toContain(flat(expected));
  });

  it.skipIf(!HAS_POPPLER)(
    'never makes a formal notice the first contact: a broken promise resumes with the first reminder',
    async () => {
      // D1 waited for its promise on 30 June: the catch-up of 14 August is its first reminder, the
      // last amicable letter (D+15) with what that step claims, not a notice.
      const { items } = await listDunningActions(ctx('2025-08-14'), { customerCode: 'C4' });
      expect(items.map((a) => a.stepKind)).toEqual(['reminder']);
      const text = letterText((await getLetter(ctx('2025-08-14'), items[0]?.letterId ?? 0)).content);
      expect(text).toContain(
        flat('Sauf erreur ou omission de notre part, la facture suivante, arrivée à échéance, reste impayée'),
      );
      expect(text).not.toContain('mettons en demeure');
      expect(text).not.toContain('précédentes relances');
    },
  );
});

describe('the log of reminders keeps each item tied to its action and its invoice (migration 0044)', () => {
  const refused = async (statement: ReturnType<typeof sql>) => {
    const error = await database.runtime.handle.db
      .transaction()
      .execute((trx) => statement.execute(trx))
      .then(
        () => null,
        (caught: unknown) => caught as { code?: string },
      );
    return error?.code ?? 'accepted';
  };

  it('refuses an item naming no action or no invoice, and the delete of an invoice or action it names', async () => {
    const [item] = (
      await sql<{ actionId: number; documentId: number }>`
        select action_id as "actionId", document_id as "documentId" from dunning_action_items
        where company_id = 'DUN' order by action_id, document_id limit 1`.execute(database.runtime.handle.db)
    ).rows;
    if (!item) throw new Error('the runs above stored no item');
    const copy = (actionId: unknown, documentId: unknown) => sql`
      insert into dunning_action_items (company_id, action_id, document_id, document_ref, due_date, open_minor,
        days_late, from_level, level, step_code, step_kind, interest_status)
      select company_id, ${actionId}::int8, ${documentId}::int8, document_ref, due_date, open_minor, days_late,
        from_level, level, step_code, step_kind, interest_status
      from dunning_action_items where company_id = 'DUN' and action_id = ${item.actionId}
        and document_id = ${item.documentId}`;
    expect(await refused(copy(item.actionId, -1))).toBe('23503');
    expect(await refused(copy(-1, item.documentId))).toBe('23503');
    expect(
      await refused(sql`delete from documents where company_id = 'DUN' and document_id = ${item.documentId}`),
    ).toBe('23503');
    expect(
      await refused(
        sql`delete from dunning_actions where company_id = 'DUN' and action_id = ${item.actionId}`,
      ),
    ).toBe('23503');
  });
});

describe('the log of reminders keeps each action tied to its run, customer, e-mail and letter (migration 0045)', () => {
  /** The statement's outcome, always rolled back: '23503', another code, or 'accepted'. */
  const outcome = async (...statements: ReturnType<typeof sql>[]) => {
    const rolledBack = new Error('rolled back');
    const error = await database.runtime.handle.db
      .transaction()
      .execute(async (trx) => {
        for (const statement of statements) await statement.execute(trx);
        throw rolledBack;
      })
      .catch((caught: unknown) => caught as { code?: string });
    return error === rolledBack ? 'accepted' : (error?.code ?? String(error));
  };
  const named = async (column: 'run_id' | 'outbox_id' | 'letter_id') => {
    const [row] = (
      await sql<{ actionId: number; runId: number; customerCode: string; parentId: number }>`
        select action_id as "actionId", run_id as "runId", customer_code as "customerCode",
          ${sql.ref(column)} as "parentId"
        from dunning_actions where company_id = 'DUN' and ${sql.ref(column)} is not null
        order by action_id limit 1`.execute(database.runtime.handle.db)
    ).rows;
    if (!row) throw new Error(`the runs above stored no action with a ${column}`);
    return row;
  };
  const copy = (
    actionId: number,
    changes: { runId?: number; customerCode?: string; outboxId?: number; letterId?: number },
  ) => sql`
    insert into dunning_actions (company_id, run_id, customer_code, action_date, policy_code, policy_version,
      step_code, step_kind, level, channel, lang, currency, open_total_minor, interest_total_minor,
      indemnity_total_minor, credits_minor, total_due_minor, status, origin, outbox_id, letter_id, created_by)
    select company_id, coalesce(${changes.runId ?? null}::int8, run_id),
      coalesce(${changes.customerCode ?? null}::text, customer_code), action_date, policy_code, policy_version,
      step_code, step_kind, level, channel, lang, currency, open_total_minor, interest_total_minor,
      indemnity_total_minor, credits_minor, total_due_minor, status, origin,
      coalesce(${changes.outboxId ?? null}::int8, outbox_id), coalesce(${changes.letterId ?? null}::int8, letter_id),
      created_by
    from dunning_actions where company_id = 'DUN' and action_id = ${actionId}`;

  it('refuses an action naming no run, customer, e-mail or letter of its company, and accepts its copy', async () => {
    const emailed = await named('outbox_id');
    const lettered = await named('letter_id');
    expect(await outcome(copy(lettered.actionId, {}))).toBe('accepted');
    expect(await outcome(copy(emailed.actionId, {}))).toBe('accepted');
    expect(await outcome(copy(lettered.actionId, { runId: -1 }))).toBe('23503');
    expect(await outcome(copy(lettered.actionId, { customerCode: 'NO-SUCH' }))).toBe('23503');
    expect(await outcome(copy(emailed.actionId, { outboxId: -1 }))).toBe('23503');
    expect(await outcome(copy(lettered.actionId, { letterId: -1 }))).toBe('23503');
  });

  it('refuses an update pointing an action elsewhere, not one leaving its references alone', async () => {
    const lettered = await named('letter_id');
    const update = (set: ReturnType<typeof sql>) =>
      sql`update dunning_actions set ${set} where company_id = 'DUN' and action_id = ${lettered.actionId}`;
    expect(await outcome(update(sql`status = 'cancelled'`))).toBe('accepted');
    expect(await outcome(update(sql`letter_id = -1`))).toBe('23503');
    expect(await outcome(update(sql`outbox_id = -1`))).toBe('23503');
    expect(await outcome(update(sql`run_id = -1`))).toBe('23503');
    expect(await outcome(update(sql`customer_code = 'NO-SUCH'`))).toBe('23503');
  });

  it('refuses the delete of a run, e-mail or letter an action names', async () => {
    const emailed = await named('outbox_id');
    const lettered = await named('letter_id');
    const where = sql`company_id = 'DUN'`;
    expect(await outcome(sql`delete from dunning_runs where ${where} and run_id = ${lettered.runId}`)).toBe(
      '23503',
    );
    expect(
      await outcome(sql`delete from mail_outbox where ${where} and outbox_id = ${emailed.parentId}`),
    ).toBe('23503');
    expect(
      await outcome(sql`delete from dunning_letters where ${where} and letter_id = ${lettered.parentId}`),
    ).toBe('23503');
  });

  it('refuses the delete or a new code of a customer an action names, not of one no action names', async () => {
    // A customer of its own (the scenario's customers have invoices, whose keys refuse as well).
    const lettered = await named('letter_id');
    const newCustomer = sql`insert into customers (company_id, code, name) values ('DUN', 'NEW-1', 'Nouveau')`;
    const itsAction = copy(lettered.actionId, { customerCode: 'NEW-1' });
    const remove = sql`delete from customers where company_id = 'DUN' and code = 'NEW-1'`;
    const recode = sql`update customers set code = 'NEW-2' where company_id = 'DUN' and code = 'NEW-1'`;
    const rename = sql`update customers set name = 'Renommé' where company_id = 'DUN' and code = 'NEW-1'`;
    expect(await outcome(newCustomer, itsAction, remove)).toBe('23503');
    expect(await outcome(newCustomer, itsAction, recode)).toBe('23503');
    expect(await outcome(newCustomer, itsAction, rename)).toBe('accepted');
    expect(await outcome(newCustomer, remove)).toBe('accepted');
    expect(await outcome(newCustomer, recode)).toBe('accepted');
  });
});
