/** Responses of the user accounts (admin) and of the colleague directory. */
import { type Static, Type } from 'typebox';
import { UserSchema } from './auth.ts';

/** The language of the e-mails Encours sends a user. */
export const UserLanguageSchema = Type.Union([Type.Literal('fr'), Type.Literal('en')]);

export const UserAccountSchema = Type.Object({
  ...UserSchema.properties,
  disabled: Type.Boolean(),
  language: UserLanguageSchema,
});
export type UserAccount = Static<typeof UserAccountSchema>;

/**
 * A colleague of the directory. A deactivated one stays listed (`active: false`) so that their past
 * actions are still shown under their name; nothing may be given to them any more, so pickers offer
 * the active ones only.
 */
export const ColleagueSchema = Type.Object({
  email: Type.String(),
  name: Type.String(),
  active: Type.Boolean(),
});
export type Colleague = Static<typeof ColleagueSchema>;
