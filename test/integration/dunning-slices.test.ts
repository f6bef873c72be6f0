/**
 * A run planned a slice of customers at a time (issue 12, at scale) gives exactly the plan made
 * for the whole company at once, on the demo company as of its reference date; carried out in
 * small slices, it sends what the preview shows, and the PDFs it deferred (the letters, the
 * print batch, the e-mails' statements) are laid out when first read, once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { executeDunningRun } from '#app/dunning/execute-run';
import { loadPlanData } from '#app/dunning/plan-data';
import { previewDunningRun } from '#app/dunning/plan-run';
import { planInSlices } from '#app/dunning/plan-slices';
import { getLetter, listDunningRuns } from '#app/dunning/queries';
import { exportOutboxEml, getOutboxMessage, listOutbox } from '#app/mail/outbox';
import { planDunning } from '#core/dunning/planner';
import { selectLetter, selectRunLetterJobs } from '#db/dunning/action-queries';
import { DEMO_AS_OF } from '#demo/index';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let ctx: AppContext;
let run: Awaited<ReturnType<typeof executeDunningRun>>;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C', DEMO_AS_OF);
}, 600_000);
afterAll(async () => database?.close());

describe('the demo company’s run planned in slices of customers', () => {
  it('is the plan made at once, for slices of 1, 7 and 1,000 customers', async () => {
    const whole = await ctx.db.transaction().execute(async (trx) => {
      const data = await loadPlanData(trx, 'CB2C', { asOf: DEMO_AS_OF });
      return planDunning(data.customers, data.invoices, data.settings);
    });
    expect(whole.actions.length).toBeGreaterThan(20);
    expect(new Set(whole.actions.map((a) => a.customerCode)).size).toBeGreaterThan(7);
    for (const size of [1, 7, 1_000]) {
      const actions = [];
      const skipped = [];
      let slices = 0;
      for await (const { plan } of planInSlices(ctx.db, 'CB2C', { asOf: DEMO_AS_OF }, size)) {
        actions.push(...plan.actions);
        skipped.push(...plan.skipped);
        slices += 1;
      }
      expect({ asOf: DEMO_AS_OF, actions, skipped }).toEqual(whole);
      if (size === 7) expect(slices).toBeGreaterThan(2);
    }
  });

  it('plans chosen customers as the whole plan does, in slices (a range of codes) or at once', async () => {
    const whole = await ctx.db.transaction().execute(async (trx) => {
      const data = await loadPlanData(trx, 'CB2C', { asOf: DEMO_AS_OF });
      return planDunning(data.customers, data.invoices, data.settings);
    });
    const reminded = [...new Set(whole.actions.map((a) => a.customerCode))].sort();
    // Every third customer reminded: the slices' ranges of codes hold customers who were not chosen.
    const chosen = reminded.filter((_, index) => index % 3 === 0);
    expect(chosen.length).toBeGreaterThan(2);
    const data = await loadPlanData(ctx.db, 'CB2C', { asOf: DEMO_AS_OF, customerCodes: chosen });
    const atOnce = planDunning(data.customers, data.invoices, data.settings);
    expect(atOnce.actions).toEqual(whole.actions.filter((a) => chosen.includes(a.customerCode)));
    expect(atOnce.skipped).toEqual(whole.skipped.filter((s) => chosen.includes(s.customerCode)));
    for (const size of [1, 2, 1_000]) {
      const actions = [];
      const skipped = [];
      const input = { asOf: DEMO_AS_OF, customerCodes: chosen };
      for await (const { plan } of planInSlices(ctx.db, 'CB2C', input, size)) {
        actions.push(...plan.actions);
        skipped.push(...plan.skipped);
      }
      expect({ asOf: DEMO_AS_OF, actions, skipped }).toEqual(atOnce);
    }
  });

  it('carries out in slices what the preview shows, and a second run sends nothing', async () => {
    const preview = await previewDunningRun(ctx, {}, 100_000);
    expect(await previewDunningRun(ctx, {}, 3)).toEqual(preview);
    // Print batch files of 7 letters: the demo run's letters make several.
    run = await executeDunningRun(ctx, {}, 5, 7);
    const sent = (view: typeof preview) =>
      view.actions.map((a) => [a.customerCode, a.channel, a.step, a.totalDueMinor, a.items]);
    // An e-mail step goes by post to a customer without an address: compare what is due, not how.
    expect(run.actions.map((a) => [a.customerCode, a.step, a.totalDueMinor, a.items])).toEqual(
      sent(preview).map(([code, , step, total, items]) => [code, step, total, items]),
    );
    expect(run.skipped).toEqual(preview.skipped);
    expect((await executeDunningRun(ctx, {}, 5)).actions).toEqual([]);
  });

  it('lays a deferred letter, the print batch and an e-mail’s statement out when first read, once', async () => {
    const letterId = run.actions.find((a) => a.channel === 'registered_letter')?.letterId ?? 0;
    const letter = await getLetter(ctx, letterId);
    expect(letter.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await getLetter(ctx, letterId)).content).toEqual(letter.content);
    const batch = await getLetter(ctx, run.batchLetterId ?? 0);
    expect(run.batchLetterId).toBe(run.batchFiles[0]?.letterId);
    // Every letter starts on a page of its own: the part has at least as many pages as letters.
    const pages = batch.content.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(run.batchFiles[0]?.letters ?? 1);
    const { items } = await listOutbox(ctx, { category: 'reminder' }, { limit: 500 });
    const withStatement: number[] = [];
    for (const item of items)
      if ((await getOutboxMessage(ctx, item.id)).attachments.length > 0) withStatement.push(item.id);
    expect(withStatement.length).toBeGreaterThan(0);
    const id = withStatement[0] ?? 0;
    expect((await getOutboxMessage(ctx, id)).attachments[0]?.sizeBytes).toBeNull();
    const eml = (await exportOutboxEml(ctx, id)).content.toString('latin1');
    expect(eml).toContain('application/pdf');
    expect((await getOutboxMessage(ctx, id)).attachments[0]?.sizeBytes).toBeGreaterThan(1_000);
    // The stored bytes are what every later build of the message carries.
    expect((await exportOutboxEml(ctx, id)).content.toString('latin1')).toBe(eml);
  });

  it('cuts the print batch into files of at most the letters asked, which end to end are the print order', async () => {
    const letters = run.actions.filter((a) => a.channel === 'letter' || a.channel === 'registered_letter');
    expect(letters.length).toBeGreaterThan(14);
    const parts = Math.ceil(letters.length / 7);
    expect(run.batchFiles.map((f) => [f.part, f.parts, f.firstLetter, f.letters])).toEqual(
      Array.from({ length: parts }, (_, i) => [i + 1, parts, i * 7, Math.min(7, letters.length - i * 7)]),
    );
    const width = String(parts).length;
    expect(run.batchFiles.map((f) => f.filename)).toEqual(
      run.batchFiles.map(
        (f) => `lot-relances-${DEMO_AS_OF}-${String(f.part).padStart(width, '0')}-sur-${parts}.pdf`,
      ),
    );
    expect(run.batchFiles.map((f) => f.path)).toEqual(
      run.batchFiles.map((f) => `/api/dunning/letters/${f.letterId}`),
    );
    // Each part's job names its stretch of the run's print order; end to end they are all of it, once.
    const whole = await selectRunLetterJobs(ctx.db, 'CB2C', run.runId ?? 0);
    const stretches = [];
    for (const file of run.batchFiles) {
      const job = (await selectLetter(ctx.db, 'CB2C', file.letterId))?.renderJob;
      expect(job).toEqual({
        kind: 'run_batch',
        runId: run.runId,
        offset: file.firstLetter,
        limit: file.letters,
      });
      stretches.push(
        ...(await selectRunLetterJobs(ctx.db, 'CB2C', run.runId ?? 0, {
          offset: file.firstLetter,
          limit: file.letters,
        })),
      );
    }
    expect(stretches).toEqual(whole);
    expect(whole.length).toBe(letters.length);
    // Registered letters are printed first, in every part as in the whole.
    const registered = letters.filter((a) => a.channel === 'registered_letter').length;
    const models = whole.map((job) => (job as { models: { registered: boolean }[] }).models[0]?.registered);
    expect(models).toEqual(letters.map((_, i) => i < registered));
    // The run's parts as the runs' list gives them (the run after it, which sent nothing, has none).
    const [later, listed] = await listDunningRuns(ctx, 2);
    expect(later?.batchLetterIds).toEqual([]);
    expect(listed?.runId).toBe(run.runId);
    expect(listed?.batchLetterIds).toEqual(run.batchFiles.map((f) => f.letterId));
    // The last part, laid out: its own letters only, each on a page of its own.
    const last = run.batchFiles.at(-1);
    const pdf = (await getLetter(ctx, last?.letterId ?? 0)).content.toString('latin1');
    expect((pdf.match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(last?.letters ?? 1);
  });
});
