/**
 * The kinds of situation planted in the demo company SA CB2C (`label(lang, 'demoSituation',
 * kind)`), as `encours demo --manifest` lists them; the codes are in `src/demo/demo-types.ts`.
 */
export const demo = {
  fr: {
    'demoSituation.over_limit_with_pending_orders': 'Plafond dépassé, commandes en attente',
    'demoSituation.receivership': 'Redressement judiciaire',
    'demoSituation.dispute': 'Facture contestée',
    'demoSituation.bounced_payment': 'Règlement impayé',
    'demoSituation.chronic_late_never_reminded': 'Retards chroniques jamais relancés',
    'demoSituation.salesperson_overdue_growing': 'Retards croissants d’un portefeuille commercial',
    'demoSituation.no_credit_limit_with_exposure': 'Encours sans plafond de crédit',
    'demoSituation.dso_drift': 'Dérive du DSO',
    'demoSituation.unapplied_cash': 'Règlement non affecté',
    'demoSituation.customer_group': 'Groupe de clients',
    'demoSituation.limit_request_waiting': 'Demande de plafond en attente',
    'demoSituation.insurer_cover_expired': 'Garantie d’assurance-crédit expirée',
    'demoSituation.risk_class_dropped': 'Classe de risque dégradée',
  },
  en: {
    'demoSituation.over_limit_with_pending_orders': 'Over the credit limit, orders pending',
    'demoSituation.receivership': 'Receivership',
    'demoSituation.dispute': 'Disputed invoice',
    'demoSituation.bounced_payment': 'Bounced payment',
    'demoSituation.chronic_late_never_reminded': 'Chronically late, never reminded',
    'demoSituation.salesperson_overdue_growing': "Growing overdue in a salesperson's portfolio",
    'demoSituation.no_credit_limit_with_exposure': 'Exposure without a credit limit',
    'demoSituation.dso_drift': 'DSO drift',
    'demoSituation.unapplied_cash': 'Unapplied payment',
    'demoSituation.customer_group': 'Customer group',
    'demoSituation.limit_request_waiting': 'Credit limit request waiting',
    'demoSituation.insurer_cover_expired': 'Credit insurance cover expired',
    'demoSituation.risk_class_dropped': 'Risk class dropped',
  },
} as const;
