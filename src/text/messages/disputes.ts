/**
 * Messages of disputes (litiges) as cases: several invoices, attachments, the disputes page and `encours dispute`.
 */
export const disputes = {
  fr: {},
  en: {},
};
