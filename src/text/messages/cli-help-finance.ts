/**
 * The command line’s help (`encours … --help`), in French and English, for:
 * insurance, factoring, outsourcing, promotion.
 * Only the command line reads it: src/cli/help-words.ts adds it to the catalogue (see index.ts).
 */
export const cliHelpFinance = {
  fr: {
    'cliHelp.insurance.description':
      'sinistres d’assurance-crédit : délais de déclaration, déclarations de menace de sinistre, indemnités',
    'cliHelp.insurance.policy.description':
      'enregistrer la police d’un assureur (une nouvelle version quand elle change)',
    'cliHelp.insurance.policy.option.declaration-days':
      'jours après une échéance impayée pour déclarer la menace de sinistre',
    'cliHelp.insurance.policy.option.waiting-days': 'délai de carence avant l’indemnité',
    'cliHelp.insurance.policy.option.warning-days': 'signaler une facture ce nombre de jours avant son délai',
    'cliHelp.insurance.policy.option.number': 'le numéro de police',
    'cliHelp.insurance.policies.description': 'la police en vigueur de chaque assureur',
    'cliHelp.insurance.deadlines.description':
      'factures échues des acheteurs couverts, proches ou au-delà de leur délai de déclaration',
    'cliHelp.insurance.deadlines.option.all': 'chaque facture échue d’un acheteur couvert, déclarée ou non',
    'cliHelp.insurance.declare.description':
      'déclarer la menace de sinistre sur les factures échues d’un acheteur couvert',
    'cliHelp.insurance.declare.option.invoices':
      'références des factures, séparées par des virgules (par défaut : chacune de celles non déclarées)',
    'cliHelp.insurance.declare.option.date': 'date de déclaration (par défaut : la date de référence)',
    'cliHelp.insurance.claims.description': 'sinistres d’assurance-crédit, les plus récents d’abord',
    'cliHelp.insurance.claims.option.status':
      'declared (déclaré), claim_filed (demande déposée), indemnified (indemnisé), rejected (refusé) ou settled (soldé)',
    'cliHelp.insurance.status.description':
      'faire avancer un sinistre : claim_filed, indemnified (--indemnity, --received), rejected, settled',
    'cliHelp.insurance.status.option.indemnity': 'indemnité reçue',
    'cliHelp.insurance.status.option.received': 'date de réception de l’indemnité',
    'cliHelp.factoring.description':
      'affacturage : contrats, bordereaux cédés au factor, compte courant et son rapprochement',
    'cliHelp.factoring.contract.description':
      'enregistrer un contrat d’affacturage, ou une nouvelle version (en vigueur à partir de --from)',
    'cliHelp.factoring.contract.option.factor': 'le factor',
    'cliHelp.factoring.contract.option.iban':
      'l’IBAN du factor, imprimé sur les relances des factures cédées',
    'cliHelp.factoring.contract.option.bic': 'le BIC du factor',
    'cliHelp.factoring.contract.option.currency': 'devise du contrat (par défaut : celle de la société)',
    'cliHelp.factoring.contract.option.recourse-days':
      'avec recours : rétrocession ce nombre de jours après l’échéance',
    'cliHelp.factoring.contract.option.advance-rate':
      'part du (cédé − retenue de garantie) financée, en points de base (10000 = tout)',
    'cliHelp.factoring.contract.option.commission':
      'commission d’affacturage sur le montant cédé, en points de base',
    'cliHelp.factoring.contract.option.min-commission': 'commission minimale par facture (par exemple 15.00)',
    'cliHelp.factoring.contract.option.financing-rate':
      'taux annuel de financement de l’avance, en points de base',
    'cliHelp.factoring.contract.option.day-count': '360 (par défaut) ou 365 jours par an',
    'cliHelp.factoring.contract.option.collection-delay':
      'les intérêts courent jusqu’à l’échéance + ces jours',
    'cliHelp.factoring.contract.option.reserve-rate':
      'fonds de garantie sur le montant cédé, en points de base',
    'cliHelp.factoring.contract.option.fee-per-invoice': 'frais fixes par facture',
    'cliHelp.factoring.contract.option.fee-per-batch': 'frais fixes par bordereau',
    'cliHelp.factoring.contract.option.fees-vat':
      'TVA sur la commission et les frais, en points de base (2000 = 20 %)',
    'cliHelp.factoring.contract.option.factor-collects':
      'le factor relance lui-même les clients : nos relances les laissent de côté',
    'cliHelp.factoring.contract.option.customer-types':
      'règle par défaut : types de clients, séparés par des virgules',
    'cliHelp.factoring.contract.option.min-amount': 'règle par défaut : montant minimal de facture',
    'cliHelp.factoring.contract.option.from': 'en vigueur à partir de (par défaut : la date de référence)',
    'cliHelp.factoring.contracts.description': 'chaque version de chaque contrat d’affacturage',
    'cliHelp.factoring.assign.description':
      'céder un lot de factures au factor (bordereau de cession) ; --preview n’enregistre rien',
    'cliHelp.factoring.assign.option.invoices':
      'références des factures, séparées par des virgules (sans elles : la règle choisit)',
    'cliHelp.factoring.assign.option.customer-types':
      'règle : types de clients, séparés par des virgules (par défaut : la règle du contrat)',
    'cliHelp.factoring.assign.option.min-amount': 'règle : montant minimal de facture',
    'cliHelp.factoring.assign.option.due-until': 'règle : factures échues au plus tard à cette date',
    'cliHelp.factoring.assign.option.date': 'date du bordereau (par défaut : la date de référence)',
    'cliHelp.factoring.assign.option.financing-date':
      'date à laquelle le factor paie (par défaut : la date du bordereau)',
    'cliHelp.factoring.assign.option.preview': 'calculer sans enregistrer',
    'cliHelp.factoring.batch.description': 'un bordereau avec ses factures et l’état de chacune',
    'cliHelp.factoring.collect.description':
      'le factor a encaissé ces factures : retenue libérée, intérêts ajustés, facture soldée',
    'cliHelp.factoring.collect.option.date': 'date de l’encaissement (par défaut : la date de référence)',
    'cliHelp.factoring.recourse.description':
      'rétrocéder les factures cédées restées impayées au-delà du délai de recours (contrats avec recours)',
    'cliHelp.factoring.account.description':
      'le compte courant avec le factor : mouvements, solde, fonds de garantie, encours',
    'cliHelp.factoring.reconcile.description':
      'rapprocher le compte courant du relevé du factor (CSV ou XLSX)',
    'cliHelp.factoring.reconcile.option.from':
      'début de la période (par défaut : la première date du relevé)',
    'cliHelp.factoring.reconcile.option.to': 'fin de la période (par défaut : la dernière date du relevé)',
    'cliHelp.factoring.reconcile.option.tolerance': 'jours de décalage admis entre une écriture et la nôtre',
    'cliHelp.outsourcing.description':
      'coût annuel réel de la gestion interne du poste client face à l’assurance-crédit, à l’affacturage et aux sociétés de recouvrement',
    'cliHelp.outsourcing.simulate.description':
      'comparer les options sur le grand livre de la société pendant une période (par défaut : l’année jusqu’à la date de référence)',
    'cliHelp.outsourcing.simulate.option.from': 'premier jour de la période (AAAA-MM-JJ)',
    'cliHelp.outsourcing.simulate.option.to':
      'dernier jour de la période (AAAA-MM-JJ) ; par défaut : la date de référence de la société, ou aujourd’hui',
    'cliHelp.outsourcing.simulate.option.assumptions':
      'fichier JSON modifiant tout ou partie des hypothèses (affichées par --json)',
    'cliHelp.outsourcing.simulate.option.pdf': 'écrire aussi le rapport en PDF',
    'cliHelp.promotion.description':
      'promotions commerciales : conditions de crédit soumises à approbation, leur effet',
    'cliHelp.promotion.list.description': 'les promotions avec leur statut et leurs commandes',
    'cliHelp.promotion.list.option.status': 'submitted (soumise), approved (approuvée) ou rejected (rejetée)',
    'cliHelp.promotion.submit.description':
      'soumettre les conditions de crédit d’une promotion à l’approbation du credit manager',
    'cliHelp.promotion.submit.option.name': 'nom de la promotion',
    'cliHelp.promotion.submit.option.terms': 'conditions de paiement, par exemple net:60 ou eom:45',
    'cliHelp.promotion.submit.option.methods': 'modes de paiement admis : prepaid,cod,terms',
    'cliHelp.promotion.submit.option.guarantees': 'garanties exigées, par exemple bank_guarantee,deposit',
    'cliHelp.promotion.submit.option.customers': 'codes des clients éligibles (par défaut : tous)',
    'cliHelp.promotion.submit.option.customer-types': 'types de clients éligibles (par défaut : tous)',
    'cliHelp.promotion.show.description':
      'une promotion, ses commandes et le paiement de ses factures face aux autres',
    'cliHelp.promotion.show.option.as-of': 'date de l’effet (par défaut : la date de référence)',
    'cliHelp.promotion.tag.description':
      'marquer des factures comme vendues sous une promotion approuvée (pour en mesurer l’effet)',
    'cliHelp.promotion.approve.description': 'approuver les conditions de crédit d’une promotion',
    'cliHelp.promotion.reject.description': 'les rejeter, en disant pourquoi',
  },
  en: {
    'cliHelp.insurance.description':
      'credit-insurance claims: declaration deadlines, threatened-loss declarations, indemnities',
    'cliHelp.insurance.policy.description':
      'records the policy of an insurer (a new version when it changes)',
    'cliHelp.insurance.policy.option.declaration-days':
      'days after an unpaid due date to declare the threatened loss',
    'cliHelp.insurance.policy.option.waiting-days': 'waiting period before the indemnity (délai de carence)',
    'cliHelp.insurance.policy.option.warning-days': 'list an invoice this many days before its deadline',
    'cliHelp.insurance.policy.option.number': 'the policy number',
    'cliHelp.insurance.policies.description': 'the policy in force of each insurer',
    'cliHelp.insurance.deadlines.description':
      'overdue invoices of covered buyers approaching or past their declaration deadline',
    'cliHelp.insurance.deadlines.option.all': 'every overdue invoice of a covered buyer, declared or not',
    'cliHelp.insurance.declare.description':
      'declares the threatened loss on a covered buyer’s overdue invoices',
    'cliHelp.insurance.declare.option.invoices':
      'invoice references, comma-separated (default: every one not declared)',
    'cliHelp.insurance.declare.option.date': 'declaration date (default: the reference date)',
    'cliHelp.insurance.claims.description': 'credit-insurance claims, newest first',
    'cliHelp.insurance.claims.option.status': 'declared|claim_filed|indemnified|rejected|settled',
    'cliHelp.insurance.status.description':
      'moves a claim on: claim_filed, indemnified (--indemnity, --received), rejected, settled',
    'cliHelp.insurance.status.option.indemnity': 'indemnity received',
    'cliHelp.insurance.status.option.received': 'date the indemnity was received',
    'cliHelp.factoring.description':
      'factoring: contracts, batches assigned to the factor, current account and its reconciliation',
    'cliHelp.factoring.contract.description':
      'save a factoring contract, or a new version of it (in force from --from)',
    'cliHelp.factoring.contract.option.factor': 'the factor',
    'cliHelp.factoring.contract.option.iban': 'the factor’s IBAN, printed on reminders of assigned invoices',
    'cliHelp.factoring.contract.option.bic': 'the factor’s BIC',
    'cliHelp.factoring.contract.option.currency': 'currency of the contract (default: the company’s)',
    'cliHelp.factoring.contract.option.recourse-days':
      'with recourse: charge-back this many days after the due date',
    'cliHelp.factoring.contract.option.advance-rate':
      'share of (assigned − reserve) advanced, basis points (10000 = all)',
    'cliHelp.factoring.contract.option.commission':
      'factoring commission on the assigned amount, basis points',
    'cliHelp.factoring.contract.option.min-commission': 'minimum commission per invoice (e.g. 15.00)',
    'cliHelp.factoring.contract.option.financing-rate': 'yearly financing rate on the advance, basis points',
    'cliHelp.factoring.contract.option.day-count': '360 (default) or 365 days a year',
    'cliHelp.factoring.contract.option.collection-delay': 'interest runs to the due date + these days',
    'cliHelp.factoring.contract.option.reserve-rate': 'guarantee fund on the assigned amount, basis points',
    'cliHelp.factoring.contract.option.fee-per-invoice': 'fixed fee per invoice',
    'cliHelp.factoring.contract.option.fee-per-batch': 'fixed fee per batch',
    'cliHelp.factoring.contract.option.fees-vat': 'VAT on commission and fees, basis points (2000 = 20 %)',
    'cliHelp.factoring.contract.option.factor-collects':
      'the factor reminds the customers itself: our dunning leaves them out',
    'cliHelp.factoring.contract.option.customer-types': 'default rule: customer types, comma-separated',
    'cliHelp.factoring.contract.option.min-amount': 'default rule: minimum invoice amount',
    'cliHelp.factoring.contract.option.from': 'in force from (default: the reference date)',
    'cliHelp.factoring.contracts.description': 'every version of every factoring contract',
    'cliHelp.factoring.assign.description':
      'assign a batch of invoices to the factor (bordereau de cession); --preview records nothing',
    'cliHelp.factoring.assign.option.invoices':
      'invoice references, comma-separated (without: the rule picks)',
    'cliHelp.factoring.assign.option.customer-types':
      'rule: customer types, comma-separated (default: the contract’s rule)',
    'cliHelp.factoring.assign.option.min-amount': 'rule: minimum invoice amount',
    'cliHelp.factoring.assign.option.due-until': 'rule: invoices due on or before this date',
    'cliHelp.factoring.assign.option.date': 'date of the batch (default: the reference date)',
    'cliHelp.factoring.assign.option.financing-date': 'when the factor pays (default: the batch date)',
    'cliHelp.factoring.assign.option.preview': 'compute without recording',
    'cliHelp.factoring.batch.description': 'one batch with its invoices and where each stands',
    'cliHelp.factoring.collect.description':
      'the factor collected these invoices: reserve released, interest adjusted, invoice settled',
    'cliHelp.factoring.collect.option.date': 'date of the collection (default: the reference date)',
    'cliHelp.factoring.recourse.description':
      'charge back the assigned invoices unpaid beyond the recourse delay (with-recourse contracts)',
    'cliHelp.factoring.account.description':
      'the current account with the factor: movements, balance, guarantee fund, outstanding',
    'cliHelp.factoring.reconcile.description':
      'reconcile the current account with the factor’s statement (CSV or XLSX)',
    'cliHelp.factoring.reconcile.option.from': 'start of the period (default: the statement’s first date)',
    'cliHelp.factoring.reconcile.option.to': 'end of the period (default: the statement’s last date)',
    'cliHelp.factoring.reconcile.option.tolerance': 'days a booking may lag ours',
    'cliHelp.outsourcing.description':
      'real annual cost of in-house receivables management against credit insurance, factoring and collection agencies',
    'cliHelp.outsourcing.simulate.description':
      'compare the options on the company’s ledger over a period (default: the year up to the reference date)',
    'cliHelp.outsourcing.simulate.option.from': 'first day of the period (YYYY-MM-DD)',
    'cliHelp.outsourcing.simulate.option.to':
      'last day of the period (YYYY-MM-DD); default: the company reference date or today',
    'cliHelp.outsourcing.simulate.option.assumptions':
      'JSON file changing any of the assumptions (shown by --json)',
    'cliHelp.outsourcing.simulate.option.pdf': 'also write the report as a PDF',
    'cliHelp.promotion.description':
      'marketing promotions: credit terms submitted for approval, their effect',
    'cliHelp.promotion.list.description': 'promotions with their status and orders',
    'cliHelp.promotion.list.option.status': 'submitted|approved|rejected',
    'cliHelp.promotion.submit.description':
      'submit a promotion’s credit terms for the credit manager’s approval',
    'cliHelp.promotion.submit.option.name': 'name of the promotion',
    'cliHelp.promotion.submit.option.terms': 'payment terms, e.g. net:60 or eom:45',
    'cliHelp.promotion.submit.option.methods': 'payment modes allowed: prepaid,cod,terms',
    'cliHelp.promotion.submit.option.guarantees': 'guarantees required, e.g. bank_guarantee,deposit',
    'cliHelp.promotion.submit.option.customers': 'eligible customer codes (default: all)',
    'cliHelp.promotion.submit.option.customer-types': 'eligible customer types (default: all)',
    'cliHelp.promotion.show.description':
      'a promotion, its orders and the payment of its invoices against the others',
    'cliHelp.promotion.show.option.as-of': 'date of the effect (default: the reference date)',
    'cliHelp.promotion.tag.description': 'mark invoices as sold under an approved promotion (for its effect)',
    'cliHelp.promotion.approve.description': 'approve a promotion’s credit terms',
    'cliHelp.promotion.reject.description': 'reject them, saying why',
  },
} as const;
