/**
 * Sign-in with a password, web sessions and API tokens. Secrets leave this module once, in
 * clear, and are stored as SHA-256 hashes; passwords are scrypt hashes (passwords.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { ROLES, type Role } from '#core/types';
import {
  deleteSession,
  findSessionUser,
  findTokenUser,
  findUsersByEmail,
  hasLiveTokenNamed,
  insertApiToken,
  insertSession,
  listApiTokenRows,
  type PrincipalRow,
  revokeApiTokenRow,
} from '#db/auth/auth-queries';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext, SignedInUser } from '../context.ts';
import { DomainError } from '../errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export const SESSION_HOURS = 12;
const TOKEN_PREFIX = 'enc_';
/** An API token lives this long unless its creator chooses otherwise (at most MAX_TOKEN_DAYS). */
export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 730;

type Deps = Pick<AppContext, 'db' | 'clock'>;

/** Who is calling: the company of their account, the user, and how they proved it. */
export interface Principal {
  companyId: string;
  user: SignedInUser;
  /** Expected in the X-CSRF-Token header of state-changing requests made with the session cookie. */
  csrfToken: string | null;
  via: 'session' | 'token';
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

function toPrincipal(row: PrincipalRow, via: Principal['via']): Principal {
  const role = (ROLES as readonly string[]).includes(row.role) ? (row.role as Role) : 'salesperson';
  return {
    companyId: row.companyId,
    user: { email: row.email, name: row.name, role, salesperson: row.salesperson },
    csrfToken: row.csrfToken,
    via,
  };
}

let dummyHash: Promise<string> | undefined;

export interface LoginResult {
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
  principal: Principal;
}

/** null when the e-mail or the password is wrong (the caller must not say which). */
export async function login(
  deps: Deps,
  input: { email: string; password: string; companyId?: string | undefined },
): Promise<LoginResult | null> {
  const candidates = (await findUsersByEmail(deps.db, input.email.trim(), input.companyId)).filter(
    (user) => !user.disabled && user.passwordHash,
  );
  if (candidates.length > 1) throw new DomainError('invalid_input', { key: 'errors.auth.severalCompanies' });
  const user = candidates[0];
  if (!user?.passwordHash) {
    // Same work as a real check, so the answer time does not tell which e-mails exist.
    dummyHash ??= hashPassword('not a password');
    await verifyPassword(input.password, await dummyHash);
    return null;
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) return null;
  const sessionToken = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(deps.clock.now().getTime() + SESSION_HOURS * 3600_000);
  await insertSession(deps.db, {
    companyId: user.companyId,
    sessionHash: hashSecret(sessionToken),
    email: user.email,
    csrfToken,
    expiresAt,
  });
  return { sessionToken, csrfToken, expiresAt, principal: toPrincipal({ ...user, csrfToken }, 'session') };
}

/**
 * The enabled user of the company a command acts for (the CLI's `--user EMAIL`), as a session
 * carries them: the use cases then judge their role as they judge a signed-in reader's. Refused
 * (forbidden) when the company has no such enabled user.
 */
export async function actingUser(
  ctx: Pick<AppContext, 'db' | 'companyId'>,
  email: string,
): Promise<SignedInUser> {
  const [row] = (await findUsersByEmail(ctx.db, email.trim(), ctx.companyId)).filter(
    (user) => !user.disabled,
  );
  if (!row)
    throw new DomainError('forbidden', {
      key: 'errors.auth.noActingUser',
      params: { email, company: ctx.companyId },
    });
  return toPrincipal({ ...row, csrfToken: null }, 'session').user;
}

export async function authenticateSession(deps: Deps, sessionToken: string): Promise<Principal | null> {
  const row = await findSessionUser(deps.db, hashSecret(sessionToken), deps.clock.now());
  return row ? toPrincipal(row, 'session') : null;
}

export async function authenticateApiToken(deps: Deps, token: string): Promise<Principal | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await findTokenUser(deps.db, hashSecret(token), deps.clock.now());
  return row ? toPrincipal(row, 'token') : null;
}

export async function logout(deps: Deps, sessionToken: string): Promise<void> {
  await deleteSession(deps.db, hashSecret(sessionToken));
}

/**
 * A token acting as `email` (default: the caller), for `expiresInDays` (default 90); shown once,
 * stored hashed. It stops working when it expires, is revoked, or its owner's password changes.
 */
export async function createApiToken(
  ctx: AppContext,
  input: { name: string; email?: string | undefined; expiresInDays?: number | undefined },
): Promise<{ id: number; name: string; email: string; token: string; expiresAt: string }> {
  const days = input.expiresInDays ?? DEFAULT_TOKEN_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS)
    throw new DomainError('invalid_input', { key: 'errors.auth.tokenDays', params: { max: MAX_TOKEN_DAYS } });
  const expiresAt = new Date(ctx.clock.now().getTime() + days * 86_400_000);
  const email = input.email ?? ctx.user?.email ?? ctx.actor;
  const owner = (await findUsersByEmail(ctx.db, email, ctx.companyId)).find((user) => !user.disabled);
  if (!owner) throw new DomainError('not_found', { key: 'errors.auth.unknownUser', params: { email } });
  const token = `${TOKEN_PREFIX}${newSecret()}`;
  return ctx.db.transaction().execute(async (trx) => {
    // Two live tokens of one name for one person cannot be told apart on the tokens page, nor the
    // right one revoked: a second is refused (a revoked or expired one leaves its name free).
    const now = ctx.clock.now();
    if (await hasLiveTokenNamed(trx, { companyId: ctx.companyId, email: owner.email, name: input.name, now }))
      throw new DomainError('conflict', {
        key: 'errors.auth.tokenNameTaken',
        params: { email: owner.email, name: input.name.trim() },
      });
    const id = await insertApiToken(trx, {
      companyId: ctx.companyId,
      email: owner.email,
      name: input.name,
      tokenHash: hashSecret(token),
      expiresAt,
    });
    await recordAudit(ctx, trx, {
      action: 'api_token.create',
      entity: 'api_token',
      entityKey: String(id),
      before: null,
      after: { name: input.name, email: owner.email, expiresAt: expiresAt.toISOString() },
    });
    return { id, name: input.name, email: owner.email, token, expiresAt: expiresAt.toISOString() };
  });
}

/** A live token this close to its end is flagged, so that its integration is given a new one in time. */
export const TOKEN_EXPIRY_WARNING_DAYS = 14;
const DAY_MS = 86_400_000;

/**
 * Where a token stands against the clock: 'expired', 'expiring' (within the warning days), or
 * 'valid'; a revoked token is 'revoked' whatever its date. `daysLeft` counts a started day as one.
 */
export function tokenExpiry(
  row: { expiresAt: Date; revokedAt: Date | null },
  now: Date,
): { expiry: 'valid' | 'expiring' | 'expired' | 'revoked'; daysLeft: number } {
  const leftMs = new Date(row.expiresAt).getTime() - now.getTime();
  const daysLeft = Math.max(0, Math.ceil(leftMs / DAY_MS));
  if (row.revokedAt) return { expiry: 'revoked', daysLeft };
  if (leftMs <= 0) return { expiry: 'expired', daysLeft: 0 };
  return { expiry: leftMs <= TOKEN_EXPIRY_WARNING_DAYS * DAY_MS ? 'expiring' : 'valid', daysLeft };
}

export async function listApiTokens(ctx: AppContext) {
  const rows = await listApiTokenRows(ctx.db, ctx.companyId);
  const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);
  const now = ctx.clock.now();
  return rows.map((row) => ({
    ...row,
    createdAt: new Date(row.createdAt).toISOString(),
    lastUsedAt: iso(row.lastUsedAt),
    revokedAt: iso(row.revokedAt),
    expiresAt: new Date(row.expiresAt).toISOString(),
    ...tokenExpiry(row, now),
  }));
}

export async function revokeApiToken(ctx: AppContext, tokenId: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await revokeApiTokenRow(trx, ctx.companyId, tokenId, ctx.clock.now())))
      throw new DomainError('not_found', { key: 'errors.auth.noToken', params: { id: String(tokenId) } });
    await recordAudit(ctx, trx, {
      action: 'api_token.revoke',
      entity: 'api_token',
      entityKey: String(tokenId),
      before: null,
      after: null,
    });
  });
}

/**
 * The customers.salesperson value a salesperson is limited to; undefined for everyone else.
 * null for a salesperson without a name: they see no customer at all (the scope fails closed —
 * a customer with no salesperson is not theirs). Callers compare with `isInScope`.
 */
export function salespersonScope(ctx: Pick<AppContext, 'user'>): string | null | undefined {
  return ctx.user?.role === 'salesperson' ? ctx.user.salesperson || null : undefined;
}

/** Whether a customer of this salesperson name is visible under the scope (see salespersonScope). */
export function isInScope(scope: string | null | undefined, salesperson: string | null): boolean {
  return scope === undefined || (scope !== null && salesperson === scope);
}
