/**
 * Errors of the credit procedure (replay, diagram, reports), of jobs and schedules, and of the
 * mail outbox, as a person reads them (raised as `new DomainError(code, { key, params })`).
 * French typography: a no-break space before « : ; ? ! » and inside the guillemets.
 */
const CONFIG_KIND_FR =
  '{kind, select, order_rules {les règles d’acceptation des commandes} limit_policy {la politique de limites de crédit} exposure_config {le calcul de l’encours} delegation_matrix {la matrice de délégation} scoring_method {la méthode de score} other {{kind}}}';
const CONFIG_KIND_EN =
  '{kind, select, order_rules {the order rules} limit_policy {the credit limit policy} exposure_config {the exposure settings} delegation_matrix {the delegation matrix} scoring_method {the scoring method} other {{kind}}}';

export const errorsProcedure = {
  fr: {
    'errors.procedure.notADate':
      '{field, select, from {Début du rejeu} to {Fin du rejeu} other {{field}}}\u00a0: «\u00a0{value}\u00a0» n’est pas une date (AAAA-MM-JJ).',
    'errors.procedure.noVersion':
      'Aucune version des règles de commande, de la matrice de délégation ni de la politique de relance ne s’appelle «\u00a0{selector}\u00a0».',
    'errors.procedure.format':
      'Format «\u00a0{value}\u00a0» non pris en charge\u00a0; formats possibles\u00a0: {formats}.',
    'errors.procedure.compareBpmn':
      'Une comparaison se dessine en SVG ou en PNG\u00a0; le BPMN n’exporte qu’une version.',
    'errors.procedure.versionName': 'La version doit être le nom d’une version enregistrée.',
    'errors.procedure.noProposal':
      'Indiquez une politique proposée\u00a0: un fichier JSON ou une version enregistrée.',
    'errors.procedure.proposalObject': 'La politique proposée doit être un objet JSON.',
    'errors.procedure.limitScale':
      'Le coefficient des limites (limitScaleBps) est un nombre entier de points de base (10\u202f000 = inchangé).',
    'errors.procedure.dunningPoliciesList':
      'Les politiques de relance proposées (dunning_policies) doivent être une liste.',
    'errors.procedure.configObject': `Le corps proposé pour ${CONFIG_KIND_FR} ({kind}) doit être un objet JSON.`,
    'errors.procedure.configInvalid': `La proposition pour ${CONFIG_KIND_FR} n’est pas valide\u00a0: {problems}.`,
    'errors.procedure.dunningInvalid':
      'Les politiques de relance proposées ne sont pas valides\u00a0: {first}{others, plural, =0 {} one { (et une autre erreur)} other { (et # autres erreurs)}}.',
    'errors.procedure.noVersionNamed':
      'Aucune version de configuration ni politique de relance enregistrée ne s’appelle «\u00a0{name}\u00a0».',
    'errors.procedure.replayPeriod': 'Le rejeu commence le {from}, après sa fin le {to}.',
    'errors.procedure.replayTooLong': 'Un rejeu couvre trois ans au plus.',
    'errors.procedure.unknownCompany': 'Société inconnue\u00a0: {company}.',
    'errors.procedure.replayCancelled': 'Le rejeu a été annulé.',
    'errors.procedure.noReplay': 'Aucun rejeu n°\u00a0{id}.',
    'errors.procedure.replayNotSucceeded': 'Le rejeu n°\u00a0{id} n’a pas abouti (statut\u00a0: {status}).',
    'errors.procedure.replayFailed': 'Le rejeu n°\u00a0{id} a échoué\u00a0: {error}',
    'errors.procedure.unknownReport':
      'Rapport inconnu\u00a0: «\u00a0{report}\u00a0» (dysfunctions ou measures).',
    'errors.procedure.unknownSection': 'Le rapport {report} n’a pas de section «\u00a0{section}\u00a0».',
    'errors.procedure.unknownLanguage': 'Langue inconnue\u00a0: «\u00a0{lang}\u00a0» (fr ou en).',
    'errors.procedure.templateTooLong': 'Le modèle dépasse {max, number} caractères.',
    'errors.procedure.templateParse': 'Le modèle ne se lit pas\u00a0: {problems}',
    'errors.procedure.templateFailed':
      'Le modèle de la section {report}/{section} ({lang}) a échoué\u00a0: {problem}',
    'errors.procedure.policyFileUnreadable': 'Impossible de lire le fichier de politique {file}.',
    'errors.procedure.policyFileNotJson': 'Le fichier de politique {file} n’est pas un document JSON.',
    'errors.jobs.payloadObject':
      'Les paramètres du traitement «\u00a0{kind}\u00a0» doivent être un objet JSON.',
    'errors.jobs.sliceSize': 'La taille des tranches (sliceSize) est un nombre entier de 1 à {max, number}.',
    'errors.jobs.timeZone': 'Fuseau horaire inconnu\u00a0: «\u00a0{zone}\u00a0».',
    'errors.jobs.cron': 'Expression cron «\u00a0{cron}\u00a0» invalide\u00a0: {problem}',
    'errors.jobs.cronProblem':
      '{problem, select, second {la seconde doit être entre 0 et 59} minute {la minute doit être entre 0 et 59} hour {l’heure doit être entre 0 et 23} day {le jour du mois doit être entre 1 et 31} month {le mois doit être entre 1 et 12 (ou JAN à DEC)} dayOfWeek {le jour de la semaine doit être entre 0 et 7 (0 et 7\u00a0: dimanche\u00a0; ou MON à SUN)} year {l’année doit être entre 1 et 9999} parts {il faut cinq champs séparés par des espaces (minute heure jour mois jour-de-la-semaine), six avec les secondes en tête} characters {le champ n°\u00a0{entry} («\u00a0{value}\u00a0») contient des caractères non valables} range {l’intervalle «\u00a0{value}\u00a0» va du plus grand au plus petit} other {expression non comprise (exemple\u00a0: «\u00a00 7 * * 1-5\u00a0», à 7\u00a0h du lundi au vendredi)}}',
    'errors.jobs.unknownKind': 'Type de traitement inconnu\u00a0: «\u00a0{kind}\u00a0».',
    'errors.jobs.roleMayNotStart':
      'Le rôle «\u00a0{role}\u00a0» ne permet pas de lancer le traitement «\u00a0{kind}\u00a0».',
    'errors.jobs.roleMayNotSchedule':
      'Le rôle «\u00a0{role}\u00a0» ne permet pas de planifier le traitement «\u00a0{kind}\u00a0».',
    'errors.jobs.alreadyActive':
      'Un traitement «\u00a0{kind}\u00a0» est déjà {status, select, queued {en attente} running {en cours} other {actif}} pour cette société (n°\u00a0{id})\u00a0: attendez sa fin ou annulez-le.',
    'errors.jobs.noJob': 'Aucun traitement n°\u00a0{id} dans cette société.',
    'errors.jobs.alreadyFinished':
      'Le traitement n°\u00a0{id} est déjà {status, select, succeeded {terminé} failed {en échec} cancelled {annulé} other {terminé}}.',
    'errors.jobs.noSchedule': 'Aucune planification n°\u00a0{id} dans cette société.',
    'errors.jobs.jsonOption': '{option} doit être un document JSON.',
    'errors.jobs.positiveOption': '{option} doit être un nombre positif.',
    'errors.jobs.notAJobNumber': '«\u00a0{value}\u00a0» n’est pas un numéro de traitement.',
    'errors.jobs.gaveUp': 'Abandonné après {attempts, plural, one {# tentative} other {# tentatives}}.',
    'errors.jobs.gaveUpAfterError':
      'Abandonné après {attempts, plural, one {# tentative} other {# tentatives}}\u00a0; dernière erreur\u00a0: {error}',
    'errors.mail.smtpUrl':
      'ENCOURS_SMTP_URL n’est pas une adresse valide (smtp://utilisateur:mot-de-passe@hôte:port).',
    'errors.mail.smtpScheme': 'ENCOURS_SMTP_URL doit commencer par smtp:// ou smtps://.',
    'errors.mail.smtpPort': 'Port SMTP invalide\u00a0: «\u00a0{value}\u00a0».',
    'errors.mail.noRecipient': 'Un message a besoin d’au moins un destinataire.',
    'errors.mail.field':
      '{field, select, idempotencyKey {Clé d’idempotence} category {Catégorie} from {Expéditeur} to {Destinataires} cc {Copie} bcc {Copie cachée} replyTo {Adresse de réponse} subject {Objet} filename {Nom de la pièce jointe} contentType {Type de la pièce jointe} other {{field}}}',
    'errors.mail.emptyField': 'Message à envoyer\u00a0: {field} vide.',
    'errors.mail.badAddress': '{field}\u00a0: «\u00a0{value}\u00a0» n’est pas une adresse e-mail unique.',
    'errors.mail.attachmentsTooLarge': 'Les pièces jointes d’un message dépassent {megabytes} Mo.',
    'errors.mail.noMessage': 'Aucun message n°\u00a0{id} dans la file d’envoi.',
    'errors.mail.alreadySent': 'Le message n°\u00a0{id} est déjà envoyé.',
    'errors.mail.notAMessageNumber': '«\u00a0{value}\u00a0» n’est pas un numéro de message.',
    'errors.mail.statusOption':
      '--status\u00a0: «\u00a0{value}\u00a0» n’est pas accepté\u00a0; valeurs possibles\u00a0: {choices}.',
    'errors.mail.limitOption': '--limit doit valoir au moins 1.',
  },
  en: {
    'errors.procedure.notADate':
      '{field, select, from {Replay start} to {Replay end} other {{field}}}: "{value}" is not a date (YYYY-MM-DD).',
    'errors.procedure.noVersion':
      'No order rules, delegation matrix or dunning policy version named "{selector}".',
    'errors.procedure.format': 'Format "{value}" is not supported; possible formats: {formats}.',
    'errors.procedure.compareBpmn': 'A comparison is drawn as SVG or PNG; BPMN exports one version.',
    'errors.procedure.versionName': 'The version must be the name of a stored version.',
    'errors.procedure.noProposal': 'Name a proposed policy: a JSON file or a stored version.',
    'errors.procedure.proposalObject': 'The proposed policy must be a JSON object.',
    'errors.procedure.limitScale':
      'The limit scale (limitScaleBps) is a whole number of basis points (10,000 = limits unchanged).',
    'errors.procedure.dunningPoliciesList':
      'The proposed dunning policies (dunning_policies) must be a list.',
    'errors.procedure.configObject': `The body proposed for ${CONFIG_KIND_EN} ({kind}) must be a JSON object.`,
    'errors.procedure.configInvalid': `The proposal for ${CONFIG_KIND_EN} is invalid: {problems}.`,
    'errors.procedure.dunningInvalid':
      'The proposed dunning policies are invalid: {first}{others, plural, =0 {} one { (and one more error)} other { (and # more errors)}}.',
    'errors.procedure.noVersionNamed': 'No stored configuration version or dunning policy named "{name}".',
    'errors.procedure.replayPeriod': 'The replay starts on {from}, after it ends on {to}.',
    'errors.procedure.replayTooLong': 'A replay covers at most three years.',
    'errors.procedure.unknownCompany': 'Unknown company: {company}.',
    'errors.procedure.replayCancelled': 'The replay was cancelled.',
    'errors.procedure.noReplay': 'No replay {id}.',
    'errors.procedure.replayNotSucceeded': 'The replay {id} has not succeeded (status: {status}).',
    'errors.procedure.replayFailed': 'The replay {id} failed: {error}',
    'errors.procedure.unknownReport': 'Unknown report: "{report}" (dysfunctions or measures).',
    'errors.procedure.unknownSection': 'The report {report} has no section "{section}".',
    'errors.procedure.unknownLanguage': 'Unknown language: "{lang}" (fr or en).',
    'errors.procedure.templateTooLong': 'The template is longer than {max, number} characters.',
    'errors.procedure.templateParse': 'The template does not parse: {problems}',
    'errors.procedure.templateFailed':
      'The template of section {report}/{section} ({lang}) failed: {problem}',
    'errors.procedure.policyFileUnreadable': 'Cannot read the policy file {file}.',
    'errors.procedure.policyFileNotJson': 'The policy file {file} is not a JSON document.',
    'errors.jobs.payloadObject': 'The payload of the job "{kind}" must be a JSON object.',
    'errors.jobs.sliceSize': 'The slice size (sliceSize) must be a whole number from 1 to {max, number}.',
    'errors.jobs.timeZone': 'Unknown time zone: "{zone}".',
    'errors.jobs.cron': 'Invalid cron expression "{cron}": {problem}',
    'errors.jobs.cronProblem':
      '{problem, select, second {the second must be from 0 to 59} minute {the minute must be from 0 to 59} hour {the hour must be from 0 to 23} day {the day of the month must be from 1 to 31} month {the month must be from 1 to 12 (or JAN to DEC)} dayOfWeek {the day of the week must be from 0 to 7 (0 and 7: Sunday; or MON to SUN)} year {the year must be from 1 to 9999} parts {five fields separated by spaces are needed (minute hour day month day-of-week), six with the seconds first} characters {field {entry} ("{value}") holds characters that are not allowed} range {the range "{value}" runs from the larger to the smaller} other {expression not understood (example: "0 7 * * 1-5", at 7:00 from Monday to Friday)}}',
    'errors.jobs.unknownKind': 'Unknown job kind: "{kind}".',
    'errors.jobs.roleMayNotStart': 'The role {role} may not start the job "{kind}".',
    'errors.jobs.roleMayNotSchedule': 'The role {role} may not schedule the job "{kind}".',
    'errors.jobs.alreadyActive':
      'A job "{kind}" is already {status, select, queued {queued} running {running} other {active}} for this company (job {id}): wait for it or cancel it.',
    'errors.jobs.noJob': 'No job {id} in this company.',
    'errors.jobs.alreadyFinished':
      'Job {id} is already {status, select, succeeded {finished} failed {failed} cancelled {cancelled} other {finished}}.',
    'errors.jobs.noSchedule': 'No schedule {id} in this company.',
    'errors.jobs.jsonOption': '{option} must be a JSON document.',
    'errors.jobs.positiveOption': '{option} must be a positive number.',
    'errors.jobs.notAJobNumber': '"{value}" is not a job number.',
    'errors.jobs.gaveUp': 'Gave up after {attempts, plural, one {# attempt} other {# attempts}}.',
    'errors.jobs.gaveUpAfterError':
      'Gave up after {attempts, plural, one {# attempt} other {# attempts}}; last error: {error}',
    'errors.mail.smtpUrl': 'ENCOURS_SMTP_URL is not a URL (smtp://user:password@host:port).',
    'errors.mail.smtpScheme': 'ENCOURS_SMTP_URL must start with smtp:// or smtps://.',
    'errors.mail.smtpPort': 'SMTP port is not a port number: "{value}".',
    'errors.mail.noRecipient': 'A message needs at least one recipient.',
    'errors.mail.field':
      '{field, select, idempotencyKey {Idempotency key} category {Category} from {Sender} to {Recipients} cc {Copy} bcc {Blind copy} replyTo {Reply-to address} subject {Subject} filename {Attachment name} contentType {Attachment type} other {{field}}}',
    'errors.mail.emptyField': 'Message to send: {field} is empty.',
    'errors.mail.badAddress': '{field}: "{value}" is not one e-mail address.',
    'errors.mail.attachmentsTooLarge': 'The attachments of a message exceed {megabytes} MB.',
    'errors.mail.noMessage': 'No message {id} in the outbox.',
    'errors.mail.alreadySent': 'Message {id} was already sent.',
    'errors.mail.notAMessageNumber': '"{value}" is not a message number.',
    'errors.mail.statusOption': '--status: "{value}" is not accepted; possible values: {choices}.',
    'errors.mail.limitOption': '--limit must be at least 1.',
  },
} as const;
