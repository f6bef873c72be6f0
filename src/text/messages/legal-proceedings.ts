/**
 * The collective-procedures page: customers in proceedings, their claim to declare to the
 * mandataire judiciaire (deadline, how it is estimated, its state) and the BODACC watch's schedule.
 * The procedures' codes are the core's; the claim's story lines and audit words are in legal.ts.
 */
export const legalProceedings = {
  fr: {
    'legal.proceedings.nav': 'Procédures collectives',
    'legal.proceedings.title': 'Procédures collectives et déclarations de créances',
    'legal.proceedings.intro':
      'Les clients en sauvegarde, redressement ou liquidation judiciaire, connus par la veille BODACC ou par leur statut daté par leur historique. Les créances nées avant le jugement d’ouverture se déclarent au mandataire judiciaire dans les deux mois de la publication du jugement au BODACC (Code de commerce, art. L622-24 et R622-24 ; quatre mois hors métropole) ; passé ce délai, elles ne participent pas aux répartitions, sauf relevé de forclusion (L622-26).',
    'legal.proceedings.none': 'Aucun client en procédure collective à la date de référence.',
    'legal.proceedings.customer': 'Client',
    'legal.proceedings.procedure': 'Procédure',
    'legal.proceedings.mandataire': 'Mandataire',
    'legal.proceedings.claim': 'Créance',
    'legal.proceedings.deadline': 'Date limite',
    'legal.proceedings.status': 'Déclaration',
    'legal.proceedings.source':
      '{source, select, bodacc {annonce BODACC} prepared {dates saisies} story {historique du client} other {statut du client seul}}',
    'legal.proceedings.judgment':
      '{source, select, story {procédure notée le {date} dans l’historique} told {jugement du {date}, d’après l’historique} other {jugement du {date}}}',
    'legal.proceedings.judgmentUnknown': 'date du jugement inconnue',
    'legal.proceedings.publication': 'publié au BODACC le {date}',
    'legal.proceedings.closed': 'procédure close',
    'legal.proceedings.amount':
      '{total} : principal {principal}, intérêts {interest}, indemnités forfaitaires {indemnity}',
    'legal.proceedings.invoices':
      '{count, plural, =0 {aucune facture ouverte au jugement} one {# facture antérieure au jugement} other {# factures antérieures au jugement}}',
    'legal.proceedings.deadlineEstimated':
      'estimée : deux mois après le {date} ({source, select, story {date de l’historique} other {date du jugement}}) ; le délai court de la publication au BODACC, qui n’est pas connue — saisir la date de publication pour le délai exact',
    'legal.proceedings.deadlineUnknown':
      'inconnue : seul le statut du client dit la procédure ; relever au BODACC le jugement et sa publication',
    'legal.proceedings.daysLeft':
      '{days, plural, =0 {expire aujourd’hui} one {# jour restant} other {# jours restants}}',
    'legal.proceedings.late':
      'délai dépassé de {days, plural, one {# jour} other {# jours}} : demander un relevé de forclusion (L622-26)',
    'legal.proceedings.state':
      '{status, select, to_declare {à déclarer} declared {déclarée le {date}} cancelled {annulée} other {inconnue}}',
    'legal.proceedings.notPrepared': 'déclaration non préparée',
    'legal.proceedings.story': 'Historique du {date} : {text}',
    'legal.proceedings.prepare': 'Préparer la déclaration',
    'legal.proceedings.letter': 'Lettre de déclaration (PDF)',
    'legal.proceedings.declare': 'Enregistrer comme déclarée',
    'legal.proceedings.judgmentDate': 'Date du jugement d’ouverture',
    'legal.proceedings.publicationDate': 'Date de publication au BODACC (si connue)',
    'legal.proceedings.mandataireName': 'Mandataire judiciaire',
    'legal.proceedings.mandataireAddress': 'Adresse du mandataire',
    'legal.proceedings.secured': 'À titre privilégié (réserve de propriété, garantie)',
    'legal.proceedings.prefilled':
      'Pré-rempli d’après {source, select, bodacc {l’annonce BODACC} other {l’historique du client}} : à vérifier sur le jugement. La date du jugement arrête les intérêts (art. L622-28 du Code de commerce) ; le délai de déclaration court de la publication au BODACC.',
    'legal.proceedings.court':
      '{court, select, none {Tribunal : non connu — la lettre citera le jugement par sa date.} other {Tribunal : {court}.}}',
    'legal.proceedings.mandataireMissing':
      '{missing, select, name {Mandataire inconnu : la lettre sera adressée au mandataire judiciaire de la procédure, sans nom ni adresse. Relevez-les dans l’annonce BODACC ou le jugement.} other {Adresse du mandataire inconnue : indiquez-la pour que la lettre recommandée puisse être postée.}}',
    'legal.proceedings.declaredOn': 'Date d’envoi de la déclaration',
    'legal.proceedings.prepared': 'Déclaration n° {claimId} préparée : à envoyer au plus tard le {deadline}.',
    'legal.proceedings.declared': 'Créance n° {claimId} enregistrée comme déclarée.',
    'legal.proceedings.creditOnly': 'Réservé au service crédit (responsable crédit, administrateur)',
    'legal.proceedings.cli.line':
      '{customerCode} {customerName} — {procedure}{closed, select, yes { (procédure close)} other {}}, {judgment} — date limite {deadline, select, none {inconnue} other {{deadline}}}{estimated, select, yes { (estimée)} other {}}{days, select, none {} other {, {days}}} — {status}{claim, select, none { (déclaration non préparée)} other { (déclaration n° {claim})}} — {total} (principal {principal}, intérêts {interest}, indemnités forfaitaires {indemnity})',
    'legal.proceedings.cli.none': 'Aucune déclaration de créance au {asOf}.',
    'legal.watch.scheduled':
      'Veille BODACC : {when}{next, select, none {} other {, prochain passage le {next}}}{last, select, none {} other {, dernier le {last}}}.',
    'legal.watch.off':
      'Veille BODACC non programmée : les jugements publiés ne sont pas lus ; les procédures ci-dessous viennent du statut et de l’historique des clients.',
    'legal.watch.schedule': 'Programmer la veille quotidienne',
    'legal.watch.scheduledNotice': 'Veille BODACC programmée : {when}.',
  },
  en: {
    'legal.proceedings.nav': 'Insolvency proceedings',
    'legal.proceedings.title': 'Insolvency proceedings and claim declarations',
    'legal.proceedings.intro':
      'Customers in safeguard, receivership or compulsory liquidation, known from the BODACC watch or from their status dated by their story. Claims that arose before the opening judgment are declared to the court-appointed representative (mandataire judiciaire) within two months of the judgment’s publication in the BODACC (French Commercial Code, L622-24 and R622-24; four months outside metropolitan France); after that they take no part in the distributions, unless the court lifts the time bar (L622-26).',
    'legal.proceedings.none': 'No customer in insolvency proceedings on the reference date.',
    'legal.proceedings.customer': 'Customer',
    'legal.proceedings.procedure': 'Procedure',
    'legal.proceedings.mandataire': 'Representative',
    'legal.proceedings.claim': 'Claim',
    'legal.proceedings.deadline': 'Deadline',
    'legal.proceedings.status': 'Declaration',
    'legal.proceedings.source':
      '{source, select, bodacc {BODACC announcement} prepared {dates entered} story {customer’s story} other {customer’s status only}}',
    'legal.proceedings.judgment':
      '{source, select, story {procedure noted on {date} in the story} told {judgment of {date}, as the story says} other {judgment of {date}}}',
    'legal.proceedings.judgmentUnknown': 'judgment date unknown',
    'legal.proceedings.publication': 'published in the BODACC on {date}',
    'legal.proceedings.closed': 'procedure closed',
    'legal.proceedings.amount':
      '{total}: principal {principal}, interest {interest}, fixed recovery indemnities {indemnity}',
    'legal.proceedings.invoices':
      '{count, plural, =0 {no invoice open at the judgment} one {# invoice from before the judgment} other {# invoices from before the judgment}}',
    'legal.proceedings.deadlineEstimated':
      'estimated: two months after {date} ({source, select, story {the story’s date} other {the judgment date}}); the period runs from the BODACC publication, which is not known — enter the publication date for the exact deadline',
    'legal.proceedings.deadlineUnknown':
      'unknown: only the customer’s status tells of the procedure; look up the judgment and its publication in the BODACC',
    'legal.proceedings.daysLeft': '{days, plural, =0 {ends today} one {# day left} other {# days left}}',
    'legal.proceedings.late':
      'deadline passed by {days, plural, one {# day} other {# days}}: ask the court to lift the time bar (L622-26)',
    'legal.proceedings.state':
      '{status, select, to_declare {to declare} declared {declared on {date}} cancelled {cancelled} other {unknown}}',
    'legal.proceedings.notPrepared': 'declaration not prepared',
    'legal.proceedings.story': 'Recorded on {date}: {text}',
    'legal.proceedings.prepare': 'Prepare the declaration',
    'legal.proceedings.letter': 'Declaration letter (PDF)',
    'legal.proceedings.declare': 'Record as declared',
    'legal.proceedings.judgmentDate': 'Date of the opening judgment',
    'legal.proceedings.publicationDate': 'BODACC publication date (if known)',
    'legal.proceedings.mandataireName': 'Court-appointed representative',
    'legal.proceedings.mandataireAddress': 'Representative’s address',
    'legal.proceedings.secured': 'As a secured claim (retention of title, guarantee)',
    'legal.proceedings.prefilled':
      'Filled in from {source, select, bodacc {the BODACC notice} other {the customer’s story}}: check it against the judgment. The judgment’s date stops the interest (art. L622-28 of the Commercial Code); the time to declare runs from the BODACC publication.',
    'legal.proceedings.court':
      '{court, select, none {Court: not known — the letter will cite the judgment by its date.} other {Court: {court}.}}',
    'legal.proceedings.mandataireMissing':
      '{missing, select, name {Representative unknown: the letter will be addressed to the procedure’s representative with no name or address. Find them in the BODACC notice or the judgment.} other {Representative’s address unknown: give it so that the registered letter can be posted.}}',
    'legal.proceedings.declaredOn': 'Date the declaration was sent',
    'legal.proceedings.prepared': 'Declaration no. {claimId} prepared: to send by {deadline}.',
    'legal.proceedings.declared': 'Claim no. {claimId} recorded as declared.',
    'legal.proceedings.creditOnly': 'For the credit department only (credit manager, administrator)',
    'legal.proceedings.cli.line':
      '{customerCode} {customerName} — {procedure}{closed, select, yes { (procedure closed)} other {}}, {judgment} — deadline {deadline, select, none {unknown} other {{deadline}}}{estimated, select, yes { (estimated)} other {}}{days, select, none {} other {, {days}}} — {status}{claim, select, none { (declaration not prepared)} other { (declaration no. {claim})}} — {total} (principal {principal}, interest {interest}, fixed recovery indemnities {indemnity})',
    'legal.proceedings.cli.none': 'No claim declaration as of {asOf}.',
    'legal.watch.scheduled':
      'BODACC watch: {when}{next, select, none {} other {, next run on {next}}}{last, select, none {} other {, last on {last}}}.',
    'legal.watch.off':
      'BODACC watch not scheduled: published judgments are not read; the procedures below come from the customers’ status and story.',
    'legal.watch.schedule': 'Schedule the daily watch',
    'legal.watch.scheduledNotice': 'BODACC watch scheduled: {when}.',
  },
};
