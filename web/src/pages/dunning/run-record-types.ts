/**
 * A run already sent as the pages read it back: its actions from the log (GET /api/dunning/actions,
 * src/http/routes/dunning-runs.ts), its delivery (GET /api/dunning/runs/{id}/delivery,
 * dunning-delivery.ts), and where a person finds each action's document.
 */
import type { Me } from '../../api.ts';
import type { RunTotals } from './RunTotalsModel.ts';

export type { RunHistoryItem, RunHistoryPage } from '../../../../src/http/schemas/dunning-run-history.ts';

export interface LoggedAction {
  actionId: number;
  runId: number | null;
  customerCode: string;
  customerName: string;
  actionDate: string;
  stepCode: string;
  stepKind: string;
  channel: string;
  currency: string;
  totalDueMinor: number;
  status: string;
  origin: string;
  outboxId: number | null;
  letterId: number | null;
  documentPath: string | null;
  /** A call task's action: its agenda task's status (open, done, cancelled); null otherwise. */
  taskStatus?: string | null;
  /** An e-mail: what became of it in the outbox; null: no e-mail. */
  delivery?: EmailDelivery | null;
}

export type EmailDelivery = 'sent' | 'failed' | 'held' | 'pending';

/** An e-mail that has not reached the customer: failed, held or still to send (not « Envoyée »). */
export const undelivered = (
  delivery: EmailDelivery | null | undefined,
): delivery is Exclude<EmailDelivery, 'sent'> =>
  delivery === 'failed' || delivery === 'held' || delivery === 'pending';

export interface ActionLog {
  total: number;
  items: LoggedAction[];
}

export interface RegisteredLetter {
  position: number;
  actionId: number;
  letterId: number | null;
  customerCode: string;
  customerName: string;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
  totalDueMinor: number;
  currency: string;
  /** What was recorded of the letter (POST /api/dunning/registered-letters/{id}/…); null: nothing yet. */
  tracking: RegisteredTracking | null;
}

/** A registered letter's La Poste number, deposit and outcome, as last recorded. */
export interface RegisteredTracking {
  /** In the slip's groups: « 1A 123 456 7890 1 ». */
  trackingNumber: string;
  depositedOn: string;
  outcome: 'delivered' | 'returned_unclaimed' | 'returned_unknown_address' | null;
  outcomeOn: string | null;
  recordedBy: string;
  recordedAt: string;
  /** Recordings made (more than one: completed or corrected). */
  entries: number;
}

export interface RunDelivery {
  runId: number;
  asOf: string;
  createdAt: string;
  createdBy: string;
  letters: number;
  batchFiles: { letterId: number; path: string }[];
  registeredLetters: RegisteredLetter[];
  emails: { queued: number; sent: number; failed: number; held: number };
  /** What the run claims, as its preview showed it, and its actions by kind (a call task sends nothing). */
  totals: RunTotals & { claimed: number; courtesy: number; callTasks: number };
}

/** Who may open a message of the outbox (GET /api/outbox/{id}: src/http/routes/outbox.ts). */
export const canReadOutbox = (me: Me | null) =>
  me?.user.role === 'admin' || me?.user.role === 'credit_manager' || me?.user.role === 'collector';

/** What an action sent that a person can open again: its letter (a PDF) or its e-mail as sent. */
export type ActionDocument =
  | { kind: 'letter'; href: string }
  | { kind: 'email'; to: string; delivery?: EmailDelivery | null | undefined };

export function actionDocument(
  action: Pick<LoggedAction, 'documentPath' | 'outboxId' | 'delivery'>,
  me: Me | null,
): ActionDocument | null {
  if (action.documentPath) return { kind: 'letter', href: action.documentPath };
  if (action.outboxId !== null && canReadOutbox(me))
    return { kind: 'email', to: `/outbox/${action.outboxId}`, delivery: action.delivery };
  return null;
}
