/**
 * Credit decisions, continued, on the demo company as of its reference date: the limit history
 * written by the customer file and the customers import, balance sheets from a file (all or
 * nothing, idempotent) re-scored by the change job, the group's limit in the order check, the
 * risk map's insured split, reminders of late limit requests, and the signed ERP webhook.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, fixedClock } from '#app/context';
import { importBalanceSheetFile, importBalanceSheets, type SheetRequest } from '#app/credit/financial-data';
import { remindLateLimitRequests } from '#app/credit/limit-reminders';
import { getLimitHistory, setLimit } from '#app/credit/limits';
import { checkOrder } from '#app/credit/order-check';
import { signWebhook } from '#app/credit/order-webhook';
import { creditRescoreChangedJob } from '#app/credit/rescore-job';
import { getRiskMap } from '#app/credit/risk-map';
import { getRiskPanel } from '#app/credit/risk-panel';
import { generateDemoDataset } from '#app/demo/demo';
import { importFile } from '#app/imports/import-file';
import { latestScores } from '#db/credit/score-queries';
import type { ApiServer } from '#http/api-types';
import { buildServer } from '#http/server';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { signIn } from './http-fixture.ts';

let database: TestDatabase;
let ctx: AppContext;
let app: ApiServer;
let dir: string;
let situations: { kind: string; customerCode: string }[];
const situation = (kind: string) => situations.find((s) => s.kind === kind)!.customerCode;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C');
  situations = generateDemoDataset().manifest.situations;
  app = await buildServer(database.runtime, { webRoot: null });
  dir = await mkdtemp(join(tmpdir(), 'encours-credit-'));
}, 600_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

async function rescoreQueue(): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('credit_rescore_queue')
    .select('customer_code')
    .where('company_id', '=', 'CB2C')
    .orderBy('customer_code')
    .execute();
  return rows.map((row) => row.customer_code);
}

async function runRescoreChangedJob(): Promise<unknown> {
  return creditRescoreChangedJob.handler({
    ctx,
    job: { jobId: 0, kind: 'credit.rescore_changed', companyId: 'CB2C', attempt: 1, createdBy: 'test' },
    payload: {},
    checkpoint: null,
    reportProgress: async () => {},
    saveCheckpoint: async () => {},
    isCancelled: () => false,
  });
}

describe('limit history, whatever the path', () => {
  it('records a limit changed in the customer file, with who, before, after and why', async () => {
    const manager = await signIn(app, 'claire.moreau@cb2c.example');
    const before = (await getLimitHistory(ctx, 'C00002')).length;
    const customer = await ctx.db
      .selectFrom('customers')
      .select('credit_limit_minor')
      .where('company_id', '=', 'CB2C')
      .where('code', '=', 'C00002')
      .executeTakeFirstOrThrow();
    const response = await app.inject({
      method: 'PATCH',
      url: '/api/customers/C00002',
      headers: manager.headers,
      payload: { creditLimitMinor: 4_250_000, limitReason: 'Revue annuelle du dossier' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const history = await getLimitHistory(ctx, 'C00002');
    expect(history).toHaveLength(before + 1);
    expect(history[0]).toMatchObject({
      kind: 'permanent',
      amountMinor: 4_250_000,
      previousMinor: customer.credit_limit_minor,
      validFrom: '2026-06-30',
      reason: 'Revue annuelle du dossier',
      createdBy: 'claire.moreau@cb2c.example',
    });
  });

  it('records the limits a customers import changes, and nothing when the file is imported again', async () => {
    const file = join(dir, 'clients.csv');
    const name = (
      await ctx.db
        .selectFrom('customers')
        .select('name')
        .where('company_id', '=', 'CB2C')
        .where('code', '=', 'C00003')
        .executeTakeFirstOrThrow()
    ).name;
    await writeFile(file, `Code client;Raison sociale;Plafond\nC00003;${name};12 345,00\n`);
    await importFile(ctx, { entity: 'customers', filePath: file });
    const [entry] = await getLimitHistory(ctx, 'C00003');
    expect(entry).toMatchObject({ amountMinor: 1_234_500, reason: 'Import du fichier clients.csv' });
    await importFile(ctx, { entity: 'customers', filePath: file });
    expect((await getLimitHistory(ctx, 'C00003'))[0]?.entryId).toBe(entry?.entryId);
  });
});

describe('balance sheets from a file', () => {
  const HEADER =
    'Code client;SIREN;Date de clôture;Total bilan;Capitaux propres;Total dettes;Chiffre d’affaires;Valeur ajoutée;EBE;Capitaux permanents;Disponibilités;Créances clients;Charges financières;Charges de personnel;Résultat net';

  it('imports by code or SIREN, re-scores the customers concerned by a job, and is idempotent', async () => {
    const bySiren = await ctx.db
      .selectFrom('customers')
      .select(['code', 'siren'])
      .where('company_id', '=', 'CB2C')
      .where('siren', 'is not', null)
      .where('code', '<>', 'C00002')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const sameSiren = await ctx.db
      .selectFrom('customers')
      .select('code')
      .where('company_id', '=', 'CB2C')
      .where('siren', '=', bySiren.siren)
      .execute();
    // The worked example of Conan-Holder (in thousands of euros), for C00002 and one SIREN.
    const file = join(dir, 'bilans.csv');
    await writeFile(
      file,
      `${HEADER}\nC00002;;31/12/2025;1 000 000;330 000;670 000;2 000 000;400 000;120 000;600 000;50 000;300 000;20 000;250 000;35 000\n` +
        `;${bySiren.siren};31/12/2025;500 000;100 000;400 000;900 000;200 000;40 000;250 000;10 000;150 000;15 000;120 000;-5 000\n`,
    );
    const summary = await importBalanceSheetFile(ctx, { filePath: file });
    const expected = ['C00002', ...sameSiren.map((c) => c.code)].sort();
    expect([...summary.customers].sort()).toEqual(expected);
    expect(await rescoreQueue()).toEqual(expected);
    const job = await ctx.db
      .selectFrom('jobs')
      .select('status')
      .where('company_id', '=', 'CB2C')
      .where('kind', '=', 'credit.rescore_changed')
      .executeTakeFirstOrThrow();
    expect(job.status).toBe('queued');
    expect(await runRescoreChangedJob()).toEqual({ customers: expected.length });
    expect(await rescoreQueue()).toEqual([]);
    const score = (await latestScores(ctx.db, 'CB2C', ['C00002'])).get('C00002');
    const explanation = score?.explanation as { inputs: Record<string, unknown> } | undefined;
    // Z = 15.98 for the worked example (the 10–30 % failure-risk zone).
    expect(explanation?.inputs['conan_holder_z']).toBeCloseTo(15.98, 2);
    expect((await importBalanceSheetFile(ctx, { filePath: file })).customers).toEqual([]);
    expect(await rescoreQueue()).toEqual([]);
  });

  it('rejects the whole file with every problem: an unknown column, a negative item', async () => {
    const countSheets = async () =>
      (
        await ctx.db
          .selectFrom('credit_balance_sheets')
          .select('customer_code')
          .where('company_id', '=', 'CB2C')
          .execute()
      ).length;
    const before = await countSheets();
    const file = join(dir, 'bilans-faux.csv');
    await writeFile(
      file,
      `${HEADER};Commentaire\nC00002;;31/12/2024;1 000;330;670;2 000;400;120;600;-50;300;20;250;35;x\n` +
        'C00004;;31/12/2024;1 000;330;670;2 000;400;120;600;50;300;20;250;35;y\n',
    );
    const rejected = await importBalanceSheetFile(ctx, { filePath: file }).catch((error) => error);
    expect(rejected.code).toBe('import_rejected');
    // « Commentaire » resembles no accepted header: said unknown, with no far-fetched suggestion.
    expect(rejected.details.errors.map((e: { code: string }) => e.code)).toEqual([
      'unknown_column_no_match',
      'negative_balance_sheet_amount',
    ]);
    expect(await countSheets()).toBe(before);
  });
});

describe('balance sheets as JSON', () => {
  it('takes a SIREN instead of a code, like the file: the sheet goes to every account of it', async () => {
    const withSiren = await ctx.db
      .selectFrom('customers')
      .select(['code', 'siren'])
      .where('company_id', '=', 'CB2C')
      .where('siren', 'is not', null)
      .orderBy('code', 'desc')
      .executeTakeFirstOrThrow();
    const siren = withSiren.siren ?? '';
    const accounts = await ctx.db
      .selectFrom('customers')
      .select('code')
      .where('company_id', '=', 'CB2C')
      .where('siren', '=', siren)
      .orderBy('code')
      .execute();
    const sheet = {
      currency: 'EUR',
      fiscalYearEnd: '2023-12-31',
      totalAssetsMinor: 80_000_000,
      equityMinor: 20_000_000,
      totalDebtsMinor: 60_000_000,
      turnoverMinor: 150_000_000,
      valueAddedMinor: 30_000_000,
      grossOperatingProfitMinor: 9_000_000,
      permanentCapitalMinor: 45_000_000,
      cashMinor: 4_000_000,
      receivablesMinor: 25_000_000,
      financialChargesMinor: 1_500_000,
      staffCostsMinor: 18_000_000,
      netResultMinor: 2_000_000,
    };
    const admin = await signIn(app, 'admin@cb2c.example');
    const post = (sheets: object[]) =>
      app.inject({
        method: 'POST',
        url: '/api/credit/balance-sheets',
        headers: admin.headers,
        payload: { sheets },
      });
    const stored = () =>
      ctx.db
        .selectFrom('credit_balance_sheets')
        .select(['customer_code', 'total_assets_minor'])
        .where('company_id', '=', 'CB2C')
        .where('fiscal_year_end', '=', '2023-12-31')
        .orderBy('customer_code')
        .execute();

    // All or nothing: one good SIREN among bad ones writes nothing, and each problem has its line.
    const bad = [
      { ...sheet, siren },
      { ...sheet, siren: '000 000 000' },
      { ...sheet, siren: '12345' },
      sheet,
    ];
    expect((await post(bad)).statusCode).toBe(422);
    const rejected = await importBalanceSheets(ctx, bad as SheetRequest[]).catch((error) => error);
    expect(rejected.details.problems.map((p: { line: number; code: string }) => [p.line, p.code])).toEqual([
      [2, 'unknown_customer_siren'],
      [3, 'invalid_siren_length'],
      [4, 'customer_or_siren_required'],
    ]);
    expect(await stored()).toEqual([]);

    // Written with spaces, as people write a SIREN.
    const spaced = siren.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
    const response = await post([{ ...sheet, siren: spaced }]);
    expect(response.statusCode, response.body).toBe(200);
    const codes = accounts.map((a) => a.code);
    expect(response.json()).toEqual({ imported: codes.length, customers: codes });
    expect(await stored()).toEqual(
      codes.map((code) => ({ customer_code: code, total_assets_minor: 80_000_000 })),
    );
  });
});

describe('group exposure', () => {
  it("holds a member's order when the group would pass the parent's limit, and shows the group", async () => {
    const head = situation('customer_group');
    const members = await ctx.db
      .selectFrom('customers')
      .select('code')
      .where('company_id', '=', 'CB2C')
      .where('group_code', '=', head)
      .orderBy('code')
      .execute();
    const member = members[0]!.code;
    const own = await Promise.all(
      [head, ...members.map((m) => m.code)].map(async (code) => (await getRiskPanel(ctx, code)).exposure),
    );
    const groupExposureMinor = own.reduce((sum, exposure) => sum + exposure.totalMinor, 0);
    await setLimit(ctx, { customerCode: head, amountMinor: groupExposureMinor, reason: 'Limite de groupe' });
    const panel = await getRiskPanel(ctx, member);
    expect(panel.group).toMatchObject({
      parentCode: head,
      memberCodes: [head, ...members.map((m) => m.code)].sort(),
      exposureMinor: groupExposureMinor,
      limitMinor: groupExposureMinor,
      availableMinor: 0,
    });
    // 5 % tolerance on the group's limit: one cent above it holds the order.
    const toleranceMinor = Math.round(groupExposureMinor * 0.05);
    const answer = await checkOrder(ctx, { customerCode: member, amountMinor: toleranceMinor + 1 });
    const reason = answer.reasons.find((r) => r.code === 'group_over_limit');
    expect(reason?.figures).toMatchObject({
      groupCode: head,
      groupExposureMinor,
      groupLimitMinor: groupExposureMinor,
      excessMinor: toleranceMinor + 1,
    });
    expect(reason?.message).toContain('au-delà de la limite du groupe');
    expect(answer.decision).not.toBe('approve');
  });
});

describe('an order the ERP already sent', () => {
  it('is judged on the exposure without itself: its amount is not counted twice', async () => {
    const pending = await ctx.db
      .selectFrom('orders')
      .select(['order_number', 'customer_code', 'amount_minor'])
      .where('company_id', '=', 'CB2C')
      .where('status', '=', 'pending')
      .where('currency', '=', 'EUR')
      .orderBy('order_number')
      .executeTakeFirstOrThrow();
    const before = await getRiskPanel(ctx, pending.customer_code);
    const answer = await checkOrder(ctx, {
      customerCode: pending.customer_code,
      amountMinor: pending.amount_minor,
      orderRef: pending.order_number,
    });
    expect(answer.created).toBe(true);
    expect(answer.exposureMinor).toBe(before.exposure.totalMinor - pending.amount_minor);
  });
});

describe('risk map', () => {
  it('splits the exposure of every class into insured and uninsured parts', async () => {
    const { cells } = await getRiskMap(ctx);
    for (const cell of cells) expect(cell.insuredMinor + cell.uninsuredMinor).toBe(cell.exposureMinor);
    const expired = await getRiskPanel(ctx, situation('insurer_cover_expired'));
    expect(expired.exposure.insuredMinor).toBe(0);
    expect(cells.reduce((sum, cell) => sum + cell.customers, 0)).toBeGreaterThan(0);
  });
});

describe('reminders of late limit requests', () => {
  it('reminds the approvers once a day while the request waits, each in their language', async () => {
    const later = (instant: string): AppContext => ({
      ...ctx,
      clock: { ...fixedClock('2026-07-10'), now: () => new Date(instant) },
    });
    // One approver of a late request reads English (set by an admin through the API).
    const late = await ctx.db
      .selectFrom('credit_limit_requests')
      .select('required_role')
      .where('company_id', '=', 'CB2C')
      .where('status', '=', 'pending')
      .where('due_at', '<', new Date('2026-07-10T09:00:00Z'))
      .execute();
    const approver = await ctx.db
      .selectFrom('users')
      .select('email')
      .where('company_id', '=', 'CB2C')
      .where(
        'role',
        'in',
        late.map((r) => r.required_role),
      )
      .orderBy('email')
      .executeTakeFirstOrThrow();
    const admin = await signIn(app, 'admin@cb2c.example');
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/users/${encodeURIComponent(approver.email)}`,
      headers: admin.headers,
      payload: { language: 'en' },
    });
    expect([patched.statusCode, patched.json().language]).toEqual([200, 'en']);
    // A second approver of that role, created without a language: French, the default.
    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: {
        email: 'second.approver@cb2c.example',
        name: 'Second approbateur',
        role: (
          await ctx.db
            .selectFrom('users')
            .select('role')
            .where('company_id', '=', 'CB2C')
            .where('email', '=', approver.email)
            .executeTakeFirstOrThrow()
        ).role,
        password: 'Vingt-trois lanternes bleues au port',
      },
    });
    expect([created.statusCode, created.json().language]).toEqual([201, 'fr']);

    const first = await remindLateLimitRequests(later('2026-07-10T09:00:00Z'));
    expect(first.reminded.length).toBeGreaterThan(0);
    const again = await remindLateLimitRequests(later('2026-07-10T15:00:00Z'));
    expect(again.reminded).toEqual([]);
    const nextDay = await remindLateLimitRequests(later('2026-07-11T09:30:00Z'));
    expect(nextDay.reminded).toEqual(first.reminded);
    const mails = await ctx.db
      .selectFrom('mail_outbox')
      .select(['idempotency_key', 'subject'])
      .where('company_id', '=', 'CB2C')
      .where('idempotency_key', 'like', `limit_request_reminder:${first.reminded[0]}:%`)
      .orderBy('outbox_id')
      .execute();
    expect(new Set(mails.map((m) => m.idempotency_key.split(':')[2]))).toEqual(new Set(['1', '2']));
    const firstRound = await ctx.db
      .selectFrom('mail_outbox')
      .select(['idempotency_key', 'subject', 'text_body'])
      .where('company_id', '=', 'CB2C')
      .where('idempotency_key', 'like', 'limit_request_reminder:%:1:%')
      .execute();
    const toApprover = firstRound.filter((m) => m.idempotency_key.endsWith(`:${approver.email}`));
    const toOthers = firstRound.filter((m) => !m.idempotency_key.endsWith(`:${approver.email}`));
    expect(toApprover.length).toBeGreaterThan(0);
    for (const mail of toApprover) {
      expect(mail.subject).toMatch(/^Reminder: limit request no\. \d+ for .+ awaits your decision$/);
      // Amounts and dates in English too: « €12,000.00 », never « 12 000,00 € » or minor units.
      expect(mail.text_body).toMatch(/for €[\d,]+\.\d{2}, still awaits a decision/);
    }
    expect(toOthers.length).toBeGreaterThan(0);
    for (const mail of toOthers)
      expect(mail.subject).toMatch(
        /^Rappel : demande de limite n° \d+ pour .+ en attente de votre décision$/,
      );
  });
});

describe('signed ERP webhook', () => {
  const url = '/api/credit/order-check/webhook';
  let secret: string;
  const call = (body: string, headers: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: { 'content-type': 'application/json', 'x-encours-company': 'CB2C', ...headers },
    });

  beforeAll(async () => {
    const admin = await signIn(app, 'admin@cb2c.example');
    const made = await app.inject({
      method: 'POST',
      url: '/api/credit/webhook-secret',
      headers: admin.headers,
    });
    expect(made.statusCode, made.body).toBe(201);
    secret = made.json().secret;
  });

  it('answers a signed call with the decision, and refuses a replay, a bad signature and a stale call', async () => {
    const now = Math.floor(database.runtime.clock.now().getTime() / 1000);
    const body = JSON.stringify({
      customerCode: situation('receivership'),
      amountMinor: 150_000,
      orderRef: 'ERP-WH-1',
    });
    const signed = {
      'x-encours-timestamp': String(now),
      'x-encours-signature': signWebhook(secret, String(now), body),
    };
    const answer = await call(body, signed);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({
      decision: 'refuse',
      action: 'hold',
      orderRef: 'ERP-WH-1',
      status: 'refused',
    });
    expect((await call(body, signed)).statusCode).toBe(403);
    // The refusal is worded in the caller's language: French by default, English when asked.
    expect((await call(body, signed)).json().detail).toBe('Appel du webhook refusé\u00a0: appel déjà reçu');
    expect((await call(body, { ...signed, 'accept-language': 'en' })).json().detail).toBe(
      'The webhook call is refused: already received (replayed)',
    );
    const forged = { ...signed, 'x-encours-signature': signWebhook('whsec_wrong', String(now), body) };
    expect((await call(body, forged)).json()).toMatchObject({ status: 403 });
    const old = String(now - 600);
    const stale = await call(body, {
      'x-encours-timestamp': old,
      'x-encours-signature': signWebhook(secret, old, body),
    });
    expect(stale.statusCode).toBe(403);
    expect(stale.json().detail).toBe('Appel du webhook refusé\u00a0: horodatage hors délai');
    const decisions = await ctx.db
      .selectFrom('credit_order_decisions')
      .select(['order_ref', 'checked_by'])
      .where('company_id', '=', 'CB2C')
      .where('order_ref', '=', 'ERP-WH-1')
      .execute();
    expect(decisions).toEqual([{ order_ref: 'ERP-WH-1', checked_by: 'erp-webhook' }]);
  });
});
