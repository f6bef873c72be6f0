/** Marketing promotions: their credit terms, the credit manager's decision, their effect, and the order-check reasons. */
const guaranteeFr =
  '{guarantee, select, bank_guarantee {caution bancaire} deposit {acompte} letter_of_credit {crédit documentaire} credit_insurance {assurance-crédit} retention_of_title {clause de réserve de propriété} parent_guarantee {garantie de la maison mère} other {garantie}}';
const guaranteeEn =
  '{guarantee, select, bank_guarantee {bank guarantee} deposit {deposit} letter_of_credit {letter of credit} credit_insurance {credit insurance} retention_of_title {retention of title} parent_guarantee {parent-company guarantee} other {guarantee}}';

export const promotions = {
  fr: {
    'credit.reason.promotion_not_usable':
      'La promotion {promotionCode} ne peut pas servir : {cause, select, not_approved {ses conditions ne sont pas approuvées par le crédit} not_started {elle n’a pas commencé} expired {elle est terminée} customer_not_eligible {ce client n’y a pas droit} payment_not_allowed {ce mode de paiement n’y est pas prévu} other {elle n’est pas utilisable}}.',
    'credit.reason.promotion_guarantee_missing': `La promotion {promotionCode} exige une garantie absente de la commande : ${guaranteeFr}.`,
    'promotions.title': 'Promotions commerciales',
    'promotions.guarantee': guaranteeFr,
    'promotions.status':
      '{status, select, submitted {À approuver} approved {Approuvée} rejected {Refusée} other {Inconnu}}',
    'promotions.none': 'Aucune promotion.',
    'promotions.column.code': 'Code',
    'promotions.column.name': 'Promotion',
    'promotions.column.terms': 'Conditions de paiement',
    'promotions.column.validity': 'Validité',
    'promotions.column.status': 'Statut',
    'promotions.column.orders': 'Commandes',
    'promotions.column.ordered': 'Montant commandé',
    'promotions.validity': 'du {from} au {to}',
    'promotions.submittedBy': 'Soumise par {user} le {date}',
    'promotions.decidedBy': 'Décision de {user} le {date}',
    'promotions.comment': 'Commentaire : {comment}',
    'promotions.methods': 'Modes de paiement : {methods}',
    'promotions.guarantees': 'Garanties exigées : {guarantees}',
    'promotions.eligible': 'Clients admis : {customers}',
    'promotions.eligibleAll': 'tous les clients',
    'promotions.effect': 'Effet au {asOf}',
    'promotions.effect.group':
      '{group, select, promotion {Factures sous la promotion} other {Autres factures de la période}}',
    'promotions.effect.line':
      '{group} : {count, plural, =0 {aucune facture} one {# facture} other {# factures}}, {invoiced} facturés, {open} restant dus dont {overdue} échus ({overdueRate}) ; délai moyen de paiement {daysToPay}, retard moyen {daysLate}.',
    'promotions.orders':
      '{count, plural, =0 {Aucune commande} one {# commande} other {# commandes}} pour {amount} : {approved} acceptées, {held} bloquées, {refused} refusées.',
    'promotions.approve': 'Approuver',
    'promotions.reject': 'Refuser',
    'promotions.submit': 'Soumettre',
    'promotions.decisionComment': 'Commentaire de décision',
    'promotions.field.code': 'Code',
    'promotions.field.name': 'Nom',
    'promotions.field.paymentTerms': 'Conditions de paiement accordées',
    'promotions.field.validFrom': 'Début',
    'promotions.field.validTo': 'Fin',
    'promotions.field.guarantees': 'Garanties exigées',
    'promotions.field.paymentMethods': 'Modes de paiement admis',
    'promotions.field.eligibleCustomers': 'Codes clients admis (vide = tous)',
    'promotions.field.eligibleCustomerTypes': 'Types de clients admis (vide = tous)',
  },
  en: {
    'credit.reason.promotion_not_usable':
      'Promotion {promotionCode} cannot be used: {cause, select, not_approved {credit has not approved its terms} not_started {it has not started} expired {it has ended} customer_not_eligible {this customer is not eligible} payment_not_allowed {this payment mode is not allowed under it} other {it is not usable}}.',
    'credit.reason.promotion_guarantee_missing': `Promotion {promotionCode} requires a guarantee the order lacks: ${guaranteeEn}.`,
    'promotions.title': 'Marketing promotions',
    'promotions.guarantee': guaranteeEn,
    'promotions.status':
      '{status, select, submitted {Awaiting approval} approved {Approved} rejected {Rejected} other {Unknown}}',
    'promotions.none': 'No promotions.',
    'promotions.column.code': 'Code',
    'promotions.column.name': 'Promotion',
    'promotions.column.terms': 'Payment terms',
    'promotions.column.validity': 'Validity',
    'promotions.column.status': 'Status',
    'promotions.column.orders': 'Orders',
    'promotions.column.ordered': 'Amount ordered',
    'promotions.validity': 'from {from} to {to}',
    'promotions.submittedBy': 'Submitted by {user} on {date}',
    'promotions.decidedBy': 'Decided by {user} on {date}',
    'promotions.comment': 'Comment: {comment}',
    'promotions.methods': 'Payment modes: {methods}',
    'promotions.guarantees': 'Guarantees required: {guarantees}',
    'promotions.eligible': 'Eligible customers: {customers}',
    'promotions.eligibleAll': 'every customer',
    'promotions.effect': 'Effect as of {asOf}',
    'promotions.effect.group':
      '{group, select, promotion {Invoices under the promotion} other {Other invoices of the period}}',
    'promotions.effect.line':
      '{group}: {count, plural, =0 {no invoices} one {# invoice} other {# invoices}}, {invoiced} invoiced, {open} still due of which {overdue} overdue ({overdueRate}); average time to pay {daysToPay}, average delay {daysLate}.',
    'promotions.orders':
      '{count, plural, =0 {No orders} one {# order} other {# orders}} for {amount}: {approved} accepted, {held} held, {refused} refused.',
    'promotions.approve': 'Approve',
    'promotions.reject': 'Reject',
    'promotions.submit': 'Submit',
    'promotions.decisionComment': 'Decision comment',
    'promotions.field.code': 'Code',
    'promotions.field.name': 'Name',
    'promotions.field.paymentTerms': 'Payment terms granted',
    'promotions.field.validFrom': 'Start',
    'promotions.field.validTo': 'End',
    'promotions.field.guarantees': 'Guarantees required',
    'promotions.field.paymentMethods': 'Payment modes allowed',
    'promotions.field.eligibleCustomers': 'Eligible customer codes (empty = all)',
    'promotions.field.eligibleCustomerTypes': 'Eligible customer types (empty = all)',
  },
} as const;
