/**
 * The file package handed to a lawyer or collection agency (src/app/legal/handover-package.ts):
 * the cover letter, its annexes, the competent court for an injunction to pay and the pieces its
 * request needs, with their status (also shown on the file's page and by the command line).
 * The rest of the hand-over — events, steps, warnings, the web page and the CLI — is in
 * legal-handover.ts.
 */
export const legalHandoverPackage = {
  fr: {
    'legalFile.letter.subject': 'Transmission d’un dossier de recouvrement — {debtor}',
    'legalFile.letter.salutation': '{kind, select, lawyer {Maître,} other {Madame, Monsieur,}}',
    'legalFile.letter.debtor': 'Débiteur :',
    'legalFile.letter.totalClaimed': 'Total de la créance',
    'legalFile.letter.intro':
      'Nous vous confions le recouvrement {kind, select, lawyer {amiable puis, si nécessaire, judiciaire} other {amiable}} de notre créance sur la société {debtor}{siren, select, none {} other { (SIREN {siren})}}{address, select, none {} other {, {address}}}, qui reste redevable des factures suivantes, {chased, select, none {échues et restées impayées à ce jour} reminders {échues et impayées malgré nos relances} notice {échues et impayées malgré notre mise en demeure du {notice}} notice_some {échues et impayées, dont {coveredCount, plural, one {la facture {covered}} other {les factures {covered}}} malgré notre mise en demeure du {notice}} both_some {échues et impayées malgré nos relances, dont {coveredCount, plural, one {la facture {covered}} other {les factures {covered}}} malgré notre mise en demeure du {notice}} other {échues et impayées malgré nos relances et notre mise en demeure du {notice}}} :',
    'legalFile.letter.amount':
      'Au {date}, notre créance s’élève à {total}, soit {principal} en principal, {interest} d’intérêts de retard (article L441-10 du Code de commerce) et {indemnity} d’indemnités forfaitaires pour frais de recouvrement (40 € par facture, article D441-5).',
    'legalFile.letter.reminders':
      '{count, plural, =0 {Aucune relance n’est enregistrée dans nos dossiers.} one {Une relance a été adressée au débiteur le {first}.} other {# relances ont été adressées au débiteur, du {first} au {last}.}}',
    'legalFile.letter.noChasing':
      'Nous n’avons adressé au débiteur ni relance ni mise en demeure : nous vous laissons le soin de le mettre en demeure.',
    'legalFile.letter.formalNotice':
      '{notice, select, none {Aucune mise en demeure ne lui a été adressée par nos soins : nous vous laissons le soin de la lui notifier.} other {Une mise en demeure lui a été adressée le {notice}{registered, select, yes { par lettre recommandée avec accusé de réception} other {}}{history, select, yes { (selon l’historique de relances importé ; l’accusé de réception n’est pas joint au dossier)} other {}}{scope, select, some { pour {coveredCount, plural, one {la facture {covered}} other {les factures {covered}}} seulement} other {}}{pending, select, yes { ; le délai de paiement qu’elle lui laisse court jusqu’au {deadline}.} other {, restée sans effet.}}}}',
    'legalFile.letter.formalNotices':
      '{count, plural, other {# mises en demeure lui ont été adressées, du {first} au {last}}}{registered, select, yes { par lettre recommandée avec accusé de réception} other {}}{history, select, yes { (selon l’historique de relances importé ; les accusés de réception ne sont pas joints au dossier)} some { (certaines selon l’historique de relances importé, sans leur accusé de réception)} other {}}{pending, select, yes {} other {, restées sans effet}}{scope, select, some { ; la dernière visait {coveredCount, plural, one {la facture {covered}} other {les factures {covered}}} seulement} other {}}{pending, select, yes { ; le délai de paiement que laisse la dernière court jusqu’au {deadline}} other {}}.',
    'legalFile.letter.otherInvoices':
      '{count, plural, one {# autre (détaillée en annexe 2)} other {# autres (détaillées en annexe 2)}}',
    'legalFile.letter.leftOut':
      '{count, plural, one {La facture échue {refs} ({total}) ne vous est pas transmise} other {# autres factures échues ({refs}, soit {total}) ne vous sont pas transmises}} : le délai de paiement laissé par notre mise en demeure du {notice} {running, select, yes {court jusqu’au {deadline}} other {courait jusqu’au {deadline} lors de la transmission}}.',
    'legalFile.letter.otherLeftOut': '{count, plural, one {# autre} other {# autres}}',
    'legalFile.letter.dispute':
      '{disputed, select, yes {Le débiteur a élevé des contestations dont vous trouverez la trace en annexe 3.} other {À notre connaissance, cette créance n’est pas contestée.}}',
    'legalFile.letter.contested':
      '{what, select, invoices {Le débiteur a contesté {refCount, plural, one {la facture {refs}} other {les factures {refs}}}} both {Le débiteur a contesté le montant réclamé et {refCount, plural, one {la facture {refs}} other {les factures {refs}}}} other {Le débiteur a contesté le montant réclamé}} {count, plural, one {le {first}} other {à # reprises, du {first} au {last}}} (voir annexe 3) ; l’injonction de payer ne convient qu’à une créance non contestée (annexe 4).{others, select, none {} invoices { {otherCount, plural, one {L’autre contestation figurant en annexe 3 porte} other {Les autres contestations figurant en annexe 3 portent}} sur {otherRefCount, plural, one {une autre facture ({otherRefs})} other {d’autres factures ({otherRefs})}}.} earlier { {otherCount, plural, one {L’autre contestation figurant en annexe 3 est antérieure} other {Les autres contestations figurant en annexe 3 sont antérieures}} à l’émission des factures transmises.} other { Les autres contestations figurant en annexe 3 portent sur d’autres factures ({otherRefs}) ou sont antérieures à l’émission des factures transmises.}}',
    'legalFile.letter.contestedElsewhere':
      'À notre connaissance, les factures transmises ne sont pas contestées : {count, plural, one {la contestation figurant} other {les contestations figurant}} en annexe 3 {where, select, invoices {{count, plural, one {porte} other {portent}} sur {refCount, plural, one {une autre facture ({refs})} other {d’autres factures ({refs})}}} earlier {{count, plural, one {est antérieure} other {sont antérieures}} à leur émission} other {portent sur d’autres factures ({refs}) ou sont antérieures à leur émission}}.',
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
    'legalFile.annex.injunction': 'Annexe 4 — Injonction de payer : tribunal compétent et pièces',
    'legalFile.annex.colDate': 'Date',
    'legalFile.annex.colAction': 'Démarche',
    'legalFile.annex.colInvoices': 'Factures',
    'legalFile.annex.colClaimed': 'Montant réclamé',
    'legalFile.annex.coveredCount':
      '{count, plural, one {# facture échue du dossier} other {# factures échues du dossier}}',
    'legalFile.annex.colKind': 'Nature',
    'legalFile.annex.colDetail': 'Détail',
    'legalFile.annex.colPiece': 'Pièce',
    'legalFile.annex.colStatus': 'État',
    'legalFile.annex.dunningAction': '{step} (niveau {level}) — {channel}',
    'legalFile.annex.noReminder': 'Aucune relance n’est enregistrée.',
    'legalFile.annex.calls':
      '{count, plural, one {Étape de relance par téléphone (non comptée parmi les relances adressées au débiteur)} other {Étapes de relance par téléphone (non comptées parmi les relances adressées au débiteur)}}',
    'legalFile.annex.noFormalNotice': 'Aucune mise en demeure n’a été adressée par nos soins.',
    'legalFile.annex.undelivered':
      '{count, plural, one {E-mail non remis au débiteur (non compté parmi les relances adressées)} other {E-mails non remis au débiteur (non comptés parmi les relances adressées)}}',
    'legalFile.annex.undeliveredAction': '{step} (niveau {level}) — e-mail non remis ({status})',
    'legalFile.annex.noneDelivered': 'Aucune relance n’a été remise au débiteur.',
    'legalFile.annex.noticeUndelivered':
      '{later, select, yes {Une mise en demeure ultérieure, par e-mail du {date}, n’est pas parvenue au débiteur ({status}) ; elle figure à part en annexe 1.} other {Aucune mise en demeure n’a été remise au débiteur : celle du {date}, par e-mail, ne lui est pas parvenue ({status}) ; elle figure à part en annexe 1.}}',
    'legalFile.deliveryStatus':
      '{delivery, select, failed {échec d’envoi} held {envoi retenu} other {en attente d’envoi}}',
    'legalFile.letter.noticeUndelivered':
      'La mise en demeure par e-mail du {date} n’est pas parvenue au débiteur ({status}) : elle figure à part en annexe 1 et ne peut pas être invoquée ; nous vous laissons le soin de le mettre en demeure.',
    'legalFile.letter.undelivered':
      '{count, plural, one {{kind, select, formal_notice {La mise en demeure} other {La relance}} par e-mail du {first} n’est pas parvenue au débiteur ({status}) ; elle figure à part en annexe 1{kind, select, formal_notice {} other { et n’est pas comptée parmi les relances adressées}}.} other {# envois par e-mail, du {first} au {last}, ne sont pas parvenus au débiteur{notices, plural, =0 {} one {, dont une mise en demeure} other {, dont # mises en demeure}} ; ils figurent à part en annexe 1 et ne sont pas comptés parmi les relances adressées.}}',
    'legalFile.annex.noticeFromHistory':
      'Mise en demeure connue par l’historique de relances importé, qui la décrit ainsi : « {detail} ». Elle valait pour les factures échues à sa date ; l’accusé de réception n’est pas conservé dans Encours et reste à joindre.',
    'legalFile.annex.noticeDate': 'Date d’envoi',
    'legalFile.annex.noticeChannel': 'Mode d’envoi',
    'legalFile.annex.noStory': 'Aucun échange enregistré.',
    'legalFile.annex.disputeFiles': 'Annexe 5 — Pièces des litiges',
    'legalFile.annex.disputeFilesIntro':
      'Documents joints aux litiges des factures transmises (bon de livraison signé, photos, courrier de réclamation), conservés dans Encours. {appended, plural, =0 {Aucun ne peut être reproduit dans ce PDF.} one {La pièce n° 1 est reproduite à la suite de cette annexe, chacune de ses pages portant son numéro.} other {Les pièces n° 1 à # sont reproduites à la suite de cette annexe, dans l’ordre, chaque page portant le numéro de sa pièce.}}{all, select, yes {} other { Les documents sans numéro ne sont pas reproduits (motif en dernière colonne) : ils vous seront adressés sur demande.}}',
    'legalFile.annex.colNumber': 'N°',
    'legalFile.annex.colInPdf': 'Dans ce PDF',
    'legalFile.annex.pieceLabel':
      'Pièce n° {number} — {kind} — facture {invoice} — {kindCode, select, proof_of_delivery {joint} complaint_letter {joint} other {jointe}} le {date}',
    'legalFile.annex.pieceInPdf':
      '{outcome, select, appended {{pages, plural, one {reproduite, # page} other {reproduite, # pages}}} format {non joint au PDF : format {format, select, unknown {inconnu} other {{format}}}} unreadable {non joint au PDF : fichier illisible ou endommagé} encrypted {non joint au PDF : PDF protégé (chiffré)} size {non joint au PDF : au-delà de {maxMb, number} Mo de pièces par dossier} pixels {non joint au PDF : image trop grande ({width, number} × {height, number} pixels)} other {non joint au PDF}}',
    'legalFile.annex.colFile': 'Fichier',
    'legalFile.annex.fileSize': '{name} ({kb, number} Ko)',
    'legalFile.court.explain':
      '{court, select, commercial_court {Créance commerciale : la requête est à présenter au président du tribunal de commerce (ou du tribunal des activités économiques là où il siège) du lieu du siège du débiteur, quel qu’en soit le montant (CPC art. 1406).} judicial_court {Le débiteur n’est pas commerçant : la requête est à présenter au tribunal judiciaire du lieu de son domicile ou siège (CPC art. 1406).} administrative_route {Le débiteur est une personne publique : l’injonction de payer n’est pas ouverte ; demander le mandatement d’office ou saisir le juge administratif en référé-provision.} european_order {Le débiteur est établi dans un autre État membre : injonction de payer européenne (règlement (CE) n° 1896/2006).} foreign_court {Le débiteur est établi hors de l’Union européenne : procédure du pays du débiteur, avec un correspondant local.} collective_procedure {Le débiteur fait l’objet d’une procédure collective : les poursuites individuelles sont suspendues (article L622-21 du Code de commerce) ; la créance est à déclarer au mandataire judiciaire.} other {Tribunal à déterminer.}}',
    'legalFile.court.presumed':
      'Forme juridique du débiteur inconnue : la qualité de commerçant est présumée ; la vérifier au registre avant de déposer la requête.',
    'legalFile.court.fromName':
      'Forme juridique lue dans la raison sociale ({form}), faute de donnée du registre{presumed, select, yes { ; la qualité de commerçant est présumée} other {}} : la vérifier au registre avant de déposer la requête.',
    'legalFile.court.smallClaims':
      'Montant inférieur à 5 000 € : la procédure simplifiée de recouvrement des petites créances par un commissaire de justice (article L125-1 du Code des procédures civiles d’exécution) est une alternative sans juge.',
    'legalFile.court.contested':
      'Créance contestée par le débiteur ({count, plural, one {le {first}} other {# fois, du {first} au {last}}}) : l’injonction de payer ne convient qu’à une créance non contestée — le débiteur y formerait opposition. Examiner la contestation, puis envisager une assignation en paiement, ou un référé-provision si elle n’est pas sérieuse.',
    'legalFile.piece':
      '{piece, select, invoices {Factures impayées} order_or_contract {Bon de commande, contrat ou conditions générales acceptées} proof_of_delivery {Preuve de livraison (bon signé) ou d’exécution} formal_notice_ar {Mise en demeure avec accusé de réception} statement {Relevé de compte et décompte de la créance} other {Pièce}}',
    'legalFile.pieceStatus':
      '{status, select, in_package {{piece, select, invoices {jointes au dossier} statement {joint au dossier} order_or_contract {joint au dossier} other {jointe au dossier}}} on_request {{piece, select, invoices {sur demande (copies non jointes au dossier)} other {sur demande (pas dans ce dossier)}}} on_record {disponible dans Encours{date, select, none {} other { (du {date})}}} provided {{piece, select, invoices {fournies (confirmées)} order_or_contract {fourni (confirmé)} statement {fourni (confirmé)} other {fournie (confirmée)}}} to_provide {à fournir{date, select, none {} other { (mise en demeure du {date} selon l’historique importé : son accusé de réception n’est pas dans Encours)}}} other {à vérifier}}',
    'legalFile.noticeReceipt':
      '{status, select, on_record {disponible dans Encours (du {date})} provided {fournie (confirmée)} other {à fournir ({receipt, select, not_deposited {mise en demeure du {date} : numéro de recommandé et accusé de réception non enregistrés} awaited {mise en demeure envoyée le {date}, accusé de réception attendu} returned {mise en demeure du {date} : pli retourné, sans accusé de réception signé} other {mise en demeure du {date}}})}}',
    'legalFile.noticeOthers':
      '{count, plural, one {# autre facture} other {# autres factures}} non visée{count, plural, one {} other {s}} par cette mise en demeure : {date, select, none {aucune mise en demeure} other {mise en demeure du {date}{history, select, yes { selon l’historique importé, son accusé de réception n’est pas dans Encours} other {}}}}',
    'legalFile.invoicePieces.reproduced': 'fournie : {pieces}',
    'legalFile.invoicePieces.number': 'pièce n° {number} ({invoice})',
    'legalFile.invoicePieces.missing':
      '{status, select, on_record {jointe au litige, à transmettre{named, select, yes { ({invoices})} other {}}} provided {fournie (confirmée){named, select, yes { pour {invoices}} other {}}} other {à fournir{named, select, yes { pour {invoices}} other {}}}}',
    'legalFile.invoicePieces.join': '{before} ; {after}',
    'legalFile.letter.introPartlyChased':
      'Nous vous confions le recouvrement {kind, select, lawyer {amiable puis, si nécessaire, judiciaire} other {amiable}} de notre créance sur la société {debtor}{siren, select, none {} other { (SIREN {siren})}}{address, select, none {} other {, {address}}}, qui reste redevable des factures suivantes, échues et impayées : {chasedCount, plural, one {la facture {chased}} other {les factures {chased}}} malgré {means, select, notice {notre mise en demeure du {notice}} both {nos relances et notre mise en demeure du {notice}} both_some {nos relances, dont {coveredCount, plural, one {la facture {covered}} other {les factures {covered}}} également malgré notre mise en demeure du {notice}} other {nos relances}}, et {unchasedCount, plural, one {la facture {unchased}, qui n’a pas encore été relancée} other {les factures {unchased}, qui n’ont pas encore été relancées}} :',
    'legalFile.letter.formalNoticeOfFile':
      '{notice, select, none {Aucune mise en demeure ne lui a été adressée par nos soins : nous vous laissons le soin de la lui notifier.} other {Une mise en demeure lui a été adressée le {notice}{registered, select, yes { par lettre recommandée avec accusé de réception} other {}}{history, select, yes { (selon l’historique de relances importé ; l’accusé de réception n’est pas joint au dossier)} other {}}{scope, select, some { ; parmi les factures transmises, {coveredCount, plural, =0 {elle n’en visait aucune} one {elle ne visait que la facture {covered}} other {elle ne visait que les factures {covered}}}{pending, select, yes {} other { ; elle est restée sans effet}}} other {{pending, select, yes {} other {, restée sans effet}}}}{pending, select, yes { ; le délai de paiement qu’elle lui laisse court jusqu’au {deadline}} other {}}.}}',
    'legalFile.letter.formalNoticesOfFile':
      '{count, plural, other {# mises en demeure lui ont été adressées, du {first} au {last}}}{registered, select, yes { par lettre recommandée avec accusé de réception} other {}}{history, select, yes { (selon l’historique de relances importé ; les accusés de réception ne sont pas joints au dossier)} some { (certaines selon l’historique de relances importé, sans leur accusé de réception)} other {}}{pending, select, yes {} other {, restées sans effet}}{scope, select, some { ; parmi les factures transmises, la dernière ne visait que {coveredCount, plural, one {la facture {covered}} other {les factures {covered}}}} other {}}{pending, select, yes { ; le délai de paiement que laisse la dernière court jusqu’au {deadline}} other {}}.',
    'legalFile.annex.coveredOfPieces':
      '{pieces, plural, one {# pièce échue} other {# pièces échues}}, {count, plural, =0 {aucune du dossier} one {dont {refs} du dossier} other {{listed, select, yes {dont {refs}} other {dont {count} factures}} du dossier}}',
    'legalFile.annex.dunningStep': '{step} — {channel}',
    'legalFile.annex.undeliveredStep': '{step} — e-mail non remis ({status})',
  },
  en: {
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
      '{notice, select, none {We have sent the debtor no formal notice: please serve one.} other {A formal notice was sent on {notice}{registered, select, yes { by registered letter with acknowledgement of receipt} other {}}{history, select, yes { (according to the imported reminder history; the acknowledgement of receipt is not in the file)} other {}}{scope, select, some { for {coveredCount, plural, one {invoice {covered}} other {invoices {covered}}} only} other {}}{pending, select, yes {; the time it gives to pay runs until {deadline}.} other {, without effect.}}}}',
    'legalFile.letter.formalNotices':
      '{count, plural, other {# formal notices were sent, from {first} to {last}}}{registered, select, yes { by registered letter with acknowledgement of receipt} other {}}{history, select, yes { (according to the imported reminder history; the acknowledgements of receipt are not in the file)} some { (some according to the imported reminder history, without their acknowledgement of receipt)} other {}}{pending, select, yes {} other {, without effect}}{scope, select, some {; the last one covered {coveredCount, plural, one {invoice {covered}} other {invoices {covered}}} only} other {}}{pending, select, yes {; the time the last one gives to pay runs until {deadline}} other {}}.',
    'legalFile.letter.otherInvoices':
      '{count, plural, one {# other (listed in appendix 2)} other {# others (listed in appendix 2)}}',
    'legalFile.letter.leftOut':
      '{count, plural, one {Overdue invoice {refs} ({total}) is not handed over to you} other {# other overdue invoices ({refs}, {total} in all) are not handed over to you}}: the time to pay given by our formal notice of {notice} {running, select, yes {runs until {deadline}} other {ran until {deadline} when the file was handed over}}.',
    'legalFile.letter.otherLeftOut': '{count, plural, one {# other} other {# others}}',
    'legalFile.letter.dispute':
      '{disputed, select, yes {The debtor raised disputes, recorded in appendix 3.} other {To our knowledge, this claim is not disputed.}}',
    'legalFile.letter.contested':
      '{what, select, invoices {The debtor disputed {refCount, plural, one {invoice {refs}} other {invoices {refs}}}} both {The debtor disputed the amount claimed and {refCount, plural, one {invoice {refs}} other {invoices {refs}}}} other {The debtor disputed the amount claimed}} {count, plural, one {on {first}} other {# times, from {first} to {last}}} (see appendix 3); an injunction to pay suits an undisputed claim only (appendix 4).{others, select, none {} invoices { {otherCount, plural, one {The other dispute shown in appendix 3 concerns} other {The other disputes shown in appendix 3 concern}} {otherRefCount, plural, one {another invoice ({otherRefs})} other {other invoices ({otherRefs})}}.} earlier { {otherCount, plural, one {The other dispute shown in appendix 3 predates} other {The other disputes shown in appendix 3 predate}} the invoices handed over.} other { The other disputes shown in appendix 3 concern other invoices ({otherRefs}) or predate the invoices handed over.}}',
    'legalFile.letter.contestedElsewhere':
      'To our knowledge, the invoices handed over are not disputed: {count, plural, one {the dispute} other {the disputes}} shown in appendix 3 {where, select, invoices {{count, plural, one {concerns} other {concern}} {refCount, plural, one {another invoice ({refs})} other {other invoices ({refs})}}} earlier {{count, plural, one {predates} other {predate}} them} other {concern other invoices ({refs}) or predate them}}.',
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
    'legalFile.annex.coveredCount':
      '{count, plural, one {# overdue invoice of the file} other {# overdue invoices of the file}}',
    'legalFile.annex.colKind': 'Kind',
    'legalFile.annex.colDetail': 'Detail',
    'legalFile.annex.colPiece': 'Document',
    'legalFile.annex.colStatus': 'Status',
    'legalFile.annex.dunningAction': '{step} (level {level}) — {channel}',
    'legalFile.annex.noReminder': 'No reminder is on record.',
    'legalFile.annex.calls':
      '{count, plural, one {Dunning step by telephone (not counted among the reminders sent to the debtor)} other {Dunning steps by telephone (not counted among the reminders sent to the debtor)}}',
    'legalFile.annex.noFormalNotice': 'We have sent no formal notice.',
    'legalFile.annex.undelivered':
      '{count, plural, one {E-mail that never reached the debtor (not counted among the reminders sent)} other {E-mails that never reached the debtor (not counted among the reminders sent)}}',
    'legalFile.annex.undeliveredAction': '{step} (level {level}) — e-mail not delivered ({status})',
    'legalFile.annex.noneDelivered': 'No reminder reached the debtor.',
    'legalFile.annex.noticeUndelivered':
      '{later, select, yes {A later formal notice, e-mailed on {date}, never reached the debtor ({status}); it is listed apart in appendix 1.} other {No formal notice was delivered to the debtor: the one e-mailed on {date} never reached it ({status}); it is listed apart in appendix 1.}}',
    'legalFile.deliveryStatus':
      '{delivery, select, failed {sending failed} held {sending held} other {waiting to be sent}}',
    'legalFile.letter.noticeUndelivered':
      'The formal notice e-mailed on {date} never reached the debtor ({status}): it is listed apart in appendix 1 and cannot be relied on; please serve one.',
    'legalFile.letter.undelivered':
      '{count, plural, one {The {kind, select, formal_notice {formal notice} other {reminder}} e-mailed on {first} never reached the debtor ({status}); it is listed apart in appendix 1{kind, select, formal_notice {} other { and not counted among the reminders sent}}.} other {# e-mails, from {first} to {last}, never reached the debtor{notices, plural, =0 {} one {, one of them a formal notice} other {, # of them formal notices}}; they are listed apart in appendix 1 and not counted among the reminders sent.}}',
    'legalFile.annex.noticeFromHistory':
      'Formal notice known from the imported reminder history, which describes it as: “{detail}”. It applied to the invoices overdue on its date; the acknowledgement of receipt is not kept in Encours and remains to be attached.',
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
    'legalFile.court.contested':
      'Claim disputed by the debtor ({count, plural, one {on {first}} other {# times, from {first} to {last}}}): an injunction to pay suits an undisputed claim only — the debtor would oppose it. Look into the dispute, then consider a summons to pay, or an interim payment order (référé-provision) if the dispute is not serious.',
    'legalFile.piece':
      '{piece, select, invoices {Unpaid invoices} order_or_contract {Order, contract or accepted terms of sale} proof_of_delivery {Proof of delivery (signed note) or of performance} formal_notice_ar {Formal notice with acknowledgement of receipt} statement {Statement of account and breakdown of the claim} other {Document}}',
    'legalFile.pieceStatus':
      '{status, select, in_package {{piece, select, other {in the file}}} on_request {on request (copies not in the file)} on_record {on record in Encours{date, select, none {} other { (of {date})}}} provided {provided (confirmed)} to_provide {to provide{date, select, none {} other { (formal notice of {date} according to the imported history: its acknowledgement of receipt is not in Encours)}}} other {to check}}',
    'legalFile.noticeReceipt':
      '{status, select, on_record {on record in Encours (of {date})} provided {provided (confirmed)} other {to provide ({receipt, select, not_deposited {formal notice of {date}: no registered letter number nor acknowledgement of receipt recorded} awaited {formal notice sent on {date}, acknowledgement of receipt awaited} returned {formal notice of {date}: letter returned, no signed acknowledgement of receipt} other {formal notice of {date}}})}}',
    'legalFile.noticeOthers':
      '{count, plural, one {# other invoice} other {# other invoices}} not named in that formal notice: {date, select, none {no formal notice} other {formal notice of {date}{history, select, yes { according to the imported history, its acknowledgement of receipt is not in Encours} other {}}}}',
    'legalFile.invoicePieces.reproduced': 'provided: {pieces}',
    'legalFile.invoicePieces.number': 'exhibit {number} ({invoice})',
    'legalFile.invoicePieces.missing':
      '{status, select, on_record {attached to the dispute, to be forwarded{named, select, yes { ({invoices})} other {}}} provided {provided (confirmed){named, select, yes { for {invoices}} other {}}} other {to provide{named, select, yes { for {invoices}} other {}}}}',
    'legalFile.invoicePieces.join': '{before}; {after}',
    'legalFile.letter.introPartlyChased':
      'We hereby instruct you to recover, {kind, select, lawyer {amicably and, if need be, through the courts,} other {amicably,}} our claim against {debtor}{siren, select, none {} other { (SIREN {siren})}}{address, select, none {} other {, {address}}}, which still owes the following invoices, due and unpaid: {chasedCount, plural, one {invoice {chased}} other {invoices {chased}}} despite {means, select, notice {our formal notice of {notice}} both {our reminders and our formal notice of {notice}} both_some {our reminders, {coveredCount, plural, one {invoice {covered}} other {invoices {covered}}} also despite our formal notice of {notice}} other {our reminders}}, and {unchasedCount, plural, one {invoice {unchased}, not yet reminded} other {invoices {unchased}, not yet reminded}}:',
    'legalFile.letter.formalNoticeOfFile':
      '{notice, select, none {We have sent the debtor no formal notice: please serve one.} other {A formal notice was sent on {notice}{registered, select, yes { by registered letter with acknowledgement of receipt} other {}}{history, select, yes { (according to the imported reminder history; the acknowledgement of receipt is not in the file)} other {}}{scope, select, some {; of the invoices handed over, it named only {coveredCount, plural, =0 {none} one {invoice {covered}} other {invoices {covered}}}{pending, select, yes {} other {; it was without effect}}} other {{pending, select, yes {} other {, without effect}}}}{pending, select, yes {; the time it gives to pay runs until {deadline}} other {}}.}}',
    'legalFile.letter.formalNoticesOfFile':
      '{count, plural, other {# formal notices were sent, from {first} to {last}}}{registered, select, yes { by registered letter with acknowledgement of receipt} other {}}{history, select, yes { (according to the imported reminder history; the acknowledgements of receipt are not in the file)} some { (some according to the imported reminder history, without their acknowledgement of receipt)} other {}}{pending, select, yes {} other {, without effect}}{scope, select, some {; of the invoices handed over, the last one named only {coveredCount, plural, one {invoice {covered}} other {invoices {covered}}}} other {}}{pending, select, yes {; the time the last one gives to pay runs until {deadline}} other {}}.',
    'legalFile.annex.coveredOfPieces':
      '{pieces, plural, one {# overdue item} other {# overdue items}}, {count, plural, =0 {none of them in the file} one {{refs} of the file among them} other {{listed, select, yes {{refs}} other {{count} invoices}} of the file among them}}',
    'legalFile.annex.dunningStep': '{step} — {channel}',
    'legalFile.annex.undeliveredStep': '{step} — e-mail not delivered ({status})',
  },
} as const;
