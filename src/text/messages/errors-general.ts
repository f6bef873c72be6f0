/** Errors of every other area and the shells, as a person reads them (raised as `new DomainError(code, { key, params })`). */
export const errorsGeneral = {
  fr: {
    'errors.http.noRoute': 'Aucune route {method} {path}',
  },
  en: {
    'errors.http.noRoute': 'No route {method} {path}',
  },
} as const;
