/** The order-check webhook: the company's signing secret and the signatures already accepted. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export async function saveWebhookSecret(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  secret: string,
  at: Date,
): Promise<void> {
  await db
    .insertInto('credit_webhook_secrets')
    .values({ company_id: companyId, secret, created_by: actor, created_at: at })
    .onConflict((oc) => oc.column('company_id').doUpdateSet({ secret, created_by: actor, created_at: at }))
    .execute();
}

export async function findWebhookSecret(db: Kysely<Database>, companyId: string): Promise<string | null> {
  const row = await db
    .selectFrom('credit_webhook_secrets')
    .select('secret')
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return row?.secret ?? null;
}

/**
 * Records an accepted signature; false when it was already recorded (a replay). Signatures
 * older than the window are dropped on the way: their timestamp alone refuses them now.
 */
export async function recordWebhookDelivery(
  db: Kysely<Database>,
  companyId: string,
  delivery: { signature: string; signedAt: Date; receivedAt: Date; forgetBefore: Date },
): Promise<boolean> {
  await sql`delete from credit_webhook_deliveries
             where company_id = ${companyId} and signed_at < ${delivery.forgetBefore}`.execute(db);
  const result = await db
    .insertInto('credit_webhook_deliveries')
    .values({
      company_id: companyId,
      signature: delivery.signature,
      signed_at: delivery.signedAt,
      received_at: delivery.receivedAt,
    })
    .onConflict((oc) => oc.columns(['company_id', 'signature']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}
