/**
 * The words of a bounce: the bank's return reason (a known camt or CFONB code, an unknown code, or a
 * person's words) and the line it adds to the customer's story.
 */
import type { StoryParam } from '#core/types';
import type { PaymentRow } from '#db/cash/bounce-queries';
import { hasMessage } from '#text/catalogue';
import { storyLine, storyParamText } from '#text/story';

/** A bank's return code in words (an unknown code is named as one; a person's words stay as typed). */
export function returnReasonText(lang: 'fr' | 'en', reason: string | null): string {
  return String(storyParamText(lang, returnReasonParam(reason)));
}

/** The return reason as a story parameter: a known code, an unknown one, or a person's words. */
function returnReasonParam(reason: string | null): StoryParam {
  if (reason === null || reason.trim() === '') return '';
  if (hasMessage(`cashReturnReason.${reason}`)) return { domain: 'cashReturnReason', code: reason };
  return /^[A-Z0-9]{2,4}$/.test(reason)
    ? { key: 'cash.bounce.reasonCode', params: { code: reason } }
    : reason;
}

/** The line of the customer's story: worded in the reader's language, French in `detail`. */
export function bounceStory(payment: PaymentRow, reason: string | null, feeMinor: number) {
  const reasonParam = returnReasonParam(reason);
  return storyLine('cash.bounce.eventDetail', {
    payment: payment.externalRef,
    amount: { minor: -payment.amountMinor, currency: payment.currency },
    reason: reasonParam,
    hasReason: reasonParam === '' ? 'no' : 'yes',
    fee: { minor: feeMinor, currency: payment.currency },
    hasFee: feeMinor > 0 ? 'yes' : 'no',
  });
}
