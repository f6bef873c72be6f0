/**
 * The command line’s help (`encours … --help`), in French and English, for:
 * watch, company, writeoff, provision, claim, legal.
 * Only the command line reads it: src/cli/help-words.ts adds it to the catalogue (see index.ts).
 */
export const cliHelpLegal = {
  fr: {
    'cliHelp.watch.description': 'veille des procédures collectives',
    'cliHelp.watch.bodacc.description':
      'annonces BODACC du portefeuille : événements de procédure, statuts, tâches de déclaration, alertes',
    'cliHelp.watch.bodacc.option.file':
      'le JSON de l’API des annonces BODACC, tel que téléchargé (sans lui : interrogée en direct)',
    'cliHelp.watch.bodacc.option.base-url': 'URL de base de l’API des annonces (en direct)',
    'cliHelp.watch.bodacc.option.timeout': 'délai d’attente d’une requête, en millisecondes (en direct)',
    'cliHelp.watch.bodacc.option.retries': 'nouvelles tentatives après un échec (en direct)',
    'cliHelp.watch.bodacc.option.lookback-days': 'annonces publiées ces derniers jours (en direct)',
    'cliHelp.watch.schedule.description':
      'planifier la veille BODACC en direct comme traitement quotidien (ou en changer l’heure et les réglages)',
    'cliHelp.watch.schedule.option.cron': 'quand, à l’heure de Europe/Paris',
    'cliHelp.watch.schedule.option.base-url': 'URL de base de l’API des annonces',
    'cliHelp.watch.schedule.option.lookback-days': 'annonces publiées ces derniers jours',
    'cliHelp.company.description': 'données du registre des entreprises pour les clients',
    'cliHelp.company.enrich.description':
      'données du registre pour un client, ou pour chaque client avec --all',
    'cliHelp.company.enrich.option.all': 'chaque client ayant un SIREN ou un SIRET',
    'cliHelp.company.enrich.option.file':
      "hors ligne : le JSON de l’API Recherche d’entreprises (brut ou '{searchTerms, result}')",
    'cliHelp.company.enrich.option.base-url': 'URL de base de l’API',
    'cliHelp.writeoff.description':
      'passages en perte : proposition, approbation selon la matrice de délégation',
    'cliHelp.writeoff.propose.description': 'proposer de passer en perte des factures d’un client',
    'cliHelp.writeoff.propose.option.invoices':
      'références des factures, séparées par des virgules ; REF=MONTANT pour une partie d’une facture',
    'cliHelp.writeoff.propose.option.reason':
      'insolvency (insolvabilité), uncollectable (irrécouvrable), small_balance (petit solde), commercial ou other (autre)',
    'cliHelp.writeoff.propose.option.why': 'la justification',
    'cliHelp.writeoff.propose.option.vat-rate':
      'taux de TVA des factures en points de base (2000 = 20 %), pour la note de TVA',
    'cliHelp.writeoff.propose.option.user': 'l’utilisateur de la société qui propose',
    'cliHelp.writeoff.list.description': 'les propositions de passage en perte, les plus récentes d’abord',
    'cliHelp.writeoff.list.option.status': 'proposed (proposée), approved (approuvée) ou rejected (rejetée)',
    'cliHelp.provision.description':
      'provision pour créances douteuses à une date, par ancienneté ou au cas par cas ; mouvements depuis --from',
    'cliHelp.provision.option.as-of': 'date de la provision (par défaut : la date de référence)',
    'cliHelp.provision.option.from':
      'début de la période des mouvements (la provision à cette date est l’ouverture)',
    'cliHelp.claim.description':
      'déclarations de créances dans les procédures collectives : liste, préparation, déclaration, courrier au mandataire',
    'cliHelp.claim.list.description':
      'les créances à déclarer des clients en procédure collective, date limite la plus proche d’abord',
    'cliHelp.claim.prepare.description':
      'préparer (enregistrer) la déclaration de créance d’un client en procédure collective ; la préparer à nouveau rend la même',
    'cliHelp.claim.prepare.option.judgment':
      'date du jugement d’ouverture (par défaut : celle de l’historique du client ; obligatoire quand seul son statut dit la procédure)',
    'cliHelp.claim.prepare.option.publication':
      'date de publication du jugement au BODACC, si connue (sans elle, la date limite est estimée à partir du jugement)',
    'cliHelp.claim.declare.description': 'enregistrer la créance comme déclarée au mandataire judiciaire',
    'cliHelp.claim.declare.option.on': 'date d’envoi de la déclaration (par défaut : la date de référence)',
    'cliHelp.claim.declare.option.mandataire':
      'le mandataire à qui elle a été envoyée (par défaut : celui de la déclaration préparée)',
    'cliHelp.claim.letter.description':
      'le courrier de déclaration de créance d’une tâche de déclaration (L622-24, R622-23), en PDF',
    'cliHelp.claim.letter.option.mandataire': 'le mandataire judiciaire désigné dans le jugement',
    'cliHelp.claim.letter.option.address': 'son adresse, lignes séparées par |',
    'cliHelp.claim.letter.option.date': 'date du courrier (par défaut : la date de référence)',
    'cliHelp.claim.option.user':
      'agir pour cet utilisateur de la société, dont le rôle est vérifié comme par l’API (par défaut : pour la société, sans rôle)',
    'cliHelp.legal.description':
      'transmission au contentieux, aux avocats et aux sociétés de recouvrement : dossiers, dossier de pièces, comptes rendus, rapprochement',
    'cliHelp.legal.partner.description': 'avocats et sociétés de recouvrement',
    'cliHelp.legal.partner.save.description':
      'ajouter un partenaire, ou changer les conditions de celui qui porte ce nom',
    'cliHelp.legal.partner.save.option.kind': 'lawyer (avocat) ou agency (société de recouvrement)',
    'cliHelp.legal.partner.save.option.amicable-bps':
      'commission sur les montants recouvrés à l’amiable (1200 = 12 %)',
    'cliHelp.legal.partner.save.option.judicial-bps': 'commission une fois le dossier porté en justice',
    'cliHelp.legal.partner.save.option.file-fee': 'forfait par dossier, hors TVA (50.00)',
    'cliHelp.legal.partner.save.option.judicial-fee': 'forfait une fois en justice, hors TVA',
    'cliHelp.legal.partner.save.option.email': 'adresse à laquelle le dossier de pièces est envoyé',
    'cliHelp.legal.partner.save.option.address': 'lignes d’adresse séparées par |',
    'cliHelp.legal.partner.list.description': 'les partenaires et leurs conditions',
    'cliHelp.legal.handover.description':
      'transmettre les factures échues du client (ou celles indiquées) à un avocat ou à une société de recouvrement',
    'cliHelp.legal.handover.option.partner': 'le partenaire (voir `legal partner list`)',
    'cliHelp.legal.handover.option.invoices':
      'références des factures, séparées par des virgules (par défaut : chaque facture échue, sauf celles dont la mise en demeure laisse encore un délai de paiement)',
    'cliHelp.legal.handover.option.includePendingNotice':
      'transmettre aussi les factures échues dont la mise en demeure laisse encore un délai de paiement (par défaut : laissées de côté)',
    'cliHelp.legal.handover.option.reference': 'la référence du dossier chez le partenaire',
    'cliHelp.legal.handover.option.note': 'une note sur le dossier',
    'cliHelp.legal.handover.option.date': 'date de transmission (par défaut : la date de référence)',
    'cliHelp.legal.handover.option.check':
      'dire ce qui serait transmis et ce qu’il faut vérifier d’abord, sans rien enregistrer',
    'cliHelp.legal.files.description':
      'les dossiers contentieux avec leur étape, les recouvrements, le restant dû et les frais du partenaire',
    'cliHelp.legal.file.description':
      'un dossier contentieux, avec ses étapes et la liste de contrôle de l’injonction de payer',
    'cliHelp.legal.package.description':
      'le dossier de pièces pour le partenaire (lettre d’accompagnement, relevé, annexes, pièces des litiges) en un seul PDF',
    'cliHelp.legal.package.option.date':
      'date du courrier et des montants (par défaut : la date de référence)',
    'cliHelp.legal.report.description':
      'enregistrer une étape signalée par le partenaire : recouvré, frais, restant dû selon lui',
    'cliHelp.legal.report.option.step':
      'étape : received|amicable|injunction_filed|injunction_order|judgment|enforcement|closed|withdrawn',
    'cliHelp.legal.report.option.date': 'date de l’étape',
    'cliHelp.legal.report.option.recovered': 'encaissé par le partenaire à cette étape',
    'cliHelp.legal.report.option.costs': 'frais avancés par le partenaire',
    'cliHelp.legal.report.option.outstanding': 'ce que le débiteur doit encore, selon le partenaire',
    'cliHelp.legal.report.option.report-id':
      'l’identifiant du compte rendu chez le partenaire (le même deux fois n’ajoute rien)',
    'cliHelp.legal.import.description':
      'importer le fichier d’état d’un partenaire (CSV/XLSX) ; les lignes déjà importées n’ajoutent rien',
    'cliHelp.legal.import.option.dry-run': 'vérifier le fichier sans rien enregistrer',
    'cliHelp.legal.pieces.description': 'confirmer que les pièces de l’injonction sont au dossier',
    'cliHelp.legal.pieces.option.provided':
      'order_or_contract,proof_of_delivery,formal_notice_ar (vide : aucune)',
    'cliHelp.legal.reconcile.description':
      'notre restant dû par dossier face à celui que déclare le partenaire, écarts expliqués',
    'cliHelp.legal.reconcile.option.partner': 'un seul partenaire',
    'cliHelp.writeoff.approve.description': 'approuver : le passage en perte est écrit au grand livre',
    'cliHelp.writeoff.reject.description': 'rejeter, en disant pourquoi',
  },
  en: {
    'cliHelp.watch.description': 'insolvency watch',
    'cliHelp.watch.bodacc.description':
      'BODACC announcements for the portfolio: procedure events, statuses, claim tasks, alerts',
    'cliHelp.watch.bodacc.option.file': 'the BODACC records API JSON, as fetched (without it: fetched live)',
    'cliHelp.watch.bodacc.option.base-url': 'records API base URL (live)',
    'cliHelp.watch.bodacc.option.timeout': 'timeout of one request, in milliseconds (live)',
    'cliHelp.watch.bodacc.option.retries': 'further attempts after a failure (live)',
    'cliHelp.watch.bodacc.option.lookback-days': 'announcements published in the last days (live)',
    'cliHelp.watch.schedule.description':
      'schedules the live BODACC watch as a daily job (or changes its time and settings)',
    'cliHelp.watch.schedule.option.cron': 'when, in Europe/Paris time',
    'cliHelp.watch.schedule.option.base-url': 'records API base URL',
    'cliHelp.watch.schedule.option.lookback-days': 'announcements published in the last days',
    'cliHelp.company.description': 'company-register data of customers',
    'cliHelp.company.enrich.description': 'register data of one customer, or of every customer with --all',
    'cliHelp.company.enrich.option.all': 'every customer with a SIREN or SIRET',
    'cliHelp.company.enrich.option.file':
      "offline: the API Recherche d’entreprises JSON (raw or '{searchTerms, result}')",
    'cliHelp.company.enrich.option.base-url': 'API base URL',
    'cliHelp.writeoff.description': 'write-offs: proposal, approval along the delegation matrix',
    'cliHelp.writeoff.propose.description': 'propose writing off invoices of a customer',
    'cliHelp.writeoff.propose.option.invoices':
      'invoice references, comma-separated; REF=AMOUNT for part of one',
    'cliHelp.writeoff.propose.option.reason': 'insolvency|uncollectable|small_balance|commercial|other',
    'cliHelp.writeoff.propose.option.why': 'the justification',
    'cliHelp.writeoff.propose.option.vat-rate':
      'VAT rate of the invoices in basis points (2000 = 20 %), for the VAT note',
    'cliHelp.writeoff.propose.option.user': 'the user of the company who proposes',
    'cliHelp.writeoff.list.description': 'write-off proposals, newest first',
    'cliHelp.writeoff.list.option.status': 'proposed|approved|rejected',
    'cliHelp.provision.description':
      'provision for doubtful debts at a date, by age or case; movements since --from',
    'cliHelp.provision.option.as-of': 'date of the provision (default: the reference date)',
    'cliHelp.provision.option.from':
      'start of the period of the movements (the provision at that date is the opening)',
    'cliHelp.claim.description':
      'claim declarations in collective procedures: list, preparation, declaration, letter to the mandataire',
    'cliHelp.claim.list.description':
      'the claims to declare of customers in collective procedures, nearest deadline first',
    'cliHelp.claim.prepare.description':
      'prepares (records) the claim declaration of a customer in a collective procedure; preparing it again returns the same one',
    'cliHelp.claim.prepare.option.judgment':
      'date of the opening judgment (default: the one of the customer’s story; required when only its status tells of the procedure)',
    'cliHelp.claim.prepare.option.publication':
      'date the judgment was published in the BODACC, if known (without it, the deadline is estimated from the judgment)',
    'cliHelp.claim.declare.description': 'records the claim as declared to the mandataire judiciaire',
    'cliHelp.claim.declare.option.on': 'date the declaration was sent (default: the reference date)',
    'cliHelp.claim.declare.option.mandataire':
      'the mandataire it was sent to (default: the one of the prepared declaration)',
    'cliHelp.claim.letter.description':
      'the claim-declaration letter of a claim task (L622-24, R622-23), as PDF',
    'cliHelp.claim.letter.option.mandataire': 'the mandataire judiciaire named in the judgment',
    'cliHelp.claim.letter.option.address': 'their address, lines separated by |',
    'cliHelp.claim.letter.option.date': 'date of the letter (default: the reference date)',
    'cliHelp.claim.option.user':
      'act for this user of the company, whose role is checked as the API checks it (default: for the company, no role)',
    'cliHelp.legal.description':
      'legal hand-over to lawyers and collection agencies: files, package, reports, reconciliation',
    'cliHelp.legal.partner.description': 'lawyers and collection agencies',
    'cliHelp.legal.partner.save.description':
      'adds a partner, or changes the terms of the one with that name',
    'cliHelp.legal.partner.save.option.kind': 'lawyer or agency',
    'cliHelp.legal.partner.save.option.amicable-bps':
      'commission on amounts recovered amicably (1200 = 12 %)',
    'cliHelp.legal.partner.save.option.judicial-bps': 'commission once the file goes to court',
    'cliHelp.legal.partner.save.option.file-fee': 'fixed fee per file, excl. VAT (50.00)',
    'cliHelp.legal.partner.save.option.judicial-fee': 'fixed fee once in court, excl. VAT',
    'cliHelp.legal.partner.save.option.email': 'where the package is sent',
    'cliHelp.legal.partner.save.option.address': 'address lines separated by |',
    'cliHelp.legal.partner.list.description': 'the partners and their terms',
    'cliHelp.legal.handover.description':
      "hands the customer's overdue invoices (or those named) to a lawyer or an agency",
    'cliHelp.legal.handover.option.partner': 'the partner (see `legal partner list`)',
    'cliHelp.legal.handover.option.invoices':
      'invoice references, comma-separated (default: every overdue invoice but those whose formal notice still gives time to pay)',
    'cliHelp.legal.handover.option.includePendingNotice':
      'also hand over the overdue invoices whose formal notice still gives time to pay (default: left out)',
    'cliHelp.legal.handover.option.reference': 'the partner’s own file reference',
    'cliHelp.legal.handover.option.note': 'a note on the file',
    'cliHelp.legal.handover.option.date': 'hand-over date (default: the reference date)',
    'cliHelp.legal.handover.option.check':
      'say what would be handed over and what to check first, and record nothing',
    'cliHelp.legal.files.description':
      'legal files with their step, recoveries, outstanding and the partner’s charges',
    'cliHelp.legal.file.description': 'one legal file, with its steps and the injunction-to-pay checklist',
    'cliHelp.legal.package.description':
      'the file package for the partner (cover letter, statement, annexes, the disputes’ documents) as one PDF',
    'cliHelp.legal.package.option.date':
      'date of the letter and of the amounts (default: the reference date)',
    'cliHelp.legal.report.description':
      'records a step the partner reported: recovered, costs, its outstanding',
    'cliHelp.legal.report.option.step':
      'received|amicable|injunction_filed|injunction_order|judgment|enforcement|closed|withdrawn',
    'cliHelp.legal.report.option.date': 'date of the step',
    'cliHelp.legal.report.option.recovered': 'collected by the partner with this step',
    'cliHelp.legal.report.option.costs': 'costs the partner advanced',
    'cliHelp.legal.report.option.outstanding': 'what the debtor still owes, as the partner sees it',
    'cliHelp.legal.report.option.report-id': 'the partner’s id of the report (the same twice adds nothing)',
    'cliHelp.legal.import.description':
      'imports a partner’s status file (CSV/XLSX); lines already imported add nothing',
    'cliHelp.legal.import.option.dry-run': 'check the file and record nothing',
    'cliHelp.legal.pieces.description': 'confirms injunction pieces are in the file',
    'cliHelp.legal.pieces.option.provided':
      'order_or_contract,proof_of_delivery,formal_notice_ar (empty: none)',
    'cliHelp.legal.reconcile.description':
      'our outstanding per file against the partner’s reported outstanding, differences explained',
    'cliHelp.legal.reconcile.option.partner': 'one partner',
    'cliHelp.writeoff.approve.description': 'approve: the write-off is written to the ledger',
    'cliHelp.writeoff.reject.description': 'reject, saying why',
  },
} as const;
