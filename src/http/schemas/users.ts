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

/** A colleague one can mention in a note. */
export const ColleagueSchema = Type.Object({ email: Type.String(), name: Type.String() });
export type Colleague = Static<typeof ColleagueSchema>;
