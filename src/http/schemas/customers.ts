/** Responses of /api/customers: the portfolio list, the customer file and its sub-resources. */
import { type Static, Type } from 'typebox';
import { Currency, IsoDate, Minor, Nullable, pageAsOf } from './common.ts';

export const CustomerSummarySchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  customerType: Type.String(),
  salesperson: Nullable(Type.String()),
  status: Type.String(),
  creditLimitMinor: Nullable(Minor),
  balanceMinor: Minor,
  overdueMinor: Minor,
  currency: Currency,
});
export type CustomerSummary = Static<typeof CustomerSummarySchema>;

export const CustomerPageSchema = pageAsOf(CustomerSummarySchema);
export type CustomerPage = Static<typeof CustomerPageSchema>;

const portfolioFigures = {
  customerCount: Type.Integer(),
  outstandingMinor: Type.Integer({
    description:
      'Σ balances, minor units of `currency`: each customer net of its open credits (one in credit lowers it), as the aged balance totals them',
  }),
  overdueMinor: Minor,
  notDueMinor: Type.Integer({
    description: 'outstandingMinor − overdueMinor: the parts not yet due, less the open credits',
  }),
  overLimit: Type.Integer({
    description:
      'customers whose exposure (open items and orders not yet invoiced, as the order check counts it) is above their limit in force: a negative availableMinor in /api/credit/customers/{code}/risk',
  }),
  nearLimit: Type.Integer({
    description: 'customers whose exposure uses 80 % to 100 % of their limit in force',
  }),
  underLimit: Type.Integer({
    description: 'customers whose exposure uses less than 80 % of their limit in force',
  }),
  withoutLimit: Type.Integer({ description: 'customers with no limit in force and a positive exposure' }),
  withoutLimitNothingExposed: Type.Integer({
    description:
      'customers with no limit in force and nothing exposed; with the four counts above, every customer once (they add up to customerCount)',
  }),
};
/** GET /api/portfolio/summary: every customer the caller may see, not a page of them. */
export const PortfolioSummarySchema = Type.Object({
  asOf: IsoDate,
  currency: Currency,
  ...portfolioFigures,
  byCustomerType: Type.Array(Type.Object({ customerType: Type.String(), ...portfolioFigures })),
});
export type PortfolioSummary = Static<typeof PortfolioSummarySchema>;

/** Contacts are stored as JSON: the writers fill every field, but a stored one may lack some. */
export const ContactSchema = Type.Object({
  name: Type.String(),
  role: Type.Optional(Nullable(Type.String())),
  email: Type.Optional(Nullable(Type.String())),
  phone: Type.Optional(Nullable(Type.String())),
});
export type Contact = Static<typeof ContactSchema>;

/** The customer's identity and credit line, as stored. */
export const CustomerSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  siren: Nullable(Type.String()),
  siret: Nullable(Type.String()),
  vatNumber: Nullable(Type.String()),
  customerType: Type.String(),
  groupCode: Nullable(Type.String()),
  salesperson: Nullable(Type.String()),
  paymentTerms: Type.String({ description: 'canonical terms, e.g. net:30 or eom:45' }),
  currency: Currency,
  creditLimitMinor: Nullable(Minor),
  billingEmail: Nullable(Type.String()),
  contacts: Type.Array(ContactSchema),
  addressLine1: Nullable(Type.String()),
  addressLine2: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  city: Nullable(Type.String()),
  country: Type.String(),
  language: Type.String(),
  status: Type.String(),
});
export type Customer = Static<typeof CustomerSchema>;

export const DocumentSchema = Type.Object({
  documentId: Type.Integer(),
  kind: Type.String(),
  source: Type.String(),
  externalRef: Type.String(),
  issueDate: IsoDate,
  dueDate: IsoDate,
  amountMinor: Minor,
  openMinor: Minor,
  currency: Currency,
  label: Nullable(Type.String()),
});
export type LedgerDocument = Static<typeof DocumentSchema>;

/** The last dunning step an open invoice reached: codes, worded by the reader (step kind, channel). */
export const LastDunningStepSchema = Type.Object({
  sentOn: IsoDate,
  level: Type.Integer({ description: 'the step’s rank in the policy, 1 for the first' }),
  stepCode: Type.String(),
  stepKind: Type.String({ description: 'courtesy, reminder, formal_notice or handover' }),
  channel: Nullable(Type.String({ description: 'how Encours sent it; null for an imported reminder' })),
  stepChannel: Type.String({ description: 'the policy step’s channel (call_task: a call to make)' }),
  source: Type.Union([Type.Literal('encours'), Type.Literal('imported')], {
    description: 'an action Encours recorded, or a reminder of the imported story',
  }),
  cappedBefore: Nullable(
    Type.String({
      description:
        'an imported reminder whose date had reached this step kind (formal_notice or handover): the level stops below it, Encours sends that step itself; null otherwise',
    }),
  ),
});
export type LastDunningStep = Static<typeof LastDunningStepSchema>;

export const OpenItemSchema = Type.Object({
  ...DocumentSchema.properties,
  daysPastDue: Type.Integer(),
  lastDunningStep: Nullable(LastDunningStepSchema),
  handedOver: Type.Boolean({
    description: 'in a legal file handed over to a lawyer or an agency, not withdrawn, at the date',
  }),
});
export type OpenItem = Static<typeof OpenItemSchema>;

export const AllocationSchema = Type.Object({
  allocationId: Type.Integer(),
  allocationDate: IsoDate,
  amountMinor: Minor,
  debitRef: Type.String(),
  creditRef: Type.String(),
  reversesAllocationId: Nullable(Type.Integer()),
  source: Type.String(),
});
export type Allocation = Static<typeof AllocationSchema>;

export const OrderSchema = Type.Object({
  number: Type.String(),
  orderDate: IsoDate,
  amountMinor: Minor,
  currency: Currency,
  status: Type.String(),
  /** The credit check's decision on it (approved, held, released, refused); null when never checked. */
  creditStatus: Nullable(Type.String()),
});
export type Order = Static<typeof OrderSchema>;

export const CustomerEventSchema = Type.Object({
  kind: Type.String(),
  eventDate: IsoDate,
  documentRef: Nullable(Type.String()),
  detail: Type.String(),
  createdBy: Nullable(Type.String()),
});
export type CustomerEvent = Static<typeof CustomerEventSchema>;

export const CustomerFileSchema = Type.Object({
  asOf: IsoDate,
  customer: CustomerSchema,
  balanceMinor: Minor,
  overdueMinor: Minor,
  currency: Currency,
  openItems: Type.Array(OpenItemSchema),
  /** The latest 50 orders. */
  orders: Type.Array(OrderSchema),
  /** The latest 100 events. */
  events: Type.Array(CustomerEventSchema),
});
export type CustomerFile = Static<typeof CustomerFileSchema>;

export const DocumentPageSchema = pageAsOf(DocumentSchema);
export const AllocationPageSchema = pageAsOf(AllocationSchema);
export const OrderPageSchema = pageAsOf(OrderSchema);
export const EventPageSchema = pageAsOf(CustomerEventSchema);

export const PaymentBehaviourSchema = Type.Object({
  asOf: IsoDate,
  from: IsoDate,
  currency: Currency,
  months: Type.Array(
    Type.Object({
      month: Type.String({ description: 'YYYY-MM' }),
      paidMinor: Minor,
      invoices: Type.Integer(),
      averageDelayDays: Nullable(Type.Number()),
      averageDaysToPay: Nullable(Type.Number()),
    }),
  ),
  unpaidOverdue: Type.Object(
    {
      invoices: Type.Integer(),
      openMinor: Minor,
      oldestDaysPastDue: Type.Integer({ description: 'days past due of the oldest; 0 when none' }),
      averageDaysPastDue: Nullable(Type.Number({ description: 'amount-weighted' })),
    },
    {
      description:
        "Invoices in the customer's currency past due and unpaid at asOf: the months measure payments received only.",
    },
  ),
});
export type PaymentBehaviour = Static<typeof PaymentBehaviourSchema>;

export const CustomerChangedSchema = Type.Object({
  code: Type.String(),
  changed: Type.Array(Type.String(), { description: 'the fields that changed' }),
});
export type CustomerChanged = Static<typeof CustomerChangedSchema>;

export const NoteAddedSchema = Type.Object({
  eventDate: IsoDate,
  detail: Type.String(),
  mentions: Type.Array(Type.String(), { description: 'e-mails of the colleagues mentioned' }),
  createdBy: Type.String(),
});
export type NoteAdded = Static<typeof NoteAddedSchema>;

/** A note that mentions the signed-in user. */
export const MentionSchema = Type.Object({
  customerCode: Type.String(),
  eventDate: IsoDate,
  detail: Type.String(),
  createdBy: Nullable(Type.String()),
});
export type Mention = Static<typeof MentionSchema>;
