/**
 * Errors of every other area and the shells, as a person reads them (raised as
 * `new DomainError(code, { key, params })`): the HTTP shell and uploads, companies, the runtime,
 * accounts and passwords, customers, and the wordings several areas share. Reports, forecast,
 * promotions and imports are in errors-reports.ts, the command line's own in errors-cli.ts.
 * French spaces before « : ; ? ! % » and inside « » are non-breaking (U+00A0).
 */
export const errorsGeneral = {
  fr: {
    'errors.http.noRoute': 'Aucune route {method} {path}',
    'errors.http.lang': 'Le paramètre lang doit valoir fr ou en',
    'errors.http.unknownEntity': 'Type d’import inconnu : {entity}',
    'errors.http.journals': 'Le paramètre journals attend des paires CODE=type (et non « {pair} »)',
    'errors.http.noReplay': 'Rejeu de la procédure introuvable : {id}',
    'errors.http.upload.nameLength': 'Nom de fichier trop long : {max} caractères au plus',
    'errors.http.upload.oneFile': 'Envoyez un seul fichier, dans le champ multipart « file »',
    'errors.http.upload.unreadable': 'Corps multipart illisible : {reason}',
    'errors.http.upload.notMultipart': 'Envoyez le fichier en multipart/form-data, dans le champ « file »',
    'errors.http.upload.tooLarge': '{file} : fichier trop volumineux',
    'errors.http.upload.noFile': 'Aucun fichier : envoyez-le dans le champ multipart « file »',
    'errors.http.unauthenticated': 'Connectez-vous ou fournissez un jeton d’API',
    'errors.http.invalidCredentials': 'Adresse e-mail ou mot de passe incorrect',
    'errors.http.csrf': 'En-tête {header} absent ou incorrect',
    'errors.http.otherCompany': 'Votre compte appartient à la société {company}',
    'errors.http.roles': 'Cette action est réservée aux rôles : {roles}',
    'errors.http.importRoles':
      'L’import {entity, select, customers {des clients} invoices {des factures} credit_notes {des avoirs} payments {des règlements} orders {des commandes} other {{entity}}} est réservé aux rôles : {roles}',
    'errors.http.tooManySignIns':
      'Trop d’échecs de connexion : réessayez dans {seconds, plural, one {# seconde} other {# secondes}}',
    'errors.http.tooManyRequests':
      'Trop de requêtes : réessayez dans {seconds, plural, one {# seconde} other {# secondes}}',
    'errors.http.overloaded':
      'Le serveur est surchargé ({type, select, eventLoopDelay {boucle d’événements en retard} eventLoopUtilization {boucle d’événements saturée} heapUsedBytes {mémoire du tas} rssBytes {mémoire du processus} healthCheck {contrôle de santé} other {{type}}}) : réessayez dans un instant',
    'errors.http.nul':
      '{part, select, body {Le corps de la requête contient} query {Les paramètres de la requête contiennent} other {Le chemin de la requête contient}} un caractère NUL',
    'errors.http.internal': 'Erreur interne (requête {id})',
    'errors.http.noAsset': 'Fichier introuvable : {path}',
    'errors.http.badJson': 'Le corps de la requête n’est pas un JSON valide',
    'errors.http.emptyJson': 'Le corps de la requête est vide alors qu’il est annoncé en application/json',
    'errors.http.mediaType':
      '{type, select, none {Type de contenu absent} other {Type de contenu non pris en charge : {type}}}',
    'errors.http.bodyTooLarge': 'Le corps de la requête est trop volumineux',
    'errors.http.contentLength':
      'La taille du corps de la requête ne correspond pas à son en-tête Content-Length',
    'errors.http.badUrl': 'Adresse invalide : {path}',
    'errors.http.longParam': 'Un segment de l’adresse est trop long : {path}',
    'errors.http.refused': 'Requête refusée (statut HTTP {status})',
    'errors.http.title':
      '{code, select, invalid_input {Saisie invalide} import_rejected {Fichier refusé} forbidden {Accès refusé} not_found {Introuvable} conflict {Conflit} ledger_rule {Règle du grand livre} database_unavailable {Base de données indisponible} unauthenticated {Connexion requise} invalid_credentials {Identifiants incorrects} csrf_failed {Contrôle CSRF échoué} too_many_attempts {Trop de tentatives} too_many_requests {Trop de requêtes} overloaded {Serveur surchargé} payload_too_large {Requête trop volumineuse} unsupported_media_type {Type de contenu non pris en charge} service_unavailable {Service indisponible} unavailable {Indisponible} internal {Erreur interne} other {Erreur}}',
    'errors.http.invalid.field':
      '{part, select, body {Le champ {field} (corps de la requête)} querystring {Le paramètre {field} (adresse de la requête)} params {Le segment {field} (chemin de l’adresse)} headers {L’en-tête {field}} other {Le champ {field}}} {expectation}',
    'errors.http.invalid.whole':
      '{part, select, body {Le corps de la requête} querystring {La chaîne de paramètres de l’adresse} params {Le chemin de l’adresse} headers {L’ensemble des en-têtes} other {La requête}} {expectation}',
    'errors.http.invalid.named': 'Le champ « {field} » {expectation}',
    'errors.http.invalid.item': '{list} n° {n}',
    'errors.http.invalid.notNegative': 'ne peut pas être négatif',
    'errors.http.invalid.required': 'est obligatoire',
    'errors.http.invalid.unexpected': 'n’est pas un champ attendu',
    'errors.http.invalid.type': 'doit être {types}',
    'errors.http.invalid.typeName':
      '{type, select, integer {un nombre entier} number {un nombre} string {du texte} boolean {true ou false} object {un objet} array {une liste} null {vide} other {{type}}}',
    'errors.http.invalid.values':
      '{count, plural, one {doit valoir {values}} other {doit valoir l’une des valeurs : {values}}}',
    'errors.http.invalid.format':
      '{kind, select, date {doit être une date AAAA-MM-JJ} dateTime {doit être un instant ISO 8601 avec son fuseau (AAAA-MM-JJTHH:MM:SSZ)} time {doit être une heure HH:MM:SS} email {doit être une adresse e-mail} uri {doit être une adresse web complète} uuid {doit être un UUID} other {doit respecter le format {format}}}',
    'errors.http.invalid.range':
      '{bound, select, minimum {doit valoir au moins {limit}} exclusiveMinimum {doit valoir plus de {limit}} maximum {doit valoir au plus {limit}} other {doit valoir moins de {limit}}}',
    'errors.http.invalid.length':
      '{bound, select, minLength {doit compter au moins {limit, plural, one {# caractère} other {# caractères}}} maxLength {doit compter au plus {limit, plural, one {# caractère} other {# caractères}}} minItems {doit compter au moins {limit, plural, one {# élément} other {# éléments}}} other {doit compter au plus {limit, plural, one {# élément} other {# éléments}}}}',
    'errors.http.invalid.pattern': 'n’a pas la forme attendue',
    'errors.http.invalid.multipleOf': 'doit être un multiple de {limit}',
    'errors.http.invalid.unique': 'contient deux fois la même valeur',
    'errors.http.invalid.other': 'n’est pas valide',
    'errors.http.invalid.dateNotInCalendar': 'n’est pas un jour du calendrier : le {value} n’existe pas',

    'errors.common.date': '« {value} » n’est pas une date valide (AAAA-MM-JJ)',
    'errors.common.namedDate': '{name} : « {value} » n’est pas une date valide (AAAA-MM-JJ)',
    'errors.common.email': 'Adresse e-mail invalide : {email}',
    'errors.common.period': 'Le début de la période ({from}) est postérieur à sa fin ({to})',

    'errors.runtime.database': 'Impossible d’ouvrir la base de données : {reason}',
    'errors.runtime.dataDirBusy':
      'La base de données intégrée {dataDir} est déjà ouverte par un autre processus Encours (pid {pid}) : arrêtez-le, ou choisissez une autre base avec --data-dir ou --db.',
    'errors.connection.reason':
      '{kind, select, refused {connexion refusée par {address} (le serveur est-il démarré ? l’adresse et le port sont-ils les bons ?)} unknownHost {hôte « {address} » introuvable (vérifiez l’adresse)} timeout {pas de réponse dans le délai{address, select, none {} other { ({address})}}} reset {connexion interrompue{address, select, none {} other { par {address}}}} unreachable {{address} injoignable depuis ce réseau} password {identifiant ou mot de passe refusé par le serveur} noDatabase {la base « {address} » n’existe pas sur ce serveur} smtpRecipient {le serveur de messagerie a refusé le destinataire{address, select, none {} other { {address}}} (l’adresse est-elle la bonne ?)} smtpSize {le serveur de messagerie a refusé le message, trop volumineux (pièces jointes)} other {{address}}}',
    'errors.runtime.noCompany':
      'Aucune société dans cette base : lancez `encours demo` ou importez un fichier avec --company CODE',
    'errors.runtime.severalCompanies': 'Plusieurs sociétés : choisissez-en une avec --company ({companies})',

    'errors.company.unknown': 'Société inconnue : {company}',
    'errors.company.exists': 'La société {company} existe déjà',
    'errors.company.code':
      'Un code société compte de 1 à 40 caractères : lettres, chiffres, point, tiret ou trait bas',
    'errors.company.nameEmpty': 'Le nom de la société ne peut pas être vide',
    'errors.company.currency': 'Devise inconnue : {currency}',
    'errors.company.sirenKey': 'Un SIREN compte 9 chiffres et une clé de contrôle valide',
    'errors.company.siren': 'Un SIREN compte 9 chiffres',
    'errors.company.country': 'Pays : un code ISO à 2 lettres, par exemple FR',
    'errors.audit.badDay': 'Journal d’audit\u00a0: «\u00a0{value}\u00a0» n’est pas une date (AAAA-MM-JJ)',
    'errors.company.shareCapital': 'Capital social : un montant positif ou nul, au centime près',
    'errors.company.legalForm': 'Forme juridique : {max} caractères au plus (SA, SAS, SARL…)',
    'errors.company.rcsCity': 'Ville du RCS : {max} caractères au plus',
    'errors.company.identityForbidden':
      'Seul un administrateur ou un responsable crédit modifie l’identité de la société',
    'errors.company.rateForbidden':
      'Seul un administrateur ou un responsable crédit fixe le taux de financement',
    'errors.company.rate':
      '{name} : le taux s’exprime en points de base entiers, de 0 à {max} (500 = 5 % par an)',

    'errors.auth.severalCompanies':
      'Cette adresse e-mail appartient à plusieurs sociétés : indiquez le code de la société',
    'errors.auth.role': 'Rôle inconnu : {role}',
    'errors.auth.language': 'Langue inconnue : choisissez parmi {langs}',
    'errors.auth.salespersonName':
      'Un compte commercial a besoin du nom de commercial que portent ses clients',
    'errors.auth.unknownSalesperson':
      'Aucun client n’a pour commercial «\u00a0{name}\u00a0»{closest, select, none {} other { (vouliez-vous dire «\u00a0{closest}\u00a0»\u00a0?)}}\u00a0: ce compte ne verrait aucun client. Commerciaux du fichier clients\u00a0: {known}',
    'errors.auth.scopeNotSalesperson':
      'Le périmètre commercial ne concerne que le rôle {salesperson}\u00a0; il est sans effet pour le rôle {role}',
    'errors.auth.userExists': 'L’utilisateur {email} existe déjà',
    'errors.auth.unknownUser': 'Utilisateur inconnu : {email}',
    'errors.auth.noActingUser':
      'Aucun utilisateur actif {email} dans la société {company}\u00a0: --user nomme un utilisateur de la société',
    'errors.auth.selfLockout':
      'Vous ne pouvez ni désactiver votre propre compte ni renoncer à votre rôle d’administrateur',
    'errors.auth.passwordLength': 'Un mot de passe compte au moins {min} caractères',
    'errors.auth.passwordCommon': 'Ce mot de passe fait partie des plus courants : choisissez-en un autre',
    'errors.auth.passwordEmail': 'Un mot de passe ne peut pas contenir le nom de votre adresse e-mail',
    'errors.auth.passwordEmailOf':
      'Le mot de passe de {name} ne peut pas contenir le nom de son adresse e-mail ({email})',
    'errors.auth.tokenDays': 'Un jeton d’API est valable de 1 à {max} jours',
    'errors.auth.noToken': 'Aucun jeton d’API actif portant le numéro {id}',
    'errors.auth.tokenNameTaken':
      '{email} a déjà un jeton d’API actif nommé «\u00a0{name}\u00a0»\u00a0: choisissez un autre nom, ou révoquez l’ancien jeton',

    'errors.customers.unknown': 'Client inconnu : {code}',
    'errors.customers.creditLimit':
      'Le plafond de crédit est un montant positif ou nul, au centime près, ou vide',
    'errors.customers.paymentTerms': 'Conditions de paiement non reconnues : « {terms} »',
    'errors.customers.contactName': 'Chaque contact doit avoir un nom',
    'errors.customers.type': 'Type de client inconnu : {type}',
    'errors.customers.status': 'Statut inconnu : {status}',
    'errors.customers.noteEmpty': 'Une note ne peut pas être vide',
    'errors.customers.noteLength': 'Une note compte au plus {max} caractères',
  },
  en: {
    'errors.http.noRoute': 'No route {method} {path}',
    'errors.http.lang': 'The lang parameter must be fr or en',
    'errors.http.unknownEntity': 'Unknown entity {entity}',
    'errors.http.journals': 'The journals parameter expects CODE=type pairs, got {pair}',
    'errors.http.noReplay': 'No replay {id}',
    'errors.http.upload.nameLength': 'File name longer than {max} characters',
    'errors.http.upload.oneFile': 'Send one file only, as the multipart field "file"',
    'errors.http.upload.unreadable': 'Not a readable multipart body: {reason}',
    'errors.http.upload.notMultipart': 'Send the file as multipart/form-data, field "file"',
    'errors.http.upload.tooLarge': '{file}: file too large',
    'errors.http.upload.noFile': 'No file: send it as the multipart field "file"',
    'errors.http.unauthenticated': 'Sign in or give an API token',
    'errors.http.invalidCredentials': 'Wrong e-mail or password',
    'errors.http.csrf': 'Missing or wrong {header} header',
    'errors.http.otherCompany': 'Your account belongs to company {company}',
    'errors.http.roles': 'This requires one of the roles: {roles}',
    'errors.http.importRoles':
      'Importing {entity, select, customers {customers} invoices {invoices} credit_notes {credit notes} payments {payments} orders {orders} other {{entity}}} requires one of the roles: {roles}',
    'errors.http.tooManySignIns':
      'Too many failed sign-ins: try again in {seconds, plural, one {# second} other {# seconds}}',
    'errors.http.tooManyRequests':
      'Too many requests: try again in {seconds, plural, one {# second} other {# seconds}}',
    'errors.http.overloaded':
      'The server is overloaded ({type, select, eventLoopDelay {event loop delay} eventLoopUtilization {event loop utilisation} heapUsedBytes {heap memory} rssBytes {process memory} healthCheck {health check} other {{type}}}): try again shortly',
    'errors.http.nul': 'The {part, select, body {body} query {query} other {path}} contains a NUL character',
    'errors.http.internal': 'Internal error (request {id})',
    'errors.http.noAsset': 'No such file: {path}',
    'errors.http.badJson': 'The request body is not valid JSON',
    'errors.http.emptyJson': 'The request body is empty although it is sent as application/json',
    'errors.http.mediaType':
      '{type, select, none {No content type} other {Unsupported content type: {type}}}',
    'errors.http.bodyTooLarge': 'The request body is too large',
    'errors.http.contentLength': 'The request body does not have the size its Content-Length header says',
    'errors.http.badUrl': 'Not a valid address: {path}',
    'errors.http.longParam': 'A segment of the address is too long: {path}',
    'errors.http.refused': 'Request refused (HTTP status {status})',
    'errors.http.title':
      '{code, select, invalid_input {Invalid input} import_rejected {File rejected} forbidden {Forbidden} not_found {Not found} conflict {Conflict} ledger_rule {Ledger rule} database_unavailable {Database unavailable} unauthenticated {Sign-in required} invalid_credentials {Wrong credentials} csrf_failed {CSRF check failed} too_many_attempts {Too many attempts} too_many_requests {Too many requests} overloaded {Server overloaded} payload_too_large {Request too large} unsupported_media_type {Unsupported media type} service_unavailable {Service unavailable} unavailable {Unavailable} internal {Internal error} other {Error}}',
    'errors.http.invalid.field':
      '{part, select, body {Field {field} (request body)} querystring {Parameter {field} (query string)} params {Path segment {field}} headers {Header {field}} other {Field {field}}} {expectation}',
    'errors.http.invalid.whole':
      '{part, select, body {The request body} querystring {The query string} params {The URL path} headers {The headers} other {The request}} {expectation}',
    'errors.http.invalid.named': 'Field “{field}” {expectation}',
    'errors.http.invalid.item': '{list} no. {n}',
    'errors.http.invalid.notNegative': 'cannot be negative',
    'errors.http.invalid.required': 'is required',
    'errors.http.invalid.unexpected': 'is not an expected field',
    'errors.http.invalid.type': 'must be {types}',
    'errors.http.invalid.typeName':
      '{type, select, integer {an integer} number {a number} string {a string} boolean {true or false} object {an object} array {an array} null {null} other {{type}}}',
    'errors.http.invalid.values': '{count, plural, one {must be {values}} other {must be one of: {values}}}',
    'errors.http.invalid.format':
      '{kind, select, date {must be a date YYYY-MM-DD} dateTime {must be an ISO 8601 instant with its time zone (YYYY-MM-DDTHH:MM:SSZ)} time {must be a time HH:MM:SS} email {must be an e-mail address} uri {must be a full web address} uuid {must be a UUID} other {must have the format {format}}}',
    'errors.http.invalid.range':
      '{bound, select, minimum {must be at least {limit}} exclusiveMinimum {must be more than {limit}} maximum {must be at most {limit}} other {must be less than {limit}}}',
    'errors.http.invalid.length':
      '{bound, select, minLength {must have at least {limit, plural, one {# character} other {# characters}}} maxLength {must have at most {limit, plural, one {# character} other {# characters}}} minItems {must have at least {limit, plural, one {# item} other {# items}}} other {must have at most {limit, plural, one {# item} other {# items}}}}',
    'errors.http.invalid.pattern': 'does not have the expected form',
    'errors.http.invalid.multipleOf': 'must be a multiple of {limit}',
    'errors.http.invalid.unique': 'holds the same value twice',
    'errors.http.invalid.other': 'is not valid',
    'errors.http.invalid.dateNotInCalendar': 'is not a day of the calendar: {value} does not exist',

    'errors.common.date': 'Not a valid date (YYYY-MM-DD): {value}',
    'errors.common.namedDate': '{name}: not a valid date (YYYY-MM-DD): {value}',
    'errors.common.email': 'Not an e-mail address: {email}',
    'errors.common.period': 'The period starts ({from}) after it ends ({to})',

    'errors.runtime.database': 'Cannot open the database: {reason}',
    'errors.runtime.dataDirBusy':
      'The embedded database {dataDir} is already open in another Encours process (pid {pid}): stop it, or choose another database with --data-dir or --db.',
    'errors.connection.reason':
      '{kind, select, refused {connection refused by {address} (is the server running? are the address and port right?)} unknownHost {host "{address}" not found (check the address)} timeout {no answer in time{address, select, none {} other { ({address})}}} reset {connection reset{address, select, none {} other { by {address}}}} unreachable {{address} cannot be reached from this network} password {user name or password refused by the server} noDatabase {database "{address}" does not exist on this server} smtpRecipient {the mail server refused the recipient{address, select, none {} other { {address}}} (is the address right?)} smtpSize {the mail server refused the message as too large (attachments)} other {{address}}}',
    'errors.runtime.noCompany':
      'No company in this database yet: run `encours demo` or import a file with --company CODE',
    'errors.runtime.severalCompanies': 'Several companies: choose one with --company ({companies})',

    'errors.company.unknown': 'Unknown company: {company}',
    'errors.company.exists': 'Company {company} already exists',
    'errors.company.code': 'A company code has 1 to 40 letters, digits, ".", "-" or "_"',
    'errors.company.nameEmpty': 'The company name cannot be empty',
    'errors.company.currency': 'Unknown currency {currency}',
    'errors.company.sirenKey': 'A SIREN has 9 digits and a valid check digit',
    'errors.company.siren': 'A SIREN has 9 digits',
    'errors.company.country': 'Country: a 2-letter ISO code such as FR',
    'errors.audit.badDay': 'Audit log: "{value}" is not a date (YYYY-MM-DD)',
    'errors.company.shareCapital': 'Share capital (shareCapitalMinor): a whole number of cents, 0 or more',
    'errors.company.legalForm': 'Legal form (legalForm): at most {max} characters (SA, SAS, SARL…)',
    'errors.company.rcsCity': 'RCS city (rcsCity): at most {max} characters',
    'errors.company.identityForbidden': 'Only an admin or a credit manager changes the company identity',
    'errors.company.rateForbidden': 'Only an admin or a credit manager sets the financing rate',
    'errors.company.rate': '{name} must be whole basis points from 0 to {max} (500 = 5% a year)',

    'errors.auth.severalCompanies': 'This e-mail belongs to several companies: give the company code',
    'errors.auth.role': 'Unknown role: {role}',
    'errors.auth.language': 'Language must be one of {langs}',
    'errors.auth.salespersonName': 'A salesperson needs the salesperson name of their customers',
    'errors.auth.unknownSalesperson':
      'No customer has the salesperson "{name}"{closest, select, none {} other { (did you mean "{closest}"?)}}: this account would see no customer. Salespeople of the customers file: {known}',
    'errors.auth.scopeNotSalesperson':
      'The sales scope only applies to the role {salesperson}; it has no effect for the role {role}',
    'errors.auth.userExists': 'User {email} already exists',
    'errors.auth.unknownUser': 'Unknown user: {email}',
    'errors.auth.noActingUser':
      'No active user {email} in company {company}: --user names a user of the company',
    'errors.auth.selfLockout': 'You cannot disable yourself or give up your own admin role',
    'errors.auth.passwordLength': 'A password has at least {min} characters',
    'errors.auth.passwordCommon': 'This password is among the most common ones: choose another',
    'errors.auth.passwordEmail': 'A password may not contain your e-mail name',
    'errors.auth.passwordEmailOf': 'The password of {name} may not contain their e-mail name ({email})',
    'errors.auth.tokenDays': 'A token lives from 1 to {max} days',
    'errors.auth.noToken': 'No active API token {id}',
    'errors.auth.tokenNameTaken':
      '{email} already has an active API token named "{name}": choose another name, or revoke the old token',

    'errors.customers.unknown': 'Unknown customer: {code}',
    'errors.customers.creditLimit':
      'The credit limit is a non-negative integer amount in minor units, or null',
    'errors.customers.paymentTerms': 'Payment terms not understood: {terms}',
    'errors.customers.contactName': 'Every contact has a name',
    'errors.customers.type': 'Unknown customer type: {type}',
    'errors.customers.status': 'Unknown status: {status}',
    'errors.customers.noteEmpty': 'A note cannot be empty',
    'errors.customers.noteLength': 'A note has at most {max} characters',
  },
} as const;
