/** The user roles and their labels, read from the one catalogue (src/text). */
import { ROLES } from '../../../src/core/types.ts';
import { LANGS, type Lang, label } from '../../../src/text/catalogue.ts';

export const ROLE_KEYS = ROLES;

export const ROLE_LABELS: Record<Lang, Record<string, string>> = Object.fromEntries(
  LANGS.map((lang) => [lang, Object.fromEntries(ROLES.map((role) => [role, label(lang, 'role', role)]))]),
) as Record<Lang, Record<string, string>>;
