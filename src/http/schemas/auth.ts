/** Responses of sign-in, the signed-in user and API tokens. */
import { type Static, Type } from 'typebox';
import { ROLES } from '#core/types';
import { Instant, Nullable, StringEnum } from './common.ts';

export const RoleSchema = StringEnum(ROLES);
export type Role = Static<typeof RoleSchema>;

export const UserSchema = Type.Object({
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  /** The salesperson's name a salesperson's customers carry (their scope). */
  salesperson: Nullable(Type.String()),
});
export type User = Static<typeof UserSchema>;

export const MeSchema = Type.Object({
  companyId: Type.String(),
  user: UserSchema,
  /** To repeat in the X-CSRF-Token header of writes made with the session cookie (null with a token). */
  csrfToken: Nullable(Type.String()),
});
export type Me = Static<typeof MeSchema>;

export const ApiTokenSchema = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  name: Type.String(),
  createdAt: Instant,
  lastUsedAt: Nullable(Instant),
  revokedAt: Nullable(Instant),
  /** After this instant the token no longer works (90 days by default); a password change revokes it too. */
  expiresAt: Instant,
  expiry: Type.Union(
    [Type.Literal('valid'), Type.Literal('expiring'), Type.Literal('expired'), Type.Literal('revoked')],
    { description: 'expiring: live, and ending within 14 days' },
  ),
  daysLeft: Type.Integer({ minimum: 0, description: 'whole days until it expires (a started day counts)' }),
});
export type ApiToken = Static<typeof ApiTokenSchema>;

export const CreatedTokenSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  email: Type.String(),
  token: Type.String({ description: 'the secret (enc_…), shown only in this answer' }),
  expiresAt: Instant,
});
export type CreatedToken = Static<typeof CreatedTokenSchema>;

/** An empty answer (204). */
export const NoContentSchema = Type.Null({ description: 'no content' });
