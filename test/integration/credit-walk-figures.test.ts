/**
 * Credit and indicator figures a walk of the demo (30/06/2026) found disagreeing, read through the
 * API the pages use: a cover whose declaration deadline passed still insured the invoice, and a
 * group said 0 € insured beside a member insured for 135 000 €; « au-delà de la limite » counted 22
 * customers by balance where 30 panels show a negative « Disponible »; the receivership customer's
 * blocked order counted in its exposure but no queue listed it; « Pertes sur créances » were bank
 * charges, printed « -1 519,53 € ».
 */
import { describe, expect, it, vi } from 'vitest';
import { decideWriteOff, proposeWriteOff } from '#app/legal/write-offs';
import { runCli } from '#cli/run';
import { listOpenItems } from '#db/ledger/ledger-queries';
import { demoCompanyOfFile } from './demo-file.fixture.ts';
import { type Session, signIn } from './http-fixture.ts';

const demo = demoCompanyOfFile();

interface Panel {
  customerCode: string;
  availableMinor: number | null;
  exposure: {
    totalMinor: number;
    buckets: { bucket: string; amountMinor: number }[];
    insuredMinor: number;
    notGuaranteedMinor: number;
    notGuaranteed: { ref: string; openMinor: number; deadline: string }[];
  };
  cover: { grantedMinor: number; insuredShareBps: number } | null;
  group: { parentName: string; memberCodes: string[]; insuredMinor: number } | null;
}

let session: Session | undefined;
async function get<T>(url: string): Promise<T> {
  session ??= await signIn(demo.app, 'admin@cb2c.example');
  const response = await demo.app.inject({ method: 'GET', url, headers: session.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
}
async function post<T>(url: string, payload: Record<string, unknown>): Promise<T> {
  session ??= await signIn(demo.app, 'admin@cb2c.example');
  const response = await demo.app.inject({ method: 'POST', url, headers: session.headers, payload });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
}

/** Every customer's risk panel, read once: the reference each count is checked against. */
let panels: Map<string, Panel> | undefined;
async function allPanels(): Promise<Map<string, Panel>> {
  if (panels) return panels;
  const codes = await demo.ctx.db
    .selectFrom('customers')
    .select('code')
    .where('company_id', '=', 'CB2C')
    .orderBy('code')
    .execute();
  panels = new Map();
  for (const { code } of codes) panels.set(code, await get<Panel>(`/api/credit/customers/${code}/risk`));
  return panels;
}

const insuredOf = (coveredMinor: number, shareBps: number) => Math.round((coveredMinor * shareBps) / 10_000);

describe('a cover whose declaration deadline was missed', () => {
  it('no longer insures that invoice, in the panel, the group, the map and the insurance page', async () => {
    const panel = await get<Panel>('/api/credit/customers/C00032/risk');
    expect(panel.exposure.notGuaranteed).toEqual([
      { ref: 'F2025-002225', openMinor: 578_972, deadline: '2025-11-07' },
    ]);
    const cover = panel.cover!;
    const insurable = panel.exposure.totalMinor - 578_972;
    expect(panel.exposure.insuredMinor).toBe(
      insuredOf(Math.min(insurable, cover.grantedMinor), cover.insuredShareBps),
    );
    // 135 000 € before: the lapsed invoice was insured with the rest.
    expect(panel.exposure.insuredMinor).toBe(12_999_917);

    // The group is insured as its members are, each under its own cover.
    const all = await allPanels();
    const group = panel.group!;
    expect(group.parentName).toBe('Groupe Hyperdis');
    const members = group.memberCodes.map((code) => all.get(code)!.exposure.insuredMinor);
    expect(group.insuredMinor).toBe(members.reduce((sum, insured) => sum + insured, 0));
    expect(group.insuredMinor).toBeGreaterThan(panel.exposure.insuredMinor);

    // The map adds up the panels' insured parts and says what a late declaration left out.
    const map = await get<{ cells: { insuredMinor: number; notGuaranteedMinor: number }[] }>(
      '/api/credit/risk-map',
    );
    const panelsInsured = [...all.values()].reduce((sum, p) => sum + p.exposure.insuredMinor, 0);
    expect(map.cells.reduce((sum, cell) => sum + cell.insuredMinor, 0)).toBe(panelsInsured);
    expect(map.cells.reduce((sum, cell) => sum + cell.notGuaranteedMinor, 0)).toBe(578_972);

    // The insurance page says the invoice is no longer guaranteed; the others of the buyer are.
    const deadlines = await get<{
      items: { customerCode: string; ref: string; state: string; guaranteed: boolean }[];
    }>('/api/insurance/deadlines?all=true');
    const c32 = deadlines.items.filter((i) => i.customerCode === 'C00032');
    expect(c32.filter((i) => !i.guaranteed).map((i) => [i.ref, i.state])).toEqual([['F2025-002225', 'past']]);
    expect(c32.filter((i) => i.guaranteed).length).toBeGreaterThan(0);

    // Declaring it now: it is declared with the others, and left out of the insured share.
    const preview = await post<{
      outstandingMinor: number;
      grantedMinor: number;
      insuredShareBps: number;
      insuredMinor: number;
    }>('/api/insurance/claims/preview', { customerCode: 'C00032' });
    expect(preview.insuredMinor).toBe(
      insuredOf(Math.min(preview.outstandingMinor - 578_972, preview.grantedMinor), preview.insuredShareBps),
    );
  }, 600_000);
});

describe('customers « au-delà de la limite »', () => {
  it('are the customers whose panel shows a negative « Disponible », on every page', async () => {
    const all = await allPanels();
    const negative = [...all.values()]
      .filter((p) => p.availableMinor !== null && p.availableMinor < 0)
      .map((p) => p.customerCode);
    // Nordic Home: nothing invoiced, 23 048,34 € of orders against a 15 000 € limit.
    expect(negative).toContain('C00002');
    const summary = await get<{ overLimit: number }>('/api/portfolio/summary');
    const kpis = await get<{ customersOverLimit: number }>('/api/reports/kpis');
    const anomalies = await get<{ findings: { kind: string; customers: { code: string }[] }[] }>(
      '/api/reports/anomalies',
    );
    const finding = anomalies.findings.find((f) => f.kind === 'over_limit')!;
    expect([summary.overLimit, kpis.customersOverLimit, finding.customers.length]).toEqual([
      negative.length,
      negative.length,
      negative.length,
    ]);
    expect(finding.customers.map((c) => c.code).sort()).toEqual(negative);
  }, 600_000);
});

describe('the order the ERP blocked for the customer in receivership (C00105)', () => {
  it('went through the check and was refused for the proceedings; exposure and report agree', async () => {
    const orders = await get<{ items: { orderRef: string; status: string; reasons: { code: string }[] }[] }>(
      '/api/credit/orders?customerCode=C00105&lang=fr',
    );
    expect(orders.items.map((o) => [o.orderRef, o.status, o.reasons[0]?.code])).toEqual([
      ['CMD2026-001832', 'refused', 'insolvency_proceedings'],
    ]);
    // No order the ERP left pending or blocked is without a decision.
    const unchecked = await demo.ctx.db
      .selectFrom('orders as o')
      .leftJoin('credit_order_decisions as k', (join) =>
        join.onRef('k.company_id', '=', 'o.company_id').onRef('k.order_ref', '=', 'o.order_number'),
      )
      .select('o.order_number')
      .where('o.company_id', '=', 'CB2C')
      .where('o.status', 'in', ['pending', 'blocked'])
      .where('k.order_ref', 'is', null)
      .execute();
    expect(unchecked).toEqual([]);
    // The risk table counts the orders the exposure counts, customer by customer.
    const all = await allPanels();
    const table = await get<{ rows: { code: string; openOrdersMinor: number; pendingOrders: number }[] }>(
      '/api/reports/risk-table',
    );
    const ordersOf = (p: Panel) => p.exposure.buckets.find((b) => b.bucket === 'openOrders')!.amountMinor;
    const differ = table.rows.filter((row) => row.openOrdersMinor !== ordersOf(all.get(row.code)!));
    expect(differ).toEqual([]);
    expect(table.rows.find((row) => row.code === 'C00105')).toMatchObject({
      openOrdersMinor: 0,
      pendingOrders: 0,
    });
  }, 600_000);
});

describe('« Pertes sur créances »', () => {
  it('count the write-offs of bad debts, not the bank charges, and print as a loss', async () => {
    const kpis = await get<{ writeOffsMinor: number; settlementDifferencesMinor: number }>(
      '/api/reports/kpis',
    );
    // The 164 imported « Frais bancaires déduits par le client … » of invoices paid less the charges.
    const imported = await demo.ctx.db
      .selectFrom('documents')
      .select((eb) => eb.fn.sum<number>('amount_minor').as('total'))
      .where('company_id', '=', 'CB2C')
      .where('kind', '=', 'write_off')
      .where('issue_date', '>=', '2025-07-01')
      .executeTakeFirstOrThrow();
    expect(kpis).toMatchObject({ writeOffsMinor: 0, settlementDifferencesMinor: -Number(imported.total) });
    expect(kpis.settlementDifferencesMinor).toBe(151_953);

    // A debt written off through the write-off capability is a loss on receivables.
    const proposed = await proposeWriteOff(
      { ...demo.ctx, actor: 'claire.moreau@cb2c.example' },
      {
        customerCode: 'C00105',
        invoices: [{ ref: await oldestOpenInvoiceOf('C00105') }],
        reasonCode: 'insolvency',
        reason: 'Redressement judiciaire',
      },
    );
    await decideWriteOff(
      { ...demo.ctx, actor: 'philippe.lambert@cb2c.example' },
      { proposalId: proposed.proposalId, decision: 'approve' },
    );
    const after = await get<{ writeOffsMinor: number; settlementDifferencesMinor: number }>(
      '/api/reports/kpis',
    );
    expect(after).toMatchObject({
      writeOffsMinor: proposed.amountMinor,
      settlementDifferencesMinor: 151_953,
    });

    // The CLI prints both positively, and its negative figures with the minus sign.
    const text = await cliText(['report', 'kpis']);
    expect(text).toMatch(/Écarts de règlement passés en charge +1 519,53 €/);
    expect(text).toMatch(/Crédits non lettrés +\u2212\d/);
    expect(text).not.toMatch(/ -\d/);
  }, 600_000);
});

async function oldestOpenInvoiceOf(code: string): Promise<string> {
  const items = await listOpenItems(demo.ctx.db, 'CB2C', code, '2026-06-30');
  return items.find((item) => item.kind === 'invoice' && item.openMinor > 0)!.externalRef;
}

async function cliText(args: string[]): Promise<string> {
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write);
  const exitCodeBefore = process.exitCode;
  try {
    expect((await runCli(['--company', 'CB2C', ...args], { runtime: demo.database.runtime })) ?? 0).toBe(0);
  } finally {
    spy.mockRestore();
    process.exitCode = exitCodeBefore;
  }
  return stdout;
}
