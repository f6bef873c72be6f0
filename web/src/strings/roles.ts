/** Labels of the user roles. */
import type { Lang } from '../i18n.tsx';

export const ROLE_KEYS = ['admin', 'credit_manager', 'collector', 'salesperson', 'director'] as const;

export const ROLE_LABELS: Record<Lang, Record<string, string>> = {
  fr: {
    admin: 'Administrateur',
    credit_manager: 'Credit manager',
    collector: 'Recouvrement',
    salesperson: 'Commercial',
    director: 'Direction',
  },
  en: {
    admin: 'Administrator',
    credit_manager: 'Credit manager',
    collector: 'Collector',
    salesperson: 'Salesperson',
    director: 'Director',
  },
};
