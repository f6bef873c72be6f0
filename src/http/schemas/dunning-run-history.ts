/** The history of dunning runs as the API answers it, shared with the web app (its static types). */
import { type Static, Type } from 'typebox';
import { Currency, Instant, IsoDate, Minor } from './common.ts';

const count = (description: string) => Type.Integer({ minimum: 0, description });

export const RunHistoryItemSchema = Type.Object({
  runId: Type.Integer(),
  asOf: IsoDate,
  createdAt: Instant,
  createdBy: Type.String({ description: 'who ran it (an e-mail, or the job that did)' }),
  customers: count('customers reminded'),
  emails: count('e-mails sent (actions still sent, not cancelled)'),
  letters: count('ordinary letters'),
  registeredLetters: count('registered letters'),
  sms: count('SMS'),
  callTasks: count('call steps'),
  tasksCreated: count('every task the run raised: calls, claims to declare, broken promises'),
  cancelled: count('actions cancelled since'),
  skippedItems: count('invoices left out'),
  totals: Type.Array(Type.Object({ currency: Currency, totalDueMinor: Minor }), {
    description: 'what its reminders claim, per currency',
  }),
  batchFiles: Type.Array(
    Type.Object({
      letterId: Type.Integer(),
      path: Type.String(),
      part: Type.Integer(),
      parts: Type.Integer(),
    }),
    { description: 'the print batch (letters to print and post, registered ones first), in print order' },
  ),
});
export type RunHistoryItem = Static<typeof RunHistoryItemSchema>;

export const RunHistoryPageSchema = Type.Object({
  total: Type.Integer(),
  items: Type.Array(RunHistoryItemSchema),
});
export type RunHistoryPage = Static<typeof RunHistoryPageSchema>;
