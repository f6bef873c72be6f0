/**
 * The command line’s help (`encours … --help`), in French and English, for:
 * report, order, credit, agenda, outbox, audit, procedure.
 * Only the command line reads it: src/cli/help-words.ts adds it to the catalogue (see index.ts).
 */
export const cliHelpReports = {
  fr: {
    'cliHelp.report.description':
      'analyses du poste client (balance âgée, indicateurs, tableau des risques…)',
    'cliHelp.report.aging.description': 'balance âgée à une date',
    'cliHelp.report.aging.option.by': 'une ligne par {values}',
    'cliHelp.report.aging.option.basis': 'due | issue (âge depuis l’échéance ou depuis l’émission)',
    'cliHelp.report.aging.option.buckets': 'bornes hautes des tranches, en jours',
    'cliHelp.report.aging.option.drill': 'lister les documents derrière une ligne (clé du regroupement)',
    'cliHelp.report.aging.option.bucket': 'avec --drill : une clé de tranche, ou "credits"',
    'cliHelp.report.kpis.description': 'indicateurs d’une période avec leur évolution mensuelle',
    'cliHelp.report.kpis.option.from': 'premier jour (par défaut : 11 mois avant --to, le premier du mois)',
    'cliHelp.report.kpis.option.to': 'dernier jour (par défaut : --as-of)',
    'cliHelp.report.kpis.option.countback': 'actual | thirty (mois de 30 jours)',
    'cliHelp.report.kpis.option.rateOverride':
      'taux annuel du coût de trésorerie des retards de paiement, en points de base (par défaut : le taux de financement de la société)',
    'cliHelp.report.risk-table.description':
      'tableau de suivi des niveaux de risque, établi à partir de la balance âgée',
    'cliHelp.report.crosstab.description': 'tri croisé de l’encours',
    'cliHelp.report.crosstab.option.by': 'deux parmi {dimensions}',
    'cliHelp.report.anomalies.description': 'anomalies relevées dans le portefeuille, avec leurs preuves',
    'cliHelp.report.measures.option.replay-version':
      'rejouer cette version enregistrée de la politique sur l’année jusqu’à --as-of',
    'cliHelp.report.measures.option.replay-policy':
      'rejouer cette politique proposée (JSON) sur l’année jusqu’à --as-of',
    'cliHelp.report.template.description':
      'afficher les modèles des sections d’un rapport, ou en remplacer un avec --set FILE (sections : {sections})',
    'cliHelp.report.template.option.set':
      'fichier de modèle Liquid à enregistrer comme nouvelle version de la section',
    'cliHelp.order.description': 'les commandes et le contrôle de crédit',
    'cliHelp.order.check.description':
      'accepter, bloquer ou refuser une commande, avec les motifs ; --order enregistre la décision',
    'cliHelp.order.check.option.customer': 'code client',
    'cliHelp.order.check.option.amount': 'montant de la commande, par exemple 1250.50',
    'cliHelp.order.check.option.currency': 'devise ISO',
    'cliHelp.order.check.option.payment': 'mode de paiement : {modes}',
    'cliHelp.order.check.option.order': 'référence de la commande : la décision est enregistrée',
    'cliHelp.order.check.option.promotion':
      'une promotion approuvée dont relève la commande (ses conditions comptent dans le contrôle)',
    'cliHelp.credit.description': 'notation et limites de crédit',
    'cliHelp.credit.balance-sheets.description':
      'importer des bilans (CSV/XLSX : code client ou SIREN, date de clôture, postes) ; tout ou rien',
    'cliHelp.credit.balance-sheets.option.dry-run': 'vérifier le fichier sans rien écrire',
    'cliHelp.credit.schedule.description':
      'planifier la nouvelle notation de chaque nuit et les rappels horaires des demandes de limite en retard',
    'cliHelp.credit.remind.description':
      'relancer les approbateurs des demandes de limite en retard (une fois par jour chacune)',
    'cliHelp.credit.webhook-secret.description':
      'créer (ou remplacer) le secret avec lequel l’ERP signe ses appels au webhook de contrôle des commandes',
    'cliHelp.credit.score.description': 'noter un client, ou tous les clients avec --all',
    'cliHelp.credit.score.option.all': 'tous les clients de la société',
    'cliHelp.credit.requests.description': 'les demandes de limite en attente de décision',
    'cliHelp.agenda.description':
      'la liste du jour du chargé de recouvrement, par priorité, avec les raisons de chaque rang',
    'cliHelp.agenda.option.as-of': 'date (AAAA-MM-JJ)',
    'cliHelp.agenda.option.collector':
      'le portefeuille d’un chargé de recouvrement, all (tous) ou unassigned (non attribués) (par défaut : all)',
    'cliHelp.agenda.option.limit': 'au plus n clients à l’écran (0 : tous) ; la sortie --json les donne tous',
    'cliHelp.agenda.assign.description':
      'mettre des clients dans le portefeuille d’un chargé de recouvrement : --collector EMAIL (none : hors de tout portefeuille)',
    'cliHelp.agenda.snooze.option.until': 'le jour où l’entrée revient (AAAA-MM-JJ)',
    'cliHelp.agenda.target.description':
      'fixer l’objectif d’encaissement d’un chargé de recouvrement pour un mois (AAAA-MM), par exemple `agenda target a@b.fr 2026-07 150000`',
    'cliHelp.outbox.description': 'la boîte d’envoi : messages, statut, .eml, envoi',
    'cliHelp.outbox.list.description': 'les messages de la boîte d’envoi, les plus récents d’abord',
    'cliHelp.outbox.list.option.status': 'seulement ce statut : {statuses}',
    'cliHelp.outbox.list.option.category': 'catégorie, par exemple order_refusal, reminder…',
    'cliHelp.outbox.list.option.customer': 'les messages concernant ce client',
    'cliHelp.outbox.list.option.limit': 'au plus n messages',
    'cliHelp.outbox.show.description':
      'un message : destinataires, statut, tentatives, dernière erreur, corps en texte',
    'cliHelp.outbox.eml.description':
      'le message en fichier .eml (les octets envoyés par SMTP), sur la sortie standard ou dans un fichier',
    'cliHelp.outbox.eml.option.output': 'écrire dans ce fichier plutôt que sur la sortie standard',
    'cliHelp.outbox.send.description':
      'envoyer par SMTP ce qui est dû maintenant (avec un id : de nouveau ce message échoué ou retenu)',
    'cliHelp.audit.description': 'audit interne : signaux de fraude et de détournement, leurs seuils',
    'cliHelp.audit.signals.description':
      'les signaux d’une période (par défaut : les 12 mois jusqu’à la date de référence), avec leurs preuves',
    'cliHelp.audit.thresholds.description':
      'les seuils des signaux ; --set name=value les modifie (tracé dans l’audit)',
    'cliHelp.audit.thresholds.option.set': 'par exemple creditNoteMinor=300000 clusterCount=4',
    'cliHelp.procedure.description':
      'la procédure de crédit : rejouer une politique proposée sur l’historique, schéma du processus',
    'cliHelp.procedure.replay.description':
      'rejouer l’historique du grand livre jour par jour avec une politique proposée, à côté de celle en vigueur',
    'cliHelp.procedure.replay.option.policy':
      'politique proposée : un fichier JSON, le nom d’une version enregistrée, ou le code d’une politique de relance (code@N)',
    'cliHelp.procedure.replay.option.from': 'premier jour rejoué (par défaut : 12 mois avant --to)',
    'cliHelp.procedure.replay.option.to':
      'dernier jour rejoué (par défaut : la date de référence de la société)',
    'cliHelp.procedure.replay.option.lang': 'langue de la sortie texte (fr ou en)',
    'cliHelp.procedure.diagram.description':
      'le schéma de traitement de la procédure configurée (de la commande à l’encaissement, avec ses règles, ses niveaux de délégation et ses étapes de relance), en BPMN 2.0, SVG ou PNG ; --compare dessine un avant/après (svg, png)',
    'cliHelp.procedure.diagram.option.policy':
      'un nom de version (règles de commande, matrice de délégation, politique de relance code@N) ou une date ; par défaut : en vigueur',
    'cliHelp.procedure.diagram.option.compare': 'la version ou la date à comparer, dessinée comme « avant »',
    'cliHelp.procedure.diagram.option.as-of':
      'date de référence AAAA-MM-JJ (par défaut : la date de référence de la société)',
    'cliHelp.procedure.diagram.option.format': 'format du schéma : {formats}',
    'cliHelp.procedure.diagram.option.out': 'fichier de sortie',
    'cliHelp.report.documents.option.format': '{formats} (avec --out)',
    'cliHelp.report.documents.option.rateOverride':
      'taux annuel de financement des retards de paiement en points de base, pour ce rapport seulement (par défaut : le taux de financement de la société)',
    'cliHelp.report.dysfunctions.description':
      'rapport écrit sur les dysfonctionnements de la gestion du poste client (PDF ou DOCX)',
    'cliHelp.report.measures.description':
      'rapport écrit sur les mesures prises et celles qui pourraient l’être (PDF ou DOCX)',
    'cliHelp.agenda.done.description': 'retirer un client de l’agenda du jour (traité pour aujourd’hui)',
    'cliHelp.agenda.snooze.description': 'retirer un client de l’agenda jusqu’à une date',
    'cliHelp.agenda.reassign.description':
      'confier un client et ses tâches d’appel ouvertes à un autre chargé de recouvrement : --collector EMAIL',
    'cliHelp.procedure.replay.after': `
La politique proposée est soit un fichier JSON, soit le nom d’une version enregistrée.
Le fichier a la forme des configurations versionnées : le corps de chaque nature de configuration
de crédit sous sa nature (order_rules, limit_policy, exposure_config, delegation_matrix,
scoring_method ; un corps partiel est complété par la version en vigueur, et classThresholds peut
ne nommer que les classes qu’il déplace), "limitScaleBps" pour appliquer un coefficient à chaque
limite de crédit (8000 = limites réduites de 20 %), et "dunning_policies" : une liste de politiques
de relance telles que POST /api/dunning/policies les enregistre (code, effectiveFrom, scope,
currency, steps, formalNoticeLeadDays, minimumDaysBetweenSteps, promiseGraceDays), en vigueur sur
toute la période. Exemple :
{example}

Une méthode de notation qui note autrement que celle en vigueur renote chaque client aux dates où
ses notes ont été enregistrées, à partir des données de chaque note, et la proposition utilise ces
classes dans le contrôle des commandes, la délégation et le choix de la politique de relance par
classe de risque ; un client passé dans une classe moins bonne voit sa limite abaissée à celle que
recommande la politique de limites, si elle est plus basse.

Le nom d’une version enregistrée choisit chaque nature de configuration de crédit enregistrée sous
ce nom (méthode de notation comprise) et les politiques de relance en vigueur à la date de cette
version (la plus récente date d’effet de ses natures), sur toute la période. Le code d’une
politique de relance (sa dernière version) ou code@N met cette politique à la place de celle de
même code parmi les politiques en vigueur (à la date de la version, sinon à la fin de la période).

Le jeu d’essai, ce sont les données de la société elle-même : la société de démonstration
(\`encours demo\`), ou un FEC ou des tableurs importés d’abord dans une société
(\`encours import fec FILE\`, \`encours import … --company CODE\`).
Le rejeu ne fait que lire : le grand livre, les décisions enregistrées et l’historique des relances
ne sont jamais modifiés. Par défaut, il couvre les 12 mois jusqu’à la date de référence de la
société (ou aujourd’hui).`,
  },
  en: {
    'cliHelp.report.description': 'receivables analytics (aged balance, indicators, risk table…)',
    'cliHelp.report.aging.description': 'aged balance (balance âgée) as of a date',
    'cliHelp.report.aging.option.by': 'one line per {values}',
    'cliHelp.report.aging.option.basis': 'due | issue',
    'cliHelp.report.aging.option.buckets': 'bucket upper bounds in days',
    'cliHelp.report.aging.option.drill': 'list the documents behind one line (group key)',
    'cliHelp.report.aging.option.bucket': 'with --drill: one bucket key, or "credits"',
    'cliHelp.report.kpis.description': 'indicators of a period with their monthly evolution',
    'cliHelp.report.kpis.option.from': 'first day (default: 11 months before --to, first of month)',
    'cliHelp.report.kpis.option.to': 'last day (default: --as-of)',
    'cliHelp.report.kpis.option.countback': 'actual | thirty (30-day months)',
    'cliHelp.report.kpis.option.rateOverride':
      'annual rate of the cash cost of late payment, basis points (default: the company’s financing rate)',
    'cliHelp.report.risk-table.description': 'risk-level tracking table built from the aged balance',
    'cliHelp.report.crosstab.description': 'cross tabulation (tri croisé) of the outstanding',
    'cliHelp.report.crosstab.option.by': 'two of {dimensions}',
    'cliHelp.report.anomalies.description': 'anomalies found in the portfolio, with evidence',
    'cliHelp.report.measures.option.replay-version':
      'replay this stored policy version over the year to --as-of',
    'cliHelp.report.measures.option.replay-policy':
      'replay this proposed policy (JSON) over the year to --as-of',
    'cliHelp.report.template.description':
      "show a report's section templates, or replace one with --set FILE (sections: {sections})",
    'cliHelp.report.template.option.set': 'Liquid template file to save as the section’s new version',
    'cliHelp.order.description': 'orders and the credit check',
    'cliHelp.order.check.description':
      'approve, hold or refuse an order, with the reasons; --order records the decision',
    'cliHelp.order.check.option.customer': 'customer code',
    'cliHelp.order.check.option.amount': 'order amount, e.g. 1250.50',
    'cliHelp.order.check.option.currency': 'ISO currency',
    'cliHelp.order.check.option.payment': 'payment mode: {modes}',
    'cliHelp.order.check.option.order': 'order reference: the decision is recorded',
    'cliHelp.order.check.option.promotion':
      'an approved promotion the order uses (its terms count in the check)',
    'cliHelp.credit.description': 'credit scoring and limits',
    'cliHelp.credit.balance-sheets.description':
      'imports balance sheets (CSV/XLSX: customer code or SIREN, year end, items); all or nothing',
    'cliHelp.credit.balance-sheets.option.dry-run': 'check the file and write nothing',
    'cliHelp.credit.schedule.description':
      'schedules the nightly re-scoring and the hourly reminders of late limit requests',
    'cliHelp.credit.remind.description':
      'reminds the approvers of limit requests past their due time (once a day each)',
    'cliHelp.credit.webhook-secret.description':
      'makes (or replaces) the secret the ERP signs its order-check webhook calls with',
    'cliHelp.credit.score.description': 'scores one customer, or every customer with --all',
    'cliHelp.credit.score.option.all': 'every customer of the company',
    'cliHelp.credit.requests.description': 'limit requests waiting for a decision',
    'cliHelp.agenda.description':
      "the collector's prioritised list for the day, with the reasons for each rank",
    'cliHelp.agenda.option.as-of': 'date (YYYY-MM-DD)',
    'cliHelp.agenda.option.collector': "a collector's portfolio, all, or unassigned (default: all)",
    'cliHelp.agenda.option.limit': 'at most n customers on screen (0: all); --json gives them all',
    'cliHelp.agenda.assign.description':
      "put customers in a collector's portfolio: --collector EMAIL (none: out of any portfolio)",
    'cliHelp.agenda.snooze.option.until': 'the day the entry comes back (YYYY-MM-DD)',
    'cliHelp.agenda.target.description':
      "sets a collector's collection target for a month (YYYY-MM), e.g. `agenda target a@b.fr 2026-07 150000`",
    'cliHelp.outbox.description': 'the mail outbox: messages, status, .eml, sending',
    'cliHelp.outbox.list.description': 'messages of the outbox, newest first',
    'cliHelp.outbox.list.option.status': 'only this status: {statuses}',
    'cliHelp.outbox.list.option.category': 'order_refusal, reminder…',
    'cliHelp.outbox.list.option.customer': 'messages about this customer',
    'cliHelp.outbox.list.option.limit': 'at most n messages',
    'cliHelp.outbox.show.description': 'one message: recipients, status, attempts, last error, text body',
    'cliHelp.outbox.eml.description':
      'the message as an .eml file (the bytes sent over SMTP), on stdout or into a file',
    'cliHelp.outbox.eml.option.output': 'write to this file instead of stdout',
    'cliHelp.outbox.send.description':
      'sends what is due now (with an id: that failed or held message again) over SMTP',
    'cliHelp.audit.description': 'internal audit: fraud and embezzlement signals, their thresholds',
    'cliHelp.audit.signals.description':
      'signals over a period (default: the 12 months to the reference date), with their evidence',
    'cliHelp.audit.thresholds.description':
      'the thresholds of the signals; --set name=value changes them (audited)',
    'cliHelp.audit.thresholds.option.set': 'e.g. creditNoteMinor=300000 clusterCount=4',
    'cliHelp.procedure.description':
      'the credit procedure: replay a proposed policy on the history, process diagram',
    'cliHelp.procedure.replay.description':
      "replay the ledger's history day by day through a proposed policy, beside the one in force",
    'cliHelp.procedure.replay.option.policy':
      'proposed policy: a JSON file, a stored version name, or a dunning policy code (code@N)',
    'cliHelp.procedure.replay.option.from': 'first day replayed (default: 12 months before --to)',
    'cliHelp.procedure.replay.option.to': "last day replayed (default: the company's reference date)",
    'cliHelp.procedure.replay.option.lang': 'language of the text output (fr or en)',
    'cliHelp.procedure.diagram.description':
      'the processing diagram of the configured procedure (order to cash, with its rules, delegation levels and dunning steps), as BPMN 2.0, SVG or PNG; --compare draws a before/after (svg, png)',
    'cliHelp.procedure.diagram.option.policy':
      'a version name (order rules, delegation matrix, dunning policy code@N) or a date; default: in force',
    'cliHelp.procedure.diagram.option.compare': 'the version or date to compare with, drawn as "before"',
    'cliHelp.procedure.diagram.option.as-of':
      'YYYY-MM-DD reference date (default: the company reference date)',
    'cliHelp.procedure.diagram.option.format': 'diagram format: {formats}',
    'cliHelp.procedure.diagram.option.out': 'output file',
    'cliHelp.report.documents.option.format': '{formats} (with --out)',
    'cliHelp.report.documents.option.rateOverride':
      'annual financing rate of late payment in basis points, for this report only (default: the company’s financing rate)',
    'cliHelp.report.dysfunctions.description':
      'written report on the dysfunctions of receivables management (PDF or DOCX)',
    'cliHelp.report.measures.description':
      'written report on the measures taken and those that could be (PDF or DOCX)',
    'cliHelp.agenda.done.description': "take a customer off the day's agenda (done for today)",
    'cliHelp.agenda.snooze.description': 'take a customer off the agenda until a date',
    'cliHelp.agenda.reassign.description':
      'hand a customer and its open call tasks to another collector: --collector EMAIL',
    'cliHelp.procedure.replay.after': `
The proposed policy is either a JSON file or the name of a stored version.
The file has the shape of the versioned configurations: each credit kind's body under its kind
(order_rules, limit_policy, exposure_config, delegation_matrix, scoring_method; a partial body is
completed from the version in force, and classThresholds may name only the classes it moves),
"limitScaleBps" to scale every credit limit (8000 = limits cut by 20 %), and "dunning_policies":
a list of dunning policies as POST /api/dunning/policies saves them (code, effectiveFrom, scope,
currency, steps, formalNoticeLeadDays, minimumDaysBetweenSteps, promiseGraceDays), in force over
the whole period. Example:
{example}

A scoring method that scores differently from the one in force re-scores every customer on the
dates its scores were recorded, from the data of each score, and the proposal uses those classes
in the order check, the delegation and the choice of the dunning policy by risk class; a customer
put in a worse class has its limit lowered to the one the limit policy recommends, when lower.

A stored version name selects every credit kind saved under that name (scoring method included)
and the dunning policies in force on that version's date (the latest effective date of its kinds),
over the whole period. A dunning policy code (its latest version) or code@N puts that policy in
place of its code among the policies in force (on the version's date, else at the end of the period).

The jeu d'essai is the company's own data: the demo company (\`encours demo\`), or a FEC or
spreadsheets imported into a company first (\`encours import fec FILE\`, \`encours import … --company CODE\`).
The replay only reads: the ledger, the recorded decisions and the dunning log are never written.
By default it covers the 12 months up to the company's reference date (or today).`,
  },
} as const;
