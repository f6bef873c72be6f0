/**
 * User accounts of a company: listing, creation, changes (role, salesperson scope, password,
 * disabling) and the first administrator of a company that has none. Every change is audited,
 * never with a password hash in it.
 */
import { randomBytes } from 'node:crypto';
import { ROLES, type Role } from '#core/types';
import { findUsersByEmail, insertUser, listUserRows, updateUserRow } from '#db/auth/auth-queries';
import { LANGS, type Lang, toLang } from '#text/catalogue';
import { recordAudit } from '../audit/audit.ts';
import { listCompanies } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { checkPasswordPolicy, MIN_PASSWORD_LENGTH, type PasswordHolder } from './password-policy.ts';
import { hashPassword } from './passwords.ts';
import { checkedSalespersonScope } from './salesperson-scope.ts';

export interface UserView {
  email: string;
  name: string;
  role: Role;
  salesperson: string | null;
  disabled: boolean;
  /** The language of the e-mails Encours sends the user. */
  language: Lang;
}

export { MIN_PASSWORD_LENGTH };

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/;

export async function listUsers(ctx: AppContext): Promise<UserView[]> {
  const rows = await listUserRows(ctx.db, ctx.companyId);
  return rows.map(({ email, name, role, salesperson, disabled, language }) => ({
    email,
    name,
    role: role as Role,
    salesperson,
    disabled,
    language: toLang(language),
  }));
}

async function checkUserFields(
  holder: PasswordHolder,
  input: { role?: string | undefined; password?: string | undefined; language?: string | undefined },
): Promise<void> {
  if (input.role !== undefined && !(ROLES as readonly string[]).includes(input.role))
    throw new DomainError('invalid_input', { key: 'errors.auth.role', params: { role: input.role } });
  if (input.language !== undefined && !(LANGS as readonly string[]).includes(input.language))
    throw new DomainError('invalid_input', {
      key: 'errors.auth.language',
      params: { langs: LANGS.join(', ') },
    });
  if (input.password !== undefined) await checkPasswordPolicy(input.password, holder);
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  salesperson?: string | null | undefined;
  password: string;
  /** Default: French. */
  language?: Lang | undefined;
}

export async function createUser(ctx: AppContext, input: NewUser): Promise<UserView> {
  const email = input.email.trim().toLowerCase();
  if (!EMAIL_PATTERN.test(email))
    throw new DomainError('invalid_input', { key: 'errors.common.email', params: { email } });
  // A new account is never its creator's own.
  await checkUserFields({ email, name: input.name, own: false }, input);
  // A salesperson sees the customers of their salesperson name: one no customer carries shows nothing.
  const salesperson = await checkedSalespersonScope(ctx, input.role, input.salesperson ?? null, null);
  if ((await findUsersByEmail(ctx.db, email, ctx.companyId)).length > 0)
    throw new DomainError('conflict', { key: 'errors.auth.userExists', params: { email } });
  const passwordHash = await hashPassword(input.password);
  const view: UserView = {
    email,
    name: input.name,
    role: input.role,
    salesperson,
    disabled: false,
    language: input.language ?? 'fr',
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertUser(trx, { companyId: ctx.companyId, ...view, passwordHash });
    await recordAudit(ctx, trx, {
      action: 'user.create',
      entity: 'user',
      entityKey: email,
      before: null,
      after: view,
    });
  });
  return view;
}

export interface UserChanges {
  name?: string | undefined;
  role?: Role | undefined;
  salesperson?: string | null | undefined;
  password?: string | undefined;
  disabled?: boolean | undefined;
  language?: Lang | undefined;
}

export async function updateUser(ctx: AppContext, email: string, changes: UserChanges): Promise<UserView> {
  const existing = (await listUsers(ctx)).find((user) => user.email === email);
  if (!existing) throw new DomainError('not_found', { key: 'errors.auth.unknownUser', params: { email } });
  const own = existing.email === ctx.user?.email;
  await checkUserFields({ email, name: changes.name ?? existing.name, own }, changes);
  if (own && (changes.disabled || (changes.role && changes.role !== 'admin')))
    throw new DomainError('invalid_input', { key: 'errors.auth.selfLockout' });
  const after: UserView = {
    email,
    name: changes.name ?? existing.name,
    role: changes.role ?? existing.role,
    salesperson: await checkedSalespersonScope(
      ctx,
      changes.role ?? existing.role,
      changes.salesperson,
      existing,
    ),
    disabled: changes.disabled ?? existing.disabled,
    language: changes.language ?? existing.language,
  };
  const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);
  await ctx.db.transaction().execute(async (trx) => {
    const { tokensRevoked } = await updateUserRow(
      trx,
      ctx.companyId,
      email,
      {
        name: after.name,
        role: after.role,
        salesperson: after.salesperson,
        disabled: after.disabled,
        language: after.language,
        ...(passwordHash ? { passwordHash } : {}),
      },
      ctx.clock.now(),
    );
    await recordAudit(ctx, trx, {
      action: passwordHash ? 'user.update_with_password' : 'user.update',
      entity: 'user',
      entityKey: email,
      before: existing,
      // A new password revoked the user's API tokens (auth-queries.ts): the trail says how many.
      after: passwordHash ? { ...after, apiTokensRevoked: tokensRevoked } : after,
    });
  });
  return after;
}

export interface CreatedAdmin {
  companyId: string;
  email: string;
  /** Only when generated here: shown once to whoever started the server. */
  generatedPassword: string | null;
}

/**
 * Gives every company without any user an administrator, so that a new (non-demo) company can
 * be signed into. The password comes from the environment or is generated.
 */
export async function ensureAdministrators(
  ctx: Omit<AppContext, 'companyId'>,
  options: { email?: string | undefined; password?: string | undefined } = {},
): Promise<CreatedAdmin[]> {
  const created: CreatedAdmin[] = [];
  for (const company of await listCompanies(ctx)) {
    const companyCtx = { ...ctx, companyId: company.companyId, actor: 'system' };
    if ((await listUserRows(ctx.db, company.companyId)).length > 0) continue;
    const password = options.password ?? randomBytes(12).toString('base64url');
    const email = options.email ?? `admin@${company.companyId.toLowerCase()}.local`;
    await createUser(companyCtx, { email, name: 'Administrator', role: 'admin', password });
    created.push({
      companyId: company.companyId,
      email,
      generatedPassword: options.password ? null : password,
    });
  }
  return created;
}
