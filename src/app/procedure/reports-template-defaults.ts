/**
 * The shipped wording of each section of the two reports, in French and English: Liquid templates
 * that receive the report's figures already formatted (`{{ dso }}` is « 52,3 jours »), plus the
 * raw counts under `n` for agreements (`{% if n.findings > 1 %}s{% endif %}`). A company edits
 * them (stored versions win); the figures themselves can never be typed into a template.
 * A blank line starts a new paragraph; a line starting with « - » is a bullet.
 */
export type ReportKind = 'dysfunctions' | 'measures';

export const REPORT_SECTIONS: Record<ReportKind, readonly string[]> = {
  dysfunctions: ['summary', 'portfolio', 'indicators', 'late_cost', 'aging', 'anomalies', 'gaps'],
  measures: ['summary', 'configured', 'replay', 'proposals'],
};

type Templates = Record<ReportKind, Record<string, string>>;

const FR: Templates = {
  dysfunctions: {
    summary: `Au {{ asOf }}, l’encours clients de {{ company }} s’élève à {{ totalReceivables }} sur {{ customersWithBalance }} clients débiteurs, dont {{ overdue }} échus, soit {{ overdueShare }} de l’encours. Sur les douze derniers mois, le DSO ressort à {{ dso }} pour un meilleur DSO possible de {{ bestDso }} : le retard imputable aux clients (ADD) est de {{ add }}.

Les retards de paiement ont coûté {{ lateCost }} de trésorerie sur la période (financement de l’encours échu au taux annuel de {{ lateCostRate }}).

L’analyse relève {{ n.findings }} anomalie{% if n.findings > 1 %}s{% endif %}, dont {{ n.critical }} critique{% if n.critical > 1 %}s{% endif %}, et {{ n.gaps }} faille{% if n.gaps > 1 %}s{% endif %} de la procédure de gestion du crédit client, détaillées aux sections 5 et 6. Par ailleurs, {{ n.highRisk }} client{% if n.highRisk > 1 %}s présentent{% else %} présente{% endif %} un risque élevé ou critique, pour un encours de {{ highRiskBalance }}.`,
    portfolio: `L’encours total s’élève à {{ totalReceivables }} au {{ asOf }}. Sa répartition par catégorie de clients figure ci-dessous ; la première catégorie, « {{ largestType }} », en représente {{ largestTypeShare }}. Les dix premiers clients concentrent {{ top10Share }} de l’encours.

Du {{ from }} au {{ asOf }}, le chiffre d’affaires facturé atteint {{ creditSales }}. L’évolution mensuelle de l’encours et de sa part échue est donnée à la suite.`,
    indicators: `Les indicateurs sont calculés sur les douze mois arrêtés au {{ asOf }}, puis comparés entre le premier et le dernier mois de la période. Le DSO simple du mois passe de {{ dsoFirst }} en {{ dsoFirstMonth }} à {{ dsoLast }} en {{ dsoLastMonth }} ({{ dsoTrend }}).{% if dsoDrift %} Calculé sur trois mois et comparé aux mêmes mois un an plus tôt, il passe de {{ dsoDriftBefore }} ({{ dsoDriftBeforeWindow }}) à {{ dsoDriftNow }} ({{ dsoDriftWindow }}) : c’est la dérive du DSO relevée parmi les anomalies (section 5).{% endif %} {{ n.deteriorating }} indicateur{% if n.deteriorating > 1 %}s{% endif %} sur {{ n.indicators }} se dégrade{% if n.deteriorating > 1 %}nt{% endif %}.

Le CEI mesure la part de l’encours recouvrable effectivement encaissée ; l’ADD est l’écart entre le DSO et le meilleur DSO possible, c’est-à-dire le retard dû aux clients et non aux conditions de paiement accordées.`,
    late_cost: `Le coût de trésorerie des retards est le coût de financement de l’encours échu : pour chaque mois, l’encours échu en fin de mois est multiplié par le nombre de jours du mois et par le taux annuel de {{ lateCostRate }}, rapporté à 365 jours. Ce taux représente le coût du financement à court terme de l’entreprise ; il se choisit à la génération du rapport.

Sur {{ lateCostDays }} jours, l’encours échu moyen a été de {{ averageOverdue }}, soit un coût de {{ lateCost }}.`,
    aging: `La balance âgée ventile l’encours au {{ asOf }} selon l’ancienneté de l’échéance : {{ over90 }} sont échus depuis plus de 90 jours ({{ over90Share }} de l’encours). Le tableau des niveaux de risque classe chaque client selon son retard, son dépassement de limite et sa situation (litige, procédure collective), et indique l’action préconisée.`,
    anomalies: `{{ n.findings }} anomalie{% if n.findings > 1 %}s sont détectées{% else %} est détectée{% endif %} au {{ asOf }}. Chacune est présentée avec les éléments qui l’établissent et les clients concernés, les plus importants d’abord.`,
    gaps: `Les failles ci-dessous montrent où la procédure de gestion du crédit n’a pas été appliquée ou ne prévoit pas de règle : commandes acceptées au-delà de la limite, clients et factures en retard jamais relancés (au-delà de {{ unremindedDays }} jours), clients débiteurs sans limite de crédit ou sans garantie en vigueur.`,
  },
  measures: {
    summary: `Ce rapport fait le point, au {{ asOf }}, sur les mesures de gestion du crédit client en place chez {{ company }} et sur celles qui pourraient être prises. Les effets estimés sont calculés sur l’encours et le chiffre d’affaires à la même date (DSO actuel : {{ dso }} ; chiffre d’affaires facturé moyen par jour : {{ dailySales }}).

La mesure au plus fort effet serait de {{ bestProposal }} : elle porte sur {{ bestProposalAmount }}, soit {{ bestProposalDso }} de DSO.`,
    configured: `Les règles ci-dessous sont celles en vigueur au {{ asOf }}, telles qu’elles sont paramétrées dans Encours. Chaque modification crée une nouvelle version datée : chaque note, décision ou relance indique la version qui l’a produite.`,
    replay: `{% if replayRun %}La politique « {{ replayPolicy }} » a été rejouée sur l’historique du {{ replayFrom }} au {{ replayTo }}. Les résultats ci-dessous indiquent ce qu’elle aurait changé par rapport aux décisions enregistrées.{% else %}Aucun rejeu de politique n’a été exécuté pour ce rapport. Le rejeu applique une politique proposée à l’historique, jour par jour, et indique les commandes qu’elle aurait bloquées, les relances qu’elle aurait envoyées et son effet sur le DSO.{% endif %}`,
    proposals: `Chaque mesure est chiffrée sur les données au {{ asOf }}. Le montant est l’encours concerné ; l’effet sur le DSO est ce montant rapporté au chiffre d’affaires moyen d’une journée ({{ dailySales }}) ; le coût de financement annuel est ce montant financé un an au taux de {{ rate }}. Ce sont des plafonds : ils supposent que la mesure fait encaisser, ou ne pas engager, la totalité de l’encours concerné.`,
  },
};

const EN: Templates = {
  dysfunctions: {
    summary: `As of {{ asOf }}, {{ company }}'s receivables amount to {{ totalReceivables }} over {{ customersWithBalance }} customers, of which {{ overdue }} is overdue, i.e. {{ overdueShare }} of the total. Over the last twelve months the DSO is {{ dso }} against a best possible DSO of {{ bestDso }}: the delay due to customers (ADD) is {{ add }}.

Late payment cost {{ lateCost }} of cash over the period (financing of the overdue amount at an annual rate of {{ lateCostRate }}).

The analysis finds {{ n.findings }} anomal{% if n.findings == 1 %}y{% else %}ies{% endif %}, {{ n.critical }} of them critical, and {{ n.gaps }} gap{% if n.gaps != 1 %}s{% endif %} in the credit procedure, detailed in sections 5 and 6. {{ n.highRisk }} customer{% if n.highRisk != 1 %}s are{% else %} is{% endif %} at high or critical risk, owing {{ highRiskBalance }}.`,
    portfolio: `Receivables total {{ totalReceivables }} as of {{ asOf }}. Their split by customer type is below; the largest type, “{{ largestType }}”, accounts for {{ largestTypeShare }}. The ten largest customers hold {{ top10Share }} of the total.

From {{ from }} to {{ asOf }}, invoiced sales reach {{ creditSales }}. The monthly evolution of receivables and of their overdue part follows.`,
    indicators: `The indicators cover the twelve months to {{ asOf }} and compare the first and the last month of the period. The simple DSO of the month goes from {{ dsoFirst }} in {{ dsoFirstMonth }} to {{ dsoLast }} in {{ dsoLastMonth }} ({{ dsoTrend }}).{% if dsoDrift %} Over three months, against the same months a year earlier, it goes from {{ dsoDriftBefore }} ({{ dsoDriftBeforeWindow }}) to {{ dsoDriftNow }} ({{ dsoDriftWindow }}): this is the DSO drift found among the anomalies (section 5).{% endif %} {{ n.deteriorating }} of {{ n.indicators }} indicators deteriorate.

The CEI measures the share of collectible receivables actually collected; the ADD is the gap between the DSO and the best possible DSO, i.e. the delay due to customers rather than to the terms granted.`,
    late_cost: `The cash cost of late payment is the financing cost of the overdue amount: each month, the overdue amount at month end times the days of the month times the annual rate of {{ lateCostRate }}, over 365 days. The rate stands for the company's short-term financing cost; it is chosen when the report is generated.

Over {{ lateCostDays }} days the average overdue amount was {{ averageOverdue }}, a cost of {{ lateCost }}.`,
    aging: `The aged balance splits receivables as of {{ asOf }} by age past the due date: {{ over90 }} is more than 90 days overdue ({{ over90Share }} of the total). The risk-level table ranks each customer by delay, limit overrun and situation (dispute, insolvency proceedings) and gives the recommended action.`,
    anomalies: `{{ n.findings }} anomal{% if n.findings == 1 %}y is{% else %}ies are{% endif %} detected as of {{ asOf }}. Each comes with the evidence that establishes it and the customers concerned, largest first.`,
    gaps: `The gaps below show where the credit procedure was not applied or has no rule: orders accepted beyond the limit, late customers and invoices never reminded (beyond {{ unremindedDays }} days), customers owing money without a credit limit or without a cover in force.`,
  },
  measures: {
    summary: `This report reviews, as of {{ asOf }}, the credit-management measures in place at {{ company }} and those that could be taken. Estimated effects are computed on the receivables and sales at the same date (current DSO: {{ dso }}; average invoiced sales per day: {{ dailySales }}).

The measure with the largest effect would be to {{ bestProposal }}: it concerns {{ bestProposalAmount }}, i.e. {{ bestProposalDso }} of DSO.`,
    configured: `The rules below are those in force as of {{ asOf }}, as set up in Encours. Every change creates a new dated version: each score, decision or reminder names the version that produced it.`,
    replay: `{% if replayRun %}The policy “{{ replayPolicy }}” was replayed over the history from {{ replayFrom }} to {{ replayTo }}. The results below show what it would have changed against the recorded decisions.{% else %}No policy replay was run for this report. A replay applies a proposed policy to the history, day by day, and shows the orders it would have held, the reminders it would have sent and its effect on the DSO.{% endif %}`,
    proposals: `Each measure is costed on the data as of {{ asOf }}. The amount is the receivables concerned; the DSO effect is that amount over one day's average sales ({{ dailySales }}); the annual financing cost is that amount financed for a year at {{ rate }}. These are upper bounds: they assume the measure collects, or avoids granting, the whole amount concerned.`,
  },
};

export const DEFAULT_REPORT_TEMPLATES: Record<'fr' | 'en', Templates> = { fr: FR, en: EN };
