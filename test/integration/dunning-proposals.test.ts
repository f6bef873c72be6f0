/**
 * Dunning runs reviewed before sending (issue 12): with the setting on, the daily `dunning.run`
 * job stores a proposal and sends nothing; approving sends what its preview lists for the chosen
 * customers (planned again, so an invoice paid since is left out), once; rejecting records who and
 * why; a newer proposal supersedes the pending one.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '#app/audit/audit';
import { type AppContext, silentLogger } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { approveRunProposal, rejectRunProposal } from '#app/dunning/proposal-decisions';
import { listDunningActions } from '#app/dunning/queries';
import { getRunProposal, listRunProposals } from '#app/dunning/run-proposals';
import { updateDunningSettings } from '#app/dunning/settings';
import { DomainError } from '#app/errors';
import { importFile } from '#app/imports/import-file';
import { getJob, startJob } from '#app/jobs/jobs';
import { createJobRunner } from '#app/jobs/runner';
import { listOutbox } from '#app/mail/outbox';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

const AS_OF = '2025-06-30';
let database: TestDatabase;
const ctx = (): AppContext => ({ ...database.context('PRO', AS_OF), actor: 'claire@pro.example' });

function scenario(): LedgerBuilder {
  const b = new LedgerBuilder('PRO')
    .addCustomer('C1', { name: 'Alpha SARL', billingEmail: 'compta@alpha.example' })
    .addCustomer('C2', { name: 'Beta SA', billingEmail: 'ap@beta.example' })
    .addCustomer('C3', { name: 'Gamma SAS', billingEmail: 'ap@gamma.example' });
  b.invoice('C1', '2025-05-16', '2025-06-15', eur(10_000), 'A1');
  b.invoice('C1', '2025-06-05', '2025-07-05', eur(1_200), 'A2');
  b.invoice('C2', '2025-05-26', '2025-06-25', eur(2_000), 'B1');
  b.invoice('C3', '2025-05-20', '2025-06-19', eur(700), 'G1');
  return b;
}

/** Runs the company's `dunning.run` job to its end, as the schedule would start it. */
async function runDailyJob(): Promise<Record<string, unknown>> {
  const runtime = database.runtime;
  const runner = createJobRunner({
    db: runtime.handle.db,
    log: silentLogger,
    contextFor: (companyId, actor) => runtime.contextFor(companyId, actor),
  });
  const job = await startJob(database.context('PRO', AS_OF), {
    kind: 'dunning.run',
    payload: { asOf: AS_OF },
  });
  await runner.runNext({ companyId: 'PRO', jobId: job.id });
  const done = await getJob(database.context('PRO', AS_OF), job.id);
  expect([done.status, done.error]).toEqual(['succeeded', null]);
  return done.result as Record<string, unknown>;
}

const pending = async () => listRunProposals(ctx(), { status: 'pending' });

/** What a run sent or a preview lists, compared field by field. */
const sent = (actions: { customerCode: string; channel: string; items: { documentRef: string }[] }[]) =>
  actions.map((a) => [a.customerCode, a.channel, a.items.map((i) => i.documentRef).join(' ')]).sort();

async function conflictOf(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('conflict');
  return error as DomainError;
}

beforeAll(async () => {
  database = await openTestDatabase();
  await loadDataset({ ...ctx(), actor: 'test' }, scenario().dataset());
  await updateDunningSettings(ctx(), { reviewBeforeSending: true });
}, 120_000);
afterAll(async () => database?.close());

describe('the daily run of a company that reviews before sending', () => {
  it('stores a pending proposal with its summary and sends nothing', async () => {
    const result = await runDailyJob();
    const [proposal] = await pending();
    expect(result).toMatchObject({ proposalId: proposal?.proposalId, asOf: AS_OF, customers: 3 });
    expect(proposal).toMatchObject({
      asOf: AS_OF,
      status: 'pending',
      customers: 3,
      createdBy: expect.stringMatching(/^test \(job \d+\)$/),
      decidedAt: null,
      runId: null,
    });
    const detail = await getRunProposal(ctx(), proposal?.proposalId ?? 0);
    expect(detail.customerCodes).toEqual(['C1', 'C2', 'C3']);
    expect(proposal?.actions).toBe(detail.preview?.actions.length);
    expect(proposal?.totals).toEqual([
      {
        currency: 'EUR',
        totalDueMinor: detail.preview?.actions.reduce((sum, a) => sum + a.totalDueMinor, 0),
      },
    ]);
    expect(proposal?.byChannel.reduce((sum, c) => sum + c.actions, 0)).toBe(proposal?.actions);
    expect((await listOutbox(ctx(), {})).total).toBe(0);
    expect((await listDunningActions(ctx(), {})).total).toBe(0);
    const audit = await listAudit(ctx(), { entity: 'dunning_run_proposal' });
    expect(audit.items.map((entry) => entry.action)).toEqual(['dunning.proposal_create']);
  });

  it('supersedes the pending proposal with a newer one, which alone can be approved', async () => {
    const [first] = await pending();
    await runDailyJob();
    const [second, ...others] = await pending();
    expect(others).toEqual([]);
    expect(second?.proposalId).toBeGreaterThan(first?.proposalId ?? 0);
    const old = await getRunProposal(ctx(), first?.proposalId ?? 0);
    expect([old.status, old.preview]).toEqual(['superseded', null]);
    const refused = await conflictOf(approveRunProposal(ctx(), { proposalId: first?.proposalId ?? 0 }));
    expect(refused.message).toBe(
      `Les relances n° ${first?.proposalId} ne sont plus à valider\u00a0: elles sont remplacées par de plus récentes.`,
    );
    expect((await listOutbox(ctx(), {})).total).toBe(0);
  });

  it('records who rejected a proposal and why; a rejected proposal is decided for good', async () => {
    const [proposal] = await pending();
    const id = proposal?.proposalId ?? 0;
    const rejected = await rejectRunProposal(ctx(), {
      proposalId: id,
      note: '  Relevés en cours de contrôle ',
    });
    expect(rejected).toMatchObject({
      status: 'rejected',
      decidedBy: 'claire@pro.example',
      decisionNote: 'Relevés en cours de contrôle',
      runId: null,
    });
    const again = await conflictOf(rejectRunProposal(ctx(), { proposalId: id, lang: 'en' }));
    expect(again.message).toBe(`Reminders no. ${id} no longer await approval: they are rejected.`);
    await conflictOf(approveRunProposal(ctx(), { proposalId: id }));
    expect((await listOutbox(ctx(), {})).total).toBe(0);
    const audit = await listAudit(ctx(), { entity: 'dunning_run_proposal' });
    expect(audit.items[0]).toMatchObject({ action: 'dunning.proposal_reject', actor: 'claire@pro.example' });
  });

  it('sends exactly what the preview listed for the chosen customers, once', async () => {
    await runDailyJob();
    const [proposal] = await pending();
    const id = proposal?.proposalId ?? 0;
    const preview = (await getRunProposal(ctx(), id)).preview;
    const listed = preview?.actions.filter((a) => a.customerCode === 'C2') ?? [];
    expect(listed.length).toBeGreaterThan(0);
    await expect(approveRunProposal(ctx(), { proposalId: id, customerCodes: ['C9'] })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    const { proposal: approved, run } = await approveRunProposal(ctx(), {
      proposalId: id,
      customerCodes: ['C2'],
    });
    expect(approved).toMatchObject({ status: 'approved', runId: run.runId, decidedBy: 'claire@pro.example' });
    expect(run.asOf).toBe(AS_OF);
    const actions = await listDunningActions(ctx(), { runId: run.runId });
    expect(sent(actions.items)).toEqual(sent(listed));
    expect(actions.items.map((a) => a.totalDueMinor)).toEqual(listed.map((a) => a.totalDueMinor));
    expect((await listOutbox(ctx(), { customerCode: 'C1' })).total).toBe(0);
    const refused = await conflictOf(approveRunProposal(ctx(), { proposalId: id, customerCodes: ['C2'] }));
    expect(refused.message).toContain('elles sont validées.');
    expect((await listDunningActions(ctx(), {})).total).toBe(actions.total);
  });

  it('leaves out an invoice paid between the proposal and its approval, and what was already sent', async () => {
    await runDailyJob();
    const [proposal] = await pending();
    const id = proposal?.proposalId ?? 0;
    // C2 was reminded by the approved run: the new proposal no longer plans it.
    expect((await getRunProposal(ctx(), id)).customerCodes).toEqual(['C1', 'C3']);
    const before = (await getRunProposal(ctx(), id)).preview?.actions ?? [];
    expect(before.flatMap((a) => a.items.map((i) => i.documentRef))).toContain('A1');
    const dir = mkdtempSync(join(tmpdir(), 'encours-proposals-'));
    const file = join(dir, 'reglements.csv');
    writeFileSync(file, 'N° règlement;Code client;Date;Montant;Factures\nR-A1;C1;30/06/2025;10 000,00;A1\n');
    await importFile(ctx(), { entity: 'payments', filePath: file });
    const { run } = await approveRunProposal(ctx(), { proposalId: id });
    const actions = await listDunningActions(ctx(), { runId: run.runId });
    const refs = actions.items.flatMap((a) => a.items.map((i) => i.documentRef)).sort();
    expect(refs).toEqual(['A2', 'G1']);
    expect(new Set(actions.items.map((a) => a.customerCode))).toEqual(new Set(['C1', 'C3']));
    const audit = await listAudit(ctx(), { entity: 'dunning_run_proposal' });
    expect(audit.items[0]).toMatchObject({ action: 'dunning.proposal_approve', entityKey: String(id) });
  });
});
