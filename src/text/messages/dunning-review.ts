/**
 * Messages of the run's review before sending, the semester rates table (run page, rates page, `encours dunning rates`).
 */
export const dunningReview = {
  fr: {},
  en: {},
};
