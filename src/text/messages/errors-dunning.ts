/** Errors of dunning, procedure, jobs and mail, as a person reads them (raised as `new DomainError(code, { key, params })`). */
export const errorsDunning = {
  fr: {},
  en: {},
} as const;
