/**
 * The command line’s help (`encours … --help`), in French and English, for:
 * cash, predict, forecast, jobs.
 * Only the command line reads it: src/cli/help-words.ts adds it to the catalogue (see index.ts).
 */
export const cliHelpCash = {
  fr: {
    'cliHelp.cash.description': 'encaissements bancaires : lettrage des encaissements',
    'cliHelp.cash.match.description':
      'proposer clients et factures pour chaque encaissement à lettrer ; --auto lettre ceux qui dépassent le seuil',
    'cliHelp.cash.match.option.auto': 'lettrer les propositions dont la confiance atteint le seuil',
    'cliHelp.cash.match.option.threshold':
      'confiance nécessaire pour lettrer automatiquement (par défaut : le réglage de la société, 90)',
    'cliHelp.cash.receipts.description':
      'les encaissements à lettrer avec leurs suggestions classées et leurs indices (ou --view applied|returns|all)',
    'cliHelp.cash.receipts.option.view':
      'to_apply (à lettrer), applied (lettrés), returns (retours) ou all (tous)',
    'cliHelp.cash.receipts.option.limit': 'combien',
    'cliHelp.cash.accept.description':
      'lettrer selon une suggestion (la première par défaut) et l’apprendre pour ce payeur',
    'cliHelp.cash.accept.option.rank': 'quelle suggestion',
    'cliHelp.cash.apply.description':
      'lettrer un encaissement sur un client et les pièces indiquées (une correction, apprise pour ce payeur)',
    'cliHelp.cash.apply.option.write-off': 'écart à passer en perte, en unités mineures',
    'cliHelp.cash.apply.option.reason': 'bank_charges (frais bancaires) ou discount (escompte)',
    'cliHelp.cash.reverse.description':
      'annuler le lettrage d’un encaissement (lettrages d’annulation) ; l’encaissement attend de nouveau',
    'cliHelp.cash.split.description':
      'lettrer un encaissement sur plusieurs clients (encaissement de groupe) : chaque part CODE=AMOUNT_MINOR[:REF,REF…] ; les parts font le total de l’encaissement',
    'cliHelp.cash.bounce.description':
      'enregistrer un impayé : l’encaissement lettré, ou --payment REF ; annule ses lettrages',
    'cliHelp.cash.bounce.option.payment':
      'un règlement du grand livre, par sa référence, au lieu d’un encaissement bancaire',
    'cliHelp.cash.bounce.option.return': 'la ligne de retour du relevé qui l’a renvoyé',
    'cliHelp.cash.bounce.option.date':
      'date de l’impayé (par défaut : celle de la ligne de retour, sinon aujourd’hui)',
    'cliHelp.cash.bounce.option.reason': 'code ou texte du motif de retour',
    'cliHelp.cash.bounce.option.fee':
      'frais refacturés au client, par exemple 15.00 (par défaut : le réglage de la société)',
    'cliHelp.cash.returns.description':
      'les lignes de retour des relevés en attente, avec les encaissements qu’elles peuvent renvoyer',
    'cliHelp.cash.returns.option.auto':
      'enregistre les impayés que prouvent les identifiants du payeur (identifiant de bout en bout, numéro de chèque)',
    'cliHelp.cash.unapplied.description':
      'encaissements non affectés : encaissements non lettrés et avoirs ouverts sur les comptes clients, par ancienneté',
    'cliHelp.cash.unapplied.option.as-of': 'AAAA-MM-JJ (par défaut : aujourd’hui)',
    'cliHelp.cash.unapplied.option.limit': 'combien de chaque sont listés',
    'cliHelp.cash.reconcile.description':
      'bank : les encaissements bancaires du mois face aux règlements enregistrés ; ledger : les comptes clients d’un FEC face à la comptabilité auxiliaire (--fec FILE)',
    'cliHelp.cash.reconcile.option.as-of': 'AAAA-MM-JJ : fin du mois (bank) ou date des soldes (ledger)',
    'cliHelp.cash.reconcile.option.from': 'bank : début de la période (par défaut : le premier du mois)',
    'cliHelp.cash.reconcile.option.fec': 'ledger : le FEC (grand livre) à rapprocher',
    'cliHelp.cash.reconcile.option.accounts':
      'ledger : préfixes des comptes clients (par défaut 411,413,416)',
    'cliHelp.predict.description': 'prévisions des dates de paiement',
    'cliHelp.predict.payments.description':
      'chaque facture ouverte à la date, avec sa date de paiement prévue, P10/P90, P(retard), P(> 30 j) et les raisons',
    'cliHelp.predict.backtest.description':
      'rejouer des arrêtés mensuels : le modèle face aux références « date d’échéance » et « retard moyen du client »',
    'cliHelp.predict.backtest.option.from':
      'premier mois d’arrêté (AAAA-MM-JJ) ; par défaut : 11 mois avant --to, ou les 12 fins de mois avant la date de référence',
    'cliHelp.predict.backtest.option.to':
      'dernier arrêté (AAAA-MM-JJ) ; par défaut : la dernière fin de mois avant la date de référence de la société, ou aujourd’hui',
    'cliHelp.predict.backtest.option.with-forest':
      'évaluer aussi le challenger appris (une forêt aléatoire ; prend plusieurs minutes)',
    'cliHelp.predict.cost.description':
      'coût des jours de retard prévus : ouvert × max(0, date médiane − échéance) × taux de financement / 365, par client',
    'cliHelp.predict.cost.option.rate-bps':
      'taux annuel en points de base pour cette réponse seulement ; par défaut : le taux de la société',
    'cliHelp.predict.cost.option.limit': 'clients listés (texte : {n} par défaut ; JSON : tous)',
    'cliHelp.predict.financing-rate.description':
      'le taux de financement annuel de la société (il valorise les jours de retard prévus) ; --set pour le changer',
    'cliHelp.predict.financing-rate.option.set':
      'nouveau taux en points de base (500 = 5 % par an) ; administrateur ou credit manager',
    'cliHelp.forecast.description': 'prévision d’encaissements',
    'cliHelp.forecast.snapshot.description':
      'enregistrer les prédictions et la prévision à 13 semaines à la date (avec --backfill-weeks, une aussi par semaine passée)',
    'cliHelp.forecast.snapshot.option.backfill-weeks':
      'enregistrer aussi les prévisions des n semaines précédentes (chacune à son dimanche)',
    'cliHelp.forecast.accuracy.description':
      'prévu face au réalisé : chaque semaine écoulée face à la dernière prévision enregistrée avant son début',
    'cliHelp.forecast.accuracy.option.as-of':
      'dernier jour compté (AAAA-MM-JJ) ; par défaut : la date de référence de la société, ou aujourd’hui',
    'cliHelp.forecast.accuracy.option.weeks': 'nombre de semaines en arrière',
    'cliHelp.forecast.collections.description':
      'encaissements attendus par semaine (ou par jour ou par mois : --by) à partir des pièces ouvertes et des ventes à venir, avec une fourchette basse/haute',
    'cliHelp.forecast.collections.option.weeks': 'horizon en semaines',
    'cliHelp.forecast.collections.option.by':
      'day (jour), week (semaine) ou month (mois) (le JSON contient toujours les semaines)',
    'cliHelp.jobs.description':
      'traitements longs et planifiés : lancer, suivre, annuler ; l’exécuteur ; les planifications',
    'cliHelp.jobs.start.description': 'lancer un traitement (natures : ci-dessous)',
    'cliHelp.jobs.start.option.payload': 'les paramètres du traitement, par exemple \'{"sliceSize":100}\'',
    'cliHelp.jobs.start.option.wait': 'l’exécuter ici et attendre sa fin, en suivant sa progression',
    'cliHelp.jobs.start.option.lease-seconds': 'durée d’une prise en charge sans signal de vie (avec --wait)',
    'cliHelp.jobs.list.description': 'les traitements de la société, les plus récents d’abord',
    'cliHelp.jobs.list.option.status':
      'queued (en attente), running (en cours), succeeded (réussi), failed (échoué) ou cancelled (annulé)',
    'cliHelp.jobs.list.option.kind': 'seulement cette nature',
    'cliHelp.jobs.list.option.limit': 'au plus n traitements',
    'cliHelp.jobs.show.description': 'un traitement : statut, progression, résultat',
    'cliHelp.jobs.cancel.description':
      'annuler un traitement : aussitôt s’il est en attente, à sa prochaine étape s’il est en cours',
    'cliHelp.jobs.worker.description':
      'exécuter les traitements et les planifications jusqu’à l’arrêt (SIGTERM, Ctrl-C)',
    'cliHelp.jobs.worker.option.lease-seconds': 'durée d’une prise en charge sans signal de vie',
    'cliHelp.jobs.worker.option.poll-seconds': 'secondes entre deux regards sur une file vide',
    'cliHelp.jobs.worker.option.tick-seconds': 'secondes entre deux regards sur les planifications',
    'cliHelp.jobs.worker.option.exit-when-idle':
      'exécuter les traitements en attente et interrompus, puis s’arrêter (sans planifications)',
    'cliHelp.jobs.schedule.description': 'lancer une nature de traitement selon une expression cron',
    'cliHelp.jobs.schedule.add.option.cron':
      'minute heure jour mois jour-de-semaine, par exemple "0 2 * * *"',
    'cliHelp.jobs.schedule.add.option.time-zone': 'fuseau horaire IANA (par défaut Europe/Paris)',
    'cliHelp.jobs.schedule.add.option.payload': 'les paramètres du traitement',
    'cliHelp.jobs.schedule.add.option.disabled': 'l’ajouter désactivée',
    'cliHelp.jobs.start.kinds': 'Natures :',
    'cliHelp.jobs.schedule.add.description':
      'ajouter une planification : lancer un traitement de cette nature selon une expression cron',
    'cliHelp.jobs.schedule.list.description':
      'les planifications de la société, avec leur prochaine exécution',
    'cliHelp.jobs.schedule.remove.description': 'supprimer une planification',
  },
  en: {
    'cliHelp.cash.description': 'bank receipts: cash application (lettrage des encaissements)',
    'cliHelp.cash.match.description':
      'proposes customers and invoices for every receipt still to apply; --auto applies those above the threshold',
    'cliHelp.cash.match.option.auto': 'apply the proposals whose confidence reaches the threshold',
    'cliHelp.cash.match.option.threshold':
      'confidence needed to apply automatically (default: the company setting, 90)',
    'cliHelp.cash.receipts.description':
      'receipts to apply with their ranked suggestions and evidence (or --view applied|returns|all)',
    'cliHelp.cash.receipts.option.view': 'to_apply, applied, returns or all',
    'cliHelp.cash.receipts.option.limit': 'how many',
    'cliHelp.cash.accept.description': 'applies a suggestion (the first by default) and teaches the payer',
    'cliHelp.cash.accept.option.rank': 'which suggestion',
    'cliHelp.cash.apply.description':
      'applies a receipt to a customer and the items named (a correction; teaches the payer)',
    'cliHelp.cash.apply.option.write-off': 'difference to write off, in minor units',
    'cliHelp.cash.apply.option.reason': 'bank_charges or discount',
    'cliHelp.cash.reverse.description':
      'reverses the match of a receipt (reversal allocations); the receipt waits again',
    'cliHelp.cash.split.description':
      'applies one receipt to several customers (a group receipt): each part CODE=AMOUNT_MINOR[:REF,REF…]; the parts add up to the receipt',
    'cliHelp.cash.bounce.description':
      'records a bounced payment (impayé): the receipt applied, or --payment REF; reverses its allocations',
    'cliHelp.cash.bounce.option.payment':
      'a payment of the ledger by its reference, instead of a bank receipt',
    'cliHelp.cash.bounce.option.return': 'the return line of the statement that sent it back',
    'cliHelp.cash.bounce.option.date': 'date of the bounce (default: the return line’s, else today)',
    'cliHelp.cash.bounce.option.reason': 'return reason code or text',
    'cliHelp.cash.bounce.option.fee':
      'fee charged on to the customer, e.g. 15.00 (default: the company setting)',
    'cliHelp.cash.returns.description':
      'return lines of the statements waiting, with the receipts they may send back',
    'cliHelp.cash.returns.option.auto':
      'records the bounces the payer’s identifiers prove (end-to-end id, cheque number)',
    'cliHelp.cash.unapplied.description':
      'unapplied cash: receipts not applied and credits open on customer accounts, aged',
    'cliHelp.cash.unapplied.option.as-of': 'YYYY-MM-DD (default: today)',
    'cliHelp.cash.unapplied.option.limit': 'how many of each are listed',
    'cliHelp.cash.reconcile.description':
      'bank: the month’s bank receipts against the payments recorded; ledger: a FEC’s customer accounts against the sub-ledger (--fec FILE)',
    'cliHelp.cash.reconcile.option.as-of':
      'YYYY-MM-DD: end of the month (bank) or date of the balances (ledger)',
    'cliHelp.cash.reconcile.option.from': 'bank: start of the period (default: the first of the month)',
    'cliHelp.cash.reconcile.option.fec': 'ledger: the FEC (general ledger) to reconcile',
    'cliHelp.cash.reconcile.option.accounts': 'ledger: customer account prefixes (default 411,413,416)',
    'cliHelp.predict.description': 'payment-date predictions',
    'cliHelp.predict.payments.description':
      'every invoice open at the date with its predicted payment date, P10/P90, P(late), P(> 30 d) and reasons',
    'cliHelp.predict.backtest.description':
      'replays monthly cut-offs: the model against the due-date and customer-mean-delay baselines',
    'cliHelp.predict.backtest.option.from':
      'first cut-off month (YYYY-MM-DD); default: 11 months before --to, or the 12 month ends before the reference date',
    'cliHelp.predict.backtest.option.to':
      'last cut-off (YYYY-MM-DD); default: the last month end before the company reference date or today',
    'cliHelp.predict.backtest.option.with-forest':
      'also score the learned challenger (a random forest; takes minutes)',
    'cliHelp.predict.cost.description':
      'cost of the predicted days late: open × max(0, median date − due date) × financing rate / 365, by customer',
    'cliHelp.predict.cost.option.rate-bps':
      'annual rate in basis points for this answer only; default: the company’s rate',
    'cliHelp.predict.cost.option.limit': 'customers listed (text: {n} by default; JSON: all)',
    'cliHelp.predict.financing-rate.description':
      'the company’s annual financing rate (prices the predicted days late); --set to change it',
    'cliHelp.predict.financing-rate.option.set':
      'new rate in basis points (500 = 5 % a year); admin or credit manager',
    'cliHelp.forecast.description': 'collection forecast',
    'cliHelp.forecast.snapshot.description':
      'store the predictions and the 13-week forecast as of the date (with --backfill-weeks, one per past week too)',
    'cliHelp.forecast.snapshot.option.backfill-weeks':
      'also store the forecasts of the n weeks before (each as of its Sunday)',
    'cliHelp.forecast.accuracy.description':
      'forecast vs actual: each elapsed week against the latest forecast stored before it began',
    'cliHelp.forecast.accuracy.option.as-of':
      'last day counted (YYYY-MM-DD); default: the company reference date or today',
    'cliHelp.forecast.accuracy.option.weeks': 'number of weeks back',
    'cliHelp.forecast.collections.description':
      'expected receipts by week (or by day or month: --by) from open items and future sales, with a low/high band',
    'cliHelp.forecast.collections.option.weeks': 'horizon in weeks',
    'cliHelp.forecast.collections.option.by': 'day, week or month (the JSON always holds the weeks)',
    'cliHelp.jobs.description': 'long and scheduled work: start, follow, cancel; the worker; schedules',
    'cliHelp.jobs.start.description': 'start a job (kinds: below)',
    'cliHelp.jobs.start.option.payload': 'the job’s parameters, e.g. \'{"sliceSize":100}\'',
    'cliHelp.jobs.start.option.wait': 'run it here and wait for its end, with its progress',
    'cliHelp.jobs.start.option.lease-seconds': 'how long a claim lasts without a heartbeat (with --wait)',
    'cliHelp.jobs.list.description': 'the company’s jobs, newest first',
    'cliHelp.jobs.list.option.status': 'queued|running|succeeded|failed|cancelled',
    'cliHelp.jobs.list.option.kind': 'only this kind',
    'cliHelp.jobs.list.option.limit': 'at most n jobs',
    'cliHelp.jobs.show.description': 'one job: status, progress, result',
    'cliHelp.jobs.cancel.description': 'cancel a job: at once if queued, at its next step if running',
    'cliHelp.jobs.worker.description': 'run jobs and schedules until stopped (SIGTERM, Ctrl-C)',
    'cliHelp.jobs.worker.option.lease-seconds': 'how long a claim lasts without a heartbeat',
    'cliHelp.jobs.worker.option.poll-seconds': 'seconds between two looks at an empty queue',
    'cliHelp.jobs.worker.option.tick-seconds': 'seconds between two looks at the schedules',
    'cliHelp.jobs.worker.option.exit-when-idle':
      'run the queued and interrupted jobs, then exit (no schedules)',
    'cliHelp.jobs.schedule.description': 'start a job kind on a cron expression',
    'cliHelp.jobs.schedule.add.option.cron': 'minute hour day month weekday, e.g. "0 2 * * *"',
    'cliHelp.jobs.schedule.add.option.time-zone': 'IANA time zone (default Europe/Paris)',
    'cliHelp.jobs.schedule.add.option.payload': 'the job’s parameters',
    'cliHelp.jobs.schedule.add.option.disabled': 'add it switched off',
    'cliHelp.jobs.start.kinds': 'Kinds:',
    'cliHelp.jobs.schedule.add.description': 'add a schedule: start a job of this kind on a cron expression',
    'cliHelp.jobs.schedule.list.description': 'the company’s schedules, with their next start',
    'cliHelp.jobs.schedule.remove.description': 'remove a schedule',
  },
} as const;
