/**
 * Legal hand-over (dossiers contentieux) to lawyers and collection agencies — the cover letter and
 * annexes of the file package, the steps, the injunction-to-pay checklist, the reconciliation.
 * Codes are those of src/core/legal (handover, injunction); credit-insurance claims are in
 * insurance-claims.ts.
 */
export const legalHandover = {
  fr: {
    'legalFile.reference': 'LF-{fileId}',
    'legalFile.filename': 'dossier-contentieux-{customer}-LF-{fileId}.pdf',
    'legalFile.event.handedOver':
      'Dossier LF-{fileId} transmis à {partner} ({kind, select, lawyer {avocat} other {société de recouvrement}}) : factures {refs}, {total}',
    'legalFile.partnerKind':
      '{kind, select, lawyer {avocat} agency {société de recouvrement} other {partenaire}}',
    'legalFile.step':
      '{step, select, received {dossier reçu} amicable {phase amiable} injunction_filed {requête en injonction de payer déposée} injunction_order {ordonnance d’injonction de payer} judgment {jugement} enforcement {exécution forcée} closed {dossier clôturé} withdrawn {dossier retiré} other {aucune étape}}',
    'legalFile.phase': '{phase, select, judicial {judiciaire} other {amiable}}',
    'legalFile.reason':
      '{reason, select, recovery_not_received {recouvrements déclarés par le partenaire non reçus dans nos comptes} payment_not_reported {règlements ou avoirs enregistrés chez nous non déclarés par le partenaire} amount_differs {solde du partenaire ne découlant pas de ses recouvrements (intérêts, frais ou principal différent)} other {autre écart}}',
    'legalFile.letter.subject': 'Transmission d’un dossier de recouvrement — {debtor}',
    'legalFile.letter.salutation': '{kind, select, lawyer {Maître,} other {Madame, Monsieur,}}',
    'legalFile.letter.debtor': 'Débiteur :',
    'legalFile.letter.totalClaimed': 'Total de la créance',
    'legalFile.letter.intro':
      'Nous vous confions le recouvrement {kind, select, lawyer {amiable puis, si nécessaire, judiciaire} other {amiable}} de notre créance sur la société {debtor}{siren, select, none {} other { (SIREN {siren})}}{address, select, none {} other {, {address}}}, qui reste redevable des factures suivantes, {chased, select, none {échues et restées impayées à ce jour} reminders {échues et impayées malgré nos relances} notice {échues et impayées malgré notre mise en demeure du {notice}} notice_some {échues et impayées, dont {coveredCount, plural, one {la facture {covered}} other {les factures {covered}}} malgré notre mise en demeure du {notice}} both_some {échues et impayées malgré nos relances, dont {coveredCount, plural, one {la facture {covered}} other {les factures {covered}}} malgré notre mise en demeure du {notice}} other {échues et impayées malgré nos relances et notre mise en demeure du {notice}}} :',
    'legalFile.letter.amount':
      'Au {date}, notre créance s’élève à {total}, soit {principal} en principal, {interest} d’intérêts de retard (article L441-10 du Code de commerce) et {indemnity} d’indemnités forfaitaires pour frais de recouvrement (40 € par facture, article D441-5).',
    'legalFile.letter.reminders':
      '{count, plural, =0 {Aucune relance n’est enregistrée dans nos dossiers.} one {Une relance a été adressée au débiteur le {first}.} other {# relances ont été adressées au débiteur, du {first} au {last}.}}',
    'legalFile.letter.noChasing':
      'Nous n’avons adressé au débiteur ni relance ni mise en demeure : nous vous laissons le soin de le mettre en demeure.',
    'legalFile.letter.formalNotice':
      '{notice, select, none {Aucune mise en demeure ne lui a été adressée par nos soins : nous vous laissons le soin de la lui notifier.} other {Une mise en demeure lui a été adressée le {notice}{registered, select, yes { par lettre recommandée avec accusé de réception} other {}}{scope, select, some { pour {coveredCount, plural, one {la facture {covered}} other {les factures {covered}}} seulement} other {}}{pending, select, yes { ; le délai de paiement qu’elle lui laisse court jusqu’au {deadline}.} other {, restée sans effet.}}}}',
    'legalFile.letter.dispute':
      '{disputed, select, yes {Le débiteur a élevé des contestations dont vous trouverez la trace en annexe 3.} other {À notre connaissance, cette créance n’est pas contestée.}}',
    'legalFile.letter.terms':
      'Conformément à notre convention, votre rémunération comprend une commission de {amicable} sur les sommes recouvrées en phase amiable et de {judicial} en phase judiciaire, ainsi que des frais fixes de {fileFee} HT par dossier{judicialFee, select, none {} other { et de {judicialFee} HT en cas de procédure judiciaire}}.',
    'legalFile.letter.reporting':
      'Nous vous remercions de nous informer de chaque étape (phase amiable, requête en injonction de payer, ordonnance, jugement, exécution) et des sommes encaissées, en rappelant notre référence {reference}, et de nous reverser les fonds recouvrés sous déduction de votre commission. Tout règlement que le débiteur nous adresserait directement vous sera signalé.',
    'legalFile.letter.enclosures':
      'Vous trouverez en annexe {annexes}{listed, plural, =0 {} one {, ainsi que le document de son litige (annexe 5){all, select, yes {, reproduit à la suite} other {}}} other {, ainsi que les # documents de ses litiges (annexe 5){all, select, yes {, reproduits à la suite} other {{appended, plural, =0 {} one {, dont un reproduit à la suite} other {, dont # reproduits à la suite}}}}}}. Les copies des factures, bons de commande et bons de livraison vous seront adressées sur simple demande.',
    'legalFile.letter.annex':
      '{annex, select, reminders {l’historique des relances (annexe 1)} formal_notice {la mise en demeure (annexe 2)} story {les échanges avec le débiteur (annexe 3)} other {la liste des pièces utiles à une requête en injonction de payer (annexe 4)}}',
    'legalFile.letter.closing':
      'Nous restons à votre disposition pour tout renseignement complémentaire et vous prions d’agréer, {kind, select, lawyer {Maître} other {Madame, Monsieur}}, l’expression de nos salutations distinguées.',
    'legalFile.letter.legal':
      'Document confidentiel transmis à notre mandataire pour le recouvrement de la créance — toute communication à un tiers est interdite.',
    'legalFile.annex.reminders': 'Annexe 1 — Relances adressées au débiteur',
    'legalFile.annex.formalNotice': 'Annexe 2 — Mise en demeure',
    'legalFile.annex.story': 'Annexe 3 — Échanges avec le débiteur',
    'legalFile.annex.injunction': 'Annexe 4 — Injonction de payer : tribunal compétent et pièces',
    'legalFile.annex.colDate': 'Date',
    'legalFile.annex.colAction': 'Démarche',
    'legalFile.annex.colInvoices': 'Factures',
    'legalFile.annex.colClaimed': 'Montant réclamé',
    'legalFile.annex.colKind': 'Nature',
    'legalFile.annex.colDetail': 'Détail',
    'legalFile.annex.colPiece': 'Pièce',
    'legalFile.annex.colStatus': 'État',
    'legalFile.annex.dunningAction': '{step} (niveau {level}) — {channel}',
    'legalFile.annex.noReminder': 'Aucune relance n’est enregistrée.',
    'legalFile.annex.noFormalNotice': 'Aucune mise en demeure n’a été adressée par nos soins.',
    'legalFile.annex.noticeDate': 'Date d’envoi',
    'legalFile.annex.noticeChannel': 'Mode d’envoi',
    'legalFile.annex.noStory': 'Aucun échange enregistré.',
    'legalFile.annex.disputeFiles': 'Annexe 5 — Pièces des litiges',
    'legalFile.annex.disputeFilesIntro':
      'Documents joints aux litiges des factures transmises (bon de livraison signé, photos, courrier de réclamation), conservés dans Encours. {appended, plural, =0 {Aucun ne peut être reproduit dans ce PDF.} one {La pièce n° 1 est reproduite à la suite de cette annexe, chacune de ses pages portant son numéro.} other {Les pièces n° 1 à # sont reproduites à la suite de cette annexe, dans l’ordre, chaque page portant le numéro de sa pièce.}}{all, select, yes {} other { Les documents sans numéro ne sont pas reproduits (motif en dernière colonne) : ils vous seront adressés sur demande.}}',
    'legalFile.annex.colNumber': 'N°',
    'legalFile.annex.colInPdf': 'Dans ce PDF',
    'legalFile.annex.pieceLabel':
      'Pièce n° {number} — {kind} — facture {invoice} — {kindCode, select, proof_of_delivery {joint} complaint_letter {joint} other {jointe}} le {date}',
    'legalFile.annex.pieceInPdf':
      '{outcome, select, appended {{pages, plural, one {reproduite, # page} other {reproduite, # pages}}} format {non joint au PDF : format {format, select, unknown {inconnu} other {{format}}}} unreadable {non joint au PDF : fichier illisible ou endommagé} encrypted {non joint au PDF : PDF protégé (chiffré)} size {non joint au PDF : au-delà de {maxMb, number} Mo de pièces par dossier} pixels {non joint au PDF : image trop grande ({width, number} × {height, number} pixels)} other {non joint au PDF}}',
    'legalFile.annex.colFile': 'Fichier',
    'legalFile.annex.fileSize': '{name} ({kb, number} Ko)',
    'legalFile.court.explain':
      '{court, select, commercial_court {Créance commerciale : la requête est à présenter au président du tribunal de commerce (ou du tribunal des activités économiques là où il siège) du lieu du siège du débiteur, quel qu’en soit le montant (CPC art. 1406).} judicial_court {Le débiteur n’est pas commerçant : la requête est à présenter au tribunal judiciaire du lieu de son domicile ou siège (CPC art. 1406).} administrative_route {Le débiteur est une personne publique : l’injonction de payer n’est pas ouverte ; demander le mandatement d’office ou saisir le juge administratif en référé-provision.} european_order {Le débiteur est établi dans un autre État membre : injonction de payer européenne (règlement (CE) n° 1896/2006).} foreign_court {Le débiteur est établi hors de l’Union européenne : procédure du pays du débiteur, avec un correspondant local.} collective_procedure {Le débiteur fait l’objet d’une procédure collective : les poursuites individuelles sont suspendues (article L622-21 du Code de commerce) ; la créance est à déclarer au mandataire judiciaire.} other {Tribunal à déterminer.}}',
    'legalFile.court.presumed':
      'Forme juridique du débiteur inconnue : la qualité de commerçant est présumée ; la vérifier au registre avant de déposer la requête.',
    'legalFile.court.fromName':
      'Forme juridique lue dans la raison sociale ({form}), faute de donnée du registre{presumed, select, yes { ; la qualité de commerçant est présumée} other {}} : la vérifier au registre avant de déposer la requête.',
    'legalFile.court.smallClaims':
      'Montant inférieur à 5 000 € : la procédure simplifiée de recouvrement des petites créances par un commissaire de justice (article L125-1 du Code des procédures civiles d’exécution) est une alternative sans juge.',
    'legalFile.piece':
      '{piece, select, invoices {Factures impayées} order_or_contract {Bon de commande, contrat ou conditions générales acceptées} proof_of_delivery {Preuve de livraison (bon signé) ou d’exécution} formal_notice_ar {Mise en demeure avec accusé de réception} statement {Relevé de compte et décompte de la créance} other {Pièce}}',
    'legalFile.pieceStatus':
      '{status, select, in_package {jointe au dossier} on_record {disponible dans Encours{date, select, none {} other { (du {date})}}} provided {fournie (confirmée)} to_provide {à fournir} other {à vérifier}}',
    'legalFile.invoicePieces.reproduced': 'fournie : {pieces}',
    'legalFile.invoicePieces.number': 'pièce n° {number} ({invoice})',
    'legalFile.invoicePieces.missing':
      '{status, select, on_record {jointe au litige, à transmettre{named, select, yes { ({invoices})} other {}}} provided {fournie (confirmée){named, select, yes { pour {invoices}} other {}}} other {à fournir{named, select, yes { pour {invoices}} other {}}}}',
    'legalFile.invoicePieces.join': '{before} ; {after}',
    'legal.progress.bodacc': 'Veille BODACC : {sirens} SIREN du portefeuille',
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
    'legalFile.cli.partner':
      'n° {partnerId} — {name} ({kind}) : commission {amicable} amiable, {judicial} judiciaire ; frais {fileFee} par dossier, {judicialFee} en procédure',
    'legalFile.cli.step': '  {date} — {step} — recouvré {recovered}',
    'legalFile.cli.recorded':
      '{received} compte(s) rendu(s) reçu(s) : {recorded} enregistré(s), {duplicates} déjà connu(s).',
    'legalFile.cli.reconciled':
      'LF-{fileId} {customer} ({partner}) : chez nous {ours}, chez le partenaire {theirs}, écart {difference}',
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
    'legalFile.web.invoices': 'Factures (vide : toutes les factures échues)',
    'legalFile.web.handOver': 'Transmettre',
    'legalFile.warning':
      '{code, select, no_reminder {Aucune relance n’a été adressée au débiteur pour ces factures.} no_formal_notice {Aucune mise en demeure n’a été envoyée : un avocat la demandera avant toute procédure.} not_in_formal_notice {{count, plural, one {La facture {refs} n’a fait l’objet d’aucune mise en demeure (la dernière, du {date}, ne la visait pas).} other {Les factures {refs} n’ont fait l’objet d’aucune mise en demeure (la dernière, du {date}, ne les visait pas).}}} notice_deadline_pending {Le délai de paiement laissé par la mise en demeure du {date} court jusqu’au {deadline} : elle ne peut pas encore être dite restée sans effet.} open_dispute {Litige en cours sur {count, plural, one {la facture} other {les factures}} {refs} : la créance est contestée.} promise_pending {Promesse de paiement en cours sur {count, plural, one {la facture} other {les factures}} {refs} (dernière échéance le {date}) : elle n’est ni échue ni rompue.} no_chase_note {Note du {date} : « {note} » — vérifier avant de transmettre.} other {À vérifier avant de transmettre.}}',
    'legalFile.cli.warning': 'Attention : {text}',
    'legalFile.cli.check':
      '{customer} : {count, plural, one {# facture} other {# factures}} à transmettre ({refs}), {total} — rien n’est enregistré.',
    'legalFile.web.checkTitle':
      'À vérifier avant de transmettre {count, plural, one {# facture} other {# factures}} ({total})',
    'legalFile.web.confirm': 'Transmettre quand même',
    'legalFile.web.cancel': 'Annuler',
    'legalFile.web.handedOver': 'Dossier LF-{fileId} transmis : ses factures ne sont plus relancées.',
    'legalFile.web.files': 'Dossiers',
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
      'commission {amicable} en amiable, {judicial} en judiciaire ; frais {fileFee} par dossier, {judicialFee} en procédure',
    'legalFile.web.charges':
      'Recouvré {recovered}, reste dû {outstanding} ; commission {commission}, frais fixes {fees}, frais avancés {costs} : total {total} ; {owed, select, partner {reste dû au partenaire {net}} other {net à nous reverser {net}}}',
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
    'legalFile.reason':
      '{reason, select, recovery_not_received {recoveries reported by the partner not received in our books} payment_not_reported {payments or credits booked by us not reported by the partner} amount_differs {partner balance not following from its recoveries (interest, costs or a different principal)} other {other difference}}',
    'legalFile.letter.subject': 'Collection file — {debtor}',
    'legalFile.letter.salutation': '{kind, select, lawyer {Dear Counsel,} other {Dear Sir or Madam,}}',
    'legalFile.letter.debtor': 'Debtor:',
    'legalFile.letter.totalClaimed': 'Total claim',
    'legalFile.letter.intro':
      'We hereby instruct you to recover, {kind, select, lawyer {amicably and, if need be, through the courts,} other {amicably,}} our claim against {debtor}{siren, select, none {} other { (SIREN {siren})}}{address, select, none {} other {, {address}}}, which still owes the following invoices, {chased, select, none {due and still unpaid to date} reminders {due and unpaid despite our reminders} notice {due and unpaid despite our formal notice of {notice}} notice_some {due and unpaid, {coveredCount, plural, one {invoice {covered}} other {invoices {covered}}} despite our formal notice of {notice}} both_some {due and unpaid despite our reminders, {coveredCount, plural, one {invoice {covered}} other {invoices {covered}}} also despite our formal notice of {notice}} other {due and unpaid despite our reminders and our formal notice of {notice}}}:',
    'legalFile.letter.amount':
      'On {date} our claim amounts to {total}: {principal} of principal, {interest} of late interest (article L441-10 of the French Commercial Code) and {indemnity} of fixed recovery indemnities (€40 per invoice, article D441-5).',
    'legalFile.letter.reminders':
      '{count, plural, =0 {No reminder is on record.} one {One reminder was sent to the debtor on {first}.} other {# reminders were sent to the debtor from {first} to {last}.}}',
    'legalFile.letter.noChasing':
      'We have sent the debtor neither a reminder nor a formal notice: please serve one.',
    'legalFile.letter.formalNotice':
      '{notice, select, none {We have sent the debtor no formal notice: please serve one.} other {A formal notice was sent on {notice}{registered, select, yes { by registered letter with acknowledgement of receipt} other {}}{scope, select, some { for {coveredCount, plural, one {invoice {covered}} other {invoices {covered}}} only} other {}}{pending, select, yes {; the time it gives to pay runs until {deadline}.} other {, without effect.}}}}',
    'legalFile.letter.dispute':
      '{disputed, select, yes {The debtor raised disputes, recorded in appendix 3.} other {To our knowledge, this claim is not disputed.}}',
    'legalFile.letter.terms':
      'As agreed, your fees are a commission of {amicable} on amounts recovered in the amicable phase and {judicial} in the judicial phase, plus fixed fees of {fileFee} excl. VAT per file{judicialFee, select, none {} other { and {judicialFee} excl. VAT if court proceedings are needed}}.',
    'legalFile.letter.reporting':
      'Please report each step (amicable phase, injunction request, order, judgment, enforcement) and every amount collected, quoting our reference {reference}, and remit the funds recovered less your commission. Any payment the debtor makes to us directly will be notified to you.',
    'legalFile.letter.enclosures':
      'Appended are {annexes}{listed, plural, =0 {} one {, as well as the document of its dispute (appendix 5){all, select, yes {, reproduced after it} other {}}} other {, as well as the # documents of its disputes (appendix 5){all, select, yes {, reproduced after it} other {{appended, plural, =0 {} one {, one of them reproduced after it} other {, # of them reproduced after it}}}}}}. Copies of the invoices, orders and delivery notes are available on request.',
    'legalFile.letter.annex':
      '{annex, select, reminders {the reminders sent (appendix 1)} formal_notice {the formal notice (appendix 2)} story {the exchanges with the debtor (appendix 3)} other {the checklist of the documents an injunction to pay requires (appendix 4)}}',
    'legalFile.letter.closing':
      'We remain at your disposal for any further information. {kind, select, lawyer {Yours faithfully,} other {Yours faithfully,}}',
    'legalFile.letter.legal':
      'Confidential document sent to our agent for the recovery of the claim — not to be disclosed to third parties.',
    'legalFile.annex.reminders': 'Appendix 1 — Reminders sent to the debtor',
    'legalFile.annex.formalNotice': 'Appendix 2 — Formal notice',
    'legalFile.annex.story': 'Appendix 3 — Exchanges with the debtor',
    'legalFile.annex.injunction': 'Appendix 4 — Injunction to pay: competent court and documents',
    'legalFile.annex.colDate': 'Date',
    'legalFile.annex.colAction': 'Action',
    'legalFile.annex.colInvoices': 'Invoices',
    'legalFile.annex.colClaimed': 'Amount claimed',
    'legalFile.annex.colKind': 'Kind',
    'legalFile.annex.colDetail': 'Detail',
    'legalFile.annex.colPiece': 'Document',
    'legalFile.annex.colStatus': 'Status',
    'legalFile.annex.dunningAction': '{step} (level {level}) — {channel}',
    'legalFile.annex.noReminder': 'No reminder is on record.',
    'legalFile.annex.noFormalNotice': 'We have sent no formal notice.',
    'legalFile.annex.noticeDate': 'Sent on',
    'legalFile.annex.noticeChannel': 'Sent by',
    'legalFile.annex.noStory': 'No exchange on record.',
    'legalFile.annex.disputeFiles': 'Appendix 5 — Dispute documents',
    'legalFile.annex.disputeFilesIntro':
      'Documents attached to the disputes of the invoices handed over (signed proof of delivery, photos, complaint letter), kept in Encours. {appended, plural, =0 {None of them can be reproduced in this PDF.} one {Exhibit 1 follows this appendix, each of its pages bearing its number.} other {Exhibits 1 to # follow this appendix in order, each page bearing the number of its exhibit.}}{all, select, yes {} other { Documents without a number are not reproduced (reason in the last column) and will be sent on request.}}',
    'legalFile.annex.colNumber': 'No.',
    'legalFile.annex.colInPdf': 'In this PDF',
    'legalFile.annex.pieceLabel':
      'Exhibit {number} — {kind} — invoice {invoice} — {kindCode, select, other {attached}} on {date}',
    'legalFile.annex.pieceInPdf':
      '{outcome, select, appended {{pages, plural, one {included, # page} other {included, # pages}}} format {not in the PDF: {format, select, unknown {unknown} other {{format}}} format} unreadable {not in the PDF: unreadable or damaged file} encrypted {not in the PDF: protected (encrypted) PDF} size {not in the PDF: over {maxMb, number} MB of documents per file} pixels {not in the PDF: image too large ({width, number} × {height, number} pixels)} other {not in the PDF}}',
    'legalFile.annex.colFile': 'File',
    'legalFile.annex.fileSize': '{name} ({kb, number} KB)',
    'legalFile.court.explain':
      '{court, select, commercial_court {Commercial debt: the request goes to the president of the commercial court (or economic activities court where one sits) of the debtor’s registered office, whatever the amount (CPC art. 1406).} judicial_court {The debtor is not a trader: the request goes to the judicial court of its domicile or registered office (CPC art. 1406).} administrative_route {The debtor is a public body: no injunction to pay; ask for payment to be ordered or apply to the administrative judge for an interim payment.} european_order {The debtor is established in another EU member state: European order for payment (Regulation (EC) No 1896/2006).} foreign_court {The debtor is established outside the EU: procedure of the debtor’s country, through a local correspondent.} collective_procedure {The debtor is under a collective procedure: individual actions are stayed (article L622-21 of the Commercial Code); the claim is to be declared to the creditors’ representative.} other {Court to be determined.}}',
    'legalFile.court.presumed':
      'The debtor’s legal form is unknown: trader status is presumed; check the register before filing.',
    'legalFile.court.fromName':
      'Legal form read from the company name ({form}), the register giving none{presumed, select, yes {; trader status is presumed} other {}}: check the register before filing.',
    'legalFile.court.smallClaims':
      'Amount under €5,000: the simplified small-claims procedure through a commissaire de justice (article L125-1 of the Code of civil enforcement procedures) is an alternative without a judge.',
    'legalFile.piece':
      '{piece, select, invoices {Unpaid invoices} order_or_contract {Order, contract or accepted terms of sale} proof_of_delivery {Proof of delivery (signed note) or of performance} formal_notice_ar {Formal notice with acknowledgement of receipt} statement {Statement of account and breakdown of the claim} other {Document}}',
    'legalFile.pieceStatus':
      '{status, select, in_package {in the file} on_record {on record in Encours{date, select, none {} other { (of {date})}}} provided {provided (confirmed)} to_provide {to provide} other {to check}}',
    'legalFile.invoicePieces.reproduced': 'provided: {pieces}',
    'legalFile.invoicePieces.number': 'exhibit {number} ({invoice})',
    'legalFile.invoicePieces.missing':
      '{status, select, on_record {attached to the dispute, to be forwarded{named, select, yes { ({invoices})} other {}}} provided {provided (confirmed){named, select, yes { for {invoices}} other {}}} other {to provide{named, select, yes { for {invoices}} other {}}}}',
    'legalFile.invoicePieces.join': '{before}; {after}',
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
    'legalFile.cli.warning': 'Warning: {text}',
    'legalFile.cli.check':
      '{customer}: {count, plural, one {# invoice} other {# invoices}} to hand over ({refs}), {total} — nothing recorded.',
    'legalFile.web.checkTitle':
      'To check before handing over {count, plural, one {# invoice} other {# invoices}} ({total})',
    'legalFile.web.confirm': 'Hand over anyway',
    'legalFile.web.cancel': 'Cancel',
    'legalFile.web.handedOver': 'File LF-{fileId} handed over: its invoices are no longer reminded.',
    'legalFile.web.files': 'Files',
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
