/**
 * The demo company's dunning run as of its reference date (mission: « lettres de relance aux
 * clients concernés »): its late payers get letters, the disputed invoice and the receivership
 * customer are left out (the latter gets a claim task), a letter says how much else is overdue,
 * the same day twice sends nothing, and the agenda ranks the day's work with its reasons. The letter is read by poppler's pdftotext: that test
 * is skipped when it is absent (.ci/run installs poppler-utils).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { generateDemoDataset } from '#app/demo/demo';
import { getAgenda } from '#app/dunning/agenda';
import { executeDunningRun } from '#app/dunning/execute-run';
import type { DunningRunView } from '#app/dunning/plan-run';
import { getLetter, listCallTasks, listDunningActions } from '#app/dunning/queries';
import { getRunDelivery } from '#app/dunning/run-delivery';
import { listDunningRunHistory } from '#app/dunning/run-history';
import { listOutbox } from '#app/mail/outbox';
import { runLines } from '#cli/dunning-print';
import { DEMO_AS_OF, type DemoDataset } from '#demo/index';
import { label } from '#text/catalogue';
import { formatMoney } from '#text/format';
import { runTotals } from '../../web/src/pages/dunning/RunTotalsModel.ts';
import { HAS_POPPLER, oneLine, pdfText, plainSpaces } from '../support/poppler.ts';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let ctx: AppContext;
let demo: DemoDataset;
let run: DunningRunView;

const situation = (kind: string) => demo.manifest.situations.find((s) => s.kind === kind);

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C', DEMO_AS_OF);
  demo = generateDemoDataset();
  run = await executeDunningRun(ctx, {});
}, 600_000);
afterAll(async () => database?.close());

describe('the demo company’s dunning run on its reference date', () => {
  it('writes letters to its late payers, the chronic one included, with interest and indemnity', () => {
    expect(run.asOf).toBe(DEMO_AS_OF);
    const letters = run.actions.filter((a) => a.channel === 'letter' || a.channel === 'registered_letter');
    expect(letters.length).toBeGreaterThan(15);
    for (const letter of letters) {
      expect(letter.letterId).not.toBeNull();
      expect(letter.totalDueMinor).toBeGreaterThan(0);
      expect(letter.indemnityMinor).toBeGreaterThan(0);
    }
    // Never reminded, its invoices 46 to 192 days late, the chronic late payer (SARL Dupont Frères)
    // catches up to the last amicable letter and what it claims, not « Relance 1 » by e-mail; a
    // formal notice is never the first contact (it used to get one straight away).
    const chronic = situation('chronic_late_never_reminded')?.customerCode;
    const chronicActions = run.actions.filter((a) => a.customerCode === chronic);
    expect(
      chronicActions.map((a) => [
        a.step,
        a.channel,
        a.items.length,
        a.items.every((i) => i.fromLevel === 0 && i.raisedBy?.kind === 'catch_up' && i.indemnityMinor > 0),
      ]),
    ).toEqual([['reminder_2', 'letter', 14, true]]);
    expect(run.batchLetterId).not.toBeNull();
  });

  it('leaves out the disputed invoice and the customer in receivership, which gets a claim task', async () => {
    const disputed = situation('dispute')?.documentRef;
    expect(run.actions.flatMap((a) => a.items.map((i) => i.documentRef))).not.toContain(disputed);
    expect(run.skipped.find((s) => s.documentRef === disputed)?.reason).toBe('disputed');
    const receivership = situation('receivership')?.customerCode;
    expect(run.actions.filter((a) => a.customerCode === receivership)).toEqual([]);
    const tasks = await listCallTasks(ctx, { status: 'open', limit: 1000 });
    expect(tasks.total).toBe(tasks.items.length);
    expect(tasks.items.filter((t) => t.kind === 'declare_claim').map((t) => t.customerCode)).toEqual([
      receivership,
    ]);
    // The demo has no task before the run: every open one is the run's, its call steps' and its
    // hand-overs' included.
    const calls = run.actions.filter((a) => a.channel === 'call_task' && a.stepKind !== 'handover').length;
    expect(calls).toBeGreaterThan(0);
    expect(tasks.items.filter((t) => t.kind === 'dunning_call')).toHaveLength(calls);
    const handovers = run.actions.filter((a) => a.stepKind === 'handover').length;
    expect(tasks.items.filter((t) => t.kind === 'handover')).toHaveLength(handovers);
    expect(run.tasksCreated).toBe(tasks.total);
  });

  it('proposes the hand-over, not a second notice, after the formal notices the imported history tells of', () => {
    // Guérin Négoce's history: « mise en demeure en recommandé avec AR » monthly, the latest on 5 May.
    // Its 37 invoices on notice are handed over; the 11 due since join that notice (account floor)
    // instead of getting « Relance 1 » the day the others go to the lawyers.
    const guerin = run.actions.filter((a) => a.customerCode === 'C00162');
    expect(guerin.map((a) => [a.stepKind, a.items.length])).toEqual([
      ['handover', 37],
      ['formal_notice', 11],
    ]);
    const notice = guerin.find((a) => a.stepKind === 'formal_notice');
    expect(
      notice?.items.every(
        (i) =>
          i.fromLevel === 0 &&
          i.raisedBy?.kind === 'account_notice' &&
          i.raisedBy.noticeDate === '2026-05-05',
      ),
    ).toBe(true);
  });

  it('never sends a customer an amicable reminder the day it gets a formal notice or a hand-over', () => {
    const hard = new Set(
      run.actions
        .filter((a) => a.stepKind === 'formal_notice' || a.stepKind === 'handover')
        .map((a) => a.customerCode),
    );
    expect(run.actions.filter((a) => a.stepKind === 'reminder' && hard.has(a.customerCode))).toEqual([]);
  });

  it.skipIf(!HAS_POPPLER)(
    'totals the invoices a letter lists and tells of the customer’s other overdue ones',
    async () => {
      const letterOf = async (customerCode: string) => {
        const action = run.actions.find((a) => a.customerCode === customerCode && a.letterId !== null);
        return oneLine(plainSpaces(pdfText((await getLetter(ctx, action?.letterId ?? 0)).content)));
      };
      // Articles ménagers Moreau: its oldest overdue invoice is on the day's call, not in the letter.
      const moreau = await letterOf('C00003');
      expect(moreau).toContain('Voici le relevé de ces factures au 30 juin 2026');
      expect(moreau).not.toContain('relevé des sommes dues');
      expect(moreau).toContain(
        'Une autre facture échue, F2026-001315, d’un montant restant dû de 849,29 €, ne figure pas sur ce relevé : notre service crédit vous appellera à son sujet.',
      );
      // F2026-001510, never reminded and 26 days late, catches up to the letter's step and claims
      // its interest and indemnity (5,28 € + 40,00 €): 3 184,97 € before the catch-up.
      expect(moreau).toContain(
        'Nous vous remercions de bien vouloir nous régler la somme de 3 230,25 € au titre des factures ci-dessus avant le 15 juillet 2026.',
      );
      // Outillage Bernard: its formal notice takes in the whole 3 076,31 € overdue (F2026-001414, due
      // for its letter, and F2026-001287, due for its call, join F2026-001122's notice), each with
      // its interest and indemnity; it used to put 2 064,00 € on notice and call about the rest.
      const bernard = await letterOf('C00128');
      expect(run.actions.filter((a) => a.customerCode === 'C00128').map((a) => a.stepKind)).toEqual([
        'formal_notice',
      ]);
      expect(bernard).toContain('nous vous mettons en demeure de nous régler la somme de 3 238,66 €');
      expect(bernard).toContain('F2026-001287');
      expect(bernard).not.toContain('n’est pas visée par la présente mise en demeure');
      expect(bernard).not.toContain('ne fait pas l’objet de la présente mise en demeure');
    },
  );

  it.skipIf(!HAS_POPPLER)('prints a letter with the French legal mentions and no raw code', async () => {
    const letter = run.actions.find((a) => a.stepKind === 'formal_notice');
    const { content } = await getLetter(ctx, letter?.letterId ?? 0);
    const text = oneLine(pdfText(content));
    expect(text).toContain('SA CB2C');
    expect(text).toContain('Lyon, le 30 juin 2026');
    expect(text).toContain('Mise en demeure de payer');
    expect(text).toMatch(/L441-10.*D441-5/);
    expect(text).not.toMatch(/formal_notice|registered_letter|Minor/);
  });

  it('sends no courtesy e-mail the day a customer is handed over or put on notice, and says why', () => {
    const hard = new Set(
      run.actions
        .filter((a) => a.stepKind === 'formal_notice' || a.stepKind === 'handover')
        .map((a) => a.customerCode),
    );
    expect(run.actions.filter((a) => a.stepKind === 'courtesy' && hard.has(a.customerCode))).toEqual([]);
    // Brico Centre Villefranche and Petit Distribution, handed over by a call task, used to get
    // « merci de régler à bonne date » the same day.
    const held = (code: string) =>
      run.skipped
        .filter((s) => s.customerCode === code && s.reason.startsWith('courtesy_'))
        .map((s) => s.reason);
    for (const code of ['C00287', 'C00031']) {
      expect(run.actions.find((a) => a.customerCode === code && a.stepKind === 'handover')).toBeDefined();
      expect(held(code).length).toBeGreaterThan(0);
      expect(new Set(held(code))).toEqual(new Set(['courtesy_handover_today']));
    }
  });

  it('claims what its reminders, notices and letters claim: the page, the API, the CLI and the history agree', async () => {
    const [euros] = run.totals;
    const claiming = run.actions.filter((a) => a.stepKind !== 'courtesy' && a.channel !== 'call_task');
    const sum = (actions: typeof run.actions, pick: (a: (typeof run.actions)[number]) => number) =>
      actions.reduce((total, a) => total + pick(a), 0);
    expect(run.totals.map((t) => t.currency)).toEqual(['EUR']);
    expect(euros?.principalMinor).toBe(sum(claiming, (a) => a.openTotalMinor));
    expect(euros?.courtesyOpenMinor).toBe(
      sum(
        run.actions.filter((a) => a.stepKind === 'courtesy'),
        (a) => a.openTotalMinor,
      ),
    );
    expect(euros?.callTaskOpenMinor).toBe(
      sum(
        run.actions.filter((a) => a.channel === 'call_task'),
        (a) => a.openTotalMinor,
      ),
    );
    // Courtesy e-mails (invoices not yet due) go out, and are not in what is claimed.
    expect(euros?.courtesyOpenMinor).toBeGreaterThan(0);
    expect(euros?.callTaskOpenMinor).toBeGreaterThan(0);
    // The run page's grand total (the same actions, as the API gives them).
    expect(runTotals(run.actions, null).byCurrency).toEqual(run.totals);
    // The command line prints the same figures.
    const printed = runLines(run, 'fr');
    expect(printed).toContain(
      `Total à recouvrer\u00a0: ${formatMoney('fr', euros?.totalDueMinor ?? 0, 'EUR')}`,
    );
    expect(printed).toContain(
      `Hors total — prévenances (factures à échoir)\u00a0: ${formatMoney('fr', euros?.courtesyOpenMinor ?? 0, 'EUR')}`,
    );
    // The run's line in the history: « Montant réclamé ».
    const history = await listDunningRunHistory(ctx, { limit: 1, offset: 0 });
    expect(history.items[0]?.totals).toEqual([{ currency: 'EUR', totalDueMinor: euros?.totalDueMinor }]);
  });

  it('gives the sent run the preview’s totals, its call tasks apart from its reminders', async () => {
    const delivery = await getRunDelivery(ctx, run.runId ?? 0);
    const calls = run.actions.filter((a) => a.channel === 'call_task').length;
    const courtesy = run.actions.filter((a) => a.stepKind === 'courtesy').length;
    expect(calls).toBeGreaterThan(0);
    expect(delivery.totals).toEqual({
      customers: new Set(run.actions.map((a) => a.customerCode)).size,
      actions: run.actions.length,
      claimed: run.actions.length - calls - courtesy,
      courtesy,
      callTasks: calls,
      byCurrency: run.totals,
    });
  });

  it('types a courtesy e-mail in the outbox as a courtesy, not as a reminder', async () => {
    const courtesy = new Set(
      run.actions.filter((a) => a.stepKind === 'courtesy' && a.outboxId !== null).map((a) => a.outboxId),
    );
    expect(courtesy.size).toBeGreaterThan(0);
    const { items } = await listOutbox(ctx, { category: 'courtesy' }, { limit: 500 });
    expect(new Set(items.map((item) => item.id))).toEqual(courtesy);
    expect([label('fr', 'mailCategory', 'courtesy'), label('en', 'mailCategory', 'courtesy')]).toEqual([
      'Prévenance',
      'Courtesy reminder',
    ]);
  });

  it('lists a sent run’s actions customer by customer, in a stable order', async () => {
    const first = await listDunningActions(ctx, { runId: run.runId ?? 0, limit: 500 });
    const codes = first.items.map((a) => a.customerCode);
    expect(codes).toEqual([...codes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const again = await listDunningActions(ctx, { runId: run.runId ?? 0, limit: 500 });
    expect(again.items.map((a) => a.actionId)).toEqual(first.items.map((a) => a.actionId));
  });

  it('shows a call task as the task it created in the agenda, not as sent', async () => {
    const log = await listDunningActions(ctx, { runId: run.runId ?? 0, limit: 500 });
    const calls = log.items.filter((a) => a.channel === 'call_task');
    expect(calls.length).toBeGreaterThan(0);
    expect(new Set(calls.map((a) => a.taskStatus))).toEqual(new Set(['open']));
    expect(log.items.filter((a) => a.channel !== 'call_task').every((a) => a.taskStatus === null)).toBe(true);
  });

  it.skipIf(!HAS_POPPLER)('opens a formal notice plainly, never on « sauf erreur ou omission »', async () => {
    // Brunet Distribution: F2026-001808, never reminded, joins the notice its account had on 5 June.
    const notice = run.actions.find((a) => a.customerCode === 'C00009' && a.stepKind === 'formal_notice');
    expect(notice?.items.map((i) => [i.documentRef, i.fromLevel, i.raisedBy])).toEqual([
      ['F2026-001808', 0, { kind: 'account_notice', noticeDate: '2026-06-05' }],
    ]);
    const text = oneLine(plainSpaces(pdfText((await getLetter(ctx, notice?.letterId ?? 0)).content)));
    // Due on 25 June, after that notice: it came due since, the notice did not cover it.
    expect(text).toContain(
      'Depuis notre mise en demeure du 5 juin 2026, restée sans effet, la facture suivante est venue à échéance et demeure impayée.',
    );
    expect(text).not.toContain('Sauf erreur');
    expect(text).not.toContain('précédentes relances');
  });

  it.skipIf(!HAS_POPPLER)(
    'recalls the invoices of the earlier notice as due under it, not as left out',
    async () => {
      const notice = run.actions.find((a) => a.customerCode === 'C00032' && a.stepKind === 'formal_notice');
      const text = oneLine(plainSpaces(pdfText((await getLetter(ctx, notice?.letterId ?? 0)).content)));
      expect(text).toContain('ne sont pas reprises dans la présente lettre');
      expect(text).not.toContain('pas visées');
      expect(text).toContain(
        'F2026-001141, F2026-001243, F2026-001304 restent dues au titre de notre mise en demeure du 5 juin 2026.',
      );
    },
  );

  it('sends nothing new when run again the same day', async () => {
    const again = await executeDunningRun(ctx, {});
    expect(again.actions).toEqual([]);
  });

  it('ranks the collector’s day with reasons', async () => {
    const agenda = await getAgenda(ctx, { lang: 'fr' });
    expect(agenda.entries.length).toBeGreaterThan(10);
    const [first, second] = agenda.entries;
    expect(first?.rank).toBe(1);
    expect(first?.scorePoints).toBeGreaterThanOrEqual(second?.scorePoints ?? 0);
    expect(first?.reasons.some((r) => r.startsWith('Montant échu'))).toBe(true);
  });
});
