/** Errors of legal, cash and credit, as a person reads them (raised as `new DomainError(code, { key, params })`). */
export const errorsLegalCash = {
  fr: {},
  en: {},
} as const;
