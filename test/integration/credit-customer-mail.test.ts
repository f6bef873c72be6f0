/**
 * The e-mail a customer receives when its order is held or refused (issue 11): it comes from the
 * company, as its reminders do, and says only what is the customer's own — its order, its overdue
 * invoices, who to ask — never the limit, tolerance, exposure, score or class it was judged on,
 * which stay in the notification of the salesperson and the approver.
 */
import { describe, expect, it } from 'vitest';
import { checkOrder } from '#app/credit/order-check';
import { generateDemoDataset } from '#app/demo/demo';
import { getOutboxMessage, listOutbox } from '#app/mail/outbox';
import { creditDemoPlan } from '#demo/credit-situations';
import { demoCompanyOfFile } from './demo-file.fixture.ts';

const demo = demoCompanyOfFile();
// Intl separates thousands and currency signs with no-break spaces; compare with plain spaces.
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
/** What the company's credit department knows and a customer is never told. */
const INTERNAL =
  /limite|tolérance|exposition|score|classe|limit|tolerance|exposure|class|Redressement|receivership/i;

async function mailsOf(documentRef: string) {
  const { items } = await listOutbox(demo.ctx, { documentRef }, { limit: 20 });
  return Promise.all(items.map((item) => getOutboxMessage(demo.ctx, item.id)));
}

describe('the e-mail of a held order to the customer', () => {
  it('comes from the company and tells its overdue invoices, not the limit it is held on', async () => {
    const { heldOrderRef } = creditDemoPlan(generateDemoDataset());
    const mails = await mailsOf(heldOrderRef!);
    const [customer] = mails.filter((m) => m.category === 'order_hold');
    expect(customer?.to).toEqual(['compta@brunet-distribution.fr']);
    expect(customer?.from).toBe('"SA CB2C" <no-reply@encours.invalid>');
    expect(customer?.replyTo).toBe('recouvrement@cb2c.example');
    expect(spaced(customer?.text ?? '')).toBe(
      `Bonjour,

Votre commande ${heldOrderRef} d’un montant de 4 379,27 € est en cours d’examen par notre service crédit avant sa validation.

- Factures échues restant à régler : 13 377,28 €.

Le règlement de ces factures échues accélérera sa validation.

Nous revenons vers vous très rapidement. Pour toute question : Claire Moreau, 04 72 00 00 00, recouvrement@cb2c.example.

Le service crédit de SA CB2C
`,
    );
    expect(customer?.text).not.toMatch(INTERNAL);
    // The salesperson and the approver still read why: the limit and the excess.
    const staff = mails.filter((m) => m.category === 'notification');
    expect(staff.length).toBeGreaterThan(0);
    for (const mail of staff) {
      expect(spaced(mail.text)).toContain('au-delà de la limite de 20 000,00 € (tolérance 1 000,00 €)');
      expect(mail.from).toBe('Encours <no-reply@encours.invalid>');
    }
  });

  it('in English for a customer who reads English', async () => {
    const code = demo.situation('over_limit_with_pending_orders');
    await demo.ctx.db
      .updateTable('customers')
      .set({ language: 'en' })
      .where('company_id', '=', 'CB2C')
      .where('code', '=', code)
      .execute();
    const answer = await checkOrder(demo.ctx, {
      customerCode: code,
      amountMinor: 250_000,
      orderRef: 'CMD-EN-1',
    });
    expect(answer.decision).toBe('hold');
    const [customer] = (await mailsOf('CMD-EN-1')).filter((m) => m.category === 'order_hold');
    expect(customer?.subject).toBe('Your order CMD-EN-1 is awaiting approval');
    expect(spaced(customer?.text ?? '')).toContain(
      'Your order CMD-EN-1 of €2,500.00 is being reviewed by our credit department before it is approved.\n\n' +
        '- Overdue invoices still to be paid: €13,377.28.\n\nSettling these overdue invoices will speed up its approval.',
    );
    expect(customer?.text).not.toMatch(INTERNAL);
  });
});

describe('the e-mail of a refused order to the customer', () => {
  it('offers payment in advance without naming the proceedings it is refused for', async () => {
    const code = demo.situation('receivership');
    const answer = await checkOrder(demo.ctx, {
      customerCode: code,
      amountMinor: 80_000,
      orderRef: 'CMD-RJ-1',
    });
    expect(answer.decision).toBe('refuse');
    expect(answer.reasons.map((r) => r.code)).toContain('insolvency_proceedings');
    const [customer] = (await mailsOf('CMD-RJ-1')).filter((m) => m.category === 'order_refusal');
    expect(customer?.from).toBe('"SA CB2C" <no-reply@encours.invalid>');
    expect(spaced(customer?.text ?? '')).toContain(
      'Nous ne pouvons pas valider votre commande CMD-RJ-1 d’un montant de 800,00 € avec un paiement à échéance.\n\n' +
        'Une commande payée à la commande ou à la livraison reste possible.',
    );
    expect(customer?.text).not.toMatch(INTERNAL);
  });
});
