/**
 * Users, web sessions and API tokens. Secrets are looked up by their SHA-256 hash only.
 * The tables of migration 0004 are typed here (schema.ts describes the ledger).
 */
import type { Generated, Kysely } from 'kysely';
import { preparedQuery } from '../infra/prepared.ts';
import type { Database, UsersTable } from '../infra/schema.ts';
import { cachedSession, forgetCachedSessions } from './session-cache.ts';

interface SessionsTable {
  company_id: string;
  session_hash: string;
  email: string;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Date;
}

interface ApiTokensTable {
  company_id: string;
  token_id: Generated<number>;
  email: string;
  name: string;
  token_hash: string;
  created_at: Generated<Date>;
  last_used_at: Date | null;
  revoked_at: Date | null;
  /** Migration 0006. */
  expires_at: Date;
}

interface AuthDatabase extends Omit<Database, 'users'> {
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  /** Migration 0025: the language of the user's e-mails. */
  users: UsersTable & { disabled_at: Date | null; language: Generated<string> };
}

// The same connection, seen with the tables of migration 0004.
const auth = (db: Kysely<Database>) => db as unknown as Kysely<AuthDatabase>;

export interface UserRow {
  companyId: string;
  email: string;
  name: string;
  role: string;
  salesperson: string | null;
  passwordHash: string | null;
  disabled: boolean;
  /** 'fr' or 'en': the language of the e-mails Encours sends the user. */
  language: string;
}

const USER_COLUMNS = [
  'users.company_id as companyId',
  'users.email',
  'users.name',
  'users.role',
  'users.salesperson',
  'users.password_hash as passwordHash',
  'users.language',
] as const;

/** Users with this e-mail in every company (or one), for login. */
export async function findUsersByEmail(
  db: Kysely<Database>,
  email: string,
  companyId?: string,
): Promise<UserRow[]> {
  let query = auth(db)
    .selectFrom('users')
    .select([...USER_COLUMNS, 'users.disabled_at'])
    .where((eb) => eb(eb.fn('lower', ['users.email']), '=', email.toLowerCase()));
  if (companyId) query = query.where('users.company_id', '=', companyId);
  const rows = await query.orderBy('users.company_id').execute();
  return rows.map(({ disabled_at, ...row }) => ({ ...row, disabled: disabled_at !== null }));
}

export async function listUserRows(db: Kysely<Database>, companyId: string): Promise<UserRow[]> {
  const rows = await auth(db)
    .selectFrom('users')
    .select([...USER_COLUMNS, 'users.disabled_at'])
    .where('users.company_id', '=', companyId)
    .orderBy('users.email')
    .execute();
  return rows.map(({ disabled_at, ...row }) => ({ ...row, disabled: disabled_at !== null }));
}

export async function insertUser(
  db: Kysely<Database>,
  user: Omit<UserRow, 'disabled' | 'language'> & { language?: string | undefined },
): Promise<void> {
  await auth(db)
    .insertInto('users')
    .values({
      company_id: user.companyId,
      email: user.email,
      name: user.name,
      role: user.role,
      salesperson: user.salesperson,
      password_hash: user.passwordHash,
      ...(user.language === undefined ? {} : { language: user.language }),
    })
    .execute();
}

export async function updateUserRow(
  db: Kysely<Database>,
  companyId: string,
  email: string,
  changes: {
    name?: string;
    role?: string;
    salesperson?: string | null;
    passwordHash?: string;
    disabled?: boolean;
    language?: string;
  },
  now: Date,
): Promise<{ tokensRevoked: number }> {
  await auth(db)
    .updateTable('users')
    .set({
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.role === undefined ? {} : { role: changes.role }),
      ...(changes.salesperson === undefined ? {} : { salesperson: changes.salesperson }),
      ...(changes.passwordHash === undefined ? {} : { password_hash: changes.passwordHash }),
      ...(changes.disabled === undefined ? {} : { disabled_at: changes.disabled ? now : null }),
      ...(changes.language === undefined ? {} : { language: changes.language }),
    })
    .where('company_id', '=', companyId)
    .where('email', '=', email)
    .execute();
  // Remembered sessions carry the user's role and name: none is trusted again until this commits.
  forgetCachedSessions();
  // A disabled user or a new password ends every open session of that user.
  if (changes.disabled || changes.passwordHash !== undefined) {
    await auth(db)
      .deleteFrom('sessions')
      .where('company_id', '=', companyId)
      .where('email', '=', email)
      .execute();
  }
  // A new password also revokes the user's API tokens: a reset after a leak must shut every door.
  if (changes.passwordHash === undefined) return { tokensRevoked: 0 };
  const revoked = await auth(db)
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('company_id', '=', companyId)
    .where('email', '=', email)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return { tokensRevoked: Number(revoked.numUpdatedRows) };
}

export async function insertSession(
  db: Kysely<Database>,
  session: { companyId: string; sessionHash: string; email: string; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await auth(db)
    .insertInto('sessions')
    .values({
      company_id: session.companyId,
      session_hash: session.sessionHash,
      email: session.email,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
    })
    .execute();
}

export interface PrincipalRow extends UserRow {
  csrfToken: string | null;
}

/** Every /api request asks it: prepared once (see preparedQuery). */
const sessionUser = preparedQuery(
  { sessionHash: '\u0001session', now: new Date(0) },
  (db, { sessionHash, now }) =>
    auth(db)
      .selectFrom('sessions')
      .innerJoin('users', (join) =>
        join
          .onRef('users.company_id', '=', 'sessions.company_id')
          .onRef('users.email', '=', 'sessions.email'),
      )
      .select([...USER_COLUMNS, 'sessions.csrf_token as csrfToken', 'sessions.expires_at as expiresAt'])
      .where('sessions.session_hash', '=', sessionHash)
      .where('sessions.expires_at', '>', now)
      .where('users.disabled_at', 'is', null)
      .compile(),
);

/** The user behind a live session of an enabled account (remembered by the server: session-cache.ts). */
export async function findSessionUser(
  db: Kysely<Database>,
  sessionHash: string,
  now: Date,
): Promise<PrincipalRow | null> {
  return cachedSession(db, sessionHash, now, async () => {
    const [found] = (await sessionUser(db, { sessionHash, now })).rows;
    if (!found) return null;
    const { expiresAt, ...row } = found;
    return { row: Object.freeze({ ...row, disabled: false }), expiresAt: new Date(expiresAt) };
  });
}

export async function deleteSession(db: Kysely<Database>, sessionHash: string): Promise<void> {
  await auth(db).deleteFrom('sessions').where('session_hash', '=', sessionHash).execute();
  forgetCachedSessions();
}

/** The user behind an unrevoked API token; records its last use. */
export async function findTokenUser(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date,
): Promise<PrincipalRow | null> {
  const row = await auth(db)
    .updateTable('api_tokens')
    .set({ last_used_at: now })
    .from('users')
    .whereRef('users.company_id', '=', 'api_tokens.company_id')
    .whereRef('users.email', '=', 'api_tokens.email')
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where('api_tokens.expires_at', '>', now)
    .where('users.disabled_at', 'is', null)
    .returning([...USER_COLUMNS])
    .executeTakeFirst();
  return row ? { ...row, disabled: false, csrfToken: null } : null;
}

export interface ApiTokenRow {
  id: number;
  email: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}

export async function insertApiToken(
  db: Kysely<Database>,
  token: { companyId: string; email: string; name: string; tokenHash: string; expiresAt: Date },
): Promise<number> {
  const row = await auth(db)
    .insertInto('api_tokens')
    .values({
      company_id: token.companyId,
      email: token.email,
      name: token.name,
      token_hash: token.tokenHash,
      expires_at: token.expiresAt,
    })
    .returning('token_id')
    .executeTakeFirstOrThrow();
  return row.token_id;
}

/** Whether the user already holds a live token (neither revoked nor expired) of that name, whatever its case. */
export async function hasLiveTokenNamed(
  db: Kysely<Database>,
  token: { companyId: string; email: string; name: string; now: Date },
): Promise<boolean> {
  const row = await auth(db)
    .selectFrom('api_tokens')
    .select('token_id')
    .where('company_id', '=', token.companyId)
    .where('email', '=', token.email)
    .where((eb) => eb(eb.fn('lower', [eb.fn('btrim', ['name'])]), '=', token.name.trim().toLowerCase()))
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', token.now)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function listApiTokenRows(db: Kysely<Database>, companyId: string): Promise<ApiTokenRow[]> {
  return auth(db)
    .selectFrom('api_tokens')
    .select([
      'token_id as id',
      'email',
      'name',
      'created_at as createdAt',
      'last_used_at as lastUsedAt',
      'revoked_at as revokedAt',
      'expires_at as expiresAt',
    ])
    .where('company_id', '=', companyId)
    .orderBy('token_id')
    .execute();
}

/** Returns false when there is no such live token. */
export async function revokeApiTokenRow(
  db: Kysely<Database>,
  companyId: string,
  tokenId: number,
  now: Date,
): Promise<boolean> {
  const result = await auth(db)
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('company_id', '=', companyId)
    .where('token_id', '=', tokenId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
