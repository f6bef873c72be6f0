/**
 * Sends what the outbox holds, after the transactions that enqueued it committed.
 *
 * Delivery is at least once, never knowingly twice:
 * - a claim leases messages (FOR UPDATE SKIP LOCKED + lease token), so two dispatchers never
 *   send the same message at the same time, and a message marked sent is never claimed again
 *   (a trigger also refuses to move it out of 'sent');
 * - the edge SMTP cannot close: if the process dies after the server accepted the message and
 *   before 'sent' is written, the lease expires and the message is sent again. It carries the
 *   same Message-ID (chosen at enqueue), so mail clients and many servers fold the duplicate,
 *   but SMTP has no idempotent submission: the recipient may see it twice. The window is one
 *   SMTP round trip plus one UPDATE.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '#db/infra/schema';
import {
  claimDueMails,
  holdDueMails,
  markMailFailed,
  markMailSent,
  releaseMail,
} from '#db/mail/outbox-dispatch';
import type { MailRow } from '#db/mail/outbox-queries';
import type { Clock, Logger } from '../context.ts';
import { attachmentsOf } from './attachments.ts';
import { composeEml, envelopeOf } from './compose.ts';

export interface SentReceipt {
  /** What the server said it did with the message (e.g. "250 2.0.0 Ok: queued as 4F1B2"). */
  providerMessageId: string | null;
}

export interface MailTransport {
  /** Submits the raw message to the envelope's recipients; rejects with the server's error. */
  send(envelope: { from: string; to: string[] }, raw: Buffer): Promise<SentReceipt>;
  close?(): void;
}

export interface RetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  /** After this many failed attempts the message stays failed until someone retries it. */
  maxAttempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = { firstDelayMs: 30_000, maxDelayMs: 6 * 3600_000, maxAttempts: 10 };

export interface DispatchDeps {
  db: Kysely<Database>;
  clock: Clock;
  log: Logger;
  /** null: no SMTP configured, due messages are held. */
  transport: MailTransport | null;
  batchSize?: number;
  /** Longer than one SMTP submission can take (the transport's timeouts), with a margin. */
  leaseMs?: number;
  retry?: RetryPolicy;
}

export interface DispatchResult {
  sent: number;
  failed: number;
  held: number;
  /** Claimed but given back untried (server unreachable, lease running out). */
  released: number;
}

export const DEFAULT_LEASE_MS = 5 * 60_000;

/** The wait before attempt n+1 after n failed attempts, or null when no automatic retry remains. */
export function nextRetryDelayMs(failedAttempts: number, policy: RetryPolicy = DEFAULT_RETRY): number | null {
  if (failedAttempts >= policy.maxAttempts) return null;
  return Math.min(policy.firstDelayMs * 2 ** Math.max(0, failedAttempts - 1), policy.maxDelayMs);
}

/** SMTP 5xx: the server refuses this message for good (unknown mailbox, rejected content). */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500;
}

/** No SMTP reply at all: the server is unreachable, the rest of the batch would fail the same way. */
function isConnectionFailure(error: unknown): boolean {
  return typeof (error as { responseCode?: unknown }).responseCode !== 'number';
}

/** One pass: claims a batch of due messages of every company and sends them one by one. */
export async function dispatchOutbox(deps: DispatchDeps): Promise<DispatchResult> {
  const result: DispatchResult = { sent: 0, failed: 0, held: 0, released: 0 };
  const now = deps.clock.now();
  if (!deps.transport) {
    result.held = await holdDueMails(deps.db, now);
    return result;
  }
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const leaseToken = randomUUID();
  const claimed = await claimDueMails(deps.db, {
    now,
    leaseUntil,
    leaseToken,
    limit: deps.batchSize ?? 20,
  });
  for (let index = 0; index < claimed.length; index++) {
    const mail = claimed[index] as MailRow;
    // Keep a margin of half a lease: sending past its end could race a dispatcher re-claiming it.
    if (deps.clock.now().getTime() > leaseUntil.getTime() - leaseMs / 2) {
      result.released += await releaseRest(deps, claimed.slice(index), leaseToken, deps.clock.now());
      break;
    }
    const outcome = await sendOne(deps, deps.transport, mail, leaseToken);
    if (outcome === 'sent') result.sent++;
    else result.failed++;
    if (outcome === 'unreachable') {
      const retryAt = new Date(deps.clock.now().getTime() + (deps.retry ?? DEFAULT_RETRY).firstDelayMs);
      result.released += await releaseRest(deps, claimed.slice(index + 1), leaseToken, retryAt);
      break;
    }
  }
  return result;
}

async function releaseRest(
  deps: DispatchDeps,
  rest: MailRow[],
  leaseToken: string,
  retryAt: Date,
): Promise<number> {
  for (const mail of rest) await releaseMail(deps.db, mail, leaseToken, retryAt);
  return rest.length;
}

async function sendOne(
  deps: DispatchDeps,
  transport: MailTransport,
  mail: MailRow,
  leaseToken: string,
): Promise<'sent' | 'failed' | 'unreachable'> {
  let raw: Buffer;
  try {
    raw = await composeEml(mail, await attachmentsOf(deps.db, mail.companyId, mail.id));
  } catch (error) {
    // A message that cannot be built will not build better later.
    await markMailFailed(deps.db, mail, leaseToken, { error: (error as Error).message, retryAt: null });
    return 'failed';
  }
  let receipt: SentReceipt;
  try {
    receipt = await transport.send(envelopeOf(mail), raw);
  } catch (error) {
    const failedAttempts = mail.attempts + 1;
    const delayMs = isPermanent(error) ? null : nextRetryDelayMs(failedAttempts, deps.retry);
    const retryAt = delayMs === null ? null : new Date(deps.clock.now().getTime() + delayMs);
    const message = (error as Error).message || String(error);
    deps.log.warn('mail not sent', { companyId: mail.companyId, id: mail.id, error: message, retryAt });
    await markMailFailed(deps.db, mail, leaseToken, { error: message, retryAt });
    return isConnectionFailure(error) ? 'unreachable' : 'failed';
  }
  const recorded = await markMailSent(deps.db, mail, leaseToken, {
    sentAt: deps.clock.now(),
    providerMessageId: receipt.providerMessageId,
  });
  if (!recorded)
    deps.log.error('mail sent after its lease was lost; it may be sent twice', {
      companyId: mail.companyId,
      id: mail.id,
    });
  return 'sent';
}

/** Passes until one finds nothing due; bounded, since failures are re-queued for later only. */
export async function dispatchUntilDone(deps: DispatchDeps): Promise<DispatchResult> {
  const total: DispatchResult = { sent: 0, failed: 0, held: 0, released: 0 };
  for (let pass = 0; pass < 100; pass++) {
    const result = await dispatchOutbox(deps);
    total.sent += result.sent;
    total.failed += result.failed;
    total.held += result.held;
    total.released += result.released;
    if (result.sent + result.failed + result.released === 0 || result.released > 0) break;
  }
  return total;
}
