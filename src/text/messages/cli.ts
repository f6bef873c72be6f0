/** The human (non-JSON) output of the `encours` command line. */
export const cli = {
  fr: {
    'cli.customers.title': 'Clients au {date} ({shown} sur {total})',
    'cli.col.code': 'Code',
    'cli.col.name': 'Nom',
    'cli.col.type': 'Type',
    'cli.col.salesperson': 'Commercial',
    'cli.col.limit': 'Limite',
    'cli.col.balance': 'Encours',
    'cli.col.overdue': 'Échu',
    'cli.col.kind': 'Nature',
    'cli.col.reference': 'Référence',
    'cli.col.customer': 'Client',
    'cli.col.document': 'Pièce',
    'cli.col.issued': 'Émise',
    'cli.col.due': 'Échéance',
    'cli.col.daysLate': 'Retard (j)',
    'cli.col.age': 'Âge (j)',
    'cli.col.amount': 'Montant',
    'cli.col.open': 'Reste dû',
    'cli.customer.header': '{code} — {name}   (au {date})',
    'cli.customer.identity': 'Type {type} · commercial {salesperson} · conditions {terms} · statut {status}',
    'cli.customer.ids': 'SIREN {siren} · TVA {vat} · {city} {country}',
    'cli.customer.figures': 'Encours {balance} · échu {overdue} · limite {limit}',
    'cli.customer.openItems': 'Pièces ouvertes',
    'cli.customer.events': 'Historique',
    'cli.anomaly.line': '[{severity}] {title} — {customers, plural, one {# client} other {# clients}}',
    'cli.import.companyCreated': 'Société {code} créée (elle n’existait pas dans cette base).',
    'cli.companies.created': 'Société {code} créée : {name} ({currency}).',
    'cli.companies.code': 'Code',
    'cli.companies.name': 'Raison sociale',
    'cli.companies.currency': 'Devise',
    'cli.import.dryRun': 'Simulation : rien n’a été enregistré. ',
    'cli.import.summary':
      '{file} : {rows, plural, one {# ligne} other {# lignes}} — {inserted, plural, one {# nouvelle} other {# nouvelles}}, {updated, plural, one {# modifiée} other {# modifiées}}, {unchanged, plural, one {# inchangée} other {# inchangées}}',
    'cli.import.payments':
      ' ; {allocations, plural, one {# lettrage} other {# lettrages}}, {unapplied, plural, one {# règlement non affecté} other {# règlements non affectés}}',
    'cli.import.disputes':
      ' ; {count, plural, one {# litige ouvert} other {# litiges ouverts}} sur les factures indiquées en litige',
    'cli.import.notice': 'Remarque : {text}',
    'cli.fec.read':
      '{file} ({encoding}) : {lines, plural, one {# ligne} other {# lignes}}, {entries, plural, one {# écriture} other {# écritures}}, du {from} au {to}',
    'cli.fec.written':
      '{customers, plural, one {# compte client} other {# comptes clients}} ({inserted, plural, one {# nouveau} other {# nouveaux}}) ; pièces : {invoices} factures, {creditNotes} avoirs, {payments} règlements, {other} autres ({docsInserted} nouvelles, {docsUpdated} modifiées, {docsUnchanged} inchangées)',
    'cli.fec.lettering':
      '{allocations, plural, one {# lettrage} other {# lettrages}} repris du FEC ({written} écrits, {reversed} annulés) ; {openItems, plural, one {# pièce ouverte} other {# pièces ouvertes}}',
    'cli.fec.proof':
      'Preuve au {date} : comptes clients {control}, pièces ouvertes {open} — {ok, select, yes {rapproché au centime près} other {ÉCARTS}}',
    'cli.fec.difference': '  {code} {name} : FEC {fec}, pièces ouvertes {open} ; lignes du FEC {lines}',
    'cli.fec.otherDocuments': ' ; autres pièces {refs}',
    'cli.fec.warning': 'avertissement : {text}',
    'cli.demo.manifestTitle': 'Démonstration SA CB2C, date de référence {date}',
    'cli.demo.situation': '- {kind} — client {customer}{document} : {note}',
    'cli.demo.situationDocument': ', pièce {ref}',
    'cli.demo.loaded':
      'Société {code} chargée en {seconds} s : {customers} clients, {documents} pièces, {allocations} lettrages, {orders} commandes, {events} événements, {users} utilisateurs.',
    'cli.serve.loadingDemo': 'Base vide : chargement de la société de démonstration SA CB2C…',
    'cli.serve.demoLoaded': 'Société de démonstration chargée : {customers} clients, {documents} pièces.',
    'cli.serve.adminCreated':
      'Société {code} : administrateur {email} créé avec le mot de passe {password} (affiché une seule fois ; changez-le après connexion)',
    'cli.serve.adminFromEnv':
      'Société {code} : administrateur {email} créé avec le mot de passe de ENCOURS_ADMIN_PASSWORD',
    'cli.serve.listening': 'Encours à l’écoute sur {url} (base de données : {location})',
  },
  en: {
    'cli.customers.title': 'Customers as of {date} ({shown} of {total})',
    'cli.col.code': 'Code',
    'cli.col.name': 'Name',
    'cli.col.type': 'Type',
    'cli.col.salesperson': 'Salesperson',
    'cli.col.limit': 'Limit',
    'cli.col.balance': 'Balance',
    'cli.col.overdue': 'Overdue',
    'cli.col.kind': 'Kind',
    'cli.col.reference': 'Reference',
    'cli.col.customer': 'Customer',
    'cli.col.document': 'Document',
    'cli.col.issued': 'Issued',
    'cli.col.due': 'Due',
    'cli.col.daysLate': 'Days late',
    'cli.col.age': 'Age (d)',
    'cli.col.amount': 'Amount',
    'cli.col.open': 'Open',
    'cli.customer.header': '{code} — {name}   (as of {date})',
    'cli.customer.identity': 'Type {type} · salesperson {salesperson} · terms {terms} · status {status}',
    'cli.customer.ids': 'SIREN {siren} · VAT {vat} · {city} {country}',
    'cli.customer.figures': 'Balance {balance} · overdue {overdue} · limit {limit}',
    'cli.customer.openItems': 'Open items',
    'cli.customer.events': 'Events',
    'cli.anomaly.line': '[{severity}] {title} — {customers, plural, one {# customer} other {# customers}}',
    'cli.import.companyCreated': 'Company {code} created (it did not exist in this database).',
    'cli.companies.created': 'Company {code} created: {name} ({currency}).',
    'cli.companies.code': 'Code',
    'cli.companies.name': 'Name',
    'cli.companies.currency': 'Currency',
    'cli.import.dryRun': 'Dry run: nothing was written. ',
    'cli.import.summary':
      '{file}: {rows, plural, one {# row} other {# rows}} — {inserted} new, {updated} updated, {unchanged} unchanged',
    'cli.import.payments':
      '; {allocations, plural, one {# allocation} other {# allocations}}, {unapplied, plural, one {# unapplied payment} other {# unapplied payments}}',
    'cli.import.disputes':
      '; {count, plural, one {# dispute opened} other {# disputes opened}} on the invoices said to be disputed',
    'cli.import.notice': 'Note: {text}',
    'cli.fec.read':
      '{file} ({encoding}): {lines, plural, one {# line} other {# lines}}, {entries, plural, one {# entry} other {# entries}}, {from} to {to}',
    'cli.fec.written':
      '{customers, plural, one {# customer account} other {# customer accounts}} ({inserted} new); documents: {invoices} invoices, {creditNotes} credit notes, {payments} payments, {other} other ({docsInserted} new, {docsUpdated} updated, {docsUnchanged} unchanged)',
    'cli.fec.lettering':
      '{allocations, plural, one {# allocation} other {# allocations}} from the lettering ({written} written, {reversed} reversed); {openItems, plural, one {# open item} other {# open items}}',
    'cli.fec.proof':
      'Proof as of {date}: customer accounts {control}, open items {open} — {ok, select, yes {reconciled to the cent} other {DIFFERENCES}}',
    'cli.fec.difference': '  {code} {name}: FEC {fec}, open items {open}; FEC lines {lines}',
    'cli.fec.otherDocuments': '; other documents {refs}',
    'cli.fec.warning': 'warning: {text}',
    'cli.demo.manifestTitle': 'Demo SA CB2C, reference date {date}',
    'cli.demo.situation': '- {kind} — customer {customer}{document}: {note}',
    'cli.demo.situationDocument': ', document {ref}',
    'cli.demo.loaded':
      'Company {code} loaded in {seconds} s: {customers} customers, {documents} documents, {allocations} allocations, {orders} orders, {events} events, {users} users.',
    'cli.serve.loadingDemo': 'Empty database: loading the demo company SA CB2C…',
    'cli.serve.demoLoaded': 'Demo company loaded: {customers} customers, {documents} documents.',
    'cli.serve.adminCreated':
      'Company {code}: administrator {email} created with password {password} (shown once; change it after signing in)',
    'cli.serve.adminFromEnv':
      'Company {code}: administrator {email} created with the password of ENCOURS_ADMIN_PASSWORD',
    'cli.serve.listening': 'Encours listening on {url} (database: {location})',
  },
} as const;
