/**
 * The audit log: words for the coded values a change records (`audit.code.*`, read by
 * src/text/audit-codes.ts) and for a schedule's cron expression (`audit.cron.*`, src/text/cron-words.ts).
 */
export const auditValues = {
  fr: {
    'audit.code.agendaMark': '{mark, select, done {traité pour la journée} snoozed {reporté} other {{mark}}}',
    'audit.code.cashDecision':
      '{decision, select, auto {lettrage automatique} accepted {suggestion acceptée} corrected {lettrage corrigé à la main} other {{decision}}}',
    'audit.code.rateMode':
      '{rateMode, select, split_by_semester {taux de chaque semestre de retard} due_date_semester {taux du semestre de l’échéance} end_semester {taux du semestre du dernier jour de retard} other {{rateMode}}}',
    'audit.code.reportSource':
      '{source, select, manual {saisi à la main} csv {fichier CSV} api {API} other {{source}}}',
    'audit.cron.daily': 'Tous les jours à {time}',
    'audit.cron.weekdays': 'Du lundi au vendredi à {time}',
    'audit.cron.weekly':
      '{weekday, select, 0 {Tous les dimanches} 1 {Tous les lundis} 2 {Tous les mardis} 3 {Tous les mercredis} 4 {Tous les jeudis} 5 {Tous les vendredis} other {Tous les samedis}} à {time}',
    'audit.cron.monthly': 'Le {day, selectordinal, one {#er} other {#}} de chaque mois à {time}',
  },
  en: {
    'audit.code.agendaMark': '{mark, select, done {done for the day} snoozed {snoozed} other {{mark}}}',
    'audit.code.cashDecision':
      '{decision, select, auto {automatic match} accepted {suggestion accepted} corrected {match corrected by hand} other {{decision}}}',
    'audit.code.rateMode':
      '{rateMode, select, split_by_semester {rate of each half-year of delay} due_date_semester {rate of the due date’s half-year} end_semester {rate of the last day’s half-year} other {{rateMode}}}',
    'audit.code.reportSource':
      '{source, select, manual {entered by hand} csv {CSV file} api {API} other {{source}}}',
    'audit.cron.daily': 'Every day at {time}',
    'audit.cron.weekdays': 'Monday to Friday at {time}',
    'audit.cron.weekly':
      'Every {weekday, select, 0 {Sunday} 1 {Monday} 2 {Tuesday} 3 {Wednesday} 4 {Thursday} 5 {Friday} other {Saturday}} at {time}',
    'audit.cron.monthly':
      'On the {day, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} of each month at {time}',
  },
} as const;
