/** Responses of the user accounts (admin) and of the colleague directory. */
import { type Static, Type } from 'typebox';
import { UserSchema } from './auth.ts';

export const UserAccountSchema = Type.Object({ ...UserSchema.properties, disabled: Type.Boolean() });
export type UserAccount = Static<typeof UserAccountSchema>;

/** A colleague one can mention in a note. */
export const ColleagueSchema = Type.Object({ email: Type.String(), name: Type.String() });
export type Colleague = Static<typeof ColleagueSchema>;
