/**
 * The command line’s help (`encours … --help`), in French and English, for:
 * dunning, dispute, promise.
 * Only the command line reads it: src/cli/help-words.ts adds it to the catalogue (see index.ts).
 */
export const cliHelpDunning = {
  fr: {
    'cliHelp.dunning.description': 'campagnes de relance : relances, courriers, mises en demeure',
    'cliHelp.dunning.plan.description':
      'les relances dues à une date, avec intérêts et indemnité ; rien n’est envoyé',
    'cliHelp.dunning.plan.option.customer': 'seulement ces clients (codes séparés par des espaces)',
    'cliHelp.dunning.run.description':
      'envoyer les relances dues à une date : e-mails dans la boîte d’envoi, courriers archivés en PDF ; leurs chemins sont ceux de l’API : `dunning send RUN --out DIR` écrit le lot d’impression et la liste des recommandés dans des fichiers',
    'cliHelp.dunning.run.option.dry-run': 'planifier seulement (comme `dunning plan`)',
    'cliHelp.dunning.run.option.customer': 'seulement ces clients (une sélection revue)',
    'cliHelp.dunning.schedule.description':
      'lancer la relance chaque jour ouvré à 7 h 00 (une planification de traitement)',
    'cliHelp.dunning.schedule.option.cron': 'une autre expression cron',
    'cliHelp.dunning.pause.description':
      'suspendre les relances d’une facture jusqu’à une date, pour un motif',
    'cliHelp.dunning.pause.option.until': 'dernier jour de la suspension (AAAA-MM-JJ)',
    'cliHelp.dunning.pause.option.reason': 'motif (affiché dans l’aperçu de la campagne)',
    'cliHelp.dunning.pause.option.customer':
      'le client, quand deux clients ont une facture de cette référence',
    'cliHelp.dunning.unpause.description':
      'lever une suspension dès aujourd’hui : la facture est de nouveau relancée',
    'cliHelp.dunning.pauses.description': 'les factures dont les relances sont suspendues',
    'cliHelp.dunning.pauses.option.as-of': 'seulement les suspensions en vigueur à cette date',
    'cliHelp.dunning.manual.description':
      'enregistrer une relance faite hors d’Encours (elle compte comme son étape)',
    'cliHelp.dunning.manual.option.channel':
      'email, letter (courrier), registered_letter (recommandé), call_task (appel) ou sms',
    'cliHelp.dunning.manual.option.step':
      'l’étape de la politique qu’elle tient (par défaut : celle que la campagne du jour enverrait)',
    'cliHelp.dunning.manual.option.invoice':
      'les factures qu’elle concernait (par défaut : celles que la campagne du jour relancerait)',
    'cliHelp.dunning.manual.option.date':
      'date à laquelle elle a été faite (AAAA-MM-JJ) ; par défaut : aujourd’hui',
    'cliHelp.dunning.manual.option.note': 'ce qui a été dit ou envoyé',
    'cliHelp.dunning.manual.option.interest':
      'des intérêts de retard ont été réclamés (par défaut : selon l’étape)',
    'cliHelp.dunning.manual.option.no-interest': 'aucun intérêt de retard n’a été réclamé',
    'cliHelp.dunning.manual.option.indemnity':
      'l’indemnité forfaitaire de 40 € a été réclamée (par défaut : selon l’étape)',
    'cliHelp.dunning.manual.option.no-indemnity': 'aucune indemnité forfaitaire n’a été réclamée',
    'cliHelp.dunning.send.description':
      'expédier une campagne : ses e-mails par SMTP ; avec --out, son lot d’impression et la liste de dépôt des recommandés',
    'cliHelp.dunning.send.option.out':
      'écrire ici le lot d’impression (PDF) et la liste des recommandés (PDF, CSV)',
    'cliHelp.dunning.registered.description':
      'les lettres recommandées d’une campagne et ce qu’elles sont devenues : n° de recommandé, date de dépôt, avis de réception ou retour ; la première colonne est le numéro de la lettre',
    'cliHelp.dunning.registered-number.description':
      'enregistrer ou corriger le n° de recommandé d’une lettre (lu sur la preuve de dépôt, par exemple 1A 123 456 7890 1) et sa date de dépôt',
    'cliHelp.dunning.registered-number.option.deposited': 'le jour où la lettre a été déposée à La Poste',
    'cliHelp.dunning.registered-outcome.description':
      'enregistrer ou corriger ce que La Poste dit d’une lettre dont le n° est enregistré : AR signé ou retour',
    'cliHelp.dunning.registered-outcome.option.outcome':
      'delivered (avis de réception signé), returned_unclaimed (pli avisé non réclamé) ou returned_unknown_address (destinataire inconnu à l’adresse)',
    'cliHelp.dunning.registered-outcome.option.on':
      'le jour où l’avis de réception a été signé, ou celui du retour',
    'cliHelp.dunning.rates.description':
      'la table semestrielle des taux d’intérêt de retard (taux BCE + 10 points)',
    'cliHelp.dunning.rates.set.description':
      'saisir ou corriger un semestre (administrateur) : par exemple `rates set 2026H2 --ecb 2.15`',
    'cliHelp.dunning.rates.set.option.ecb':
      'le taux de refinancement principal de la BCE en %, par exemple 2.15',
    'cliHelp.dunning.rates.set.option.legal':
      'le taux de l’intérêt légal en France en % (par défaut : inchangé)',
    'cliHelp.dunning.rates.set.option.source': 'la source du taux',
    'cliHelp.dunning.proposals.description':
      'les campagnes en attente d’approbation (société qui revoit avant d’envoyer) ; avec ID : l’une d’elles et ses clients',
    'cliHelp.dunning.proposals.option.status':
      'pending (en attente), approved (approuvée), rejected (rejetée) ou superseded (remplacée)',
    'cliHelp.dunning.approve.description':
      'envoyer une campagne proposée, pour tous ses clients ou ceux indiqués',
    'cliHelp.dunning.approve.option.customers':
      'seulement ces clients de la proposition, séparés par des virgules',
    'cliHelp.dunning.reject.description': 'rejeter une campagne proposée : rien n’est envoyé',
    'cliHelp.dunning.reject.option.note': 'motif',
    'cliHelp.dunning.settings.description':
      'les réglages de relance de la société ; --review-before-sending on|off : la campagne du jour attend une approbation',
    'cliHelp.dunning.settings.option.review-before-sending':
      'enregistrer la campagne du jour comme proposition à approuver au lieu de l’envoyer',
    'cliHelp.dunning.settings.option.phone': 'téléphone imprimé en tête des courriers (vide\u00a0: aucun)',
    'cliHelp.dunning.settings.option.email':
      'adresse e-mail imprimée sur les courriers, où répondent les clients (vide\u00a0: aucune)',
    'cliHelp.dunning.settings.option.iban':
      'IBAN du compte à créditer, imprimé avec la demande de règlement (vérifié\u00a0; vide\u00a0: aucun)',
    'cliHelp.dunning.settings.option.bic': 'BIC de la banque de ce compte (vérifié\u00a0; vide\u00a0: aucun)',
    'cliHelp.dunning.settings.option.signatory-name': 'nom du signataire des courriers',
    'cliHelp.dunning.settings.option.signatory-title':
      'fonction du signataire, dans la langue de la société (vide\u00a0: celle du catalogue, dans la langue de chaque lettre)',
    'cliHelp.dispute.description': 'litiges : leurs factures ne sont pas relancées',
    'cliHelp.dispute.open.description':
      'ouvrir un litige sur une ou plusieurs factures d’un client, adressé à un service',
    'cliHelp.dispute.open.option.amount':
      'montant contesté, une seule facture (par défaut : le montant de la facture)',
    'cliHelp.dispute.open.option.note': 'ce que dit le client',
    'cliHelp.dispute.resolve.description':
      'clore un litige (son numéro, ou E<event> pour un litige importé) : credit_note (avoir), partial_credit (avoir partiel) ou rejected (rejeté)',
    'cliHelp.dispute.resolve.option.resolution':
      'credit_note (avoir), partial_credit (avoir partiel) ou rejected (rejeté)',
    'cliHelp.dispute.resolve.option.case': 'le numéro est celui d’un dossier : clore chacune de ses factures',
    'cliHelp.dispute.resolve.option.note': 'comment il a été réglé',
    'cliHelp.dispute.take-over.description':
      'reprendre un litige importé (E<event>, tel que `dispute list` l’affiche) sans le clore : un litige ouvert, daté du jour importé (tracé dans l’audit)',
    'cliHelp.dispute.take-over.option.reason':
      'quality (qualité), delivery (livraison), price (prix), quantity (quantité) ou other (autre) (par défaut : other)',
    'cliHelp.dispute.take-over.option.amount':
      'le montant contesté, au plus ce que la facture doit encore (par défaut : celui de la facture)',
    'cliHelp.dispute.take-over.option.note': 'la note (par défaut : le texte de la ligne importée)',
    'cliHelp.dispute.edit.description':
      'modifier le motif, le service, le montant, la date de réponse ou la note d’un litige ouvert (tracé dans l’audit)',
    'cliHelp.dispute.edit.option.case':
      'le numéro est celui d’un dossier : modifier chacune de ses factures encore en litige',
    'cliHelp.dispute.edit.option.amount': 'le montant contesté, au plus ce que la facture doit encore',
    'cliHelp.dispute.edit.option.respond-by':
      'date à laquelle le service doit répondre (AAAA-MM-JJ), ou none',
    'cliHelp.dispute.edit.option.note': 'remplace la note',
    'cliHelp.dispute.attachments.description': 'les pièces jointes d’un litige, avec leurs numéros',
    'cliHelp.dispute.detach.description':
      'retirer une pièce d’un litige ouvert (son numéro : voir `dispute attachments`) ; le fichier disparaît quand rien d’autre n’y renvoie',
    'cliHelp.dispute.attach.description':
      'joindre un fichier PDF, PNG, JPEG ou WebP (preuve de livraison, photo, courrier de réclamation) à un litige',
    'cliHelp.dispute.attach.option.kind':
      'proof_of_delivery (preuve de livraison), photo, complaint_letter (réclamation) ou other (autre)',
    'cliHelp.dispute.attach.option.name': 'le nom à garder (par défaut : le nom du fichier)',
    'cliHelp.dispute.list.description': 'les litiges, ouverts d’abord, litiges importés compris',
    'cliHelp.dispute.list.option.status': 'open (ouvert) ou resolved (clos)',
    'cliHelp.promise.description': 'promesses de paiement : leurs factures attendent la date promise',
    'cliHelp.promise.add.description': 'enregistrer une promesse de paiement, en une ou plusieurs échéances',
    'cliHelp.promise.add.option.instalment':
      'par exemple 2026-07-15=1500,00 ou 15/07/2026=1500,00 (à répéter pour plusieurs)',
    'cliHelp.promise.add.option.invoice': 'factures concernées (par défaut : toutes les factures ouvertes)',
    'cliHelp.promise.add.option.note': 'ce qu’a dit le client',
    'cliHelp.promise.list.description':
      'les promesses de paiement faites jusqu’à une date : tenues, rompues ou en cours',
    'cliHelp.promise.list.option.as-of':
      'date (AAAA-MM-JJ) ; par défaut : aujourd’hui, ou la date de référence de la démonstration',
    'cliHelp.promise.list.option.imported':
      'seulement les promesses de l’historique importé, lues dans leur texte (lecture seule) ; sans cette option, --json ne donne que les promesses enregistrées',
    'cliHelp.promise.list.option.status':
      'seulement les promesses dans cet état : pending (en cours), kept (tenue), partially_kept (partiellement tenue), broken (non tenue) ou unverifiable (non vérifiable, historique importé)',
    'cliHelp.promise.list.option.limit':
      'au plus n promesses de l’historique importé (50 par défaut, 500 au plus) ; 0 : toutes',
    'cliHelp.promise.list.option.offset':
      'passer les n premières promesses de l’historique importé (page suivante)',
  },
  en: {
    'cliHelp.dunning.description': 'dunning runs: reminders, letters, formal notices',
    'cliHelp.dunning.plan.description':
      'the reminders due on a date, with interest and indemnity; nothing is sent',
    'cliHelp.dunning.plan.option.customer': 'only these customers (codes separated by spaces)',
    'cliHelp.dunning.run.description':
      'sends the reminders due on a date: e-mails into the outbox, letters archived as PDF; their paths are API paths: `dunning send RUN --out DIR` writes the print batch and the registered-letter list as files',
    'cliHelp.dunning.run.option.dry-run': 'plan only (same as `dunning plan`)',
    'cliHelp.dunning.run.option.customer': 'only these customers (a reviewed selection)',
    'cliHelp.dunning.schedule.description': 'runs dunning every business day at 7:00 (a job schedule)',
    'cliHelp.dunning.schedule.option.cron': 'another cron expression',
    'cliHelp.dunning.pause.description': "pauses one invoice's reminders until a date, for a reason",
    'cliHelp.dunning.pause.option.until': 'last day of the pause (YYYY-MM-DD)',
    'cliHelp.dunning.pause.option.reason': 'why (shown in the run preview)',
    'cliHelp.dunning.pause.option.customer': 'the customer, when two have an invoice with this reference',
    'cliHelp.dunning.unpause.description': 'lifts a pause from today: the invoice is reminded again',
    'cliHelp.dunning.pauses.description': 'the invoices whose reminders are paused',
    'cliHelp.dunning.pauses.option.as-of': 'only the pauses in force on this date',
    'cliHelp.dunning.manual.description': 'records a reminder made outside Encours (it counts as its step)',
    'cliHelp.dunning.manual.option.channel': 'email, letter, registered_letter, call_task or sms',
    'cliHelp.dunning.manual.option.step':
      "the policy step it stands for (default: the step today's run would send)",
    'cliHelp.dunning.manual.option.invoice':
      "the invoices it was about (default: those today's run would remind)",
    'cliHelp.dunning.manual.option.date': 'when it was done (YYYY-MM-DD); default: today',
    'cliHelp.dunning.manual.option.note': 'what was said or sent',
    'cliHelp.dunning.manual.option.interest': 'late-payment interest was claimed (default: as the step says)',
    'cliHelp.dunning.manual.option.no-interest': 'no late-payment interest was claimed',
    'cliHelp.dunning.manual.option.indemnity':
      'the 40 € fixed indemnity was claimed (default: as the step says)',
    'cliHelp.dunning.manual.option.no-indemnity': 'no fixed indemnity was claimed',
    'cliHelp.dunning.send.description':
      "delivers a run: its e-mails over SMTP; with --out, its print batch and the registered letters' deposit list",
    'cliHelp.dunning.send.option.out':
      'write the print batch (PDF) and the registered-letter list (PDF, CSV) here',
    'cliHelp.dunning.registered.description':
      "a run's registered letters and what became of them: La Poste number, posting date, receipt or return; the first column is the letter's number",
    'cliHelp.dunning.registered-number.description':
      "records or corrects a letter's La Poste number (read on the proof of posting, e.g. 1A 123 456 7890 1) and posting date",
    'cliHelp.dunning.registered-number.option.deposited': 'the day the letter was posted',
    'cliHelp.dunning.registered-outcome.description':
      'records or corrects what La Poste reports of a letter whose number is recorded: receipt signed or returned',
    'cliHelp.dunning.registered-outcome.option.outcome':
      'delivered (receipt signed), returned_unclaimed (not collected) or returned_unknown_address (addressee unknown at the address)',
    'cliHelp.dunning.registered-outcome.option.on':
      'the day the receipt was signed, or the day the letter came back',
    'cliHelp.dunning.rates.description':
      'the semester rates table of late-payment interest (ECB rate + 10 points)',
    'cliHelp.dunning.rates.set.description':
      'enters or corrects a semester (admin): e.g. `rates set 2026H2 --ecb 2.15`',
    'cliHelp.dunning.rates.set.option.ecb': 'the ECB main refinancing rate in %, e.g. 2.15',
    'cliHelp.dunning.rates.set.option.legal': 'the French legal interest rate in % (default: kept as it was)',
    'cliHelp.dunning.rates.set.option.source': 'where the rate comes from',
    'cliHelp.dunning.proposals.description':
      'the runs awaiting approval (a company that reviews before sending); with ID: one, and its customers',
    'cliHelp.dunning.proposals.option.status': 'pending, approved, rejected or superseded',
    'cliHelp.dunning.approve.description': 'sends a proposed run, for all its customers or those given',
    'cliHelp.dunning.approve.option.customers': 'only these customers of the proposal, separated by commas',
    'cliHelp.dunning.reject.description': 'rejects a proposed run: nothing is sent',
    'cliHelp.dunning.reject.option.note': 'why',
    'cliHelp.dunning.settings.description':
      'the company’s dunning settings; --review-before-sending on|off: the daily run waits for approval',
    'cliHelp.dunning.settings.option.review-before-sending':
      'store the daily run as a proposal to approve instead of sending',
    'cliHelp.dunning.settings.option.phone':
      'telephone number printed at the top of the letters (empty: none)',
    'cliHelp.dunning.settings.option.email':
      'e-mail address printed on the letters, where customers reply (empty: none)',
    'cliHelp.dunning.settings.option.iban':
      'IBAN of the account to pay into, printed with the payment request (checked; empty: none)',
    'cliHelp.dunning.settings.option.bic': 'BIC of that account’s bank (checked; empty: none)',
    'cliHelp.dunning.settings.option.signatory-name': 'name of the person who signs the letters',
    'cliHelp.dunning.settings.option.signatory-title':
      'title of the signatory, in the company’s language (empty: the catalogue’s, in each letter’s language)',
    'cliHelp.dispute.description': 'disputes (litiges): their invoices are not reminded',
    'cliHelp.dispute.open.description':
      'opens one dispute on one or more invoices of a customer, routed to a department',
    'cliHelp.dispute.open.option.amount': 'disputed amount, one invoice only (default: the invoice amount)',
    'cliHelp.dispute.open.option.note': 'what the customer says',
    'cliHelp.dispute.resolve.description':
      'resolves a dispute (its number, or E<event> for an imported one): credit_note, partial_credit or rejected',
    'cliHelp.dispute.resolve.option.resolution': 'credit_note, partial_credit or rejected',
    'cliHelp.dispute.resolve.option.case': 'the number is a case: resolve every invoice of it',
    'cliHelp.dispute.resolve.option.note': 'how it was settled',
    'cliHelp.dispute.take-over.description':
      'takes over an imported dispute (E<event>, as `dispute list` shows it) without resolving it: an open dispute record, opened on the imported date (audited)',
    'cliHelp.dispute.take-over.option.reason': 'quality, delivery, price, quantity or other (default: other)',
    'cliHelp.dispute.take-over.option.amount':
      "the amount contested, at most what the invoice still owes (default: the invoice's)",
    'cliHelp.dispute.take-over.option.note': "the note (default: the imported line's text)",
    'cliHelp.dispute.edit.description':
      "changes an open dispute's reason, department, amount, respond-by date or note (audited)",
    'cliHelp.dispute.edit.option.case': 'the number is a case: change every invoice of it still open',
    'cliHelp.dispute.edit.option.amount': 'the amount contested, at most what the invoice still owes',
    'cliHelp.dispute.edit.option.respond-by': 'when the department must answer (YYYY-MM-DD), or none',
    'cliHelp.dispute.edit.option.note': 'replaces the note',
    'cliHelp.dispute.attachments.description': 'the documents attached to a dispute, with their numbers',
    'cliHelp.dispute.detach.description':
      'removes a document from an open dispute (its number: see `dispute attachments`); the file goes when nothing else links it',
    'cliHelp.dispute.attach.description':
      'attaches a PDF, PNG, JPEG or WebP file (proof of delivery, photo, complaint letter) to a dispute',
    'cliHelp.dispute.attach.option.kind': 'proof_of_delivery, photo, complaint_letter or other',
    'cliHelp.dispute.attach.option.name': 'the name to keep (default: the file name)',
    'cliHelp.dispute.list.description': 'the disputes, open first, imported ones included',
    'cliHelp.dispute.list.option.status': 'open or resolved',
    'cliHelp.promise.description': 'promises to pay: their invoices wait until the promised date',
    'cliHelp.promise.add.description': 'records a promise to pay, in one or several instalments',
    'cliHelp.promise.add.option.instalment':
      'e.g. 2026-07-15=1500,00 or 15/07/2026=1500,00 (repeat for several)',
    'cliHelp.promise.add.option.invoice': 'invoices covered (default: all the open invoices)',
    'cliHelp.promise.add.option.note': 'what the customer said',
    'cliHelp.promise.list.description': 'the promises to pay made up to a date, kept, broken or pending',
    'cliHelp.promise.list.option.as-of': 'date (YYYY-MM-DD); default: today, or the demo reference date',
    'cliHelp.promise.list.option.imported':
      'only the promises of the imported history, read from their words (read-only); without it, --json gives the recorded promises only',
    'cliHelp.promise.list.option.status':
      'only the promises with this status: pending, kept, partially_kept, broken or unverifiable (imported history)',
    'cliHelp.promise.list.option.limit':
      'at most n promises of the imported history (50 by default, at most 500); 0: all of them',
    'cliHelp.promise.list.option.offset': 'skip the first n promises of the imported history (next page)',
  },
} as const;
