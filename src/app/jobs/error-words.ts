/** Words of the jobs' errors that depend on the reader's language. */
import { hasLabel, label } from '#text/catalogue';
import type { WordingParam } from '../errors.ts';

/** A job kind by its name; a kind the catalogue does not know (a mistyped one, a test's) as given. */
export const jobKindWords =
  (kind: string): WordingParam =>
  (lang) =>
    hasLabel(lang, 'jobKind', kind) ? label(lang, 'jobKind', kind) : kind;
