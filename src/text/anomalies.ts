/** Words of the anomaly findings: the kind's label and the title that states the finding's figures. */
import { formatMessage, type Lang } from './icu.ts';

const DETERIORATING = /^payment_delay_deteriorating_(\d+)m$/;

export function anomalyKindLabel(lang: Lang, kind: string): string | null {
  const months = DETERIORATING.exec(kind)?.[1];
  if (months)
    return formatMessage(lang, 'anomalyKind.payment_delay_deteriorating', { months: Number(months) }) ?? null;
  return formatMessage(lang, `anomalyKind.${kind}`) ?? null;
}

export interface TitledFinding {
  kind: string;
  evidence: Readonly<Record<string, unknown>>;
}

/**
 * The title of a finding: its kind's label, or a sentence with what it states (the salesperson,
 * the age threshold of unapplied credits, the months of a deterioration window).
 */
export function anomalyTitle(
  lang: Lang,
  finding: TitledFinding,
  thresholds: { unappliedCreditDays: number },
): string | null {
  const params = {
    days: thresholds.unappliedCreditDays,
    salesperson: String(finding.evidence['salesperson'] ?? ''),
  };
  return formatMessage(lang, `anomaly.title.${finding.kind}`, params) ?? anomalyKindLabel(lang, finding.kind);
}
