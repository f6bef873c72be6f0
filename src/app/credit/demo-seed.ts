/**
 * Seeds the credit records of the demo company after its ledger is loaded: profiles, balance
 * sheets, covers (one expired) and the insurers' policies, scores at the end of 2025 and at the reference date (so one
 * customer's class visibly dropped), the order check of every open order awaiting it (the held
 * ones wait in the queue) and the limit request made for the over-limit customer's held order.
 * An order the ERP blocked awaits the credit decision as a pending one does: left unchecked, it
 * counted in the exposure while no queue listed it, so nobody could release or refuse it (the
 * receivership customer's, which the rules refuse: proceedings).
 * The reference date's scores read the payment-date predictions stored that day, as the weekly
 * forecast job would have left them (the end-of-2025 scores have none: that criterion is missing).
 */

import { insertCover } from '#db/credit/cover-queries';
import { upsertBalanceSheets, upsertProfile } from '#db/credit/financial-data';
import { insertPolicy } from '#db/legal/insurance-queries';
import { CREDIT_PREVIOUS_SCORE_DATE, creditDemoPlan } from '#demo/credit-situations';
import type { DemoDataset } from '#demo/index';
import { type AppContext, fixedClock } from '../context.ts';
import { storeForecastSnapshot } from '../forecast/snapshot.ts';
import { requestLimit } from './limits.ts';
import { checkOrder } from './order-check.ts';
import { rescoreCustomers } from './scoring.ts';

/** The demo's orders still awaiting the credit check (pending or blocked in the ERP), oldest first. */
function awaitingCheck(dataset: DemoDataset) {
  return dataset.orders
    .filter((order) => order.status === 'pending' || order.status === 'blocked')
    .sort((a, b) => a.orderDate.localeCompare(b.orderDate) || a.number.localeCompare(b.number));
}

export async function seedCreditDemo(
  ctx: Omit<AppContext, 'companyId'>,
  dataset: DemoDataset,
): Promise<void> {
  const companyId = dataset.company.code;
  const base: AppContext = { ...ctx, companyId, actor: 'demo', user: undefined };
  const plan = creditDemoPlan(dataset);
  const at = base.clock.now();
  await base.db.transaction().execute(async (trx) => {
    for (const profile of plan.profiles)
      await upsertProfile(
        trx,
        companyId,
        'demo',
        { ...profile, externalGrade: null, externalGradeSource: null, externalGradeDate: null },
        at,
      );
    await upsertBalanceSheets(trx, companyId, 'demo', 'demo', plan.balanceSheets, at);
    for (const cover of plan.covers)
      await insertCover(
        trx,
        companyId,
        'demo',
        { ...cover, requestedMinor: cover.grantedMinor, currency: 'EUR', reference: null },
        at,
      );
    // Without its insurer's policy a cover gives no declaration deadline for a threatened loss.
    for (const policy of plan.policies) await insertPolicy(trx, companyId, 'demo', policy, at);
  });
  await rescoreCustomers(base, { asOf: CREDIT_PREVIOUS_SCORE_DATE });
  // No model kept: the forecast pages train their own, and the stored run is all the scoring reads.
  await storeForecastSnapshot(base, { asOf: dataset.company.asOf, keepModel: false });
  await rescoreCustomers(base, { asOf: dataset.company.asOf });
  // The open orders awaiting the credit check go through it as the ERP sends them, oldest first, so
  // the queue holds what the rules hold (the demo data's doing: no one of the company decided it).
  // The salesperson checked the order of the over-limit customer herself; it is held, and she asks
  // for the limit that would let it through.
  // They are checked on the reference date, as the company would have done that day: a demo dated
  // 30/06/2026 whose queue said « Contrôlée le » the day it was loaded would contradict itself.
  const onReferenceDate: AppContext = { ...base, clock: fixedClock(dataset.company.asOf) };
  const request = plan.limitRequest;
  for (const order of awaitingCheck(dataset))
    await checkOrder(
      order.number === plan.heldOrderRef
        ? { ...onReferenceDate, actor: request.requestedBy }
        : onReferenceDate,
      {
        customerCode: order.customerCode,
        amountMinor: order.amountMinor,
        currency: order.currency,
        orderRef: order.number,
      },
    );
  await requestLimit(
    { ...onReferenceDate, actor: request.requestedBy },
    {
      customerCode: request.customerCode,
      requestedMinor: request.requestedMinor,
      justification: request.justification,
      orderRef: request.orderRef,
    },
  );
}
