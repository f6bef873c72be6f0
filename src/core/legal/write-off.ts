/**
 * Write-offs (passages en perte): which invoices a proposal covers and for how much, and the
 * VAT-recovery note. CGI art. 272-1 lets the seller recover the VAT paid on a debt that has become
 * definitively irrecoverable (liquidation, uncollectable): only those reasons open it — a small
 * balance or a commercial gesture is a loss with its VAT still due. Invoices carry no VAT split in
 * the ledger, so the HT/TVA split is computed from the rate the proposer gives, or left unknown.
 */
export const WRITE_OFF_REASONS = [
  'insolvency',
  'uncollectable',
  'small_balance',
  'commercial',
  'other',
] as const;
export type WriteOffReason = (typeof WRITE_OFF_REASONS)[number];

export interface OpenInvoice {
  documentId: number;
  ref: string;
  kind: string;
  issueDate: string;
  openMinor: number;
}

export interface WriteOffLine {
  documentId: number;
  ref: string;
  issueDate: string;
  amountMinor: number;
}

export interface RequestedLine {
  ref: string;
  /** Omitted: the whole open amount. */
  amountMinor?: number | undefined;
}

export type WriteOffProblem =
  | { code: 'no_invoice' }
  | { code: 'invoice_not_open'; ref: string }
  | { code: 'invoice_twice'; ref: string }
  | { code: 'amount_invalid'; ref: string }
  | { code: 'amount_above_open'; ref: string; openMinor: number };

/** The lines of a proposal against the customer's open debits, or the problems found. */
export function planWriteOff(
  open: readonly OpenInvoice[],
  requested: readonly RequestedLine[],
): { lines: WriteOffLine[]; problems: WriteOffProblem[] } {
  const byRef = new Map(open.filter((item) => item.openMinor > 0).map((item) => [item.ref, item]));
  const lines: WriteOffLine[] = [];
  const problems: WriteOffProblem[] = [];
  if (requested.length === 0) problems.push({ code: 'no_invoice' });
  const seen = new Set<string>();
  for (const line of requested) {
    if (seen.has(line.ref)) {
      problems.push({ code: 'invoice_twice', ref: line.ref });
      continue;
    }
    seen.add(line.ref);
    const invoice = byRef.get(line.ref);
    if (!invoice) {
      problems.push({ code: 'invoice_not_open', ref: line.ref });
      continue;
    }
    const amountMinor = line.amountMinor ?? invoice.openMinor;
    if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) {
      problems.push({ code: 'amount_invalid', ref: line.ref });
    } else if (amountMinor > invoice.openMinor) {
      problems.push({ code: 'amount_above_open', ref: line.ref, openMinor: invoice.openMinor });
    } else {
      lines.push({
        documentId: invoice.documentId,
        ref: invoice.ref,
        issueDate: invoice.issueDate,
        amountMinor,
      });
    }
  }
  return { lines, problems };
}

/** HT part of a VAT-inclusive amount at `rateBps`, rounded half up (the TVA is the rest, so HT + TVA = TTC). */
export function netOfVat(grossMinor: number, rateBps: number): number {
  const gross = BigInt(grossMinor);
  const divisor = BigInt(10_000 + rateBps);
  const sign = gross < 0n ? -1n : 1n;
  const magnitude = gross * sign;
  return Number(((2n * magnitude * 10_000n + divisor) / (2n * divisor)) * sign);
}

export interface VatRecoveryLine {
  ref: string;
  grossMinor: number;
  netMinor: number | null;
  vatMinor: number | null;
}

export interface VatRecoveryNote {
  /** Only a debt definitively irrecoverable opens the recovery (CGI art. 272-1). */
  eligible: boolean;
  lines: VatRecoveryLine[];
  grossMinor: number;
  netMinor: number | null;
  vatMinor: number | null;
}

export function isIrrecoverable(reason: WriteOffReason): boolean {
  return reason === 'insolvency' || reason === 'uncollectable';
}

export function vatRecoveryNote(
  reason: WriteOffReason,
  lines: readonly Pick<WriteOffLine, 'ref' | 'amountMinor'>[],
  vatRateBps: number | null,
): VatRecoveryNote {
  const noteLines = lines.map((line) => {
    const netMinor = vatRateBps === null ? null : netOfVat(line.amountMinor, vatRateBps);
    return {
      ref: line.ref,
      grossMinor: line.amountMinor,
      netMinor,
      vatMinor: netMinor === null ? null : line.amountMinor - netMinor,
    };
  });
  const sum = (values: (number | null)[]) =>
    values.some((value) => value === null)
      ? null
      : values.reduce<number>((total, value) => total + value!, 0);
  return {
    eligible: isIrrecoverable(reason),
    lines: noteLines,
    grossMinor: noteLines.reduce((total, line) => total + line.grossMinor, 0),
    netMinor: sum(noteLines.map((line) => line.netMinor)),
    vatMinor: sum(noteLines.map((line) => line.vatMinor)),
  };
}
