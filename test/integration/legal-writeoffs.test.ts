/**
 * Write-offs through the API on the small web company (K03 owes F1, 2 500,00 € due 31 March 2026,
 * unscored so judged as class D: a collector may write off nothing, the credit manager up to
 * 20 000 €, the director anything). A write-off needs the right role and never its proposer; the
 * approved one is a write_off document allocated to the invoice; the provision for doubtful debts
 * (100 % HT under a collective procedure) is then used on it. The claim-declaration letter of
 * the procedure declares principal, interest stopped at the judgment and the 40 € indemnity.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderClaimLetter } from '#app/legal/claim-letter';
import type { ApiServer } from '#http/api-types';
import type { TestDatabase } from '../support/test-db.ts';
import { openHttpFixture, type Session, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;
let julien: Session;
let claire: Session;
let philippe: Session;

beforeAll(async () => {
  ({ database, app } = await openHttpFixture());
  julien = await signIn(app, 'julien@web.test');
  claire = await signIn(app, 'claire@web.test');
  philippe = await signIn(app, 'philippe@web.test');
  // K03 in receivership since 15 April (as the BODACC watch records it).
  await database
    .context('WEB')
    .db.insertInto('legal_announcements')
    .values({
      company_id: 'WEB',
      announcement_id: 'A1',
      customer_code: 'K03',
      siren: '123456789',
      family: 'collective',
      procedure: 'receivership',
      judgment_kind: 'opening',
      judgment_date: '2026-04-15',
      publication_date: '2026-04-20',
      created_by: 'test',
    })
    .execute();
}, 600_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const propose = (session: Session, invoices: { ref: string; amountMinor?: number }[]) =>
  app.inject({
    method: 'POST',
    url: '/api/write-offs',
    headers: session.headers,
    payload: {
      customerCode: 'K03',
      invoices,
      reasonCode: 'insolvency',
      reason: 'Redressement judiciaire',
      vatRateBps: 2000,
    },
  });
const decide = (session: Session, id: number, decision: 'approve' | 'reject') =>
  app.inject({
    method: 'POST',
    url: `/api/write-offs/${id}/decision`,
    headers: session.headers,
    payload: { decision, ...(decision === 'reject' ? { comment: 'non' } : {}) },
  });
const provision = async (query: string) =>
  (await app.inject({ method: 'GET', url: `/api/provision?${query}`, headers: claire.headers })).json();

describe('write-offs', () => {
  it('provisions 100 % of the amount net of VAT under a collective procedure', async () => {
    const report = await provision('asOf=2026-04-30');
    expect(report.totalMinor).toBe(208_333);
    // The API gives the totals per currency too (the single figures are the company's currency's).
    expect(report.currency).toBe('EUR');
    expect(report.totals).toEqual([
      {
        currency: 'EUR',
        totalMinor: 208_333,
        byBasis: { age: 0, collective_procedure: 208_333, dispute: 0 },
      },
    ]);
    expect(report.lines[0]).toMatchObject({ ref: 'F1', basis: 'collective_procedure', netMinor: 208_333 });
  });

  it('gives each line what the write-offs page shows of it: customer, still owed with VAT, basis, rate', async () => {
    const report = await provision('asOf=2026-04-30');
    expect(report.lines).toEqual([
      {
        documentId: expect.any(Number),
        customerCode: 'K03',
        customerName: 'Client 3',
        ref: 'F1',
        issueDate: '2026-03-01',
        dueDate: '2026-03-31',
        openMinor: 250_000,
        currency: 'EUR',
        cases: ['collective_procedure'],
        postJudgment: false,
        vatRateBps: 2000,
        daysPastDue: 30,
        basis: 'collective_procedure',
        rateBps: 10_000,
        netMinor: 208_333,
        provisionMinor: 208_333,
      },
    ]);
  });

  it('words its refusals in the reader’s language: French by default, English when asked', async () => {
    const tooMuch = { ref: 'F1', amountMinor: 300_000 };
    const french = await propose(claire, [tooMuch]);
    expect(french.statusCode).toBe(400);
    expect(french.json().detail.replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'Passage en perte refusé : le montant indiqué pour F1 dépasse son reste dû de 2 500,00 €',
    );
    const english = await app.inject({
      method: 'POST',
      url: '/api/write-offs',
      headers: { ...claire.headers, 'accept-language': 'en-GB,en;q=0.8' },
      payload: { customerCode: 'K03', invoices: [tooMuch], reasonCode: 'insolvency', reason: 'RJ' },
    });
    expect(english.json().detail).toBe(
      'Write-off refused: the amount given for F1 exceeds the €2,500.00 it still has open',
    );
    const unknown = await app.inject({
      method: 'GET',
      url: '/api/write-offs/999?lang=en',
      headers: claire.headers,
    });
    expect([unknown.statusCode, unknown.json().detail]).toEqual([404, 'Unknown write-off proposal no. 999']);
  });

  it('needs a role the delegation matrix allows for the amount, and never the proposer', async () => {
    const first = await propose(claire, [{ ref: 'F1', amountMinor: 100_000 }]);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      amountMinor: 100_000,
      requiredRole: 'credit_manager',
      status: 'proposed',
    });
    expect(first.json().vatNoteText).toContain('CGI, art. 272-1');
    expect(first.json().vatNote).toMatchObject({ eligible: true, netMinor: 83_333, vatMinor: 16_667 });
    const id = first.json().proposalId;
    const collector = await decide(julien, id, 'approve'); // a collector: class D ceiling 0
    expect([collector.statusCode, collector.json().detail]).toEqual([
      403,
      // The French label of the role (was the English « Credit manager »).
      'Ce passage en perte requiert le rôle Responsable crédit ou un rôle supérieur',
    ]);
    expect((await decide(claire, id, 'approve')).statusCode).toBe(403); // her own proposal
    const approved = await decide(philippe, id, 'approve');
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: 'philippe@web.test' });
    const again = await decide(philippe, id, 'approve');
    expect([again.statusCode, again.json().detail]).toEqual([
      409,
      `Le passage en perte n°\u00a0${id} est déjà approuvé`,
    ]);

    const second = await propose(julien, [{ ref: 'F1' }]);
    expect(second.json().amountMinor).toBe(150_000); // what is still open
    expect((await decide(julien, second.json().proposalId, 'approve')).statusCode).toBe(403);
    expect((await decide(claire, second.json().proposalId, 'approve')).json().status).toBe('approved');
    expect((await propose(julien, [{ ref: 'F1' }])).statusCode).toBe(400); // nothing open any more
  });

  it('writes write_off documents allocated to the invoice, audited, and uses the provision', async () => {
    const db = database.context('WEB').db;
    const documents = await db
      .selectFrom('documents')
      .select(['external_ref', 'amount_minor', 'issue_date'])
      .where('company_id', '=', 'WEB')
      .where('kind', '=', 'write_off')
      .orderBy('external_ref')
      .execute();
    expect(documents).toEqual([
      { external_ref: 'WO-1', amount_minor: -100_000, issue_date: '2026-04-30' },
      { external_ref: 'WO-2', amount_minor: -150_000, issue_date: '2026-04-30' },
    ]);
    const customer = await app.inject({
      method: 'GET',
      url: '/api/write-offs?status=approved',
      headers: claire.headers,
    });
    expect(customer.json().items).toHaveLength(2);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('company_id', '=', 'WEB')
      .where('entity', '=', 'write_off')
      .orderBy('audit_id')
      .execute();
    expect(audit.map((row) => `${row.action}:${row.actor}`)).toEqual([
      'writeoff.propose:claire@web.test',
      'writeoff.approve:philippe@web.test',
      'writeoff.propose:julien@web.test',
      'writeoff.approve:claire@web.test',
    ]);
    const report = await provision('asOf=2026-04-30&from=2026-04-29');
    expect(report.totalMinor).toBe(0);
    expect(report.movements).toMatchObject({
      openingMinor: 208_333,
      allowanceMinor: 0,
      reversalMinor: 0,
      usedMinor: 208_333,
      closingMinor: 0,
      totals: [
        {
          currency: 'EUR',
          openingMinor: 208_333,
          allowanceMinor: 0,
          reversalMinor: 0,
          usedMinor: 208_333,
          closingMinor: 0,
        },
      ],
    });
    expect(report.movements.items).toMatchObject([{ ref: 'F1', currency: 'EUR' }]);
  });
});

describe('the claim-declaration letter', () => {
  it('declares principal, interest to the judgment and the indemnity of the overdue invoice', async () => {
    const ctx = database.context('WEB');
    await ctx.db
      .insertInto('legal_claims')
      .values({
        company_id: 'WEB',
        customer_code: 'K03',
        announcement_id: 'A1',
        procedure: 'receivership',
        judgment_date: '2026-04-15',
        publication_date: '2026-04-20',
        deadline: '2026-06-22',
        currency: 'EUR',
        principal_minor: 250_000,
        interest_minor: 1_234,
        secured: false,
        interest_status: 'computed',
        items: JSON.stringify([{ documentRef: 'F1', openMinor: 250_000, interestMinor: 1_234 }]),
        created_by: 'test',
      })
      .execute();
    const [claim] = await ctx.db
      .selectFrom('legal_claims')
      .select('claim_id')
      .where('company_id', '=', 'WEB')
      .execute();
    const letter = await renderClaimLetter(ctx, { claimId: claim!.claim_id });
    expect(letter.pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(letter.model.totals).toEqual({
      openMinor: 250_000,
      interestMinor: 1_234,
      indemnityMinor: 4_000,
      creditsMinor: 0,
      totalDueMinor: 255_234,
    });
    expect(letter.model.items[0]).toMatchObject({ documentRef: 'F1', dueDate: '2026-03-31', daysLate: 15 });
    expect(letter.model.text.intro.join(' ')).toContain('L622-24 et R622-23');
    expect(letter.model.text.demand.join(' ')).toContain('22\u00a0juin\u00a02026');
    const served = await app.inject({
      method: 'GET',
      url: `/api/legal/claims/${claim!.claim_id}/letter.pdf?mandataire=Ma%C3%AEtre%20Roche`,
      headers: claire.headers,
    });
    expect([served.statusCode, served.headers['content-type']]).toEqual([200, 'application/pdf']);
  });
});
