/**
 * Seeds the credit records of the demo company after its ledger is loaded: profiles, balance
 * sheets, covers (one expired) and the insurers' policies, scores at the end of 2025 and at the reference date (so one
 * customer's class visibly dropped), one held order in the queue and the limit request made for it.
 * The reference date's scores read the payment-date predictions stored that day, as the weekly
 * forecast job would have left them (the end-of-2025 scores have none: that criterion is missing).
 */

import { insertCover } from '#db/credit/cover-queries';
import { upsertBalanceSheets, upsertProfile } from '#db/credit/financial-data';
import { insertPolicy } from '#db/legal/insurance-queries';
import { CREDIT_PREVIOUS_SCORE_DATE, creditDemoPlan } from '#demo/credit-situations';
import type { DemoDataset } from '#demo/index';
import type { AppContext } from '../context.ts';
import { storeForecastSnapshot } from '../forecast/snapshot.ts';
import { requestLimit } from './limits.ts';
import { checkOrder } from './order-check.ts';
import { rescoreCustomers } from './scoring.ts';

export async function seedCreditDemo(
  ctx: Omit<AppContext, 'companyId'>,
  dataset: DemoDataset,
): Promise<void> {
  const companyId = dataset.company.code;
  const base: AppContext = { ...ctx, companyId, actor: 'demo', user: undefined };
  const plan = creditDemoPlan(dataset);
  await base.db.transaction().execute(async (trx) => {
    for (const profile of plan.profiles)
      await upsertProfile(trx, companyId, 'demo', {
        ...profile,
        externalGrade: null,
        externalGradeSource: null,
        externalGradeDate: null,
      });
    await upsertBalanceSheets(trx, companyId, 'demo', 'demo', plan.balanceSheets);
    for (const cover of plan.covers)
      await insertCover(trx, companyId, 'demo', {
        ...cover,
        requestedMinor: cover.grantedMinor,
        currency: 'EUR',
        reference: null,
      });
    // Without its insurer's policy a cover gives no declaration deadline for a threatened loss.
    for (const policy of plan.policies) await insertPolicy(trx, companyId, 'demo', policy);
  });
  await rescoreCustomers(base, { asOf: CREDIT_PREVIOUS_SCORE_DATE });
  // No model kept: the forecast pages train their own, and the stored run is all the scoring reads.
  await storeForecastSnapshot(base, { asOf: dataset.company.asOf, keepModel: false });
  await rescoreCustomers(base, { asOf: dataset.company.asOf });
  // The salesperson's order is held, then she asks for the limit that would let it through.
  const request = plan.limitRequest;
  const held = dataset.orders.find((order) => order.number === plan.heldOrderRef);
  if (held)
    await checkOrder(
      { ...base, actor: request.requestedBy },
      { customerCode: held.customerCode, amountMinor: held.amountMinor, orderRef: held.number },
    );
  await requestLimit(
    { ...base, actor: request.requestedBy },
    {
      customerCode: request.customerCode,
      requestedMinor: request.requestedMinor,
      justification: request.justification,
      orderRef: request.orderRef,
    },
  );
}
