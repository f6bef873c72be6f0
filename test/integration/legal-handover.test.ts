/**
 * Legal hand-over and credit-insurance claims on the demo company (30 June 2026). A customer whose
 * reminders are due is handed to a law firm: the file holds the invoices overdue that day (checked
 * against an independent replay of the generated ledger), the dunning run now skips them, and the
 * package PDF is made. The firm's status file is imported once (a second import adds nothing),
 * its commission follows the phases, and the reconciliation explains the gap with our ledger; the
 * API answers the file as the use case does and takes reports from the credit department only. The
 * same customer's insurer cover gives the threatened-loss deadlines and a claim with its insured
 * share. Last, the scheduled BODACC job reads a local fake of the records API.
 */
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { silentLogger } from '#app/context';
import { recordCover } from '#app/credit/covers';
import { generateDemoDataset } from '#app/demo/demo';
import { previewDunningRun } from '#app/dunning/plan-run';
import { getJob, startJob } from '#app/jobs/jobs';
import { createJobRunner } from '#app/jobs/runner';
import { listClaims } from '#app/legal/claims';
import { getLegalFile, handOver, savePartner } from '#app/legal/handover';
import { fileChecklist, getLegalFileDetail } from '#app/legal/handover-checklist';
import { renderHandoverPackage } from '#app/legal/handover-package';
import { reconcileLegalFiles } from '#app/legal/handover-reconciliation';
import { importPartnerReport } from '#app/legal/handover-steps';
import { declareThreatenedLoss, updateInsuranceClaimStatus } from '#app/legal/insurance-claims';
import { listDeclarationDeadlines, saveInsurancePolicy } from '#app/legal/insurance-policies';
import { addDays } from '#core/calendar';
import { LedgerReplay } from '#demo/index';
import { buildServer } from '#http/server';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { signIn } from './http-fixture.ts';

const AS_OF = '2026-06-30';
let database: TestDatabase;
let ctx: AppContext;
let replay: LedgerReplay;
let target: { code: string; overdue: { ref: string; dueDate: string; openMinor: number }[] };
let fileId: number;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C', AS_OF);
  const demo = generateDemoDataset();
  replay = new LedgerReplay(demo.documents, demo.allocations, demo.reversals);
  // A customer the dunning run reminds today, with at least two invoices overdue.
  const run = await previewDunningRun(ctx, { asOf: AS_OF });
  const customers = await ctx.db
    .selectFrom('customers')
    .select(['code'])
    .where('company_id', '=', 'CB2C')
    .where('status', '=', 'active')
    .where('currency', '=', 'EUR')
    .orderBy('code')
    .execute();
  const reminded = new Set(run.actions.map((action) => action.customerCode));
  const code = customers
    .map((c) => c.code)
    .find((c) => reminded.has(c) && replay.overdueDebitsAt(c, AS_OF).length >= 2)!;
  const overdue = replay
    .overdueDebitsAt(code, AS_OF)
    .filter((debit) => debit.document.kind === 'invoice')
    .map((debit) => ({
      ref: debit.document.externalRef,
      dueDate: debit.document.dueDate,
      openMinor: debit.openMinor,
    }));
  target = { code, overdue };
}, 600_000);
afterAll(async () => {
  await database?.close();
});

const total = (items: readonly { openMinor: number }[]) => items.reduce((sum, i) => sum + i.openMinor, 0);

describe('legal hand-over', () => {
  it('hands the overdue invoices over and the dunning run stops reminding them', async () => {
    const before = await previewDunningRun(ctx, { asOf: AS_OF, customerCodes: [target.code] });
    const remindedRefs = before.actions.flatMap((a) => a.items.map((i) => i.documentRef));
    expect(remindedRefs.length).toBeGreaterThan(0);

    const partner = await savePartner(ctx, {
      name: 'Cabinet Martin & Associés',
      kind: 'lawyer',
      email: 'contentieux@martin-avocats.example',
      addressLines: ['Maître Claire Martin', '12 rue de la République', '69002 Lyon'],
      amicableCommissionBps: 1200,
      judicialCommissionBps: 2000,
      fileFeeMinor: 5_000,
      judicialFeeMinor: 15_000,
      currency: 'EUR',
    });
    const file = await handOver(ctx, { customerCode: target.code, partnerId: partner.partnerId });
    fileId = file.fileId;
    expect(file.invoices.map((i) => i.documentRef).sort()).toEqual(target.overdue.map((i) => i.ref).sort());
    expect(file.handedMinor).toBe(total(target.overdue));
    expect(file.outstandingMinor).toBe(total(target.overdue));
    expect(file.invoices.every((i) => i.indemnityMinor === 4_000)).toBe(true);
    expect(file.invoices.every((i) => i.interestMinor > 0)).toBe(true);
    await expect(
      handOver(ctx, { customerCode: target.code, partnerId: partner.partnerId }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });

    const after = await previewDunningRun(ctx, { asOf: AS_OF, customerCodes: [target.code] });
    const stillReminded = after.actions.flatMap((a) => a.items.map((i) => i.documentRef));
    const handedRefs = new Set(file.invoices.map((i) => i.documentRef));
    expect(stillReminded.filter((ref) => handedRefs.has(ref))).toEqual([]);
    const skipped = new Map(after.skipped.map((s) => [s.documentRef, s.reason]));
    for (const ref of remindedRefs.filter((r) => handedRefs.has(r)))
      expect(skipped.get(ref)).toBe('handed_over');
  });

  it('makes the package as one PDF: cover letter, statement and annexes', async () => {
    const { pdf, model, fileName } = await renderHandoverPackage(ctx, { fileId });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    expect(fileName).toBe(`dossier-contentieux-${target.code}-LF-${fileId}.pdf`);
    expect(model.text.salutation).toBe('Maître,');
    expect(model.items.map((i) => i.documentRef).sort()).toEqual(target.overdue.map((i) => i.ref).sort());
    expect(model.totals.openMinor).toBe(total(target.overdue));
    expect(model.totals.indemnityMinor).toBe(4_000 * target.overdue.length);
    expect(model.annexes?.filter((b) => b.type === 'heading')).toHaveLength(4);
    if (process.env['ENCOURS_KEEP_PDF']) await writeFile(process.env['ENCOURS_KEEP_PDF'], pdf);
  });

  it('imports the partner status file once, and charges by phase', async () => {
    const handed = total(target.overdue);
    const csv = [
      'Dossier;Étape;Date;Recouvré;Frais;Reste dû;Commentaire',
      `LF-${fileId};Reçu;01/07/2026;;;;Dossier ouvert`,
      `${fileId};Phase amiable;15/07/2026;1 000,00;;;Versement partiel`,
      `${fileId};Injonction déposée;20/07/2026;;33,47;${((handed - 105_000) / 100).toFixed(2).replace('.', ',')};Requête au greffe`,
    ].join('\n');
    const path = join(tmpdir(), `legal-report-${process.pid}.csv`);
    await writeFile(path, csv);
    const first = await importPartnerReport(ctx, { filePath: path });
    expect(first).toMatchObject({ received: 3, recorded: 3, duplicates: 0, fileIds: [fileId] });
    const again = await importPartnerReport(ctx, { filePath: path });
    expect(again).toMatchObject({ received: 3, recorded: 0, duplicates: 3 });

    await writeFile(path, 'Dossier;Étape;Date\nLF-999999;amiable;01/07/2026\n');
    await expect(importPartnerReport(ctx, { filePath: path })).rejects.toMatchObject({
      code: 'import_rejected',
    });

    const file = await getLegalFile(ctx, { fileId, asOf: '2026-07-31' });
    expect(file.state).toMatchObject({ step: 'injunction_filed', phase: 'judicial', closedOn: null });
    expect(file.charges).toMatchObject({
      recoveredMinor: 100_000,
      amicableCommissionMinor: 12_000,
      judicialCommissionMinor: 0,
      fixedFeesMinor: 20_000,
      costsMinor: 3_347,
      totalChargesMinor: 35_347,
    });
  });

  it('reconciles the partner outstanding with the ledger and explains the difference', async () => {
    const handed = total(target.overdue);
    const result = await reconcileLegalFiles(ctx, { asOf: '2026-07-31' });
    const line = result.files.find((f) => f.fileId === fileId)!;
    // No payment came in: our ledger still has everything open, the firm reports 1 050,00 € less.
    expect(line).toMatchObject({
      ourOutstandingMinor: handed,
      partnerOutstandingMinor: handed - 105_000,
      differenceMinor: 105_000,
      reasons: [
        { reason: 'recovery_not_received', amountMinor: 100_000 },
        { reason: 'amount_differs', amountMinor: 5_000 },
      ],
    });
    expect(result.differences).toBeGreaterThanOrEqual(1);
  });

  it('lists the injunction pieces: the package carries the statement, the invoices go on request', async () => {
    const checklist = await fileChecklist(ctx, await getLegalFile(ctx, { fileId }));
    expect(checklist.pieces.filter((p) => p.status === 'in_package').map((p) => p.piece)).toEqual([
      'statement',
    ]);
    expect(checklist.pieces.find((p) => p.piece === 'invoices')?.status).toBe('on_request');
    expect(checklist.court).toBe('commercial_court');
  });
});

describe('legal files over HTTP', () => {
  it('answers the file as the use case does, takes API reports from the credit department only', async () => {
    const app = await buildServer(database.runtime, { webRoot: null });
    try {
      const manager = await signIn(app, 'claire.moreau@cb2c.example');
      const collector = await signIn(app, 'julien.petit@cb2c.example');
      const answer = await app.inject({
        url: `/api/legal/files/${fileId}?asOf=2026-07-31`,
        headers: manager.headers,
      });
      expect(answer.statusCode).toBe(200);
      const expected = JSON.parse(
        JSON.stringify(await getLegalFileDetail(ctx, { fileId, asOf: '2026-07-31' })),
      );
      expect(answer.json()).toEqual(expected);
      // The planted customer its salesperson asked not to chase: told before confirming, nothing recorded.
      const check = await app.inject({
        method: 'POST',
        url: '/api/legal/files/check',
        headers: manager.headers,
        payload: { customerCode: 'C00149', partnerId: answer.json().partnerId },
      });
      expect(check.statusCode).toBe(200);
      expect(check.json().warnings).toEqual([
        { code: 'no_reminder' },
        { code: 'no_formal_notice' },
        {
          code: 'no_chase_note',
          date: '2024-02-12',
          note: expect.stringContaining('ne pas relancer sans son accord'),
        },
      ]);
      const again = await app.inject({
        method: 'POST',
        url: '/api/legal/files/check',
        headers: manager.headers,
        payload: { customerCode: target.code, partnerId: answer.json().partnerId },
      });
      expect(again.statusCode).toBe(409);
      const pdf = await app.inject({
        url: `/api/legal/files/${fileId}/package.pdf`,
        headers: manager.headers,
      });
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const report = { reports: [{ fileId, step: 'judgment', date: '2026-09-01', reportId: 'J-1' }] };
      const refused = await app.inject({
        method: 'POST',
        url: '/api/legal/reports',
        headers: collector.headers,
        payload: report,
      });
      expect(refused.statusCode).toBe(403);
      const posted = await app.inject({
        method: 'POST',
        url: '/api/legal/reports',
        headers: manager.headers,
        payload: report,
      });
      expect(posted.json()).toEqual({ received: 1, recorded: 1, duplicates: 0, fileIds: [fileId] });
    } finally {
      await app.close();
    }
  });
});

describe('credit-insurance claims', () => {
  it('gives the declaration deadlines and declares the threatened loss with the insured share', async () => {
    await recordCover(ctx, {
      customerCode: target.code,
      insurer: 'Allianz Trade',
      status: 'granted',
      grantedMinor: 1_000_000,
      insuredShareBps: 9000,
      effectiveFrom: '2025-01-01',
    });
    await saveInsurancePolicy(ctx, {
      insurer: 'Allianz Trade',
      policyNumber: 'P-2025-118',
      threatenedLossDays: 90,
      waitingDays: 150,
    });
    const { items } = await listDeclarationDeadlines(ctx, { asOf: AS_OF, all: true });
    const mine = items.filter((i) => i.customerCode === target.code);
    expect(mine.map((i) => [i.ref, i.deadline]).sort()).toEqual(
      target.overdue.map((i) => [i.ref, addDays(i.dueDate, 90)]).sort(),
    );

    const claim = await declareThreatenedLoss(ctx, { customerCode: target.code });
    const outstanding = total(target.overdue);
    const covered = Math.min(outstanding, 1_000_000);
    expect(claim).toMatchObject({
      outstandingMinor: outstanding,
      grantedMinor: 1_000_000,
      insuredShareBps: 9000,
      insuredMinor: Math.round((covered * 9) / 10),
      indemnityExpectedOn: '2026-11-27',
      status: 'declared',
    });
    await expect(
      updateInsuranceClaimStatus(ctx, { claimId: claim.claimId, status: 'declared' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const paid = await updateInsuranceClaimStatus(ctx, {
      claimId: claim.claimId,
      status: 'indemnified',
      indemnityMinor: claim.insuredMinor,
      receivedOn: '2026-11-30',
    });
    expect(paid).toMatchObject({ status: 'indemnified', indemnityMinor: claim.insuredMinor });
  });
});

describe('scheduled BODACC watch', () => {
  let server: Server;
  const queries: string[] = [];
  afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

  it('fetches the records API for the portfolio and records an opening judgment', async () => {
    const [other] = await ctx.db
      .selectFrom('customers')
      .select(['code', 'siren'])
      .where('company_id', '=', 'CB2C')
      .where('status', '=', 'active')
      .where('siren', 'is not', null)
      .where('code', '<>', target.code)
      .orderBy('code')
      .limit(1)
      .execute();
    const siren = other!.siren!;
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const q = url.searchParams.get('q') ?? '';
      queries.push(q);
      const records = q.includes(siren)
        ? [
            {
              recordid: 'fake-1',
              fields: {
                id: 'A202600777',
                registre: siren,
                dateparution: '2026-06-26',
                tribunal: 'Tribunal de commerce de Lyon',
                familleavis: 'collective',
                jugement: JSON.stringify({
                  date: '2026-06-20',
                  famille: "Jugement d'ouverture",
                  nature: "Jugement d'ouverture de liquidation judiciaire",
                }),
              },
            },
          ]
        : [];
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ nhits: records.length, records }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = (server.address() as { port: number }).port;
    const job = await startJob(ctx, {
      kind: 'legal.watch_bodacc',
      payload: { baseUrl: `http://127.0.0.1:${port}`, retries: 0, lookbackDays: 14 },
    });
    await createJobRunner({ db: ctx.db, log: silentLogger, contextFor: async () => ctx }).runNext({
      jobId: job.id,
      companyId: 'CB2C',
    });
    const done = await getJob(ctx, job.id);
    expect(done.status).toBe('succeeded');
    expect(done.result).toMatchObject({ events: 1, since: '2026-06-16' });
    expect(queries.every((q) => q.endsWith('AND dateparution>=2026-06-16'))).toBe(true);
    const [claim] = await listClaims(ctx, other!.code);
    expect(claim).toMatchObject({ procedure: 'liquidation', announcementId: 'A202600777' });
  });
});
