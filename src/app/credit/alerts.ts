/**
 * A class downgrade is an alert: an event in the customer's story, an audit entry, and a
 * notification to the credit managers and the customer's salesperson, each in their own language.
 */
import type { Kysely } from 'kysely';
import type { IsoDate } from '#core/types';
import { insertCustomerEvent, selectCustomerRow } from '#db/customers/customer-records';
import type { Database } from '#db/infra/schema';
import type { Lang } from '#text/catalogue';
import { formatDate, formatNumber } from '#text/format';
import { storyLine } from '#text/story';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { enqueueCreditMail, staffRecipientsWithLang } from './notify.ts';
import type { Downgrade } from './scoring.ts';
import type { MessageTemplates } from './templates.ts';

/** The roles told of every downgrade, besides the salesperson. */
const ALERTED_ROLES = ['credit_manager'] as const;

export async function raiseDowngradeAlerts(
  ctx: AppContext,
  db: Kysely<Database>,
  asOf: IsoDate,
  downgrades: readonly Downgrade[],
  templates: MessageTemplates,
): Promise<void> {
  if (downgrades.length === 0) return;
  const managers = await staffRecipientsWithLang(ctx, db, { roles: ALERTED_ROLES });
  for (const downgrade of downgrades) {
    const customer = await selectCustomerRow(db, ctx.companyId, downgrade.customerCode);
    if (!customer) continue;
    const valuesIn = (lang: Lang) => ({
      customer_name: customer.name,
      customer_code: customer.code,
      class_before: downgrade.from,
      class_after: downgrade.to,
      score_before: formatNumber(lang, downgrade.scoreBefore, 1),
      score_after: formatNumber(lang, downgrade.scoreAfter, 1),
      as_of: formatDate(lang, asOf),
    });
    await insertCustomerEvent(
      db,
      ctx.companyId,
      ctx.actor,
      {
        customerCode: customer.code,
        kind: 'risk_alert' as never,
        eventDate: asOf,
        documentRef: null,
        ...storyLine('credit.event.downgrade', {
          from: downgrade.from,
          to: downgrade.to,
          scoreBefore: { figure: downgrade.scoreBefore, decimals: 1 },
          scoreAfter: { figure: downgrade.scoreAfter, decimals: 1 },
        }),
      },
      ctx.clock.now(),
    );
    await recordAudit(ctx, db, {
      at: ctx.clock.now(),
      action: 'credit.downgrade',
      entity: 'credit_score',
      entityKey: customer.code,
      before: { riskClass: downgrade.from, score: downgrade.scoreBefore },
      after: { riskClass: downgrade.to, score: downgrade.scoreAfter, asOf },
    });
    const salespeople = customer.salesperson
      ? await staffRecipientsWithLang(ctx, db, { salesperson: customer.salesperson })
      : [];
    // One e-mail per address, in the language of that user's account.
    const recipients = new Map([...managers, ...salespeople].map((user) => [user.email, user.lang]));
    for (const [to, lang] of recipients) {
      await enqueueCreditMail(ctx, db, templates, {
        key: `risk_alert:${customer.code}:${asOf}:${downgrade.to}`,
        category: 'notification',
        template: 'risk_alert',
        lang,
        to,
        values: valuesIn(lang),
        customerCode: customer.code,
      });
    }
  }
}
