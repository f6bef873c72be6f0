/** Requests and responses of the claim declarations (/api/legal/claims). */
import { type Static, Type } from 'typebox';
import { Currency, IsoDate, Minor, Nullable, StringEnum } from './common.ts';

/** A date in a request: checked as one. */
const Day = Type.String({ format: 'date', description: 'date, YYYY-MM-DD' });
const Text = (maxLength: number) => Type.Optional(Nullable(Type.String({ maxLength })));

export const ClaimSchema = Type.Object({
  claimId: Nullable(Type.Integer({ description: 'null until recorded (prepared, or by the BODACC watch)' })),
  customerCode: Type.String(),
  customerName: Type.String(),
  procedure: Type.String({ description: 'safeguard, receivership or liquidation' }),
  source: StringEnum(['bodacc', 'prepared', 'story', 'status'] as const, {
    description:
      'where its dates come from: a BODACC announcement, a person who prepared it, or (not recorded) the customer’s story or status',
  }),
  inProceedings: Type.Boolean({ description: 'the customer is in the procedure at the reference date' }),
  announcementId: Nullable(Type.String()),
  judgmentDate: Nullable(IsoDate),
  judgmentDateStated: Type.Boolean({
    description:
      'the judgment’s own date (BODACC, a person, or the story’s words); false: the day the story first told of the procedure',
  }),
  publicationDate: Nullable(IsoDate),
  deadline: Nullable(IsoDate),
  deadlineEstimated: Type.Boolean({
    description: 'counted from the judgment date, the BODACC publication (which follows it) not being known',
  }),
  status: Type.String({ description: 'to_declare, declared or cancelled' }),
  court: Nullable(Type.String()),
  mandataire: Nullable(Type.String()),
  mandataireAddress: Nullable(Type.String()),
  declaredOn: Nullable(IsoDate),
  declaredBy: Nullable(Type.String()),
  currency: Currency,
  principalMinor: Minor,
  interestMinor: Minor,
  indemnityMinor: Type.Integer({
    minimum: 0,
    description: '40 € recovery indemnity of each invoice late on the judgment’s day (L441-10), minor units',
  }),
  totalMinor: Type.Integer({
    minimum: 0,
    description: 'principal + interest + indemnities: the sum the declaration letter declares',
  }),
  secured: Type.Boolean(),
  interestStatus: Type.String(),
  items: Type.Array(
    Type.Object({
      documentRef: Type.String(),
      dueDate: IsoDate,
      openMinor: Minor,
      interestMinor: Minor,
      indemnityMinor: Minor,
    }),
  ),
  storyLine: Nullable(Type.Object({ date: IsoDate, text: Type.String() })),
});

export const ClaimListSchema = Type.Object({
  asOf: IsoDate,
  items: Type.Array(ClaimSchema),
  mayDeclare: Type.Boolean({
    description: 'whether the reader may prepare claims and record them as declared',
  }),
  mayPrintLetter: Type.Boolean({ description: 'whether the reader may print a claim’s declaration letter' }),
});

export const PrepareClaimBody = Type.Object({
  customerCode: Type.String({ minLength: 1 }),
  judgmentDate: Type.Optional(Day),
  publicationDate: Type.Optional(Nullable(Day)),
  secured: Type.Optional(Type.Boolean()),
  mandataire: Text(200),
  mandataireAddress: Text(400),
});

export const DeclareClaimBody = Type.Object({
  declaredOn: Type.Optional(Day),
  mandataire: Text(200),
  mandataireAddress: Text(400),
});

export type ClaimResponse = Static<typeof ClaimSchema>;
export type ClaimListResponse = Static<typeof ClaimListSchema>;
