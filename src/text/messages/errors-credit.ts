/**
 * Errors of credit management (customers' risk, scoring, limits, covers, the order check and its
 * webhook, the configuration) and of the credit commands, as a person reads them (raised as
 * `new DomainError(code, { key, params })`).
 */
export const errorsCredit = {
  fr: {
    'errors.credit.unknownCustomer': 'Client inconnu : {customer}',
    'errors.credit.balanceSheets':
      '{count, plural, one {Les bilans comportent # erreur} other {Les bilans comportent # erreurs}} : rien n’a été importé',
    'errors.credit.notADate': '« {value} » n’est pas une date valable (AAAA-MM-JJ)',
    'errors.credit.limitAmount': 'Une limite de crédit est un montant positif ou nul',
    'errors.credit.temporaryExpiry': 'Une limite temporaire a une date d’expiration (AAAA-MM-JJ)',
    'errors.credit.justification': 'Une demande de limite se justifie : indiquez pourquoi',
    'errors.credit.unknownRequest': 'Aucune demande de limite n° {requestId}',
    'errors.credit.requestDecided':
      'La demande de limite n° {requestId} est déjà {status, select, approved {approuvée} refused {refusée} cancelled {annulée} other {traitée}}',
    'errors.credit.requestRole': 'Cette demande requiert le rôle {role} ou un rôle supérieur',
    'errors.credit.configKindUnknown': 'Type de configuration inconnu : {kind}',
    'errors.credit.configInvalid': 'Configuration non valable : {kind}',
    'errors.credit.configProblems': 'Configuration non valable ({kind}) : {problems}',
    'errors.credit.configKind':
      '{kind, select, scoring_method {méthode de notation} order_rules {règles du contrôle des commandes} limit_policy {politique de limites} delegation_matrix {matrice de délégation} exposure_config {calcul de l’encours} message_templates {modèles de messages} other {configuration}}',
    'errors.credit.versionExists':
      'La version {version} ({kind}) existe déjà : choisissez un autre nom de version',
    'errors.credit.webhookNotJson': 'Le corps de l’appel n’est pas du JSON',
    'errors.credit.webhookRequired': 'Les champs customerCode et orderRef sont obligatoires',
    'errors.credit.webhookElements': 'Le champ elements est une liste de codes',
    'errors.credit.webhookRefused':
      'Appel du webhook refusé : {reason, select, malformed {en-têtes de signature mal formés} stale {horodatage hors délai} bad_signature {signature non valable} replayed {appel déjà reçu} other {appel non reconnu}}',
    'errors.credit.unknownOrder': 'Commande inconnue : {orderRef}',
    'errors.credit.orderNotHeld':
      'La commande {orderRef} n’est pas bloquée : elle est {status, select, approved {acceptée} released {libérée} refused {refusée} other {traitée}}',
    'errors.credit.orderRole':
      'Libérer ou refuser la commande {orderRef} requiert le rôle {role} ou un rôle supérieur',
    'errors.credit.scoringInvalid': 'La méthode de notation n’est pas valable',
    'errors.credit.coverStatus': 'Statut de garantie inconnu : « {status} » (attendu : {allowed})',
    'errors.credit.coverInsurer': 'Une garantie nomme son assureur',
    'errors.credit.coverInvalid': 'La garantie n’est pas valable',
    'errors.credit.jobPayload': 'Les paramètres de la tâche « {job} » s’écrivent comme un objet JSON',
    'errors.credit.jobAsOf': 'Le champ asOf est une date (AAAA-MM-JJ)',
    'errors.credit.orderAmount': 'Le montant de la commande est un montant positif ou nul',
    'errors.credit.paymentMode': 'Mode de paiement inconnu : « {payment} » (attendu : {allowed})',
    'errors.credit.orderRefEmpty': 'La référence de commande est vide',
    'errors.credit.orderChecked':
      'La commande {orderRef} a déjà été contrôlée avec d’autres montants (client {customer})',
    'errors.credit.option.codeOrAll': 'Indiquez un code client ou --all',
  },
  en: {
    'errors.credit.unknownCustomer': 'Unknown customer: {customer}',
    'errors.credit.balanceSheets':
      '{count, plural, one {The balance sheets have # problem} other {The balance sheets have # problems}}: nothing was imported',
    'errors.credit.notADate': 'Not a valid date (YYYY-MM-DD): {value}',
    'errors.credit.limitAmount': 'A credit limit is an amount of zero or more',
    'errors.credit.temporaryExpiry': 'A temporary limit needs an expiry date (YYYY-MM-DD)',
    'errors.credit.justification': 'A limit request needs a justification',
    'errors.credit.unknownRequest': 'Unknown limit request no. {requestId}',
    'errors.credit.requestDecided':
      'Limit request no. {requestId} is already {status, select, approved {approved} refused {refused} cancelled {cancelled} other {decided}}',
    'errors.credit.requestRole': 'This request needs the role {role} or above',
    'errors.credit.configKindUnknown': 'Unknown configuration kind: {kind}',
    'errors.credit.configInvalid': 'Invalid configuration: {kind}',
    'errors.credit.configProblems': 'Invalid configuration ({kind}): {problems}',
    'errors.credit.configKind':
      '{kind, select, scoring_method {scoring method} order_rules {order-check rules} limit_policy {limit policy} delegation_matrix {delegation matrix} exposure_config {exposure calculation} message_templates {message templates} other {configuration}}',
    'errors.credit.versionExists': 'Version {version} of the {kind} exists: choose a new version name',
    'errors.credit.webhookNotJson': 'The webhook body is not JSON',
    'errors.credit.webhookRequired': 'The customerCode and orderRef fields are required',
    'errors.credit.webhookElements': 'The elements field is a list of codes',
    'errors.credit.webhookRefused':
      'The webhook call is refused: {reason, select, malformed {malformed signature headers} stale {stale timestamp} bad_signature {bad signature} replayed {already received (replayed)} other {not recognised}}',
    'errors.credit.unknownOrder': 'Unknown order: {orderRef}',
    'errors.credit.orderNotHeld':
      'Order {orderRef} is not held: it is {status, select, approved {approved} released {released} refused {refused} other {decided}}',
    'errors.credit.orderRole': 'Releasing or refusing order {orderRef} needs the role {role} or above',
    'errors.credit.scoringInvalid': 'The scoring method is invalid',
    'errors.credit.coverStatus': 'Unknown cover status "{status}" (expected: {allowed})',
    'errors.credit.coverInsurer': 'A cover names its insurer',
    'errors.credit.coverInvalid': 'The cover is invalid',
    'errors.credit.jobPayload': 'The payload of the job "{job}" is a JSON object',
    'errors.credit.jobAsOf': 'The asOf field must be a date (YYYY-MM-DD)',
    'errors.credit.orderAmount': 'The order amount is an amount of zero or more',
    'errors.credit.paymentMode': 'Unknown payment mode "{payment}" (expected: {allowed})',
    'errors.credit.orderRefEmpty': 'The order reference is empty',
    'errors.credit.orderChecked':
      'Order {orderRef} was already checked with other figures (customer {customer})',
    'errors.credit.option.codeOrAll': 'Give a customer code or --all',
  },
} as const;
