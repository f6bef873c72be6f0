/**
 * The problems that make a credit configuration unusable (`src/core/credit/*` validators: codes
 * and params), as the items of a list after « n’est pas valide : » — lower case, no full stop.
 * Worded by `src/app/procedure/config-problem-words.ts`; a role is given as its label.
 */
const FIELD_FR =
  '{field, select, overdueMaxDays {retard maximal (jours)} overdueMaxMinor {montant échu maximal} overLimitToleranceBps {tolérance de dépassement (%)} overLimitToleranceMinor {tolérance de dépassement (montant)} other {{field}}}';
const FIELD_EN =
  '{field, select, overdueMaxDays {maximum days overdue} overdueMaxMinor {maximum overdue amount} overLimitToleranceBps {over-limit tolerance (%)} overLimitToleranceMinor {over-limit tolerance (amount)} other {{field}}}';

/** The order check's fields that name a decision, by their code (`order-check-validation.ts`). */
const DECISION_FIELD_FR =
  '{field, select, blockedAccount {compte bloqué} noLimit {client sans limite} noLimitPublicBody {organisme public sans limite} coverLapsed {garantie d’assurance tombée} other {{field}}} ({field})';
const DECISION_FIELD_EN =
  '{field, select, blockedAccount {blocked account} noLimit {customer without a limit} noLimitPublicBody {public body without a limit} coverLapsed {lapsed insurer cover} other {{field}}} ({field})';
const ALLOWED_FR =
  '{allowed, select, approve_hold_refuse {approve, hold ou refuse} hold_refuse_off {hold, refuse, ou null pour désactiver la règle} other {hold ou refuse}}';
const ALLOWED_EN =
  '{allowed, select, approve_hold_refuse {approve, hold or refuse} hold_refuse_off {hold, refuse, or null to turn the rule off} other {hold or refuse}}';

export const creditConfigProblems = {
  fr: {
    'creditConfigProblem.version_missing': 'le nom de la version manque',
    'creditConfigProblem.effective_date_invalid': 'la date d’effet « {effectiveFrom} » n’est pas une date',
    'creditConfigProblem.value_not_natural': `${FIELD_FR} : « {value} » n’est pas un nombre entier positif ou nul`,
    'creditConfigProblem.required_element_invalid': 'l’élément requis « {element} » est vide ou en double',
    'creditConfigProblem.open_band_not_last':
      'critère {criterion} : seule la dernière tranche peut être ouverte',
    'creditConfigProblem.last_band_not_open': 'critère {criterion} : la dernière tranche doit être ouverte',
    'creditConfigProblem.band_bound_not_finite':
      'critère {criterion} : une borne de tranche n’est pas un nombre',
    'creditConfigProblem.bands_overlap':
      'critère {criterion} : les tranches se chevauchent ou ne sont pas dans l’ordre',
    'creditConfigProblem.scale_empty': 'critère {criterion} : le barème est vide',
    'creditConfigProblem.worst_share_invalid':
      'critère {criterion} : la part comptée au pire ({share}) doit nommer une donnée qui n’est pas un critère',
    'creditConfigProblem.points_not_natural':
      'critère {criterion} : les points sont des nombres entiers positifs ou nuls',
    'creditConfigProblem.max_points_zero': 'critère {criterion} : aucun point à gagner',
    'creditConfigProblem.threshold_out_of_range':
      'le seuil de la classe {riskClass} (« {minScore} ») doit être compris entre 1 et 100',
    'creditConfigProblem.thresholds_not_decreasing':
      'le seuil de la classe {riskClass} (« {minScore} ») doit être inférieur à celui de la classe précédente',
    'creditConfigProblem.no_criteria': 'la méthode n’a aucun critère',
    'creditConfigProblem.duplicate_criterion': 'le critère {criterion} figure deux fois',
    'creditConfigProblem.group_unknown': 'critère {criterion} : groupe « {group} » inconnu',
    'creditConfigProblem.weight_not_positive':
      'critère {criterion} : le poids est un nombre entier d’au moins 1 (et non « {weight} »)',
    'creditConfigProblem.min_coverage_out_of_range':
      'la couverture minimale doit être comprise entre 0 et 10 000 points de base',
    'creditConfigProblem.rounding_step_not_positive': 'le pas d’arrondi des limites doit être positif',
    'creditConfigProblem.tolerance_negative': 'la tolérance sans assurance ne peut pas être négative',
    'creditConfigProblem.sales_share_negative':
      'classe {riskClass} : la part du chiffre d’affaires ne peut pas être négative',
    'creditConfigProblem.floor_negative': 'classe {riskClass} : le plancher ne peut pas être négatif',
    'creditConfigProblem.ceiling_below_floor': 'classe {riskClass} : le plafond est inférieur au plancher',
    'creditConfigProblem.role_unknown': 'rôle « {role} » inconnu',
    'creditConfigProblem.ceiling_invalid': '{role}, classe {riskClass} : plafond non valable',
    'creditConfigProblem.ceiling_below_junior_role':
      '{role}, classe {riskClass} : plafond inférieur à celui d’un rôle subalterne',
    'creditConfigProblem.ceiling_above_safer_class':
      '{role}, classe {riskClass} : plafond supérieur à celui d’une classe moins risquée',
    'creditConfigProblem.matrix_empty': 'la matrice de délégation est vide',
    'creditConfigProblem.role_duplicated': 'le rôle {role} figure deux fois',
    'creditConfigProblem.no_role_without_ceiling':
      'classe {riskClass} : aucun rôle n’y décide sans plafond (le plus élevé est {role})',
    'creditConfigProblem.template_missing': 'le modèle {name} ({lang}) manque',
    'creditConfigProblem.template_invalid': 'modèle {name} ({lang}), {part} : {error}',
    'creditConfigProblem.body_not_object': 'le corps n’est pas un objet JSON',
    'creditConfigProblem.body_malformed': 'le corps n’a pas la forme attendue',
    'creditConfigProblem.decision_invalid': `${DECISION_FIELD_FR} : « {value} » n’est pas une décision admise (${ALLOWED_FR})`,
    'creditConfigProblem.decision_missing': `${DECISION_FIELD_FR} : la décision manque (${ALLOWED_FR})`,
    'creditConfigProblem.class_decision_invalid':
      'classe {riskClass} (classDecisions) : « {value} » n’est pas une décision admise (hold ou refuse)',
    'creditConfigProblem.class_unknown': 'classDecisions : la classe « {riskClass} » n’existe pas (A à E)',
    'creditConfigProblem.payment_mode_invalid':
      'exemptPayments : « {value} » n’est pas un mode de paiement (prepaid, cod ou terms)',
    'creditConfigProblem.field_not_list': '{field} : une liste est attendue',
    'creditConfigProblem.field_not_object': '{field} : un objet JSON est attendu',
    'creditConfigProblem.other': 'problème « {code} »',
  },
  en: {
    'creditConfigProblem.version_missing': 'the version name is missing',
    'creditConfigProblem.effective_date_invalid': 'the effective date "{effectiveFrom}" is not a date',
    'creditConfigProblem.value_not_natural': `${FIELD_EN}: "{value}" is not a whole number ≥ 0`,
    'creditConfigProblem.required_element_invalid': 'the required element "{element}" is empty or repeated',
    'creditConfigProblem.open_band_not_last': 'criterion {criterion}: only the last band may be open',
    'creditConfigProblem.last_band_not_open': 'criterion {criterion}: the last band must be open',
    'creditConfigProblem.band_bound_not_finite': 'criterion {criterion}: a band bound is not a number',
    'creditConfigProblem.bands_overlap': 'criterion {criterion}: the bands overlap or are out of order',
    'creditConfigProblem.scale_empty': 'criterion {criterion}: the scale is empty',
    'creditConfigProblem.worst_share_invalid':
      'criterion {criterion}: the share scored as the worst case ({share}) must name an input that is not a criterion',
    'creditConfigProblem.points_not_natural': 'criterion {criterion}: points are whole numbers ≥ 0',
    'creditConfigProblem.max_points_zero': 'criterion {criterion}: no points to score',
    'creditConfigProblem.threshold_out_of_range':
      'the threshold of class {riskClass} ("{minScore}") must be from 1 to 100',
    'creditConfigProblem.thresholds_not_decreasing':
      'the threshold of class {riskClass} ("{minScore}") must be below the previous class’s',
    'creditConfigProblem.no_criteria': 'the method has no criteria',
    'creditConfigProblem.duplicate_criterion': 'criterion {criterion} appears twice',
    'creditConfigProblem.group_unknown': 'criterion {criterion}: unknown group "{group}"',
    'creditConfigProblem.weight_not_positive':
      'criterion {criterion}: the weight is a whole number of at least 1 (not "{weight}")',
    'creditConfigProblem.min_coverage_out_of_range':
      'the minimum coverage must be from 0 to 10,000 basis points',
    'creditConfigProblem.rounding_step_not_positive': 'the limits’ rounding step must be positive',
    'creditConfigProblem.tolerance_negative': 'the uninsured tolerance cannot be negative',
    'creditConfigProblem.sales_share_negative': 'class {riskClass}: the share of sales cannot be negative',
    'creditConfigProblem.floor_negative': 'class {riskClass}: the floor cannot be negative',
    'creditConfigProblem.ceiling_below_floor': 'class {riskClass}: the ceiling is below the floor',
    'creditConfigProblem.role_unknown': 'unknown role "{role}"',
    'creditConfigProblem.ceiling_invalid': '{role}, class {riskClass}: invalid ceiling',
    'creditConfigProblem.ceiling_below_junior_role':
      '{role}, class {riskClass}: ceiling below a junior role’s',
    'creditConfigProblem.ceiling_above_safer_class':
      '{role}, class {riskClass}: ceiling above a safer class’s',
    'creditConfigProblem.matrix_empty': 'the delegation matrix is empty',
    'creditConfigProblem.role_duplicated': 'role {role} appears twice',
    'creditConfigProblem.no_role_without_ceiling':
      'class {riskClass}: no role decides without a ceiling (the highest is {role})',
    'creditConfigProblem.template_missing': 'template {name} ({lang}) is missing',
    'creditConfigProblem.template_invalid': 'template {name} ({lang}), {part}: {error}',
    'creditConfigProblem.body_not_object': 'the body is not a JSON object',
    'creditConfigProblem.body_malformed': 'the body does not have the expected shape',
    'creditConfigProblem.decision_invalid': `${DECISION_FIELD_EN}: "{value}" is not an admitted decision (${ALLOWED_EN})`,
    'creditConfigProblem.decision_missing': `${DECISION_FIELD_EN}: the decision is missing (${ALLOWED_EN})`,
    'creditConfigProblem.class_decision_invalid':
      'class {riskClass} (classDecisions): "{value}" is not an admitted decision (hold or refuse)',
    'creditConfigProblem.class_unknown': 'classDecisions: there is no class "{riskClass}" (A to E)',
    'creditConfigProblem.payment_mode_invalid':
      'exemptPayments: "{value}" is not a payment mode (prepaid, cod or terms)',
    'creditConfigProblem.field_not_list': '{field}: a list is expected',
    'creditConfigProblem.field_not_object': '{field}: a JSON object is expected',
    'creditConfigProblem.other': 'problem "{code}"',
  },
};
