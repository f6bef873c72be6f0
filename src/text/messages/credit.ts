/**
 * Credit decisions: scoring, risk panel, limits and their requests, insurer covers, the order
 * check and its reasons, held orders, messages. Amounts arrive formatted (`#text/format`), codes
 * as labels: a reason never shows a raw code or minor units.
 * `CREDIT_MAIL_TEMPLATES` are the default editable e-mail templates (LiquidJS, not ICU: they are
 * configuration a company may rewrite, stored as a versioned `message_templates` body).
 */
export const credit = {
  fr: {
    'jobKind.credit.rescore': 'Recalcul des scores de risque',
    'credit.reason.insolvency_proceedings':
      'Le client est en procédure collective ({status}) : aucune commande à crédit.',
    'credit.reason.account_closed': 'Le compte client est fermé.',
    'credit.reason.account_blocked': 'Le compte client est bloqué.',
    'credit.reason.currency_mismatch':
      'La commande est en {orderCurrency} alors que l’encours est suivi en {exposureCurrency}.',
    'credit.reason.new_customer_without_limit':
      'Nouveau client sans limite de crédit pour une commande de {order}.',
    'credit.reason.no_credit_limit':
      'Aucune limite de crédit n’est fixée pour ce client (commande de {order}).',
    'credit.reason.over_limit':
      'L’encours de {exposure} plus cette commande de {order} porterait l’exposition à {exposureAfter}, au-delà de la limite de {limit} (tolérance {tolerance}) : dépassement de {excess}.',
    'credit.reason.overdue_too_old':
      'La plus ancienne échéance impayée a {oldestOverdueDays, plural, one {# jour} other {# jours}} de retard (maximum {maxDays, plural, one {# jour} other {# jours}}) ; {overdue} échus.',
    'credit.reason.overdue_too_high': 'L’échu de {overdue} dépasse le maximum admis de {max}.',
    'credit.reason.risk_class': 'Le client est en classe de risque {riskClass} (score {score}).',
    'credit.reason.insurer_cover_lapsed':
      'La garantie de l’assureur-crédit n’est plus valable : {coverState}.',
    'credit.reason.order_kit_incomplete': 'Élément obligatoire manquant sur la commande : {element}.',
    'credit.reason.prepaid_exempt': 'Commande payée d’avance : aucun risque de crédit, elle passe.',
    'credit.reason.cod_exempt': 'Commande payable à la livraison : aucun risque de crédit, elle passe.',
    'credit.reason.within_rules':
      'Dans les règles : il restera {availableAfterOrder} disponibles après cette commande.',
    'creditDecision.approve': 'Acceptée',
    'creditDecision.hold': 'En attente de validation',
    'creditDecision.refuse': 'Refusée',
    'orderDecisionStatus.approved': 'Acceptée',
    'orderDecisionStatus.held': 'Bloquée',
    'orderDecisionStatus.released': 'Libérée',
    'orderDecisionStatus.refused': 'Refusée',
    'paymentMode.prepaid': 'Paiement d’avance',
    'paymentMode.cod': 'Paiement à la livraison',
    'paymentMode.terms': 'À échéance',
    'orderElement.purchase_order_number': 'numéro de bon de commande',
    'orderElement.delivery_address': 'adresse de livraison',
    'orderElement.signed_terms': 'conditions générales signées',
    'coverStatus.requested': 'Demandée',
    'coverStatus.granted': 'Accordée',
    'coverStatus.partial': 'Accordée partiellement',
    'coverStatus.refused': 'Refusée',
    'coverStatus.cancelled': 'Résiliée',
    'coverState.none': 'aucune garantie',
    'coverState.active': 'garantie active',
    'coverState.pending': 'demande en cours',
    'coverState.not_started': 'pas encore en vigueur',
    'coverState.expired': 'garantie expirée',
    'coverState.refused': 'garantie refusée',
    'coverState.cancelled': 'garantie résiliée',
    'coverState.other_currency': 'garantie dans une autre devise',
    'limitRequestStatus.pending': 'En attente',
    'limitRequestStatus.approved': 'Approuvée',
    'limitRequestStatus.refused': 'Refusée',
    'limitRequestStatus.cancelled': 'Annulée',
    'limitKind.permanent': 'Permanente',
    'limitKind.temporary': 'Temporaire',
    'criterionGroup.environment': 'Environnement',
    'criterionGroup.capital': 'Capitaux',
    'criterionGroup.directors': 'Dirigeants',
    'criterionGroup.payments': 'Règlements',
    'criterionGroup.conan_holder': 'Conan-Holder',
    'criterionGroup.external_grade': 'Cotation externe',
    'scoringCriterion.sector_risk': 'Risque du secteur',
    'scoringCriterion.sales_share_bps': 'Part de notre chiffre d’affaires',
    'scoringCriterion.equity_ratio_bps': 'Autonomie financière',
    'scoringCriterion.net_margin_bps': 'Marge nette',
    'scoringCriterion.ebe_to_debts_bps': 'EBE / dettes',
    'scoringCriterion.company_age_years': 'Ancienneté de l’entreprise',
    'scoringCriterion.legal_form': 'Forme juridique',
    'scoringCriterion.legal_incidents': 'Incidents juridiques',
    'scoringCriterion.average_days_late': 'Retard moyen de paiement',
    'scoringCriterion.late_share_bps': 'Part payée en retard',
    'scoringCriterion.payment_trend': 'Tendance des paiements',
    'scoringCriterion.bounced_payments': 'Impayés',
    'scoringCriterion.open_disputes': 'Litiges ouverts',
    'scoringCriterion.limit_usage_bps': 'Utilisation de la limite',
    'scoringCriterion.conan_holder_z': 'Score Conan-Holder',
    'scoringCriterion.external_grade': 'Cotation externe',
    'paymentTrend.improving': 'en amélioration',
    'paymentTrend.stable': 'stable',
    'paymentTrend.worsening': 'en dégradation',
    'sectorRisk.low': 'faible',
    'sectorRisk.medium': 'moyen',
    'sectorRisk.high': 'élevé',
    'sectorRisk.very_high': 'très élevé',
    'scoreStatus.scored': 'Noté',
    'scoreStatus.insufficient_data': 'Données insuffisantes',
    'eventKind.risk_alert': 'Alerte de risque',
    'eventKind.order_decision': 'Décision sur commande',
    'auditAction.credit.order_check': 'Commande contrôlée',
    'auditAction.credit.order_release': 'Commande libérée',
    'auditAction.credit.order_refuse': 'Commande refusée',
    'auditAction.credit.order_auto_release': 'Commande libérée automatiquement',
    'auditAction.credit.limit_change': 'Limite de crédit modifiée',
    'auditAction.credit.limit_request': 'Demande de limite',
    'auditAction.credit.limit_decision': 'Décision sur une demande de limite',
    'auditAction.credit.cover': 'Garantie assureur enregistrée',
    'auditAction.credit.config': 'Nouvelle version de configuration crédit',
    'auditAction.credit.financials': 'Données financières importées',
    'auditAction.credit.downgrade': 'Classe de risque dégradée',
    'auditEntity.order_decision': 'Décision sur commande',
    'auditEntity.credit_limit': 'Limite de crédit',
    'auditEntity.limit_request': 'Demande de limite',
    'auditEntity.insurer_cover': 'Garantie assureur',
    'auditEntity.credit_configuration': 'Configuration crédit',
    'auditEntity.credit_score': 'Score de risque',
    'mailCategory.order_hold': 'Commande en attente',
    'credit.event.downgrade': 'Classe de risque {from} → {to} (score {scoreBefore} → {scoreAfter}).',
    'credit.event.decision': 'Commande {orderRef} de {amount} : {decision}.',
    'credit.event.resolution': 'Commande {orderRef} : {status} par {actor}.',
    'credit.limit.reason.request': 'Demande n° {requestId} approuvée',
    'credit.limit.reason.manual': 'Modification manuelle',
    'credit.progress.rescore':
      '{customers, plural, =0 {aucun client noté} one {# client noté} other {# clients notés}}',
    'credit.cli.decision': 'Décision : {decision}',
    'credit.cli.figures':
      'Encours {exposure} · limite {limit} · disponible {available} · classe {riskClass} · score {score}',
    'credit.cli.approver': 'À valider par : {role}',
    'credit.cli.scored':
      '{customers, plural, =0 {aucun client noté} one {# client noté} other {# clients notés}} au {asOf} ({downgrades, plural, =0 {aucune dégradation} one {# dégradation} other {# dégradations}})',
    'credit.cli.score': '{customer} : score {score}, classe {riskClass} (méthode {version})',
    'credit.cli.noScore': '{customer} : données insuffisantes pour noter (méthode {version})',
    'credit.cli.noRequests': 'Aucune demande de limite en attente.',
    'credit.cli.request':
      'N° {id} · {customer} · {amount} · à valider par {role} avant le {due} · {justification}',
    'credit.web.riskPanel': 'Risque client',
    'credit.web.score': 'Score',
    'credit.web.class': 'Classe',
    'credit.web.method': 'Méthode',
    'credit.web.asOf': 'Au',
    'credit.web.notScored': 'Pas encore noté',
    'credit.web.rescore': 'Recalculer',
    'credit.web.criterion': 'Critère',
    'credit.web.group': 'Groupe',
    'credit.web.value': 'Valeur',
    'credit.web.points': 'Points',
    'credit.web.weight': 'Poids',
    'credit.web.contribution': 'Contribution',
    'credit.web.missing': 'Critères sans donnée',
    'credit.web.history': 'Historique du score',
    'credit.web.cover': 'Assurance-crédit',
    'credit.web.insurer': 'Assureur',
    'credit.web.granted': 'Montant garanti',
    'credit.web.insuredShare': 'Quotité',
    'credit.web.expiresOn': 'Échéance',
    'credit.web.noCover': 'Aucune garantie',
    'credit.web.limit': 'Limite en vigueur',
    'credit.web.exposure': 'Exposition',
    'credit.web.available': 'Disponible',
    'credit.web.heldOrders': 'Commandes bloquées',
    'credit.web.heldOrdersIntro':
      'Les commandes retenues par le contrôle de crédit, avec leurs raisons. Le rôle indiqué (ou un rôle supérieur) les libère ou les refuse.',
    'credit.web.order': 'Commande',
    'credit.web.customer': 'Client',
    'credit.web.amount': 'Montant',
    'credit.web.reasons': 'Raisons',
    'credit.web.approver': 'À valider par',
    'credit.web.checkedAt': 'Contrôlée le',
    'credit.web.comment': 'Commentaire',
    'credit.web.release': 'Libérer',
    'credit.web.refuse': 'Refuser',
    'credit.web.noHeldOrders': 'Aucune commande bloquée.',
    'credit.web.limitRequests': 'Demandes de limite',
    'credit.web.limitRequestsIntro':
      'Les demandes de limite de crédit à décider, selon la matrice de délégation.',
    'credit.web.requested': 'Limite demandée',
    'credit.web.justification': 'Justification',
    'credit.web.requestedBy': 'Demandée par',
    'credit.web.dueAt': 'À décider avant',
    'credit.web.approve': 'Approuver',
    'credit.web.noRequests': 'Aucune demande en attente.',
    'credit.web.scoring': 'Méthode de scoring',
    'credit.web.scoringIntro':
      'La méthode points de risque en vigueur. Une modification crée une nouvelle version ; l’aperçu montre les changements de classe qu’elle causerait.',
    'credit.web.version': 'Version',
    'credit.web.effectiveFrom': 'En vigueur à partir du',
    'credit.web.thresholds': 'Seuils des classes',
    'credit.web.preview': 'Aperçu',
    'credit.web.save': 'Enregistrer la nouvelle version',
    'credit.web.saved': 'Nouvelle version enregistrée.',
    'credit.web.changes':
      '{n, plural, =0 {aucun changement de classe} one {# client change de classe} other {# clients changent de classe}}',
    'credit.web.before': 'Avant',
    'credit.web.after': 'Après',
    'credit.web.done': 'C’est fait.',
    'credit.nav.heldOrders': 'Commandes bloquées',
    'credit.nav.limitRequests': 'Demandes de limite',
    'credit.nav.scoring': 'Scoring',
  },
  en: {
    'jobKind.credit.rescore': 'Risk score recalculation',
    'credit.reason.insolvency_proceedings':
      'The customer is in insolvency proceedings ({status}): no order on credit.',
    'credit.reason.account_closed': 'The customer account is closed.',
    'credit.reason.account_blocked': 'The customer account is blocked.',
    'credit.reason.currency_mismatch':
      'The order is in {orderCurrency} while the exposure is kept in {exposureCurrency}.',
    'credit.reason.new_customer_without_limit':
      'New customer without a credit limit, for an order of {order}.',
    'credit.reason.no_credit_limit': 'No credit limit is set for this customer (order of {order}).',
    'credit.reason.over_limit':
      'The exposure of {exposure} plus this order of {order} would bring it to {exposureAfter}, above the limit of {limit} (tolerance {tolerance}): {excess} over.',
    'credit.reason.overdue_too_old':
      'The oldest unpaid item is {oldestOverdueDays, plural, one {# day} other {# days}} late (at most {maxDays, plural, one {# day} other {# days}}); {overdue} overdue.',
    'credit.reason.overdue_too_high': 'The overdue amount of {overdue} is above the maximum of {max}.',
    'credit.reason.risk_class': 'The customer is in risk class {riskClass} (score {score}).',
    'credit.reason.insurer_cover_lapsed': 'The credit insurer’s cover no longer applies: {coverState}.',
    'credit.reason.order_kit_incomplete': 'A required element is missing from the order: {element}.',
    'credit.reason.prepaid_exempt': 'Prepaid order: no credit risk, it passes.',
    'credit.reason.cod_exempt': 'Cash on delivery: no credit risk, it passes.',
    'credit.reason.within_rules':
      'Within the rules: {availableAfterOrder} will remain available after this order.',
    'creditDecision.approve': 'Approved',
    'creditDecision.hold': 'Awaiting approval',
    'creditDecision.refuse': 'Refused',
    'orderDecisionStatus.approved': 'Approved',
    'orderDecisionStatus.held': 'Held',
    'orderDecisionStatus.released': 'Released',
    'orderDecisionStatus.refused': 'Refused',
    'paymentMode.prepaid': 'Prepaid',
    'paymentMode.cod': 'Cash on delivery',
    'paymentMode.terms': 'On terms',
    'orderElement.purchase_order_number': 'purchase order number',
    'orderElement.delivery_address': 'delivery address',
    'orderElement.signed_terms': 'signed terms and conditions',
    'coverStatus.requested': 'Requested',
    'coverStatus.granted': 'Granted',
    'coverStatus.partial': 'Partly granted',
    'coverStatus.refused': 'Refused',
    'coverStatus.cancelled': 'Cancelled',
    'coverState.none': 'no cover',
    'coverState.active': 'cover active',
    'coverState.pending': 'request pending',
    'coverState.not_started': 'not yet in force',
    'coverState.expired': 'cover expired',
    'coverState.refused': 'cover refused',
    'coverState.cancelled': 'cover cancelled',
    'coverState.other_currency': 'cover in another currency',
    'limitRequestStatus.pending': 'Pending',
    'limitRequestStatus.approved': 'Approved',
    'limitRequestStatus.refused': 'Refused',
    'limitRequestStatus.cancelled': 'Cancelled',
    'limitKind.permanent': 'Permanent',
    'limitKind.temporary': 'Temporary',
    'criterionGroup.environment': 'Environment',
    'criterionGroup.capital': 'Capital',
    'criterionGroup.directors': 'Directors',
    'criterionGroup.payments': 'Payments',
    'criterionGroup.conan_holder': 'Conan-Holder',
    'criterionGroup.external_grade': 'External grade',
    'scoringCriterion.sector_risk': 'Sector risk',
    'scoringCriterion.sales_share_bps': 'Share of our sales',
    'scoringCriterion.equity_ratio_bps': 'Equity ratio',
    'scoringCriterion.net_margin_bps': 'Net margin',
    'scoringCriterion.ebe_to_debts_bps': 'EBITDA / debts',
    'scoringCriterion.company_age_years': 'Age of the company',
    'scoringCriterion.legal_form': 'Legal form',
    'scoringCriterion.legal_incidents': 'Legal incidents',
    'scoringCriterion.average_days_late': 'Average days late',
    'scoringCriterion.late_share_bps': 'Share paid late',
    'scoringCriterion.payment_trend': 'Payment trend',
    'scoringCriterion.bounced_payments': 'Bounced payments',
    'scoringCriterion.open_disputes': 'Open disputes',
    'scoringCriterion.limit_usage_bps': 'Limit usage',
    'scoringCriterion.conan_holder_z': 'Conan-Holder score',
    'scoringCriterion.external_grade': 'External grade',
    'paymentTrend.improving': 'improving',
    'paymentTrend.stable': 'stable',
    'paymentTrend.worsening': 'worsening',
    'sectorRisk.low': 'low',
    'sectorRisk.medium': 'medium',
    'sectorRisk.high': 'high',
    'sectorRisk.very_high': 'very high',
    'scoreStatus.scored': 'Scored',
    'scoreStatus.insufficient_data': 'Not enough data',
    'eventKind.risk_alert': 'Risk alert',
    'eventKind.order_decision': 'Order decision',
    'auditAction.credit.order_check': 'Order checked',
    'auditAction.credit.order_release': 'Order released',
    'auditAction.credit.order_refuse': 'Order refused',
    'auditAction.credit.order_auto_release': 'Order released automatically',
    'auditAction.credit.limit_change': 'Credit limit changed',
    'auditAction.credit.limit_request': 'Limit request',
    'auditAction.credit.limit_decision': 'Limit request decided',
    'auditAction.credit.cover': 'Insurer cover recorded',
    'auditAction.credit.config': 'New credit configuration version',
    'auditAction.credit.financials': 'Financial data imported',
    'auditAction.credit.downgrade': 'Risk class downgraded',
    'auditEntity.order_decision': 'Order decision',
    'auditEntity.credit_limit': 'Credit limit',
    'auditEntity.limit_request': 'Limit request',
    'auditEntity.insurer_cover': 'Insurer cover',
    'auditEntity.credit_configuration': 'Credit configuration',
    'auditEntity.credit_score': 'Risk score',
    'mailCategory.order_hold': 'Order on hold',
    'credit.event.downgrade': 'Risk class {from} → {to} (score {scoreBefore} → {scoreAfter}).',
    'credit.event.decision': 'Order {orderRef} of {amount}: {decision}.',
    'credit.event.resolution': 'Order {orderRef}: {status} by {actor}.',
    'credit.limit.reason.request': 'Request no. {requestId} approved',
    'credit.limit.reason.manual': 'Manual change',
    'credit.progress.rescore':
      '{customers, plural, =0 {no customer scored} one {# customer scored} other {# customers scored}}',
    'credit.cli.decision': 'Decision: {decision}',
    'credit.cli.figures':
      'Exposure {exposure} · limit {limit} · available {available} · class {riskClass} · score {score}',
    'credit.cli.approver': 'To be approved by: {role}',
    'credit.cli.scored':
      '{customers, plural, =0 {no customer scored} one {# customer scored} other {# customers scored}} as of {asOf} ({downgrades, plural, =0 {no downgrade} one {# downgrade} other {# downgrades}})',
    'credit.cli.score': '{customer}: score {score}, class {riskClass} (method {version})',
    'credit.cli.noScore': '{customer}: not enough data to score (method {version})',
    'credit.cli.noRequests': 'No limit request pending.',
    'credit.cli.request':
      'No. {id} · {customer} · {amount} · to be approved by {role} before {due} · {justification}',
    'credit.web.riskPanel': 'Customer risk',
    'credit.web.score': 'Score',
    'credit.web.class': 'Class',
    'credit.web.method': 'Method',
    'credit.web.asOf': 'As of',
    'credit.web.notScored': 'Not scored yet',
    'credit.web.rescore': 'Recompute',
    'credit.web.criterion': 'Criterion',
    'credit.web.group': 'Group',
    'credit.web.value': 'Value',
    'credit.web.points': 'Points',
    'credit.web.weight': 'Weight',
    'credit.web.contribution': 'Contribution',
    'credit.web.missing': 'Criteria without data',
    'credit.web.history': 'Score history',
    'credit.web.cover': 'Credit insurance',
    'credit.web.insurer': 'Insurer',
    'credit.web.granted': 'Amount granted',
    'credit.web.insuredShare': 'Insured share',
    'credit.web.expiresOn': 'Expires',
    'credit.web.noCover': 'No cover',
    'credit.web.limit': 'Limit in force',
    'credit.web.exposure': 'Exposure',
    'credit.web.available': 'Available',
    'credit.web.heldOrders': 'Held orders',
    'credit.web.heldOrdersIntro':
      'Orders held by the credit check, with their reasons. The role shown (or a more senior one) releases or refuses them.',
    'credit.web.order': 'Order',
    'credit.web.customer': 'Customer',
    'credit.web.amount': 'Amount',
    'credit.web.reasons': 'Reasons',
    'credit.web.approver': 'To be approved by',
    'credit.web.checkedAt': 'Checked on',
    'credit.web.comment': 'Comment',
    'credit.web.release': 'Release',
    'credit.web.refuse': 'Refuse',
    'credit.web.noHeldOrders': 'No held order.',
    'credit.web.limitRequests': 'Limit requests',
    'credit.web.limitRequestsIntro': 'Credit limit requests to decide, following the delegation matrix.',
    'credit.web.requested': 'Limit requested',
    'credit.web.justification': 'Justification',
    'credit.web.requestedBy': 'Requested by',
    'credit.web.dueAt': 'Decide before',
    'credit.web.approve': 'Approve',
    'credit.web.noRequests': 'No pending request.',
    'credit.web.scoring': 'Scoring method',
    'credit.web.scoringIntro':
      'The points-of-risk method in force. A change creates a new version; the preview shows the class changes it would cause.',
    'credit.web.version': 'Version',
    'credit.web.effectiveFrom': 'In force from',
    'credit.web.thresholds': 'Class thresholds',
    'credit.web.preview': 'Preview',
    'credit.web.save': 'Save the new version',
    'credit.web.saved': 'New version saved.',
    'credit.web.changes':
      '{n, plural, =0 {no class change} one {# customer changes class} other {# customers change class}}',
    'credit.web.before': 'Before',
    'credit.web.after': 'After',
    'credit.web.done': 'Done.',
    'credit.nav.heldOrders': 'Held orders',
    'credit.nav.limitRequests': 'Limit requests',
    'credit.nav.scoring': 'Scoring',
  },
} as const;

export interface MailTemplate {
  subject: string;
  text: string;
}

/** Default e-mail templates by message and language (LiquidJS; variables already formatted). */
export const CREDIT_MAIL_TEMPLATES: Record<string, Record<'fr' | 'en', MailTemplate>> = {
  order_hold: {
    fr: {
      subject: 'Votre commande {{ order_ref }} est en attente de validation',
      text: `Bonjour,

Votre commande {{ order_ref }} du montant de {{ order_amount }} est en attente de validation par notre service crédit, pour les raisons suivantes :
{% for reason in reasons %}- {{ reason }}
{% endfor %}
Nous revenons vers vous très rapidement. Un règlement des échéances en retard permet de la libérer sans attendre.

Le service crédit de {{ company_name }}
`,
    },
    en: {
      subject: 'Your order {{ order_ref }} is awaiting approval',
      text: `Hello,

Your order {{ order_ref }} of {{ order_amount }} is awaiting approval by our credit department, for the following reasons:
{% for reason in reasons %}- {{ reason }}
{% endfor %}
We will come back to you shortly. Settling the overdue items releases it at once.

The credit department of {{ company_name }}
`,
    },
  },
  order_refusal: {
    fr: {
      subject: 'Votre commande {{ order_ref }} ne peut pas être validée',
      text: `Bonjour,

Nous ne pouvons pas valider votre commande {{ order_ref }} d’un montant de {{ order_amount }}, pour les raisons suivantes :
{% for reason in reasons %}- {{ reason }}
{% endfor %}{% if comment %}
{{ comment }}
{% endif %}
Une commande payée à la commande ou à la livraison reste possible.

Le service crédit de {{ company_name }}
`,
    },
    en: {
      subject: 'Your order {{ order_ref }} cannot be approved',
      text: `Hello,

We cannot approve your order {{ order_ref }} of {{ order_amount }}, for the following reasons:
{% for reason in reasons %}- {{ reason }}
{% endfor %}{% if comment %}
{{ comment }}
{% endif %}
An order paid in advance or on delivery remains possible.

The credit department of {{ company_name }}
`,
    },
  },
  staff_notification: {
    fr: {
      subject: 'Commande {{ order_ref }} de {{ customer_name }} : {{ decision }}',
      text: `Bonjour,

La commande {{ order_ref }} de {{ customer_name }} ({{ customer_code }}), d’un montant de {{ order_amount }}, est : {{ decision }}.
{% for reason in reasons %}- {{ reason }}
{% endfor %}
Encours : {{ exposure }} · limite : {{ limit }} · disponible : {{ available }}.
{% if approver_role %}À valider par : {{ approver_role }}.
{% endif %}{% if comment %}Commentaire : {{ comment }}
{% endif %}
Encours
`,
    },
    en: {
      subject: 'Order {{ order_ref }} of {{ customer_name }}: {{ decision }}',
      text: `Hello,

Order {{ order_ref }} of {{ customer_name }} ({{ customer_code }}), for {{ order_amount }}, is: {{ decision }}.
{% for reason in reasons %}- {{ reason }}
{% endfor %}
Exposure: {{ exposure }} · limit: {{ limit }} · available: {{ available }}.
{% if approver_role %}To be approved by: {{ approver_role }}.
{% endif %}{% if comment %}Comment: {{ comment }}
{% endif %}
Encours
`,
    },
  },
  risk_alert: {
    fr: {
      subject:
        'Alerte risque : {{ customer_name }} passe de la classe {{ class_before }} à {{ class_after }}',
      text: `Bonjour,

Le score de {{ customer_name }} ({{ customer_code }}) est passé de {{ score_before }} à {{ score_after }} au {{ as_of }} : classe {{ class_before }} → {{ class_after }}.

Encours
`,
    },
    en: {
      subject: 'Risk alert: {{ customer_name }} moves from class {{ class_before }} to {{ class_after }}',
      text: `Hello,

The score of {{ customer_name }} ({{ customer_code }}) went from {{ score_before }} to {{ score_after }} as of {{ as_of }}: class {{ class_before }} → {{ class_after }}.

Encours
`,
    },
  },
};
