/**
 * The cash page before a first bank statement: what the page does, the formats it reads, and on
 * the demo company its month of receipts to import or download (app/cash/demo-statement.ts).
 */
export const cashStart = {
  fr: {
    'cash.start.title': 'Aucun relevé bancaire importé',
    'cash.start.what':
      'Cette page rapproche les encaissements de vos relevés bancaires des factures ouvertes : un encaissement reconnu (référence de facture, IBAN ou nom du payeur, montant) est lettré automatiquement ; pour les autres, vous choisissez parmi les clients et les factures proposés.',
    'cash.start.formats':
      'Formats acceptés : camt.053 et camt.054 (ISO 20022), CFONB 120 et OFX, reconnus d’après leur contenu.',
    'cash.start.demo':
      'Pour essayer, la société de démonstration a son relevé de {month} {year} : des virements aux références tapées de toutes les façons, des prélèvements, des remises de chèques, quelques encaissements que personne ne peut rattacher, et les règlements du mois déjà saisis dans le grand livre, reconnus sans être comptés deux fois.',
    'cash.start.importDemo': 'Importer le relevé de démonstration ({month} {year})',
    'cash.start.download': 'Télécharger le fichier (camt.053) pour l’importer vous-même',
  },
  en: {
    'cash.start.title': 'No bank statement imported yet',
    'cash.start.what':
      'This page matches the receipts of your bank statements to open invoices: a receipt it recognises (invoice reference, payer’s IBAN or name, amount) is applied automatically; for the others you choose among the customers and invoices it proposes.',
    'cash.start.formats':
      'Accepted formats: camt.053 and camt.054 (ISO 20022), CFONB 120 and OFX, recognised from their content.',
    'cash.start.demo':
      'To try it, the demo company has its statement for {month} {year}: transfers with references typed every which way, direct debits, cheque deposits, a few receipts nobody can place, and the month’s payments already in the ledger, recognised without being counted twice.',
    'cash.start.importDemo': 'Import the demo statement ({month} {year})',
    'cash.start.download': 'Download the file (camt.053) to import it yourself',
  },
};
