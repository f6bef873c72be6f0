/**
 * The reason of a dispute read from its words. A dispute imported as a line of the customer's story
 * (« Réclamation : colis endommagés à la livraison, réserves sur le bon du transporteur ») comes with
 * no reason code; its text usually says what the quarrel is about. Read in French and English,
 * accents and case ignored; null when nothing in it is telling (the caller keeps « Autre motif »).
 */
export type ReadDisputeReason = 'quality' | 'delivery' | 'price' | 'quantity';

const PRICE = /\b(prix|tarifs?|remises?|ristournes?|escomptes?|price[ds]?|pricing|discounts?|overcharged?)\b/;
const QUANTITY =
  /\b(quantites?|manquant(e|s|es)?|en trop|quantity|quantities|missing|shortages?|short[- ]shipped)\b/;
const DAMAGE = /\b(endommag\w*|abime\w*|casse\w*|ecrase\w*|damaged|broken|crushed)\b/;
const TRANSPORT =
  /\b(transporteurs?|livraisons?|livre(e|s|es)?|colis|palettes?|reserves|delivery|delivered|carriers?|shipments?|shipping|parcels?)\b/;
const QUALITY =
  /\b(retours?|retourne\w*|non[- ]conform\w*|defectu\w*|defauts?|qualite|en panne|returns?|returned|defects?|defective|faulty|quality|not as ordered)\b/;
const DELIVERY =
  /\b(transporteurs?|colis|palettes?|non livre\w*|pas (ete )?livre\w*|retard de livraison|delai de livraison|carriers?|not delivered|late delivery|undelivered)\b/;

function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function disputeReasonInText(text: string | null | undefined): ReadDisputeReason | null {
  if (!text) return null;
  const words = plain(text);
  if (PRICE.test(words)) return 'price';
  if (QUANTITY.test(words)) return 'quantity';
  // Goods damaged on the way are the carrier's and the logistics desk's, not a defect of the product.
  if (DAMAGE.test(words) && TRANSPORT.test(words)) return 'delivery';
  if (QUALITY.test(words) || DAMAGE.test(words)) return 'quality';
  if (DELIVERY.test(words)) return 'delivery';
  return null;
}
