/**
 * What a password must be: long enough, and not one of the passwords attackers try first — the
 * ~49,000 most common ones of leaked password lists (zxcvbn-ts's maintained common list) and a
 * few French ones, also with the digits and signs people add at the end ("password123!"), nor
 * the user's own e-mail name.
 */
import { DomainError } from '../errors.ts';

export const MIN_PASSWORD_LENGTH = 10;

const FRENCH_COMMON = [
  'motdepasse',
  'azertyuiop',
  'azerty1234',
  'bonjour123',
  'soleil1234',
  'marseille13',
  'jetaime123',
  'doudou1234',
  'chouchou12',
  'nicolas123',
];

let commonPasswords: Promise<ReadonlySet<string>> | undefined;

/** Loaded on first use: the list is large and most commands never set a password. */
function loadCommonPasswords(): Promise<ReadonlySet<string>> {
  commonPasswords ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set([...dictionary['passwords-common'], ...FRENCH_COMMON]),
  );
  return commonPasswords;
}

/**
 * Whose password it is. An administrator setting a colleague's password (a new account's first
 * one, or a reset) is told about that colleague, not about « votre adresse e-mail ».
 */
export interface PasswordHolder {
  email: string;
  name: string;
  /** The account of the person setting it. */
  own: boolean;
}

/** Throws invalid_input with the reason when the password may not be used. */
export async function checkPasswordPolicy(password: string, holder?: PasswordHolder): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new DomainError('invalid_input', {
      key: 'errors.auth.passwordLength',
      params: { min: MIN_PASSWORD_LENGTH },
    });
  const lowered = password.toLowerCase();
  const stem = lowered.replace(/[\d\W_]+$/u, '');
  const common = await loadCommonPasswords();
  if (common.has(lowered) || (stem.length >= 4 && common.has(stem)))
    throw new DomainError('invalid_input', { key: 'errors.auth.passwordCommon' });
  const name = holder?.email.split('@')[0]?.toLowerCase() ?? '';
  if (holder && name.length >= 4 && lowered.includes(name))
    throw new DomainError(
      'invalid_input',
      holder.own
        ? { key: 'errors.auth.passwordEmail' }
        : { key: 'errors.auth.passwordEmailOf', params: { name: holder.name, email: holder.email } },
    );
}
