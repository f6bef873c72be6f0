/**
 * Messages of the collector's agenda: portfolios, targets, done/snooze/reassign (`encours agenda`, the agenda page).
 */
export const agenda = {
  fr: {},
  en: {},
};
