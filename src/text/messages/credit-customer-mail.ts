/**
 * What the e-mail of a held or refused order tells the customer (core/credit/customer-reasons.ts):
 * only what is its own — its overdue invoices, its order, its promotion — never the company's
 * limit, exposure, score or risk class. Amounts arrive formatted, codes as labels.
 */
export const creditCustomerMail = {
  fr: {
    'credit.customerReason.overdue_invoices': 'Factures échues restant à régler : {overdue}.',
    'credit.customerReason.order_element_missing': 'Élément manquant sur la commande : {element}.',
    'credit.customerReason.promotion_guarantee_missing':
      'La promotion {promotionCode} demande une garantie que la commande ne porte pas : {guarantee}.',
    'credit.customerReason.promotion_not_applicable':
      'La promotion {promotionCode} ne s’applique pas à cette commande.',
  },
  en: {
    'credit.customerReason.overdue_invoices': 'Overdue invoices still to be paid: {overdue}.',
    'credit.customerReason.order_element_missing': 'Missing from the order: {element}.',
    'credit.customerReason.promotion_guarantee_missing':
      'Promotion {promotionCode} requires a guarantee the order does not carry: {guarantee}.',
    'credit.customerReason.promotion_not_applicable':
      'Promotion {promotionCode} does not apply to this order.',
  },
};
