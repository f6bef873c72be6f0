/** The user roles and their labels, read from the one catalogue (src/text). */
import { ROLES } from '../../../src/core/types.ts';
import { type Lang, label } from '../../../src/text/catalogue.ts';

export const ROLE_KEYS = ROLES;

const labelsIn = (lang: Lang): Record<string, string> =>
  Object.fromEntries(ROLES.map((role) => [role, label(lang, 'role', role)]));

/** Read when shown, not when this module loads: English comes later (web/src/english.ts). */
export const ROLE_LABELS: Readonly<Record<Lang, Record<string, string>>> = {
  get fr() {
    return labelsIn('fr');
  },
  get en() {
    return labelsIn('en');
  },
};
