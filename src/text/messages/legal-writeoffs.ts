/**
 * Write-offs (passages en perte) and the provision for doubtful debts: reasons, statuses, the
 * VAT-recovery note of CGI art. 272 and the CLI lines. Codes are those of src/core/legal.
 */
export const legalWriteOffs = {
  fr: {
    'writeoff.reason':
      '{reason, select, insolvency {procédure collective} uncollectable {créance irrécouvrable} small_balance {solde minime} commercial {geste commercial} other {autre motif}}',
    'writeoff.status':
      '{status, select, proposed {à approuver} approved {approuvé} rejected {refusé} other {inconnu}}',
    'writeoff.vatNote.eligible':
      'Récupération de la TVA (CGI, art. 272-1) : créance définitivement irrécouvrable ({refs}), pour {gross} TTC{split}. Adresser au client une facture rectificative et imputer la TVA sur la déclaration du mois où l’irrécouvrabilité est constatée.',
    'writeoff.vatNote.split': ', dont {net} HT et {vat} de TVA',
    'writeoff.vatNote.splitUnknown': ' (répartition HT/TVA à reprendre des factures)',
    'writeoff.vatNote.notEligible':
      'Pas de récupération de TVA : la perte ({reason}) ne résulte pas d’une créance définitivement irrécouvrable (CGI, art. 272-1).',
    'writeoff.cli.line':
      'n° {proposalId} — {customerName} ({customerCode}) : {amount} sur {refs} — {reason} — {status}{requiredRole, select, none {} other { (rôle requis : {requiredRole})}}',
    'writeoff.cli.none': 'Aucun passage en perte.',
    'writeoff.web.nav': 'Passages en perte',
    'writeoff.web.title': 'Passages en perte et provision',
    'writeoff.web.proposed': 'À approuver',
    'writeoff.web.decided': 'Décidés',
    'writeoff.web.none': 'Aucune proposition.',
    'writeoff.web.customer': 'Client',
    'writeoff.web.invoices': 'Factures',
    'writeoff.web.amount': 'Montant',
    'writeoff.web.reason': 'Motif',
    'writeoff.web.proposedBy': 'Proposé par',
    'writeoff.web.requiredRole': 'Rôle requis',
    'writeoff.web.status': 'Statut',
    'writeoff.web.comment': 'Commentaire (obligatoire pour refuser)',
    'writeoff.web.approve': 'Approuver',
    'writeoff.web.reject': 'Refuser',
    'writeoff.web.approved': 'Passage en perte approuvé et passé au grand livre.',
    'writeoff.web.rejected': 'Proposition refusée.',
    'writeoff.web.propose': 'Proposer un passage en perte',
    'writeoff.web.proposeLine': 'Proposer',
    'writeoff.web.proposeIntro':
      'Le client, les factures et le montant de chacune, le motif : la proposition attend l’approbation d’une autre personne, du rôle que la matrice de délégation exige pour le montant et la classe de risque du client, ou au-dessus.',
    'writeoff.web.noOpenInvoice': 'Aucune facture ouverte pour ce client.',
    'writeoff.web.amountToWriteOff': 'À passer en perte',
    'writeoff.web.why': 'Justification',
    'writeoff.web.whyPlaceholder':
      'ex. : liquidation clôturée pour insuffisance d’actif, certificat d’irrécouvrabilité du mandataire',
    'writeoff.web.vatRate': 'Taux de TVA des factures (si connu)',
    'writeoff.web.total':
      'Total proposé : {total} ({count, plural, =0 {aucune facture cochée} one {# facture} other {# factures}})',
    'writeoff.web.submit': 'Proposer',
    'writeoff.web.proposedNotice':
      'Proposition n° {proposalId} enregistrée : {amount}, à approuver par : {role} (ou au-dessus).',
    'writeoff.web.mayNotPropose': 'Réservé au service crédit, au recouvrement et à la direction',
    'writeoff.web.refusal':
      '{reason, select, own_proposal {Vous l’avez proposé : une autre personne décide} other {Décision réservée au rôle : {role} (ou au-dessus)}}',
    'writeoff.web.provision':
      'Provision pour créances douteuses au {asOf} : {total} (ancienneté {age}, procédures collectives {procedure}, litiges {dispute})',
    'claimLetter.subject': 'Déclaration de créance — {procedure} de {debtor}',
    'claimLetter.salutation': 'Maître,',
    'claimLetter.recipient': 'Mandataire judiciaire',
    'claimLetter.recipientProcedure': '{procedure} de {debtor}',
    'claimLetter.opening':
      'Par jugement du {judgmentDate}{court, select, none {} other { rendu par le {court}}}, une procédure de {procedure} a été ouverte à l’égard de la société {debtor}{siren, select, none {} other { (SIREN {siren})}}, jugement publié au BODACC le {publicationDate} (annonce {announcementId}).',
    'claimLetter.openingWithoutNotice':
      'Par jugement du {judgmentDate}{court, select, none {} other { rendu par le {court}}}, une procédure de {procedure} a été ouverte à l’égard de la société {debtor}{siren, select, none {} other { (SIREN {siren})}}{publicationDate, select, none {} other {, jugement publié au BODACC le {publicationDate}}}.',
    'claimLetter.deadlineFromPublication':
      'La présente déclaration est faite dans le délai de deux mois à compter de la publication du jugement d’ouverture au BODACC (article R622-24 du Code de commerce).',
    'claimLetter.declare':
      'En application des articles L622-24 et R622-23 du Code de commerce, nous avons l’honneur de déclarer entre vos mains notre créance sur ce débiteur, arrêtée au jour du jugement d’ouverture, telle qu’elle résulte des factures suivantes :',
    'claimLetter.amount':
      'Nous déclarons ainsi la somme de {total}, {secured, select, yes {à titre privilégié (réserve de propriété ou sûreté dont la nature est précisée en annexe)} other {à titre chirographaire}}, soit {principal} en principal (créances échues et à échoir), {interest} d’intérêts de retard arrêtés au jour du jugement d’ouverture (article L622-28 du Code de commerce) et {indemnity} d’indemnités forfaitaires pour frais de recouvrement (articles L441-10 et D441-5 du Code de commerce).',
    'claimLetter.noInterest':
      'Aucun intérêt n’est déclaré : le taux applicable à la période n’est pas connu ou les intérêts ne sont pas réclamés.',
    'claimLetter.evidence':
      'Cette créance n’a fait l’objet d’aucune décision de justice et n’est, à notre connaissance, pas contestée. Le relevé du compte du débiteur au jour du jugement d’ouverture est joint en annexe ; les copies des factures sont tenues à votre disposition et vous seront adressées sur simple demande.',
    'claimLetter.statement': 'Annexe — Relevé du compte de {debtor} au {date}, jour du jugement d’ouverture',
    'claimLetter.statementIntro':
      'Pièces du compte restant dues au jour du jugement{credits, select, yes {, avoirs et règlements non imputés compris (ils viennent en déduction des factures)} other {}} : leur montant, ce qui en restait dû ce jour-là et le retard à cette date.',
    'claimLetter.deadline':
      'La présente déclaration est faite dans le délai de deux mois à compter de la publication du jugement d’ouverture au BODACC, qui expire le {deadline} (article R622-24 du Code de commerce).',
    'claimLetter.closing':
      'Nous certifions sincère et véritable le montant de la créance déclarée et vous prions d’agréer, Maître, l’expression de nos salutations distinguées.',
    'claimLetter.legal':
      'Déclaration faite par le créancier ou son préposé (article L622-24 du Code de commerce) — relevé de compte en annexe, factures sur demande (article R622-23).',
    'claimLetter.debtor': 'Débiteur :',
    'claimLetter.totalDeclared': 'Total déclaré',
    'claimLetter.reference': 'DC-{claimId}',
    'claimLetter.filename': 'declaration-creance-{customer}-{claimId}.pdf',
    'provision.basis':
      '{basis, select, age {ancienneté} collective_procedure {procédure collective} dispute {litige} other {autre}}',
    'provision.cli.total': 'Provision pour créances douteuses au {asOf} : {total}',
    'provision.cli.basis': '  dont {basis} : {amount}',
    'provision.cli.movements':
      'Du {from} au {asOf} : provision d’ouverture {opening}, dotation {allowance}, reprise {reversal}, reprise utilisée (passage en perte) {used}, provision de clôture {closing}',
    'provision.cli.line':
      '  {customerCode} {ref} : {open} {vat, select, none {sans TVA} other {TTC}}, {days} j de retard, {basis} {rate} de {net} HT = {provision}',
    'provision.web.title': 'Provision pour créances douteuses',
    'provision.web.closing': 'au {date}',
    'provision.web.opening': 'Provision au {date}',
    'provision.web.allowance': 'Dotations',
    'provision.web.reversal': 'Reprises',
    'provision.web.used': 'Reprises utilisées (passages en perte)',
    'provision.web.lines': 'Créances provisionnées',
    'provision.web.lineCount':
      '{n, plural, one {# facture provisionnée} other {# factures provisionnées}}, les plus fortes provisions d’abord',
    'provision.web.noLine': 'Aucune créance à provisionner à cette date.',
    'provision.web.invoice': 'Facture',
    'provision.web.customer': 'Client',
    'provision.web.dueDate': 'Échéance',
    'provision.web.daysPastDue': 'Retard',
    'provision.web.notDue': 'non échue',
    'provision.web.open': 'Restant dû',
    'provision.web.vat': '{vat, select, none {sans TVA} other {TTC}}',
    'provision.web.net': 'Base HT',
    'provision.web.basis': 'Motif',
    'provision.web.rate': 'Taux',
    'provision.web.provision': 'Provision',
    'provision.postJudgment':
      'Émise le {issueDate}, après le jugement d’ouverture : créance postérieure (C. com., art. L. 622-17 et L. 641-13), provisionnée selon la règle ordinaire et non au taux de la procédure',
    'provision.web.postJudgment': 'créance postérieure au jugement d’ouverture',
  },
  en: {
    'writeoff.reason':
      '{reason, select, insolvency {insolvency proceedings} uncollectable {uncollectable debt} small_balance {small balance} commercial {commercial gesture} other {other reason}}',
    'writeoff.status':
      '{status, select, proposed {awaiting approval} approved {approved} rejected {rejected} other {unknown}}',
    'writeoff.vatNote.eligible':
      'VAT recovery (CGI art. 272-1): debt definitively irrecoverable ({refs}), for {gross} incl. VAT{split}. Send the customer a corrective invoice and deduct the VAT in the return of the month the loss is established.',
    'writeoff.vatNote.split': ', of which {net} net and {vat} VAT',
    'writeoff.vatNote.splitUnknown': ' (net/VAT split to be taken from the invoices)',
    'writeoff.vatNote.notEligible':
      'No VAT recovery: the loss ({reason}) is not a definitively irrecoverable debt (CGI art. 272-1).',
    'writeoff.cli.line':
      'No. {proposalId} — {customerName} ({customerCode}): {amount} on {refs} — {reason} — {status}{requiredRole, select, none {} other { (role required: {requiredRole})}}',
    'writeoff.cli.none': 'No write-off.',
    'writeoff.web.nav': 'Write-offs',
    'writeoff.web.title': 'Write-offs and provision',
    'writeoff.web.proposed': 'Awaiting approval',
    'writeoff.web.decided': 'Decided',
    'writeoff.web.none': 'No proposal.',
    'writeoff.web.customer': 'Customer',
    'writeoff.web.invoices': 'Invoices',
    'writeoff.web.amount': 'Amount',
    'writeoff.web.reason': 'Reason',
    'writeoff.web.proposedBy': 'Proposed by',
    'writeoff.web.requiredRole': 'Role required',
    'writeoff.web.status': 'Status',
    'writeoff.web.comment': 'Comment (required to reject)',
    'writeoff.web.approve': 'Approve',
    'writeoff.web.reject': 'Reject',
    'writeoff.web.approved': 'Write-off approved and posted to the ledger.',
    'writeoff.web.rejected': 'Proposal rejected.',
    'writeoff.web.propose': 'Propose a write-off',
    'writeoff.web.proposeLine': 'Propose',
    'writeoff.web.proposeIntro':
      'The customer, the invoices and the amount of each, the reason: the proposal waits for another person’s approval, of the role the delegation matrix requires for the amount and the customer’s risk class, or above.',
    'writeoff.web.noOpenInvoice': 'No open invoice for this customer.',
    'writeoff.web.amountToWriteOff': 'To write off',
    'writeoff.web.why': 'Justification',
    'writeoff.web.whyPlaceholder':
      'e.g. liquidation closed for lack of assets, certificate of irrecoverability from the liquidator',
    'writeoff.web.vatRate': 'VAT rate of the invoices (if known)',
    'writeoff.web.total':
      'Total proposed: {total} ({count, plural, =0 {no invoice ticked} one {# invoice} other {# invoices}})',
    'writeoff.web.submit': 'Propose',
    'writeoff.web.proposedNotice':
      'Proposal no. {proposalId} recorded: {amount}, to be approved by: {role} (or above).',
    'writeoff.web.mayNotPropose': 'For the credit department, collectors and management only',
    'writeoff.web.refusal':
      '{reason, select, own_proposal {You proposed it: another person decides} other {Decision for the role: {role} (or above)}}',
    'writeoff.web.provision':
      'Provision for doubtful debts at {asOf}: {total} (age {age}, collective procedures {procedure}, disputes {dispute})',
    'claimLetter.subject': 'Proof of claim — {procedure} of {debtor}',
    'claimLetter.salutation': 'Dear Sir or Madam,',
    'claimLetter.recipient': 'Creditors’ representative (mandataire judiciaire)',
    'claimLetter.recipientProcedure': '{procedure} of {debtor}',
    'claimLetter.opening':
      'By a judgment of {judgmentDate}{court, select, none {} other { of the {court}}}, {procedure} proceedings were opened against {debtor}{siren, select, none {} other { (SIREN {siren})}}, the judgment being published in the BODACC on {publicationDate} (notice {announcementId}).',
    'claimLetter.openingWithoutNotice':
      'By a judgment of {judgmentDate}{court, select, none {} other { of the {court}}}, {procedure} proceedings were opened against {debtor}{siren, select, none {} other { (SIREN {siren})}}{publicationDate, select, none {} other {, the judgment being published in the BODACC on {publicationDate}}}.',
    'claimLetter.deadlineFromPublication':
      'This declaration is made within two months of the publication of the opening judgment in the BODACC (article R622-24 of the French Commercial Code).',
    'claimLetter.declare':
      'Under articles L622-24 and R622-23 of the French Commercial Code, we hereby declare our claim against this debtor, as at the date of the opening judgment, as shown by the following invoices:',
    'claimLetter.amount':
      'We therefore declare the sum of {total}, {secured, select, yes {as a secured claim (retention of title or security described in the appendix)} other {as an unsecured claim}}, being {principal} of principal (due and not yet due), {interest} of late interest stopped at the opening judgment (article L622-28) and {indemnity} of fixed recovery indemnities (articles L441-10 and D441-5).',
    'claimLetter.noInterest':
      'No interest is declared: the applicable rate for the period is unknown or interest is not claimed.',
    'claimLetter.evidence':
      'This claim has not been the subject of any court decision and is, to our knowledge, undisputed. The statement of the debtor’s account at the date of the opening judgment is appended; copies of the invoices are available and will be sent on request.',
    'claimLetter.statement':
      'Appendix — Statement of the account of {debtor} at {date}, the date of the opening judgment',
    'claimLetter.statementIntro':
      'Documents of the account still open on the day of the judgment{credits, select, yes {, credit notes and unapplied payments included (they are deducted from the invoices)} other {}}: their amount, what was still owed on them that day and the delay at that date.',
    'claimLetter.deadline':
      'This declaration is made within two months of the BODACC publication of the opening judgment, a period expiring on {deadline} (article R622-24).',
    'claimLetter.closing':
      'We certify the amount of the claim declared to be true and accurate. Yours faithfully,',
    'claimLetter.legal':
      'Proof of claim made by the creditor or its agent (article L622-24 of the French Commercial Code) — statement of account appended, invoices on request (article R622-23).',
    'claimLetter.debtor': 'Debtor:',
    'claimLetter.totalDeclared': 'Total declared',
    'claimLetter.reference': 'DC-{claimId}',
    'claimLetter.filename': 'proof-of-claim-{customer}-{claimId}.pdf',
    'provision.basis':
      '{basis, select, age {age} collective_procedure {collective procedure} dispute {dispute} other {other}}',
    'provision.cli.total': 'Provision for doubtful debts at {asOf}: {total}',
    'provision.cli.basis': '  of which {basis}: {amount}',
    'provision.cli.movements':
      'From {from} to {asOf}: opening provision {opening}, allowance {allowance}, reversal {reversal}, used on write-off {used}, closing provision {closing}',
    'provision.cli.line':
      '  {customerCode} {ref}: {open} {vat, select, none {without VAT} other {incl. VAT}}, {days} days past due, {basis} {rate} of {net} net = {provision}',
    'provision.web.title': 'Provision for doubtful debts',
    'provision.web.closing': 'at {date}',
    'provision.web.opening': 'Provision at {date}',
    'provision.web.allowance': 'Allowances',
    'provision.web.reversal': 'Reversals',
    'provision.web.used': 'Used (write-offs)',
    'provision.web.lines': 'Debts provided for',
    'provision.web.lineCount':
      '{n, plural, one {# invoice provided for} other {# invoices provided for}}, largest provisions first',
    'provision.web.noLine': 'No debt to provide for at this date.',
    'provision.web.invoice': 'Invoice',
    'provision.web.customer': 'Customer',
    'provision.web.dueDate': 'Due date',
    'provision.web.daysPastDue': 'Past due',
    'provision.web.notDue': 'not yet due',
    'provision.web.open': 'Still owed',
    'provision.web.vat': '{vat, select, none {without VAT} other {incl. VAT}}',
    'provision.web.net': 'Net of VAT',
    'provision.web.basis': 'Basis',
    'provision.web.rate': 'Rate',
    'provision.web.provision': 'Provision',
    'provision.postJudgment':
      'Issued on {issueDate}, after the opening judgment: a post-judgment claim (French Commercial Code, art. L. 622-17 and L. 641-13), provided for under the ordinary rule, not at the procedure’s rate',
    'provision.web.postJudgment': 'claim arising after the opening judgment',
  },
} as const;
