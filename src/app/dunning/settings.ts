/**
 * The company's dunning settings: what its letters need beyond the company identity (telephone,
 * e-mail, bank details, signatory, VAT number when it is not the French one derived from the
 * SIREN), the variant of the interest computation, and the half-year rate table (public data
 * shared by every company, changed by an admin: see ARCHITECTURE.md). Name, SIREN and postal
 * address come from the company identity (`companies`, migration 0012) and nowhere else.
 */
import type { Kysely } from 'kysely';
import { maxDate } from '#core/calendar';
import { frenchVatNumber } from '#core/company-ids';
import { RATE_MODES } from '#core/dunning/late-interest';
import { isKnowableSemester, latestKnowableSemester, parseSemester } from '#core/dunning/semesters';
import { checkSenderDetails, SENDER_FIELD_MAX, type SenderDetails } from '#core/dunning/sender-details';
import type { IsoDate } from '#core/types';
import { type CompanyRow, selectCompany } from '#db/companies/company-queries';
import {
  type RateRow,
  type SettingsRow,
  selectRates,
  selectSettings,
  upsertRate,
  upsertSettings,
} from '#db/dunning/config-queries';
import type { Database } from '#db/infra/schema';
import type { LetterSender } from '#render/letters';
import { translator } from '#text/catalogue';
import { wordedDate } from '#text/error-words';
import { semesterWords } from '#text/rate-gaps';
import { recordAudit } from '../audit/audit.ts';
import { findCompany } from '../companies/companies.ts';
import { legalMentionsOf } from '../companies/legal-mentions.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { fieldWords, notOneOf } from './error-params.ts';

/** Columns of the settings table that the company identity now owns; never read, stored empty. */
const IDENTITY_FIELDS = ['legalName', 'addressLine1', 'addressLine2', 'postalCode', 'city', 'siren'] as const;
type IdentityField = (typeof IDENTITY_FIELDS)[number];
export type DunningSettings = Omit<SettingsRow, IdentityField>;

const EMPTY: DunningSettings = {
  vatNumber: null,
  phone: null,
  email: null,
  iban: null,
  bic: null,
  signatoryName: null,
  signatoryTitle: null,
  rateMode: 'split_by_semester',
  timeZone: 'Europe/Paris',
  reviewBeforeSending: false,
};

/**
 * The demo company's letter details (invented, like the rest of its data; its name and address
 * are its company identity), used until someone saves settings for it, so that its letters
 * read like real ones out of the box.
 */
const DEMO_LETTER_DETAILS: DunningSettings = {
  ...EMPTY,
  phone: '04 72 00 00 00',
  email: 'recouvrement@cb2c.example',
  // A real IBAN's form (valid check digits), as the settings page would accept it.
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  bic: 'BNPAFRPPXXX',
  signatoryName: 'Claire Moreau',
  // No title of its own: each letter carries the catalogue's in its language (« Responsable crédit
  // clients », "Credit Manager"), where a title typed in French signed the English letters too.
  signatoryTitle: null,
};

function withoutIdentity(row: SettingsRow): DunningSettings {
  const { legalName, addressLine1, addressLine2, postalCode, city, siren, ...rest } = row;
  return rest;
}

export async function readSettings(db: Kysely<Database>, companyId: string): Promise<DunningSettings> {
  const stored = await selectSettings(db, companyId);
  if (stored) return withoutIdentity(stored);
  return companyId === 'CB2C' ? DEMO_LETTER_DETAILS : EMPTY;
}

/**
 * The letterhead: who the company is from its identity (with its legal form, share capital and RCS
 * city), how to reach and pay it from the settings.
 */
export function senderOf(
  settings: DunningSettings,
  company: CompanyRow | null,
  companyId: string,
): LetterSender {
  const cityLine = [company?.postalCode, company?.city].filter((x): x is string => !!x).join(' ');
  const siren = company?.siren ?? null;
  const isFrench = (company?.country ?? 'FR') === 'FR';
  const mentions = company ? legalMentionsOf(company) : null;
  return {
    name: company?.name ?? companyId,
    addressLines: [company?.addressLine1, company?.addressLine2, cityLine].filter((x): x is string => !!x),
    siren,
    // A French company's intra-community number is its SIREN with a computed key.
    vatNumber: settings.vatNumber ?? (siren !== null && isFrench ? frenchVatNumber(siren) : null),
    phone: settings.phone,
    email: settings.email,
    iban: settings.iban,
    bic: settings.bic,
    signatoryName: settings.signatoryName,
    signatoryTitle: settings.signatoryTitle,
    // The title is typed in the company's language: a letter in another carries the catalogue's.
    signatoryTitleLang: isFrench ? 'fr' : 'en',
    city: company?.city ?? null,
    legalForm: mentions?.legalForm ?? null,
    shareCapitalMinor: mentions?.shareCapitalMinor ?? null,
    ...(company ? { shareCapitalCurrency: company.currency } : {}),
    rcsCity: mentions?.rcsCity ?? null,
  };
}

/**
 * Who an e-mail to a customer comes from: the company's name at this installation's sending
 * address, answers going to the company's own e-mail — the dunning e-mails and the credit
 * decisions told to a customer alike.
 */
export function customerMailSender(sender: LetterSender): { fromName: string; replyTo: string | null } {
  return { fromName: sender.name, replyTo: sender.email };
}

export async function loadSender(db: Kysely<Database>, companyId: string): Promise<LetterSender> {
  return senderOf(await readSettings(db, companyId), await selectCompany(db, companyId), companyId);
}

/**
 * The sender details of a change, as the letters print them (an IBAN in groups of four); refused
 * when one is not what its name says (an IBAN or a BIC that ibantools rejects, an e-mail address).
 */
function checkedSenderDetails(change: Partial<DunningSettings>): SenderDetails {
  const { details, problems } = checkSenderDetails(change);
  const problem = problems[0];
  if (problem)
    throw new DomainError('invalid_input', {
      key: `errors.dunning.sender.${problem.code}`,
      params: {
        field: (lang) => translator(lang)(`auditField.${problem.field}`),
        value: problem.value,
        max: SENDER_FIELD_MAX,
      },
    });
  return details;
}

export async function getDunningSettings(ctx: AppContext): Promise<DunningSettings> {
  return readSettings(ctx.db, ctx.companyId);
}

export async function updateDunningSettings(
  ctx: AppContext,
  change: Partial<DunningSettings>,
): Promise<DunningSettings> {
  const identity = IDENTITY_FIELDS.filter((field) => field in change);
  if (identity.length > 0)
    throw new DomainError('invalid_input', {
      key: 'errors.dunning.identityFields',
      params: { fields: (lang) => identity.map((field) => fieldWords(field)(lang)).join(', ') },
    });
  const details = checkedSenderDetails(change);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await readSettings(trx, ctx.companyId);
    const after: DunningSettings = { ...before, ...change, ...details };
    if (typeof after.reviewBeforeSending !== 'boolean')
      throw new DomainError('invalid_input', { key: 'errors.dunning.reviewFlag' });
    if (!(RATE_MODES as readonly string[]).includes(after.rateMode))
      throw notOneOf('rateMode', after.rateMode, RATE_MODES);
    const cleared = Object.fromEntries(IDENTITY_FIELDS.map((field) => [field, null])) as Pick<
      SettingsRow,
      IdentityField
    >;
    await upsertSettings(trx, ctx.companyId, ctx.actor, { ...after, ...cleared });
    await recordAudit(ctx, trx, {
      action: 'dunning.settings',
      entity: 'dunning_settings',
      entityKey: ctx.companyId,
      before,
      after,
    });
    return after;
  });
}

export async function listRates(ctx: AppContext): Promise<RateRow[]> {
  return selectRates(ctx.db);
}

/** The audit actions of the rate table: a half-year entered for the first time, or corrected. */
const RATE_ADDED_ACTION = 'dunning.rate_added';
const RATE_CHANGED_ACTION = 'dunning.rate';

/**
 * The date a half-year's rate is judged knowable from: the later of the company's reference date and
 * the clock's today. The table is shared public data, so a rate already published in the real world
 * can be entered even in a company dated in the past (the demo, at 30/06/2026), and a company dated
 * ahead of the clock can still enter the half-year after its own date.
 */
async function knowledgeDate(ctx: AppContext): Promise<IsoDate> {
  const referenceDate = (await findCompany(ctx, ctx.companyId))?.referenceDate ?? null;
  const today = ctx.clock.today();
  return referenceDate === null ? today : maxDate(referenceDate, today);
}

/**
 * A half-year as typed, as its key, refused when it is none or when its rate cannot be known yet:
 * the rate of a half-year is the ECB rate in force on its first day, so at most the next one's.
 */
async function knowableSemester(ctx: AppContext, typed: string): Promise<string> {
  // « S2 2026 » and « 2026S2 » as French writes them, stored as the key « 2026H2 ».
  const semester = parseSemester(typed);
  if (semester === null)
    throw new DomainError('invalid_input', { key: 'errors.dunning.semester', params: { value: typed } });
  const today = await knowledgeDate(ctx);
  if (!isKnowableSemester(semester, today))
    throw new DomainError('invalid_input', {
      key: 'errors.dunning.semesterNotKnown',
      params: {
        semester: (lang) => semesterWords(lang, semester),
        today: wordedDate(today),
        latest: (lang) => semesterWords(lang, latestKnowableSemester(today)),
      },
    });
  return semester;
}

/** Enters or corrects a half-year: the table is never fetched nor hard-coded in the computation. */
export async function setRate(ctx: AppContext, typed: RateRow): Promise<RateRow[]> {
  if (ctx.user && ctx.user.role !== 'admin')
    throw new DomainError('forbidden', { key: 'errors.dunning.ratesAdminOnly' });
  const semester = await knowableSemester(ctx, String(typed.semester));
  const row = { ...typed, semester };
  const valid = (bps: number | null) =>
    bps === null || (Number.isSafeInteger(bps) && bps >= 0 && bps <= 100_000);
  if (!valid(row.ecbRateBps) || !valid(row.legalInterestRateBps))
    throw new DomainError('invalid_input', { key: 'errors.dunning.rateBps', params: { max: 100_000 } });
  return ctx.db.transaction().execute(async (trx) => {
    const before = (await selectRates(trx)).find((rate) => rate.semester === semester) ?? null;
    await upsertRate(trx, ctx.actor, row);
    await recordAudit(ctx, trx, {
      // A half-year new to the table reads « added », not « changed ».
      action: before === null ? RATE_ADDED_ACTION : RATE_CHANGED_ACTION,
      entity: 'dunning_rate',
      entityKey: row.semester,
      before,
      after: row,
    });
    return selectRates(trx);
  });
}
