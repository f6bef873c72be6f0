/**
 * The demo company's collection organisation, so that a first start shows the agenda per
 * collector working: the credit manager keeps the key accounts (the largest customers by what was
 * invoiced over the last twelve months), the collector works the others, and each has a target for
 * the reference month, set a little above what their portfolio paid the month before, as a credit
 * manager would set it.
 */
import { addDays } from '#core/calendar';
import type { DemoDataset } from '#demo/index';
import type { AppContext } from '../context.ts';
import { setCollectionTarget, targetProgress } from './collection-targets.ts';
import { assignPortfolio } from './collectors.ts';

/** How many of the largest customers the credit manager follows herself. */
const KEY_ACCOUNTS = 25;
/** This month's target against last month's collections: +5 %, rounded to the thousand euros. */
const TARGET_GROWTH_BP = 10_500;
const ROUND_TARGET_MINOR = 100_000;

function emailOf(dataset: DemoDataset, role: 'credit_manager' | 'collector'): string {
  const user = dataset.users.find((u) => u.role === role);
  if (!user) throw new Error(`demo user of role ${role} missing`);
  return user.email;
}

/** Customer codes by what they were invoiced in the twelve months to the reference date, largest first. */
function customersBySales(dataset: DemoDataset): string[] {
  const from = addDays(dataset.company.asOf, -365);
  const sales = new Map<string, number>(dataset.customers.map((c) => [c.code, 0]));
  for (const doc of dataset.documents)
    if (doc.kind === 'invoice' && doc.issueDate > from && doc.issueDate <= dataset.company.asOf)
      sales.set(doc.customerCode, (sales.get(doc.customerCode) ?? 0) + doc.amountMinor);
  return [...sales].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([code]) => code);
}

export async function seedDemoPortfolios(
  ctx: Omit<AppContext, 'companyId'>,
  dataset: DemoDataset,
): Promise<void> {
  const base: AppContext = { ...ctx, companyId: dataset.company.code, actor: 'demo', user: undefined };
  const manager = emailOf(dataset, 'credit_manager');
  const collector = emailOf(dataset, 'collector');
  const ranked = customersBySales(dataset);
  await assignPortfolio(base, { customerCodes: ranked.slice(0, KEY_ACCOUNTS), collector: manager });
  await assignPortfolio(base, { customerCodes: ranked.slice(KEY_ACCOUNTS), collector });
  const month = dataset.company.asOf.slice(0, 7);
  const endOfLastMonth = addDays(`${month}-01`, -1);
  for (const row of await targetProgress(base, endOfLastMonth)) {
    if (row.collector !== manager && row.collector !== collector) continue;
    const raised = Math.round((row.collectedMinor * TARGET_GROWTH_BP) / 10_000 / ROUND_TARGET_MINOR);
    const amountMinor = Math.max(1, raised) * ROUND_TARGET_MINOR;
    await setCollectionTarget(base, { collector: row.collector, month, amountMinor });
  }
}
