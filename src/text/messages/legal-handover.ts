/**
 * Legal hand-over (dossiers contentieux) to lawyers and collection agencies — the file's events,
 * steps and warnings, the web page and the command line, the reconciliation. The file package
 * (cover letter, annexes, injunction-to-pay checklist) is in legal-handover-package.ts.
 * Codes are those of src/core/legal (handover, injunction); credit-insurance claims are in
 * insurance-claims.ts.
 */
export const legalHandover = {
  fr: {
    'legalFile.reference': 'LF-{fileId}',
    'legalFile.filename': 'dossier-contentieux-{customer}-LF-{fileId}.pdf',
    'legalFile.event.handedOver':
      'Dossier LF-{fileId} transmis à {partner} ({kind, select, lawyer {avocat} other {société de recouvrement}}) : factures {refs}, {total}',
    'legalFile.partnerKind':
      '{kind, select, lawyer {avocat} agency {société de recouvrement} other {partenaire}}',
    'legalFile.step':
      '{step, select, received {dossier reçu} amicable {phase amiable} injunction_filed {requête en injonction de payer déposée} injunction_order {ordonnance d’injonction de payer} judgment {jugement} enforcement {exécution forcée} closed {dossier clôturé} withdrawn {dossier retiré} other {aucune étape}}',
    'legalFile.phase': '{phase, select, judicial {judiciaire} other {amiable}}',
    'legalFile.stage.handedOver':
      '{kind, select, lawyer {transmis à l’avocat le {date}} agency {transmis à la société de recouvrement le {date}} other {transmis le {date}}}',
    'legalFile.stage.step': '{step} le {date} · {phase}',
    'legalFile.reason':
      '{reason, select, recovery_not_received {recouvrements déclarés par le partenaire non reçus dans nos comptes} payment_not_reported {règlements ou avoirs enregistrés chez nous non déclarés par le partenaire} amount_differs {solde du partenaire ne découlant pas de ses recouvrements (intérêts, frais ou principal différent)} other {autre écart}}',
    'legal.progress.bodacc': 'Veille BODACC : {sirens} SIREN du portefeuille',
    'jobKind.legal.watch_bodacc': 'Veille BODACC (procédures collectives)',
    'dunningSkip.handed_over': 'Transmise à un avocat ou une agence de recouvrement',
    'auditAction.legal.partner': 'Partenaire de recouvrement enregistré',
    'auditAction.legal.handover': 'Dossier transmis au contentieux',
    'auditAction.legal.report': 'Compte rendu du partenaire enregistré',
    'auditAction.legal.file_update': 'Dossier contentieux modifié',
    'auditEntity.legal_partner': 'Partenaire de recouvrement',
    'auditEntity.legal_file': 'Dossier contentieux',
    'legalFile.cli.none': 'Aucun dossier.',
    'legalFile.cli.file':
      'LF-{fileId} — {customer} → {partner}, transmis le {handedOverOn} — {step} — transmis {handed}, recouvré {recovered}, reste dû {outstanding}, frais du partenaire {charges}',
    'legalFile.cli.noStep': 'pas encore de retour du partenaire',
    'legalFile.cli.partner':
      'n° {partnerId} — {name} ({kind}) : commission {amicable} amiable, {judicial} judiciaire ; frais {fileFee} par dossier, {judicialFee} en procédure',
    'legalFile.cli.step': '  {date} — {step} — recouvré {recovered}',
    'legalFile.cli.recorded':
      '{received} compte(s) rendu(s) reçu(s) : {recorded} enregistré(s), {duplicates} déjà connu(s).',
    'legalFile.cli.reconciled':
      'LF-{fileId} {customer} ({partner}) : chez nous {ours}, chez le partenaire {theirs}, écart {difference}',
    'legalFile.web.nav': 'Dossiers contentieux',
    'legalFile.web.title': 'Dossiers contentieux',
    'legalFile.web.partners': 'Avocats et agences de recouvrement',
    'legalFile.web.partnerName': 'Nom',
    'legalFile.web.partnerKind': 'Type',
    'legalFile.web.amicable': 'Commission amiable (%)',
    'legalFile.web.judicial': 'Commission judiciaire (%)',
    'legalFile.web.fileFee': 'Frais par dossier HT (€)',
    'legalFile.web.judicialFee': 'Frais de procédure HT (€)',
    'legalFile.web.address': 'Adresse (sur plusieurs lignes)',
    'legalFile.web.savePartner': 'Enregistrer le partenaire',
    'legalFile.web.partnerSaved': 'Partenaire enregistré.',
    'legalFile.web.handover': 'Transmettre un dossier',
    'legalFile.web.customerCode': 'Code client',
    'legalFile.web.partner': 'Partenaire',
    'legalFile.web.invoices': 'Factures (vide : toutes les factures échues)',
    'legalFile.web.handOver': 'Transmettre',
    'legalFile.warning':
      '{code, select, no_reminder {Aucune relance n’a été adressée au débiteur pour ces factures.} no_formal_notice {Aucune mise en demeure n’a été envoyée : un avocat la demandera avant toute procédure.} not_in_formal_notice {{count, plural, one {La facture {refs} n’a fait l’objet d’aucune mise en demeure (la dernière, du {date}, ne la visait pas).} other {Les factures {refs} n’ont fait l’objet d’aucune mise en demeure (la dernière, du {date}, ne les visait pas).}}} notice_deadline_pending {Le délai de paiement laissé par la mise en demeure du {date} court jusqu’au {deadline} : elle ne peut pas encore être dite restée sans effet.} open_dispute {Litige en cours sur {count, plural, one {la facture} other {les factures}} {refs} : la créance est contestée.} promise_pending {Promesse de paiement en cours sur {count, plural, one {la facture} other {les factures}} {refs} (dernière échéance le {date}) : elle n’est ni échue ni rompue.} no_chase_note {Note du {date} : « {note} » — vérifier avant de transmettre.} other {À vérifier avant de transmettre.}}',
    'legalFile.warningUndelivered':
      '{code, select, latest_formal_notice_undelivered {La dernière mise en demeure, par e-mail du {date}, n’est pas parvenue au débiteur ({status}) : seule la précédente peut être invoquée.} other {La mise en demeure par e-mail du {date} n’est pas parvenue au débiteur ({status}) : aucune mise en demeure ne lui a été remise, et un avocat la demandera avant toute procédure.}}',
    'legalFile.warningNoReminderDelivered':
      'Aucune relance n’est parvenue au débiteur pour ces factures\u00a0: la dernière, par e-mail du {date}, ne lui a pas été remise ({status}).',
    'legalFile.cli.warning': 'Attention : {text}',
    'legalFile.cli.check':
      '{customer} : {count, plural, one {# facture} other {# factures}} à transmettre ({refs}), {total} — rien n’est enregistré.',
    'legalFile.leftOut':
      '{count, plural, one {# facture laissée de côté} other {# factures laissées de côté}} ({total}) : délai de la mise en demeure du {notice} en cours jusqu’au {deadline} — {refs}',
    'legalFile.web.includePendingNotice':
      'Inclure les factures dont le délai de mise en demeure court encore',
    'legalFile.web.checkTitle':
      'À vérifier avant de transmettre {count, plural, one {# facture} other {# factures}} ({total})',
    'legalFile.web.confirm': 'Transmettre quand même',
    'legalFile.web.cancel': 'Annuler',
    'legalFile.web.handedOver': 'Dossier LF-{fileId} transmis : ses factures ne sont plus relancées.',
    'legalFile.web.files': 'Dossiers',
    'legalFile.web.noFiles':
      'Aucun dossier contentieux. Un dossier confie les factures échues d’un client à un avocat ou à une société de recouvrement : Encours suspend leurs relances, en suit les étapes, les sommes recouvrées et les frais, et prépare le dossier PDF à lui transmettre (lettre de transmission, décompte des intérêts et indemnités, relances, mise en demeure, pièces).',
    'legalFile.web.noFilesNext':
      '{partners, plural, =0 {Enregistrez d’abord le partenaire (avocat ou société de recouvrement) et ses conditions : un dossier se transmet à un partenaire enregistré.} other {Pour transmettre un dossier, saisissez le code client ci-dessus et choisissez le partenaire.}}',
    'legalFile.web.toPartnerForm': 'Enregistrer un partenaire',
    'legalFile.web.noPartner': 'Aucun partenaire enregistré.',
    'legalFile.web.colKind': 'Type',
    'legalFile.web.colTerms': 'Conditions',
    'legalFile.web.colAddress': 'Adresse',
    'legalPartnerKind.lawyer': 'Avocat',
    'legalPartnerKind.agency': 'Société de recouvrement',
    'legalFile.web.colFile': 'Dossier',
    'legalFile.web.colCustomer': 'Client',
    'legalFile.web.colPartner': 'Partenaire',
    'legalFile.web.colDate': 'Transmis le',
    'legalFile.web.colStep': 'Étape',
    'legalFile.web.colHanded': 'Transmis',
    'legalFile.web.colRecovered': 'Recouvré',
    'legalFile.web.colOutstanding': 'Reste dû',
    'legalFile.web.colCharges': 'Frais du partenaire',
    'legalFile.web.detail': 'Dossier LF-{fileId} — {customer}',
    'legalFile.web.package': 'Dossier PDF pour le partenaire',
    'legalFile.web.terms':
      'commission {amicable} en amiable, {judicial} en judiciaire ; frais {fileFee} par dossier, {judicialFee} en procédure',
    'legalFile.web.charges':
      'Recouvré {recovered}, reste dû {outstanding} ; commission {commission}, frais fixes {fees}, frais avancés {costs} : total {total} ; {owed, select, partner {reste dû au partenaire {net}} other {net à nous reverser {net}}}',
    'legalFile.web.steps': 'Comptes rendus du partenaire',
    'legalFile.web.step': 'Étape',
    'legalFile.web.date': 'Date',
    'legalFile.web.recovered': 'Recouvré (€)',
    'legalFile.web.recoveredShort': 'recouvré {amount}',
    'legalFile.web.costs': 'Frais avancés (€)',
    'legalFile.web.partnerOutstanding': 'Reste dû selon le partenaire (€)',
    'legalFile.web.note': 'Commentaire',
    'legalFile.web.addStep': 'Enregistrer l’étape',
    'legalFile.web.import': 'Compte rendu du partenaire (CSV, XLSX)',
    'legalFile.web.importButton': 'Importer',
    'legalFile.web.checklist': 'Injonction de payer',
    'legalFile.web.savePieces': 'Enregistrer les pièces confirmées',
    'legalFile.web.piecesSaved': 'Pièces enregistrées.',
    'legalFile.web.reconciliation': 'Rapprochement avec les dossiers des partenaires au {asOf}',
    'legalFile.web.noDifference': 'Aucun écart entre nos comptes et les comptes rendus des partenaires.',
    'legalFile.web.colOurs': 'Chez nous',
    'legalFile.web.colTheirs': 'Chez le partenaire',
    'legalFile.web.colDifference': 'Écart',
    'legalFile.web.colReasons': 'Explication',
  },
  en: {
    'legalFile.reference': 'LF-{fileId}',
    'legalFile.filename': 'legal-file-{customer}-LF-{fileId}.pdf',
    'legalFile.event.handedOver':
      'File LF-{fileId} handed to {partner} ({kind, select, lawyer {lawyer} other {collection agency}}): invoices {refs}, {total}',
    'legalFile.partnerKind': '{kind, select, lawyer {lawyer} agency {collection agency} other {partner}}',
    'legalFile.step':
      '{step, select, received {file received} amicable {amicable phase} injunction_filed {injunction to pay filed} injunction_order {injunction order granted} judgment {judgment} enforcement {enforcement} closed {file closed} withdrawn {file withdrawn} other {no step}}',
    'legalFile.phase': '{phase, select, judicial {judicial} other {amicable}}',
    'legalFile.stage.handedOver':
      '{kind, select, lawyer {handed over to the lawyer on {date}} agency {handed over to the collection agency on {date}} other {handed over on {date}}}',
    'legalFile.stage.step': '{step} on {date} · {phase}',
    'legalFile.reason':
      '{reason, select, recovery_not_received {recoveries reported by the partner not received in our books} payment_not_reported {payments or credits booked by us not reported by the partner} amount_differs {partner balance not following from its recoveries (interest, costs or a different principal)} other {other difference}}',
    'legal.progress.bodacc': 'BODACC watch: {sirens} SIRENs of the portfolio',
    'jobKind.legal.watch_bodacc': 'BODACC watch (collective procedures)',
    'dunningSkip.handed_over': 'Handed over to a lawyer or collection agency',
    'auditAction.legal.partner': 'Collection partner saved',
    'auditAction.legal.handover': 'File handed over for collection',
    'auditAction.legal.report': 'Partner report recorded',
    'auditAction.legal.file_update': 'Legal file changed',
    'auditEntity.legal_partner': 'Collection partner',
    'auditEntity.legal_file': 'Legal file',
    'legalFile.cli.none': 'No file.',
    'legalFile.cli.file':
      'LF-{fileId} — {customer} → {partner}, handed over on {handedOverOn} — {step} — handed {handed}, recovered {recovered}, outstanding {outstanding}, partner charges {charges}',
    'legalFile.cli.noStep': 'no report from the partner yet',
    'legalFile.cli.partner':
      'No. {partnerId} — {name} ({kind}): commission {amicable} amicable, {judicial} judicial; fees {fileFee} per file, {judicialFee} in court',
    'legalFile.cli.step': '  {date} — {step} — recovered {recovered}',
    'legalFile.cli.recorded':
      '{received} report(s) received: {recorded} recorded, {duplicates} already known.',
    'legalFile.cli.reconciled':
      'LF-{fileId} {customer} ({partner}): ours {ours}, the partner’s {theirs}, difference {difference}',
    'legalFile.web.nav': 'Legal files',
    'legalFile.web.title': 'Legal files',
    'legalFile.web.partners': 'Lawyers and collection agencies',
    'legalFile.web.partnerName': 'Name',
    'legalFile.web.partnerKind': 'Kind',
    'legalFile.web.amicable': 'Amicable commission (%)',
    'legalFile.web.judicial': 'Judicial commission (%)',
    'legalFile.web.fileFee': 'Fee per file excl. VAT (€)',
    'legalFile.web.judicialFee': 'Court fee excl. VAT (€)',
    'legalFile.web.address': 'Address (on several lines)',
    'legalFile.web.savePartner': 'Save the partner',
    'legalFile.web.partnerSaved': 'Partner saved.',
    'legalFile.web.handover': 'Hand a file over',
    'legalFile.web.customerCode': 'Customer code',
    'legalFile.web.partner': 'Partner',
    'legalFile.web.invoices': 'Invoices (empty: every overdue invoice)',
    'legalFile.web.handOver': 'Hand over',
    'legalFile.warning':
      '{code, select, no_reminder {No reminder was sent to the debtor for these invoices.} no_formal_notice {No formal notice was sent: a lawyer will ask for one before any proceedings.} not_in_formal_notice {{count, plural, one {Invoice {refs} was in no formal notice (the latest, of {date}, did not name it).} other {Invoices {refs} were in no formal notice (the latest, of {date}, did not name them).}}} notice_deadline_pending {The time to pay given by the formal notice of {date} runs until {deadline}: it cannot yet be said to have had no effect.} open_dispute {{count, plural, one {Invoice} other {Invoices}} {refs} {count, plural, one {is} other {are}} disputed: the claim is contested.} promise_pending {A promise to pay covers {count, plural, one {invoice} other {invoices}} {refs} (last instalment on {date}): it is neither due nor broken.} no_chase_note {Note of {date}: “{note}” — check before handing over.} other {To check before handing over.}}',
    'legalFile.warningUndelivered':
      '{code, select, latest_formal_notice_undelivered {The latest formal notice, e-mailed on {date}, never reached the debtor ({status}): only the previous one can be relied on.} other {The formal notice e-mailed on {date} never reached the debtor ({status}): no formal notice was delivered, and a lawyer will ask for one before any proceedings.}}',
    'legalFile.warningNoReminderDelivered':
      'No reminder reached the debtor for these invoices: the latest, e-mailed on {date}, was not delivered ({status}).',
    'legalFile.cli.warning': 'Warning: {text}',
    'legalFile.cli.check':
      '{customer}: {count, plural, one {# invoice} other {# invoices}} to hand over ({refs}), {total} — nothing recorded.',
    'legalFile.leftOut':
      '{count, plural, one {# invoice left out} other {# invoices left out}} ({total}): the formal notice of {notice} gives time to pay until {deadline} — {refs}',
    'legalFile.web.includePendingNotice': 'Include the invoices whose formal notice still gives time to pay',
    'legalFile.web.checkTitle':
      'To check before handing over {count, plural, one {# invoice} other {# invoices}} ({total})',
    'legalFile.web.confirm': 'Hand over anyway',
    'legalFile.web.cancel': 'Cancel',
    'legalFile.web.handedOver': 'File LF-{fileId} handed over: its invoices are no longer reminded.',
    'legalFile.web.files': 'Files',
    'legalFile.web.noFiles':
      'No legal file. A file hands a customer’s overdue invoices to a lawyer or a collection agency: Encours stops reminding them, follows the steps, the sums recovered and the charges, and prepares the PDF file to send (cover letter, statement of interest and indemnities, reminders, formal notice, documents).',
    'legalFile.web.noFilesNext':
      '{partners, plural, =0 {First register the partner (lawyer or collection agency) and its terms: a file is handed to a registered partner.} other {To hand a file over, enter the customer code above and choose the partner.}}',
    'legalFile.web.toPartnerForm': 'Register a partner',
    'legalFile.web.noPartner': 'No partner registered.',
    'legalFile.web.colKind': 'Kind',
    'legalFile.web.colTerms': 'Terms',
    'legalFile.web.colAddress': 'Address',
    'legalPartnerKind.lawyer': 'Lawyer',
    'legalPartnerKind.agency': 'Collection agency',
    'legalFile.web.colFile': 'File',
    'legalFile.web.colCustomer': 'Customer',
    'legalFile.web.colPartner': 'Partner',
    'legalFile.web.colDate': 'Handed over on',
    'legalFile.web.colStep': 'Step',
    'legalFile.web.colHanded': 'Handed over',
    'legalFile.web.colRecovered': 'Recovered',
    'legalFile.web.colOutstanding': 'Outstanding',
    'legalFile.web.colCharges': 'Partner charges',
    'legalFile.web.detail': 'File LF-{fileId} — {customer}',
    'legalFile.web.package': 'PDF file for the partner',
    'legalFile.web.terms':
      'commission {amicable} amicable, {judicial} judicial; fees {fileFee} per file, {judicialFee} in court',
    'legalFile.web.charges':
      'Recovered {recovered}, outstanding {outstanding}; commission {commission}, fixed fees {fees}, costs advanced {costs}: total {total}; {owed, select, partner {still owed to the partner {net}} other {net due to us {net}}}',
    'legalFile.web.steps': 'Partner reports',
    'legalFile.web.step': 'Step',
    'legalFile.web.date': 'Date',
    'legalFile.web.recovered': 'Recovered (€)',
    'legalFile.web.recoveredShort': 'recovered {amount}',
    'legalFile.web.costs': 'Costs advanced (€)',
    'legalFile.web.partnerOutstanding': 'Outstanding per the partner (€)',
    'legalFile.web.note': 'Comment',
    'legalFile.web.addStep': 'Record the step',
    'legalFile.web.import': 'Partner status file (CSV, XLSX)',
    'legalFile.web.importButton': 'Import',
    'legalFile.web.checklist': 'Injunction to pay',
    'legalFile.web.savePieces': 'Save the confirmed documents',
    'legalFile.web.piecesSaved': 'Documents saved.',
    'legalFile.web.reconciliation': 'Reconciliation with the partners’ files at {asOf}',
    'legalFile.web.noDifference': 'No difference between our books and the partners’ reports.',
    'legalFile.web.colOurs': 'Ours',
    'legalFile.web.colTheirs': 'The partner’s',
    'legalFile.web.colDifference': 'Difference',
    'legalFile.web.colReasons': 'Explanation',
  },
} as const;
