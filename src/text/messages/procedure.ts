/**
 * The policy replay (issue 16): the job, its progress, the comparison of the proposed policy with
 * the one in force, and the assumptions its estimates rest on. Amounts and dates arrive formatted.
 */
export const procedure = {
  fr: {
    'jobKind.procedure.replay': 'Rejeu de l’historique avec une politique proposée',
    'procedure.page.nav': 'Rejeu de politique',
    'procedure.page.title': 'Rejeu de l’historique avec une politique proposée',
    'procedure.page.intro':
      'L’historique du grand livre est rejoué jour par jour avec la politique proposée (contrôle des commandes, limites, méthode de score, relances) et avec la politique en vigueur, côte à côte. Le rejeu ne modifie rien.',
    'procedure.page.policy': 'Politique proposée (JSON, même forme que les configurations versionnées)',
    'procedure.page.version': 'ou nom d’une version enregistrée',
    'procedure.page.from': 'Du',
    'procedure.page.to': 'Au',
    'procedure.page.run': 'Rejouer',
    'procedure.page.invalidJson': 'La politique proposée n’est pas un JSON valide.',
    'procedure.page.failed': 'Le rejeu a échoué : {error}',
    'procedure.page.order': 'Commande',
    'procedure.page.customer': 'Client',
    'procedure.page.date': 'Date',
    'procedure.page.amount': 'Montant',
    'procedure.page.fate': 'Devenir',
    'procedure.page.reasons': 'Motifs proposés',
    'procedure.page.step': 'Étape',
    'procedure.page.channel': 'Canal',
    'procedure.page.invoices': 'Factures',
    'procedure.page.shown': '{shown, number} affichées sur {total, number}',
    'procedure.progress.loading': 'Lecture de l’historique du grand livre…',
    'procedure.progress.replay': 'Rejeu jour par jour : {day} atteint',
    'procedure.replay.title': 'Rejeu de la procédure du {from} au {to}',
    'procedure.replay.subtitle': 'Politique en vigueur comparée à la proposition « {proposed} »',
    'procedure.replay.column.indicator': 'Indicateur',
    'procedure.replay.column.current': 'Politique en vigueur',
    'procedure.replay.column.proposed': 'Proposition',
    'procedure.replay.ordersChecked': 'Commandes rejugées (celles de la période, annulées exceptées)',
    'procedure.replay.ordersApproved': 'Commandes que ses règles acceptent',
    'procedure.replay.ordersHeld': 'Commandes que ses règles bloquent',
    'procedure.replay.ordersRefused': 'Commandes que ses règles refusent',
    'procedure.replay.heldOrRefused': 'Montant que ses règles bloquent ou refusent',
    'procedure.replay.ordersNote':
      'Commandes : chaque politique rejuge avec ses règles toutes les commandes de la période, annulées exceptées, livrées et facturées comprises, au jour de leur contrôle enregistré, sinon de la commande. Ce sont les décisions que ces règles auraient prises, non les commandes réellement bloquées : {recorded, plural, =0 {aucune de ces commandes n’a de contrôle enregistré} one {une seule de ces commandes a un contrôle enregistré} other {# de ces commandes ont un contrôle enregistré}}.',
    'procedure.replay.reminders': 'Relances envoyées',
    'procedure.replay.invoicesReminded': 'Factures relancées',
    'procedure.replay.effects': 'Effets estimés de la proposition',
    'procedure.replay.ordersStopped':
      '{count, plural, =0 {Aucune commande acceptée aujourd’hui ne serait bloquée} one {# commande acceptée aujourd’hui serait bloquée ou refusée} other {# commandes acceptées aujourd’hui seraient bloquées ou refusées}} ({amount})',
    'procedure.replay.exposureAvoided': 'Encours évité (restant dû en fin de période) : {amount}',
    'procedure.replay.overdueAvoided': 'Retards évités en fin de période : {amount} (échu total : {total})',
    'procedure.replay.badDebtsAvoided':
      'Pertes évitées (passages en perte) : {amount} (pertes de la période : {total})',
    'procedure.replay.dso':
      'DSO en fin de période : {current} jours aujourd’hui, {proposed} jours avec la proposition',
    'procedure.replay.salesForgone': 'Ventes perdues (commandes arrêtées puis payées) : {amount}',
    'procedure.replay.ordersReleased':
      '{count, plural, =0 {Aucune commande bloquée aujourd’hui ne passerait} one {# commande bloquée aujourd’hui passerait} other {# commandes bloquées aujourd’hui passeraient}}',
    'procedure.replay.firstReminder':
      'Première relance : {days} {direction, select, earlier {plus tôt} other {plus tard}} en moyenne ; {count, plural, =0 {aucune facture nouvellement relancée} one {# facture relancée par la seule proposition} other {# factures relancées par la seule proposition}}',
    'procedure.replay.firstReminderNone': 'Aucune facture relancée par les deux politiques',
    'procedure.replay.fidelity':
      'Contrôle : la politique en vigueur rejouée reproduit {ordersMatching} des {ordersCompared} décisions de commande enregistrées et {remindersMatching} des {remindersRecorded} étapes de relance envoyées par Encours (une par facture et par jour), chaque jour de relance rejoué depuis le journal tel qu’il était ce jour-là',
    'procedure.replay.ordersHeading': 'Commandes que la proposition aurait bloquées ou refusées',
    'procedure.replay.remindersHeading': 'Relances que la proposition aurait envoyées',
    'procedure.replay.orderLine':
      '{ref} · {customer} · {date} · {amount} · aujourd’hui : {current} · proposition : {proposed} · {fate}',
    'procedure.replay.reminderLine':
      '{date} · {customer} · {step} ({channel}) · {count, plural, one {# facture} other {# factures}} · {amount}',
    'procedure.replay.more': '… et {count, plural, one {# autre} other {# autres}}',
    'procedure.replay.scoring':
      'Méthode de score « {method} » : {customers, plural, =0 {aucun client re-noté} one {# client re-noté} other {# clients re-notés}}, {changed, plural, =0 {aucun dans une autre classe en fin de période} one {# dans une autre classe en fin de période} other {# dans une autre classe en fin de période}} ; {scoringsChanged} des {scorings} notations donnent une autre classe',
    'procedure.replay.migrationHeading':
      'Changements de classe en fin de période (classe enregistrée → classe proposée)',
    'procedure.replay.migrationLine': '{from} → {to} : {count, plural, one {# client} other {# clients}}',
    'procedure.replay.unscored': 'non noté',
    'procedure.replay.noClassChange': 'aucun',
    'procedure.replay.proposedDunning': 'Politiques de relance de la proposition : {policies}',
    'procedure.page.classFrom': 'Classe enregistrée',
    'procedure.page.classTo': 'Classe proposée',
    'procedure.page.customers': 'Clients',
    'procedure.replay.assumptions': 'Hypothèses',
    'procedure.decision.approve': 'acceptée',
    'procedure.decision.hold': 'bloquée',
    'procedure.decision.refuse': 'refusée',
    'procedure.reason.insolvency_proceedings': 'procédure collective',
    'procedure.reason.account_closed': 'compte fermé',
    'procedure.reason.account_blocked': 'compte bloqué',
    'procedure.reason.currency_mismatch': 'devise différente',
    'procedure.reason.new_customer_without_limit': 'nouveau client sans limite',
    'procedure.reason.no_credit_limit': 'aucune limite',
    'procedure.reason.over_limit': 'dépassement de limite',
    'procedure.reason.group_over_limit': 'dépassement de la limite du groupe',
    'procedure.reason.overdue_too_old': 'retard trop ancien',
    'procedure.reason.overdue_too_high': 'échu trop élevé',
    'procedure.reason.risk_class': 'classe de risque',
    'procedure.reason.insurer_cover_lapsed': 'garantie d’assurance caduque',
    'procedure.reason.order_kit_incomplete': 'dossier de commande incomplet',
    'procedure.reason.promotion_not_usable': 'promotion inutilisable',
    'procedure.reason.promotion_guarantee_missing': 'garantie de la promotion manquante',
    'procedure.reason.prepaid_exempt': 'payée d’avance',
    'procedure.reason.cod_exempt': 'payable à la livraison',
    'procedure.reason.within_rules': 'dans les règles',
    'procedure.reason.public_body_no_limit': 'organisme public\u00a0: pas de limite requise',
    'procedure.fate.paid': 'payée à l’échéance',
    'procedure.fate.paid_late': 'payée en retard',
    'procedure.fate.open': 'encore due',
    'procedure.fate.written_off': 'passée en perte',
    'procedure.fate.not_invoiced': 'non facturée',
    'procedure.assumption.payments_as_recorded':
      'Les clients paient aux dates enregistrées : le rejeu ne réécrit pas l’historique des règlements.',
    'procedure.assumption.stopped_orders_not_shipped':
      'Une commande bloquée ou refusée n’aurait pas été livrée ni facturée : son reste dû et ses pertes sont évités.',
    'procedure.assumption.orders_judged_on_check_day':
      'Chaque commande est jugée le jour de son contrôle enregistré, sinon le jour de la commande, sur l’encours de ce jour.',
    'procedure.assumption.status_and_cover_today':
      'Le statut du client, sa limite permanente et sa garantie d’assurance-crédit sont ceux d’aujourd’hui sur toute la période.',
    'procedure.assumption.status_and_limit_today':
      'Le statut du client et sa limite permanente sont ceux d’aujourd’hui sur toute la période\u00a0; sa garantie d’assurance-crédit est, chaque jour, la version enregistrée en vigueur ce jour-là.',
    'procedure.assumption.scores_as_recorded':
      'La classe de risque d’un jour est le dernier score enregistré à cette date (la proposition garde la méthode de score).',
    'procedure.assumption.scores_rescored':
      'La proposition re-note chaque client avec sa méthode de score aux dates où un score a été enregistré pour lui (le dernier avant la période, puis ceux de la période), sur les données de ce score : comportement de paiement à cette date, bilans clos à cette date (la date de dépôt n’est pas connue : un bilan compte dès sa clôture), profil tel qu’il était alors. Un client jamais noté reste sans classe ; une date où la méthode manque de données garde la classe précédente. La politique en vigueur garde les classes enregistrées.',
    'procedure.assumption.rescored_limit_lowered':
      'Un client que la méthode proposée classe plus mal que sa classe enregistrée voit sa limite ramenée, dès cette date, à la limite recommandée pour sa nouvelle classe (part des ventes des 12 mois, plancher, plafond, garantie d’aujourd’hui) quand elle est plus basse ; une meilleure classe ne relève aucune limite.',
    'procedure.assumption.dunning_business_days':
      'La relance tourne chaque jour ouvré, à partir des relances envoyées avant la période.',
    'procedure.assumption.reminders_do_not_move_payments':
      'Une relance plus précoce n’est pas supposée avancer le paiement : son effet est donné en jours d’avance, pas en DSO.',
    'procedure.assumption.dso_simple_365':
      'DSO simple : créances en fin de période ÷ chiffre d’affaires facturé des 365 derniers jours × 365.',
  },
  en: {
    'jobKind.procedure.replay': 'History replay through a proposed policy',
    'procedure.page.nav': 'Policy replay',
    'procedure.page.title': 'History replay through a proposed policy',
    'procedure.page.intro':
      'The ledger’s history is replayed day by day through the proposed policy (order check, limits, scoring method, dunning) and through the policy in force, side by side. The replay changes nothing.',
    'procedure.page.policy': 'Proposed policy (JSON, shaped like the versioned configurations)',
    'procedure.page.version': 'or the name of a stored version',
    'procedure.page.from': 'From',
    'procedure.page.to': 'To',
    'procedure.page.run': 'Replay',
    'procedure.page.invalidJson': 'The proposed policy is not valid JSON.',
    'procedure.page.failed': 'The replay failed: {error}',
    'procedure.page.order': 'Order',
    'procedure.page.customer': 'Customer',
    'procedure.page.date': 'Date',
    'procedure.page.amount': 'Amount',
    'procedure.page.fate': 'Fate',
    'procedure.page.reasons': 'Proposed reasons',
    'procedure.page.step': 'Step',
    'procedure.page.channel': 'Channel',
    'procedure.page.invoices': 'Invoices',
    'procedure.page.shown': '{shown, number} shown of {total, number}',
    'procedure.progress.loading': 'Reading the ledger history…',
    'procedure.progress.replay': 'Replaying day by day: reached {day}',
    'procedure.replay.title': 'Procedure replay from {from} to {to}',
    'procedure.replay.subtitle': 'Policy in force compared with the proposal “{proposed}”',
    'procedure.replay.column.indicator': 'Indicator',
    'procedure.replay.column.current': 'Policy in force',
    'procedure.replay.column.proposed': 'Proposal',
    'procedure.replay.ordersChecked': 'Orders re-judged (those of the period, cancelled ones aside)',
    'procedure.replay.ordersApproved': 'Orders its rules approve',
    'procedure.replay.ordersHeld': 'Orders its rules hold',
    'procedure.replay.ordersRefused': 'Orders its rules refuse',
    'procedure.replay.heldOrRefused': 'Amount its rules hold or refuse',
    'procedure.replay.ordersNote':
      'Orders: each policy re-judges with its rules every order of the period, cancelled ones aside, delivered and invoiced ones included, on the day of its recorded check, else of the order. These are the decisions those rules would have taken, not the orders actually held: {recorded, plural, =0 {none of these orders has a recorded check} one {only one of these orders has a recorded check} other {# of these orders have a recorded check}}.',
    'procedure.replay.reminders': 'Reminders sent',
    'procedure.replay.invoicesReminded': 'Invoices reminded',
    'procedure.replay.effects': 'Estimated effects of the proposal',
    'procedure.replay.ordersStopped':
      '{count, plural, =0 {No order approved today would be stopped} one {# order approved today would be held or refused} other {# orders approved today would be held or refused}} ({amount})',
    'procedure.replay.exposureAvoided': 'Exposure avoided (still owed at the end): {amount}',
    'procedure.replay.overdueAvoided': 'Overdue avoided at the end: {amount} (total overdue: {total})',
    'procedure.replay.badDebtsAvoided':
      'Bad debts avoided (write-offs): {amount} (write-offs of the period: {total})',
    'procedure.replay.dso': 'DSO at the end: {current} days today, {proposed} days with the proposal',
    'procedure.replay.salesForgone': 'Sales forgone (stopped orders that were paid): {amount}',
    'procedure.replay.ordersReleased':
      '{count, plural, =0 {No order stopped today would pass} one {# order stopped today would pass} other {# orders stopped today would pass}}',
    'procedure.replay.firstReminder':
      'First reminder: {days} {direction, select, earlier {earlier} other {later}} on average; {count, plural, =0 {no newly reminded invoice} one {# invoice reminded by the proposal only} other {# invoices reminded by the proposal only}}',
    'procedure.replay.firstReminderNone': 'No invoice reminded under both policies',
    'procedure.replay.fidelity':
      'Check: the policy in force, replayed, reproduces {ordersMatching} of {ordersCompared} recorded order decisions and {remindersMatching} of {remindersRecorded} dunning steps sent by Encours (one per invoice and day), each dunning day replayed from the log as it stood that day',
    'procedure.replay.ordersHeading': 'Orders the proposal would have held or refused',
    'procedure.replay.remindersHeading': 'Reminders the proposal would have sent',
    'procedure.replay.orderLine':
      '{ref} · {customer} · {date} · {amount} · today: {current} · proposal: {proposed} · {fate}',
    'procedure.replay.reminderLine':
      '{date} · {customer} · {step} ({channel}) · {count, plural, one {# invoice} other {# invoices}} · {amount}',
    'procedure.replay.more': '… and {count, plural, one {# more} other {# more}}',
    'procedure.replay.scoring':
      'Scoring method “{method}”: {customers, plural, =0 {no customer re-scored} one {# customer re-scored} other {# customers re-scored}}, {changed, plural, =0 {none in another class at the end of the period} one {# in another class at the end of the period} other {# in another class at the end of the period}}; {scoringsChanged} of {scorings} scorings give another class',
    'procedure.replay.migrationHeading':
      'Class changes at the end of the period (class recorded → class proposed)',
    'procedure.replay.migrationLine': '{from} → {to}: {count, plural, one {# customer} other {# customers}}',
    'procedure.replay.unscored': 'not scored',
    'procedure.replay.noClassChange': 'none',
    'procedure.replay.proposedDunning': 'Dunning policies of the proposal: {policies}',
    'procedure.page.classFrom': 'Class recorded',
    'procedure.page.classTo': 'Class proposed',
    'procedure.page.customers': 'Customers',
    'procedure.replay.assumptions': 'Assumptions',
    'procedure.decision.approve': 'approved',
    'procedure.decision.hold': 'held',
    'procedure.decision.refuse': 'refused',
    'procedure.reason.insolvency_proceedings': 'insolvency proceedings',
    'procedure.reason.account_closed': 'account closed',
    'procedure.reason.account_blocked': 'account blocked',
    'procedure.reason.currency_mismatch': 'currency mismatch',
    'procedure.reason.new_customer_without_limit': 'new customer without a limit',
    'procedure.reason.no_credit_limit': 'no credit limit',
    'procedure.reason.over_limit': 'over the limit',
    'procedure.reason.group_over_limit': 'over the group’s limit',
    'procedure.reason.overdue_too_old': 'overdue too old',
    'procedure.reason.overdue_too_high': 'overdue too high',
    'procedure.reason.risk_class': 'risk class',
    'procedure.reason.insurer_cover_lapsed': 'insurer cover lapsed',
    'procedure.reason.order_kit_incomplete': 'order kit incomplete',
    'procedure.reason.promotion_not_usable': 'promotion not usable',
    'procedure.reason.promotion_guarantee_missing': 'promotion guarantee missing',
    'procedure.reason.prepaid_exempt': 'prepaid',
    'procedure.reason.cod_exempt': 'cash on delivery',
    'procedure.reason.within_rules': 'within the rules',
    'procedure.reason.public_body_no_limit': 'public body: no limit required',
    'procedure.fate.paid': 'paid on time',
    'procedure.fate.paid_late': 'paid late',
    'procedure.fate.open': 'still owed',
    'procedure.fate.written_off': 'written off',
    'procedure.fate.not_invoiced': 'not invoiced',
    'procedure.assumption.payments_as_recorded':
      'Customers pay on the recorded dates: the replay does not rewrite the payment history.',
    'procedure.assumption.stopped_orders_not_shipped':
      'An order held or refused would not have been delivered or invoiced: what it still owes and its losses are avoided.',
    'procedure.assumption.orders_judged_on_check_day':
      'Each order is judged on the day its check was recorded, else on its order date, on that day’s exposure.',
    'procedure.assumption.status_and_cover_today':
      'The customer’s status, permanent limit and credit-insurance cover are today’s over the whole period.',
    'procedure.assumption.status_and_limit_today':
      'The customer’s status and permanent limit are today’s over the whole period; its credit-insurance cover is, each day, the recorded version in force on that day.',
    'procedure.assumption.scores_as_recorded':
      'A day’s risk class is the latest score recorded by then (the proposal keeps the scoring method).',
    'procedure.assumption.scores_rescored':
      'The proposal re-scores each customer with its scoring method on the dates a score was recorded for it (the last one before the period, then those in it), from that score’s data: payment behaviour as of that date, balance sheets closed by then (the filing date is not known: a balance sheet counts from its closing date), the profile as it was then. A customer never scored stays without a class; a date on which the method lacks data keeps the previous class. The policy in force keeps the classes recorded.',
    'procedure.assumption.rescored_limit_lowered':
      'A customer the proposed method puts in a worse class than the one recorded has its limit lowered, from that date, to the limit recommended for its new class (share of 12 months’ sales, floor, ceiling, today’s cover) when that is lower; a better class raises no limit.',
    'procedure.assumption.dunning_business_days':
      'Dunning runs every business day, starting from the reminders sent before the period.',
    'procedure.assumption.reminders_do_not_move_payments':
      'An earlier reminder is not assumed to bring the payment forward: its effect is given in days earlier, not in DSO.',
    'procedure.assumption.dso_simple_365':
      'Simple DSO: receivables at the end ÷ sales invoiced over the last 365 days × 365.',
  },
} as const;
