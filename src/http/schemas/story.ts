/**
 * The customer's story as the API answers it: each line's `detail` in the request's language,
 * and the catalogue message it was worded from, so a client (the web app) can word it in the
 * language on its own screen. Extends the shapes of ./customers.ts.
 */
import { type Static, Type } from 'typebox';
import type { StoryMessage } from '#core/types';
import { ImportOriginSchema, pageAsOf } from './common.ts';
import { CustomerEventSchema, CustomerFileSchema } from './customers.ts';

export const StoryMessageSchema = Type.Unsafe<StoryMessage | null>({
  type: ['object', 'null'],
  description:
    'the catalogue message the line was worded from (null on imported lines): its key and parameters — ' +
    'strings and numbers as is; {minor, currency} money; {date} a date; {figure, decimals} a number; ' +
    '{domain, code} a code of the catalogue; {key, params} a nested message',
  properties: {
    key: Type.String(),
    params: Type.Object({}, { additionalProperties: true }),
  },
  required: ['key', 'params'],
});

export const StoryEventSchema = Type.Object({
  ...CustomerEventSchema.properties,
  detail: Type.String({ description: 'the line in the language asked for (French by default)' }),
  message: StoryMessageSchema,
  importOrigin: Type.Optional(ImportOriginSchema),
});
export type StoryEvent = Static<typeof StoryEventSchema>;

export const StoryEventPageSchema = pageAsOf(StoryEventSchema);

export const CustomerFileWithStorySchema = Type.Object({
  ...CustomerFileSchema.properties,
  /** The latest 100 events. */
  events: Type.Array(StoryEventSchema),
});
export type CustomerFileWithStory = Static<typeof CustomerFileWithStorySchema>;
